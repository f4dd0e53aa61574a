/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store.h: the collection: one SQLite file of decks, cards, scheduling and the review log. */
#pragma once

#include <glib.h>

#include "flash-day.h"
#include "flash-sheet.h"
#include "flash-fsrs.h"
#include "flash-sm2.h"

G_BEGIN_DECLS

#define FLASH_STORE_ERROR (flash_store_error_quark ())

typedef enum
{
  FLASH_STORE_ERROR_OPEN,        /* cannot open or create the file */
  FLASH_STORE_ERROR_NOT_DATABASE,/* the file is not a SQLite database */
  FLASH_STORE_ERROR_DAMAGED,     /* quick_check failed */
  FLASH_STORE_ERROR_TOO_NEW,     /* written by a newer Flashsheet */
  FLASH_STORE_ERROR_READ_ONLY,   /* the collection cannot be written */
  FLASH_STORE_ERROR_FULL,        /* the disk is full */
  FLASH_STORE_ERROR_NOT_FOUND,   /* no such card or deck */
  FLASH_STORE_ERROR_INVALID,     /* bad argument, e.g. a grade out of range */
  FLASH_STORE_ERROR_NOTHING_TO_UNDO,
  FLASH_STORE_ERROR_FAILED,      /* any other SQLite error */
  FLASH_STORE_ERROR_BUSY,        /* another process held a lock longer than the busy timeout */
  FLASH_STORE_ERROR_CANCELLED,   /* the caller gave up (flash_store_search_cancellable) */
} FlashStoreError;

/* The schema version this build writes. */
#define FLASH_STORE_SCHEMA_VERSION 10

typedef struct _FlashStore FlashStore;

typedef struct
{
  int new_per_day;     /* default 20 */
  int reviews_per_day; /* default 200 */
  int day_start_hour;  /* 0-23, default 4 */
} FlashLimits;

typedef struct
{
  gint64 deck_id;
  char  *deck_name;
  guint  total;     /* active cards after the import */
  guint  added;
  guint  updated;
  guint  unchanged;
  guint  retired;
  guint  split;     /* old cards now several, each giving its history to the first (updated) */
  guint  merged;    /* new cards made of several old ones, taking the first one's history */
} FlashImportResult;

typedef struct
{
  gint64 id;
  char  *name;
  char  *source;
  guint  total;      /* active (not retired) cards */
  guint  new_cards;  /* never reviewed */
  guint  new_today;  /* new cards today's queue would show */
  guint  due_today;  /* reviews due today, capped by the daily limit */
  guint  reviews;    /* entries in the review log */
  int    new_per_day; /* its own daily limit of new cards, or -1: only the collection's */
} FlashDeckInfo;

typedef struct
{
  gint64        id;
  gint64        deck_id;
  char         *deck_name;
  char         *context;
  char         *question;
  char         *answer;
  int           position; /* order within the file */
  gboolean      retired;
  gboolean      is_new;   /* never reviewed */
  FlashSm2State sm2;
  FlashFsrsState fsrs;    /* FSRS's memory state, once FSRS has scheduled the card */
  int           reviews;  /* its scheduled reviews so far, repeats not counted (FSRS's fuzz) */
  FlashDay      last_review_day; /* the study day of its last scheduled review, or 0 */
  char         *key;      /* its item's key in its cheatsheet */
  FlashDay      due_day;  /* meaningful when !is_new */
  FlashDay      repeat_day; /* a same-day repeat is pending on this day (step 7), or 0 */
  char         *tags;      /* the slugs of its headings, space-separated */
  char         *source;    /* its deck's source: a file's path, or a "paste:" key */
  gboolean      suspended;
  FlashDay      bury_day;  /* out of the queue on this day, or 0 */
  int           flag;      /* 0 (none) to FLASH_CARD_MAX_FLAG */
  gboolean      edited;    /* the user changed its text */
  gboolean      source_changed; /* edited, and the source item changed since */
  char         *source_question; /* an edited card's text from its source, else NULL */
  char         *source_answer;
  int           lapses;    /* scheduled reviews forgotten after the card had graduated */
  gint64        added;     /* when the card was first imported, UTC seconds */
} FlashCard;

