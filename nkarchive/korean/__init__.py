"""korean."""
