/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-open.c: opening a collection: schema, migrations, the daily check, read-only copy. */
#include "flash-store.h"
#include "flash-store-private.h"

#include <errno.h>

#include <glib/gstdio.h>

#include "flash-backup.h"
#include "flash-db.h"


static const char *const schema_v1[] = {
  "CREATE TABLE config ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL)",

  "CREATE TABLE decks ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  source      TEXT NOT NULL UNIQUE,"
  "  description TEXT,"
  "  tags        TEXT NOT NULL DEFAULT '',"
  "  created     INTEGER NOT NULL,"
  "  updated     INTEGER NOT NULL)",

  /* is_new mirrors "has no schedule row" so that new cards can be read in file order from one
   * partial index; it changes in the same transaction as the schedule. */
  "CREATE TABLE cards ("
  "  id       INTEGER PRIMARY KEY,"
  "  deck_id  INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,"
  "  key      TEXT NOT NULL,"
  "  context  TEXT NOT NULL,"
  "  question TEXT NOT NULL,"
  "  answer   TEXT NOT NULL,"
  "  tags     TEXT NOT NULL DEFAULT '',"
  "  position INTEGER NOT NULL,"
  "  retired  INTEGER NOT NULL DEFAULT 0,"
  "  is_new   INTEGER NOT NULL DEFAULT 1,"
  "  UNIQUE (deck_id, key))",

  "CREATE INDEX cards_new ON cards (deck_id, position) WHERE is_new = 1 AND retired = 0",

  "CREATE TABLE schedule ("
  "  card_id    INTEGER PRIMARY KEY REFERENCES cards (id) ON DELETE CASCADE,"
  "  reps       INTEGER NOT NULL,"
  "  ef         REAL NOT NULL,"
  "  interval   INTEGER NOT NULL,"
  "  due_day    INTEGER NOT NULL,"
  "  first_day  INTEGER NOT NULL,"
  "  repeat_day INTEGER NOT NULL DEFAULT 0,"
  "  repeat_seq INTEGER NOT NULL DEFAULT 0)",

  "CREATE INDEX schedule_due ON schedule (due_day)",
  "CREATE INDEX schedule_repeat ON schedule (repeat_day, repeat_seq) WHERE repeat_day > 0",

  /* Append-only, but for undo, which removes the newest entry. The *_before columns let undo
   * restore the card's previous state exactly. */
  "CREATE TABLE review_log ("
  "  id                INTEGER PRIMARY KEY,"
  "  card_id           INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,"
  "  time              INTEGER NOT NULL,"
  "  day               INTEGER NOT NULL,"
  "  grade             INTEGER NOT NULL,"
  "  kind              INTEGER NOT NULL,"
  "  reps_before       INTEGER NOT NULL,"
  "  ef_before         REAL NOT NULL,"
  "  interval_before   INTEGER NOT NULL,"
  "  due_before        INTEGER NOT NULL,"
  "  first_day_before  INTEGER NOT NULL,"
  "  repeat_day_before INTEGER NOT NULL,"
  "  repeat_seq_before INTEGER NOT NULL,"
  "  reps_after        INTEGER NOT NULL,"
  "  ef_after          REAL NOT NULL,"
  "  interval_after    INTEGER NOT NULL,"
  "  due_after         INTEGER NOT NULL,"
  "  answer_ms         INTEGER NOT NULL DEFAULT 0)",

  "CREATE INDEX review_log_day ON review_log (day, kind)",
  "CREATE INDEX review_log_card ON review_log (card_id)",
  NULL
};

/* Version 2 makes the overview and one deck's queue cheap at 100k cards (docs/performance.md):
 * a card never changes deck, so the schedule can carry its deck_id, and each deck keeps its
 * number of active cards (set by each import) and the size of its review log (kept by grading
 * and undo) rather than counting them on every refresh. */
