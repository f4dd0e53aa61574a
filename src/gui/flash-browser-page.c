/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-browser-page.c: the card browser (docs/browsing.md). The search and its filters run in
 * SQL (flash_store_search()): what the user types or picks in a worker thread (FlashSearchRunner),
 * each search cancelled by the next; the rest (a refresh, an action) at once. The list is a
 * GtkListView over a lazy model, so 100,000 cards are a few dozen rows; the selected card shows
 * as in study, with its schedule and the card actions. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "flash-accessible.h"
#include "flash-browser-page.h"
#include "flash-browser-widgets.h"
#include "flash-card-list.h"
#include "flash-day.h"
#include "flash-card-actions.h"
#include "flash-markdown-view.h"
#include "flash-markup.h"
#include "flash-search-runner.h"

struct _FlashBrowserPage
{
  AdwBin              parent_instance;

  FlashStore         *store;
  FlashSearchRunner  *runner;    /* searches as the user types; NULL for a read-only copy */
  GCancellable       *searching; /* the search in the worker, or NULL */
  gboolean            first_shown; /* its first page of results is shown, the rest to come */
  guint               rest_source; /* asks for the rest when typing pauses, or 0 */
  FlashCardList      *cards;
  GtkSingleSelection *selection;

  GtkSearchEntry     *search_entry;
  GtkDropDown        *state_dropdown;
  GtkDropDown        *order_dropdown;
  GtkDropDown        *deck_dropdown;
  GtkDropDown        *section_dropdown;
  GArray             *deck_ids;  /* gint64 per deck row; row 0, "All Decks", is 0 */
  GStrv               sections;  /* the breadcrumb per section row after "All Sections" */
  gboolean            filling;   /* the deck and section rows are being rebuilt */
  GtkLabel           *count_label;
  GtkWidget          *list_view;
  GtkWidget          *detail;
  GtkLabel           *context_label;
  GtkLabel           *question_label;
  FlashMarkdownView  *answer_view;
  GtkLabel           *schedule_label;
  GtkLabel           *history_label;
  GtkButton          *suspend_button;
  GtkWidget          *changed_box;
  GtkLabel           *changed_label;
  AdwLeaflet         *leaflet;
};

G_DEFINE_FINAL_TYPE (FlashBrowserPage, flash_browser_page, ADW_TYPE_BIN)

/* The state filter's rows, in the drop-down's order. */
static const FlashCardFilter filters[] = {
  FLASH_CARD_FILTER_ALL, FLASH_CARD_FILTER_NEW, FLASH_CARD_FILTER_LEARNING, FLASH_CARD_FILTER_DUE,
  FLASH_CARD_FILTER_SUSPENDED, FLASH_CARD_FILTER_BURIED, FLASH_CARD_FILTER_FLAGGED,
  FLASH_CARD_FILTER_EDITED, FLASH_CARD_FILTER_LAPSED, FLASH_CARD_FILTER_LEECH,
  FLASH_CARD_FILTER_SOURCE_CHANGED,
};

static const FlashCardOrder orders[] = {
  FLASH_CARD_ORDER_POSITION, FLASH_CARD_ORDER_DUE, FLASH_CARD_ORDER_EASE, FLASH_CARD_ORDER_LAPSES,
  FLASH_CARD_ORDER_ADDED,
};

static FlashCard *
selected_card (FlashBrowserPage *self)
{
  FlashCardItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item != NULL ? flash_card_item_get_card (item) : NULL;
}

/* The last reviews of the card, newest first. */
#define HISTORY_LENGTH 10

static void
show_history (FlashBrowserPage *self,
              FlashCard        *card)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = flash_store_card_log (self->store, card->id, HISTORY_LENGTH,
                                                   &error);
  g_autoptr(GString) text = g_string_new (NULL);

  if (log == NULL)
    g_string_append (text, error->message);
  else if (log->len == 0)
    g_string_append (text, _("No reviews yet"));
  for (guint i = 0; log != NULL && i < log->len; i++)
    {
      FlashLogEntry *entry = g_ptr_array_index (log, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (entry->time);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *when = g_date_time_format (local, "%x %H:%M");
      g_autofree char *interval = g_strdup_printf (ngettext ("%d day", "%d days",
                                                             entry->interval_after),
                                                   entry->interval_after);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: one review in a card's history: when, the grade (0–5), the interval it
       * set ("3 days"). */
      g_string_append_printf (text, _("%s · grade %d · next in %s"), when, entry->grade,
                              interval);
    }
  gtk_label_set_text (self->history_label, text->str);
}

