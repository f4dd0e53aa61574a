/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-deck-page.c: the deck page (docs/browsing.md, "A deck's page"), opened by activating a
 * deck on the overview. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "flash-accessible.h"
#include "flash-deck-page.h"
#include "flash-store.h"

struct _FlashDeckPage
{
  AdwBin               parent_instance;

  gint64               deck_id;
  GtkLabel            *title_label;
  GtkLabel            *description_label;
  GtkLabel            *counts_label;
  GtkWidget           *study_button;
  GtkWidget           *tag_button;
  GtkWidget           *cram_button;
  GtkWidget           *interview_button;
  AdwPreferencesGroup *sections_group;
  GPtrArray           *section_rows; /* AdwActionRow*, owned by sections_group */
  GtkSwitch           *limit_switch;
  GtkSpinButton       *limit_spin;
  GtkWidget           *limit_row;
  gboolean             showing;      /* while flash_deck_page_show() sets the controls */
};

G_DEFINE_FINAL_TYPE (FlashDeckPage, flash_deck_page, ADW_TYPE_BIN)

static void
action_clicked_cb (GtkWidget     *button,
                   FlashDeckPage *self)
{
  const char *action = g_object_get_data (G_OBJECT (button), "action");
  const char *section = g_object_get_data (G_OBJECT (button), "section");

  if (g_str_equal (action, "win.browse-deck") || g_str_equal (action, "win.study-section"))
    gtk_widget_activate_action (GTK_WIDGET (self), action, "(xs)", self->deck_id,
                                section != NULL ? section : "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), action, "x", self->deck_id);
}

/* The buttons and rows activate the window's deck actions with this page's deck. */
static void
connect_action (GtkWidget     *widget,
                const char    *action,
                FlashDeckPage *self)
{
  g_object_set_data (G_OBJECT (widget), "action", (gpointer) action);
  g_signal_connect (widget, GTK_IS_BUTTON (widget) ? "clicked" : "activated",
                    G_CALLBACK (action_clicked_cb), self);
}

static GtkWidget *
pill (const char    *label,
      const char    *action,
      const char    *style,
      FlashDeckPage *self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  if (style != NULL)
    gtk_widget_add_css_class (button, style);
  connect_action (button, action, self);
  flash_accessible_name_button (button);
  return button;
}

/* The page's keys (F2, T) activate the window's deck actions with this page's deck. */
static gboolean
deck_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  FlashDeckPage *self = FLASH_DECK_PAGE (widget);

  return gtk_widget_activate_action (widget, user_data, "x", self->deck_id);
}

/* A section's row: activating it browses its cards; its button studies them. */
static GtkWidget *
section_row (FlashDeckPage *self,
             const char    *section,
             const char    *name,
             guint          n)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *study = gtk_button_new_with_label (_("Study"));
  g_autofree char *subtitle = g_strdup_printf (ngettext ("%u card", "%u cards", n), n);
  /* Translators: a section's Study button as a screen reader says it: "Study “Internals”". */
  g_autofree char *study_name = g_strdup_printf (_("Study “%s”"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (study, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (study, _("Study this section’s cards due today"));
  flash_accessible_set_name (study, study_name);
  g_object_set_data_full (G_OBJECT (study), "section", g_strdup (section), g_free);
  connect_action (study, "win.study-section", self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), study);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "section", g_strdup (section), g_free);
  connect_action (row, "win.browse-deck", self);
  return row;
}

/* The deck's own limit: on, off or changed, it is saved at once, as GNOME's settings are. */
static void
limit_changed_cb (FlashDeckPage *self)
{
  gboolean on = gtk_switch_get_active (self->limit_switch);

  gtk_widget_set_sensitive (self->limit_row, on);
  if (self->showing)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.set-deck-limit", "(xi)", self->deck_id,
                              on ? gtk_spin_button_get_value_as_int (self->limit_spin) : -1);
}

