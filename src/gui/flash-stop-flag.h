/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stop-flag.h: a GCancellable seen as the flag SQLite reads (flash_store_*_cancellable()):
 * the worker threads' searches and imports stop as soon as their cancellable is cancelled. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct
{
  gint          stop;         /* set on "cancelled"; read with g_atomic_int_get () */
  GCancellable *cancellable;  /* or NULL */
  gulong        cancelled_id;
} FlashStopFlag;

/* Follows @cancellable (may be NULL) until flash_stop_flag_clear(); @flag must not move. */
void flash_stop_flag_init  (FlashStopFlag *flag,
                            GCancellable  *cancellable);
void flash_stop_flag_clear (FlashStopFlag *flag);

G_END_DECLS
