/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-page.c: a mock interview in the app (docs/interview.md, "In the app"): one
 * question at a time, large, with a countdown, a field for notes, the answer on Ctrl+Enter and
 * the four study grades on 1 to 4. Every answer is written as it is given, with the time spent so
 * far, so an interview killed halfway resumes where it stopped. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-interview-page.h"
#include "flash-interview.h"
#include "flash-markdown-view.h"
#include "flash-study-keys.h"

/* How much larger than the answer the question is drawn. */
#define QUESTION_SCALE 1.6
/* How often the countdown is redrawn and the limits checked. */
#define TICK_MS 200

struct _FlashInterviewPage
{
  AdwBin             parent_instance;

  FlashStore        *store;       /* borrowed while an interview runs */
  FlashInterview    *interview;
  FlashCard         *card;        /* the question on screen */
  guint              current;     /* its index in interview->questions */
  gboolean           revealed;
  gboolean           recorded;    /* its answer is written (it ran out of time) */
  gboolean           paused;
  gint64             run_since;   /* monotonic ms the clock last ran from; 0 while paused */
  gint64             spent_ms;    /* the interview's time before run_since */
  gint64             question_from_ms; /* the interview's time when the question showed */
  gint64             answer_ms;   /* how long the question took, once revealed */
  gint64             passed_ms;   /* time let pass by the tests */
  guint              tick_source;
  double             text_scale;
  char               clock_text[32];

  GtkStack          *stack;       /* "question" or "paused" */
  GtkLabel          *progress_label;
  GtkLabel          *clock_label;
  GtkProgressBar    *time_bar;
  GtkLabel          *context_label;
  FlashMarkdownView *question_view;
  GtkTextView       *notes_view;
  GtkWidget         *answer_box;
  GtkLabel          *time_up_label;
  FlashMarkdownView *answer_view;
  GtkStack          *button_stack; /* "reveal", "grades" or "next" */
  GtkWidget         *reveal_button;
  GtkWidget         *good_button;
  GtkWidget         *next_button;
  GtkWidget         *resume_button;
  GtkWidget         *scroller;
  AdwMessageDialog  *end_dialog; /* weak: the dialog that asks whether to end */
  gboolean           paused_before_end; /* paused already when the dialog asked */
};

G_DEFINE_FINAL_TYPE (FlashInterviewPage, flash_interview_page, ADW_TYPE_BIN)

