/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-page.c: shows today's cards one by one, reveals answers and records the grades. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "flash-accessible.h"
#include "flash-card-actions.h"
#include "flash-markdown-view.h"
#include "flash-study-done.h"
#include "flash-study-grades.h"
#include "flash-study-keys.h"
#include "flash-study-page.h"

/* How far Review Ahead looks: the reviews of the next week. */
#define AHEAD_DAYS 7

/* How many new cards Study More adds. */
#define STUDY_MORE_CARDS 10

/* How many cards on a card graded Again comes back while cramming. */
#define CRAM_GAP 3

/* How much larger than the answer the question is drawn. */
#define QUESTION_SCALE 1.5

struct _FlashStudyPage
{
  GtkWidget           parent_instance;

  /* Template children. */
  GtkStack           *stack;
  GtkProgressBar     *progress_bar;
  GtkScrolledWindow  *scroller;
  GtkLabel           *context_label;
  GtkLabel           *left_label;
  GtkWidget          *question_bin;
  GtkWidget          *answer_separator;
  GtkWidget          *answer_bin;
  GtkLabel           *error_label;
  GtkStack           *button_stack;
  GtkWidget          *show_answer_button;
  GtkWidget          *grades_row;  /* all the grade buttons in one row, when they fit */
  GtkWidget          *grades_grid; /* the same in two rows, for narrow windows */
  AdwStatusPage      *done_page;
  AdwClamp           *card_clamp;
  AdwClamp           *grades_clamp;
  GtkWidget          *done_undo_button;
  GtkWidget          *study_more_button;
  GtkWidget          *ahead_button;

  GtkWidget          *question_view;
  GtkWidget          *answer_view;

  FlashStore         *store;      /* borrowed */
  gint64              deck_id;
  char               *section;    /* studying one section of the deck, or NULL */
  char               *tag;        /* studying one tag, or NULL */
  GArray             *cram;       /* cramming these card ids (schedule untouched), or NULL */
  guint               cram_at;    /* the next of them */
  gboolean            ahead;      /* reviewing ahead (study.ahead) once today's queue is done */
  gboolean            can_ahead;  /* reviews are due in the next AHEAD_DAYS days */
  FlashCard          *card;       /* the card on screen, NULL when done */
  char               *load_error; /* why today's queue could not be read, or NULL */
  gboolean            answer_shown;
  gint64              shown_usec; /* monotonic time at which the question appeared */
  guint               undo_depth; /* grades made here that can still be taken back */
  GArray             *session;    /* int grades of this session, for its summary; undo pops */
  gint64              session_usec; /* monotonic time the session started */
  gboolean            more_new;   /* the deck has new cards beyond today's queue */
  gboolean            full_scale;
  double              text_scale;
  guint               remeasure_tick_id;
  guint               remeasure_frames;
  int                 buttons_scale; /* the full_scale the grade buttons were built for, or -1 */
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FlashStudyPage, flash_study_page, GTK_TYPE_WIDGET)

static void
show_error (FlashStudyPage *self,
            const char     *message)
{
  /* The window shows toasts; without one (as in the widget tests) the page says it inline. */
  if (!gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message))
    {
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
clear_error (FlashStudyPage *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_text (self->error_label, "");
}

static void
update_actions (FlashStudyPage *self)
{
  gboolean has_card = self->card != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.show-answer",
                                 has_card && !self->answer_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.grade",
                                 has_card && self->answer_shown && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.undo",
                                 self->undo_depth > 0 && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.grade-key",
                                 has_card && self->answer_shown && self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.grade-key-full",
                                 has_card && self->answer_shown && self->store != NULL
                                 && self->full_scale);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.scroll", has_card);
  /* A cram goes through its own list: only the actions that leave the card in it apply. */
  for (guint i = 0; i < flash_study_n_card_actions; i++)
    {
      const char *action = flash_study_card_actions[i].action;
      gboolean keeps = g_str_equal (action, "study.edit") || g_str_equal (action, "study.flag")
                       || g_str_equal (action, "study.open-source");

      gtk_widget_action_set_enabled (GTK_WIDGET (self), action,
                                     has_card && self->store != NULL
                                     && (self->cram == NULL || keeps));
    }

  /* The inline button stays in place (insensitive) so the card does not jump when it turns on;
   * on the done page a disabled button would only be noise. */
  gtk_widget_set_visible (self->done_undo_button, self->undo_depth > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.more",
                                 !has_card && self->more_new && self->store != NULL);
  gtk_widget_set_visible (self->study_more_button, !has_card && self->more_new);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "study.ahead",
                                 !has_card && self->can_ahead && self->store != NULL);
  gtk_widget_set_visible (self->ahead_button, !has_card && self->can_ahead);
}

