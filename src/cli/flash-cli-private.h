/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-cli-private.h: what the files of flashsheet-cli share: the command table's type, the
 * parsed command line, and the helpers every command uses. */
#pragma once

#include <glib.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* Exit statuses: scripts tell a failed command (1) from a mistyped one (2). */
#define FLASH_CLI_EXIT_OK    0
#define FLASH_CLI_EXIT_ERROR 1
#define FLASH_CLI_EXIT_USAGE 2

#define PROGRAM_NAME "flashsheet-cli"

/* Options that only some commands take. */
typedef enum
{
  FLASH_CLI_OPTION_DECK   = 1 << 0,
  FLASH_CLI_OPTION_LIMIT  = 1 << 1,
  FLASH_CLI_OPTION_FORMAT = 1 << 2,
  FLASH_CLI_OPTION_KEEP   = 1 << 3,
  FLASH_CLI_OPTION_EDIT   = 1 << 4, /* --question, --answer-file */
  FLASH_CLI_OPTION_STATE  = 1 << 5,
  FLASH_CLI_OPTION_SCOPE  = 1 << 6, /* --section, --tag, --ahead */
  FLASH_CLI_OPTION_ORDER  = 1 << 7, /* --order */
  FLASH_CLI_OPTION_SEED   = 1 << 8,
  FLASH_CLI_OPTION_PLAN   = 1 << 9, /* --questions, --minutes */
  FLASH_CLI_OPTION_ANSWER = 1 << 10, /* --seconds, --note */
  FLASH_CLI_OPTION_TOPICS = 1 << 11, /* --deck, --section and --tag, each as often as wanted */
  FLASH_CLI_OPTION_DAYS   = 1 << 12,
  FLASH_CLI_OPTION_SCHEDULER = 1 << 13, /* --retention, --fuzz, --scheduler */
} FlashCliOption;

typedef struct _FlashCli FlashCli;

typedef struct
{
  const char *name;
  const char *synopsis;  /* arguments after the name, not translated: they are syntax */
  const char *summary;   /* N_() */
  guint       options;   /* FlashCliOption flags the command accepts */
  guint       min_args;
  guint       max_args;
  int       (*run) (FlashCli *cli);
  /* For run_deck_rows(): what a listing command reads and how it prints each item. */
  GPtrArray *(*list) (FlashStore *store, gint64 deck_id, GError **error);
  void       (*print_row) (gconstpointer row);
} FlashCliCommand;

struct _FlashCli
{
  /* Borrowed from argv. */
  const char            *db_path;
  const char            *now_text;
  const char            *deck;
  const char            *limit;
  const char            *format;
  const char            *keep;
  const char            *question;
  const char            *answer_file;
  const char            *state;
  const char            *section;
  const char            *tag;
  const char            *ahead;
  const char            *order;
  const char            *seed;
  const char            *questions;
  const char            *minutes;
  const char            *seconds;
  const char            *note;
  const char            *days;
  const char            *retention;
  const char            *fuzz;
  const char            *scheduler;
  const char            *output;
  const char            *repeated;   /* a topic option given more than once */
  GPtrArray             *topics;     /* option name, value, option name, value… (borrowed) */
  GPtrArray             *positional;
  gboolean               help;
  gboolean               version;
  guint                  seen_options;
  const FlashCliCommand *command;

  /* Opened on first use, so that usage errors never touch the collection. */
  FlashStore            *store;
  GDateTime             *now;
};

/* flash-cli.c */
/* Prints a usage error in the form scripts expect and returns the usage exit status. */
int          flash_cli_usage_error  (const FlashCliCommand *command,
                                     const char            *format,
                                     ...) G_GNUC_PRINTF (2, 3);
int          flash_cli_report_error (const GError          *error);
/* A grade 0–5, or one of the words again, hard, good, easy (1, 3, 4, 5 on the SM-2 scale). */
gboolean     flash_cli_parse_grade  (const char            *text,
                                     int                   *grade);
/* A field of a tab-separated row (tabs and line breaks become spaces), returned or written to
 * stdout. */
char        *flash_cli_fold_field   (const char            *text);
void         flash_cli_put_field    (const char            *text);
gboolean     flash_cli_parse_id     (const char            *text,
                                     gint64                *id);
const char  *flash_cli_positional   (FlashCli              *cli,
                                     guint                  n);
FlashStore  *flash_cli_get_store    (FlashCli              *cli);
int          flash_cli_get_now      (FlashCli              *cli,
                                     GDateTime            **now);
gboolean     flash_cli_get_deck     (FlashCli              *cli,
                                     gint64                *deck_id);
GBytes      *flash_cli_read_stdin   (GError               **error);

/* flash-cli-cards.c: finding and fixing cards. */
int          flash_cli_run_search   (FlashCli              *cli);
int          flash_cli_run_edit     (FlashCli              *cli);
int          flash_cli_run_action   (FlashCli              *cli);
int          flash_cli_run_cards_in_state (FlashCli        *cli);
gboolean     flash_cli_parse_state  (const char            *name,
                                     FlashCardFilter       *filter);

/* flash-cli-study.c: choosing what to study, and the decks. */
int          flash_cli_run_due      (FlashCli              *cli);
int          flash_cli_run_rename_deck (FlashCli           *cli);
int          flash_cli_run_deck_limit  (FlashCli           *cli);
/* "Deck > Section" as a breadcrumb, "Deck › Section". */
char        *flash_cli_section_breadcrumb (const char       *text);
/* One "id, deck, question" row (FlashQuestionFunc). */
void         flash_cli_print_question_row (gint64            card_id,
                                           const char       *deck_name,
                                           const char       *question,
                                           gpointer          user_data);

/* flash-cli-stats.c */
int          flash_cli_run_stats       (FlashCli           *cli);

/* flash-cli-scheduler.c */
int          flash_cli_run_scheduler   (FlashCli           *cli);
int          flash_cli_run_schedule    (FlashCli           *cli);
int          flash_cli_run_simulate    (FlashCli           *cli);

/* flash-cli-anki.c */
gboolean     flash_cli_import_anki     (FlashCli           *cli,
                                        FlashStore         *store,
                                        const char         *path,
                                        GError            **error);

/* flash-cli-interview.c */
int          flash_cli_run_cram        (FlashCli           *cli);
int          flash_cli_run_interview   (FlashCli           *cli);

G_END_DECLS
