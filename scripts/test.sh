#!/usr/bin/env bash
# Install everything, then run the whole test suite: Qt offscreen, and a real
# Secret Service (gnome-keyring inside a private D-Bus session) for the keychain tests.
# The Secret Service keeps its keyrings in a temporary folder made for this run and
# removed after it: the person's own keyrings (~/.local/share/keyrings) are never opened.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
export EXADESK_SECRET_SERVICE=1
export PYTHONDONTWRITEBYTECODE=1
RUN_HOME="$(mktemp -d "${TMPDIR:-/tmp}/exadesk-test-run.XXXXXX")"
trap 'rm -rf "$RUN_HOME"' EXIT
mkdir -p "$RUN_HOME/data" "$RUN_HOME/config" "$RUN_HOME/cache" "$RUN_HOME/runtime"
chmod 700 "$RUN_HOME/runtime"
export XDG_DATA_HOME="$RUN_HOME/data" XDG_CONFIG_HOME="$RUN_HOME/config"
export XDG_CACHE_HOME="$RUN_HOME/cache" XDG_RUNTIME_DIR="$RUN_HOME/runtime"
export EXADESK_TEST_RUN_HOME="$RUN_HOME"  # a test checks the keyrings really are written here
# The session bus's own messages (service activations, the keyring's prompter finding no display in the locked-
# keyring tests) go to a log shown only when the run fails, without the one line a container always causes (it
# may not raise its open-file limit to 65536), so they do not break up pytest's output. (A filter on the
# daemon's stderr pipe would hold the fd dbus-run-session waits on.)
DBUS_LOG="$RUN_HOME/dbus-daemon.log"
printf '#!/bin/sh\nexec %s "$@" 2>>"%s"\n' "$(command -v dbus-daemon)" "$DBUS_LOG" > "$RUN_HOME/dbus-daemon"
chmod +x "$RUN_HOME/dbus-daemon"
# One pytest worker per core (pytest-xdist); EXADESK_TEST_WORKERS=0 runs everything in this one process.
status=0
dbus-run-session --dbus-daemon="$RUN_HOME/dbus-daemon" -- bash -c '
  set -e
  eval "$(printf "exadesk-test-keyring" | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  .venv/bin/python -m pytest -q -p no:cacheprovider -n "${EXADESK_TEST_WORKERS:-auto}" "$@"
' bash "$@" || status=$?
if [ "$status" -ne 0 ]; then
  grep -v 'Failed to set fd limit' "$DBUS_LOG" >&2 || true
fi
exit "$status"