/* What the page studies: a deck (0: every deck), perhaps one section or tag of it. */
static FlashStudyScope
scope_of (FlashStudyPage *self)
{
  FlashStudyScope scope = { .deck_id = self->deck_id, .section = self->section,
                            .tag = self->tag };

  return scope;
}

/* The next @limit cards (0: all): the scope's part of today's queue, then, reviewing ahead, the
 * reviews of the next days. */
static GArray *
next_cards (FlashStudyPage  *self,
            GDateTime       *now,
            guint            limit,
            GError         **error)
{
  FlashStudyScope scope = scope_of (self);
  GArray *queue;
  g_autoptr(GArray) ahead = NULL;

  if (self->cram != NULL)
    {
      guint n = self->cram->len - self->cram_at;

      queue = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (queue, &g_array_index (self->cram, gint64, self->cram_at),
                           limit > 0 ? MIN (n, limit) : n);
      return queue;
    }
  queue = flash_store_scope_queue (self->store, &scope, now, limit, error);
  if (queue == NULL || !self->ahead || (limit > 0 && queue->len >= limit))
    return queue;
  ahead = flash_store_ahead_queue (self->store, &scope, now, AHEAD_DAYS,
                                   limit > 0 ? limit - queue->len : 0, error);
  if (ahead == NULL)
    {
      g_array_unref (queue);
      return NULL;
    }
  g_array_append_vals (queue, ahead->data, ahead->len);
  return queue;
}

/* The buttons are built when the scale changes; a new card only changes their intervals. */
static void
rebuild_grade_buttons (FlashStudyPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  FlashScheduler scheduler;

  if (self->card == NULL || self->store == NULL)
    {
      flash_study_grades_clear (self->grades_row, self->grades_grid);
      self->buttons_scale = -1;
      return;
    }
  now = flash_clock_now_or_system ();
  if (self->buttons_scale != (int) self->full_scale)
    flash_study_grades_build (self->grades_row, self->grades_grid, self->full_scale);
  self->buttons_scale = self->full_scale;
  /* Another process may have chosen another scheduler since the last card. */
  if (!flash_store_get_scheduler (self->store, &scheduler, NULL))
    flash_scheduler_init (&scheduler);
  flash_study_grades_update (self->grades_row, self->grades_grid, self->full_scale,
                             self->cram != NULL ? NULL : self->card, &scheduler,
                             flash_store_day_for (self->store, now));
}

static void
update_progress (FlashStudyPage *self)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  FlashDayCounts counts = { 0 };
  FlashStudyScope scope = scope_of (self);
  g_autoptr(GArray) ahead = NULL;
  g_autofree char *left = NULL;
  guint n_left;

  if (self->cram != NULL)
    {
      counts.due = self->cram->len - self->cram_at;
      counts.done_today = self->cram_at;
    }
  else if (self->store == NULL
           || !flash_store_scope_counts (self->store, &scope, now, &counts, &error)
           || (self->ahead
               && (ahead = flash_store_ahead_queue (self->store, &scope, now, AHEAD_DAYS, 0,
                                                    &error)) == NULL))
    {
      gtk_label_set_text (self->left_label, "");
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
      return;
    }

  n_left = counts.new_cards + counts.learning + counts.due + (ahead != NULL ? ahead->len : 0);
  /* Translators: how many cards are still to study today (or in this cram). */
  left = g_strdup_printf (ngettext ("%u left", "%u left", n_left), n_left);
  gtk_label_set_text (self->left_label, left);
  /* The bar says the same to a screen reader as the label does to the eye. */
  flash_accessible_set_name (GTK_WIDGET (self->progress_bar), left);

  if (n_left + counts.done_today > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   (double) counts.done_today / (n_left + counts.done_today));
  else
    gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
}

