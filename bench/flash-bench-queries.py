#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# flash-bench-queries.py: times the overview's queries in schema 1 and in schema 2, side by side.
#
# Usage: bench/flash-bench-queries.py COLLECTION.db
#
# COLLECTION.db is a collection made by flashsheet-bench-gen (build-aux/bench --keep leaves one
# behind), in either schema. The script never changes it: it makes two copies, takes one back to
# schema 1 (without the columns and indexes that version 2 added) and brings the other to schema
# 2, then runs each query as flash-store.c wrote it in schema 1 on the first copy and as it
# writes it in schema 2 on the second, checking that both give the same rows. This is how the
# figures in docs/performance.md were measured before schema 2 existed.

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time

# What flash-store.c's schema_v2 adds, and how to take it away again.
SCHEMA_2 = """
ALTER TABLE schedule ADD COLUMN deck_id INTEGER NOT NULL DEFAULT 0;
UPDATE schedule SET deck_id = (SELECT deck_id FROM cards WHERE cards.id = schedule.card_id);
CREATE INDEX schedule_deck_due ON schedule (deck_id, due_day);
ALTER TABLE decks ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0;
UPDATE decks SET reviews = (SELECT COUNT(*) FROM review_log l JOIN cards c ON c.id = l.card_id
                            WHERE c.deck_id = decks.id);
CREATE INDEX cards_deck_state ON cards (deck_id, retired, is_new);
CREATE INDEX cards_retired ON cards (retired) WHERE retired = 1;
PRAGMA user_version = 2;
"""
BACK_TO_SCHEMA_1 = """
DROP INDEX IF EXISTS schedule_deck_due;
DROP INDEX IF EXISTS cards_deck_state;
DROP INDEX IF EXISTS cards_retired;
ALTER TABLE schedule DROP COLUMN deck_id;
ALTER TABLE decks DROP COLUMN reviews;
PRAGMA user_version = 1;
"""

DUE_NOW = ("SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id "
           "WHERE s.due_day <= ?1 AND s.repeat_day != ?1 AND c.retired = 0 "
           "AND (?2 = 0 OR c.deck_id = ?2) ORDER BY s.due_day, s.card_id LIMIT ?3")
DUE_DECK = ("SELECT s.card_id FROM schedule s JOIN cards c ON c.id = s.card_id "
            "WHERE s.deck_id = ?2 AND s.due_day <= ?1 AND s.repeat_day != ?1 AND c.retired = 0 "
            "ORDER BY s.due_day, s.card_id LIMIT ?3")
REPEAT_NOW = ("SELECT s.card_id, s.repeat_seq FROM schedule s JOIN cards c ON c.id = s.card_id "
              "WHERE s.repeat_day = ?1 AND c.retired = 0 AND (?2 = 0 OR c.deck_id = ?2) "
              "ORDER BY s.repeat_seq, s.card_id")