enum { FINISHED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const struct
{
  int         grade;
  const char *label;
  const char *tooltip;
  const char *style;
} grades[] = {
  { FLASH_GRADE_AGAIN, N_("Again"), N_("Missed (1)"), "destructive-action" },
  { FLASH_GRADE_HARD, N_("Hard"), N_("Half answered (2)"), NULL },
  { FLASH_GRADE_GOOD, N_("Good"), N_("Answered (3)"), "suggested-action" },
  { FLASH_GRADE_EASY, N_("Easy"), N_("Answered easily (4)"), NULL },
};

static gint64
now_ms (FlashInterviewPage *self)
{
  return g_get_monotonic_time () / 1000 + self->passed_ms;
}

/* The interview's time so far: the clock stops while paused. */
static gint64
interview_ms (FlashInterviewPage *self)
{
  return self->spent_ms + (self->run_since != 0 ? now_ms (self) - self->run_since : 0);
}

/* The question's time so far; it stops once the answer shows. */
static gint64
question_ms (FlashInterviewPage *self)
{
  return self->revealed ? self->answer_ms : interview_ms (self) - self->question_from_ms;
}

static FlashInterviewQuestion *
current_question (FlashInterviewPage *self)
{
  if (self->interview == NULL || self->current >= self->interview->questions->len)
    return NULL;
  return g_ptr_array_index (self->interview->questions, self->current);
}

static char *
notes_text (FlashInterviewPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void set_paused (FlashInterviewPage *self,
                        gboolean            paused);

static void
toast (FlashInterviewPage *self,
       const char         *message)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-toast", "s", message);
}

/* "4:05", or "1:02:03" past an hour. */
static void
format_clock (char   *buffer,
              gsize   size,
              gint64  ms)
{
  gint64 seconds = MAX (ms, 0) / 1000;

  if (seconds >= 3600)
    g_snprintf (buffer, size, "%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                (int) (seconds % 60));
  else
    g_snprintf (buffer, size, "%d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

/* The countdown of the question's own limit, else of the whole interview's, else the time spent. */
static void
update_clock (FlashInterviewPage *self)
{
  guint question_limit = self->interview->question_seconds;
  guint total_limit = self->interview->total_seconds;
  gint64 limit_ms = question_limit != 0 ? question_limit * G_GINT64_CONSTANT (1000)
                                        : total_limit * G_GINT64_CONSTANT (1000);
  gint64 used = question_limit != 0 ? question_ms (self) : interview_ms (self);
  g_autofree char *name = NULL;

  char text[sizeof self->clock_text];

  /* Rounded up, so the clock says 0:00 only when the time is up. */
  format_clock (text, sizeof text, limit_ms != 0 ? limit_ms - used + 999 : used);
  gtk_widget_set_visible (GTK_WIDGET (self->time_bar), limit_ms != 0);
  if (limit_ms != 0)
    gtk_progress_bar_set_fraction (self->time_bar, CLAMP (1.0 - (double) used / limit_ms, 0, 1));
  /* The label, its style and its name change once a second, not at every tick. */
  if (g_strcmp0 (text, self->clock_text) == 0)
    return;
  g_strlcpy (self->clock_text, text, sizeof self->clock_text);
  gtk_label_set_text (self->clock_label, self->clock_text);
  if (limit_ms != 0 && limit_ms - used < 10000)
    gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->clock_label), "error");
  /* Translators: the clock as a screen reader says it; %s is "4:05". */
  name = g_strdup_printf (limit_ms != 0 ? _("%s left") : _("%s spent"), self->clock_text);
  flash_accessible_set_name (GTK_WIDGET (self->clock_label), name);
}

/* The interview is over: the store says so (every question answered finishes it already; a
 * question whose card was deleted since, or the time running out, does not), and the report
 * follows. */
static void
finish (FlashInterviewPage *self)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  gint64 id = self->interview->id;

  if (!flash_store_interview_finish (self->store, id, now, &error))
    {
      /* Stopped here, the interview waits for End or a resume rather than toasting each tick. */
      g_clear_handle_id (&self->tick_source, g_source_remove);
      toast (self, error->message);
      return;
    }
  g_clear_handle_id (&self->tick_source, g_source_remove);
  flash_interview_page_stop (self);
  g_signal_emit (self, signals[FINISHED], 0, id);
}

/* Writes the question's answer: a grade, or none with @timed_out. */
static gboolean
record (FlashInterviewPage *self,
        int                 grade,
        gboolean            timed_out)
{
  FlashInterviewQuestion *question = current_question (self);
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  g_autofree char *note = notes_text (self);

  if (!flash_store_interview_answer (self->store, self->interview->id, question->card_id, grade,
                                     timed_out, (int) MIN (question_ms (self), G_MAXINT), note,
                                     interview_ms (self), now, &error))
    {
      /* The clock pauses, so that a locked collection is not asked again at every tick. */
      set_paused (self, TRUE);
      toast (self, error->message);
      return FALSE;
    }
  question->grade = grade;
  question->timed_out = timed_out;
  self->recorded = TRUE;
  return TRUE;
}

static void show_question (FlashInterviewPage *self);

static void
next_question (FlashInterviewPage *self)
{
  self->current++;
  if (self->current >= self->interview->questions->len)
    {
      finish (self);
      return;
    }
  show_question (self);
}

static void
reveal (FlashInterviewPage *self)
{
  if (self->card == NULL || self->revealed || self->paused)
    return;
  self->answer_ms = question_ms (self);
  self->revealed = TRUE;
  flash_markdown_view_set_markdown (self->answer_view, self->card->answer);
  gtk_widget_set_visible (self->answer_box, TRUE);
  gtk_stack_set_visible_child_name (self->button_stack, self->recorded ? "next" : "grades");
  gtk_widget_grab_focus (self->recorded ? self->next_button : self->good_button);
  update_clock (self);
}

/* The question's own time ran out: that is recorded, and the answer shows. */
static void
question_time_up (FlashInterviewPage *self)
{
  if (!record (self, -1, TRUE))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->time_up_label), TRUE);
  reveal (self);
}

