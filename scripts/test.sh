#!/usr/bin/env bash
# Install everything, then run the whole test suite: Qt offscreen, and a real
# Secret Service (gnome-keyring inside a private D-Bus session) for the keychain tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
export EXADESK_SECRET_SERVICE=1
export PYTHONDONTWRITEBYTECODE=1
exec dbus-run-session -- bash -c '
  set -e
  eval "$(printf "exadesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
' bash "$@"