#define FLASH_CARD_MAX_FLAG 7

/* Which algorithm schedules the collection's reviews (docs/scheduling.md), and FSRS's settings,
 * kept whichever is chosen. */
typedef enum
{
  FLASH_SCHEDULER_SM2,
  FLASH_SCHEDULER_FSRS,
} FlashSchedulerKind;

typedef struct
{
  FlashSchedulerKind kind;
  double             retention;        /* FSRS's desired retention */
  int                maximum_interval; /* days, FSRS only */
  gboolean           fuzz;             /* FSRS only */
} FlashScheduler;

typedef struct
{
  guint new_cards;  /* new cards left today */
  guint learning;   /* same-day repeats waiting (step 7) */
  guint due;        /* reviews left today */
  guint done_today; /* reviews recorded today */
} FlashDayCounts;

typedef struct
{
  gint64        log_id;
  gint64        card_id;
  int           grade;
  FlashSm2State before;
  FlashSm2State after;    /* under FSRS, after.interval is FSRS's */
  FlashFsrsState fsrs_after; /* set when FSRS scheduled the review */
  gboolean      fsrs;     /* FSRS scheduled it */
  FlashDay      due_day;  /* next due study day */
  gboolean      repeat;   /* the card comes back later today (step 7) */
} FlashReviewResult;

typedef struct
{
  gint64 id;
  gint64 card_id;
  gint64 time;        /* UTC, seconds since the epoch */
  int    grade;
  int    interval_before;
  int    interval_after;
  double ef_before;
  double ef_after;
  int    answer_ms;
  int    kind;        /* FLASH_LOG_NEW, FLASH_LOG_REVIEW or FLASH_LOG_REPEAT */
  int    reps_before; /* SM-2's repetitions before, -1 for a new card */
} FlashLogEntry;

/* The kinds of review log entries: a card's first review, a scheduled (or early) one, a
 * same-day repeat (docs/scheduling.md, step 7). */
enum
{
  FLASH_LOG_NEW = 0,
  FLASH_LOG_REVIEW = 1,
  FLASH_LOG_REPEAT = 2,
};

typedef struct
{
  guint  decks;
  guint  cards;
  guint  new_cards;
  guint  retired;
  guint  reviews_total;
  guint  reviews_today;
  guint  due_today;
  guint  due_tomorrow;
  double retention_30d; /* share of reviews graded >= 3 in the last 30 days, or -1 with none */
  guint  streak;        /* consecutive study days with reviews, up to today */
} FlashStats;

GQuark       flash_store_error_quark         (void);

char        *flash_store_default_path        (void);

FlashStore  *flash_store_open                (const char        *path,
                                              GError           **error);
FlashStore  *flash_store_open_deferred       (const char        *path,
                                              GError           **error);
gboolean     flash_store_wait_checked        (FlashStore        *self,
                                              GError           **error);
gboolean     flash_store_is_checking         (FlashStore        *self);
/* A read-only connection for a worker beside the process's first one: no full check, no
 * backup, no migration. */
FlashStore  *flash_store_open_reader         (const char        *path,
                                              GError           **error);
FlashStore  *flash_store_open_read_only_copy (const char        *path,
                                              const char        *copy_path,
                                              GError           **error);
gboolean     flash_store_is_read_only        (FlashStore        *self);
void         flash_store_close               (FlashStore        *self);
const char  *flash_store_get_path            (FlashStore        *self);
gboolean     flash_store_is_empty            (FlashStore        *self);

/* The scheduler and FSRS's settings (flash-store-scheduler.c), as another process may have
 * changed them since. Setting FSRS when SM-2 scheduled the collection computes every card's
 * memory state from its review log; SM-2's state is kept either way. */
gboolean     flash_store_get_scheduler       (FlashStore           *self,
                                              FlashScheduler       *scheduler,
                                              GError              **error);
