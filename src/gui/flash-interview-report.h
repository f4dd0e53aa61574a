/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview-report.h: an interview's report: its score, each topic's line weakest first,
 * the missed questions with their answers and notes, and the interviews before it. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_INTERVIEW_REPORT (flash_interview_report_get_type ())
G_DECLARE_FINAL_TYPE (FlashInterviewReport, flash_interview_report, FLASH, INTERVIEW_REPORT,
                      AdwBin)

/* Its buttons activate the window's win.cram-missed and win.review-missed with the interview's
 * id, and a past interview's row win.show-interview-report with that one's. */
GtkWidget *flash_interview_report_new        (void);
gboolean   flash_interview_report_show       (FlashInterviewReport *self,
                                              FlashStore           *store,
                                              gint64                id,
                                              GError              **error);
gint64     flash_interview_report_get_id     (FlashInterviewReport *self);
/* The missed questions' cards (Again, out of time or unanswered), in the order asked. */
GArray    *flash_interview_report_get_missed (FlashInterviewReport *self);

/* When an interview started, in local time: "3 December 2026, 14:05". */
char      *flash_interview_report_format_day (gint64             unix_time);

/* What the widget tests look at. */
const char *flash_interview_report_get_score (FlashInterviewReport *self);
guint      flash_interview_report_get_n_rows (FlashInterviewReport *self,
                                              const char           *group);

G_END_DECLS