/* The done page says what the session did and what may follow (flash-study-done.c). */
static void
update_done_page (FlashStudyPage *self)
{
  FlashStudyScope scope = scope_of (self);
  FlashStudyDone done = {
    .session = self->session,
    .session_usec = self->session_usec,
    .load_error = self->load_error,
    .ahead_days = AHEAD_DAYS,
    .cramming = self->cram != NULL,
  };

  flash_study_done_show (self->done_page, self->store, &scope, &done);
  self->more_new = done.more_new;
  self->can_ahead = done.can_ahead;
}

static void
queue_resize_text_views (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_widget_queue_resize (widget);

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    queue_resize_text_views (child);
}

/* Prose keeps a readable column; an answer whose code needs more room gets it, up to the window,
 * so that trailing comments are not cut off (docs/accessibility.md, "Layout"). */
#define READABLE_WIDTH 700
#define READABLE_TIGHTENING 500
#define WIDEST_CARD    1200
/* What the card adds around its code: the box's and the answer's margins, the code's frame, and
 * a few pixels that rounding of the layout may take. */
#define CARD_FRAME     (2 * 12 + 2 * 24 + 2 + 4)

static void
fit_code (FlashStudyPage *self)
{
  int code = self->answer_shown
             ? flash_markdown_view_get_code_width (FLASH_MARKDOWN_VIEW (self->answer_view)) : 0;
  int width = CLAMP (code + CARD_FRAME, READABLE_WIDTH, WIDEST_CARD);

  if (adw_clamp_get_maximum_size (self->card_clamp) == width)
    return;
  /* A wide card takes all the width it needs when the window has it, without tightening. */
  for (AdwClamp *clamp = self->card_clamp; clamp != NULL;
       clamp = clamp == self->card_clamp ? self->grades_clamp : NULL)
    {
      adw_clamp_set_maximum_size (clamp, width);
      adw_clamp_set_tightening_threshold (clamp, width > READABLE_WIDTH ? width
                                                                      : READABLE_TIGHTENING);
    }
}

static gboolean
remeasure_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);

  if (++self->remeasure_frames < 2)
    return G_SOURCE_CONTINUE;

  queue_resize_text_views (widget);
  fit_code (self);
  self->remeasure_tick_id = 0;
  return G_SOURCE_REMOVE;
}

/* A code block's text view that is first laid out below a wrapping label can keep a height
 * that is too small (its last lines clipped) until it is measured again. Measuring the text
 * views again once the card has been on screen for a frame puts that right. */
static void
schedule_remeasure (FlashStudyPage *self)
{
  self->remeasure_frames = 0;
  if (self->remeasure_tick_id == 0)
    self->remeasure_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), remeasure_tick_cb,
                                                            NULL, NULL);
}

static void
set_card (FlashStudyPage *self,
          FlashCard      *card)
{
  g_clear_pointer (&self->card, flash_card_free);
  self->card = card;
  self->answer_shown = FALSE;

  if (card == NULL)
    {
      update_done_page (self);
      gtk_stack_set_visible_child_name (self->stack, "done");
      rebuild_grade_buttons (self);
      update_actions (self);
      return;
    }

  if (card->context != NULL && card->context[0] != '\0')
    gtk_label_set_text (self->context_label, card->context);
  else
    gtk_label_set_text (self->context_label, card->deck_name);

  /* The card is put on screen before its Markdown is rendered, for the same reason as in
   * show_answer(). */
  gtk_stack_set_visible_child_name (self->stack, "card");
  gtk_widget_set_visible (self->answer_separator, FALSE);
  gtk_widget_set_visible (self->answer_bin, FALSE);
  flash_markdown_view_set_markdown (FLASH_MARKDOWN_VIEW (self->question_view), card->question);
  flash_markdown_view_set_markdown (FLASH_MARKDOWN_VIEW (self->answer_view), NULL);
  fit_code (self);
  schedule_remeasure (self);

  rebuild_grade_buttons (self);
  gtk_stack_set_visible_child_name (self->button_stack, "show");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);

  update_progress (self);
  update_actions (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_widget_grab_focus (self->show_answer_button);

  self->shown_usec = g_get_monotonic_time ();
}

