#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-e2e.sh: starts the real flashsheet on a fresh home, studies two cards with real key presses
# (xdotool), quits with Ctrl+Q and checks the review log through flashsheet-cli.
#
# Usage: test-e2e.sh FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR
set -euo pipefail

test_name=e2e
. "$(dirname "$0")/app-test-lib.sh"

# A private, empty home: the app imports the bundled decks on its first start.
export HOME="$home"
export XDG_DATA_HOME="$home/data"
export XDG_CONFIG_HOME="$home/config"
export XDG_CACHE_HOME="$home/cache"
export XDG_STATE_HOME="$home/state"
export FLASHSHEET_DECKS_DIR="$decks_dir"
export GSETTINGS_SCHEMA_DIR="$schema_dir"
export GSETTINGS_BACKEND=memory
export GSK_RENDERER=cairo
export NO_AT_BRIDGE=1
export LC_ALL=C.UTF-8
# Warnings are bugs here too, but a crash must not hide behind the key presses.
export G_DEBUG=fatal-criticals
# The app's own clock; the CLI reads the log, which does not depend on it.
export FLASHSHEET_NOW=2026-11-21T10:00:00
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"

"$app" >"$home/app.log" 2>&1 &
app_pid=$!

window=$(timeout 30 xdotool search --sync --onlyvisible --name '^Flashsheet$' 2>/dev/null | head -n 1) \
  || fail "no Flashsheet window appeared within 30 seconds"
[ -n "$window" ] || fail "no Flashsheet window appeared"

# The collection is created on the first start; find it rather than assume its file name.
db=
for _ in $(seq 1 100); do
  db=$(find "$XDG_DATA_HOME" -name '*.db' -type f 2>/dev/null | head -n 1)
  if [ -n "$db" ] && [ -n "$("$cli" --db "$db" decks 2>/dev/null)" ]; then
    break
  fi
  db=
  sleep 0.1
done
[ -n "$db" ] || fail "the app did not import the bundled decks into \$XDG_DATA_HOME"

# Without a window manager the window must be given keyboard focus explicitly; then let it settle.
xdotool windowactivate --sync "$window" 2>/dev/null || xdotool windowfocus --sync "$window"
sleep 1

# Enter starts studying from the overview; Space shows the answer; 3 is Good, 4 is Easy.
for key in Return space 3 space 4; do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited before the key $key"
  xdotool key --clearmodifiers "$key"
  sleep 0.5
done

xdotool key --clearmodifiers ctrl+q
for _ in $(seq 1 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$app_pid" 2>/dev/null; then
  fail "Ctrl+Q did not quit the app within 10 seconds"
fi
status=0
wait "$app_pid" || status=$?
app_pid=
[ "$status" -eq 0 ] || fail "the app exited with status $status"

# The log has one line per review: time, card id, grade, interval, EF.
log=$("$cli" --db "$db" log) || fail "flashsheet-cli log failed"
echo "$log" | sed 's/^/log: /'
grades=$(echo "$log" | awk -F '\t' 'NF { print $3 }' | tr '\n' ' ')
[ "$grades" = "4 5 " ] || fail "expected two reviews graded 4 and 5, the log has grades: $grades"

echo "PASS: studied two cards with the keyboard; the log has grades 4 and 5"