static void
show_selected (FlashBrowserPage *self)
{
  FlashCard *card = selected_card (self);
  g_autofree char *schedule = NULL;

  gtk_widget_set_visible (self->detail, card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.edit", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.open-source", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.use-source",
                                 card != NULL && card->source_changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.keep-edit",
                                 card != NULL && card->source_changed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.suspend", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.bury", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.flag", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.reset", card != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "browser.delete", card != NULL);
  if (card == NULL || self->store == NULL)
    return;

  gtk_label_set_text (self->context_label, card->context);
  flash_browser_set_question (self->question_label, card->question);
  flash_markdown_view_set_markdown (self->answer_view, card->answer);
  if (card->is_new)
    schedule = g_strdup (_("New: not reviewed yet"));
  else
    {
      g_autofree char *due = flash_day_to_iso (card->due_day);
      g_autofree char *interval = g_strdup_printf (ngettext ("%d day", "%d days",
                                                             card->sm2.interval),
                                                   card->sm2.interval);

      FlashScheduler scheduler;

      if (!flash_store_get_scheduler (self->store, &scheduler, NULL))
        flash_scheduler_init (&scheduler);
      if (scheduler.kind == FLASH_SCHEDULER_FSRS && flash_fsrs_state_is_set (&card->fsrs))
        {
          g_autoptr(GDateTime) now = flash_clock_now_or_system ();
          FlashDay today = flash_store_day_for (self->store, now);
          FlashDay last = card->last_review_day > 0 ? card->last_review_day
                                                    : card->due_day - card->sm2.interval;
          FlashFsrsParams params;
          double recall;

          flash_scheduler_fsrs_params (&scheduler, &params);
          recall = flash_fsrs_retrievability (&params, MAX (0, today - last),
                                              card->fsrs.stability);
          /* Translators: a card's schedule in the browser under FSRS: its stability in days,
           * difficulty (1–10), retrievability (the chance of recall now, in per cent), interval
           * ("3 days"), the due date, the lapses. */
          schedule = g_strdup_printf (_("Stability: %.1f days · Difficulty: %.1f · "
                                        "Retrievability: %.0f %% · Interval: %s · Due: %s · "
                                        "Lapses: %d"),
                                      card->fsrs.stability, card->fsrs.difficulty, recall * 100,
                                      interval, due, card->lapses);
        }
      else
        /* Translators: a card's schedule in the browser: SM-2's repetition count, ease factor
         * and interval ("3 days"), the due date, the lapses. */
        schedule = g_strdup_printf (_("Repetitions: %d · Ease: %.2f · Interval: %s · Due: %s · "
                                      "Lapses: %d"),
                                    card->sm2.reps, card->sm2.ef, interval, due, card->lapses);
    }
  gtk_label_set_text (self->schedule_label, schedule);
  show_history (self, card);
  gtk_widget_set_visible (self->changed_box, card->source_changed);
  if (card->source_changed)
    {
      g_autofree char *text = g_strdup_printf (
        /* Translators: shown on a card the user edited whose item in the cheatsheet changed
         * since; %s is the item's new question. */
        _("The cheatsheet changed this card since you edited it. It now asks: %s"),
        card->source_question != NULL ? card->source_question : card->question);

      gtk_label_set_text (self->changed_label, text);
    }
  gtk_button_set_label (self->suspend_button, card->suspended ? _("Un_suspend") : _("_Suspend"));
  flash_accessible_name_button (GTK_WIDGET (self->suspend_button));
}

static void run_search (FlashBrowserPage *self);
static void start_search (FlashBrowserPage *self);

/* The sections of the chosen deck, as rows after "All Sections": each breadcrumb without the
 * deck's own name in front. */
