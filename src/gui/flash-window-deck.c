/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-deck.c: what the deck page asks of the window: renaming the deck (a dialog with
 * the name to edit), its own limit of new cards, studying one of its sections or tags, cramming
 * it, and deleting it (docs/browsing.md, "A deck's page"). */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-window-private.h"

/* "Rename" is offered only for a name that is not blank and not the deck's own. */
static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  const char *old_name = g_object_get_data (G_OBJECT (dialog), "old-name");

  adw_message_dialog_set_response_enabled (dialog, "rename",
                                           *name != '\0' && g_strcmp0 (name, old_name) != 0);
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FlashWindow      *self)
{
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "deck-id");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "rename") != 0 || self->store == NULL)
    return;
  if (!flash_store_rename_deck (self->store, deck_id, gtk_editable_get_text (entry), &error))
    {
      flash_window_show_error (self, _("Could Not Rename the Deck"), error->message);
      return;
    }
  flash_window_refresh (self);
  flash_window_add_toast (self, _("Deck renamed"));
}

void
flash_window_rename_deck_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  const FlashDeckInfo *deck = flash_window_find_deck (self, deck_id);
  GtkWidget *entry;
  AdwMessageDialog *dialog;
  gint64 *data;

  if (deck == NULL || self->store == NULL || flash_store_is_read_only (self->store))
    return;

  dialog = flash_window_present_dialog (self, _("Rename Deck"),
                                        _("Importing the cheatsheet again keeps the new name."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), deck->name);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  flash_accessible_set_name (entry, _("Deck name"));
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "rename");
  adw_message_dialog_set_close_response (dialog, "cancel");
  data = g_new (gint64, 1);
  *data = deck_id;
  g_object_set_data_full (G_OBJECT (dialog), "deck-id", data, g_free);
  g_object_set_data_full (G_OBJECT (dialog), "old-name", g_strdup (deck->name), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  name_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_widget_grab_focus (entry);
}

void
flash_window_study_section_action_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  gint64 deck_id = 0;
  const char *part = NULL;
  gboolean is_tag = g_str_equal (action_name, "win.study-tag");

  g_variant_get (parameter, "(x&s)", &deck_id, &part);
  if (*part == '\0')
    part = NULL;
  flash_window_start_study (FLASH_WINDOW (widget), deck_id, is_tag ? NULL : part,
                            is_tag ? part : NULL);
}

/* A tag's row studies it: the dialog closes and the study page opens on the tag's cards. */
static void
tag_activated_cb (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  AdwMessageDialog *dialog)
{
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "deck-id");
  const char *tag = g_object_get_data (G_OBJECT (row), "tag");
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  gtk_window_close (GTK_WINDOW (dialog));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.study-tag", "(xs)", deck_id, tag);
}

/* The deck's tags, those on every card left out (studying them is studying the deck). */
static GtkWidget *
tag_list (FlashStore       *store,
          gint64            deck_id,
          AdwMessageDialog *dialog)
{
  g_autoptr(GArray) section_counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) counts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_auto(GStrv) sections = flash_store_list_sections (store, deck_id, section_counts, NULL);
  g_auto(GStrv) tags = flash_store_list_tags (store, deck_id, counts, NULL);
  GtkWidget *list = gtk_list_box_new ();
  guint total = 0;

  for (guint i = 0; i < section_counts->len; i++)
    total += g_array_index (section_counts, guint, i);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  flash_accessible_set_name (list, _("Tags"));
  for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
    {
      guint n = g_array_index (counts, guint, i);
      GtkWidget *row;
      g_autofree char *subtitle = NULL;

      if (n >= total)
        continue;
      row = adw_action_row_new ();
      subtitle = g_strdup_printf (ngettext ("%u card", "%u cards", n), n);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), tags[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "tag", g_strdup (tags[i]), g_free);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  g_signal_connect (list, "row-activated", G_CALLBACK (tag_activated_cb), dialog);
  return list;
}

void
flash_window_choose_tag_action_cb (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  const FlashDeckInfo *deck = flash_window_find_deck (self, deck_id);
  GtkWidget *scroller;
  GtkWidget *list;
  AdwMessageDialog *dialog;
  gint64 *data;

  if (deck == NULL || self->store == NULL)
    return;

  dialog = flash_window_present_dialog (self, _("Study a Tag"),
                                        _("Only the tag’s cards due today, within the day’s "
                                          "limits."));
  data = g_new (gint64, 1);
  *data = deck_id;
  g_object_set_data_full (G_OBJECT (dialog), "deck-id", data, g_free);
  list = tag_list (self->store, deck_id, dialog);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (gtk_widget_get_first_child (list) == NULL)
    {
      g_object_unref (g_object_ref_sink (list));
      adw_message_dialog_set_body (dialog, _("No tag of this deck picks out fewer cards than the "
                                             "whole deck."));
      return;
    }
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  adw_message_dialog_set_extra_child (dialog, scroller);
  gtk_widget_grab_focus (gtk_widget_get_first_child (list));
}

void
flash_window_set_deck_limit_action_cb (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 deck_id = 0;
  int limit = -1;

  g_variant_get (parameter, "(xi)", &deck_id, &limit);
  if (self->store == NULL)
    return;
  if (!flash_store_set_deck_new_limit (self->store, deck_id, limit, &error))
    {
      flash_window_show_error (self, _("Could Not Change the Deck’s Limit"), error->message);
      return;
    }
  flash_window_refresh (self);
}

/* The cards to cram, weakest first, and the subtitle the window shows meanwhile. */
typedef struct
{
  GArray *ids;
  char   *subtitle;
} CramChoice;

