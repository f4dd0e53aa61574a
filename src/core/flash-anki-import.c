/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-anki-import.c: an Anki package read into sheets (one per top-level deck) and schedules
 * for the store. The package is a stranger's: entry names are checked, sizes and ratios capped,
 * the inner database opened read-only with trusted_schema off and refused when it holds triggers
 * or views; nothing it references is loaded (docs/anki.md). */
#include "flash-anki.h"

#include <dlfcn.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <zstd.h>

#include "flash-archive.h"
#include "flash-markdown.h"

/* A package this large is refused before it is read, and what it unpacks to is capped in total
 * and at 200 times its own size, but never below 32 MiB (a zip bomb inflates a thousand times and
 * more; a collection a few times). */
#define MAX_PACKAGE_BYTES   (G_GINT64_CONSTANT (512) << 20)
#define MAX_UNPACKED_BYTES  (G_GINT64_CONSTANT (1024) << 20)
#define MAX_RATIO           200
#define MIN_UNPACKED_CAP    (G_GINT64_CONSTANT (32) << 20)
#define MAX_CARDS           1000000

typedef struct
{
  __typeof__ (ZSTD_createDStream)    *create;
  __typeof__ (ZSTD_decompressStream) *decompress;
  __typeof__ (ZSTD_freeDStream)      *free;
  __typeof__ (ZSTD_isError)          *is_error;
} Zstd;

/* libzstd is loaded for the newest packages only (collection.anki21b), as libarchive is. */
static const Zstd *
zstd (void)
{
  static Zstd calls;
  static gsize loaded;
  static gboolean usable;

  if (g_once_init_enter (&loaded))
    {
      void *library = dlopen ("libzstd.so.1", RTLD_NOW | RTLD_LOCAL);

      usable = library != NULL
               && (calls.create = dlsym (library, "ZSTD_createDStream")) != NULL
               && (calls.decompress = dlsym (library, "ZSTD_decompressStream")) != NULL
               && (calls.free = dlsym (library, "ZSTD_freeDStream")) != NULL
               && (calls.is_error = dlsym (library, "ZSTD_isError")) != NULL;
      g_once_init_leave (&loaded, 1);
    }
  return usable ? &calls : NULL;
}

static gboolean
invalid (GError    **error,
         const char *display,
         const char *why)
{
  g_set_error (error, FLASH_ANKI_ERROR, FLASH_ANKI_ERROR_INVALID, "%s: %s", display, why);
  return FALSE;
}

/* @data unpacked, at most @cap bytes. */
static GBytes *
unzstd (GBytes      *data,
        gint64       cap,
        const char  *display,
        GError     **error)
{
  const Zstd *z = zstd ();
  g_autoptr(GByteArray) out = g_byte_array_new ();
  ZSTD_inBuffer in = { 0 };
  ZSTD_DStream *stream;
  guint8 buffer[65536];
  gboolean ok = TRUE;
  size_t rc = 1;

  if (z == NULL)
    {
      invalid (error, display, "this package needs libzstd (libzstd.so.1), which could not be "
                               "loaded");
      return NULL;
    }
  in.src = g_bytes_get_data (data, &in.size);
  stream = z->create ();
  while (ok && (in.pos < in.size || rc != 0))
    {
      ZSTD_outBuffer piece = { buffer, sizeof buffer, 0 };

      rc = z->decompress (stream, &piece, &in);
      if (z->is_error (rc))
        ok = invalid (error, display, "its collection is damaged (it cannot be unpacked)");
      else if ((gint64) out->len + (gint64) piece.pos > cap)
        ok = invalid (error, display, "its collection unpacks to more than Flashsheet reads");
      else
        g_byte_array_append (out, buffer, (guint) piece.pos);
      if (ok && piece.pos == 0 && in.pos >= in.size && rc != 0)
        ok = invalid (error, display, "its collection is cut short");
    }
  z->free (stream);
  return ok ? g_byte_array_free_to_bytes (g_steal_pointer (&out)) : NULL;
}