static const char *const schema_v2[] = {
  "ALTER TABLE schedule ADD COLUMN deck_id INTEGER NOT NULL DEFAULT 0",
  "UPDATE schedule SET deck_id = (SELECT deck_id FROM cards WHERE cards.id = schedule.card_id)",
  "CREATE INDEX schedule_deck_due ON schedule (deck_id, due_day)",
  "ALTER TABLE decks ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0",
  "UPDATE decks SET reviews = (SELECT COUNT(*) FROM review_log l JOIN cards c ON c.id = l.card_id "
  "                            WHERE c.deck_id = decks.id)",
  "ALTER TABLE decks ADD COLUMN cards INTEGER NOT NULL DEFAULT 0",
  "UPDATE decks SET cards = (SELECT COUNT(*) FROM cards c WHERE c.deck_id = decks.id AND c.retired = 0)",
  "CREATE INDEX cards_deck_state ON cards (deck_id, retired, is_new)",
  "CREATE INDEX cards_retired ON cards (retired) WHERE retired = 1",
  NULL
};

/* Version 3 keeps the commands that run most cheap however large the collection
 * (docs/performance.md): the statistics' 30-day retention reads the log's day index alone, which
 * now holds the grade, and each deck keeps its number of new cards (active, never reviewed), which
 * the deck list showed by counting the deck's schedule. Triggers keep that number, so that every
 * way a card is added, graded, retired or deleted keeps it right. */
#define NEW_CARD(row) "(" row ".is_new = 1 AND " row ".retired = 0)"
static const char *const schema_v3[] = {
  "DROP INDEX review_log_day",
  "CREATE INDEX review_log_day ON review_log (day, kind, grade)",
  "ALTER TABLE decks ADD COLUMN new_cards INTEGER NOT NULL DEFAULT 0",
  "UPDATE decks SET new_cards = (SELECT COUNT(*) FROM cards c WHERE c.deck_id = decks.id AND "
  NEW_CARD ("c") ")",
  "CREATE TRIGGER cards_new_insert AFTER INSERT ON cards WHEN " NEW_CARD ("NEW") " BEGIN "
  "UPDATE decks SET new_cards = new_cards + 1 WHERE id = NEW.deck_id; END",
  "CREATE TRIGGER cards_new_delete AFTER DELETE ON cards WHEN " NEW_CARD ("OLD") " BEGIN "
  "UPDATE decks SET new_cards = new_cards - 1 WHERE id = OLD.deck_id; END",
  "CREATE TRIGGER cards_new_update AFTER UPDATE OF is_new, retired, deck_id ON cards WHEN "
  NEW_CARD ("OLD") " OR " NEW_CARD ("NEW") " BEGIN "
  "UPDATE decks SET new_cards = new_cards - " NEW_CARD ("OLD") " WHERE id = OLD.deck_id; "
  "UPDATE decks SET new_cards = new_cards + " NEW_CARD ("NEW") " WHERE id = NEW.deck_id; END",
  NULL
};
#undef NEW_CARD

/* Version 4 keeps one row of totals per study day, so that today's budget, the statistics'
 * retention and the streak read a few rows however long the history (docs/performance.md).
 * Triggers on the log keep it, so that grading, undo and deleting a deck all keep it right; a
 * day whose last entry goes loses its row. */
#define DAY_TOTALS(row) \
  "1, " row ".kind = 0, " row ".kind = 1, " row ".kind = 1 AND " row ".grade >= 3, " row ".answer_ms"
