/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-accessible.h: what the widget tests check of a control's accessible name. */
#pragma once

#include <gtk/gtk.h>

/* Fails the test unless @widget's accessible name is @label. Needs GTK's test accessibility
 * backend (GTK_A11Y=test), which keeps the properties set on each widget. */
static inline void
flash_test_assert_accessible_label (GtkWidget  *widget,
                                    const char *label)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                  label);

  if (problem != NULL)
    g_error ("%s: accessible name %s, expected %s", G_OBJECT_TYPE_NAME (widget), problem, label);
}
