/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-edit-dialog.h: a card's question and answer in GtkSourceView, Markdown highlighted, with
 * a live preview rendered as in study. The dialog only edits text: whoever opens it saves. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define FLASH_TYPE_EDIT_DIALOG (flash_edit_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FlashEditDialog, flash_edit_dialog, FLASH, EDIT_DIALOG, AdwWindow)

/* ::save (question, answer) returns TRUE when the text was saved, and the dialog closes; FALSE
 * keeps it open (the handler says why, with flash_edit_dialog_show_error()). */
FlashEditDialog *flash_edit_dialog_new         (GtkWindow       *parent,
                                                const char      *context,
                                                const char      *question,
                                                const char      *answer);
void             flash_edit_dialog_show_error  (FlashEditDialog *self,
                                                const char      *message);

/* What the widget tests look at and do. */
void             flash_edit_dialog_set_text    (FlashEditDialog *self,
                                                const char      *question,
                                                const char      *answer);
/* The preview's question and answer Markdown, as last rendered. */
const char      *flash_edit_dialog_get_preview (FlashEditDialog *self);
gboolean         flash_edit_dialog_save        (FlashEditDialog *self);

G_END_DECLS
