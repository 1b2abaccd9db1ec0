#!/usr/bin/env sh
# Install ExaDesk from this unpacked archive: for you (~/.local) or, with --system as root, for everyone (/opt, /usr/local).
#   sh install.sh [--system]      sh install.sh --uninstall [--system]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--uninstall" ]; then UNINSTALL=1; shift; else UNINSTALL=0; fi
if [ "${1:-}" = "--system" ]; then
  APPS=/opt/exadesk; BIN=/usr/local/bin; SHARE=/usr/local/share
else
  APPS="$HOME/.local/opt/exadesk"; BIN="$HOME/.local/bin"; SHARE="${XDG_DATA_HOME:-$HOME/.local/share}"
fi
APP_ID=io.exadesk.ExaDesk
if [ "$UNINSTALL" = 1 ]; then
  rm -rf "$APPS" "$BIN/exadesk" "$SHARE/applications/$APP_ID.desktop" "$SHARE/metainfo/$APP_ID.metainfo.xml"
  find "$SHARE/icons/hicolor" -name "$APP_ID.*" -delete 2>/dev/null || true
  echo "ExaDesk removed (your data and keychain entries are kept)."
  exit 0
fi
rm -rf "$APPS"
mkdir -p "$APPS" "$BIN" "$SHARE"
cp -a "$HERE/exadesk/." "$APPS/"
ln -sf "$APPS/exadesk" "$BIN/exadesk"
cp -a "$HERE/share/." "$SHARE/"
# The menu must find the app even when ~/.local/bin is not on the session's PATH.
sed -i "s|^Exec=exadesk|Exec=$APPS/exadesk|; s|^TryExec=exadesk|TryExec=$APPS/exadesk|" \
  "$SHARE/applications/$APP_ID.desktop"
# Menus and icon caches pick the new files up; the tools are optional.
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$SHARE/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" || true
echo "ExaDesk installed: find it in your applications menu, or run $BIN/exadesk"
