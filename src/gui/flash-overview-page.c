/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-overview-page.c: the overview: today's counts, Study, the streak and the decks. */

#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-overview-page.h"

struct _FlashOverviewPage
{
  AdwBin               parent_instance;

  GPtrArray           *deck_rows; /* AdwActionRow*, owned by decks_group */

  GtkLabel            *new_label;
  GtkLabel            *learning_label;
  GtkLabel            *due_label;
  GtkLabel            *streak_label;
  GtkWidget           *study_button;
  AdwPreferencesGroup *decks_group;
};

G_DEFINE_FINAL_TYPE (FlashOverviewPage, flash_overview_page, ADW_TYPE_BIN)

static char *
format_deck_subtitle (const FlashDeckInfo *deck)
{
  g_autofree char *cards = NULL;
  g_autofree char *due = NULL;
  g_autofree char *new_cards = NULL;

  cards = g_strdup_printf (ngettext ("%u card", "%u cards", deck->total), deck->total);
  /* Translators: reviews due today in a deck, as in "27 cards · 5 due · 20 new". */
  due = g_strdup_printf (ngettext ("%u due", "%u due", deck->due_today), deck->due_today);
  /* Translators: new cards today in a deck, as in "27 cards · 5 due · 20 new". */
  new_cards = g_strdup_printf (ngettext ("%u new", "%u new", deck->new_today), deck->new_today);

  /* Translators: a deck's subtitle, "27 cards · 5 due · 20 new". */
  return g_strdup_printf (_("%s · %s · %s"), cards, due, new_cards);
}

/* The row buttons activate the window's deck actions (win.study-deck). They are
 * not GtkActionable: the action's enabled state would then override the Study button's own
 * sensitivity. */
static void
deck_button_clicked_cb (GtkButton         *button,
                        FlashOverviewPage *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "action");
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (button), "deck-id");

  gtk_widget_activate_action (GTK_WIDGET (self), action, "x", deck_id);
}

static void
add_deck_button (AdwActionRow      *row,
                 GtkWidget         *button,
                 const char        *action,
                 gint64             deck_id,
                 FlashOverviewPage *self)
{
  gint64 *data = g_new (gint64, 1);

  *data = deck_id;
  g_object_set_data_full (G_OBJECT (button), "deck-id", data, g_free);
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_signal_connect (button, "clicked", G_CALLBACK (deck_button_clicked_cb), self);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (row, button);
}

static void
deck_row_activated_cb (AdwActionRow      *row,
                       FlashOverviewPage *self)
{
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (row), "deck-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-deck", "x", deck_id);
}

static GtkWidget *
create_deck_row (FlashOverviewPage   *self,
                 const FlashDeckInfo *deck)
{
  g_autofree char *subtitle = format_deck_subtitle (deck);
  g_autofree char *study_name = NULL;
  GtkWidget *row;
  GtkWidget *study;
  gint64 *deck_id;

  row = adw_action_row_new ();
  /* Deck names come from the user's files: show them as text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deck->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  study = gtk_button_new_with_mnemonic (_("_Study"));
  /* Translators: the accessible name of a deck's Study button, with the deck's name. */
  study_name = g_strdup_printf (_("Study “%s”"), deck->name);
  gtk_widget_set_sensitive (study, deck->due_today + deck->new_today > 0);
  add_deck_button (ADW_ACTION_ROW (row), study, "win.study-deck", deck->id, self);
  flash_accessible_set_name (study, study_name);

  /* The row itself opens the deck's page (its sections, browsing, deleting), as the HIG's
   * activatable rows do; Study studies it at once. */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  deck_id = g_new (gint64, 1);
  *deck_id = deck->id;
  g_object_set_data_full (G_OBJECT (row), "deck-id", deck_id, g_free);
  g_signal_connect (row, "activated", G_CALLBACK (deck_row_activated_cb), self);
  return row;
}

static void
update_deck_rows (FlashOverviewPage *self,
                  GPtrArray         *decks)
{
  for (guint i = 0; i < self->deck_rows->len; i++)
    adw_preferences_group_remove (self->decks_group, g_ptr_array_index (self->deck_rows, i));
  g_ptr_array_set_size (self->deck_rows, 0);

  for (guint i = 0; i < decks->len; i++)
    {
      GtkWidget *row = create_deck_row (self, g_ptr_array_index (decks, i));

      adw_preferences_group_add (self->decks_group, row);
      g_ptr_array_add (self->deck_rows, row);
    }
}

static void
set_count_label (GtkLabel *label,
                 guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);

  /* A zero in colour reads as something to do; dim it. */
  if (count == 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
}

