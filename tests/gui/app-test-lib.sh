# SPDX-License-Identifier: GPL-3.0-or-later
# app-test-lib.sh: what the tests that drive the real flashsheet share: arguments, the display,
# a private home that is removed afterwards, and fail(). Sourced with test_name set.

if [ $# -ne 4 ]; then
  echo "usage: $0 FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR" >&2
  exit 2
fi
app=$1
cli=$2
schema_dir=$3
decks_dir=$4

if [ -z "${DISPLAY:-}" ]; then
  echo "SKIP: no X display (run the suite under xvfb-run)"
  exit 77
fi
for tool in xdotool timeout; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "FAIL: $tool is missing (build-aux/deps installs it)"
    exit 1
  fi
done

home=$(mktemp -d "${TMPDIR:-/tmp}/flashsheet-$test_name-XXXXXX")
app_pid=

cleanup() {
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    wait "$app_pid" 2>/dev/null || true
  fi
  rm -rf "$home"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*"
  if [ -s "$home/app.log" ]; then
    sed 's/^/app: /' "$home/app.log"
  fi
  exit 1
}

# The app and the CLI in the private home (its data, config, cache and state folders made), UTC, the
# memory GSettings backend and critical warnings fatal.
use_private_home() {
  export HOME=$home
  export XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config
  export XDG_CACHE_HOME=$home/cache XDG_STATE_HOME=$home/state
  export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$schema_dir
  export GSK_RENDERER=cairo NO_AT_BRIDGE=1 LC_ALL=C.UTF-8 TZ=UTC
  export FLASHSHEET_DECKS_DIR=$decks_dir
  export G_DEBUG=fatal-criticals
  mkdir -p "$XDG_DATA_HOME/flashsheet" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
}

# Starts the app (its output goes to $home/app.log) and gives its main window the keyboard focus.
start_app() {
  local starts=0
  "$app" >>"$home/app.log" 2>&1 &
  app_pid=$!
  # This process's window: right after a kill the X server may still list the window of the app
  # before it, and a search that meets it as it goes fails. Nor may the server take a new client
  # at once after a killed one ("cannot open display"): the app is then started again.
  window=
  for _ in $(seq 1 300); do
    if ! kill -0 "$app_pid" 2>/dev/null; then
      starts=$((starts + 1))
      grep -q "cannot open display" "$home/app.log" && [ "$starts" -lt 5 ] \
        || fail "the app exited as it started"
      : >"$home/app.log"
      sleep 1
      "$app" >>"$home/app.log" 2>&1 &
      app_pid=$!
      continue
    fi
    window=$(xdotool search --onlyvisible --pid "$app_pid" --name '^Flashsheet$' 2>/dev/null \
               | head -n 1) || true
    [ -n "$window" ] && break
    sleep 0.1
  done
  [ -n "$window" ] || fail "no Flashsheet window appeared within 30 seconds"
  # Without a window manager the window must be given keyboard focus explicitly.
  xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
  sleep 1
}

# Presses each key in the running app, half a second apart.
keys() {
  for key in "$@"; do
    kill -0 "$app_pid" 2>/dev/null || fail "the app exited before the key $key"
    xdotool key --clearmodifiers "$key"
    sleep 0.5
  done
}