gboolean     flash_store_set_scheduler       (FlashStore           *self,
                                              const FlashScheduler *scheduler,
                                              GError              **error);
/* FSRS's parameters for @scheduler: the default weights and its settings. */
void         flash_scheduler_fsrs_params     (const FlashScheduler *scheduler,
                                              FlashFsrsParams      *params);
void         flash_scheduler_init            (FlashScheduler       *scheduler);
void         flash_store_get_limits          (FlashStore        *self,
                                              FlashLimits       *limits);
gboolean     flash_store_set_limits          (FlashStore        *self,
                                              const FlashLimits *limits,
                                              GError           **error);
FlashDay     flash_store_day_for             (FlashStore        *self,
                                              GDateTime         *now);

/* Import: all or nothing per sheet. */
gboolean     flash_store_import_sheet        (FlashStore        *self,
                                              const FlashSheet  *sheet,
                                              FlashImportResult *result,
                                              GError           **error);
gboolean     flash_store_import_file         (FlashStore        *self,
                                              const char        *path,
                                              FlashImportResult *result,
                                              GError           **error);
/* An Anki package read with flash_anki_read() (flash-store-anki.c): every deck, card, schedule
 * and review in one transaction; @results gets a FlashImportResult per deck. A card reviewed
 * here already keeps its own schedule and log. */
typedef struct _FlashAnkiPackage FlashAnkiPackage;
gboolean     flash_store_import_anki         (FlashStore              *self,
                                              const FlashAnkiPackage  *package,
                                              GDateTime               *now,
                                              GArray                 **results,
                                              GError                 **error);
/* flash_store_import_sheet() that stops with FLASH_STORE_ERROR_CANCELLED, changing nothing, as
 * soon as *@stop is set (from another thread). */
gboolean     flash_store_import_sheet_cancellable (FlashStore        *self,
                                              const FlashSheet  *sheet,
                                              const gint        *stop,
                                              FlashImportResult *result,
                                              GError           **error);
void         flash_import_result_clear       (FlashImportResult *result);

/* Searching (flash-store-search.c): the cards a browser lists. */
typedef enum
{
  FLASH_CARD_FILTER_ALL,
  FLASH_CARD_FILTER_NEW,
  FLASH_CARD_FILTER_LEARNING,  /* a same-day repeat is waiting */
  FLASH_CARD_FILTER_DUE,       /* a review is due today or before */
  FLASH_CARD_FILTER_SUSPENDED,
  FLASH_CARD_FILTER_BURIED,    /* out of today's queue */
  FLASH_CARD_FILTER_FLAGGED,
  FLASH_CARD_FILTER_EDITED,
  FLASH_CARD_FILTER_LAPSED,    /* forgotten at least once after graduating */
  FLASH_CARD_FILTER_LEECH,     /* lapsed as often as the leech threshold or more */
  FLASH_CARD_FILTER_SOURCE_CHANGED,
} FlashCardFilter;

typedef enum
{
  FLASH_CARD_ORDER_POSITION, /* deck, then file order */
  FLASH_CARD_ORDER_DUE,      /* soonest due first; new cards last */
  FLASH_CARD_ORDER_EASE,     /* lowest EF first */
  FLASH_CARD_ORDER_LAPSES,   /* most lapses first */
  FLASH_CARD_ORDER_ADDED,    /* newest first */
  FLASH_CARD_ORDER_WEAKEST,  /* most lapses, then lowest EF first; new cards last */
} FlashCardOrder;

typedef struct
{
  const char      *text;    /* words to find (the last one as a prefix), or NULL for every card */
  gint64           deck_id; /* 0: every deck */
  const char      *section; /* a breadcrumb ("Deck › Section") and everything below it, or NULL */
  const char      *tag;     /* or NULL */
  FlashCardFilter  filter;
  FlashCardOrder   order;
} FlashCardSearch;

/* The breadcrumbs of a deck's cards (its sections and their subsections), each once, in file
 * order: what FlashCardSearch.section takes; @counts (guint, or NULL) gets each one's cards. */
