/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-interview.c: cramming and mock interviews: drawing (seeded, balanced, weakest more often),
 * scoring, resuming, and a schedule and review log they leave alone. */
#include "flash-test-util.h"
#include "flash-test-collection.h"
#include "flash-test-store.h"

#include "flash-interview.h"

typedef FlashTestStore Fixture;

/* U+203A, the breadcrumb separator. */
#define SEP " \xe2\x80\xba "

static const char sheet[] =
  "# Deck\n\n## Strings\n\n### Split\n\nCut at a separator.\n\n### Join\n\nGlue with one.\n\n"
  "### Strip\n\nTrim the ends.\n\n"
  "## Numbers\n\n### Round\n\nTo the nearest.\n\n### Floor\n\nDown.\n\n"
  "#### Negative floor\n\nTowards minus infinity.\n";

static void
import_sheet (Fixture *fx)
{
  g_autofree char *path = flash_test_store_write (fx, "deck.md", sheet);

  flash_test_store_import (fx, path, NULL);
}

/* The same candidates and seed give the same questions; the topics share the questions while
 * they have cards; a card of weight 5 comes first about five times as often as one of weight 1. */
static void
test_draw (void)
{
  FlashInterviewCandidate candidates[12];
  guint heavy_first = 0;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    candidates[i] = (FlashInterviewCandidate) { i + 1, i < 10 ? 1u : 2u, 1.0 };
  for (guint32 seed = 1; seed <= 20; seed++)
    {
      g_autoptr(GArray) a = flash_interview_draw (candidates, 12, 2, 4, seed);
      g_autoptr(GArray) b = flash_interview_draw (candidates, 12, 2, 4, seed);
      guint second_topic = 0;

      g_assert_cmpuint (a->len, ==, 4);
      g_assert_cmpmem (a->data, a->len * sizeof (guint), b->data, b->len * sizeof (guint));
      for (guint i = 0; i < a->len; i++)
        second_topic += g_array_index (a, guint, i) >= 10;
      g_assert_cmpuint (second_topic, ==, 2);
    }
  {
    g_autoptr(GArray) all = flash_interview_draw (candidates, 12, 2, 50, 7);

    g_assert_cmpuint (all->len, ==, 12);
  }

  /* One topic, ten cards, the first five times as weak; one question each time. */
  for (guint i = 0; i < 10; i++)
    candidates[i] = (FlashInterviewCandidate) { i + 1, 1u, i == 0 ? 5.0 : 1.0 };
  for (guint32 seed = 1; seed <= 2000; seed++)
    {
      g_autoptr(GArray) one = flash_interview_draw (candidates, 10, 1, 1, seed);

      heavy_first += g_array_index (one, guint, 0) == 0;
    }
  /* Expected 5/14 of 2000, about 714; one in ten, 200, without the weights. */
  g_assert_cmpuint (heavy_first, >, 600);
  g_assert_cmpuint (heavy_first, <, 830);
  g_assert_cmpfloat (flash_interview_weight (2, 2.5, FALSE), ==, 3.0);
  g_assert_cmpfloat (flash_interview_weight (0, 1.3, FALSE), >, 2.9);
  g_assert_cmpfloat (flash_interview_weight (0, 0, TRUE), ==, 1.0);
}

static void
test_credit (void)
{
  g_assert_cmpfloat (flash_interview_credit (FLASH_GRADE_EASY, FALSE), ==, 1.0);
  g_assert_cmpfloat (flash_interview_credit (FLASH_GRADE_GOOD, FALSE), ==, 1.0);
  g_assert_cmpfloat (flash_interview_credit (FLASH_GRADE_HARD, FALSE), ==, 0.5);
  g_assert_cmpfloat (flash_interview_credit (FLASH_GRADE_AGAIN, FALSE), ==, 0.0);
  g_assert_cmpfloat (flash_interview_credit (-1, FALSE), ==, 0.0);
  g_assert_cmpfloat (flash_interview_credit (FLASH_GRADE_EASY, TRUE), ==, 0.0);
}