static const char *const schema_v4[] = {
  "CREATE TABLE review_days ("
  "  day       INTEGER PRIMARY KEY,"
  "  entries   INTEGER NOT NULL," /* every log entry of the day */
  "  new       INTEGER NOT NULL," /* first reviews of new cards */
  "  reviews   INTEGER NOT NULL," /* scheduled reviews */
  "  recalled  INTEGER NOT NULL," /* scheduled reviews graded 3 or better */
  "  answer_ms INTEGER NOT NULL)",
  "INSERT INTO review_days SELECT day, COUNT(*), TOTAL(kind = 0), TOTAL(kind = 1), "
  "TOTAL(kind = 1 AND grade >= 3), TOTAL(answer_ms) FROM review_log GROUP BY day",
  "CREATE TRIGGER review_days_insert AFTER INSERT ON review_log BEGIN "
  "INSERT INTO review_days VALUES (NEW.day, " DAY_TOTALS ("NEW") ") ON CONFLICT (day) DO UPDATE "
  "SET entries = entries + 1, new = new + excluded.new, reviews = reviews + excluded.reviews, "
  "recalled = recalled + excluded.recalled, answer_ms = answer_ms + excluded.answer_ms; END",
  "CREATE TRIGGER review_days_delete AFTER DELETE ON review_log BEGIN "
  "UPDATE review_days SET entries = entries - 1, new = new - (OLD.kind = 0), "
  "reviews = reviews - (OLD.kind = 1), recalled = recalled - (OLD.kind = 1 AND OLD.grade >= 3), "
  "answer_ms = answer_ms - OLD.answer_ms WHERE day = OLD.day; "
  "DELETE FROM review_days WHERE day = OLD.day AND entries <= 0; END",
  NULL
};
#undef DAY_TOTALS

/* Version 5 lets a card sit out the rest of a study day (`bury_day`): a card made from the same
 * item as one just graded (a reverse card and its forward one) waits until the next day. The log
 * entry says which card its grade buried, so that undo brings it back. */
static const char *const schema_v5[] = {
  "ALTER TABLE cards ADD COLUMN bury_day INTEGER NOT NULL DEFAULT 0",
  "CREATE INDEX cards_buried ON cards (bury_day) WHERE bury_day > 0",
  "ALTER TABLE review_log ADD COLUMN buried_card INTEGER NOT NULL DEFAULT 0",
  NULL
};

/* Version 6 lets the user find and fix cards (docs/browsing.md): a card can be suspended,
 * flagged, deleted (kept as a tombstone, so a re-import does not bring it back: 1 when it was
 * active, 2 when it was retired) and edited (the source's text kept beside the user's, to notice
 * when the source item changes); the schedule counts lapses, derived from the log for the
 * history a collection already has. The full-text index (cards_fts) is made where SQLite has
 * FTS5 (flash-store-search.c), not here. */
static const char *const schema_v6[] = {
  "ALTER TABLE cards ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE cards ADD COLUMN flag INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE cards ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE cards ADD COLUMN edited INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE cards ADD COLUMN source_changed INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE cards ADD COLUMN source_question TEXT",
  "ALTER TABLE cards ADD COLUMN source_answer TEXT",
  "ALTER TABLE cards ADD COLUMN added INTEGER NOT NULL DEFAULT 0",
  "UPDATE cards SET added = (SELECT created FROM decks WHERE decks.id = cards.deck_id)",
  "CREATE INDEX cards_suspended ON cards (suspended) WHERE suspended = 1",
  "CREATE INDEX cards_flagged ON cards (flag) WHERE flag > 0",
  "CREATE INDEX cards_edited ON cards (edited) WHERE edited = 1",
  "ALTER TABLE schedule ADD COLUMN lapses INTEGER NOT NULL DEFAULT 0",
  "UPDATE schedule SET lapses = (SELECT COUNT(*) FROM review_log l WHERE l.card_id = "
  "schedule.card_id AND l.kind = 1 AND l.reps_before > 0 AND l.grade < 3)",
  "CREATE INDEX schedule_lapses ON schedule (lapses) WHERE lapses > 0",
  NULL
};

/* Version 7 lets the user rename a deck: a renamed deck keeps its name when its sheet is
 * imported again, whatever title the sheet has. */
static const char *const schema_v7[] = {
  "ALTER TABLE decks ADD COLUMN renamed INTEGER NOT NULL DEFAULT 0",
  NULL
};

/* Version 8 gives the queue of all decks its own order of new cards (position, then deck), so
 * that today's first new cards are one short walk of an index instead of one walk per deck
 * (the state columns make it covering), and lets a deck have a daily limit of new cards of its
 * own (NULL: only the collection's); its search index gets prefix indexes of 4 and 5 characters
 * (made again in apply_migrations()). */