/* The whole interview's time ran out: the question on screen is out of time, the ones after it
 * unanswered. */
static void
interview_time_up (FlashInterviewPage *self)
{
  if (!self->recorded && !record (self, -1, TRUE))
    return;
  toast (self, _("The interview’s time is up"));
  finish (self);
}

static void
check_time (FlashInterviewPage *self)
{
  if (self->interview == NULL || self->paused)
    return;
  if (self->interview->total_seconds != 0
      && interview_ms (self) >= self->interview->total_seconds * G_GINT64_CONSTANT (1000))
    {
      interview_time_up (self);
      return;
    }
  if (self->interview->question_seconds != 0 && !self->revealed && !self->recorded
      && question_ms (self) >= self->interview->question_seconds * G_GINT64_CONSTANT (1000))
    question_time_up (self);
  if (self->interview != NULL)
    update_clock (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  check_time (FLASH_INTERVIEW_PAGE (user_data));
  return G_SOURCE_CONTINUE;
}

static void
show_question (FlashInterviewPage *self)
{
  FlashInterviewQuestion *question = current_question (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *progress = NULL;

  g_clear_pointer (&self->card, flash_card_free);
  self->card = flash_store_get_card (self->store, question->card_id, &error);
  if (self->card == NULL)
    {
      /* A card deleted since the interview began is skipped, as unanswered. */
      g_message ("Skipping interview question %" G_GINT64_FORMAT ": %s", question->card_id,
                 error->message);
      next_question (self);
      return;
    }
  self->revealed = FALSE;
  self->recorded = FALSE;
  self->question_from_ms = interview_ms (self);
  /* Translators: the interview's progress, "Question 3 of 10". */
  progress = g_strdup_printf (_("Question %u of %u"), self->current + 1,
                              self->interview->questions->len);
  gtk_label_set_text (self->progress_label, progress);
  gtk_label_set_text (self->context_label, self->card->context);
  flash_markdown_view_set_markdown (self->question_view, self->card->question);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), "", -1);
  gtk_widget_set_visible (self->answer_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->time_up_label), FALSE);
  gtk_stack_set_visible_child_name (self->button_stack, "reveal");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (
                              GTK_SCROLLED_WINDOW (self->scroller)), 0);
  update_clock (self);
  /* Typing notes is the candidate's first move; Ctrl+Enter shows the answer from there. */
  gtk_widget_grab_focus (GTK_WIDGET (self->notes_view));
}

/* A resume after the app is closed starts the clock from here. */
static void
keep_time (FlashInterviewPage *self,
           gint64              spent_ms)
{
  g_autoptr(GError) error = NULL;

  if (!flash_store_interview_keep_time (self->store, self->interview->id, spent_ms, &error))
    g_message ("Could not keep the time of interview %" G_GINT64_FORMAT ": %s",
               self->interview->id, error->message);
}