/* Says when the next review is, for when today's work is done. */
static char *
format_next_review (int days)
{
  if (days <= 0)
    return NULL;
  if (days == 1)
    return g_strdup (_("Next review tomorrow"));
  return g_strdup_printf (ngettext ("Next review in %d day", "Next review in %d days", days),
                          days);
}

static void
update_today (FlashOverviewPage    *self,
              const FlashDayCounts *counts,
              const FlashStats     *stats,
              int                   next_review_days)
{
  guint to_study = counts->new_cards + counts->learning + counts->due;
  g_autofree char *streak = NULL;
  g_autofree char *next = NULL;
  g_autofree char *caption = NULL;

  set_count_label (self->new_label, counts->new_cards);
  set_count_label (self->learning_label, counts->learning);
  set_count_label (self->due_label, counts->due);

  gtk_button_set_label (GTK_BUTTON (self->study_button),
                        to_study > 0 ? _("_Study") : _("All Done for Today"));
  flash_accessible_name_button (self->study_button);

  if (stats != NULL && stats->streak > 0)
    streak = g_strdup_printf (ngettext ("%u-day streak", "%u-day streak", stats->streak),
                              stats->streak);
  else if (to_study > 0)
    streak = g_strdup (_("Study today to start a streak"));

  if (to_study == 0)
    next = format_next_review (next_review_days);

  if (streak != NULL && next != NULL)
    /* Translators: "6-day streak · Next review tomorrow". */
    caption = g_strdup_printf (_("%s · %s"), streak, next);
  else if (streak != NULL)
    caption = g_steal_pointer (&streak);
  else if (next != NULL)
    caption = g_steal_pointer (&next);
  else
    caption = g_strdup ("");

  gtk_label_set_label (self->streak_label, caption);
  gtk_widget_set_visible (GTK_WIDGET (self->streak_label), caption[0] != '\0');
}


void
flash_overview_page_show (FlashOverviewPage    *self,
                          const FlashDayCounts *counts,
                          const FlashStats     *stats,
                          GPtrArray            *decks,
                          int                   next_review_days)
{
  g_return_if_fail (FLASH_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (counts != NULL);
  g_return_if_fail (decks != NULL);

  update_deck_rows (self, decks);
  update_today (self, counts, stats, next_review_days);
}

guint
flash_overview_page_get_n_deck_rows (FlashOverviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_OVERVIEW_PAGE (self), 0);

  return self->deck_rows->len;
}

AdwActionRow *
flash_overview_page_get_deck_row (FlashOverviewPage *self,
                                  guint              index)
{
  g_return_val_if_fail (FLASH_IS_OVERVIEW_PAGE (self), NULL);
  g_return_val_if_fail (index < self->deck_rows->len, NULL);

  return g_ptr_array_index (self->deck_rows, index);
}

const char *
flash_overview_page_get_count_text (FlashOverviewPage *self,
                                    const char        *count)
{
  g_return_val_if_fail (FLASH_IS_OVERVIEW_PAGE (self), NULL);

  if (g_strcmp0 (count, "new") == 0)
    return gtk_label_get_label (self->new_label);
  if (g_strcmp0 (count, "learning") == 0)
    return gtk_label_get_label (self->learning_label);
  if (g_strcmp0 (count, "due") == 0)
    return gtk_label_get_label (self->due_label);
  if (g_strcmp0 (count, "streak") == 0)
    return gtk_label_get_label (self->streak_label);

  g_return_val_if_reached (NULL);
}

GtkWidget *
flash_overview_page_get_study_button (FlashOverviewPage *self)
{
  g_return_val_if_fail (FLASH_IS_OVERVIEW_PAGE (self), NULL);

  return self->study_button;
}

static void
flash_overview_page_dispose (GObject *object)
{
  FlashOverviewPage *self = FLASH_OVERVIEW_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FLASH_TYPE_OVERVIEW_PAGE);
  g_clear_pointer (&self->deck_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (flash_overview_page_parent_class)->dispose (object);
}

static void
flash_overview_page_class_init (FlashOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = flash_overview_page_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/flashsheet/Flashsheet/ui/flash-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, new_label);
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, learning_label);
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, due_label);
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, streak_label);
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, study_button);
  gtk_widget_class_bind_template_child (widget_class, FlashOverviewPage, decks_group);
}

static void
flash_overview_page_init (FlashOverviewPage *self)
{
  self->deck_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  flash_accessible_name_buttons (GTK_WIDGET (self));
}