/* What an interview or a cram must leave as it was. */
static char *
schedule_and_log (Fixture *fx)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log = flash_store_list_log (fx->store, 0, &error);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_string_append_printf (out, "log %u;", log->len);
  g_assert_cmpint (sqlite3_open_v2 (fx->db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT card_id, reps, ef, interval, due_day, lapses "
                                           "FROM schedule ORDER BY card_id", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    for (int c = 0; c < 6; c++)
      g_string_append_printf (out, "%s%s", sqlite3_column_text (stmt, c), c == 5 ? ";" : ",");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static FlashInterviewPlan
plan_of (GPtrArray *topics,
         guint      n,
         guint32    seed)
{
  FlashInterviewPlan plan = { topics, n, 600, 0, seed };

  return plan;
}

/* Two topics, four questions: drawn the same way again by the seed, a card in both topics counts
 * in each line and once in the total; answers replace one another; the last one finishes it. */
static void
test_interview (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(FlashInterview) again = NULL;
  g_autoptr(FlashInterview) done = NULL;
  g_autoptr(GArray) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  FlashInterviewPlan plan;
  gint64 deck_id;
  gint64 id;
  gint64 id2;
  const FlashInterviewLine *total;
  const FlashInterviewLine *weakest;

  import_sheet (fx);
  deck_id = flash_store_find_deck (fx->store, "Deck", NULL);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Round"), 4);
  before = schedule_and_log (fx);
  g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_SECTION, deck_id, "Deck" SEP "Strings"));
  g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_TAG, deck_id, "numbers"));
  plan = plan_of (topics, 4, 42);
  id = flash_store_interview_start (fx->store, &plan, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  id2 = flash_store_interview_start (fx->store, &plan, fx->now, &error);
  interview = flash_store_interview_get (fx->store, id, &error);
  again = flash_store_interview_get (fx->store, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (interview->questions->len, ==, 4);
  g_assert_cmpuint (interview->total_seconds, ==, 600);
  for (guint i = 0; i < 4; i++)
    {
      FlashInterviewQuestion *q = g_ptr_array_index (interview->questions, i);
      FlashInterviewQuestion *r = g_ptr_array_index (again->questions, i);

      g_assert_cmpint (q->card_id, ==, r->card_id);
      g_assert_cmpint (q->grade, ==, -1);
    }
  g_assert_cmpint (flash_store_interview_unfinished (fx->store), ==, id2);

  /* A card that is not a question, an interview that does not exist: refused. */
  g_assert_false (flash_store_interview_answer (fx->store, id, 999, 4, FALSE, 1000, NULL, 0,
                                                fx->now, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (flash_store_interview_answer (fx->store, id + 100, 1, 4, FALSE, 1000, NULL, 0,
                                                fx->now, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Again, Hard, Good (first Again, then replaced), out of time. */
  {
    const int grades[] = { FLASH_GRADE_AGAIN, FLASH_GRADE_HARD, FLASH_GRADE_GOOD, -1 };

    for (guint i = 0; i < 4; i++)
      {
        FlashInterviewQuestion *q = g_ptr_array_index (interview->questions, i);

        if (i == 2)
          g_assert_true (flash_store_interview_answer (fx->store, id, q->card_id, 1, FALSE, 500,
                                                       NULL, 1000, fx->now, NULL));
        g_assert_true (flash_store_interview_answer (fx->store, id, q->card_id, grades[i],
                                                     grades[i] < 0, 1000 * (i + 1),
                                                     i == 0 ? "forgot the separator" : NULL,
                                                     5000, fx->now, &error));
        g_assert_no_error (error);
      }
  }
  done = flash_store_interview_get (fx->store, id, &error);
  g_assert_cmpint (done->finished, >, 0);
  g_assert_cmpint (done->elapsed_ms, ==, 5000);
  g_assert_cmpstr (((FlashInterviewQuestion *) done->questions->pdata[0])->note, ==,
                   "forgot the separator");
  report = flash_interview_report (done);
  total = &g_array_index (report, FlashInterviewLine, 0);
  g_assert_null (total->topic);
  g_assert_cmpuint (total->questions, ==, 4);
  g_assert_cmpuint (total->answered, ==, 3);
  g_assert_cmpfloat_with_epsilon (total->score, 37.5, 1e-9);
  g_assert_cmpint (total->median_ms, ==, 2000);
  g_assert_cmpuint (report->len, ==, 3);
  weakest = &g_array_index (report, FlashInterviewLine, 1);
  g_assert_cmpfloat (weakest->score, <=, g_array_index (report, FlashInterviewLine, 2).score);

  /* Neither the schedule nor the review log saw any of it. */
  after = schedule_and_log (fx);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (flash_store_interview_discard (fx->store, id2, NULL));
  g_assert_cmpint (flash_store_interview_unfinished (fx->store), ==, 0);
}

/* A plan without topics or cards is refused, and nothing is written. */
static void
test_interview_refused (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  FlashInterviewPlan plan;

  import_sheet (fx);
  plan = plan_of (topics, 4, 1);
  g_assert_cmpint (flash_store_interview_start (fx->store, &plan, fx->now, &error), ==, 0);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_TAG, 0, "no-such-tag"));
  g_assert_cmpint (flash_store_interview_start (fx->store, &plan, fx->now, &error), ==, 0);
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = flash_store_interview_list (fx->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* Only the missed cards' reviews move to today, and only when asked. */
static void
test_review_missed (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  g_autoptr(FlashInterview) interview = NULL;
  g_autoptr(GDateTime) later = g_date_time_add_days (fx->now, 1);
  g_autoptr(GError) error = NULL;
  FlashInterviewPlan plan;
  FlashDay today = flash_store_day_for (fx->store, fx->now);
  gint64 split = 0;
  gint64 join = 0;
  guint moved = 0;
  gint64 id;

  import_sheet (fx);
  split = flash_test_store_card_id (fx, "Split");
  join = flash_test_store_card_id (fx, "Join");
  flash_test_store_grade (fx, split, 5);
  flash_test_store_grade (fx, join, 5);
  g_ptr_array_add (topics, flash_topic_new (FLASH_TOPIC_SECTION,
                                            flash_store_find_deck (fx->store, "Deck", NULL),
                                            "Deck" SEP "Strings"));
  plan = plan_of (topics, 3, 9);
  id = flash_store_interview_start (fx->store, &plan, later, NULL);
  g_assert_true (flash_store_interview_answer (fx->store, id, split, FLASH_GRADE_AGAIN, FALSE,
                                               100, NULL, 100, later, NULL));
  g_assert_true (flash_store_interview_answer (fx->store, id, join, FLASH_GRADE_EASY, FALSE, 100,
                                               NULL, 200, later, NULL));
  g_assert_false (flash_store_interview_review_missed (fx->store, id, fx->now, &moved, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (flash_store_interview_finish (fx->store, id, later, NULL));
  interview = flash_store_interview_get (fx->store, id, NULL);
  g_assert_cmpint (interview->finished, >, 0);
  g_assert_true (flash_store_interview_review_missed (fx->store, id, fx->now, &moved, NULL));
  g_assert_cmpuint (moved, ==, 1);
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT due_day FROM schedule WHERE card_id = "
                                       "(SELECT id FROM cards WHERE question = 'Split')"), ==,
                   today);
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT due_day FROM schedule WHERE card_id = "
                                       "(SELECT id FROM cards WHERE question = 'Join')"), >,
                   today);
}

/* Cram: a seeded shuffle or weakest first, of any search; answers go to the cram log alone. */
static void
test_cram (Fixture       *fx,
           gconstpointer  data)
{
  FlashCardSearch search = { 0 };
  g_autoptr(GArray) a = NULL;
  g_autoptr(GArray) b = NULL;
  g_autoptr(GArray) weakest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 floor_id;

  import_sheet (fx);
  floor_id = flash_test_store_card_id (fx, "Floor");
  flash_test_store_grade (fx, floor_id, 1);
  flash_test_store_grade (fx, flash_test_store_card_id (fx, "Join"), 3);
  before = schedule_and_log (fx);
  a = flash_store_cram_queue (fx->store, &search, FLASH_CRAM_RANDOM, 5, 0, fx->now, &error);
  b = flash_store_cram_queue (fx->store, &search, FLASH_CRAM_RANDOM, 5, 0, fx->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 6);
  g_assert_cmpmem (a->data, a->len * sizeof (gint64), b->data, b->len * sizeof (gint64));
  weakest = flash_store_cram_queue (fx->store, &search, FLASH_CRAM_WEAKEST, 0, 2, fx->now, &error);
  g_assert_cmpuint (weakest->len, ==, 2);
  /* Floor, graded 1, has the lowest ease; Join, graded 3, the next. */
  g_assert_cmpint (g_array_index (weakest, gint64, 0), ==, floor_id);
  g_assert_cmpint (g_array_index (weakest, gint64, 1), ==, flash_test_store_card_id (fx, "Join"));
  g_assert_true (flash_store_cram_order (fx->store, a, FLASH_CRAM_WEAKEST, 0, &error));
  g_assert_cmpint (g_array_index (a, gint64, 0), ==, floor_id);

  g_assert_true (flash_store_record_cram (fx->store, floor_id, 4, fx->now, 1200, &error));
  g_assert_false (flash_store_record_cram (fx->store, 999, 4, fx->now, 0, &error));
  g_assert_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (flash_test_raw_int (fx->db_path, "SELECT COUNT(*) FROM cram_log"), ==, 1);
  after = schedule_and_log (fx);
  g_assert_cmpstr (after, ==, before);
}

int
main (int    argc,
      char **argv)
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/interview/draw", test_draw);
  g_test_add_func ("/interview/credit", test_credit);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, flash_test_store_set_up, func, flash_test_store_tear_down)
  ADD ("/interview/session", test_interview);
  ADD ("/interview/refused", test_interview_refused);
  ADD ("/interview/review-missed", test_review_missed);
  ADD ("/interview/cram", test_cram);
#undef ADD

  return g_test_run ();
}