/* Shows the first card of today's queue, or the done state. The queue is asked for again after
 * every grade because the store decides where a failed card comes back (step 7). */
static void
load_next_card (FlashStudyPage *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) queue = NULL;
  FlashCard *card = NULL;

  g_clear_pointer (&self->load_error, g_free);

  if (self->store == NULL)
    {
      set_card (self, NULL);
      return;
    }

  now = flash_clock_now_or_system ();
  queue = next_cards (self, now, 1, &error);
  if (queue != NULL && queue->len > 0)
    card = flash_store_get_card (self->store, g_array_index (queue, gint64, 0), &error);

  if (error != NULL)
    {
      self->load_error = g_strdup (error->message);
      show_error (self, error->message);
    }

  set_card (self, card);
}

static void
show_answer (FlashStudyPage *self)
{
  GtkRoot *root;

  if (self->card == NULL || self->answer_shown)
    return;

  self->answer_shown = TRUE;

  /* The answer is rendered once its box is on screen: code blocks built inside a hidden parent
   * come out with the wrong height (their last line clipped). */
  gtk_widget_set_visible (self->answer_separator, TRUE);
  gtk_widget_set_visible (self->answer_bin, TRUE);
  flash_markdown_view_set_markdown (FLASH_MARKDOWN_VIEW (self->answer_view), self->card->answer);
  fit_code (self);
  schedule_remeasure (self);

  /* The Show Answer button goes away. Focus is not handed to a grade button, so that a second
   * Space does not grade the card by accident; the digit keys work from anywhere. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (root != NULL && gtk_widget_has_focus (self->show_answer_button))
    gtk_root_set_focus (root, NULL);
  gtk_stack_set_visible_child_name (self->button_stack, "grades");

  update_actions (self);
}

/* A cram answer goes to the cram log alone; a card graded below Hard comes back three cards on,
 * as a same-day repeat does, or last when fewer are left. There is nothing to undo. */
static void
grade_cram (FlashStudyPage *self,
            int             grade,
            GDateTime      *now,
            int             elapsed_ms)
{
  g_autoptr(GError) error = NULL;
  gint64 id = self->card->id;

  if (!flash_store_record_cram (self->store, id, grade, now, elapsed_ms, &error))
    {
      show_error (self, error->message);
      return;
    }
  clear_error (self);
  self->cram_at++;
  if (grade < FLASH_GRADE_HARD)
    g_array_insert_val (self->cram, MIN (self->cram_at + CRAM_GAP, self->cram->len), id);
  g_array_append_val (self->session, grade);
  load_next_card (self);
}

static void
grade_card (FlashStudyPage *self,
            int             grade)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  FlashReviewResult result = { 0 };
  gint64 elapsed_ms;

  if (self->card == NULL || !self->answer_shown || self->store == NULL)
    return;
  if (!flash_sm2_grade_valid (grade) || (!self->full_scale && grade != FLASH_GRADE_AGAIN
                                          && grade != FLASH_GRADE_HARD
                                          && grade != FLASH_GRADE_GOOD
                                          && grade != FLASH_GRADE_EASY))
    return;

  now = flash_clock_now_or_system ();
  elapsed_ms = (g_get_monotonic_time () - self->shown_usec) / 1000;
  elapsed_ms = CLAMP (elapsed_ms, 0, G_MAXINT);

  if (self->cram != NULL)
    {
      grade_cram (self, grade, now, (int) elapsed_ms);
      return;
    }
  /* The review is committed before the next card appears; on failure the card stays. */
  if (!flash_store_record_review (self->store, self->card->id, grade, now, (int) elapsed_ms,
                                  &result, &error))
    {
      show_error (self, error->message);
      return;
    }

  clear_error (self);
  self->undo_depth++;
  g_array_append_val (self->session, grade);
  load_next_card (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
undo_last (FlashStudyPage *self)
{
  g_autoptr(GError) error = NULL;
  FlashCard *card;
  gint64 card_id = 0;

  if (self->undo_depth == 0 || self->store == NULL)
    return;

  if (!flash_store_undo_last (self->store, &card_id, &error))
    {
      /* Someone else (the command line) may have taken it back already. */
      if (g_error_matches (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOTHING_TO_UNDO))
        self->undo_depth = 0;
      show_error (self, error->message);
      update_actions (self);
      return;
    }

  clear_error (self);
  self->undo_depth--;
  if (self->session->len > 0)
    g_array_set_size (self->session, self->session->len - 1);
  /* The card the user meets again is the feedback; the toast says why it is back. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", _("Review undone"));

  card = flash_store_get_card (self->store, card_id, &error);
  if (card == NULL)
    {
      show_error (self, error->message);
      load_next_card (self);
    }
  else
    {
      set_card (self, card);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

/* After the editor saved: the card shows its new text, its answer still shown if it was. */
static void
card_saved (GtkWidget *widget)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);
  g_autoptr(GError) error = NULL;
  FlashCard *card;
  gboolean answer_shown = self->answer_shown;
  gint64 shown_usec = self->shown_usec;

  if (self->card == NULL || self->store == NULL)
    return;
  card = flash_store_get_card (self->store, self->card->id, &error);
  if (card == NULL)
    {
      show_error (self, error->message);
      return;
    }
  set_card (self, card);
  self->shown_usec = shown_usec;
  if (answer_shown)
    show_answer (self);
}

/* study.edit, .open-source, .suspend, .bury, .flag, .reset and .delete: a card taken out of
 * today's queue makes way for the next one; a flag leaves it where it is. */
static void
card_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);
  const char *name = action_name + strlen ("study.");
  g_autoptr(FlashCard) card = NULL;
  g_autoptr(GError) error = NULL;

  if (self->card == NULL || self->store == NULL)
    return;
  if (g_str_equal (name, "edit"))
    {
      flash_card_action_edit (widget, self->store, self->card, card_saved);
      return;
    }
  if (g_str_equal (name, "open-source"))
    {
      flash_card_action_open_source (widget, self->card);
      return;
    }
  if (!flash_card_action_run (widget, self->store, self->card, name))
    return;
  if (g_str_equal (name, "flag"))
    {
      card = flash_store_get_card (self->store, self->card->id, &error);
      if (card != NULL)
        self->card->flag = card->flag;
      return;
    }
  load_next_card (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* study.more: ten new cards more than today's limit, then the first of them. */
static void
study_more_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!flash_store_study_more (self->store, now, STUDY_MORE_CARDS, &error))
    {
      show_error (self, error->message);
      return;
    }
  load_next_card (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* study.ahead: the reviews of the next days, studied early, after today's. */
static void
study_ahead_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);

  self->ahead = TRUE;
  load_next_card (self);
}