static void
set_paused (FlashInterviewPage *self,
            gboolean            paused)
{
  if (self->interview == NULL || self->paused == paused)
    return;
  if (paused)
    {
      self->spent_ms = interview_ms (self);
      self->run_since = 0;
      keep_time (self, self->spent_ms);
    }
  else
    {
      self->run_since = now_ms (self);
    }
  self->paused = paused;
  /* The question is hidden while paused: the clock does not run, and neither does reading. */
  gtk_stack_set_visible_child_name (self->stack, paused ? "paused" : "question");
  gtk_widget_grab_focus (paused ? self->resume_button
                         : self->revealed ? (self->recorded ? self->next_button
                                                            : self->good_button)
                         : GTK_WIDGET (self->notes_view));
}

static void
reveal_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FlashInterviewPage *self = FLASH_INTERVIEW_PAGE (widget);

  g_autofree char *note = NULL;

  /* Enter on the Next button, or Ctrl+Enter once the answer shows, goes on; notes typed since
   * the time ran out are kept with the question. */
  if (self->revealed && self->recorded && !self->paused)
    {
      if ((note = notes_text (self)) != NULL && !record (self, -1, TRUE))
        return;
      next_question (self);
    }
  else
    {
      reveal (self);
    }
}

static void
grade_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlashInterviewPage *self = FLASH_INTERVIEW_PAGE (widget);
  int key = g_variant_get_int32 (parameter);

  if (!self->revealed || self->recorded || self->paused || key < 1 || key > 4)
    return;
  if (record (self, grades[key - 1].grade, FALSE))
    next_question (self);
}

static void
pause_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  FlashInterviewPage *self = FLASH_INTERVIEW_PAGE (widget);

  set_paused (self, !self->paused);
}

static void
end_response_cb (AdwMessageDialog   *dialog,
                 const char         *response,
                 FlashInterviewPage *self)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;

  if (self->interview == NULL)
    return;
  if (g_str_equal (response, "continue"))
    {
      set_paused (self, self->paused_before_end);
      return;
    }
  if (g_str_equal (response, "discard"))
    {
      if (!flash_store_interview_discard (self->store, self->interview->id, &error))
        {
          toast (self, error->message);
          return;
        }
      g_clear_handle_id (&self->tick_source, g_source_remove);
      flash_interview_page_stop (self);
      g_signal_emit (self, signals[FINISHED], 0, (gint64) 0);
      return;
    }
  if (g_str_equal (response, "end"))
    {
      /* The question on screen is left unanswered, like the ones after it. */
      if (!flash_store_interview_finish (self->store, self->interview->id, now, &error))
        {
          toast (self, error->message);
          return;
        }
      finish (self);
    }
}

static void
end_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  flash_interview_page_ask_end (FLASH_INTERVIEW_PAGE (widget));
}

void
flash_interview_page_ask_end (FlashInterviewPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  guint answered;
  GtkWidget *dialog;

  g_return_if_fail (FLASH_IS_INTERVIEW_PAGE (self));

  if (self->interview == NULL || self->end_dialog != NULL)
    return;
  self->paused_before_end = self->paused;
  set_paused (self, TRUE);
  answered = flash_interview_n_answered (self->interview);
  /* Translators: the dialog that ends an interview early; %u of %u are questions. */
  body = g_strdup_printf (ngettext ("%u of %u question has an answer. Ending now counts the "
                                    "rest as missed; discarding forgets the whole interview.",
                                    "%u of %u questions have an answer. Ending now counts the "
                                    "rest as missed; discarding forgets the whole interview.",
                                    self->interview->questions->len),
                          answered, self->interview->questions->len);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("End the Interview?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "continue", _("_Continue"),
                                    "discard", _("_Discard"),
                                    "end", _("_End and See Report"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  g_signal_connect_object (dialog, "response", G_CALLBACK (end_response_cb), self, 0);
  flash_accessible_name_dialog (dialog);
  g_set_weak_pointer (&self->end_dialog, ADW_MESSAGE_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
pill (const char *label,
      const char *action,
      const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  flash_accessible_name_button (button);
  return button;
}

static GtkWidget *
build_grades (FlashInterviewPage *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      GtkWidget *button = gtk_button_new_with_label (_(grades[i].label));

      if (grades[i].style != NULL)
        gtk_widget_add_css_class (button, grades[i].style);
      gtk_widget_set_tooltip_text (button, _(grades[i].tooltip));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "interview.grade");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (gint32) (i + 1));
      gtk_widget_set_size_request (button, 76, -1);
      flash_accessible_name_button (button);
      gtk_box_append (GTK_BOX (row), button);
      if (grades[i].grade == FLASH_GRADE_GOOD)
        self->good_button = button;
    }
  return row;
}

static GtkWidget *
build_paused (FlashInterviewPage *self)
{
  GtkWidget *status = adw_status_page_new ();

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "media-playback-pause-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Paused"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("The clock stands still and the question is hidden until "
                                     "you go on."));
  self->resume_button = pill (_("_Resume"), "interview.pause", "suggested-action");
  gtk_widget_set_tooltip_text (self->resume_button, _("Resume (Ctrl+P)"));
  adw_status_page_set_child (ADW_STATUS_PAGE (status), self->resume_button);
  return status;
}