static void
fill_sections (FlashBrowserPage *self)
{
  guint deck = gtk_drop_down_get_selected (self->deck_dropdown);
  gint64 deck_id = deck < self->deck_ids->len ? g_array_index (self->deck_ids, gint64, deck) : 0;
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  GListModel *decks = gtk_drop_down_get_model (self->deck_dropdown);
  g_autoptr(GtkStringObject) name = deck > 0 ? g_list_model_get_item (decks, deck) : NULL;
  g_autofree char *prefix = name != NULL
    ? g_strconcat (gtk_string_object_get_string (name), " › ", NULL) : NULL;

  self->filling = TRUE;
  g_clear_pointer (&self->sections, g_strfreev);
  gtk_string_list_append (rows, _("All Sections"));
  if (deck_id != 0 && self->store != NULL)
    self->sections = flash_store_list_sections (self->store, deck_id, NULL, NULL);
  for (guint i = 0; self->sections != NULL && self->sections[i] != NULL; i++)
    gtk_string_list_append (rows, prefix != NULL && g_str_has_prefix (self->sections[i], prefix)
                                    ? self->sections[i] + strlen (prefix) : self->sections[i]);
  gtk_drop_down_set_model (self->section_dropdown, G_LIST_MODEL (rows));
  gtk_drop_down_set_selected (self->section_dropdown, 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->section_dropdown), deck_id != 0);
  self->filling = FALSE;
}

/* Every deck as a row after "All Decks", the chosen one kept while it is there. */
static void
fill_decks (FlashBrowserPage *self)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GtkStringList) rows = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) decks = NULL;
  guint deck = gtk_drop_down_get_selected (self->deck_dropdown);
  gint64 chosen = deck < self->deck_ids->len ? g_array_index (self->deck_ids, gint64, deck) : 0;
  guint keep = 0;
  gint64 all = 0;

  self->filling = TRUE;
  g_array_set_size (self->deck_ids, 0);
  g_array_append_val (self->deck_ids, all);
  gtk_string_list_append (rows, _("All Decks"));
  if (self->store != NULL)
    decks = flash_store_list_decks (self->store, now, NULL);
  for (guint i = 0; decks != NULL && i < decks->len; i++)
    {
      FlashDeckInfo *info = g_ptr_array_index (decks, i);

      if (info->id == chosen)
        keep = self->deck_ids->len;
      g_array_append_val (self->deck_ids, info->id);
      gtk_string_list_append (rows, info->name);
    }
  gtk_drop_down_set_model (self->deck_dropdown, G_LIST_MODEL (rows));
  gtk_drop_down_set_selected (self->deck_dropdown, keep);
  self->filling = FALSE;
  if (keep == 0 || chosen == 0)
    fill_sections (self);
}

static void
deck_chosen_cb (FlashBrowserPage *self)
{
  if (self->filling)
    return;
  fill_sections (self);
  run_search (self);
}

/* A search typed shows its first results this many at a time: more than a window of any height
 * shows, they come from SQLite in a millisecond even when 100,000 cards match, and GTK's list view
 * makes a row for each (for up to 200), 5 ms for 50; the rest follow. */
#define FIRST_PAGE 50

/* How long a keystroke waits for its first page: when it comes within half a frame, the typed
 * letter and the results are drawn in the same frame; otherwise the letter goes first. */
#define FIRST_PAGE_WAIT_US 8000

/* The rest of a long result is asked for when no key has been typed for this long: replacing
 * 100,000 rows takes GTK's list view 30 ms, which would delay the next keystroke's results. */
#define REST_DELAY_MS 300

/* The results of a search: the rows, the count, the selected card. @complete: every match, or
 * only the first FIRST_PAGE of them. */
static void
show_results (FlashBrowserPage *self,
              GArray           *ids,
              GDateTime        *now,
              gboolean          complete)
{
  g_autofree char *count = NULL;

  if (!complete)
    /* Translators: the browser's count while the rest of a long result is still read. */
    count = g_strdup_printf (_("At least %u cards"), ids->len);
  else
    count = g_strdup_printf (ngettext ("%u card", "%u cards", ids != NULL ? ids->len : 0),
                             ids != NULL ? ids->len : 0);
  gtk_label_set_text (self->count_label, count);
  /* The rest of a result whose first page is shown: new rows after it, nothing else changes. */
  if (complete && self->first_shown && ids != NULL && flash_card_list_extend (self->cards, ids))
    return;

  /* GtkSingleSelection looks for the selected item among all the new rows, reading every one
   * (100,000 cards, a second): the selection is let go first, then the first row taken; the
   * selected card is drawn once, at the end. */
  g_signal_handlers_block_by_func (self->selection, show_selected, self);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  flash_card_list_set_ids (self->cards, self->store,
                           self->store != NULL ? flash_store_day_for (self->store, now) : 0, ids);
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_handlers_unblock_by_func (self->selection, show_selected, self);
  show_selected (self);
}

