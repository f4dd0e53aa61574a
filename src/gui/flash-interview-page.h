/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-page.h: a mock interview, one question at a time against the clock
 * (docs/interview.md, "In the app"). */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_INTERVIEW_PAGE (flash_interview_page_get_type ())
G_DECLARE_FINAL_TYPE (FlashInterviewPage, flash_interview_page, FLASH, INTERVIEW_PAGE, AdwBin)

/* The page emits "finished" (the interview's id, gint64) once the interview is over: every
 * question answered or out of time, the whole time run out, or ended early. */
GtkWidget *flash_interview_page_new            (void);
/* Runs interview @id of @store (borrowed, outliving the run) from its first question without an
 * answer, the clock from the time already spent: a new interview, or one resumed. */
gboolean   flash_interview_page_start          (FlashInterviewPage *self,
                                                FlashStore         *store,
                                                gint64              id,
                                                GError            **error);
/* Forgets the interview (the store went away); what was answered is kept. */
void       flash_interview_page_stop           (FlashInterviewPage *self);
gint64     flash_interview_page_get_id         (FlashInterviewPage *self);
/* Pauses and asks whether to end the interview (Back and Escape). */
void       flash_interview_page_ask_end        (FlashInterviewPage *self);
void       flash_interview_page_set_text_scale (FlashInterviewPage *self,
                                                double              scale);

/* What the widget tests look at and do. */
/* The position (from 0) of the question on screen, or -1. */
int        flash_interview_page_get_position   (FlashInterviewPage *self);
gboolean   flash_interview_page_is_revealed    (FlashInterviewPage *self);
gboolean   flash_interview_page_is_paused      (FlashInterviewPage *self);
const char *flash_interview_page_get_clock     (FlashInterviewPage *self);
GtkTextBuffer *flash_interview_page_get_notes  (FlashInterviewPage *self);
AdwMessageDialog *flash_interview_page_get_end_dialog (FlashInterviewPage *self);
/* Lets @ms of the interview's clock pass at once, as if that time had gone by. */
void       flash_interview_page_pass_time      (FlashInterviewPage *self,
                                                int                 ms);

G_END_DECLS