static const char *const schema_v8[] = {
  "CREATE INDEX cards_new_order ON cards (position, deck_id, is_new, retired) "
  "WHERE is_new = 1 AND retired = 0",
  "ALTER TABLE decks ADD COLUMN new_per_day INTEGER",
  /* Cramming and mock interviews (docs/interview.md) keep their answers apart from the review
   * log: the schedule never sees them. An interview's topics are its decks, sections and tags
   * in the order chosen; each question says which of them its card belongs to (bit i: topic i). */
  "CREATE TABLE cram_log ("
  "  id        INTEGER PRIMARY KEY,"
  "  card_id   INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,"
  "  time      INTEGER NOT NULL,"
  "  grade     INTEGER NOT NULL,"
  "  answer_ms INTEGER NOT NULL DEFAULT 0)",
  "CREATE TABLE interviews ("
  "  id               INTEGER PRIMARY KEY,"
  "  started          INTEGER NOT NULL,"
  "  finished         INTEGER,"
  "  seed             INTEGER NOT NULL,"
  "  total_seconds    INTEGER NOT NULL DEFAULT 0,"
  "  question_seconds INTEGER NOT NULL DEFAULT 0,"
  "  elapsed_ms       INTEGER NOT NULL DEFAULT 0)",
  "CREATE TABLE interview_topics ("
  "  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  kind         INTEGER NOT NULL,"
  "  deck_id      INTEGER NOT NULL,"
  "  value        TEXT NOT NULL,"
  "  PRIMARY KEY (interview_id, position))",
  "CREATE TABLE interview_questions ("
  "  interview_id INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,"
  "  position     INTEGER NOT NULL,"
  "  card_id      INTEGER NOT NULL REFERENCES cards (id) ON DELETE CASCADE,"
  "  topics       INTEGER NOT NULL,"
  "  grade        INTEGER,"
  "  timed_out    INTEGER NOT NULL DEFAULT 0,"
  "  answer_ms    INTEGER NOT NULL DEFAULT 0,"
  "  note         TEXT,"
  "  PRIMARY KEY (interview_id, position))",
  NULL
};

/* Version 9 keeps the statistics (docs/statistics.md) cheap however long the history: each log
 * entry says its card's deck and the local hour it was given in, and triggers keep one row of
 * totals per deck, study day, hour, maturity and grade, and the same without the deck (deck 0),
 * so that the calendar, retention, answer buttons and hours read a few rows a day. Maturity: 0
 * for a new card's first review and a same-day repeat, 1 for a scheduled review of a young card
 * (interval under 21 days, FLASH_MATURE_DAYS as schema 9 has it), 2 of a mature one. */
#define STATS_KEY(row, deck) \
  deck ", " row ".day, " row ".hour, CASE WHEN " row ".kind = 1 THEN 1 + (" row \
  ".interval_before >= 21) ELSE 0 END, " row ".grade"
#define STATS_MATCH(row) \
  "day = " row ".day AND hour = " row ".hour AND maturity = CASE WHEN " row ".kind = 1 THEN 1 + (" \
  row ".interval_before >= 21) ELSE 0 END AND grade = " row ".grade"
