/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-day.h: study days (which start at a configurable hour) and the injectable clock. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FLASH_CLOCK_ERROR (flash_clock_error_quark ())

typedef enum
{
  FLASH_CLOCK_ERROR_INVALID,
} FlashClockError;

/* A study day is a GDate Julian day number. */
typedef gint32 FlashDay;

GQuark     flash_clock_error_quark (void);

FlashDay   flash_day_for_time      (GDateTime  *time,
                                    int         day_start_hour);
char      *flash_day_to_iso        (FlashDay    day);
GDateTime *flash_day_start_time    (FlashDay    day,
                                    int         day_start_hour);

GDateTime *flash_clock_parse       (const char  *iso8601,
                                    GError     **error);
GDateTime *flash_clock_now         (GError     **error);
/* flash_clock_now() where a bad FLASHSHEET_NOW cannot be reported: the system clock then. */
GDateTime *flash_clock_now_or_system (void);
void       flash_clock_set_override (GDateTime  *now);

G_END_DECLS