/* What the entry and the drop-downs ask for; its strings belong to the widgets. */
static FlashCardSearch
current_search (FlashBrowserPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_dropdown);
  guint order = gtk_drop_down_get_selected (self->order_dropdown);
  guint deck = gtk_drop_down_get_selected (self->deck_dropdown);
  guint section = gtk_drop_down_get_selected (self->section_dropdown);
  FlashCardSearch search = {
    .text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry)),
    .filter = state < G_N_ELEMENTS (filters) ? filters[state] : FLASH_CARD_FILTER_ALL,
    .order = order < G_N_ELEMENTS (orders) ? orders[order] : FLASH_CARD_ORDER_POSITION,
    .deck_id = deck < self->deck_ids->len ? g_array_index (self->deck_ids, gint64, deck) : 0,
    .section = self->sections != NULL && section > 0
               && section <= g_strv_length (self->sections) ? self->sections[section - 1] : NULL,
  };

  return search;
}

static void
cancel_search (FlashBrowserPage *self)
{
  if (self->searching == NULL)
    return;
  g_cancellable_cancel (self->searching);
  g_clear_object (&self->searching);
  self->first_shown = FALSE;
  g_clear_handle_id (&self->rest_source, g_source_remove);
}

/* Searches at once, on the page's own connection: after an action or a refresh, whose rows and
 * selection must be right when it returns. */
static void
run_search (FlashBrowserPage *self)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  FlashCardSearch search = current_search (self);

  if (self->filling)
    return;
  cancel_search (self);
  if (self->store != NULL)
    ids = flash_store_search (self->store, &search, now, 0, &error);
  if (error != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", error->message);
  show_results (self, ids, now, TRUE);
}

typedef struct
{
  FlashBrowserPage *self;  /* a weak pointer: the page may go while the worker searches */
  GDateTime        *now;
  guint             limit; /* FIRST_PAGE, or 0 for the rest */
} SearchCall;

static void search_done_cb (GObject      *source,
                            GAsyncResult *result,
                            gpointer      user_data);

/* Asks the worker for the current search's first page (@limit FIRST_PAGE) or all of it (0). */
static void
ask_worker (FlashBrowserPage *self,
            GDateTime        *now,
            guint             limit)
{
  FlashCardSearch search = current_search (self);
  SearchCall *call = g_new0 (SearchCall, 1);

  call->self = self;
  call->now = g_date_time_ref (now);
  call->limit = limit;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &call->self);
  flash_search_runner_run (self->runner, &search, now, limit, self->searching, search_done_cb,
                           call);
}

static gboolean
ask_for_rest_cb (gpointer user_data)
{
  FlashBrowserPage *self = user_data;
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();

  self->rest_source = 0;
  ask_worker (self, now, 0);
  return G_SOURCE_REMOVE;
}

static void
search_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  SearchCall *call = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = flash_search_runner_finish (FLASH_SEARCH_RUNNER (source), result,
                                                      &error);
  FlashBrowserPage *self = call->self;

  if (self != NULL && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* The worker could not search (its connection failed to open): search here instead. */
    run_search (self);
  else if (self != NULL && error == NULL && call->limit > 0 && ids->len == call->limit)
    {
      /* A full first page: show it, and ask for the rest once typing pauses. */
      show_results (self, ids, call->now, FALSE);
      self->first_shown = TRUE;
      self->rest_source = g_timeout_add (REST_DELAY_MS, ask_for_rest_cb, self);
    }
  else if (self != NULL && error == NULL)
    {
      show_results (self, ids, call->now, TRUE);
      g_clear_object (&self->searching);
      self->first_shown = FALSE;
    }
  if (self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self), (gpointer *) &call->self);
  g_date_time_unref (call->now);
  g_free (call);
}

/* What the user types or picks: searched in the worker, the search before it given up; the rows
 * change when the results are in, so no keystroke waits for SQLite: first the first page, then,
 * when there is more, every match. */