static const char *const schema_v9[] = {
  "ALTER TABLE review_log ADD COLUMN deck_id INTEGER NOT NULL DEFAULT 0",
  "ALTER TABLE review_log ADD COLUMN hour INTEGER NOT NULL DEFAULT 0",
  "UPDATE review_log SET deck_id = (SELECT deck_id FROM cards WHERE cards.id = "
  "review_log.card_id), hour = CAST (strftime ('%H', time, 'unixepoch', 'localtime') AS INTEGER)",
  "CREATE TABLE review_stats ("
  "  deck_id   INTEGER NOT NULL," /* 0: every deck */
  "  day       INTEGER NOT NULL,"
  "  hour      INTEGER NOT NULL,"
  "  maturity  INTEGER NOT NULL,"
  "  grade     INTEGER NOT NULL,"
  "  reviews   INTEGER NOT NULL,"
  "  answer_ms INTEGER NOT NULL,"
  "  PRIMARY KEY (deck_id, day, hour, maturity, grade)) WITHOUT ROWID",
  "INSERT INTO review_stats SELECT " STATS_KEY ("l", "l.deck_id") ", COUNT(*), TOTAL(l.answer_ms) "
  "FROM review_log l GROUP BY 1, 2, 3, 4, 5",
  "INSERT INTO review_stats SELECT " STATS_KEY ("l", "0") ", COUNT(*), TOTAL(l.answer_ms) "
  "FROM review_log l GROUP BY 1, 2, 3, 4, 5",
  "CREATE TRIGGER review_stats_insert AFTER INSERT ON review_log BEGIN "
  "INSERT INTO review_stats VALUES (" STATS_KEY ("NEW", "NEW.deck_id") ", 1, NEW.answer_ms), "
  "(" STATS_KEY ("NEW", "0") ", 1, NEW.answer_ms) "
  "ON CONFLICT (deck_id, day, hour, maturity, grade) DO UPDATE SET reviews = reviews + 1, answer_ms = answer_ms + excluded.answer_ms; END",
  "CREATE TRIGGER review_stats_delete AFTER DELETE ON review_log BEGIN "
  "UPDATE review_stats SET reviews = reviews - 1, answer_ms = answer_ms - OLD.answer_ms WHERE "
  "deck_id IN (OLD.deck_id, 0) AND " STATS_MATCH ("OLD") "; "
  "DELETE FROM review_stats WHERE deck_id IN (OLD.deck_id, 0) AND " STATS_MATCH ("OLD") " AND "
  "reviews <= 0; END",
  /* The forecast counts the young and mature cards due each day from the index alone, and the
   * cards added on each recent day are counted from an index of their own. */
  "DROP INDEX schedule_due",
  "CREATE INDEX schedule_due ON schedule (due_day, interval)",
  "DROP INDEX schedule_deck_due",
  "CREATE INDEX schedule_deck_due ON schedule (deck_id, due_day, interval)",
  "CREATE INDEX cards_added ON cards (added, deleted, deck_id)",
  NULL
};
#undef STATS_MATCH
#undef STATS_KEY

/* Version 10 adds FSRS (docs/scheduling.md): a card's memory state (NULL until FSRS has
 * scheduled it), its number of scheduled reviews (the seed of FSRS's fuzz, with the card's
 * identity), and in the log the button pressed and the FSRS state before, so that undo puts it
 * back; and whether an entry came with an imported package. Buttons: grades 0–2 Again (1), 3 Hard,
 * 4 Good, 5 Easy. */
static const char *const schema_v10[] = {
  "ALTER TABLE schedule ADD COLUMN stability REAL",
  "ALTER TABLE schedule ADD COLUMN difficulty REAL",
  "ALTER TABLE schedule ADD COLUMN reviews INTEGER NOT NULL DEFAULT 0",
  "UPDATE schedule SET reviews = (SELECT COUNT(*) FROM review_log l WHERE l.card_id = "
  "schedule.card_id AND l.kind <> 2)",
  "ALTER TABLE review_log ADD COLUMN button INTEGER NOT NULL DEFAULT 0",
  "UPDATE review_log SET button = CASE WHEN grade <= 2 THEN 1 WHEN grade = 3 THEN 2 WHEN grade = 4 "
  "THEN 3 ELSE 4 END",
  "ALTER TABLE review_log ADD COLUMN stability_before REAL",
  "ALTER TABLE review_log ADD COLUMN difficulty_before REAL",
  /* An entry an import brought (an Anki package's history): undo never takes it back. */
  "ALTER TABLE review_log ADD COLUMN imported INTEGER NOT NULL DEFAULT 0",
  NULL
};

