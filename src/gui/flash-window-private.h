/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-private.h: the window's struct and helpers, shared by the flash-window-*.c files. */
#pragma once

#include "flash-browser-page.h"
#include "flash-deck-page.h"
#include "flash-interview-page.h"
#include "flash-interview-report.h"
#include "flash-interview-setup.h"
#include "flash-collection.h"
#include "flash-overview-page.h"
#include "flash-settings.h"
#include "flash-stats-page.h"
#include "flash-study-page.h"
#include "flash-window.h"

G_BEGIN_DECLS

struct _FlashWindow
{
  AdwApplicationWindow  parent_instance;

  /* The collection the window shows, and its store while it has one (flash_collection_get_store(),
   * followed on notify::store, never kept past it). */
  FlashCollection      *collection;
  FlashStore           *store;
  FlashSettings        *settings;

  GPtrArray            *decks;     /* FlashDeckInfo*, as last listed */
  FlashDayCounts        counts;
  GtkFileChooserNative *chooser;
  GtkFileChooserNative *export_chooser;
  GtkDropTarget        *drop_target;
  FlashDeckSnapshot    *paste_undo; /* the deck as it was before the last paste, for Undo */
  AdwMessageDialog     *dialog;    /* weak: the last dialog presented */
  char                 *last_toast;

  AdwWindowTitle       *window_title;
  GtkWidget            *back_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  FlashOverviewPage    *overview_page;
  FlashStudyPage       *study_page;
  FlashBrowserPage     *browser_page;
  FlashDeckPage        *deck_page;
  FlashInterviewPage   *interview_page;
  FlashInterviewReport *report_page;
  FlashStatsPage       *stats_page;
  FlashInterviewSetup  *interview_setup; /* weak: the set-up dialog while it is open */
  gint64                browsing_deck; /* the deck whose page opened the browser, or 0 */
  gint64                deleted_card; /* the browser's last deleted card, for its Undo */

  /* An import in the worker (flash-window-import.c): the bar that shows it, after a moment. */
  GtkRevealer          *import_bar;
  GtkLabel             *import_label;
  GtkProgressBar       *import_progress;
  GCancellable         *importing;     /* the running import's, or NULL */
  GPtrArray            *import_refused; /* messages for files the worker was not given */
  guint                 import_bar_source;
  guint                 import_pulse_source;
};

/* flash-window.c */
void              flash_window_add_toast                   (FlashWindow   *self,
                                                            const char    *title);
/* A toast whose Undo button activates @action_name. */
void              flash_window_add_undo_toast              (FlashWindow   *self,
                                                            const char    *title,
                                                            const char    *action_name);
AdwMessageDialog *flash_window_present_dialog              (FlashWindow   *self,
                                                            const char    *heading,
                                                            const char    *body);
void              flash_window_show_error                  (FlashWindow   *self,
                                                            const char    *heading,
                                                            const char    *body);
const FlashDeckInfo *flash_window_find_deck                (FlashWindow   *self,
                                                            gint64         deck_id);
/* Which actions apply now: after a page, the store or an import changed. */
void              flash_window_update_actions              (FlashWindow   *self);
/* The study page on a deck (0: every deck), or on one @section or @tag of it. */
void              flash_window_start_study                 (FlashWindow   *self,
                                                            gint64         deck_id,
                                                            const char    *section,
                                                            const char    *tag);

/* The study page cramming @card_ids (docs/interview.md), @subtitle under the window's title. */
void              flash_window_start_cram                  (FlashWindow   *self,
                                                            const char    *subtitle,
                                                            const GArray  *card_ids);

/* flash-window-deck.c: renaming a deck, studying one section or tag, cramming it. */
/* win.choose-cram (a deck's id), win.cram-results (the browser's cards) and win.cram-all: a
 * dialog asking how to cram them, weakest first or shuffled */
void              flash_window_choose_cram_action_cb       (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.rename-deck (a deck's id) */
void              flash_window_rename_deck_action_cb       (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.study-section and win.study-tag ((xs): a deck and one of its sections or tags) */
void              flash_window_study_section_action_cb     (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.set-deck-limit ((xi): a deck and its own daily limit of new cards, -1 for none) */
void              flash_window_set_deck_limit_action_cb    (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.delete-deck (a deck's id): asks, then deletes the deck with its cards and reviews */
void              flash_window_delete_deck_action_cb       (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.choose-tag (a deck's id): a dialog of the deck's tags, one to study */
void              flash_window_choose_tag_action_cb        (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);

/* flash-window-export.c: win.export, every deck as an Anki package. */
void              flash_window_export_action_cb            (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);

/* flash-window-import.c: the file chooser, drag and drop, and the bundled decks. */
/* win.import and win.add-bundled-decks */
void              flash_window_import_action_cb            (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
gboolean          flash_window_drop_cb                     (GtkDropTarget *target,
                                                            const GValue  *value,
                                                            double         x,
                                                            double         y,
                                                            FlashWindow   *self);
/* "Deck: 3 added, 1 updated", for a toast. */
char             *flash_window_format_import_result        (const FlashImportResult *result);

/* flash-window-paste.c: pasted and dropped text. */
/* win.paste-sheet and win.undo-paste */
void              flash_window_paste_action_cb             (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
void              flash_window_forget_paste                (FlashWindow   *self);
void              flash_window_add_text_drop_target        (FlashWindow   *self);

/* flash-window-interview.c: mock interviews. */
/* win.choose-interview (a deck's id, or 0: the deck on show, else every deck): the set-up */
void              flash_window_choose_interview_action_cb  (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.run-interview (an interview's id) */
void              flash_window_run_interview_action_cb     (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.show-interview-report (an interview's id, or 0: the newest finished) */
void              flash_window_show_report_action_cb       (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* win.cram-missed and win.review-missed (the report's interview) */
void              flash_window_missed_action_cb            (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* The interview page's ::finished. */
void              flash_window_interview_finished_cb       (FlashWindow   *self,
                                                            gint64         id);
/* Asks whether to resume the newest unfinished interview, if there is one. */
void              flash_window_offer_resume                (FlashWindow   *self);

/* flash-window-stats.c */
gboolean          flash_window_is_on_stats                 (FlashWindow   *self);
void              flash_window_show_stats_action_cb        (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);

/* flash-window-import.c */
/* win.cancel-import */
void              flash_window_cancel_import_action_cb     (GtkWidget     *widget,
                                                            const char    *action_name,
                                                            GVariant      *parameter);
/* Gives up a running import and lets go of what it holds, for dispose. */
void              flash_window_stop_import                 (FlashWindow   *self);

G_END_DECLS