static void
start_search (FlashBrowserPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  if (self->filling)
    return;
  if (self->runner == NULL)
    {
      run_search (self);
      return;
    }
  cancel_search (self);
  self->searching = g_cancellable_new ();
  now = flash_clock_now_or_system ();
  ask_worker (self, now, FIRST_PAGE);
  flash_search_runner_wait (self->runner, FIRST_PAGE_WAIT_US);
}

/* Selects the row at @position, when there is one, and scrolls the list to it (GTK 4.8's list
 * view scrolls only through its "list.scroll-to-item" action). */
static void
select_row (FlashBrowserPage *self,
            guint             position)
{
  if (position >= g_list_model_get_n_items (G_LIST_MODEL (self->cards)))
    return;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (self->list_view, "list.scroll-to-item", "u", position);
}

/* After the editor saved: the card reads its new text. */
static void
card_saved (GtkWidget *widget)
{
  FlashBrowserPage *self = FLASH_BROWSER_PAGE (widget);

  flash_card_list_reload_item (self->cards, gtk_single_selection_get_selected (self->selection));
  show_selected (self);
}

/* The card actions: browser.edit, .use-source and .keep-edit (a card whose source changed),
 * .suspend (also unsuspends), .bury, .flag (flag 1 or none), .reset and .delete; the window offers
 * the delete's Undo (win.card-deleted). */
static void
card_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlashBrowserPage *self = FLASH_BROWSER_PAGE (widget);
  FlashCard *card = selected_card (self);
  guint position = gtk_single_selection_get_selected (self->selection);
  const char *name = action_name + strlen ("browser.");

  if (card == NULL || self->store == NULL)
    return;
  if (g_str_equal (name, "edit"))
    {
      flash_card_action_edit (widget, self->store, card, card_saved);
      return;
    }
  if (g_str_equal (name, "open-source"))
    {
      flash_card_action_open_source (widget, card);
      return;
    }
  if (!flash_card_action_run (widget, self->store, card, name))
    return;
  /* A deleted card leaves the list; the others stay where they are, the card read again. */
  if (g_str_equal (name, "delete"))
    run_search (self);
  else
    flash_card_list_reload_item (self->cards, position);
  select_row (self, position);
  show_selected (self);
}

/* Enter or a click on a row: at a narrow width, the card slides in over the list. */
static void
open_card_cb (FlashBrowserPage *self,
              guint             position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static GtkWidget *
build_detail (FlashBrowserPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *context = gtk_label_new (NULL);
  GtkWidget *question = gtk_label_new (NULL);
  GtkWidget *schedule = gtk_label_new (NULL);
  GtkWidget *history_title = gtk_label_new (_("Reviews"));
  GtkWidget *history = gtk_label_new (NULL);
  GtkWidget *suspend = flash_browser_action_button (_("_Suspend"), "browser.suspend", _("Suspend (Ctrl+J)"));
  GtkWidget *changed = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *changed_label = gtk_label_new (NULL);
  GtkWidget *changed_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_hexpand (scroller, TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  for (GtkWidget *label = context; label != NULL;
       label = label == context ? question : label == question ? schedule : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), FALSE);
    }
  gtk_widget_add_css_class (context, "dim-label");
  gtk_widget_add_css_class (question, "title-3");
  gtk_widget_add_css_class (schedule, "dim-label");
  gtk_widget_add_css_class (schedule, "caption");
  gtk_label_set_xalign (GTK_LABEL (history_title), 0);
  gtk_widget_add_css_class (history_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (history), 0);
  gtk_label_set_wrap (GTK_LABEL (history), TRUE);
  gtk_widget_add_css_class (history, "dim-label");
  gtk_widget_add_css_class (history, "caption");
  gtk_widget_add_css_class (history, "numeric");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 7);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Edit"), "browser.edit", _("Edit (Ctrl+E)")));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), suspend);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Bury"), "browser.bury",
                                      _("Bury until tomorrow (Ctrl+B)")));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Flag"), "browser.flag", _("Flag or unflag (Ctrl+K)")));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Reset"), "browser.reset",
                                      _("Reset to new (Ctrl+Shift+N)")));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Delete"), "browser.delete", _("Delete (Delete)")));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       flash_browser_action_button (_("_Open Source File"), "browser.open-source",
                                      _("Open the cheatsheet it came from (Ctrl+Shift+O)")));
  /* An edited card whose item changed in the sheet: the user chooses which text stays. */
  gtk_widget_add_css_class (changed, "card");
  gtk_label_set_wrap (GTK_LABEL (changed_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (changed_label), 0);
  gtk_widget_set_margin_top (changed_label, 12);
  gtk_widget_set_margin_start (changed_label, 12);
  gtk_widget_set_margin_end (changed_label, 12);
  gtk_widget_set_margin_bottom (changed_buttons, 12);
  gtk_widget_set_margin_start (changed_buttons, 12);
  gtk_widget_set_margin_end (changed_buttons, 12);
  gtk_box_append (GTK_BOX (changed_buttons),
                  flash_browser_action_button (_("_Use the New Text"), "browser.use-source",
                                 _("Replace your edit with the cheatsheet’s text")));
  gtk_box_append (GTK_BOX (changed_buttons),
                  flash_browser_action_button (_("_Keep My Edit"), "browser.keep-edit",
                                 _("Keep your text and stop asking")));
  gtk_box_append (GTK_BOX (changed), changed_label);
  gtk_box_append (GTK_BOX (changed), changed_buttons);
  gtk_widget_set_visible (changed, FALSE);

  gtk_box_append (GTK_BOX (box), context);
  gtk_box_append (GTK_BOX (box), question);
  gtk_box_append (GTK_BOX (box), changed);
  self->answer_view = flash_markdown_view_new ();
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->answer_view));
  gtk_box_append (GTK_BOX (box), schedule);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), history_title);
  gtk_box_append (GTK_BOX (box), history);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);

  self->context_label = GTK_LABEL (context);
  self->question_label = GTK_LABEL (question);
  self->schedule_label = GTK_LABEL (schedule);
  self->history_label = GTK_LABEL (history);
  self->suspend_button = GTK_BUTTON (suspend);
  self->changed_box = changed;
  self->changed_label = GTK_LABEL (changed_label);
  self->detail = box;
  return scroller;
}

