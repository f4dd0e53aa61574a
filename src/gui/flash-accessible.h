/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-accessible.h: accessible names that a screen reader can say, set one way everywhere. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void flash_accessible_set_name     (GtkWidget  *widget,
                                    const char *name);
void flash_accessible_name_button  (GtkWidget  *button);
void flash_accessible_name_buttons (GtkWidget  *root);
void flash_accessible_name_dialog  (GtkWidget  *dialog);
void flash_accessible_name_search  (GtkWidget  *window,
                                    const char *search_name,
                                    const char *menu_name);

G_END_DECLS
