/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-keys.h: the study page's keys (docs/accessibility.md lists them): each one names an
 * action of the page ("study.*"), which the page enables when it applies. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The card actions of the browser, on the card being studied, with the same keys. */
typedef struct
{
  const char     *action;
  guint           keyval;
  GdkModifierType modifiers;
} FlashStudyCardAction;

extern const FlashStudyCardAction flash_study_card_actions[];
extern const guint                flash_study_n_card_actions;

/* Binds the page's keys while focus is inside it: Space and Enter show the answer, the digits
 * "study.grade-key" (1 to 4) and "study.grade-key-full" (0 and 5; i: the key's digit), Ctrl+Z
 * undo, the card actions' keys, and the keys that
 * scroll a long card "study.scroll" (i: a GtkScrollType). */
void                flash_study_keys_bind_class   (GtkWidgetClass *widget_class);
/* The same keys wherever focus is in the window while the page is mapped (GTK skips the
 * shortcuts of unmapped widgets), run in the capture phase before a focused widget eats them. */
GtkEventController *flash_study_keys_new_shortcuts (void);
/* Adds @keyval with @modifiers to @controller, activating the named @action with @args (or
 * none): the interview page's keys are made the same way. */
void                flash_study_keys_add           (GtkShortcutController *controller,
                                                    guint                  keyval,
                                                    GdkModifierType        modifiers,
                                                    const char            *action,
                                                    GVariant              *args);

G_END_DECLS
