/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-day.c: study days roll over at the configured hour, in local time, in any time zone. */
#include "flash-day.h"

#include <stdlib.h>

static FlashDay
day_of (const char *iso,
        int         start_hour)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) time = flash_clock_parse (iso, &error);

  g_assert_no_error (error);
  return flash_day_for_time (time, start_hour);
}

static void
set_tz (const char *tz)
{
  g_setenv ("TZ", tz, TRUE);
  tzset ();
}

static void
test_rollover_hour (void)
{
  FlashDay evening;

  set_tz ("UTC");
  evening = day_of ("2026-11-20T22:00:00", 4);
  /* 03:59 the next morning is still the evening's study day; 04:00 starts the next one. */
  g_assert_cmpint (day_of ("2026-11-21T03:59:59", 4), ==, evening);
  g_assert_cmpint (day_of ("2026-11-21T04:00:00", 4), ==, evening + 1);
  /* With days starting at midnight, 00:30 is already the next day. */
  g_assert_cmpint (day_of ("2026-11-21T00:30:00", 0), ==, evening + 1);
  g_assert_cmpint (day_of ("2026-11-20T23:59:59", 0), ==, evening);
}

static void
test_iso_round_trip (void)
{
  g_autofree char *iso = NULL;

  set_tz ("UTC");
  iso = flash_day_to_iso (day_of ("2026-11-21T12:00:00", 4));
  g_assert_cmpstr (iso, ==, "2026-11-21");
  g_free (iso);
  iso = flash_day_to_iso (day_of ("2026-01-01T02:00:00", 4));
  g_assert_cmpstr (iso, ==, "2025-12-31");
}

/* The same instant falls on different study days in different zones: days are local. */
static void
test_time_zones (void)
{
  const char *instant = "2026-11-21T02:30:00Z";
  FlashDay utc;
  FlashDay tokyo;
  FlashDay new_york;

  set_tz ("UTC");
  utc = day_of (instant, 0);
  set_tz ("Asia/Tokyo");
  tokyo = day_of (instant, 0);   /* 11:30 on the 21st */
  set_tz ("America/New_York");
  new_york = day_of (instant, 0); /* 21:30 on the 20th */
  set_tz ("UTC");

  g_assert_cmpint (tokyo, ==, utc);
  g_assert_cmpint (new_york, ==, utc - 1);
  /* In Tokyo with a 04:00 start, 11:30 is well inside the 21st's day. */
  set_tz ("Asia/Tokyo");
  g_assert_cmpint (day_of (instant, 4), ==, utc);
  set_tz ("UTC");
}

/* Across a daylight-saving change the study day still advances by exactly one. */
static void
test_dst (void)
{
  set_tz ("Europe/Berlin");
  g_assert_cmpint (day_of ("2026-03-29T12:00:00", 4) - day_of ("2026-03-28T12:00:00", 4), ==, 1);
  g_assert_cmpint (day_of ("2026-10-25T03:30:00", 4) - day_of ("2026-10-24T12:00:00", 4), ==, 0);
  g_assert_cmpint (day_of ("2026-10-25T04:30:00", 4) - day_of ("2026-10-24T12:00:00", 4), ==, 1);
  set_tz ("UTC");
}

static void
test_clock_override (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) fixed = NULL;

  set_tz ("UTC");
  g_setenv ("FLASHSHEET_NOW", "2026-05-01T10:00:00Z", TRUE);
  now = flash_clock_now (&error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (now), ==, 1777629600);
  g_clear_pointer (&now, g_date_time_unref);

  fixed = flash_clock_parse ("2027-01-02", &error);
  g_assert_no_error (error);
  flash_clock_set_override (fixed);
  now = flash_clock_now (&error);
  g_assert_true (g_date_time_equal (now, fixed));
  flash_clock_set_override (NULL);
  g_clear_pointer (&now, g_date_time_unref);

  g_setenv ("FLASHSHEET_NOW", "yesterday", TRUE);
  now = flash_clock_now (&error);
  g_assert_null (now);
  g_assert_error (error, FLASH_CLOCK_ERROR, FLASH_CLOCK_ERROR_INVALID);
  g_unsetenv ("FLASHSHEET_NOW");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/day/rollover-hour", test_rollover_hour);
  g_test_add_func ("/day/iso", test_iso_round_trip);
  g_test_add_func ("/day/time-zones", test_time_zones);
  g_test_add_func ("/day/dst", test_dst);
  g_test_add_func ("/day/clock-override", test_clock_override);

  return g_test_run ();
}
