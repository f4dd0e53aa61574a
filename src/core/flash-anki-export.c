/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-anki-export.c: an Anki package (.apkg) from the collection: a zip holding
 * collection.anki2 in Anki's schema 11 and an empty media list (docs/anki.md). */
#include "flash-anki.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "flash-archive.h"
#include "flash-markdown.h"

G_DEFINE_QUARK (flash-anki-error-quark, flash_anki_error)

/* Anki's ids are milliseconds; these bases keep ours apart from each other and stable. */
#define MODEL_ID      G_GINT64_CONSTANT (1733000000000)
#define DECK_ID_BASE  G_GINT64_CONSTANT (1733000001000)
#define NOTE_ID_BASE  G_GINT64_CONSTANT (1600000000000)
/* The ordinal day of 1970-01-01 (FlashDay counts as date ordinals do). */
#define UNIX_EPOCH_DAY 719163

static const char schema[] =
  "CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, "
  "scm integer not null, ver integer not null, dty integer not null, usn integer not null, "
  "ls integer not null, conf text not null, models text not null, decks text not null, "
  "dconf text not null, tags text not null);"
  "CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, "
  "mod integer not null, usn integer not null, tags text not null, flds text not null, "
  "sfld integer not null, csum integer not null, flags integer not null, data text not null);"
  "CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, "
  "ord integer not null, mod integer not null, usn integer not null, type integer not null, "
  "queue integer not null, due integer not null, ivl integer not null, factor integer not null, "
  "reps integer not null, lapses integer not null, left integer not null, odue integer not "
  "null, odid integer not null, flags integer not null, data text not null);"
  "CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null, "
  "ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not "
  "null, time integer not null, type integer not null);"
  "CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);"
  "CREATE INDEX ix_notes_usn on notes (usn);"
  "CREATE INDEX ix_cards_usn on cards (usn);"
  "CREATE INDEX ix_revlog_usn on revlog (usn);"
  "CREATE INDEX ix_cards_nid on cards (nid);"
  "CREATE INDEX ix_cards_sched on cards (did, queue, due);"
  "CREATE INDEX ix_revlog_cid on revlog (cid);"
  "CREATE INDEX ix_notes_csum on notes (csum);";

static void
json_string (GString    *out,
             const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

char *
flash_anki_guid (const char *source,
                 const char *key)
{
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA1);

  g_checksum_update (sha, (const guchar *) (source != NULL ? source : ""), -1);
  g_checksum_update (sha, (const guchar *) "\x1f", 1);
  g_checksum_update (sha, (const guchar *) (key != NULL ? key : ""), -1);
  return g_strdup_printf ("fs%.14s", g_checksum_get_string (sha));
}

char *
flash_anki_strip_html (const char *html)
{
  static const struct { const char *name; const char *text; } entities[] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&#39;", "'" },
    { "&nbsp;", " " },
  };
  GString *text = g_string_new (NULL);

  for (const char *p = html != NULL ? html : ""; *p != '\0';)
    {
      gboolean done = FALSE;

      if (*p == '<')
        {
          const char *end = strchr (p, '>');

          p = end != NULL ? end + 1 : p + strlen (p);
          continue;
        }
      if (*p == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities) && !done; i++)
          if (g_str_has_prefix (p, entities[i].name))
            {
              g_string_append (text, entities[i].text);
              p += strlen (entities[i].name);
              done = TRUE;
            }
      if (!done)
        g_string_append_c (text, *p++);
    }
  return g_strstrip (g_string_free (text, FALSE));
}