static const char *const *const migrations[] = {
  schema_v1, schema_v2, schema_v3, schema_v4, schema_v5, schema_v6, schema_v7, schema_v8,
  schema_v9, schema_v10
};

static gboolean apply_migrations (FlashStore  *self,
                                  int          version,
                                  GError     **error);

static gboolean
migrate (FlashStore  *self,
         int          version,
         GError     **error)
{
  if (version == FLASH_STORE_SCHEMA_VERSION)
    return TRUE;

  /* Backups: a file that holds anything is copied before a migration changes it, and a
   * migration whose backup fails does not run (flash-backup.c). */
  {
    sqlite3_stmt *objects = flash_store_prepare (self, "SELECT COUNT(*) FROM sqlite_master", error);
    gint64 count = 0;

    if (objects == NULL || !flash_store_query_int64 (self, objects, 0, &count, error))
      return FALSE;
    if (count > 0)
      {
        g_autofree char *copy = flash_backup_now (self, error);

        if (copy == NULL)
          return FALSE;
      }
  }

  return apply_migrations (self, version, error);
}

/* Takes the schema from @version to the current one in one transaction. */
static gboolean
apply_migrations (FlashStore  *self,
                  int          version,
                  GError     **error)
{
  g_autofree char *set_version = NULL;

  G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == FLASH_STORE_SCHEMA_VERSION);

  if (!flash_store_begin (self, error))
    return FALSE;
  /* Version 0 is a new, empty file; each step takes the schema one version further. */
  for (int step = version; step < FLASH_STORE_SCHEMA_VERSION; step++)
    for (guint i = 0; migrations[step][i] != NULL; i++)
      if (!flash_store_exec (self, migrations[step][i], error))
        {
          flash_store_rollback (self);
          return FALSE;
        }
  /* Version 6's search index, where SQLite has FTS5 (flash-store-search.c), made again by
   * version 8 with more prefix lengths. */
  if ((version < 6 && !flash_store_create_search_index (self, error))
      || (version >= 6 && version < 8 && !flash_store_rebuild_search_index (self, error)))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  set_version = g_strdup_printf ("PRAGMA user_version = %d", FLASH_STORE_SCHEMA_VERSION);
  if (!flash_store_exec (self, set_version, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return flash_store_commit (self, error);
}

static gpointer
check_thread_cb (gpointer data)
{
  FlashStore *self = data;
  GError *error = NULL;
  FlashStore *checker;

  /* A full open on a second connection: quick_check, then the daily backup of a healthy file. */
  checker = flash_store_open (self->path, &error);
  flash_store_close (checker);

  g_mutex_lock (&self->check_lock);
  self->check_error = error;
  self->check_done = TRUE;
  g_cond_broadcast (&self->check_cond);
  g_mutex_unlock (&self->check_lock);
  return NULL;
}

/* The full check reads every page, so it runs once per study day per collection, not on every
 * open: the config key "checked" names the file (its inode, so a copied or replaced file is
 * checked again) and the study day of the last check that passed. */
static char *
check_marker (FlashStore *self,
              GDateTime  *now)
{
  g_autofree char *day = NULL;
  GStatBuf st;

  if (g_stat (self->path, &st) != 0)
    return NULL;
  day = flash_day_to_iso (flash_store_day_for (self, now));
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%s", (guint64) st.st_ino, day);
}

static gboolean
checked_today (FlashStore *self,
               const char *marker)
{
  sqlite3_stmt *stmt;
  gboolean checked = FALSE;

  if (marker == NULL)
    return FALSE;
  stmt = flash_store_prepare (self, "SELECT value FROM config WHERE key = 'checked'", NULL);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    checked = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), marker) == 0;
  sqlite3_reset (stmt);
  return checked;
}

static void
record_checked (FlashStore *self,
                const char *marker)
{
  g_autoptr(GError) mark_error = NULL;
  sqlite3_stmt *stmt;

  stmt = flash_store_prepare (self, "INSERT INTO config (key, value) VALUES ('checked', ?1) ON "
                                    "CONFLICT (key) DO UPDATE SET value = excluded.value",
                                    &mark_error);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, marker, -1, SQLITE_TRANSIENT);
      flash_store_step_done (self, stmt, &mark_error);
    }
  if (mark_error != NULL)
    g_debug ("%s", mark_error->message);
}

