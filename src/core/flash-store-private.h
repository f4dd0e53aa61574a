/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-private.h: the store's struct and SQL helpers, shared by the flash-store-*.c files. */
#pragma once

#include <sqlite3.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* A card graded below 4 comes back after this many other cards (SM-2 step 7). */
#define REPEAT_GAP 3

/* Kinds of review log entries. */
enum
{
  REVIEW_NEW = 0,    /* the first review of a card */
  REVIEW_REVIEW = 1, /* a scheduled (or early) review */
  REVIEW_REPEAT = 2, /* a same-day repeat of SM-2 step 7 */
};

struct _FlashStore
{
  sqlite3    *db;
  char       *path;
  int         lock;       /* the shared open lock (flash_db_lock), or -1 */
  GHashTable *statements; /* SQL text -> sqlite3_stmt*, prepared once */
  FlashLimits limits;
  int         leech_lapses; /* a leech lapsed this often (config "leech_lapses", default 8) */
  /* A read-only copy (flash_store_open_read_only_copy) refuses every write. */
  gboolean    read_only;

  /* flash_store_open_deferred(): the health check (and daily backup) runs in this thread with a
   * connection of its own; every write waits for its verdict. */
  GThread    *check_thread;
  GMutex      check_lock;
  GCond       check_cond;
  gboolean    check_done;
  GError     *check_error;
};

/* flash-store-search.c: the full-text index, made with schema 6 where SQLite has FTS5. */
gboolean      flash_store_create_search_index (FlashStore *self,
                                               GError    **error);
/* Around a bulk insert of cards, inside its transaction: the index's insert trigger is dropped
 * (@max_id gets the last card id, or -1 without an index), then the cards added since are
 * indexed in one statement and the trigger made again. */
gboolean      flash_store_pause_search_index  (FlashStore *self,
                                               gint64     *max_id,
                                               GError    **error);
gboolean      flash_store_rebuild_search_index (FlashStore *self,
                                                GError    **error);
gboolean      flash_store_resume_search_index (FlashStore *self,
                                               gint64      max_id,
                                               GError    **error);

/* flash-store-import.c: one sheet's deck and cards, inside the caller's transaction, with the
 * search index paused by the caller. */
gboolean      flash_store_import_sheet_locked (FlashStore         *self,
                                               const FlashSheet   *sheet,
                                               FlashImportResult  *result,
                                               GError            **error);

/* What today still allows (flash-store-queue.c); grading needs it too. */
typedef struct
{
  guint new_left;     /* new cards still allowed today */
  guint reviews_left; /* reviews still allowed today */
  guint done_today;   /* log entries today, of any kind */
  guint new_extra;    /* new cards "Study More" added today */
} FlashDayBudget;

gboolean      flash_store_day_budget   (FlashStore     *self,
                                        FlashDay        today,
                                        FlashDayBudget *budget,
                                        GError        **error);

/* Whether @deck_id (0: any) shows new cards at all: not when its own limit is 0. */
gboolean      flash_store_deck_takes_new (FlashStore          *self,
                                          gint64               deck_id);
/* The new cards @deck_id (not 0) may still show today: the day's budget, and its own limit's
 * rest if it has one (schema 8). */
gboolean      flash_store_deck_new_left (FlashStore           *self,
                                         gint64                deck_id,
                                         FlashDay              today,
                                         const FlashDayBudget *budget,
                                         guint                *left,
                                         GError              **error);

/* Appends the ids (column 0) a query yields to @ids, and column 1 to @seqs unless it is NULL; or,
 * with @ids NULL, reads the query's count into @count. Resets the statement. */
gboolean      flash_store_collect_ids  (FlashStore           *self,
                                        sqlite3_stmt         *stmt,
                                        GArray               *ids,
                                        GArray               *seqs,
                                        guint                *count,
                                        GError              **error);

/* Today's queue from its parts in study order: @due (taken, and returned grown), then @fresh,
 * with each of @repeats put back at its place (@seqs, counted in the day's @done_today log
 * entries); cut to @limit unless it is 0. */
GArray       *flash_store_merge_queue  (GArray               *due,
                                        const GArray         *fresh,
                                        const GArray         *repeats,
                                        const GArray         *seqs,
                                        guint                 done_today,
                                        guint                 limit);

/* Fills each FlashDeckInfo of @decks (new_cards read) with today's counts within a budget already
 * read: the deck list reads the budget once for all its decks. */
gboolean      flash_store_deck_counts  (FlashStore           *self,
                                        GPtrArray            *decks,
                                        FlashDay              today,
                                        const FlashDayBudget *budget,
                                        GError              **error);

/* flash-store.c: statements are prepared once, cached by the address of their SQL, which must
 * be a string literal. */
FlashStore   *flash_store_new          (const char    *path);
gboolean      flash_store_set_error    (FlashStore    *self,
                                        int            rc,
                                        GError       **error);
sqlite3_stmt *flash_store_prepare      (FlashStore    *self,
                                        const char    *sql,
                                        GError       **error);
gboolean      flash_store_exec         (FlashStore    *self,
                                        const char    *sql,
                                        GError       **error);
/* Runs a statement that returns no rows and resets it. */
gboolean      flash_store_step_done    (FlashStore    *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
/* Runs a one-integer query; @fallback when it yields no row or NULL. */
gboolean      flash_store_query_int64  (FlashStore    *self,
                                        sqlite3_stmt  *stmt,
                                        gint64         fallback,
                                        gint64        *value,
                                        GError       **error);
/* A reader that runs several statements takes one snapshot for all of them: each statement on
 * its own would take and drop SQLite's file locks, and could see a different state. Returns
 * whether it began a read transaction (not when one is open already); pass that to read_end. */
gboolean      flash_store_read_begin   (FlashStore    *self);
void          flash_store_read_end     (FlashStore    *self,
                                        gboolean       began);
/* BEGIN IMMEDIATE, after the deferred health check said the file is sound. */
gboolean      flash_store_begin        (FlashStore    *self,
                                        GError       **error);
gboolean      flash_store_commit       (FlashStore    *self,
                                        GError       **error);
void          flash_store_rollback     (FlashStore    *self);
void          flash_store_load_limits  (FlashStore    *self);

/* The SQLite handle, for backups and tests. */
sqlite3      *flash_store_get_db       (FlashStore    *self);

G_END_DECLS
