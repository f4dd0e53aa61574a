/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-setup.h: the dialog that plans a mock interview: its topics, how many
 * questions, how much time, and the seed that draws them. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_INTERVIEW_SETUP (flash_interview_setup_get_type ())
G_DECLARE_FINAL_TYPE (FlashInterviewSetup, flash_interview_setup, FLASH, INTERVIEW_SETUP,
                      AdwWindow)

typedef enum
{
  FLASH_INTERVIEW_NO_LIMIT,
  FLASH_INTERVIEW_TOTAL_LIMIT,    /* minutes for the whole interview */
  FLASH_INTERVIEW_QUESTION_LIMIT, /* seconds per question */
} FlashInterviewLimit;

/* The topics offered: @deck's, its sections and tags (the deck chosen), or with @deck NULL every
 * deck of @decks (FlashDeckInfo*, all chosen). Starting keeps the interview in @store (borrowed,
 * outliving the dialog) and activates @parent's win.run-interview with its id. */
FlashInterviewSetup *flash_interview_setup_new          (GtkWindow           *parent,
                                                         FlashStore          *store,
                                                         const FlashDeckInfo *deck,
                                                         const GPtrArray     *decks);

/* What the widget tests look at and do. */
guint                flash_interview_setup_get_n_topics (FlashInterviewSetup *self);
void                 flash_interview_setup_set_topic    (FlashInterviewSetup *self,
                                                         guint                index,
                                                         gboolean             chosen);
void                 flash_interview_setup_set_plan     (FlashInterviewSetup *self,
                                                         guint                n_questions,
                                                         FlashInterviewLimit  limit,
                                                         guint                amount,
                                                         guint32              seed);
gboolean             flash_interview_setup_can_start    (FlashInterviewSetup *self);

G_END_DECLS
