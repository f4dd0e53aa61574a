/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-accessible.c: accessible names that a screen reader can say, set one way everywhere. */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "flash-accessible.h"

/**
 * flash_accessible_set_name:
 *
 * Gives @widget the accessible name @name and nothing else. GTK 4.8's AT-SPI bridge joins a
 * widget's label property with the text of every widget it is "labelled by" (a button's own
 * label, an action row's title), so buttons were read as "_Study Study": the relation goes.
 */
void
flash_accessible_set_name (GtkWidget  *widget,
                           const char *name)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* A mnemonic label's text as it is read: "_Show Answer" is "Show Answer", "__" is "_". */
static char *
without_mnemonic (const char *label)
{
  GString *out = g_string_new (NULL);

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_' && p[1] != '\0')
        p++;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/**
 * flash_accessible_name_button:
 *
 * Names a button after its label (without the mnemonic), or after the label of its
 * AdwButtonContent, as it shows now; call it again after the label changes. A button with
 * neither keeps the name it was given.
 */
void
flash_accessible_name_button (GtkWidget *button)
{
  g_autofree char *name = NULL;
  GtkWidget *child;
  const char *label;

  g_return_if_fail (GTK_IS_BUTTON (button));

  label = gtk_button_get_label (GTK_BUTTON (button));
  child = gtk_button_get_child (GTK_BUTTON (button));
  if (label == NULL && ADW_IS_BUTTON_CONTENT (child))
    {
      /* The tooltip says more than a short "Import…" beside an icon. */
      label = gtk_widget_get_tooltip_text (button);
      if (label == NULL)
        label = adw_button_content_get_label (ADW_BUTTON_CONTENT (child));
    }
  if (label == NULL || *label == '\0')
    return;
  name = without_mnemonic (label);
  flash_accessible_set_name (button, name);
}

/* Names what GTK's and libadwaita's own windows build without a name in GTK 4.8 and libadwaita
 * 1.2: the search entry and search button of a preferences or shortcuts window, and the
 * shortcuts window's menu button that switches its sections. */
static void
name_internals (GtkWidget  *widget,
                const char *search_name,
                const char *menu_name)
{
  if (GTK_IS_SEARCH_ENTRY (widget))
    flash_accessible_set_name (widget, search_name);
  else if (GTK_IS_TOGGLE_BUTTON (widget)
           && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), "edit-find-symbolic") == 0)
    flash_accessible_set_name (widget, search_name);
  else if (GTK_IS_MENU_BUTTON (widget) && menu_name != NULL)
    flash_accessible_set_name (widget, menu_name);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    name_internals (child, search_name, menu_name);
}

/**
 * flash_accessible_name_search:
 *
 * Names the search entry and search button inside a window that GTK or libadwaita built
 * (AdwPreferencesWindow, GtkShortcutsWindow) @search_name, and its menu buttons @menu_name
 * (NULL: left alone).
 */
void
flash_accessible_name_search (GtkWidget  *window,
                              const char *search_name,
                              const char *menu_name)
{
  g_return_if_fail (GTK_IS_WIDGET (window));

  name_internals (window, search_name, menu_name);
}

/**
 * flash_accessible_name_buttons:
 *
 * flash_accessible_name_button() on every button below @root, for a page's template.
 */
void
flash_accessible_name_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && !GTK_IS_TOGGLE_BUTTON (root))
    flash_accessible_name_button (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    flash_accessible_name_buttons (child);
}

static gboolean
name_dialog_cb (gpointer dialog)
{
  flash_accessible_name_buttons (dialog);
  return G_SOURCE_REMOVE;
}

/* The responses are often added right after the dialog is presented, which maps it: they are
 * named once the caller has returned. */
static void
dialog_map_cb (GtkWidget *dialog)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, name_dialog_cb, g_object_ref (dialog), g_object_unref);
}

/**
 * flash_accessible_name_dialog:
 *
 * Names the response buttons of @dialog after their labels, without the mnemonic, once it
 * shows: libadwaita 1.2 leaves a response's name to its label, underscore included.
 */
void
flash_accessible_name_dialog (GtkWidget *dialog)
{
  g_return_if_fail (GTK_IS_WINDOW (dialog));

  g_signal_connect (dialog, "map", G_CALLBACK (dialog_map_cb), NULL);
}
