#!/usr/bin/env bash
# Installs what ExaDesk needs on a Debian/Ubuntu machine: Qt's runtime libraries,
# a Secret Service (gnome-keyring + dbus) and a virtual environment in .venv.
# Sourced by start.sh and test.sh; safe to run again (it skips what is there).
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  python3-venv python3-pip
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xkb1 libx11-xcb1
  dbus dbus-x11 gnome-keyring libsecret-tools
  xvfb xauth fonts-dejavu-core poppler-utils
  desktop-file-utils appstream
)

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  else
    echo "setup: missing Debian packages (run as root, or: sudo apt-get install ${missing[*]})" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
# "test" (scripts/test.sh) adds the test tools; the app alone needs only the package.
EXTRAS=${1:-}
# Reinstall only when the dependencies changed, so a second start is immediate (the package is editable).
STAMP=".venv/.exadesk-installed"
WANT="$(sha256sum pyproject.toml | cut -d' ' -f1) ${EXTRAS:-app}"
if ! grep -qxF "$WANT" "$STAMP" 2>/dev/null; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${EXTRAS:+[$EXTRAS]}"
  echo "$WANT" >> "$STAMP"
fi