GStrv        flash_store_list_sections       (FlashStore             *self,
                                              gint64                  deck_id,
                                              GArray                 *counts,
                                              GError                **error);
/* A deck's tags (of cards neither retired nor deleted), each once, in alphabetical order;
 * @counts (guint, or NULL) gets each one's cards (flash-store-scope.c). */
GStrv        flash_store_list_tags           (FlashStore             *self,
                                              gint64                  deck_id,
                                              GArray                 *counts,
                                              GError                **error);
/* The deck's description (its sheet's text under the title), or NULL without one. */
char        *flash_store_get_deck_description (FlashStore            *self,
                                              gint64                  deck_id,
                                              GError                **error);

/* The ids of the cards @search finds (at most @limit, 0 for all), sorted as it asks, never the
 * deleted or retired ones. Text that is no valid search (a lone quote, "NEAR(", "*") is searched
 * as the words it holds; without a word, it finds every card. */
GArray      *flash_store_search              (FlashStore             *self,
                                              const FlashCardSearch  *search,
                                              GDateTime              *now,
                                              guint                   limit,
                                              GError                **error);
/* flash_store_search() that stops with FLASH_STORE_ERROR_CANCELLED as soon as *@stop is
 * non-zero (set with g_atomic_int_set() by another thread), also in the middle of reading the
 * matches: for a search run in a thread of its own, given up at the next keystroke. */
GArray      *flash_store_search_cancellable  (FlashStore             *self,
                                              const FlashCardSearch  *search,
                                              GDateTime              *now,
                                              guint                   limit,
                                              const gint             *stop,
                                              GError                **error);
/* Whether searching uses SQLite's full-text index (FTS5); FALSE: a slower scan of every card. */
gboolean     flash_store_has_search_index    (FlashStore             *self);
/* The words of @text as a safe FTS5 query ("word" "word"*), or NULL when it holds no word. */
char        *flash_store_search_query        (const char             *text);
int          flash_store_get_leech_lapses    (FlashStore             *self);
gboolean     flash_store_set_leech_lapses    (FlashStore             *self,
                                              int                     lapses,
                                              GError                **error);

/* Card actions (flash-store-edit.c), each one transaction over all the cards it names. */
gboolean     flash_store_set_suspended       (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              gboolean                suspended,
                                              GError                **error);
gboolean     flash_store_bury_cards          (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              GDateTime              *now,
                                              GError                **error);
gboolean     flash_store_set_flag            (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              int                     flag,
                                              GError                **error);
gboolean     flash_store_reset_cards         (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              GError                **error);
gboolean     flash_store_delete_cards        (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              GError                **error);
gboolean     flash_store_undelete_cards      (FlashStore             *self,
                                              const gint64           *ids,
                                              guint                   n_ids,
                                              GError                **error);
/* Replaces the question and/or the answer (NULL: unchanged). The card keeps the user's text on
 * every re-import; when its source item changes, it is marked source_changed. */
gboolean     flash_store_edit_card           (FlashStore             *self,
                                              gint64                  card_id,
                                              const char             *question,
                                              const char             *answer,
                                              GError                **error);
/* "Use the new text" (@use_source) or "Keep my edit" for a card whose source changed. */
gboolean     flash_store_resolve_source_change (FlashStore           *self,
                                              gint64                  card_id,
                                              gboolean                use_source,
                                              GError                **error);

/* A deck as it was before an import, so that the import can be undone: restoring deletes a deck
 * the import made (with anything done in it since), or puts back an updated deck's name,
 * description, tags and cards' text and removes the cards it added. Review history of the cards
 * that were there stays. */
typedef struct _FlashDeckSnapshot FlashDeckSnapshot;

FlashDeckSnapshot *flash_store_snapshot_deck (FlashStore               *self,
                                              const char               *source,
                                              GError                  **error);
gboolean     flash_store_restore_deck        (FlashStore               *self,
                                              const FlashDeckSnapshot  *snapshot,
                                              GError                  **error);