typedef struct
{
  GBytes *anki21b;
  GBytes *anki21;
  GBytes *anki2;
  GBytes *meta;
  guint   media;
} Entries;

static void
entries_clear (Entries *entries)
{
  g_clear_pointer (&entries->anki21b, g_bytes_unref);
  g_clear_pointer (&entries->anki21, g_bytes_unref);
  g_clear_pointer (&entries->anki2, g_bytes_unref);
  g_clear_pointer (&entries->meta, g_bytes_unref);
}

static gboolean
all_digits (const char *name)
{
  if (*name == '\0')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  return TRUE;
}

/* The package's entries Flashsheet reads; media files are only counted. */
static gboolean
read_entries (GBytes      *bytes,
              const char  *display,
              Entries     *entries,
              GError     **error)
{
  const FlashArchiveCalls *la = flash_archive_calls (error);
  struct archive *zip;
  struct archive_entry *entry;
  gint64 unpacked = 0;
  gint64 cap;
  gsize size;
  gconstpointer data;
  gboolean ok = TRUE;
  gboolean any = FALSE;
  int rc;

  if (la == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &size);
  cap = MIN (MAX_UNPACKED_BYTES, MAX ((gint64) size * MAX_RATIO, MIN_UNPACKED_CAP));
  zip = la->read_new ();
  la->read_support_format_zip (zip);
  if (la->read_open_memory (zip, data, size) != ARCHIVE_OK)
    ok = invalid (error, display, "is not an Anki package (not a zip file)");
  while (ok && (rc = la->read_next_header (zip, &entry)) == ARCHIVE_OK)
    {
      const char *name = la->entry_pathname (entry);
      GBytes **slot = NULL;

      any = TRUE;
      if (name == NULL || *name == '\0' || *name == '/' || strstr (name, "..") != NULL
          || strchr (name, '\\') != NULL || strchr (name, '/') != NULL)
        {
          ok = invalid (error, display, "is not an Anki package (an entry's name leaves the "
                                        "package)");
          break;
        }
      if (g_str_equal (name, "collection.anki21b"))
        slot = &entries->anki21b;
      else if (g_str_equal (name, "collection.anki21"))
        slot = &entries->anki21;
      else if (g_str_equal (name, "collection.anki2"))
        slot = &entries->anki2;
      else if (g_str_equal (name, "meta"))
        slot = &entries->meta;
      else if (all_digits (name))
        entries->media++;
      if (slot != NULL && *slot == NULL)
        {
          g_autoptr(GByteArray) contents = g_byte_array_new ();
          char buffer[65536];
          la_ssize_t n;

          while (ok && (n = la->read_data (zip, buffer, sizeof buffer)) > 0)
            {
              unpacked += n;
              if (unpacked > cap)
                ok = invalid (error, display, "unpacks to far more than its size (a zip bomb?)");
              else
                g_byte_array_append (contents, (const guint8 *) buffer, (guint) n);
            }
          if (ok && n < 0)
            ok = invalid (error, display, "is damaged (an entry cannot be unpacked)");
          if (ok)
            *slot = g_byte_array_free_to_bytes (g_steal_pointer (&contents));
        }
    }
  if (ok && !any)
    ok = invalid (error, display, "is not an Anki package (not a zip file)");
  la->read_free (zip);
  if (!ok)
    entries_clear (entries);
  return ok;
}

/* The version in the meta entry (protobuf field 1, a varint): 1 collection.anki2, 2 .anki21,
 * 3 .anki21b; 0 when there is none. */
static int
meta_version (GBytes *meta)
{
  gsize size = 0;
  const guint8 *p = meta != NULL ? g_bytes_get_data (meta, &size) : NULL;
  guint64 value = 0;

  if (size < 2 || p[0] != 0x08)
    return 0;
  for (gsize i = 1, shift = 0; i < size && shift < 64; i++, shift += 7)
    {
      value |= (guint64) (p[i] & 0x7f) << shift;
      if ((p[i] & 0x80) == 0)
        return value <= 3 ? (int) value : 0;
    }
  return 0;
}