/* Today's duty of the first open: the full check, then the daily backup of a healthy file, then
 * the marker (@marker is NULL for a file that is not at the current version yet: it is checked
 * again on its next open). A collection that fails the check is never written; one whose marker
 * cannot be written (read-only) is simply checked again next time. */
static gboolean
daily_check (FlashStore  *self,
             int          version,
             GDateTime   *now,
             const char  *marker,
             GError     **error)
{
  if (!flash_db_quick_check (self->db, self->path, "collection", error))
    return FALSE;

  /* Backups: once per day of use, a copy of the collection as it was before this session writes
   * to it. A failed backup does not stop studying; the write that follows reports the cause, and
   * the next open tries again. Only then is the day's check recorded as done. */
  if (version > 0 && !flash_store_is_empty (self))
    {
      g_autoptr(GError) backup_error = NULL;

      if (!flash_backup_daily (self, now, &backup_error))
        g_debug ("%s", backup_error->message);
      else if (marker != NULL)
        record_checked (self, marker);
    }
  return TRUE;
}

/* What every open checks, whatever the day: SQLite's header (flash_db_open), the schema version,
 * and that a Flashsheet collection has its tables. */
static gboolean
check_schema (FlashStore  *self,
              int          version,
              GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 objects = 0;

  if (version > FLASH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_TOO_NEW,
                   "%s: the collection was written by a newer version of Flashsheet (schema %d, "
                   "this version knows %d); it was left unchanged",
                   self->path, version, FLASH_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* Version 0 is a new, empty file; tables without a version belong to another program. */
  if (version == 0)
    {
      stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM sqlite_master", error);
      if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, &objects, error))
        return FALSE;
      if (objects > 0)
        {
          g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                       "%s: is a database of another program, not a Flashsheet collection; it was "
                       "left unchanged", self->path);
          return FALSE;
        }
      return TRUE;
    }

  stmt = flash_store_prepare (self, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND "
                                    "name IN ('config', 'decks', 'cards', 'schedule', 'review_log')",
                              error);
  if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, &objects, error))
    return FALSE;
  if (objects != 5)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED,
                   "%s: the collection is damaged (tables are missing); it was left unchanged",
                   self->path);
      return FALSE;
    }
  return TRUE;
}

static FlashStore *
open_store (const char  *path,
            gboolean     defer_check,
            GError     **error)
{
  g_autoptr(FlashStore) self = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *marker = NULL;
  int version = 0;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_OPEN,
                   "%s: cannot create the folder: %s", path, g_strerror (saved));
      return NULL;
    }

  self = flash_store_new (path);
  self->lock = flash_db_lock (path, FALSE, error);
  if (self->lock == -2)
    return NULL;
  self->db = flash_db_open (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &version, error);
  if (self->db == NULL || !check_schema (self, version, error))
    return NULL;
  if (version > 0)
    flash_store_load_limits (self);

  /* Nothing is written before the file has shown it is healthy and not from a newer version.
   * The full check runs once per study day; a caller that can show something first may have it
   * (and the backup) done in a thread. A new file or one that needs migrating is always checked
   * here. */
  now = flash_clock_now_or_system ();
  if (version == FLASH_STORE_SCHEMA_VERSION)
    marker = check_marker (self, now);
  if (checked_today (self, marker))
    ;
  else if (defer_check && version == FLASH_STORE_SCHEMA_VERSION)
    {
      g_mutex_init (&self->check_lock);
      g_cond_init (&self->check_cond);
      self->check_thread = g_thread_new ("flash-store-check", check_thread_cb, self);
    }
  else if (!daily_check (self, version, now, marker, error))
    return NULL;

  if (!flash_store_exec (self, "PRAGMA journal_mode = WAL", error)
      || !flash_store_exec (self, "PRAGMA synchronous = NORMAL", error)
      || !flash_store_exec (self, "PRAGMA foreign_keys = ON", error)
      || !migrate (self, version, error))
    return NULL;

  if (version != FLASH_STORE_SCHEMA_VERSION)
    flash_store_load_limits (self);
  return g_steal_pointer (&self);
}

