/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-setup.c: planning a mock interview (docs/interview.md, "In the app"): the
 * topics to draw from (a deck, its sections and tags, or every deck), the number of questions, a
 * time limit for the whole or for each question, and the seed, which a candidate may set to be
 * asked the same questions again. */
#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-interview-setup.h"
#include "flash-interview.h"

#define DEFAULT_QUESTIONS        10
#define DEFAULT_MINUTES          20
#define DEFAULT_QUESTION_SECONDS 120

struct _FlashInterviewSetup
{
  AdwWindow        parent_instance;

  FlashStore      *store;        /* borrowed */
  GPtrArray       *topics;       /* FlashTopic*, one per check button */
  GPtrArray       *checks;       /* GtkCheckButton*, borrowed */
  GtkWidget       *start_button;
  GtkSpinButton   *questions_spin;
  AdwComboRow     *limit_row;
  GtkWidget       *amount_row;
  GtkSpinButton   *amount_spin;
  GtkSpinButton   *seed_spin;
  AdwToastOverlay *toasts;
};

G_DEFINE_FINAL_TYPE (FlashInterviewSetup, flash_interview_setup, ADW_TYPE_WINDOW)

static guint
n_chosen (FlashInterviewSetup *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_cb (FlashInterviewSetup *self)
{
  guint chosen = n_chosen (self);
  FlashInterviewLimit limit = adw_combo_row_get_selected (self->limit_row);

  gtk_widget_set_sensitive (self->start_button,
                            chosen > 0 && chosen <= FLASH_INTERVIEW_MAX_TOPICS);
  gtk_widget_set_visible (self->amount_row, limit != FLASH_INTERVIEW_NO_LIMIT);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->amount_row),
                                 limit == FLASH_INTERVIEW_TOTAL_LIMIT ? _("Minutes")
                                                                      : _("Seconds a Question"));
  flash_accessible_set_name (GTK_WIDGET (self->amount_spin),
                             limit == FLASH_INTERVIEW_TOTAL_LIMIT
                             ? _("Minutes for the whole interview")
                             : _("Seconds for each question"));
}

static void
limit_changed_cb (FlashInterviewSetup *self)
{
  FlashInterviewLimit limit = adw_combo_row_get_selected (self->limit_row);

  if (limit == FLASH_INTERVIEW_TOTAL_LIMIT)
    {
      gtk_spin_button_set_range (self->amount_spin, 1, 600);
      gtk_spin_button_set_value (self->amount_spin, DEFAULT_MINUTES);
    }
  else if (limit == FLASH_INTERVIEW_QUESTION_LIMIT)
    {
      gtk_spin_button_set_range (self->amount_spin, 5, 3600);
      gtk_spin_button_set_value (self->amount_spin, DEFAULT_QUESTION_SECONDS);
    }
  update_cb (self);
}

static void
start_cb (FlashInterviewSetup *self)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new ();
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  FlashInterviewLimit limit = adw_combo_row_get_selected (self->limit_row);
  guint amount = (guint) gtk_spin_button_get_value_as_int (self->amount_spin);
  FlashInterviewPlan plan = { 0 };
  GtkWindow *parent;
  gint64 id;

  if (!gtk_widget_get_sensitive (self->start_button))
    return;
  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_ptr_array_add (topics, g_ptr_array_index (self->topics, i));
  plan.topics = topics;
  plan.n_questions = (guint) gtk_spin_button_get_value_as_int (self->questions_spin);
  plan.total_seconds = limit == FLASH_INTERVIEW_TOTAL_LIMIT ? amount * 60 : 0;
  plan.question_seconds = limit == FLASH_INTERVIEW_QUESTION_LIMIT ? amount : 0;
  plan.seed = (guint32) gtk_spin_button_get_value (self->seed_spin);
  id = flash_store_interview_start (self->store, &plan, now, &error);
  if (id == 0)
    {
      if (g_error_matches (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND))
        adw_toast_overlay_add_toast (self->toasts,
                                     adw_toast_new (_("These topics hold no card to ask")));
      else
        adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gtk_window_close (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.run-interview", "x", id);
}

static void
add_topic (FlashInterviewSetup *self,
           GtkWidget           *group,
           FlashTopic          *topic,
           const char          *title,
           guint                n_cards,
           gboolean             chosen)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u card", "%u cards", n_cards),
                                               n_cards);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  /* The row names its activatable check button after its title. */
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_cb), self);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  g_ptr_array_add (self->topics, topic);
  g_ptr_array_add (self->checks, check);
}

/* The deck, its sections and the tags that pick out some of its cards. */
static void
add_deck_topics (FlashInterviewSetup *self,
                 GtkWidget           *group,
                 const FlashDeckInfo *deck)
{
  g_autoptr(GArray) section_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) tag_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) sections = flash_store_list_sections (self->store, deck->id, section_counts,
                                                      NULL);
  g_auto(GStrv) tags = flash_store_list_tags (self->store, deck->id, tag_counts, NULL);

  add_topic (self, group, flash_topic_new (FLASH_TOPIC_DECK, deck->id, deck->name),
             _("The Whole Deck"), deck->total, TRUE);
  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    {
      const char *below = strstr (sections[i], " › ");

      add_topic (self, group, flash_topic_new (FLASH_TOPIC_SECTION, deck->id, sections[i]),
                 below != NULL ? below + strlen (" › ") : sections[i],
                 g_array_index (section_counts, guint, i), FALSE);
    }
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      guint n = g_array_index (tag_counts, guint, i);
      g_autofree char *title = NULL;

      if (n >= deck->total)
        continue;
      title = g_strconcat ("#", tags[i], NULL);
      add_topic (self, group, flash_topic_new (FLASH_TOPIC_TAG, deck->id, tags[i]), title, n,
                 FALSE);
    }
}