typedef struct
{
  gboolean cloze;
  guint    templates;
  char    *name;
} NoteType;

static void
note_type_free (NoteType *type)
{
  g_free (type->name);
  g_free (type);
}

/* A notetypes.config blob's kind (field 1): 1 is cloze. */
static gboolean
config_is_cloze (const guint8 *p,
                 gsize         size)
{
  return size >= 2 && p[0] == 0x08 && p[1] == 0x01;
}

static gboolean
query (sqlite3       *db,
       const char    *sql,
       sqlite3_stmt **stmt)
{
  return sqlite3_prepare_v2 (db, sql, -1, stmt, NULL) == SQLITE_OK;
}

static gboolean
has_table (sqlite3    *db,
           const char *name)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (query (db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1", &stmt))
    {
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* Note types by id: schema 18's tables, or schema 11's JSON in col.models (read with SQLite's
 * own JSON functions). */
static GHashTable *
read_note_types (sqlite3 *db)
{
  GHashTable *types = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                             (GDestroyNotify) note_type_free);
  sqlite3_stmt *stmt = NULL;
  gboolean modern = has_table (db, "notetypes");

  if (modern ? query (db, "SELECT id, name, config, (SELECT COUNT(*) FROM templates t WHERE "
                          "t.ntid = n.id) FROM notetypes n", &stmt)
             : query (db, "SELECT CAST (j.key AS INTEGER), json_extract (j.value, '$.name'), "
                          "json_extract (j.value, '$.type'), json_array_length (j.value, "
                          "'$.tmpls') FROM col, json_each (col.models) j", &stmt))
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        NoteType *type = g_new0 (NoteType, 1);
        gint64 *id = g_new (gint64, 1);

        *id = sqlite3_column_int64 (stmt, 0);
        type->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
        if (modern)
          type->cloze = config_is_cloze (sqlite3_column_blob (stmt, 2),
                                         (gsize) sqlite3_column_bytes (stmt, 2));
        else
          type->cloze = sqlite3_column_int (stmt, 2) == 1;
        type->templates = (guint) sqlite3_column_int (stmt, 3);
        g_hash_table_insert (types, id, type);
      }
  sqlite3_finalize (stmt);
  return types;
}

/* Deck names by id, "A::B" (schema 18 separates them with 0x1f). */
static GHashTable *
read_decks (sqlite3 *db)
{
  GHashTable *decks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  gboolean modern = has_table (db, "decks");

  if (modern ? query (db, "SELECT id, name FROM decks", &stmt)
             : query (db, "SELECT CAST (j.key AS INTEGER), json_extract (j.value, '$.name') FROM "
                          "col, json_each (col.decks) j", &stmt))
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 *id = g_new (gint64, 1);
        g_auto(GStrv) parts = g_strsplit ((const char *) sqlite3_column_text (stmt, 1) != NULL
                                          ? (const char *) sqlite3_column_text (stmt, 1) : "",
                                          modern ? "\x1f" : "::", -1);

        *id = sqlite3_column_int64 (stmt, 0);
        g_hash_table_insert (decks, id, g_strjoinv ("::", parts));
      }
  sqlite3_finalize (stmt);
  return decks;
}

typedef struct
{
  FlashAnkiPackage *package;
  GHashTable       *sheets; /* top-level deck name → index in package->sheets */
  GHashTable       *cards;  /* Anki card id → FlashAnkiCard (borrowed) */
  GHashTable       *keys;   /* the cards' keys so far */
  gint64            anki_today;
} Reader;