FlashStore *
flash_store_open (const char  *path,
                  GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, FALSE, error);
}

/**
 * flash_store_open_deferred:
 *
 * Like flash_store_open(), but a collection of the current version is checked (PRAGMA
 * quick_check) and backed up in a thread, so that a large one does not delay the first frame.
 * Reads work at once; every write waits for the check and fails with its error if the file is
 * damaged. flash_store_wait_checked() gives the verdict.
 */
FlashStore *
flash_store_open_deferred (const char  *path,
                           GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, TRUE, error);
}

/**
 * flash_store_open_reader:
 *
 * A connection of its own for a worker thread that only reads a collection the process already
 * opened with flash_store_open() or flash_store_open_deferred() (the Statistics page): opened
 * read-only, with the cheap checks but neither the full check nor the daily backup, which the
 * first connection does, nor a migration; a collection of another schema version is refused.
 */
FlashStore *
flash_store_open_reader (const char  *path,
                         GError     **error)
{
  g_autoptr(FlashStore) self = NULL;
  int version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = flash_store_new (path);
  self->lock = flash_db_lock (path, FALSE, error);
  if (self->lock == -2)
    return NULL;
  self->read_only = TRUE;
  self->db = flash_db_open (path, SQLITE_OPEN_READONLY, &version, error);
  if (self->db == NULL || !check_schema (self, version, error))
    return NULL;
  if (version != FLASH_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_FAILED,
                   "%s: the collection has schema %d, not %d; it was left unchanged", path,
                   version, FLASH_STORE_SCHEMA_VERSION);
      return NULL;
    }
  flash_store_load_limits (self);
  return g_steal_pointer (&self);
}

/**
 * flash_store_open_read_only_copy:
 *
 * What the app offers for a damaged collection besides restoring a backup: a copy of the file
 * (at @copy_path, replaced if it exists) opened read-only, with no health check, so that
 * whatever can still be read can be looked at and exported. The collection itself is only read.
 */
FlashStore *
flash_store_open_read_only_copy (const char  *path,
                                 const char  *copy_path,
                                 GError     **error)
{
  g_autoptr(FlashStore) self = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = NULL;
  gboolean copied;
  int version = 0;
  int lock;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (copy_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The file itself is copied, byte for byte, since SQLite may not be able to read it: only
   * while no store in any process has it open. */
  dir = g_path_get_dirname (copy_path);
  g_mkdir_with_parents (dir, 0700);
  lock = flash_db_lock (path, TRUE, error);
  if (lock == -2)
    return NULL;
  copied = flash_db_copy_file (path, copy_path, error);
  flash_db_unlock (lock);
  if (!copied)
    return NULL;

  self = flash_store_new (copy_path);
  /* A copy of an older collection is brought to this version's schema, which the pages read: it
   * is our copy, not the user's file. A copy too damaged to migrate is shown as it is. */
  self->db = flash_db_open (copy_path, SQLITE_OPEN_READWRITE, &version, NULL);
  if (self->db != NULL && version > 0 && version < FLASH_STORE_SCHEMA_VERSION)
    apply_migrations (self, version, NULL);
  g_hash_table_remove_all (self->statements);
  if (self->db != NULL)
    sqlite3_close (self->db);
  self->read_only = TRUE;
  self->db = flash_db_open (copy_path, SQLITE_OPEN_READONLY, NULL, &local_error);
  if (self->db == NULL)
    {
      if (g_error_matches (local_error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE))
        g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_DATABASE,
                     "%s: is not a Flashsheet collection (not a SQLite database); it was left "
                     "unchanged", path);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  flash_store_load_limits (self);
  return g_steal_pointer (&self);
}
