/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-done.c: what the study page says when its queue is done (docs/scheduling.md,
 * "Choosing what to study"). */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-study-done.h"

/* What this session did: cards, minutes, the share recalled (a grade of 3 or more). */
static char *
session_summary (const FlashStudyDone *done)
{
  guint recalled = 0;
  guint n = done->session->len;
  int minutes = (int) ((g_get_monotonic_time () - done->session_usec) / G_USEC_PER_SEC + 30) / 60;
  g_autofree char *cards = NULL;
  g_autofree char *time = NULL;

  if (n == 0)
    return NULL;
  for (guint i = 0; i < n; i++)
    recalled += g_array_index (done->session, int, i) >= 3;
  cards = g_strdup_printf (ngettext ("%u card", "%u cards", n), n);
  time = minutes < 1 ? g_strdup (_("under a minute"))
                     : g_strdup_printf (ngettext ("%d minute", "%d minutes", minutes), minutes);
  /* Translators: the session summary on the done page: "12 cards in 8 minutes, 83 % recalled". */
  return g_strdup_printf (_("%s in %s, %u %% recalled"), cards, time,
                          (recalled * 100 + n / 2) / n);
}

/* When the next review of the scope's cards is. */
static char *
next_review (FlashStore            *store,
             const FlashStudyScope *scope,
             GDateTime             *now)
{
  g_autoptr(GError) error = NULL;
  FlashDay today = flash_store_day_for (store, now);
  FlashDay next = flash_store_scope_next_due_day (store, scope, now, &error);

  if (error != NULL)
    return g_strdup (error->message);
  if (next == 0)
    return g_strdup (_("No more cards are scheduled"));
  if (next - today <= 1)
    return g_strdup (_("Next review tomorrow"));
  return g_strdup_printf (ngettext ("Next review in %d day", "Next review in %d days",
                                    next - today),
                          next - today);
}

void
flash_study_done_show (AdwStatusPage         *page,
                       FlashStore            *store,
                       const FlashStudyScope *scope,
                       FlashStudyDone        *done)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autofree char *description = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GArray) ahead = NULL;
  gint64 has_new = 0;

  done->more_new = FALSE;
  done->can_ahead = FALSE;
  /* The same page says when the queue could not be read, since the card it would show is gone. */
  if (done->load_error != NULL)
    {
      adw_status_page_set_icon_name (page, "dialog-warning-symbolic");
      adw_status_page_set_title (page, _("Cannot Load Today’s Cards"));
      adw_status_page_set_description (page, done->load_error);
      return;
    }

  adw_status_page_set_icon_name (page, "emblem-ok-symbolic");
  adw_status_page_set_title (page, done->cramming ? _("Cram Done") : _("All Done for Today"));
  if (done->cramming)
    {
      summary = session_summary (done);
      adw_status_page_set_description (page, summary != NULL ? summary
                                                             : _("There was nothing to cram"));
      return;
    }
  if (store == NULL)
    {
      adw_status_page_set_description (page, NULL);
      return;
    }

  description = next_review (store, scope, now);
  summary = session_summary (done);
  if (summary != NULL)
    {
      char *both = g_strconcat (summary, "\n", description, NULL);

      g_free (description);
      description = both;
    }
  adw_status_page_set_description (page, description);

  /* Study More adds new cards to the day: offered while the scope has some left. */
  done->more_new = flash_store_scope_has_new (store, scope, &has_new, NULL) && has_new > 0;
  ahead = flash_store_ahead_queue (store, scope, now, done->ahead_days, 1, NULL);
  done->can_ahead = ahead != NULL && ahead->len > 0;
}
