#!/usr/bin/env bash
# Build the Linux app: a one-folder PyInstaller bundle plus its desktop files, packed as
# build/dist/exadesk-<version>-linux-<arch>.tar.gz, then run the bundle's smoke tests on it.
#
#   bash packaging/build-linux.sh            # needs: pip install pyinstaller
#
# The archive unpacks to exadesk-<version>/ with install.sh (per user, or --system as root).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}

if ! "$PY" -c "import PyInstaller" 2>/dev/null; then
  echo "build-linux: PyInstaller is missing; install it with: $PY -m pip install pyinstaller" >&2
  exit 2
fi
VERSION=$("$PY" -c "import sys; sys.path.insert(0, 'packaging'); import build_config; print(build_config.version())")
APP_ID=$("$PY" -c "import sys; sys.path.insert(0, 'packaging'); import build_config; print(build_config.APP_ID)")
ARCH=$(uname -m)

QT_QPA_PLATFORM=offscreen "$PY" packaging/render_icons.py --check || {
  echo "build-linux: the icon renders are stale; run: QT_QPA_PLATFORM=offscreen $PY packaging/render_icons.py" >&2
  exit 1
}

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath build/dist --workpath build/work packaging/exadesk.spec
seconds=$(( $(date +%s) - start ))
BUNDLE=build/dist/exadesk

# The desktop integration files, laid out as under /usr or ~/.local.
STAGE=build/dist/exadesk-$VERSION
rm -rf "$STAGE"
mkdir -p "$STAGE/share/applications" "$STAGE/share/metainfo" "$STAGE/share/icons"
cp -a "$BUNDLE" "$STAGE/exadesk"
cp packaging/linux/"$APP_ID".desktop "$STAGE/share/applications/"
cp packaging/linux/"$APP_ID".metainfo.xml "$STAGE/share/metainfo/"
cp -a packaging/linux/icons/hicolor "$STAGE/share/icons/"
cp packaging/linux/install.sh "$STAGE/install.sh"
ARCHIVE=build/dist/exadesk-$VERSION-linux-$ARCH.tar.gz
tar -C build/dist -czf "$ARCHIVE" "exadesk-$VERSION"

echo "build-linux: built in ${seconds}s; bundle $(du -sh "$BUNDLE" | cut -f1), archive $(du -sh "$ARCHIVE" | cut -f1): $ARCHIVE"
EXADESK_BUNDLE="$PWD/$BUNDLE" QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q -p no:cacheprovider tests/packaging/test_bundle.py