/* study.show-answer, study.grade (the grade) and study.undo. */
static void
study_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);

  if (g_str_equal (action_name, "study.show-answer"))
    show_answer (self);
  else if (g_str_equal (action_name, "study.grade"))
    grade_card (self, g_variant_get_int32 (parameter));
  else
    undo_last (self);
}

/* study.grade-key: a digit names a button (1–4 by default, 0–5 on the full scale), not a
 * grade; study.scroll scrolls a long card (flash-study-keys.c binds both). */
static void
key_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);
  gboolean handled = FALSE;
  int grade;

  if (g_str_equal (action_name, "study.scroll"))
    g_signal_emit_by_name (self->scroller, "scroll-child", g_variant_get_int32 (parameter), FALSE,
                           &handled);
  else if ((grade = flash_study_grades_for_key (self->full_scale,
                                                g_variant_get_int32 (parameter))) >= 0)
    grade_card (self, grade);
}

static void
flash_study_page_map (GtkWidget *widget)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (widget);

  GTK_WIDGET_CLASS (flash_study_page_parent_class)->map (widget);

  /* Coming back from the overview, focus would otherwise stay on a widget that is now hidden,
   * and the answer time should not count the time spent away. */
  if (self->card != NULL && !self->answer_shown)
    {
      gtk_widget_grab_focus (self->show_answer_button);
      self->shown_usec = g_get_monotonic_time ();
    }
}

