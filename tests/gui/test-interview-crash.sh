#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-interview-crash.sh: the real flashsheet killed with SIGKILL in the middle of a mock
# interview keeps the answer given, and its next start offers to resume: Enter resumes, the next
# answer is kept too (read back with flashsheet-cli while the app runs).
#
# Usage: test-interview-crash.sh FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR
set -euo pipefail

test_name=interview-crash
. "$(dirname "$0")/app-test-lib.sh"
use_private_home
export FLASHSHEET_NOW=2026-11-21T10:00:00Z

# interview_row: the only interview's row of `interview list` (id, started, answered,
# questions, score).
interview_row() {
  "$cli" interview list || fail "flashsheet-cli interview list failed"
}

# answer_until N: Ctrl+Enter and 3 until N questions have an answer; a slow app (the sanitizers)
# may still be drawing the question when the keys come, so the answers are counted first.
answer_until() {
  for _ in $(seq 1 8); do
    for _ in $(seq 1 30); do
      [ "$(interview_row | cut -f 3)" = "$1" ] && return 0
      sleep 0.1
    done
    xdotool windowfocus --sync "$window" 2>/dev/null || true
    keys ctrl+Return 3
  done
  [ "$(interview_row | cut -f 3)" = "$1" ]
}

# The first start imports the bundled decks. Ctrl+I plans an interview of every deck, Ctrl+Enter
# starts it, Ctrl+Enter shows the first answer and 3 grades it Good.
start_app
keys ctrl+i
sleep 0.5
keys ctrl+Return
# Without a window manager, focus does not come back from a closed dialog by itself.
xdotool windowfocus --sync "$window"
sleep 1
keys ctrl+Return 3
answer_until 1 || true
row=$(interview_row)
echo "before the kill: $row"
[ "$(echo "$row" | wc -l)" -eq 1 ] || fail "expected one interview, the list is: $row"
[ "$(echo "$row" | cut -f 3,4)" = "$(printf '1\t10')" ] \
  || fail "expected 1 of 10 questions answered, the row is: $row"

kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=

# The next start asks to resume (a dialog over the window); Enter resumes, Ctrl+Enter and 4 answer
# the second question.
start_app
dialog=
for _ in $(seq 1 50); do
  dialog=$(xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | grep -vx "$window" \
             | head -n 1) || true
  [ -n "$dialog" ] && break
  sleep 0.1
done
[ -n "$dialog" ] || fail "no dialog offered to resume the interview"
# A slow start (the sanitizers) may map the dialog before it takes keys: Enter until it goes.
for _ in $(seq 1 20); do
  xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | grep -qx "$dialog" || break
  xdotool windowfocus --sync "$dialog" 2>/dev/null || true
  keys Return
done
xdotool search --onlyvisible --pid "$app_pid" 2>/dev/null | grep -qx "$dialog" \
  && fail "Enter did not answer the dialog that offers to resume"
sleep 1
xdotool windowfocus --sync "$window"
keys ctrl+Return 4
answer_until 2 || true
row=$(interview_row)
echo "after the resume: $row"
[ "$(echo "$row" | cut -f 3,4)" = "$(printf '2\t10')" ] \
  || fail "expected 2 of 10 questions answered after the resume, the row is: $row"

keys ctrl+q
for _ in $(seq 1 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q did not quit the app within 10 seconds"
app_pid=
echo "PASS: an interview killed with SIGKILL kept its answer and was resumed"