void         flash_deck_snapshot_free        (FlashDeckSnapshot        *self);

/* Decks and cards. Arrays own their elements. */
GPtrArray   *flash_store_list_decks          (FlashStore        *self,
                                              GDateTime         *now,
                                              GError           **error); /* FlashDeckInfo* */
/* The id of the deck called @name; 0 and an error when there is none. */
gint64       flash_store_find_deck           (FlashStore        *self,
                                              const char        *name,
                                              GError           **error);
gboolean     flash_store_delete_deck         (FlashStore        *self,
                                              gint64             deck_id,
                                              GError           **error);
/* Gives the deck the name @name (trimmed; INVALID when nothing is left), which re-imports of its
 * sheet keep. */
gboolean     flash_store_rename_deck         (FlashStore        *self,
                                              gint64             deck_id,
                                              const char        *name,
                                              GError           **error);
/* A deck's own daily limit of new cards (0 to FLASH_DECK_NEW_LIMIT_MAX), within the collection's;
 * -1 leaves it only the collection's (docs/scheduling.md, "Daily limits"). */
#define FLASH_DECK_NEW_LIMIT_MAX 9999
gboolean     flash_store_set_deck_new_limit  (FlashStore        *self,
                                              gint64             deck_id,
                                              int                limit,
                                              GError           **error);
/* FlashCard*, the active cards only. */
GPtrArray   *flash_store_list_cards          (FlashStore        *self,
                                              gint64             deck_id, /* 0: all decks */
                                              GError           **error);
FlashCard   *flash_store_get_card            (FlashStore        *self,
                                              gint64             card_id,
                                              GError           **error);
/* Calls @func with each card's id, deck name and question (valid during the call), in the order
 * of @card_ids, all read in one snapshot; stops with NOT_FOUND at a missing card. */
typedef void (*FlashQuestionFunc)                (gint64             card_id,
                                              const char        *deck_name,
                                              const char        *question,
                                              gpointer           user_data);
gboolean     flash_store_each_question       (FlashStore        *self,
                                              const gint64      *card_ids,
                                              guint              n_cards,
                                              FlashQuestionFunc  func,
                                              gpointer           user_data,
                                              GError           **error);

/* "Study More": @n_new new cards more than today's limit, for the rest of this study day (kept in
 * the collection, so the app and the CLI agree; the next day has its limit alone again). */
gboolean     flash_store_study_more          (FlashStore        *self,
                                              GDateTime         *now,
                                              guint              n_new,
                                              GError           **error);

/* Today's queue: ids in study order. deck_id 0 means every deck; limit 0 means no limit. */
GArray      *flash_store_today_queue         (FlashStore        *self,
                                              gint64             deck_id,
                                              GDateTime         *now,
                                              guint              limit,
                                              GError           **error); /* gint64 */
gboolean     flash_store_today_counts        (FlashStore        *self,
                                              gint64             deck_id,
                                              GDateTime         *now,
                                              FlashDayCounts    *counts,
                                              GError           **error);
/* The first study day after today on which a card is due, or 0 when none is. */
/* Part of today's queue (docs/scheduling.md, "Choosing what to study"). The strings are
 * borrowed. */
typedef struct
{
  gint64      deck_id; /* 0: every deck */
  const char *section; /* a breadcrumb ("Deck › Section") and everything under it, or NULL */
  const char *tag;     /* a card tag, or NULL */
} FlashStudyScope;

/* Today's queue and counts of @scope's cards, within the day's limits (the whole deck's when
 * neither section nor tag is given). */
GArray      *flash_store_scope_queue         (FlashStore             *self,
                                              const FlashStudyScope  *scope,
                                              GDateTime              *now,
                                              guint                   limit,
                                              GError                **error);
gboolean     flash_store_scope_counts        (FlashStore             *self,
                                              const FlashStudyScope  *scope,
                                              GDateTime              *now,
                                              FlashDayCounts         *counts,
                                              GError                **error);