static void
flash_study_page_dispose (GObject *object)
{
  FlashStudyPage *self = FLASH_STUDY_PAGE (object);

  if (self->remeasure_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->remeasure_tick_id);
      self->remeasure_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), FLASH_TYPE_STUDY_PAGE);
  g_clear_pointer (&self->card, flash_card_free);
  g_clear_pointer (&self->load_error, g_free);
  g_clear_pointer (&self->section, g_free);
  g_clear_pointer (&self->tag, g_free);
  g_clear_pointer (&self->cram, g_array_unref);
  g_clear_pointer (&self->session, g_array_unref);
  self->store = NULL;

  G_OBJECT_CLASS (flash_study_page_parent_class)->dispose (object);
}

static void
flash_study_page_class_init (FlashStudyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flash_study_page_dispose;
  widget_class->map = flash_study_page_map;

  /**
   * FlashStudyPage::changed:
   *
   * Emitted after every grade and undo, so that the overview can refresh its counts.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/flashsheet/Flashsheet/ui/"
                                               "flash-study-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, context_label);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, left_label);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, question_bin);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, answer_separator);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, answer_bin);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, button_stack);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, show_answer_button);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, grades_row);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, grades_grid);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, done_page);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, card_clamp);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, grades_clamp);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, done_undo_button);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, study_more_button);
  gtk_widget_class_bind_template_child (widget_class, FlashStudyPage, ahead_button);

  gtk_widget_class_install_action (widget_class, "study.show-answer", NULL, study_action_cb);
  gtk_widget_class_install_action (widget_class, "study.grade", "i", study_action_cb);
  gtk_widget_class_install_action (widget_class, "study.grade-key", "i", key_action_cb);
  gtk_widget_class_install_action (widget_class, "study.grade-key-full", "i", key_action_cb);
  gtk_widget_class_install_action (widget_class, "study.scroll", "i", key_action_cb);
  gtk_widget_class_install_action (widget_class, "study.undo", NULL, study_action_cb);
  gtk_widget_class_install_action (widget_class, "study.more", NULL, study_more_cb);
  gtk_widget_class_install_action (widget_class, "study.ahead", NULL, study_ahead_cb);
  for (guint i = 0; i < flash_study_n_card_actions; i++)
    gtk_widget_class_install_action (widget_class, flash_study_card_actions[i].action, NULL,
                                     card_action_cb);
  flash_study_keys_bind_class (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "flashstudypage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
flash_study_page_init (FlashStudyPage *self)
{
  self->text_scale = 1.0;
  self->buttons_scale = -1;
  self->session = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));
  flash_accessible_name_buttons (GTK_WIDGET (self));

  self->question_view = GTK_WIDGET (flash_markdown_view_new ());
  flash_markdown_view_set_text_scale (FLASH_MARKDOWN_VIEW (self->question_view),
                                      QUESTION_SCALE);
  gtk_box_append (GTK_BOX (self->question_bin), self->question_view);

  self->answer_view = GTK_WIDGET (flash_markdown_view_new ());
  gtk_box_append (GTK_BOX (self->answer_bin), self->answer_view);

  gtk_widget_add_controller (GTK_WIDGET (self), flash_study_keys_new_shortcuts ());

  set_card (self, NULL);
}

/**
 * flash_study_page_new:
 *
 * Returns: (transfer floating): a study page with no store; call
 *   flash_study_page_set_store() and flash_study_page_start().
 */
GtkWidget *
flash_study_page_new (void)
{
  return g_object_new (FLASH_TYPE_STUDY_PAGE, NULL);
}

/**
 * flash_study_page_set_store:
 * @store: (transfer none): the collection; it must outlive the page
 */
void
flash_study_page_set_store (FlashStudyPage *self,
                            FlashStore     *store)
{
  g_return_if_fail (FLASH_IS_STUDY_PAGE (self));

  if (self->store == store)
    return;

  self->store = store;
  self->undo_depth = 0;
  g_clear_pointer (&self->card, flash_card_free);
  set_card (self, NULL);
}

/**
 * flash_study_page_start:
 * @deck_id: the deck to study, or 0 for every deck
 *
 * Loads today's queue and shows its first card, or the done state.
 */
void
flash_study_page_start (FlashStudyPage *self,
                        gint64          deck_id)
{
  flash_study_page_start_scope (self, deck_id, NULL, NULL);
}

/* What studying starts afresh with: its scope, no cram, nothing to undo, an empty summary. */
static void
begin_session (FlashStudyPage *self,
               gint64          deck_id,
               const char     *section,
               const char     *tag)
{
  self->deck_id = deck_id;
  g_free (self->section);
  self->section = g_strdup (section);
  g_free (self->tag);
  self->tag = g_strdup (tag);
  g_clear_pointer (&self->cram, g_array_unref);
  self->cram_at = 0;
  self->ahead = FALSE;
  self->undo_depth = 0;
  g_array_set_size (self->session, 0);
  self->session_usec = g_get_monotonic_time ();
  clear_error (self);
}

/**
 * flash_study_page_start_scope:
 * @deck_id: the deck to study, or 0 for every deck
 * @section: (nullable): one section of it (a breadcrumb), with everything under it
 * @tag: (nullable): only the cards with this tag
 *
 * Loads that part of today's queue and shows its first card, or the done state.
 */
void
flash_study_page_start_scope (FlashStudyPage *self,
                              gint64          deck_id,
                              const char     *section,
                              const char     *tag)
{
  g_return_if_fail (FLASH_IS_STUDY_PAGE (self));
  g_return_if_fail (deck_id >= 0);

  begin_session (self, deck_id, section, tag);
  load_next_card (self);
}

/**
 * flash_study_page_set_full_scale:
 * @full_scale: %TRUE for six buttons with the grades 0–5, %FALSE for Again, Hard, Good, Easy
 */
void
flash_study_page_set_full_scale (FlashStudyPage *self,
                                 gboolean        full_scale)
{
  g_return_if_fail (FLASH_IS_STUDY_PAGE (self));

  full_scale = !!full_scale;
  if (self->full_scale == full_scale)
    return;

  self->full_scale = full_scale;
  rebuild_grade_buttons (self);
  update_actions (self);
}

/**
 * flash_study_page_set_text_scale:
 * @scale: the size of card text relative to the default, 1.0
 */
void
flash_study_page_set_text_scale (FlashStudyPage *self,
                                 double          scale)
{
  g_return_if_fail (FLASH_IS_STUDY_PAGE (self));
  g_return_if_fail (scale > 0.0);

  self->text_scale = scale;
  flash_markdown_view_set_text_scale (FLASH_MARKDOWN_VIEW (self->question_view),
                                      scale * QUESTION_SCALE);
  flash_markdown_view_set_text_scale (FLASH_MARKDOWN_VIEW (self->answer_view), scale);
  schedule_remeasure (self);
}

/**
 * flash_study_page_is_done:
 *
 * Returns: %TRUE when today's queue is empty and the page shows the done state
 */
gboolean
flash_study_page_is_done (FlashStudyPage *self)
{
  g_return_val_if_fail (FLASH_IS_STUDY_PAGE (self), TRUE);

  return self->card == NULL;
}

/**
 * flash_study_page_start_cram:
 * @card_ids: the cards to cram, in order
 *
 * Crams @card_ids now: the same page and keys as study, the answers in the cram log, the
 * schedule untouched; a card graded below Hard comes back a few cards on (docs/interview.md).
 */
void
flash_study_page_start_cram (FlashStudyPage *self,
                             const GArray   *card_ids)
{
  g_return_if_fail (FLASH_IS_STUDY_PAGE (self));
  g_return_if_fail (card_ids != NULL);

  begin_session (self, 0, NULL, NULL);
  self->cram = g_array_sized_new (FALSE, FALSE, sizeof (gint64), card_ids->len);
  g_array_append_vals (self->cram, card_ids->data, card_ids->len);
  load_next_card (self);
}

/**
 * flash_study_page_is_cramming:
 *
 * Returns: %TRUE while the page crams a set of cards rather than studying today's queue
 */
gboolean
flash_study_page_is_cramming (FlashStudyPage *self)
{
  g_return_val_if_fail (FLASH_IS_STUDY_PAGE (self), FALSE);

  return self->cram != NULL;
}