def queries(today, busy, quiet):
    """(name, schema 1 SQL, params, schema 2 SQL, params), each run on its own copy."""
    return [
        ("list_decks: active cards per deck",
         "SELECT d.id, (SELECT COUNT(*) FROM cards c WHERE c.deck_id = d.id AND c.retired = 0) "
         "FROM decks d", (),
         "SELECT d.id, (SELECT COUNT(*) FROM cards c WHERE c.deck_id = d.id AND c.retired = 0) "
         "FROM decks d", ()),
        ("list_decks: reviews per deck",
         "SELECT d.id, (SELECT COUNT(*) FROM review_log l JOIN cards c ON c.id = l.card_id "
         "WHERE c.deck_id = d.id) FROM decks d", (),
         "SELECT d.id, d.reviews FROM decks d", ()),
        ("due_ids, quietest deck, limit 200",
         DUE_NOW, (today, quiet, 200), DUE_DECK, (today, quiet, 200)),
        ("due_ids, busiest deck, limit 200",
         DUE_NOW, (today, busy, 200), DUE_DECK, (today, busy, 200)),
        ("repeat_ids, all decks", REPEAT_NOW, (today, 0),
         REPEAT_NOW.replace("s.repeat_day = ?1", "s.repeat_day = ?1 AND s.repeat_day > 0"),
         (today, 0)),
        ("get_stats: active cards",
         "SELECT COUNT(*) FROM cards WHERE retired = 0", (),
         "SELECT (SELECT COUNT(*) FROM cards) "
         "- (SELECT COUNT(*) FROM cards WHERE retired = 1)", ()),
        ("get_stats: new cards",
         "SELECT COUNT(*) FROM cards WHERE retired = 0 AND is_new = 1", (),
         "SELECT (SELECT COUNT(*) FROM cards) - (SELECT COUNT(*) FROM cards WHERE retired = 1) "
         "- (SELECT COUNT(*) FROM schedule) + (SELECT COUNT(*) FROM cards c "
         "JOIN schedule s ON s.card_id = c.id WHERE c.retired = 1)", ()),
        ("get_stats: retired cards",
         "SELECT COUNT(*) FROM cards WHERE retired = 1", (),
         "SELECT COUNT(*) FROM cards WHERE retired = 1", ()),
        ("get_stats: due today",
         "SELECT COUNT(*) FROM schedule s JOIN cards c ON c.id = s.card_id "
         "WHERE c.retired = 0 AND (s.due_day <= ?1 OR s.repeat_day = ?1)", (today,),
         "SELECT (SELECT COUNT(*) FROM schedule WHERE due_day <= ?1) "
         "+ (SELECT COUNT(*) FROM schedule "
         "WHERE repeat_day = ?1 AND repeat_day > 0 AND due_day > ?1) "
         "- (SELECT COUNT(*) FROM cards c JOIN schedule s ON s.card_id = c.id "
         "WHERE c.retired = 1 AND (s.due_day <= ?1 OR s.repeat_day = ?1))", (today,)),
    ]


def timed(con, sql, params, runs=20):
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        con.execute(sql, params).fetchall()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), max(samples)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: flash-bench-queries.py COLLECTION.db")
    with tempfile.TemporaryDirectory(prefix="flashsheet-queries.") as tmp:
        current_path = os.path.join(tmp, "schema-1.db")
        proposed_path = os.path.join(tmp, "schema-2.db")
        shutil.copyfile(sys.argv[1], current_path)
        shutil.copyfile(sys.argv[1], proposed_path)
        current = sqlite3.connect(current_path, isolation_level=None)
        proposed = sqlite3.connect(proposed_path, isolation_level=None)
        version = current.execute("PRAGMA user_version").fetchone()[0]
        if version == 2:
            current.executescript(BACK_TO_SCHEMA_1)
        elif version == 1:
            proposed.executescript(SCHEMA_2)
        else:
            sys.exit(f"flash-bench-queries.py: schema {version} is neither 1 nor 2")

        # The generated history ends yesterday.
        today = current.execute("SELECT MAX(day) + 1 FROM review_log").fetchone()[0]
        per_deck = current.execute("SELECT d.id, (SELECT COUNT(*) FROM cards c JOIN schedule s "
                                   "ON s.card_id = c.id WHERE c.deck_id = d.id) AS n FROM decks d "
                                   "ORDER BY n, d.id").fetchall()
        quiet, busy = per_deck[0][0], per_deck[-1][0]

        print("| Query | Schema 1: median / worst (ms) | Schema 2: median / worst (ms) |")
        print("| --- | ---: | ---: |")
        for name, now_sql, now_params, new_sql, new_params in queries(today, busy, quiet):
            same = current.execute(now_sql, now_params).fetchall() == \
                proposed.execute(new_sql, new_params).fetchall()
            a = timed(current, now_sql, now_params)
            b = timed(proposed, new_sql, new_params)
            print(f"| {name}{'' if same else ' (DIFFERENT ROWS)'} | {a[0]:.2f} / {a[1]:.2f} "
                  f"| {b[0]:.2f} / {b[1]:.2f} |")


if __name__ == "__main__":
    main()