static void
build (FlashBrowserPage *self)
{
  static const char *const states[] = {
    N_("All Cards"), N_("New"), N_("Learning"), N_("Due"), N_("Suspended"), N_("Buried"),
    N_("Flagged"), N_("Edited"), N_("Lapsed"), N_("Leeches"), N_("Source Changed"), NULL
  };
  static const char *const order_names[] = {
    N_("File Order"), N_("Due Date"), N_("Ease"), N_("Lapses"), N_("Recently Added"), NULL
  };
  const char *state_labels[G_N_ELEMENTS (states)];
  const char *order_labels[G_N_ELEMENTS (order_names)];
  GtkWidget *leaflet = adw_leaflet_new ();
  AdwLeafletPage *page;
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *filters_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scope_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  static const char *const no_labels[] = { NULL };
  /* Homogeneous: a long deck name does not take its neighbour's room. */
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = flash_browser_row_factory ();

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    state_labels[i] = states[i] != NULL ? _(states[i]) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (order_names); i++)
    order_labels[i] = order_names[i] != NULL ? _(order_names[i]) : NULL;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  /* No delay after a key: a typed search is given up at the next key and its first page is
   * drawn with the letter (docs/performance.md, "Searching in the browser, within a frame"). */
  g_object_set (self->search_entry, "placeholder-text", _("Search cards"), "search-delay", 0u,
                NULL);
  flash_accessible_set_name (GTK_WIDGET (self->search_entry), _("Search Cards"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->search_entry),
                               _("Words to find in the cards; tag:NAME shows only the cards with "
                                 "that tag"));
  self->state_dropdown = GTK_DROP_DOWN (flash_browser_drop_down (state_labels, _("Show Cards")));
  self->order_dropdown = GTK_DROP_DOWN (flash_browser_drop_down (order_labels, _("Sort Cards")));
  self->deck_dropdown = GTK_DROP_DOWN (flash_browser_drop_down (no_labels, _("Deck")));
  self->section_dropdown = GTK_DROP_DOWN (flash_browser_drop_down (no_labels, _("Section")));
  for (GtkDropDown *d = self->deck_dropdown; d != NULL;
       d = d == self->deck_dropdown ? self->section_dropdown : NULL)
    {
      g_autoptr(GtkListItemFactory) button = flash_browser_choice_factory (TRUE);
      g_autoptr(GtkListItemFactory) list = flash_browser_choice_factory (FALSE);

      gtk_drop_down_set_factory (d, button);
      gtk_drop_down_set_list_factory (d, list);
      gtk_widget_set_hexpand (GTK_WIDGET (d), TRUE);
      gtk_box_append (GTK_BOX (scope_box), GTK_WIDGET (d));
    }
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_label_set_xalign (self->count_label, 0);

  self->cards = flash_card_list_new ();
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->cards)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)),
                                       factory);
  flash_accessible_set_name (self->list_view, _("Cards"));
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list_view);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);

  gtk_widget_set_hexpand (GTK_WIDGET (self->state_dropdown), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->order_dropdown), TRUE);
  gtk_box_append (GTK_BOX (filters_box), GTK_WIDGET (self->state_dropdown));
  gtk_box_append (GTK_BOX (filters_box), GTK_WIDGET (self->order_dropdown));
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->search_entry));
  gtk_box_set_homogeneous (GTK_BOX (scope_box), TRUE);
  gtk_box_set_homogeneous (GTK_BOX (filters_box), TRUE);
  gtk_box_append (GTK_BOX (side), scope_box);
  gtk_box_append (GTK_BOX (side), filters_box);
  /* The count, and cramming what it counts (win.cram-results, Ctrl+Shift+R). */
  {
    GtkWidget *count_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
    GtkWidget *cram = gtk_button_new_with_mnemonic (_("_Cram…"));

    gtk_widget_add_css_class (cram, "flat");
    gtk_widget_set_tooltip_text (cram, _("Study these cards now, the schedule untouched "
                                         "(Ctrl+Shift+R)"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (cram), "win.cram-results");
    flash_accessible_name_button (cram);
    gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
    gtk_box_append (GTK_BOX (count_box), GTK_WIDGET (self->count_label));
    gtk_box_append (GTK_BOX (count_box), cram);
    gtk_box_append (GTK_BOX (side), count_box);
  }
  gtk_box_append (GTK_BOX (side), scroller);
  gtk_widget_set_size_request (side, 300, -1);
  gtk_widget_set_margin_bottom (side, 12);

  /* Side by side when there is room; at a phone's width the list, then the card. */
  self->leaflet = ADW_LEAFLET (leaflet);
  adw_leaflet_set_can_navigate_back (self->leaflet, TRUE);
  adw_leaflet_set_transition_type (self->leaflet, ADW_LEAFLET_TRANSITION_TYPE_SLIDE);
  adw_leaflet_append (self->leaflet, side);
  page = adw_leaflet_append (self->leaflet, gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  adw_leaflet_page_set_navigatable (page, FALSE);
  adw_leaflet_append (self->leaflet, build_detail (self));
  adw_bin_set_child (ADW_BIN (self), leaflet);

  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (start_search), self);
  g_signal_connect_swapped (self->state_dropdown, "notify::selected", G_CALLBACK (start_search),
                            self);
  g_signal_connect_swapped (self->order_dropdown, "notify::selected", G_CALLBACK (start_search),
                            self);
  g_signal_connect_swapped (self->deck_dropdown, "notify::selected", G_CALLBACK (deck_chosen_cb),
                            self);
  g_signal_connect_swapped (self->section_dropdown, "notify::selected", G_CALLBACK (start_search),
                            self);
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (show_selected),
                            self);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (self->list_view), FALSE);
  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (open_card_cb), self);
}