static GtkWidget *
limit_group (FlashDeckPage *self)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *own = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("New Cards"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The collection’s daily limit holds for every deck "
                                           "together"));
  self->limit_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->limit_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (own), _("Limit This Deck"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (own),
                               _("Show fewer new cards a day from this deck"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (own), GTK_WIDGET (self->limit_switch));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (own), GTK_WIDGET (self->limit_switch));
  flash_accessible_set_name (GTK_WIDGET (self->limit_switch), _("Limit This Deck"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), own);

  self->limit_row = adw_action_row_new ();
  self->limit_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0,
                                                                      FLASH_DECK_NEW_LIMIT_MAX,
                                                                      1));
  gtk_spin_button_set_value (self->limit_spin, 10);
  gtk_widget_set_valign (GTK_WIDGET (self->limit_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->limit_row), _("New Cards a Day"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->limit_row), GTK_WIDGET (self->limit_spin));
  flash_accessible_set_name (GTK_WIDGET (self->limit_spin), _("New cards a day from this deck"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->limit_row);

  g_signal_connect_swapped (self->limit_switch, "notify::active", G_CALLBACK (limit_changed_cb),
                            self);
  g_signal_connect_swapped (self->limit_spin, "value-changed", G_CALLBACK (limit_changed_cb),
                            self);
  return group;
}

