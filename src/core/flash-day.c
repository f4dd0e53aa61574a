/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-day.c: study days in local time and a clock that tests and the CLI can set. */
#include "flash-day.h"

G_DEFINE_QUARK (flash-clock-error-quark, flash_clock_error)

static GDateTime *clock_override;

/* A study day runs from day_start_hour local time to the same hour the next day, so a late-night
 * session after midnight still counts for the evening's day. It is decided on the wall clock, so
 * a daylight-saving change does not move the boundary. */
FlashDay
flash_day_for_time (GDateTime *time,
                    int        day_start_hour)
{
  g_autoptr(GDateTime) local = NULL;
  GDate date;

  g_return_val_if_fail (time != NULL, 0);
  g_return_val_if_fail (day_start_hour >= 0 && day_start_hour <= 23, 0);

  local = g_date_time_to_local (time);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
  if (g_date_time_get_hour (local) < day_start_hour)
    g_date_subtract_days (&date, 1);
  return (FlashDay) g_date_get_julian (&date);
}

char *
flash_day_to_iso (FlashDay day)
{
  GDate date;

  if (day <= 0)
    return g_strdup ("-");

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  return g_strdup_printf ("%04d-%02d-%02d",
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date));
}

GDateTime *
flash_day_start_time (FlashDay day,
                      int      day_start_hour)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_local ();
  GDate date;

  g_return_val_if_fail (day > 0, NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  return g_date_time_new (tz,
                          g_date_get_year (&date),
                          g_date_get_month (&date),
                          g_date_get_day (&date),
                          day_start_hour, 0, 0);
}

GDateTime *
flash_clock_parse (const char  *iso8601,
                   GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;
  GDateTime *time;

  g_return_val_if_fail (iso8601 != NULL, NULL);

  /* A time without a zone is local time, as a person typing --now means it. */
  tz = g_time_zone_new_local ();
  time = g_date_time_new_from_iso8601 (iso8601, tz);
  if (time == NULL)
    {
      /* A bare date means noon that day, well inside its study day whatever hour days start. */
      g_autofree char *with_time = g_strconcat (iso8601, "T12:00:00", NULL);

      time = g_date_time_new_from_iso8601 (with_time, tz);
    }
  if (time == NULL)
    g_set_error (error, FLASH_CLOCK_ERROR, FLASH_CLOCK_ERROR_INVALID,
                 "“%s” is not an ISO 8601 date and time (e.g. 2026-11-21T09:30:00)", iso8601);
  return time;
}

void
flash_clock_set_override (GDateTime *now)
{
  g_clear_pointer (&clock_override, g_date_time_unref);
  if (now != NULL)
    clock_override = g_date_time_ref (now);
}

GDateTime *
flash_clock_now (GError **error)
{
  const char *env;

  if (clock_override != NULL)
    return g_date_time_ref (clock_override);

  env = g_getenv ("FLASHSHEET_NOW");
  if (env != NULL && *env != '\0')
    return flash_clock_parse (env, error);

  return g_date_time_new_now_local ();
}

GDateTime *
flash_clock_now_or_system (void)
{
  g_autoptr(GError) error = NULL;
  GDateTime *now = flash_clock_now (&error);

  /* A malformed FLASHSHEET_NOW is a developer's typo; the real time is the useful answer. */
  if (now == NULL)
    {
      g_message ("Ignoring FLASHSHEET_NOW: %s", error->message);
      now = g_date_time_new_now_local ();
    }
  return now;
}