/* Review Ahead: @scope's reviews due in the next @days days (not today), soonest first, up to
 * @limit (0: all); grading one is an early review, outside the day's limits. */
GArray      *flash_store_ahead_queue         (FlashStore             *self,
                                              const FlashStudyScope  *scope,
                                              GDateTime              *now,
                                              guint                   days,
                                              guint                   limit,
                                              GError                **error);
FlashDay     flash_store_next_due_day        (FlashStore        *self,
                                              gint64             deck_id,
                                              GDateTime         *now,
                                              GError           **error);
/* The same for @scope (a section or tag's cards only); @has_new: whether it has new cards. */
FlashDay     flash_store_scope_next_due_day  (FlashStore             *self,
                                              const FlashStudyScope  *scope,
                                              GDateTime              *now,
                                              GError                **error);
gboolean     flash_store_scope_has_new       (FlashStore             *self,
                                              const FlashStudyScope  *scope,
                                              gint64                 *has_new,
                                              GError                **error);

/* What grading @card with @grade now would give under @scheduler, without recording it. */
void         flash_card_preview              (const FlashCard   *card,
                                              const FlashScheduler *scheduler,
                                              FlashDay           today,
                                              int                grade,
                                              FlashReviewResult *result);

/* Grading: one transaction, committed before the call returns. */
gboolean     flash_store_record_review       (FlashStore        *self,
                                              gint64             card_id,
                                              int                grade,
                                              GDateTime         *now,
                                              int                answer_ms,
                                              FlashReviewResult *result,
                                              GError           **error);

/* Cram (flash-store-cram.c, docs/interview.md): any set of cards now, without touching the
 * schedule or the review log. */
typedef enum
{
  FLASH_CRAM_RANDOM,  /* shuffled by the seed: the same seed, the same order */
  FLASH_CRAM_WEAKEST, /* most lapses, then lowest EF first */
} FlashCramOrder;

/* The cards @search finds, in @order, at most @limit (0: all). */
GArray      *flash_store_cram_queue          (FlashStore             *self,
                                              const FlashCardSearch  *search,
                                              FlashCramOrder          order,
                                              guint32                 seed,
                                              guint                   limit,
                                              GDateTime              *now,
                                              GError                **error);
/* Puts @card_ids in @order (a shuffle by @seed, or weakest first); ids of no card go last. */
gboolean     flash_store_cram_order          (FlashStore             *self,
                                              GArray                 *card_ids,
                                              FlashCramOrder          order,
                                              guint32                 seed,
                                              GError                **error);
/* A cram answer (grade 0–5) goes to the cram log only. */
gboolean     flash_store_record_cram         (FlashStore             *self,
                                              gint64                  card_id,
                                              int                     grade,
                                              GDateTime              *now,
                                              int                     answer_ms,
                                              GError                **error);
gboolean     flash_store_undo_last           (FlashStore        *self,
                                              gint64            *card_id,
                                              GError           **error);

GPtrArray   *flash_store_list_log            (FlashStore        *self,
                                              gint64             deck_id,
                                              GError           **error); /* FlashLogEntry* */
/* One card's reviews, newest first, @limit at most (0: all). */
GPtrArray   *flash_store_card_log            (FlashStore        *self,
                                              gint64             card_id,
                                              guint              limit,
                                              GError           **error); /* FlashLogEntry* */
gboolean     flash_store_get_stats           (FlashStore        *self,
                                              GDateTime         *now,
                                              FlashStats        *stats,
                                              GError           **error);

/* Markdown that imports back to the same cards. */
char        *flash_store_export_markdown     (FlashStore        *self,
                                              gint64             deck_id,
                                              GError           **error);
char        *flash_store_export_tsv          (FlashStore        *self,
                                              gint64             deck_id,
                                              GError           **error);

void         flash_deck_info_free            (FlashDeckInfo     *info);
void         flash_card_free                 (FlashCard         *card);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashStore, flash_store_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashCard, flash_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashDeckInfo, flash_deck_info_free)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashDeckSnapshot, flash_deck_snapshot_free)

G_END_DECLS