static GtkWidget *
build_top (FlashInterviewPage *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *pause = gtk_button_new_from_icon_name ("media-playback-pause-symbolic");
  GtkWidget *end = gtk_button_new_with_mnemonic (_("_End…"));

  self->progress_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->progress_label), "dim-label");
  gtk_widget_set_hexpand (GTK_WIDGET (self->progress_label), TRUE);
  gtk_label_set_xalign (self->progress_label, 0);
  self->clock_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "title-2");
  gtk_widget_add_css_class (GTK_WIDGET (self->clock_label), "numeric");
  gtk_widget_set_tooltip_text (pause, _("Pause (Ctrl+P)"));
  flash_accessible_set_name (pause, _("Pause"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pause), "interview.pause");
  gtk_widget_add_css_class (pause, "flat");
  gtk_widget_add_css_class (pause, "circular");
  gtk_widget_set_valign (pause, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (end, _("End the interview early (Escape)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (end), "interview.end");
  gtk_widget_add_css_class (end, "flat");
  gtk_widget_set_valign (end, GTK_ALIGN_CENTER);
  flash_accessible_name_button (end);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->progress_label));
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->clock_label));
  gtk_box_append (GTK_BOX (top), pause);
  gtk_box_append (GTK_BOX (top), end);
  return top;
}

static GtkWidget *
build_notes (FlashInterviewPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Your Notes (optional)"));
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  self->notes_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->notes_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (self->notes_view, FALSE);
  gtk_text_view_set_top_margin (self->notes_view, 8);
  gtk_text_view_set_bottom_margin (self->notes_view, 8);
  gtk_text_view_set_left_margin (self->notes_view, 8);
  gtk_text_view_set_right_margin (self->notes_view, 8);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->notes_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Kept with your answer; Ctrl+Enter shows the answer"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 72);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 200);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->notes_view));
  gtk_frame_set_child (GTK_FRAME (frame), scroller);
  gtk_widget_add_css_class (frame, "view");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), frame);
  return box;
}