static FlashSheet *
sheet_for (Reader     *reader,
           const char *top,
           guint      *index)
{
  gpointer found;
  FlashSheet *sheet;

  if (g_hash_table_lookup_extended (reader->sheets, top, NULL, &found))
    {
      *index = GPOINTER_TO_UINT (found);
      return g_ptr_array_index (reader->package->sheets, *index);
    }
  sheet = g_new0 (FlashSheet, 1);
  sheet->name = g_strdup (top);
  /* The same deck of a later package updates these cards: the source names the deck. */
  sheet->source = g_strconcat ("anki:", top, NULL);
  sheet->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_sheet_card_free);
  *index = reader->package->sheets->len;
  g_ptr_array_add (reader->package->sheets, sheet);
  g_hash_table_insert (reader->sheets, g_strdup (top), GUINT_TO_POINTER (*index));
  return sheet;
}

static GStrv
tags_of (const char *anki_tags)
{
  g_auto(GStrv) words = g_strsplit_set (anki_tags != NULL ? anki_tags : "", " \t", -1);
  g_autoptr(GPtrArray) tags = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (tags, g_utf8_strdown (words[i], -1));
  g_ptr_array_add (tags, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&tags), FALSE);
}

/* A card's question and answer from its note's fields, by its note type. A package Flashsheet
 * wrote keeps the Markdown beside the fields; it is used while the fields are unchanged. */
static gboolean
card_text (const NoteType *type,
           GStrv           fields,
           int             ord,
           const char     *kept_question,
           const char     *kept_answer,
           char          **question,
           char          **answer)
{
  guint n = g_strv_length (fields);

  if (kept_question != NULL && kept_answer != NULL && n == 2)
    {
      g_autofree char *front = flash_markdown_to_html (kept_question);
      g_autofree char *back = flash_markdown_to_html (kept_answer);

      if (g_str_equal (front, fields[0]) && g_str_equal (back, fields[1]))
        {
          *question = g_strdup (kept_question);
          *answer = g_strdup (kept_answer);
          return TRUE;
        }
    }
  if (n == 0)
    return FALSE;
  if (type->cloze)
    {
      g_autofree char *text = flash_anki_html_to_markdown (fields[0]);
      g_autofree char *extra = n > 1 ? flash_anki_html_to_markdown (fields[1]) : g_strdup ("");
      g_autofree char *revealed = flash_anki_cloze (text, ord + 1, TRUE);

      *question = flash_anki_cloze (text, ord + 1, FALSE);
      *answer = *extra != '\0' ? g_strconcat (revealed, "\n\n", extra, NULL)
                               : g_steal_pointer (&revealed);
      return TRUE;
    }
  if (n < 2)
    return FALSE;
  /* Basic (and reversed): the second template asks the back. */
  *question = flash_anki_html_to_markdown (fields[ord == 1 && type->templates >= 2 ? 1 : 0]);
  *answer = flash_anki_html_to_markdown (fields[ord == 1 && type->templates >= 2 ? 0 : 1]);
  return **question != '\0';
}

/* Column @column as valid UTF-8, "" for NULL. */
static char *
valid_text (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_utf8_make_valid (text != NULL ? text : "", -1);
}

static void
anki_card_free (FlashAnkiCard *card)
{
  g_free (card->key);
  g_clear_pointer (&card->log, g_array_unref);
  g_free (card);
}

