/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-report.c: the page after an interview (docs/interview.md, "In the app"): the
 * score, each topic's line weakest first, the missed questions with their answers and the notes
 * taken, the two actions that work on them, and the interviews before this one: each topic's
 * score over time and every past interview's row. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-interview-report.h"
#include "flash-interview.h"
#include "flash-markdown-view.h"
#include "flash-markup.h"

/* The history shows this many of the newest interviews, and of each topic's scores. */
#define HISTORY_ROWS   10
#define HISTORY_SCORES 6

struct _FlashInterviewReport
{
  AdwBin      parent_instance;

  gint64      id;
  GArray     *missed;     /* gint64 card ids */
  char       *score_text;

  GtkLabel   *title_label;
  GtkLabel   *score_label;
  GtkLabel   *summary_label;
  GtkWidget  *cram_button;
  GtkWidget  *review_button;
  GtkWidget  *box;
  GPtrArray  *groups;     /* the AdwPreferencesGroups of the last report, rebuilt each time */
};

G_DEFINE_FINAL_TYPE (FlashInterviewReport, flash_interview_report, ADW_TYPE_BIN)

static char *
format_percent (double score)
{
  /* Translators: a score in percent, "70 %"; %.0f is the number. */
  return g_strdup_printf (_("%.0f %%"), score);
}

/* "12 s", or "1:05 min" from a minute on. */
static char *
format_seconds (int ms)
{
  int seconds = (ms + 500) / 1000;

  if (seconds < 60)
    /* Translators: a time in seconds, "12 s". */
    return g_strdup_printf (_("%d s"), seconds);
  /* Translators: a time in minutes and seconds, "1:05 min". */
  return g_strdup_printf (_("%d:%02d min"), seconds / 60, seconds % 60);
}

char *
flash_interview_report_format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  /* Translators: the day and time an interview started, as g_date_time_format() takes it. */
  char *text = local != NULL ? g_date_time_format (local, _("%e %B %Y, %H:%M")) : NULL;

  /* %e pads a day below 10 with a blank. */
  return text != NULL ? g_strstrip (text) : g_strdup ("");
}

static gboolean
is_missed (const FlashInterviewQuestion *question)
{
  return question->timed_out || question->grade < FLASH_GRADE_HARD;
}

static gboolean
same_topic (const FlashTopic *a,
            const FlashTopic *b)
{
  return a->kind == b->kind && a->deck_id == b->deck_id && g_strcmp0 (a->value, b->value) == 0;
}

static GtkWidget *
add_group (FlashInterviewReport *self,
           const char           *title,
           const char           *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_widget_set_margin_top (group, 12);
  gtk_box_append (GTK_BOX (self->box), group);
  g_ptr_array_add (self->groups, group);
  g_object_set_data_full (G_OBJECT (group), "title", g_strdup (title), g_free);
  return group;
}

static void
group_add (GtkWidget *group,
           GtkWidget *row)
{
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (group), "n-rows"));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_object_set_data (G_OBJECT (group), "n-rows", GUINT_TO_POINTER (n + 1));
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }
  return row;
}

static void
add_topics (FlashInterviewReport *self,
            const GArray         *lines)
{
  GtkWidget *group = add_group (self, _("Topics"), _("Weakest first"));

  for (guint i = 1; i < lines->len; i++)
    {
      const FlashInterviewLine *line = &g_array_index (lines, FlashInterviewLine, i);
      g_autofree char *label = flash_topic_label (line->topic);
      g_autofree char *median = line->median_ms >= 0 ? format_seconds (line->median_ms) : NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *score = format_percent (line->score);
      g_autofree char *name = NULL;
      GtkWidget *score_label = gtk_label_new (score);
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
      GtkWidget *row;

      /* Translators: a topic's line, "2 of 3 answered · median 12 s". */
      subtitle = median != NULL ? g_strdup_printf (_("%u of %u answered · median %s"),
                                                   line->answered, line->questions, median)
                                : g_strdup_printf (_("%u of %u answered"), line->answered,
                                                   line->questions);
      row = text_row (label, subtitle);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), line->score);
      gtk_widget_set_size_request (bar, 72, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      score, -1);
      gtk_widget_add_css_class (score_label, "numeric");
      gtk_widget_set_size_request (score_label, 48, -1);
      gtk_label_set_xalign (GTK_LABEL (score_label), 1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), score_label);
      /* Translators: a topic's row as a screen reader says it: "#asyncio, 50 %". */
      name = g_strdup_printf (_("%s, %s"), label, score);
      flash_accessible_set_name (row, name);
      group_add (group, row);
    }
}