guint32
flash_anki_checksum (const char *html)
{
  g_autofree char *text = flash_anki_strip_html (html);
  g_autoptr(GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_checksum_update (sha, (const guchar *) text, -1);
  g_checksum_get_digest (sha, digest, &length);
  return ((guint32) digest[0] << 24) | ((guint32) digest[1] << 16) | ((guint32) digest[2] << 8)
         | digest[3];
}

/* "Deck › Section › Part" as Anki names decks, "Deck::Section::Part". */
static char *
deck_path (const FlashCard *card)
{
  g_auto(GStrv) parts = g_strsplit (card->context != NULL && *card->context != '\0'
                                    ? card->context : card->deck_name, " › ", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    g_strstrip (parts[i]);
  return g_strjoinv ("::", parts);
}

typedef struct
{
  sqlite3    *db;
  GHashTable *decks;     /* "A::B" → deck id (gint64 *) */
  GPtrArray  *deck_names; /* in the order of their ids */
  gint64      now_ms;
  FlashDay    today;
  FlashDay    crt_day;
  GString    *error;
} Writer;

static gint64
deck_id_for (Writer     *writer,
             const char *path)
{
  gint64 *id = g_hash_table_lookup (writer->decks, path);
  g_autofree char *parent = NULL;
  const char *cut;

  if (id != NULL)
    return *id;
  /* Parents first, so every deck of the tree is in the list. */
  if ((cut = g_strrstr (path, "::")) != NULL)
    {
      parent = g_strndup (path, (gsize) (cut - path));
      deck_id_for (writer, parent);
    }
  id = g_new (gint64, 1);
  *id = DECK_ID_BASE + writer->deck_names->len;
  g_ptr_array_add (writer->deck_names, g_strdup (path));
  g_hash_table_insert (writer->decks, g_strdup (path), id);
  return *id;
}

static gboolean
check (Writer *writer,
       int     rc)
{
  if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW)
    return TRUE;
  if (writer->error->len == 0)
    g_string_append (writer->error, sqlite3_errmsg (writer->db));
  return FALSE;
}

static gboolean
write_card (Writer          *writer,
            sqlite3_stmt    *note,
            sqlite3_stmt    *row,
            const FlashCard *card,
            int              position)
{
  g_autofree char *front = flash_markdown_to_html (card->question);
  g_autofree char *back = flash_markdown_to_html (card->answer);
  g_autofree char *fields = g_strconcat (front, "\x1f", back, NULL);
  g_autofree char *sort = flash_anki_strip_html (front);
  g_autofree char *guid = flash_anki_guid (card->source, card->key);
  g_autofree char *path = deck_path (card);
  g_autofree char *tags = card->tags != NULL && *card->tags != '\0'
                          ? g_strdup_printf (" %s ", card->tags) : g_strdup ("");
  g_autoptr(GString) data = g_string_new ("{\"flashsheet\":{\"question\":");
  g_autoptr(GString) card_data = g_string_new ("");
  gint64 note_id = NOTE_ID_BASE + card->id;
  int type = 0, queue = 0, due = position, interval = 0;

  /* The Markdown travels beside the HTML, so that a package read back by Flashsheet gives the
   * same text when Anki did not change the fields. */
  json_string (data, card->question);
  g_string_append (data, ",\"answer\":");
  json_string (data, card->answer);
  /* And its key; not its deck's source, a path on this computer (docs/anki.md). */
  g_string_append (data, ",\"key\":");
  json_string (data, card->key);
  g_string_append (data, "}}");

  sqlite3_reset (note);
  sqlite3_bind_int64 (note, 1, note_id);
  sqlite3_bind_text (note, 2, guid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (note, 3, MODEL_ID);
  sqlite3_bind_int64 (note, 4, writer->now_ms / 1000);
  sqlite3_bind_text (note, 5, tags, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (note, 6, fields, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (note, 7, sort, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (note, 8, flash_anki_checksum (front));
  sqlite3_bind_text (note, 9, data->str, -1, SQLITE_TRANSIENT);
  if (!check (writer, sqlite3_step (note)))
    return FALSE;

  if (!card->is_new)
    {
      type = 2;
      queue = 2;
      due = (int) (card->due_day - writer->crt_day);
      interval = MAX (card->sm2.interval, 1);
    }
  if (card->suspended)
    queue = -1;
  else if (card->bury_day == writer->today)
    queue = -3;
  if (flash_fsrs_state_is_set (&card->fsrs))
    {
      char s[G_ASCII_DTOSTR_BUF_SIZE];
      char d[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_printf (card_data, "{\"s\":%s,\"d\":%s}",
                       g_ascii_formatd (s, sizeof s, "%.4f", card->fsrs.stability),
                       g_ascii_formatd (d, sizeof d, "%.4f", card->fsrs.difficulty));
    }
  sqlite3_reset (row);
  sqlite3_bind_int64 (row, 1, note_id);
  sqlite3_bind_int64 (row, 2, note_id);
  sqlite3_bind_int64 (row, 3, deck_id_for (writer, path));
  sqlite3_bind_int64 (row, 4, writer->now_ms / 1000);
  sqlite3_bind_int (row, 5, type);
  sqlite3_bind_int (row, 6, queue);
  sqlite3_bind_int (row, 7, due);
  sqlite3_bind_int (row, 8, interval);
  sqlite3_bind_int (row, 9, card->is_new ? 0 : (int) lround (card->sm2.ef * 1000));
  sqlite3_bind_int (row, 10, card->reviews);
  sqlite3_bind_int (row, 11, card->lapses);
  sqlite3_bind_int (row, 12, card->flag);
  sqlite3_bind_text (row, 13, card_data->str, -1, SQLITE_TRANSIENT);
  return check (writer, sqlite3_step (row));
}

/* The log's grades on Anki's four buttons; the entry's type: 0 learning (a first review or a
 * same-day repeat), 1 review, 2 relearning (a lapse). */
static gboolean
write_log (Writer     *writer,
           GPtrArray  *log,
           GHashTable *exported)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  ok = check (writer, sqlite3_prepare_v2 (writer->db, "INSERT INTO revlog VALUES (?1, ?2, -1, ?3, "
                                                      "?4, ?5, ?6, ?7, ?8)", -1, &stmt, NULL));
  for (guint i = 0; ok && i < log->len; i++)
    {
      const FlashLogEntry *entry = g_ptr_array_index (log, i);
      int type = entry->kind == FLASH_LOG_REVIEW ? (entry->grade < 3 && entry->reps_before > 0
                                                    ? 2 : 1)
                                                 : 0;

      if (!g_hash_table_contains (exported, &entry->card_id))
        continue;
      sqlite3_reset (stmt);
      /* Milliseconds, made unique by the entry's own number. */
      sqlite3_bind_int64 (stmt, 1, entry->time * 1000 + entry->id % 1000);
      sqlite3_bind_int64 (stmt, 2, NOTE_ID_BASE + entry->card_id);
      sqlite3_bind_int (stmt, 3, flash_fsrs_button_for_grade (entry->grade));
      sqlite3_bind_int (stmt, 4, entry->interval_after);
      sqlite3_bind_int (stmt, 5, entry->interval_before);
      sqlite3_bind_int (stmt, 6, (int) lround (entry->ef_after * 1000));
      sqlite3_bind_int (stmt, 7, MIN (entry->answer_ms, 60000));
      sqlite3_bind_int (stmt, 8, type);
      ok = check (writer, sqlite3_step (stmt));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* col's one row: the note type, the deck tree and default options, as Anki's schema 11 keeps
 * them in JSON. */
static gboolean
write_col (Writer *writer)
{
  g_autoptr(GString) models = g_string_new (NULL);
  g_autoptr(GString) decks = g_string_new (NULL);
  g_autofree char *conf = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 mod = writer->now_ms / 1000;
  gboolean ok;

  g_string_printf (models, "{\"%" G_GINT64_FORMAT "\":{\"id\":%" G_GINT64_FORMAT ","
                   "\"name\":\"Basic (Flashsheet)\",\"type\":0,\"mod\":%" G_GINT64_FORMAT ","
                   "\"usn\":-1,\"sortf\":0,\"did\":1,\"tmpls\":[{\"name\":\"Card 1\",\"ord\":0,"
                   "\"qfmt\":\"{{Front}}\",\"afmt\":\"{{FrontSide}}<hr id=answer>{{Back}}\","
                   "\"bqfmt\":\"\",\"bafmt\":\"\",\"did\":null,\"bfont\":\"\",\"bsize\":0}],"
                   "\"flds\":[{\"name\":\"Front\",\"ord\":0,\"sticky\":false,\"rtl\":false,"
                   "\"font\":\"Arial\",\"size\":20,\"media\":[]},{\"name\":\"Back\",\"ord\":1,"
                   "\"sticky\":false,\"rtl\":false,\"font\":\"Arial\",\"size\":20,\"media\":[]}],"
                   "\"css\":\".card { font-family: sans-serif; font-size: 20px; text-align: left; }"
                   "\\npre { text-align: left; }\",\"latexPre\":\"\",\"latexPost\":\"\","
                   "\"latexsvg\":false,\"req\":[[0,\"any\",[0]]],\"tags\":[],\"vers\":[]}}",
                   MODEL_ID, MODEL_ID, mod);
  g_string_append (decks, "{\"1\":{\"id\":1,\"name\":\"Default\",\"mod\":0,\"usn\":-1,"
                          "\"lrnToday\":[0,0],\"revToday\":[0,0],\"newToday\":[0,0],"
                          "\"timeToday\":[0,0],\"collapsed\":false,\"browserCollapsed\":false,"
                          "\"desc\":\"\",\"dyn\":0,\"conf\":1,\"extendNew\":0,\"extendRev\":0}");
  for (guint i = 0; i < writer->deck_names->len; i++)
    {
      g_string_append_printf (decks, ",\"%" G_GINT64_FORMAT "\":{\"id\":%" G_GINT64_FORMAT
                              ",\"name\":", DECK_ID_BASE + i, DECK_ID_BASE + i);
      json_string (decks, g_ptr_array_index (writer->deck_names, i));
      g_string_append_printf (decks, ",\"mod\":%" G_GINT64_FORMAT ",\"usn\":-1,\"lrnToday\":"
                              "[0,0],\"revToday\":[0,0],\"newToday\":[0,0],\"timeToday\":[0,0],"
                              "\"collapsed\":false,\"browserCollapsed\":false,\"desc\":\"\","
                              "\"dyn\":0,\"conf\":1,\"extendNew\":0,\"extendRev\":0}", mod);
    }
  g_string_append_c (decks, '}');
  conf = g_strdup_printf ("{\"nextPos\":1,\"estTimes\":true,\"activeDecks\":[1],\"sortType\":"
                          "\"noteFld\",\"timeLim\":0,\"sortBackwards\":false,\"addToCur\":true,"
                          "\"curDeck\":1,\"newBury\":true,\"newSpread\":0,\"dueCounts\":true,"
                          "\"curModel\":%" G_GINT64_FORMAT ",\"collapseTime\":1200}", MODEL_ID);

  ok = check (writer, sqlite3_prepare_v2 (writer->db, "INSERT INTO col VALUES (1, ?1, ?2, ?2, 11, "
                                                      "0, 0, 0, ?3, ?4, ?5, ?6, '{}')", -1, &stmt,
                                          NULL));
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, ((gint64) writer->crt_day - UNIX_EPOCH_DAY) * 86400);
      sqlite3_bind_int64 (stmt, 2, writer->now_ms);
      sqlite3_bind_text (stmt, 3, conf, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, models->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, decks->str, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, "{\"1\":{\"id\":1,\"name\":\"Default\",\"mod\":0,\"usn\":0,"
                                  "\"maxTaken\":60,\"autoplay\":true,\"timer\":0,\"replayq\":true,"
                                  "\"dyn\":false,\"new\":{\"delays\":[1.0,10.0],\"ints\":[1,4,0],"
                                  "\"initialFactor\":2500,\"order\":1,\"perDay\":20,\"bury\":"
                                  "false},\"rev\":{\"perDay\":200,\"ease4\":1.3,\"ivlFct\":1.0,"
                                  "\"maxIvl\":36500,\"bury\":false,\"hardFactor\":1.2},\"lapse\":"
                                  "{\"delays\":[10.0],\"mult\":0.0,\"minInt\":1,\"leechFails\":8,"
                                  "\"leechAction\":1}}}", -1, SQLITE_STATIC);
      ok = check (writer, sqlite3_step (stmt));
    }
  sqlite3_finalize (stmt);
  return ok;
}

/* The inner database at @db_path. */
static gboolean
write_collection (FlashStore  *store,
                  gint64       deck_id,
                  const char  *db_path,
                  GDateTime   *now,
                  GError     **error)
{
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(GHashTable) exported = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GString) message = g_string_new (NULL);
  Writer writer = { 0 };
  sqlite3_stmt *note = NULL;
  sqlite3_stmt *row = NULL;
  gboolean ok;

  if ((cards = flash_store_list_cards (store, deck_id, error)) == NULL
      || (log = flash_store_list_log (store, deck_id, error)) == NULL)
    return FALSE;
  if (cards->len == 0)
    {
      g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_EMPTY, "there are no cards to export");
      return FALSE;
    }

  writer.decks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  writer.deck_names = g_ptr_array_new_with_free_func (g_free);
  writer.now_ms = g_date_time_to_unix (now) * 1000;
  writer.today = flash_store_day_for (store, now);
  writer.crt_day = writer.today;
  writer.error = message;
  /* Anki counts due days from the collection's creation: the earliest last review. */
  for (guint i = 0; i < cards->len; i++)
    {
      const FlashCard *card = g_ptr_array_index (cards, i);

      if (!card->is_new)
        writer.crt_day = MIN (writer.crt_day, card->due_day - MAX (card->sm2.interval, 0));
    }

  ok = sqlite3_open_v2 (db_path, &writer.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
       == SQLITE_OK;
  ok = ok && check (&writer, sqlite3_exec (writer.db, "PRAGMA journal_mode = OFF; BEGIN", NULL,
                                           NULL, NULL))
       && check (&writer, sqlite3_exec (writer.db, schema, NULL, NULL, NULL))
       && check (&writer, sqlite3_prepare_v2 (writer.db, "INSERT INTO notes VALUES (?1, ?2, ?3, "
                                                         "?4, -1, ?5, ?6, ?7, ?8, 0, ?9)", -1,
                                              &note, NULL))
       && check (&writer, sqlite3_prepare_v2 (writer.db, "INSERT INTO cards VALUES (?1, ?2, ?3, 0, "
                                                         "?4, -1, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
                                                         "0, 0, 0, ?12, ?13)", -1, &row, NULL));
  for (guint i = 0; ok && i < cards->len; i++)
    {
      const FlashCard *card = g_ptr_array_index (cards, i);

      ok = write_card (&writer, note, row, card, (int) i + 1);
      g_hash_table_add (exported, (gpointer) &card->id);
    }
  sqlite3_finalize (note);
  sqlite3_finalize (row);
  ok = ok && write_log (&writer, log, exported) && write_col (&writer)
       && check (&writer, sqlite3_exec (writer.db, "COMMIT", NULL, NULL, NULL));
  if (!ok)
    g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_WRITE,
                 "%s: the package could not be written: %s", db_path,
                 message->len > 0 ? message->str : "cannot create the database");
  sqlite3_close (writer.db);
  g_hash_table_unref (writer.decks);
  g_ptr_array_unref (writer.deck_names);
  return ok;
}

static gboolean
add_entry (const FlashArchiveCalls *la,
           struct archive          *zip,
           const char              *name,
           const char              *contents,
           gsize                    length,
           GDateTime               *now)
{
  struct archive_entry *entry = la->entry_new ();
  gboolean ok;

  la->entry_set_pathname (entry, name);
  la->entry_set_size (entry, (la_int64_t) length);
  la->entry_set_filetype (entry, AE_IFREG);
  la->entry_set_perm (entry, 0644);
  la->entry_set_mtime (entry, g_date_time_to_unix (now), 0);
  ok = la->write_header (zip, entry) == ARCHIVE_OK
       && (length == 0 || la->write_data (zip, contents, length) == (la_ssize_t) length);
  la->entry_free (entry);
  return ok;
}

/* The zip at @zip_path: collection.anki2 and "media". */
static gboolean
write_zip (const char  *zip_path,
           const char  *db_path,
           GDateTime   *now,
           GError     **error)
{
  const FlashArchiveCalls *la = flash_archive_calls (error);
  g_autofree char *db = NULL;
  gsize length = 0;
  struct archive *zip;
  gboolean ok;

  if (la == NULL || !g_file_get_contents (db_path, &db, &length, error))
    return FALSE;
  zip = la->write_new ();
  ok = la->write_set_format_zip (zip) == ARCHIVE_OK
       && la->write_open_filename (zip, zip_path) == ARCHIVE_OK
       && add_entry (la, zip, "collection.anki2", db, length, now)
       && add_entry (la, zip, "media", "{}", 2, now);
  if (!ok)
    g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_WRITE, "%s: %s", zip_path,
                 la->error_string (zip) != NULL ? la->error_string (zip)
                                                : "the package could not be written");
  if (la->write_close (zip) != ARCHIVE_OK && ok)
    {
      g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_WRITE, "%s: %s", zip_path,
                   la->error_string (zip));
      ok = FALSE;
    }
  la->write_free (zip);
  return ok;
}

gboolean
flash_anki_export (FlashStore  *store,
                   gint64       deck_id,
                   const char  *path,
                   GDateTime   *now,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *partial = NULL;
  gboolean ok;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  dir = g_dir_make_tmp ("flashsheet-apkg-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  db_path = g_build_filename (dir, "collection.anki2", NULL);
  /* The package is written beside its place and renamed over it: whole or not at all. */
  partial = g_strconcat (path, ".partial", NULL);
  ok = write_collection (store, deck_id, db_path, now, error)
       && write_zip (partial, db_path, now, error);
  if (ok && g_rename (partial, path) != 0)
    {
      int saved = errno;

      g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_WRITE, "%s: %s", path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (partial);
  g_unlink (db_path);
  g_rmdir (dir);
  return ok;
}