static gboolean
read_cards (Reader      *reader,
            sqlite3     *db,
            const char  *display,
            GError     **error)
{
  g_autoptr(GHashTable) types = read_note_types (db);
  g_autoptr(GHashTable) decks = read_decks (db);
  sqlite3_stmt *stmt = NULL;
  guint count = 0;
  int rc;

  if (!query (db, "SELECT c.id, c.did, c.ord, c.type, c.queue, c.due, c.ivl, c.factor, c.reps, "
                  "c.lapses, c.flags, n.guid, n.mid, n.flds, n.tags, CASE WHEN json_valid (n.data) "
                  "THEN json_extract (n.data, '$.flashsheet.question') END, CASE WHEN json_valid "
                  "(n.data) THEN json_extract (n.data, '$.flashsheet.answer') END, CASE WHEN "
                  "json_valid (c.data) THEN json_extract (c.data, '$.s') END, CASE WHEN "
                  "json_valid (c.data) THEN json_extract (c.data, '$.d') END FROM cards c JOIN "
                  "notes n ON n.id = c.nid ORDER BY n.id, c.ord", &stmt))
    return invalid (error, display, "is not an Anki package (its collection has no cards and "
                                    "notes)");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 anki_id = sqlite3_column_int64 (stmt, 0);
      gint64 deck_id = sqlite3_column_int64 (stmt, 1);
      gint64 type_id = sqlite3_column_int64 (stmt, 12);
      int ord = sqlite3_column_int (stmt, 2);
      const NoteType *type = g_hash_table_lookup (types, &type_id);
      const char *deck = g_hash_table_lookup (decks, &deck_id);
      /* A stranger's text may not be UTF-8: it is made so before anything reads it. */
      g_autofree char *flds = valid_text (stmt, 13);
      g_autofree char *deck_name = g_utf8_make_valid (deck != NULL && *deck != '\0' ? deck
                                                                                   : "Anki", -1);
      g_autofree char *anki_tags = valid_text (stmt, 14);
      g_autofree char *guid = valid_text (stmt, 11);
      g_auto(GStrv) fields = g_strsplit (flds, "\x1f", -1);
      g_auto(GStrv) path = g_strsplit (deck_name, "::", -1);
      g_autofree char *question = NULL;
      g_autofree char *answer = NULL;
      FlashSheetCard *sheet_card;
      FlashAnkiCard *card;
      FlashSheet *sheet;
      g_autofree char *key = NULL;
      guint index;
      int anki_type = sqlite3_column_int (stmt, 3);

      if (++count > MAX_CARDS)
        {
          sqlite3_finalize (stmt);
          return invalid (error, display, "holds more cards than Flashsheet imports at once");
        }
      if (type == NULL
          || !card_text (type, fields, ord, (const char *) sqlite3_column_text (stmt, 15),
                         (const char *) sqlite3_column_text (stmt, 16), &question, &answer)
          || !g_utf8_validate (question, -1, NULL) || !g_utf8_validate (answer, -1, NULL))
        {
          reader->package->skipped++;
          continue;
        }
      for (guint p = 0; path[p] != NULL; p++)
        if (*g_strstrip (path[p]) == '\0')
          {
            g_free (path[p]);
            path[p] = g_strdup ("Anki");
          }
      key = g_strdup_printf ("anki:%s:%d", guid, ord);
      /* A guid given twice would be one key twice in a deck: the second is left out. */
      if (!g_hash_table_add (reader->keys, g_strdup (key)))
        {
          reader->package->skipped++;
          continue;
        }
      sheet = sheet_for (reader, path[0], &index);
      sheet_card = g_new0 (FlashSheetCard, 1);
      sheet_card->key = g_steal_pointer (&key);
      sheet_card->context = g_strjoinv (" › ", path);
      sheet_card->question = g_steal_pointer (&question);
      sheet_card->answer = g_steal_pointer (&answer);
      sheet_card->tags = tags_of (anki_tags);
      sheet_card->line = sheet->cards->len + 1;
      g_ptr_array_add (sheet->cards, sheet_card);

      card = g_new0 (FlashAnkiCard, 1);
      card->sheet = index;
      card->key = g_strdup (sheet_card->key);
      /* Learning (1), review (2) and relearning (3) cards have been studied. */
      card->scheduled = anki_type >= 1 && anki_type <= 3;
      card->interval = MAX (sqlite3_column_int (stmt, 6), 1);
      card->ef = sqlite3_column_int (stmt, 7) > 0 ? MAX (sqlite3_column_int (stmt, 7) / 1000.0,
                                                         1.3)
                                                  : 2.5;
      card->reps = MAX (sqlite3_column_int (stmt, 8), 0);
      card->lapses = MAX (sqlite3_column_int (stmt, 9), 0);
      /* A review's due day counts from the collection's creation; a learning card is due now. */
      card->due_offset = anki_type == 2 || anki_type == 3
                         ? (int) CLAMP (sqlite3_column_int64 (stmt, 5) - reader->anki_today,
                                        -36500, 36500)
                         : 0;
      card->suspended = sqlite3_column_int (stmt, 4) == -1;
      card->flag = CLAMP (sqlite3_column_int (stmt, 10) & 7, 0, 7);
      if (sqlite3_column_type (stmt, 17) != SQLITE_NULL && sqlite3_column_double (stmt, 17) > 0)
        {
          card->fsrs.stability = CLAMP (sqlite3_column_double (stmt, 17), FLASH_FSRS_MIN_STABILITY,
                                        FLASH_FSRS_MAX_STABILITY);
          card->fsrs.difficulty = CLAMP (sqlite3_column_double (stmt, 18), 1.0, 10.0);
        }
      card->log = g_array_new (FALSE, FALSE, sizeof (FlashAnkiReview));
      g_ptr_array_add (reader->package->cards, card);
      g_hash_table_insert (reader->cards, g_memdup2 (&anki_id, sizeof anki_id), card);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return invalid (error, display, "is damaged (its collection cannot be read)");
  return TRUE;
}