static void
build (FlashDeckPage *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_flow_box_new ();
  GtkWidget *danger = adw_preferences_group_new ();
  GtkWidget *edits = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *delete = pill (_("_Delete Deck…"), "win.delete-deck", "destructive-action", self);
  GtkWidget *rename = pill (_("_Rename…"), "win.rename-deck", NULL, self);
  GtkEventController *keys = gtk_shortcut_controller_new ();
  GtkWidget *limits;

  self->title_label = GTK_LABEL (gtk_label_new (NULL));
  self->description_label = GTK_LABEL (gtk_label_new (NULL));
  self->counts_label = GTK_LABEL (gtk_label_new (NULL));
  for (GtkLabel *label = self->title_label; label != NULL;
       label = label == self->title_label ? self->description_label
               : label == self->description_label ? self->counts_label : NULL)
    {
      gtk_label_set_wrap (label, TRUE);
      gtk_label_set_xalign (label, 0);
    }
  gtk_widget_add_css_class (GTK_WIDGET (self->title_label), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->counts_label), "dim-label");

  self->study_button = pill (_("_Study Deck"), "win.study-deck", "suggested-action", self);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (buttons), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (buttons), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (buttons), 2);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->study_button);
  self->cram_button = pill (_("_Cram…"), "win.choose-cram", NULL, self);
  /* It asks how: weakest cards first or shuffled (a dialog, flash-window-deck.c). */
  gtk_widget_set_tooltip_text (self->cram_button,
                               _("Study the deck’s cards now, the schedule untouched"));
  self->tag_button = pill (_("Study a _Tag…"), "win.choose-tag", NULL, self);
  gtk_widget_set_tooltip_text (self->tag_button, _("Study only the cards with one tag (T)"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->tag_button);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->cram_button);
  self->interview_button = pill (_("Mock _Interview…"), "win.choose-interview", NULL, self);
  gtk_widget_set_tooltip_text (self->interview_button,
                               _("Rehearse with timed questions from the deck (Ctrl+I)"));
  gtk_flow_box_append (GTK_FLOW_BOX (buttons), self->interview_button);
  gtk_flow_box_append (GTK_FLOW_BOX (buttons),
                       pill (_("_Browse Cards"), "win.browse-deck", NULL, self));
  {
    GtkWidget *stats = pill (_("S_tatistics"), "win.show-stats", NULL, self);

    gtk_widget_set_tooltip_text (stats, _("The deck’s reviews, forecast and retention "
                                          "(Ctrl+Shift+S)"));
    gtk_flow_box_append (GTK_FLOW_BOX (buttons), stats);
  }

  self->sections_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->sections_group, _("Sections"));
  adw_preferences_group_set_description (self->sections_group,
                                         _("Each heading of the cheatsheet with cards under it"));
  gtk_widget_set_tooltip_text (rename, _("Rename Deck (F2)"));
  gtk_box_append (GTK_BOX (edits), rename);
  gtk_box_append (GTK_BOX (edits), delete);
  gtk_widget_set_halign (edits, GTK_ALIGN_START);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (danger), edits);
  /* F2 renames, as in Files; T studies a tag. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F2, 0),
                                                          gtk_callback_action_new (
                                                            deck_key_cb, "win.rename-deck",
                                                            NULL)));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_t, 0),
                                                          gtk_callback_action_new (
                                                            deck_key_cb, "win.choose-tag",
                                                            NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->title_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->description_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->counts_label));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sections_group));
  limits = limit_group (self);
  gtk_widget_set_margin_top (limits, 12);
  gtk_box_append (GTK_BOX (box), limits);
  gtk_box_append (GTK_BOX (box), danger);
  gtk_widget_set_margin_top (GTK_WIDGET (self->sections_group), 12);
  gtk_widget_set_margin_top (danger, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

static void
flash_deck_page_dispose (GObject *object)
{
  g_clear_pointer (&FLASH_DECK_PAGE (object)->section_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (flash_deck_page_parent_class)->dispose (object);
}

static void
flash_deck_page_class_init (FlashDeckPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flash_deck_page_dispose;
}

static void
flash_deck_page_init (FlashDeckPage *self)
{
  self->section_rows = g_ptr_array_new ();
  build (self);
}

void
flash_deck_page_show (FlashDeckPage       *self,
                      FlashStore          *store,
                      const FlashDeckInfo *deck)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) sections = NULL;
  g_autofree char *description = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *line = NULL;

  g_return_if_fail (FLASH_IS_DECK_PAGE (self));
  g_return_if_fail (deck != NULL);

  self->deck_id = deck->id;
  gtk_label_set_text (self->title_label, deck->name);
  description = flash_store_get_deck_description (store, deck->id, NULL);
  /* The sheet's line breaks inside a paragraph are its source's, not the reader's. */
  for (char *p = description != NULL ? strchr (description, '\n') : NULL; p != NULL;
       p = strchr (p + 1, '\n'))
    if (p[1] != '\n' && (p == description || p[-1] != '\n'))
      *p = ' ';
  gtk_label_set_text (self->description_label, description != NULL ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  cards = g_strdup_printf (ngettext ("%u card", "%u cards", deck->total), deck->total);
  /* Translators: a deck's counts on its page, "27 cards · 5 due today · 20 new today". */
  line = g_strdup_printf (_("%s · %u due today · %u new today"), cards, deck->due_today,
                          deck->new_today);
  gtk_label_set_text (self->counts_label, line);
  gtk_widget_set_sensitive (self->study_button, deck->due_today + deck->new_today > 0);
  self->showing = TRUE;
  gtk_switch_set_active (self->limit_switch, deck->new_per_day >= 0);
  /* A deck without a limit of its own offers ten, not the last deck's number. */
  gtk_spin_button_set_value (self->limit_spin, deck->new_per_day >= 0 ? deck->new_per_day : 10);
  gtk_widget_set_sensitive (self->limit_row, deck->new_per_day >= 0);
  self->showing = FALSE;

  for (guint i = 0; i < self->section_rows->len; i++)
    adw_preferences_group_remove (self->sections_group,
                                  g_ptr_array_index (self->section_rows, i));
  g_ptr_array_set_size (self->section_rows, 0);
  sections = flash_store_list_sections (store, deck->id, counts, &error);
  if (sections == NULL)
    g_message ("Could not read the sections of “%s”: %s", deck->name, error->message);
  for (guint i = 0; sections != NULL && sections[i] != NULL; i++)
    {
      /* The breadcrumb less the sheet's title, which the deck's name (perhaps renamed) replaces;
       * a card right under the title is in the section of that name. */
      const char *below = strstr (sections[i], " › ");
      GtkWidget *row = section_row (self, sections[i],
                                    below != NULL ? below + strlen (" › ") : sections[i],
                                    g_array_index (counts, guint, i));

      adw_preferences_group_add (self->sections_group, row);
      g_ptr_array_add (self->section_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->sections_group), self->section_rows->len > 0);
}

gint64
flash_deck_page_get_deck_id (FlashDeckPage *self)
{
  g_return_val_if_fail (FLASH_IS_DECK_PAGE (self), 0);

  return self->deck_id;
}

guint
flash_deck_page_get_n_sections (FlashDeckPage *self)
{
  g_return_val_if_fail (FLASH_IS_DECK_PAGE (self), 0);

  return self->section_rows->len;
}
