/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-widgets.h: finding a widget in a window's tree, for widget tests. */
#pragma once

#include <gtk/gtk.h>

/* The first widget of @type in @widget's tree (@widget included), depth first, or NULL. */
static inline GtkWidget *
flash_test_find_type (GtkWidget *widget,
                      GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = flash_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget with the CSS class @css_class in @widget's tree, depth first, or NULL. */
static inline GtkWidget *
flash_test_find_by_class (GtkWidget  *widget,
                          const char *css_class)
{
  if (gtk_widget_has_css_class (widget, css_class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = flash_test_find_by_class (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first button whose label (mnemonic underscores included) is @label, or NULL. */
static inline GtkWidget *
flash_test_find_button (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = flash_test_find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first label showing @text, or NULL. */
static inline GtkWidget *
flash_test_find_label (GtkWidget  *widget,
                       const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = flash_test_find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}