static void
cram_choice_free (CramChoice *choice)
{
  g_array_unref (choice->ids);
  g_free (choice->subtitle);
  g_free (choice);
}

static void
cram_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  FlashWindow      *self)
{
  CramChoice *choice = g_object_get_data (G_OBJECT (dialog), "cram");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "weakest") && !g_str_equal (response, "random"))
    return;
  if (g_str_equal (response, "random")
      && !flash_store_cram_order (self->store, choice->ids, FLASH_CRAM_RANDOM, g_random_int (),
                                  &error))
    {
      flash_window_show_error (self, _("Could Not Start Cramming"), error->message);
      return;
    }
  flash_window_start_cram (self, choice->subtitle, choice->ids);
}

/* Asks how to cram what @search finds: weakest cards first (Enter) or in random order. */
static void
ask_cram (FlashWindow           *self,
          const FlashCardSearch *search,
          const char            *heading,
          const char            *subtitle)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  CramChoice *choice;
  GArray *ids;

  ids = flash_store_cram_queue (self->store, search, FLASH_CRAM_WEAKEST, 0, 0, now, &error);
  if (ids == NULL)
    {
      flash_window_show_error (self, _("Could Not Start Cramming"), error->message);
      return;
    }
  if (ids->len == 0)
    {
      g_array_unref (ids);
      flash_window_add_toast (self, _("Nothing to cram"));
      return;
    }
  /* Translators: the cram dialog's text; %u is the number of cards. */
  body = g_strdup_printf (ngettext ("Study %u card now, as often as needed. Its schedule stays "
                                    "as it is.",
                                    "Study %u cards now, as often as needed. Their schedule "
                                    "stays as it is.", ids->len),
                          ids->len);
  dialog = flash_window_present_dialog (self, heading, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "random", _("In _Random Order"),
                                    "weakest", _("_Weakest First"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "weakest", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "weakest");
  adw_message_dialog_set_close_response (dialog, "cancel");
  choice = g_new0 (CramChoice, 1);
  choice->ids = ids;
  choice->subtitle = g_strdup (subtitle);
  g_object_set_data_full (G_OBJECT (dialog), "cram", choice, (GDestroyNotify) cram_choice_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (cram_response_cb), self, 0);
}

/* win.choose-cram (a deck's id), win.cram-results (the browser's cards) and win.cram-all. */
void
flash_window_choose_cram_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  g_autofree char *heading = NULL;
  g_autofree char *subtitle = NULL;
  const FlashDeckInfo *deck;
  FlashCardSearch search = { 0 };

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "win.cram-all"))
    {
      ask_cram (self, &search, _("Cram All Decks?"),
                /* Translators: the window's subtitle while cramming every deck. */
                _("All Decks › Cram"));
      return;
    }
  if (parameter == NULL)
    {
      flash_browser_page_get_search (self->browser_page, &search);
      ask_cram (self, &search, _("Cram These Cards?"),
                /* Translators: the window's subtitle while cramming cards of the browser. */
                _("Cram"));
      return;
    }
  search.deck_id = g_variant_get_int64 (parameter);
  deck = flash_window_find_deck (self, search.deck_id);
  if (deck == NULL)
    return;
  heading = g_strdup_printf (_("Cram “%s”?"), deck->name);
  /* Translators: the window's subtitle while cramming a deck, "Python › Cram". */
  subtitle = g_strdup_printf (_("%s › Cram"), deck->name);
  ask_cram (self, &search, heading, subtitle);
}

/* Deleting a deck --------------------------------------------------------------------------- */

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FlashWindow      *self)
{
  gint64 deck_id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "deck-id");
  g_autoptr(GError) error = NULL;
  const FlashDeckInfo *deck;
  g_autofree char *name = NULL;
  g_autofree char *toast = NULL;

  if (g_strcmp0 (response, "delete") != 0)
    return;

  deck = flash_window_find_deck (self, deck_id);
  name = g_strdup (deck != NULL ? deck->name : "");

  if (!flash_store_delete_deck (self->store, deck_id, &error))
    {
      flash_window_show_error (self, _("Could Not Delete the Deck"), error->message);
      flash_window_refresh (self);
      return;
    }

  flash_window_refresh (self);
  toast = g_strdup_printf (_("“%s” deleted"), name);
  flash_window_add_toast (self, toast);
}

void
flash_window_delete_deck_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  const FlashDeckInfo *deck = flash_window_find_deck (self, deck_id);
  g_autofree char *heading = NULL;
  g_autofree char *cards = NULL;
  g_autofree char *reviews = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gint64 *data;

  if (deck == NULL)
    return;

  heading = g_strdup_printf (_("Delete “%s”?"), deck->name);
  cards = g_strdup_printf (ngettext ("%u card", "%u cards", deck->total), deck->total);
  if (deck->reviews == 0)
    {
      /* Translators: %s is "27 cards". */
      body = g_strdup_printf (_("Its %s will be deleted. Importing the cheatsheet again brings "
                                "them back."),
                              cards);
    }
  else
    {
      reviews = g_strdup_printf (ngettext ("%u review", "%u reviews", deck->reviews),
                                 deck->reviews);
      /* Translators: "27 cards and the record of 5 reviews will be deleted…" */
      body = g_strdup_printf (_("%s and the record of %s will be deleted. Importing the "
                                "cheatsheet again brings the cards back as new ones."),
                              cards, reviews);
    }

  dialog = flash_window_present_dialog (self, heading, body);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");

  data = g_new (gint64, 1);
  *data = deck_id;
  g_object_set_data_full (G_OBJECT (dialog), "deck-id", data, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
}
