/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-done.h: the study page's done state: the session's summary, when the next review
 * is, and whether Study More and Review Ahead have anything to offer. */
#pragma once

#include <adwaita.h>

#include "flash-store.h"

G_BEGIN_DECLS

typedef struct
{
  /* In: */
  const GArray *session;      /* int grades of the session */
  gint64        session_usec; /* monotonic time the session started */
  const char   *load_error;   /* why the queue could not be read, or NULL */
  guint         ahead_days;   /* how far Review Ahead looks */
  gboolean      cramming;     /* the session crammed: nothing scheduled, nothing more to offer */
  /* Out: */
  gboolean      more_new;     /* the scope's decks have new cards beyond today's limit */
  gboolean      can_ahead;    /* reviews are due within ahead_days */
} FlashStudyDone;

/* Fills @page for the end of a session over @scope (@store may be NULL). */
void flash_study_done_show (AdwStatusPage         *page,
                            FlashStore            *store,
                            const FlashStudyScope *scope,
                            FlashStudyDone        *done);

G_END_DECLS
