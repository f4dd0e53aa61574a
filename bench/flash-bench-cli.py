#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Times whole flashsheet-cli processes against a bare sqlite3 process on the same collection.

Usage: flash-bench-cli.py CLI NOW RUNS COLLECTION.db [COLLECTION.db ...]

For each collection: one warm-up run of each command (the first open of a study day runs the
full check and the daily backup; the figures are for every later command of the day), then the
median and the 90th percentile of RUNS runs of `sqlite3 FILE 'select 1'` (the baseline, which
opens no file: SQLite reads nothing for it), of `sqlite3 FILE 'SELECT COUNT(*) FROM decks'` (a bare
sqlite3 process that opens the collection: reads its schema, takes a read lock, sets up the WAL),
of a sqlite3 process that reads what `due` prints (the deck names and questions of today's
queue, by id, in one statement: the floor of any `due`), and of
`flashsheet-cli --db FILE due|decks|stats` and each `stats` kind, with the ratio to each.
"""
import os
import shutil
import statistics
import subprocess
import sys
import time


def run_times(commands, runs, env):
    """Runs the commands in turn, RUNS rounds, so that a machine's drift affects each alike;
    returns each command's median and 90th percentile."""
    times = [[] for _ in commands]
    for _ in range(runs):
        for i, (_, argv) in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                           check=True)
            times[i].append((time.perf_counter() - start) * 1000)
    for t in times:
        t.sort()
    return [(statistics.median(t), t[int(len(t) * 0.9) - 1]) for t in times]


# The commands timed: the three the queue target names, then each kind of statistics, whose
# target is 6x the bare sqlite3 process (docs/performance.md).
STATS_COMMANDS = ("due", "decks", "stats", "stats calendar", "stats forecast", "stats retention",
                  "stats intervals", "stats ease", "stats buttons", "stats hours")


def main():
    cli, now, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    env = dict(os.environ, FLASHSHEET_NOW=now, TZ="UTC", LC_ALL="C.UTF-8")
    sqlite3 = shutil.which("sqlite3")
    print("| collection | cards | size | command | median ms | p90 ms | × bare sqlite3 "
          "| × sqlite3 opening it |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for db in sys.argv[4:]:
        cards = subprocess.run([sqlite3, db, "SELECT COUNT(*) FROM cards"], capture_output=True,
                               text=True, check=True).stdout.strip()
        size = "%.0f MB" % (os.path.getsize(db) / 1e6)
        commands = [("bare sqlite3", [sqlite3, db, "select 1"]),
                    ("sqlite3 opening it", [sqlite3, db, "SELECT COUNT(*) FROM decks"])]
        commands += [(c, [cli, "--db", db] + c.split()) for c in STATS_COMMANDS]
        for _, argv in commands:
            subprocess.run(argv, stdout=subprocess.DEVNULL, env=env, check=True)
        due = subprocess.run([cli, "--db", db, "due"], capture_output=True, text=True, env=env,
                             check=True).stdout
        ids = ",".join(line.split("\t")[0] for line in due.splitlines()) or "0"
        commands.insert(2, ("sqlite3 reading due's rows",
                            [sqlite3, db, "SELECT d.name, c.question FROM cards c JOIN decks d "
                                          "ON d.id = c.deck_id WHERE c.id IN (%s)" % ids]))
        figures = run_times(commands, runs, env)
        bases = (figures[0][0], figures[1][0])
        for (name, _), (median, p90) in zip(commands, figures):
            print("| %s | %s | %s | `%s` | %.1f | %.1f | %.2f | %.2f |"
                  % (os.path.basename(os.path.dirname(db)), cards, size, name, median, p90,
                     median / bases[0], median / bases[1]))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
