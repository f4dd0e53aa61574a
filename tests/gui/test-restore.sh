#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-restore.sh: starts the real flashsheet on a damaged collection, accepts the dialog's offer
# to restore the newest backup (xdotool) and checks the restored collection through flashsheet-cli.
#
# Usage: test-restore.sh FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR
set -euo pipefail

test_name=restore
. "$(dirname "$0")/app-test-lib.sh"

use_private_home
export FLASHSHEET_NOW=2026-11-21T10:00:00Z
db=$XDG_DATA_HOME/flashsheet/collection.db
backups=$XDG_DATA_HOME/flashsheet/backups

# A collection big enough that damage in its middle hits real pages: 4,000 cards, one review.
awk 'BEGIN { print "# Big"; for (s = 0; s < 40; s++) { printf "\n## Section %d\n", s;
       for (q = 0; q < 100; q++) printf "\n### Question %d-%d\n\nAnswer %d-%d.\n", s, q, s, q } }' \
  > "$home/big.md"
# Made yesterday: the day's full check has not run yet today when the damage is found.
yesterday=2026-11-20T10:00:00Z
"$cli" --db "$db" --now $yesterday import "$home/big.md" >/dev/null || fail "import failed"
"$cli" --db "$db" --now $yesterday grade 1 4 >/dev/null || fail "grade failed"
"$cli" --db "$db" --now $yesterday backup >/dev/null || fail "backup failed"

# Eight pages in the middle overwritten, as a failing disk might.
pages=$(( $(stat -c %s "$db") / 4096 ))
head -c $(( 8 * 4096 )) /dev/zero | tr '\0' '\245' \
  | dd of="$db" bs=4096 seek=$(( pages / 2 )) conv=notrunc status=none
if "$cli" --db "$db" decks >/dev/null 2>&1; then
  fail "the damaged collection still opened"
fi

"$app" >"$home/app.log" 2>&1 &
app_pid=$!

dialog=$(timeout 30 xdotool search --sync --onlyvisible --name 'Damaged' 2>/dev/null | head -n 1) \
  || fail "no damaged-collection dialog appeared within 30 seconds"
[ -n "$dialog" ] || fail "no damaged-collection dialog appeared"
xdotool windowactivate --sync "$dialog" 2>/dev/null || xdotool windowfocus --sync "$dialog"
sleep 0.5
# Restoring is the dialog's default response.
xdotool key --clearmodifiers Return

restored=
for _ in $(seq 1 100); do
  if "$cli" --db "$db" decks >/dev/null 2>&1; then
    restored=1
    break
  fi
  sleep 0.1
done
[ -n "$restored" ] || fail "the collection was not restored within 10 seconds"
kill -0 "$app_pid" 2>/dev/null || fail "the app exited while restoring"

reviews=$("$cli" --db "$db" log | wc -l)
[ "$reviews" -eq 1 ] || fail "expected the backup's one review, the log has $reviews"
ls "$backups"/replaced-*.db >/dev/null 2>&1 || fail "the damaged collection was not kept in $backups"
timeout 10 xdotool search --sync --onlyvisible --name '^Flashsheet$' >/dev/null 2>&1 \
  || fail "no window showed the restored collection"

echo "PASS: the dialog restored the newest backup and kept the damaged collection"