static void
read_log (Reader  *reader,
          sqlite3 *db)
{
  static const int grades[] = { 1, 1, 3, 4, 5 };
  sqlite3_stmt *stmt = NULL;

  if (!query (db, "SELECT id, cid, ease, ivl, lastIvl, factor, time FROM revlog ORDER BY cid, id",
              &stmt))
    return;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 card_id = sqlite3_column_int64 (stmt, 1);
      FlashAnkiCard *card = g_hash_table_lookup (reader->cards, &card_id);
      int ease = sqlite3_column_int (stmt, 2);
      FlashAnkiReview review;

      /* Ease 0 marks Anki's manual rescheduling, not an answer. */
      if (card == NULL || ease < 1 || ease > 4)
        continue;
      review.id = sqlite3_column_int64 (stmt, 0);
      review.time = review.id / 1000;
      review.grade = grades[ease];
      review.interval = MAX (sqlite3_column_int (stmt, 3), 0);
      review.last_interval = MAX (sqlite3_column_int (stmt, 4), 0);
      review.ef = sqlite3_column_int (stmt, 5) > 0 ? sqlite3_column_int (stmt, 5) / 1000.0 : 2.5;
      review.answer_ms = CLAMP (sqlite3_column_int (stmt, 6), 0, 3600000);
      g_array_append_val (card->log, review);
    }
  sqlite3_finalize (stmt);
}

static gboolean
read_collection (Reader      *reader,
                 GBytes      *db_bytes,
                 const char  *display,
                 GDateTime   *now,
                 GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("flashsheet-anki-XXXXXX", error);
  g_autofree char *path = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (dir == NULL)
    return FALSE;
  path = g_build_filename (dir, "collection", NULL);
  if (!g_file_set_contents (path, g_bytes_get_data (db_bytes, NULL),
                            (gssize) g_bytes_get_size (db_bytes), error))
    ok = FALSE;
  /* Read-only, its schema untrusted (no function it names runs), never attached to ours. */
  if (ok && (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK
             || sqlite3_exec (db, "PRAGMA trusted_schema = OFF", NULL, NULL, NULL) != SQLITE_OK))
    ok = invalid (error, display, "is damaged (its collection cannot be opened)");
  if (ok && query (db, "PRAGMA quick_check", &stmt) && sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok && g_strcmp0 (check, "ok") != 0)
    ok = invalid (error, display, "is damaged (its collection fails SQLite's check)");
  if (ok && query (db, "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('trigger', 'view')",
                   &stmt)
      && sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) > 0)
    ok = invalid (error, display, "is refused: its collection holds triggers or views, which "
                                  "no Anki package has");
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (ok && query (db, "SELECT crt FROM col", &stmt) && sqlite3_step (stmt) == SQLITE_ROW)
    /* Anki's day number today: days since the collection was created. */
    reader->anki_today = (g_date_time_to_unix (now) - sqlite3_column_int64 (stmt, 0)) / 86400;
  g_clear_pointer (&stmt, sqlite3_finalize);
  ok = ok && read_cards (reader, db, display, error);
  if (ok)
    read_log (reader, db);
  sqlite3_close (db);
  g_unlink (path);
  g_rmdir (dir);
  return ok;
}