static GtkWidget *
spin_row (const char     *title,
          const char     *subtitle,
          GtkSpinButton **spin,
          double          lower,
          double          upper,
          double          value)
{
  GtkWidget *row = adw_action_row_new ();

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (lower, upper, 1));
  gtk_spin_button_set_value (*spin, value);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (*spin));
  flash_accessible_set_name (GTK_WIDGET (*spin), title);
  return row;
}

static GtkWidget *
plan_group (FlashInterviewSetup *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  const char *limits[] = { N_("No Limit"), N_("For the Whole Interview"),
                           N_("For Each Question"), NULL };
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; limits[i] != NULL; i++)
    gtk_string_list_append (model, _(limits[i]));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Questions and Time"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Questions"), NULL, &self->questions_spin, 1,
                                       FLASH_INTERVIEW_MAX_QUESTIONS, DEFAULT_QUESTIONS));
  self->limit_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->limit_row), _("Time Limit"));
  adw_combo_row_set_model (self->limit_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->limit_row, FLASH_INTERVIEW_QUESTION_LIMIT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->limit_row));
  self->amount_row = spin_row (_("Seconds a Question"), NULL, &self->amount_spin, 5, 3600,
                               DEFAULT_QUESTION_SECONDS);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->amount_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             spin_row (_("Seed"), _("The same seed and topics ask the same "
                                                    "questions"),
                                       &self->seed_spin, 0, G_MAXUINT32,
                                       g_random_int_range (1, 1000000)));
  g_signal_connect_swapped (self->limit_row, "notify::selected", G_CALLBACK (limit_changed_cb),
                            self);
  return group;
}

static GtkWidget *
header (FlashInterviewSetup *self)
{
  GtkWidget *bar = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (bar), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (bar), FALSE);
  self->start_button = gtk_button_new_with_mnemonic (_("_Start"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  gtk_widget_set_tooltip_text (self->start_button, _("Start the interview (Ctrl+Enter)"));
  g_signal_connect_swapped (self->start_button, "clicked", G_CALLBACK (start_cb), self);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  flash_accessible_name_button (cancel);
  flash_accessible_name_button (self->start_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (bar), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (bar), self->start_button);
  return bar;
}

static void
flash_interview_setup_dispose (GObject *object)
{
  FlashInterviewSetup *self = FLASH_INTERVIEW_SETUP (object);

  g_clear_pointer (&self->topics, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  self->store = NULL;
  G_OBJECT_CLASS (flash_interview_setup_parent_class)->dispose (object);
}

static void
start_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  start_cb (FLASH_INTERVIEW_SETUP (widget));
}

static void
flash_interview_setup_class_init (FlashInterviewSetupClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = flash_interview_setup_dispose;
  gtk_widget_class_install_action (widget_class, "setup.start", NULL, start_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "setup.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
flash_interview_setup_init (FlashInterviewSetup *self)
{
  self->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  self->checks = g_ptr_array_new ();
}

FlashInterviewSetup *
flash_interview_setup_new (GtkWindow           *parent,
                           FlashStore          *store,
                           const FlashDeckInfo *deck,
                           const GPtrArray     *decks)
{
  FlashInterviewSetup *self;
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *topics = adw_preferences_group_new ();

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (deck != NULL || decks != NULL, NULL);

  self = g_object_new (FLASH_TYPE_INTERVIEW_SETUP,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Mock Interview"),
                       "default-width", 520,
                       "default-height", 640,
                       NULL);
  self->store = store;
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (topics), _("Topics"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (topics),
                                         _("Questions take turns between the chosen topics, "
                                           "the weakest cards more often"));
  if (deck != NULL)
    add_deck_topics (self, topics, deck);
  else
    for (guint i = 0; i < decks->len; i++)
      {
        const FlashDeckInfo *info = g_ptr_array_index (decks, i);

        add_topic (self, topics, flash_topic_new (FLASH_TOPIC_DECK, info->id, info->name),
                   info->name, info->total, TRUE);
      }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (topics));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page),
                            ADW_PREFERENCES_GROUP (plan_group (self)));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, page);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (content), header (self));
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), content);
  update_cb (self);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  return self;
}

guint
flash_interview_setup_get_n_topics (FlashInterviewSetup *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_SETUP (self), 0);

  return self->checks->len;
}

void
flash_interview_setup_set_topic (FlashInterviewSetup *self,
                                 guint                index,
                                 gboolean             chosen)
{
  g_return_if_fail (FLASH_IS_INTERVIEW_SETUP (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), chosen);
}

void
flash_interview_setup_set_plan (FlashInterviewSetup *self,
                                guint                n_questions,
                                FlashInterviewLimit  limit,
                                guint                amount,
                                guint32              seed)
{
  g_return_if_fail (FLASH_IS_INTERVIEW_SETUP (self));

  gtk_spin_button_set_value (self->questions_spin, n_questions);
  adw_combo_row_set_selected (self->limit_row, limit);
  if (limit != FLASH_INTERVIEW_NO_LIMIT)
    gtk_spin_button_set_value (self->amount_spin, amount);
  gtk_spin_button_set_value (self->seed_spin, seed);
}

gboolean
flash_interview_setup_can_start (FlashInterviewSetup *self)
{
  g_return_val_if_fail (FLASH_IS_INTERVIEW_SETUP (self), FALSE);

  return gtk_widget_get_sensitive (self->start_button);
}
