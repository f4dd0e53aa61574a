#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-processes.sh: the real flashsheet and flashsheet-cli on one existing collection at once.
# The app opens a collection last checked yesterday, so its health check and daily backup run in
# a thread; meanwhile the CLI reads and writes. Every review graded in the app by key is visible
# to `flashsheet-cli log` at once; after kill -9 of the app nothing is lost and the file passes
# PRAGMA integrity_check. Then the app starts again (and quits normally) while two CLI graders
# and an importer run beside it: every command succeeds and every review is logged.
#
# Usage: test-processes.sh FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR
set -euo pipefail

test_name=processes
. "$(dirname "$0")/app-test-lib.sh"

use_private_home
db=$XDG_DATA_HOME/flashsheet/collection.db
command -v sqlite3 >/dev/null || fail "sqlite3 is missing (build-aux/deps installs it)"

# Day two of a user: the collection was made and studied yesterday.
export FLASHSHEET_NOW=2026-11-20T10:00:00Z
"$cli" --db "$db" import "$decks_dir"/*.md >/dev/null || fail "import failed"
"$cli" --db "$db" grade 1 4 >/dev/null || fail "grade failed"
export FLASHSHEET_NOW=2026-11-21T10:00:00Z

reviews() { "$cli" --db "$db" log | grep -c . || true; }
# Waits up to 5 s for the log to hold $1 reviews.
expect_reviews() {
  local n=
  for _ in $(seq 1 50); do
    n=$(reviews)
    [ "$n" = "$1" ] && return 0
    sleep 0.1
  done
  fail "$2: expected $1 reviews in the log, flashsheet-cli sees $n"
}
integrity() {
  local result
  result=$(sqlite3 "$db" 'PRAGMA integrity_check') || fail "sqlite3 could not read the collection"
  [ "$result" = ok ] || fail "$1: integrity_check says: $result"
}
# A card of today's queue that the CLI grades: not the first, which the app is showing.
cli_card() { "$cli" --db "$db" due | awk -F '\t' -v n="$1" 'NR == n { print $1 }'; }

start_app
# The CLI reads and writes while the app is open (and while its check may still be running).
for command in decks due stats log; do
  "$cli" --db "$db" $command >/dev/null || fail "flashsheet-cli $command failed with the app open"
done
card=$(cli_card 5)
"$cli" --db "$db" grade "$card" 3 >/dev/null || fail "flashsheet-cli grade failed with the app open"
expect_reviews 2 "after a CLI grade beside the app"

# Enter studies from the overview; Space shows the answer; 3 is Good, 4 is Easy.
keys Return space 3
expect_reviews 3 "after one grade in the app"
"$cli" --db "$db" decks >/dev/null || fail "flashsheet-cli decks failed"
keys space 4
expect_reviews 4 "after two grades in the app with a CLI read between them"
for command in due stats; do
  "$cli" --db "$db" $command >/dev/null || fail "flashsheet-cli $command failed"
done
keys space 3
expect_reviews 5 "after three grades in the app"

kill -9 "$app_pid"
wait "$app_pid" 2>/dev/null || true
app_pid=
expect_reviews 5 "after kill -9 of the app"
integrity "after kill -9 of the app"

# The second start, with two CLI graders and an importer running beside it.
start_app
awk 'BEGIN { print "# Parallel"; for (s = 0; s < 10; s++) { printf "\n## Section %d\n", s;
       for (q = 0; q < 50; q++) printf "\n### Question %d-%d\n\nAnswer %d-%d.\n", s, q, s, q } }' \
  > "$home/parallel.md"
# Five new cards each, so that with the app's own grades today stays within 20 new cards.
grader() {
  local ok=0
  for card in $("$cli" --db "$db" cards | awk -F '\t' -v from="$1" 'NR >= from && NR < from + 5 { print $1 }'); do
    "$cli" --db "$db" grade "$card" 4 >/dev/null || { echo "grader: grade $card failed" >&2; return 1; }
    ok=$((ok + 1))
  done
  echo "$ok" > "$home/grader-$1"
}
grader 10 & one=$!
grader 25 & two=$!
"$cli" --db "$db" import "$home/parallel.md" > "$home/import.out" & importer=$!
keys Return space 4 space 3
wait "$one" || fail "the first CLI grader failed beside the app"
wait "$two" || fail "the second CLI grader failed beside the app"
wait "$importer" || fail "the import failed beside the app and two graders"
grep -q '500 cards' "$home/import.out" || fail "the import did not land whole: $(cat "$home/import.out")"
graded=$(( $(cat "$home/grader-10") + $(cat "$home/grader-25") ))
[ "$graded" = 10 ] || fail "the CLI graders graded $graded cards, not 10"
expect_reviews $((5 + graded + 2)) "after two CLI graders and two app grades at once"

# A normal quit keeps everything too.
keys ctrl+q
for _ in $(seq 1 100); do
  kill -0 "$app_pid" 2>/dev/null || break
  sleep 0.1
done
kill -0 "$app_pid" 2>/dev/null && fail "Ctrl+Q did not quit the app within 10 seconds"
status=0
wait "$app_pid" || status=$?
app_pid=
[ "$status" -eq 0 ] || fail "the app exited with status $status"
expect_reviews $((5 + graded + 2)) "after the app quit"
integrity "after the app quit"
[ "$(sqlite3 "$db" "SELECT COUNT(*) FROM cards c JOIN decks d ON d.id = c.deck_id WHERE d.name = 'Parallel'")" = 500 ] \
  || fail "the parallel import is not whole"

echo "PASS: the app and the CLI side by side lost no review; kill -9 and Ctrl+Q kept every one"
