/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stop-flag.c: see flash-stop-flag.h. */
#include "config.h"

#include "flash-stop-flag.h"

static void
cancelled_cb (GCancellable  *cancellable,
              FlashStopFlag *flag)
{
  g_atomic_int_set (&flag->stop, 1);
}

void
flash_stop_flag_init (FlashStopFlag *flag,
                      GCancellable  *cancellable)
{
  flag->stop = 0;
  flag->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  /* Connecting to a cancellable already cancelled calls back at once. */
  flag->cancelled_id = cancellable != NULL
                       ? g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), flag,
                                                NULL)
                       : 0;
}

void
flash_stop_flag_clear (FlashStopFlag *flag)
{
  if (flag->cancellable == NULL)
    return;
  g_cancellable_disconnect (flag->cancellable, flag->cancelled_id);
  g_clear_object (&flag->cancellable);
}
