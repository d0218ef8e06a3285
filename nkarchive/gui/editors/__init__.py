"""The record editors: one form per kind of record, each saved as one operation."""