void
flash_anki_package_free (FlashAnkiPackage *package)
{
  if (package == NULL)
    return;
  g_ptr_array_unref (package->sheets);
  g_ptr_array_unref (package->cards);
  g_free (package->collection);
  g_free (package);
}

FlashAnkiPackage *
flash_anki_read_bytes (GBytes      *bytes,
                       const char  *display,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr(FlashAnkiPackage) package = g_new0 (FlashAnkiPackage, 1);
  g_autoptr(GBytes) unpacked = NULL;
  Entries entries = { 0 };
  Reader reader = { 0 };
  GBytes *chosen = NULL;
  int version;
  gboolean ok;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  package->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_sheet_free);
  package->cards = g_ptr_array_new_with_free_func ((GDestroyNotify) anki_card_free);
  if (!read_entries (bytes, display, &entries, error))
    return NULL;
  package->media = entries.media;
  /* The newest collection the package says it holds, else the newest there is: current Anki
   * writes a collection.anki2 beside its anki21b whose one note asks to update Anki. */
  version = meta_version (entries.meta);
  if (entries.anki21b != NULL && (version == 0 || version == 3))
    {
      /* The same cap as the zip's entries: 200 times the package, at least 32 MiB. */
      gint64 cap = MIN (MAX_UNPACKED_BYTES,
                        MAX ((gint64) g_bytes_get_size (bytes) * MAX_RATIO, MIN_UNPACKED_CAP));

      unpacked = unzstd (entries.anki21b, cap, display, error);
      chosen = unpacked;
      package->collection = g_strdup ("collection.anki21b");
      if (chosen == NULL)
        {
          entries_clear (&entries);
          return NULL;
        }
    }
  else if (entries.anki21 != NULL && version != 1)
    {
      chosen = entries.anki21;
      package->collection = g_strdup ("collection.anki21");
    }
  else if (entries.anki2 != NULL)
    {
      chosen = entries.anki2;
      package->collection = g_strdup ("collection.anki2");
    }
  if (chosen == NULL)
    {
      entries_clear (&entries);
      invalid (error, display, "is not an Anki package (it holds no Anki collection)");
      return NULL;
    }
  reader.package = package;
  reader.sheets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.cards = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  reader.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ok = read_collection (&reader, chosen, display, now, error);
  g_hash_table_unref (reader.sheets);
  g_hash_table_unref (reader.cards);
  g_hash_table_unref (reader.keys);
  entries_clear (&entries);
  if (!ok)
    return NULL;
  if (package->sheets->len == 0)
    {
      invalid (error, display, "holds no cards Flashsheet can show");
      return NULL;
    }
  return g_steal_pointer (&package);
}

gboolean
flash_anki_is_package (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  return g_str_has_suffix (lower, ".apkg");
}

FlashAnkiPackage *
flash_anki_read (const char  *path,
                 GDateTime   *now,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *display = NULL;
  g_autofree char *contents = NULL;
  GStatBuf info;
  gsize length = 0;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (g_stat (path, &info) == 0 && (gint64) info.st_size > MAX_PACKAGE_BYTES)
    {
      invalid (error, display, "is larger than Flashsheet reads (512 MiB)");
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return flash_anki_read_bytes (bytes, display, now, error);
}