static void
build (FlashInterviewPage *self)
{
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bottom_clamp = adw_clamp_new ();

  self->time_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  flash_accessible_set_name (GTK_WIDGET (self->time_bar), _("Time left"));
  self->context_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->context_label, TRUE);
  gtk_label_set_xalign (self->context_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->context_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->context_label), "caption");
  self->question_view = flash_markdown_view_new ();
  flash_accessible_set_name (GTK_WIDGET (self->question_view), _("Question"));
  self->answer_view = flash_markdown_view_new ();
  flash_accessible_set_name (GTK_WIDGET (self->answer_view), _("Answer"));
  self->time_up_label = GTK_LABEL (gtk_label_new (_("Time is up: this question counts as "
                                                    "missed.")));
  gtk_label_set_wrap (self->time_up_label, TRUE);
  gtk_label_set_xalign (self->time_up_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->time_up_label), "error");
  self->answer_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (self->answer_box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (self->answer_box), GTK_WIDGET (self->time_up_label));
  gtk_box_append (GTK_BOX (self->answer_box), GTK_WIDGET (self->answer_view));

  gtk_box_append (GTK_BOX (head), build_top (self));
  gtk_box_append (GTK_BOX (head), GTK_WIDGET (self->time_bar));
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->context_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->question_view));
  gtk_box_append (GTK_BOX (box), build_notes (self));
  gtk_box_append (GTK_BOX (box), self->answer_box);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 800);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), clamp);
  gtk_widget_set_vexpand (self->scroller, TRUE);

  self->button_stack = GTK_STACK (gtk_stack_new ());
  self->reveal_button = pill (_("_Show Answer"), "interview.reveal", "suggested-action");
  gtk_widget_set_tooltip_text (self->reveal_button, _("Show Answer (Ctrl+Enter)"));
  self->next_button = pill (_("_Next Question"), "interview.reveal", "suggested-action");
  gtk_widget_set_tooltip_text (self->next_button, _("Next Question (Ctrl+Enter)"));
  gtk_stack_add_named (self->button_stack, self->reveal_button, "reveal");
  gtk_stack_add_named (self->button_stack, build_grades (self), "grades");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->next_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->time_up_label, NULL,
                                  -1);
  gtk_stack_add_named (self->button_stack, self->next_button, "next");
  gtk_widget_set_margin_top (GTK_WIDGET (self->button_stack), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->button_stack), 12);
  adw_clamp_set_child (ADW_CLAMP (bottom_clamp), GTK_WIDGET (self->button_stack));

  gtk_box_append (GTK_BOX (page), self->scroller);
  gtk_box_append (GTK_BOX (page), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  gtk_box_append (GTK_BOX (page), bottom_clamp);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_CROSSFADE);
  gtk_stack_add_named (self->stack, page, "question");
  gtk_stack_add_named (self->stack, build_paused (self), "paused");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->stack));
}

/* Ctrl+Enter and Ctrl+P wherever focus is, before the notes field takes them; the digits only
 * when focus is not in the notes, which type them. */
static void
add_keys (FlashInterviewPage *self)
{
  GtkShortcutController *first = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  GtkShortcutController *digits = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (first), GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (first), "flash-interview-keys");
  flash_study_keys_add (first, GDK_KEY_Return, GDK_CONTROL_MASK, "interview.reveal", NULL);
  flash_study_keys_add (first, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "interview.reveal", NULL);
  flash_study_keys_add (first, GDK_KEY_p, GDK_CONTROL_MASK, "interview.pause", NULL);
  flash_study_keys_add (first, GDK_KEY_Pause, 0, "interview.pause", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (first));

  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (digits), "flash-interview-grades");
  for (guint i = 1; i <= G_N_ELEMENTS (grades); i++)
    {
      flash_study_keys_add (digits, GDK_KEY_0 + i, 0, "interview.grade",
                            g_variant_new_int32 ((gint32) i));
      flash_study_keys_add (digits, GDK_KEY_KP_0 + i, 0, "interview.grade",
                            g_variant_new_int32 ((gint32) i));
    }
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (digits));
}

static void
flash_interview_page_dispose (GObject *object)
{
  FlashInterviewPage *self = FLASH_INTERVIEW_PAGE (object);

  /* Closing the window mid-interview keeps the time spent, for the resume (the window lets go
   * of the store after its pages). */
  if (self->interview != NULL && self->store != NULL)
    keep_time (self, interview_ms (self));
  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_pointer (&self->interview, flash_interview_free);
  g_clear_pointer (&self->card, flash_card_free);
  g_clear_weak_pointer (&self->end_dialog);
  self->store = NULL;
  G_OBJECT_CLASS (flash_interview_page_parent_class)->dispose (object);
}