static void
focus_search_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  flash_browser_page_focus_search (FLASH_BROWSER_PAGE (widget));
}

static void
flash_browser_page_dispose (GObject *object)
{
  FlashBrowserPage *self = FLASH_BROWSER_PAGE (object);

  cancel_search (self);
  g_clear_object (&self->runner);
  self->store = NULL;
  g_clear_pointer (&self->deck_ids, g_array_unref);
  g_clear_pointer (&self->sections, g_strfreev);
  g_clear_object (&self->selection);
  g_clear_object (&self->cards);
  G_OBJECT_CLASS (flash_browser_page_parent_class)->dispose (object);
}

static void
flash_browser_page_class_init (FlashBrowserPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char *const actions[] = {
    "browser.edit", "browser.use-source", "browser.keep-edit", "browser.suspend", "browser.bury",
    "browser.flag", "browser.reset", "browser.delete", "browser.open-source",
  };

  G_OBJECT_CLASS (klass)->dispose = flash_browser_page_dispose;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_class_install_action (widget_class, actions[i], NULL, card_action_cb);
  gtk_widget_class_install_action (widget_class, "browser.focus-search", NULL, focus_search_cb);
  /* Class bindings run after the focused widget: the search entry keeps Delete for its text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "browser.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "browser.open-source", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_j, GDK_CONTROL_MASK,
                                       "browser.suspend", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "browser.bury", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK,
                                       "browser.flag", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "browser.reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "browser.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "browser.focus-search", NULL);
}

static void
flash_browser_page_init (FlashBrowserPage *self)
{
  self->deck_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  build (self);
  show_selected (self);
}

void
flash_browser_page_set_store (FlashBrowserPage *self,
                              FlashStore       *store)
{
  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));

  cancel_search (self);
  if (store != self->store)
    {
      /* A new store may be a new file at the same path (a restored backup): a new worker. A
       * read-only copy of a damaged collection is searched on its own connection only. */
      g_clear_object (&self->runner);
      if (store != NULL && !flash_store_is_read_only (store))
        self->runner = flash_search_runner_new (flash_store_get_path (store));
    }
  self->store = store;
  fill_decks (self);
  run_search (self);
}

