/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-study.h: what the study page tests share (tests/gui/flash-test-study.c). */
#pragma once

#include <gtk/gtk.h>

#include "flash-study-page.h"

/* A fixed instant, so that "tomorrow" and the intervals do not depend on the day the test runs. */
#define TEST_NOW "2026-11-21T10:00:00"

/* The deck every fixture holds: five cards, "Alpha question" to "Echo question". */
extern const char        flash_test_study_sheet[];
extern const char *const question_names[5];

typedef struct
{
  char           *dir;
  FlashStore     *store;
  gint64          deck_id;
  GtkWindow      *window;
  FlashStudyPage *page;
  guint           changed;
  char           *last_toast; /* what the page last asked the window to say (win.show-toast) */
} Fixture;

void                   flash_test_study_set_up    (Fixture         *fixture,
                                                   gconstpointer    data);
void                   flash_test_study_tear_down (Fixture         *fixture,
                                                   gconstpointer    data);

/* Runs the main loop until nothing is pending. */
void                   iterate                    (void);
gboolean               label_mapped_with_text     (GtkWidget       *widget,
                                                   const char      *needle);
/* Which of the test questions is on screen, as an index into question_names, or -1. */
int                    shown_question             (Fixture         *fixture);
gboolean               answer_shown               (Fixture         *fixture,
                                                   int              question);
/* The grade buttons on screen, in order. */
GPtrArray             *grade_buttons              (Fixture         *fixture);
GtkShortcutController *window_shortcuts           (Fixture         *fixture);
/* Presses a key through the page's window-wide shortcuts, as GTK does for a key event. */
gboolean               press_key                  (Fixture         *fixture,
                                                   guint            keyval,
                                                   GdkModifierType  modifiers);
void                   activate                   (Fixture         *fixture,
                                                   const char      *action,
                                                   GVariant        *parameter);
/* Starts studying the fixture's deck. */
void                   start                      (Fixture         *fixture);