static void
flash_interview_page_class_init (FlashInterviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = flash_interview_page_dispose;

  /**
   * FlashInterviewPage::finished:
   * @id: the interview, or 0 when it was discarded
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_install_action (widget_class, "interview.reveal", NULL, reveal_action_cb);
  gtk_widget_class_install_action (widget_class, "interview.grade", "i", grade_action_cb);
  gtk_widget_class_install_action (widget_class, "interview.pause", NULL, pause_action_cb);
  gtk_widget_class_install_action (widget_class, "interview.end", NULL, end_action_cb);
}

static void
flash_interview_page_init (FlashInterviewPage *self)
{
  self->text_scale = 1.0;
  build (self);
  add_keys (self);
  flash_interview_page_set_text_scale (self, 1.0);
}

GtkWidget *
flash_interview_page_new (void)
{
  return g_object_new (FLASH_TYPE_INTERVIEW_PAGE, NULL);
}

gboolean
flash_interview_page_start (FlashInterviewPage  *self,
                            FlashStore          *store,
                            gint64               id,
                            GError             **error)
{
  FlashInterview *interview;

  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  interview = flash_store_interview_get (store, id, error);
  if (interview == NULL)
    return FALSE;
  flash_interview_page_stop (self);
  self->store = store;
  self->interview = interview;
  self->current = 0;
  while (self->current < interview->questions->len)
    {
      const FlashInterviewQuestion *question = g_ptr_array_index (interview->questions,
                                                                  self->current);

      if (question->grade < 0 && !question->timed_out)
        break;
      self->current++;
    }
  self->spent_ms = interview->elapsed_ms;
  self->run_since = now_ms (self);
  self->paused = FALSE;
  gtk_stack_set_visible_child_name (self->stack, "question");
  self->tick_source = g_timeout_add (TICK_MS, tick_cb, self);
  if (self->current >= interview->questions->len)
    {
      /* Every question has an answer: the interview was over but for its end. */
      finish (self);
      return TRUE;
    }
  show_question (self);
  return TRUE;
}

void
flash_interview_page_stop (FlashInterviewPage *self)
{
  g_return_if_fail (FLASH_IS_INTERVIEW_PAGE (self));

  g_clear_handle_id (&self->tick_source, g_source_remove);
  g_clear_pointer (&self->interview, flash_interview_free);
  g_clear_pointer (&self->card, flash_card_free);
  self->store = NULL;
  self->paused = FALSE;
}

gint64
flash_interview_page_get_id (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), 0);

  return self->interview != NULL ? self->interview->id : 0;
}

void
flash_interview_page_set_text_scale (FlashInterviewPage *self,
                                     double              scale)
{
  g_return_if_fail (FLASH_IS_INTERVIEW_PAGE (self));

  self->text_scale = scale;
  flash_markdown_view_set_text_scale (self->question_view, scale * QUESTION_SCALE);
  flash_markdown_view_set_text_scale (self->answer_view, scale);
}

int
flash_interview_page_get_position (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), -1);

  return self->card != NULL ? (int) self->current : -1;
}

gboolean
flash_interview_page_is_revealed (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), FALSE);

  return self->revealed && gtk_widget_get_visible (self->answer_box);
}

gboolean
flash_interview_page_is_paused (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), FALSE);

  return self->paused;
}

const char *
flash_interview_page_get_clock (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), NULL);

  return gtk_label_get_text (self->clock_label);
}

GtkTextBuffer *
flash_interview_page_get_notes (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), NULL);

  return gtk_text_view_get_buffer (self->notes_view);
}

void
flash_interview_page_pass_time (FlashInterviewPage *self,
                                int                 ms)
{
  g_return_if_fail (FLASH_IS_INTERVIEW_PAGE (self));

  self->passed_ms += ms;
  check_time (self);
}

AdwMessageDialog *
flash_interview_page_get_end_dialog (FlashInterviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_PAGE (self), NULL);

  return self->end_dialog;
}
