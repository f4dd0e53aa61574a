/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-grades.h: the grade buttons of the study page, in its row and its two-row grid. */
#pragma once

#include <gtk/gtk.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* The grade a digit key chooses (1–4 by default, 0–5 on the full scale), or -1. */
int   flash_study_grades_for_key (gboolean         full_scale,
                                  int              key);
/* Builds the buttons of one scale into @row (a GtkBox) and @grid (a GtkGrid), for study.grade.
 * Building them again for every card was over half of a grade's own work (docs/performance.md):
 * a new card only updates their intervals. */
void  flash_study_grades_build   (GtkWidget       *row,
                                  GtkWidget       *grid,
                                  gboolean         full_scale);
/* Each button's interval for @card under @scheduler, or, with @card NULL (cramming), whether it comes back. */
void  flash_study_grades_update  (GtkWidget       *row,
                                  GtkWidget       *grid,
                                  gboolean         full_scale,
                                  const FlashCard *card,
                                  const FlashScheduler *scheduler,
                                  FlashDay         today);
void  flash_study_grades_clear   (GtkWidget       *row,
                                  GtkWidget       *grid);

G_END_DECLS
