#!/bin/sh
# Installs an unpacked Linux build of nkarchive for the current user: the app folder under
# ~/.local/opt, the command in ~/.local/bin, the menu entry and its icon. Run it from the
# unpacked folder (it sits beside the `nkarchive` executable) or give that folder as $1.
# Uninstall: rm -r ~/.local/opt/nkarchive ~/.local/bin/nkarchive \
#   ~/.local/share/applications/nkarchive.desktop ~/.local/share/icons/hicolor/*/apps/nkarchive.*
set -eu
SOURCE=$(cd "${1:-$(dirname "$0")}" && pwd)
[ -x "$SOURCE/nkarchive" ] || { echo "no nkarchive executable in $SOURCE" >&2; exit 1; }
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
TARGET=$HOME/.local/opt/nkarchive

rm -rf "$TARGET"
mkdir -p "$TARGET" "$HOME/.local/bin" "$DATA/applications"
cp -a "$SOURCE/." "$TARGET/"
ln -sf "$TARGET/nkarchive" "$HOME/.local/bin/nkarchive"
ICONS=$TARGET/_internal/resources/icons
for size in 16 24 32 48 64 128 256 512; do
    mkdir -p "$DATA/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/nkarchive-$size.png" "$DATA/icons/hicolor/${size}x${size}/apps/nkarchive.png"
done
mkdir -p "$DATA/icons/hicolor/scalable/apps"
cp "$ICONS/nkarchive.svg" "$DATA/icons/hicolor/scalable/apps/nkarchive.svg"
# The menu entry runs the installed executable by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=.*|Exec=$TARGET/nkarchive|" -e "s|^TryExec=.*|TryExec=$TARGET/nkarchive|" \
    "$SOURCE/nkarchive.desktop" > "$DATA/applications/nkarchive.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database "$DATA/applications" || true
echo "nkarchive installed in $TARGET; run it from your applications menu or as ~/.local/bin/nkarchive"