/* What became of a missed question, for its row. */
static const char *
missed_reason (const FlashInterviewQuestion *question)
{
  if (question->timed_out)
    return _("Time ran out");
  if (question->grade < 0)
    return _("Not answered");
  return _("Again");
}

static void
add_missed (FlashInterviewReport *self,
            FlashStore           *store,
            const FlashInterview *interview)
{
  GtkWidget *group;

  for (guint i = 0; i < interview->questions->len; i++)
    {
      const FlashInterviewQuestion *question = g_ptr_array_index (interview->questions, i);

      if (is_missed (question))
        g_array_append_val (self->missed, question->card_id);
    }
  if (self->missed->len == 0)
    return;
  group = add_group (self, _("Missed Questions"), _("Expand one for its answer and your notes"));
  for (guint i = 0; i < interview->questions->len; i++)
    {
      const FlashInterviewQuestion *question = g_ptr_array_index (interview->questions, i);
      g_autoptr(FlashCard) card = NULL;
      g_autofree char *escaped = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;
      GtkWidget *box;
      FlashMarkdownView *answer;

      if (!is_missed (question)
          || (card = flash_store_get_card (store, question->card_id, NULL)) == NULL)
        continue;
      /* The question as the browser lists it: its Markdown drawn, on one line. */
      title = flash_markup_from_markdown (card->question, -1, FLASH_MARKUP_NONE);
      row = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      escaped = g_markup_escape_text (missed_reason (question), -1);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), escaped);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
      gtk_widget_set_margin_top (box, 12);
      gtk_widget_set_margin_bottom (box, 12);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      answer = flash_markdown_view_new ();
      flash_markdown_view_set_markdown (answer, card->answer);
      flash_accessible_set_name (GTK_WIDGET (answer), _("Answer"));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (answer));
      if (question->note != NULL)
        {
          /* Translators: the notes taken during an interview, under a missed question's answer. */
          g_autofree char *text = g_strdup_printf (_("Your notes: %s"), question->note);
          GtkWidget *notes = gtk_label_new (text);

          gtk_label_set_wrap (GTK_LABEL (notes), TRUE);
          gtk_label_set_xalign (GTK_LABEL (notes), 0);
          gtk_label_set_selectable (GTK_LABEL (notes), TRUE);
          gtk_widget_add_css_class (notes, "dim-label");
          gtk_box_append (GTK_BOX (box), notes);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), box);
      group_add (group, row);
    }
}

/* @topic's score in @other; FALSE when @other did not ask it. */
static gboolean
topic_score (const FlashInterview *other,
             const FlashTopic     *topic,
             double               *score)
{
  g_autoptr(GArray) lines = NULL;

  for (guint t = 0; t < other->topics->len; t++)
    if (same_topic (g_ptr_array_index (other->topics, t), topic))
      {
        lines = flash_interview_report (other);
        for (guint i = 1; i < lines->len; i++)
          if (g_array_index (lines, FlashInterviewLine, i).topic
              == g_ptr_array_index (other->topics, t))
            {
              *score = g_array_index (lines, FlashInterviewLine, i).score;
              return TRUE;
            }
      }
  return FALSE;
}

static void
history_row_activated_cb (AdwActionRow         *row,
                          FlashInterviewReport *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (row), "interview-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-interview-report", "x", id);
}

/* Each topic's scores in the interviews up to this one, oldest first; then the newest
 * interviews, each a row that opens its report. */