void
flash_browser_page_refresh (FlashBrowserPage *self)
{
  guint position;

  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));

  /* Coming back to the window, or a sheet dropped on it: the selected row stays selected. */
  position = gtk_single_selection_get_selected (self->selection);
  fill_decks (self);
  run_search (self);
  select_row (self, position);
}

gboolean
flash_browser_page_go_back (FlashBrowserPage *self)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), FALSE);

  return adw_leaflet_get_folded (self->leaflet)
         && adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

void
flash_browser_page_focus_search (FlashBrowserPage *self)
{
  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
flash_browser_page_set_search (FlashBrowserPage *self,
                               const char       *text,
                               FlashCardFilter   filter)
{
  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    if (filters[i] == filter)
      gtk_drop_down_set_selected (self->state_dropdown, i);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  run_search (self);
}

gboolean
flash_browser_page_set_scope (FlashBrowserPage *self,
                              gint64            deck_id,
                              const char       *section)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), FALSE);

  for (guint i = 0; i < self->deck_ids->len; i++)
    if (g_array_index (self->deck_ids, gint64, i) == deck_id)
      {
        gboolean found = section == NULL;

        gtk_drop_down_set_selected (self->deck_dropdown, i);
        for (guint j = 0; !found && self->sections != NULL && self->sections[j] != NULL; j++)
          if (g_str_equal (self->sections[j], section))
            {
              gtk_drop_down_set_selected (self->section_dropdown, j + 1);
              found = TRUE;
            }
        /* The rows are right when this returns, as the deck page expects. */
        run_search (self);
        return found;
      }
  return FALSE;
}

gboolean
flash_browser_page_is_searching (FlashBrowserPage *self)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), FALSE);

  return self->searching != NULL && !self->first_shown;
}

guint
flash_browser_page_get_n_results (FlashBrowserPage *self)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->cards));
}

gint64
flash_browser_page_get_selected (FlashBrowserPage *self)
{
  FlashCard *card;

  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), 0);

  card = selected_card (self);
  return card != NULL ? card->id : 0;
}

void
flash_browser_page_select (FlashBrowserPage *self,
                           guint             position)
{
  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));

  select_row (self, position);
}

const char *
flash_browser_page_get_history (FlashBrowserPage *self)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), NULL);

  return gtk_label_get_text (self->history_label);
}

GtkWidget *
flash_browser_page_get_suspend_button (FlashBrowserPage *self)
{
  g_return_val_if_fail (FLASH_IS_BROWSER_PAGE (self), NULL);

  return GTK_WIDGET (self->suspend_button);
}

/**
 * flash_browser_page_get_search:
 * @search: (out): what the page's entry and drop-downs ask for; its strings belong to the
 *   widgets
 */
void
flash_browser_page_get_search (FlashBrowserPage *self,
                               FlashCardSearch  *search)
{
  g_return_if_fail (FLASH_IS_BROWSER_PAGE (self));
  g_return_if_fail (search != NULL);

  *search = current_search (self);
}