static void
add_history (FlashInterviewReport *self,
             const FlashInterview *interview,
             const GPtrArray      *all)
{
  GtkWidget *group = NULL;
  guint shown = 0;

  for (guint t = 0; t < interview->topics->len && all->len > 1; t++)
    {
      const FlashTopic *topic = g_ptr_array_index (interview->topics, t);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autofree char *label = flash_topic_label (topic);
      double scores[HISTORY_SCORES];
      guint found = 0;

      /* @all is newest first: the last few scores, shown oldest first. */
      for (guint i = 0; i < all->len && found < HISTORY_SCORES; i++)
        {
          const FlashInterview *other = g_ptr_array_index (all, i);

          if (other->started <= interview->started && other->finished != 0
              && topic_score (other, topic, &scores[found]))
            found++;
        }
      if (found < 2)
        continue;
      for (guint i = found; i-- > 0;)
        {
          g_autofree char *score = format_percent (scores[i]);

          /* Translators: between a topic's scores over time, "40 % → 55 % → 70 %". */
          g_string_append_printf (text, "%s%s", text->len > 0 ? _(" → ") : "", score);
        }
      if (group == NULL)
        group = add_group (self, _("Topics over Time"),
                           _("Each topic’s score in the interviews that asked it, oldest first"));
      group_add (group, text_row (label, text->str));
    }

  group = NULL;
  for (guint i = 0; i < all->len && shown < HISTORY_ROWS; i++)
    {
      const FlashInterview *other = g_ptr_array_index (all, i);
      g_autoptr(GArray) lines = NULL;
      g_autoptr(GString) topics = g_string_new (NULL);
      g_autofree char *day = NULL;
      g_autofree char *score = NULL;
      GtkWidget *row;
      GtkWidget *label;
      gint64 *data;

      if (other->id == interview->id || other->finished == 0)
        continue;
      lines = flash_interview_report (other);
      for (guint t = 0; t < other->topics->len; t++)
        {
          g_autofree char *name = flash_topic_label (g_ptr_array_index (other->topics, t));

          /* Translators: between the topics of an earlier interview's row. */
          g_string_append_printf (topics, "%s%s", t > 0 ? _(", ") : "", name);
        }
      day = flash_interview_report_format_day (other->started);
      score = format_percent (g_array_index (lines, FlashInterviewLine, 0).score);
      if (group == NULL)
        group = add_group (self, _("Earlier Interviews"), NULL);
      row = text_row (day, topics->str);
      label = gtk_label_new (score);
      gtk_widget_add_css_class (label, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      data = g_new (gint64, 1);
      *data = other->id;
      g_object_set_data_full (G_OBJECT (row), "interview-id", data, g_free);
      g_signal_connect (row, "activated", G_CALLBACK (history_row_activated_cb), self);
      group_add (group, row);
      shown++;
    }
}

static GtkWidget *
pill (FlashInterviewReport *self,
      const char           *label,
      const char           *action,
      const char           *style)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text = gtk_label_new_with_mnemonic (label);

  /* A long label wraps in a narrow window rather than widening the page past it. */
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_justify (GTK_LABEL (text), GTK_JUSTIFY_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (text), button);
  gtk_button_set_child (GTK_BUTTON (button), text);
  gtk_widget_add_css_class (button, "pill");
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  /* The window's action, so the button follows whether it is enabled. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", (gint64) 0);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  flash_accessible_set_name (button, gtk_label_get_text (GTK_LABEL (text)));
  return button;
}

static void
build (FlashInterviewReport *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "dim-label");
  self->score_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->score_label), "numeric");
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_label_set_justify (self->summary_label, GTK_JUSTIFY_CENTER);
  self->cram_button = pill (self, _("_Cram the Missed Cards"), "win.cram-missed",
                            "suggested-action");
  gtk_widget_set_tooltip_text (self->cram_button,
                               _("Study the missed cards now, their schedule untouched"));
  self->review_button = pill (self, _("_Add Missed Cards to Today’s Reviews"),
                              "win.review-missed", NULL);
  gtk_widget_set_tooltip_text (self->review_button,
                               _("Make the missed cards due today in the daily queue"));
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->cram_button);
  gtk_box_append (GTK_BOX (buttons), self->review_button);
  gtk_widget_set_margin_top (buttons, 12);

  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->score_label));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->summary_label));
  gtk_box_append (GTK_BOX (self->box), buttons);
  gtk_widget_set_margin_top (self->box, 24);
  gtk_widget_set_margin_bottom (self->box, 24);
  gtk_widget_set_margin_start (self->box, 12);
  gtk_widget_set_margin_end (self->box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

static void
flash_interview_report_dispose (GObject *object)
{
  FlashInterviewReport *self = FLASH_INTERVIEW_REPORT (object);

  g_clear_pointer (&self->missed, g_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->score_text, g_free);
  G_OBJECT_CLASS (flash_interview_report_parent_class)->dispose (object);
}

static void
flash_interview_report_class_init (FlashInterviewReportClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flash_interview_report_dispose;
}

static void
flash_interview_report_init (FlashInterviewReport *self)
{
  self->missed = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->groups = g_ptr_array_new ();
  build (self);
}

GtkWidget *
flash_interview_report_new (void)
{
  return g_object_new (FLASH_TYPE_INTERVIEW_REPORT, NULL);
}

gboolean
flash_interview_report_show (FlashInterviewReport  *self,
                             FlashStore            *store,
                             gint64                 id,
                             GError               **error)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GArray) lines = NULL;
  const FlashInterviewLine *total;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *median = NULL;
  g_autofree char *summary = NULL;

  g_return_val_if_fail (FLASH_IS_INTERVIEW_REPORT (self), FALSE);
  g_return_val_if_fail (store != NULL, FALSE);

  if ((interview = flash_store_interview_get (store, id, error)) == NULL
      || (all = flash_store_interview_list (store, error)) == NULL)
    return FALSE;
  self->id = id;
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->cram_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->review_button), "x", id);
  g_array_set_size (self->missed, 0);
  for (guint i = 0; i < self->groups->len; i++)
    gtk_box_remove (GTK_BOX (self->box), g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);

  lines = flash_interview_report (interview);
  total = &g_array_index (lines, FlashInterviewLine, 0);
  day = flash_interview_report_format_day (interview->started);
  /* Translators: the report's heading, "Interview of 3 December 2026, 14:05". */
  title = g_strdup_printf (_("Interview of %s"), day);
  gtk_label_set_text (self->title_label, title);
  g_free (self->score_text);
  self->score_text = format_percent (total->score);
  gtk_label_set_text (self->score_label, self->score_text);
  median = total->median_ms >= 0 ? format_seconds (total->median_ms) : NULL;
  /* Translators: under an interview's score: "7 of 10 answered · median 42 s a question". */
  summary = median != NULL ? g_strdup_printf (_("%u of %u answered · median %s a question"),
                                              total->answered, total->questions, median)
                           : g_strdup_printf (_("%u of %u answered"), total->answered,
                                              total->questions);
  gtk_label_set_text (self->summary_label, summary);

  add_topics (self, lines);
  add_missed (self, store, interview);
  add_history (self, interview, all);
  gtk_widget_set_sensitive (self->cram_button, self->missed->len > 0);
  gtk_widget_set_sensitive (self->review_button, self->missed->len > 0);
  return TRUE;
}

gint64
flash_interview_report_get_id (FlashInterviewReport *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_REPORT (self), 0);

  return self->id;
}

GArray *
flash_interview_report_get_missed (FlashInterviewReport *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_REPORT (self), NULL);

  return self->missed;
}

const char *
flash_interview_report_get_score (FlashInterviewReport *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_REPORT (self), NULL);

  return self->score_text;
}

guint
flash_interview_report_get_n_rows (FlashInterviewReport *self,
                                   const char           *group)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_REPORT (self), 0);

  for (guint i = 0; i < self->groups->len; i++)
    {
      GObject *widget = g_ptr_array_index (self->groups, i);

      if (g_strcmp0 (g_object_get_data (widget, "title"), group) == 0)
        return GPOINTER_TO_UINT (g_object_get_data (widget, "n-rows"));
    }
  return 0;
}
