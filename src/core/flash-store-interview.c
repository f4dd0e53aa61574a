/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-interview.c: mock interviews kept in the collection (schema 8): drawing their
 * questions from the cards, their answers, resuming, and the one way they touch the schedule
 * (docs/interview.md). */
#include "flash-interview.h"
#include "flash-store-private.h"

/* The cards a topic holds: studied ones (neither retired, deleted nor suspended), with what makes
 * them weak. ?1 the deck (0: every deck), ?2 the breadcrumb or the tag. */
static const char *const topic_sql[] = {
  [FLASH_TOPIC_DECK] = "SELECT c.id, coalesce (s.lapses, 0), coalesce (s.ef, 0), c.is_new FROM "
                       "cards c LEFT JOIN schedule s ON s.card_id = c.id WHERE c.deck_id = ?1 "
                       "AND c.retired = 0 AND c.deleted = 0 AND c.suspended = 0",
  [FLASH_TOPIC_SECTION] = "SELECT c.id, coalesce (s.lapses, 0), coalesce (s.ef, 0), c.is_new FROM "
                          "cards c LEFT JOIN schedule s ON s.card_id = c.id WHERE c.deck_id = ?1 "
                          "AND (c.context = ?2 OR substr (c.context, 1, length (?2) + 3) = ?2 || "
                          "' › ') AND c.retired = 0 AND c.deleted = 0 AND c.suspended = 0",
  [FLASH_TOPIC_TAG] = "SELECT c.id, coalesce (s.lapses, 0), coalesce (s.ef, 0), c.is_new FROM "
                      "cards c LEFT JOIN schedule s ON s.card_id = c.id WHERE (?1 = 0 OR "
                      "c.deck_id = ?1) AND instr (' ' || c.tags || ' ', ' ' || ?2 || ' ') > 0 "
                      "AND c.retired = 0 AND c.deleted = 0 AND c.suspended = 0",
};

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const FlashInterviewCandidate *x = a;
  const FlashInterviewCandidate *y = b;

  return x->card_id < y->card_id ? -1 : x->card_id > y->card_id;
}

/* Every card of the plan's topics once, with the topics it is in, by card id. */
static GArray *
read_candidates (FlashStore                *self,
                 const FlashInterviewPlan  *plan,
                 GError                   **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (FlashInterviewCandidate));

  for (guint t = 0; t < plan->topics->len; t++)
    {
      const FlashTopic *topic = g_ptr_array_index (plan->topics, t);
      sqlite3_stmt *stmt = flash_store_prepare (self, topic_sql[topic->kind], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, topic->deck_id);
      sqlite3_bind_text (stmt, 2, topic->value, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          gpointer at = NULL;

          if (g_hash_table_lookup_extended (seen, &id, NULL, &at))
            {
              g_array_index (candidates, FlashInterviewCandidate,
                             GPOINTER_TO_UINT (at)).topics |= 1u << t;
              continue;
            }
          {
            FlashInterviewCandidate candidate = {
              id, 1u << t,
              flash_interview_weight (sqlite3_column_int64 (stmt, 1),
                                      sqlite3_column_double (stmt, 2),
                                      sqlite3_column_int (stmt, 3) != 0),
            };

            g_array_append_val (candidates, candidate);
            g_hash_table_insert (seen, g_memdup2 (&id, sizeof id),
                                 GUINT_TO_POINTER (candidates->len - 1));
          }
        }
      sqlite3_clear_bindings (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          flash_store_set_error (self, rc, error);
          return NULL;
        }
    }
  g_array_sort (candidates, compare_candidates);
  return g_steal_pointer (&candidates);
}

static gboolean
check_plan (const FlashInterviewPlan  *plan,
            GError                   **error)
{
  if (plan->topics == NULL || plan->topics->len == 0
      || plan->topics->len > FLASH_INTERVIEW_MAX_TOPICS)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "an interview takes from 1 to %d topics", FLASH_INTERVIEW_MAX_TOPICS);
      return FALSE;
    }
  if (plan->n_questions == 0 || plan->n_questions > FLASH_INTERVIEW_MAX_QUESTIONS)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "an interview asks from 1 to %d questions", FLASH_INTERVIEW_MAX_QUESTIONS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
insert_rows (FlashStore                     *self,
             gint64                          id,
             const FlashInterviewPlan       *plan,
             const FlashInterviewCandidate  *candidates,
             const GArray                   *chosen,
             GError                        **error)
{
  sqlite3_stmt *stmt;

  stmt = flash_store_prepare (self, "INSERT INTO interview_topics (interview_id, position, kind, "
                                    "deck_id, value) VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint t = 0; t < plan->topics->len; t++)
    {
      const FlashTopic *topic = g_ptr_array_index (plan->topics, t);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) t);
      sqlite3_bind_int (stmt, 3, topic->kind);
      sqlite3_bind_int64 (stmt, 4, topic->deck_id);
      sqlite3_bind_text (stmt, 5, topic->value, -1, SQLITE_STATIC);
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
    }
  stmt = flash_store_prepare (self, "INSERT INTO interview_questions (interview_id, position, "
                                    "card_id, topics) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < chosen->len; i++)
    {
      const FlashInterviewCandidate *candidate = &candidates[g_array_index (chosen, guint, i)];

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, candidate->card_id);
      sqlite3_bind_int64 (stmt, 4, candidate->topics);
      if (!flash_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gint64
flash_store_interview_start (FlashStore                *self,
                             const FlashInterviewPlan  *plan,
                             GDateTime                 *now,
                             GError                   **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) chosen = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (plan != NULL, 0);
  g_return_val_if_fail (now != NULL, 0);

  if (!check_plan (plan, error) || !flash_store_begin (self, error))
    return 0;
  candidates = read_candidates (self, plan, error);
  if (candidates == NULL)
    {
      flash_store_rollback (self);
      return 0;
    }
  if (candidates->len == 0)
    {
      flash_store_rollback (self);
      g_set_error_literal (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                           "the chosen topics hold no card to ask");
      return 0;
    }
  chosen = flash_interview_draw ((const FlashInterviewCandidate *) (void *) candidates->data,
                                 candidates->len, plan->topics->len, plan->n_questions,
                                 plan->seed);
  stmt = flash_store_prepare (self, "INSERT INTO interviews (started, seed, total_seconds, "
                                    "question_seconds) VALUES (?1, ?2, ?3, ?4)", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, g_date_time_to_unix (now));
      sqlite3_bind_int64 (stmt, 2, plan->seed);
      sqlite3_bind_int64 (stmt, 3, plan->total_seconds);
      sqlite3_bind_int64 (stmt, 4, plan->question_seconds);
    }
  if (stmt == NULL || !flash_store_step_done (self, stmt, error))
    {
      flash_store_rollback (self);
      return 0;
    }
  id = sqlite3_last_insert_rowid (self->db);
  if (!insert_rows (self, id, plan, (const FlashInterviewCandidate *) (void *) candidates->data,
                    chosen, error)
      || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return 0;
    }
  return id;
}

static gboolean
read_topics (FlashStore      *self,
             FlashInterview  *interview,
             GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT kind, deck_id, value FROM interview_topics WHERE "
                                    "interview_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interview->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (interview->topics,
                     flash_topic_new ((FlashTopicKind) sqlite3_column_int (stmt, 0),
                                      sqlite3_column_int64 (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

static gboolean
read_questions (FlashStore      *self,
                FlashInterview  *interview,
                GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = flash_store_prepare (self, "SELECT position, card_id, topics, coalesce (grade, -1), "
                                    "timed_out, answer_ms, note FROM interview_questions WHERE "
                                    "interview_id = ?1 ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, interview->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FlashInterviewQuestion *question = g_new0 (FlashInterviewQuestion, 1);

      question->position = (guint) sqlite3_column_int (stmt, 0);
      question->card_id = sqlite3_column_int64 (stmt, 1);
      question->topics = (guint32) sqlite3_column_int64 (stmt, 2);
      question->grade = sqlite3_column_int (stmt, 3);
      question->timed_out = sqlite3_column_int (stmt, 4) != 0;
      question->answer_ms = sqlite3_column_int (stmt, 5);
      question->note = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (interview->questions, question);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return flash_store_set_error (self, rc, error);
  return TRUE;
}

FlashInterview *
flash_store_interview_get (FlashStore  *self,
                           gint64       id,
                           GError     **error)
{
  g_autoptr(FlashInterview) interview = g_new0 (FlashInterview, 1);
  sqlite3_stmt *stmt;
  gboolean began;
  gboolean ok;
  int rc;

  g_return_val_if_fail (self != NULL, NULL);

  interview->id = id;
  interview->topics = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_topic_free);
  interview->questions = g_ptr_array_new_with_free_func (
    (GDestroyNotify) flash_interview_question_free);
  stmt = flash_store_prepare (self, "SELECT started, coalesce (finished, 0), seed, total_seconds, "
                                    "question_seconds, elapsed_ms FROM interviews WHERE id = ?1",
                              error);
  if (stmt == NULL)
    return NULL;
  began = flash_store_read_begin (self);
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      interview->started = sqlite3_column_int64 (stmt, 0);
      interview->finished = sqlite3_column_int64 (stmt, 1);
      interview->seed = (guint32) sqlite3_column_int64 (stmt, 2);
      interview->total_seconds = (guint) sqlite3_column_int64 (stmt, 3);
      interview->question_seconds = (guint) sqlite3_column_int64 (stmt, 4);
      interview->elapsed_ms = sqlite3_column_int64 (stmt, 5);
    }
  sqlite3_reset (stmt);
  ok = rc == SQLITE_ROW && read_topics (self, interview, error)
       && read_questions (self, interview, error);
  flash_store_read_end (self, began);
  if (rc == SQLITE_DONE)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                 "no interview %" G_GINT64_FORMAT, id);
  else if (rc != SQLITE_ROW)
    flash_store_set_error (self, rc, error);
  return ok ? g_steal_pointer (&interview) : NULL;
}

/* Whether interview @id is in the collection (NOT_FOUND when not) and, with @must_be_over, over
 * (INVALID while it runs). */
static gboolean
check_interview (FlashStore  *self,
                 gint64       id,
                 gboolean     must_be_over,
                 GError     **error)
{
  sqlite3_stmt *stmt = flash_store_prepare (self, "SELECT CASE WHEN finished IS NULL THEN 1 ELSE "
                                                  "2 END FROM interviews WHERE id = ?1", error);
  gint64 state = 0;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!flash_store_query_int64 (self, stmt, 0, &state, error))
    return FALSE;
  if (state == 0)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                 "no interview %" G_GINT64_FORMAT, id);
  else if (state == 1 && must_be_over)
    g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                 "interview %" G_GINT64_FORMAT " is not over yet", id);
  return state == 2 || (state == 1 && !must_be_over);
}

static gboolean
write_answer (FlashStore  *self,
              gint64       id,
              gint64       card_id,
              int          grade,
              gboolean     timed_out,
              int          answer_ms,
              const char  *note,
              gint64       elapsed_ms,
              GDateTime   *now,
              GError     **error)
{
  sqlite3_stmt *stmt;

  if (!check_interview (self, id, FALSE, error))
    return FALSE;
  stmt = flash_store_prepare (self, "UPDATE interview_questions SET grade = ?3, timed_out = ?4, "
                                    "answer_ms = ?5, note = ?6 WHERE interview_id = ?1 AND "
                                    "card_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, card_id);
  if (grade >= 0)
    sqlite3_bind_int (stmt, 3, grade);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, timed_out ? 1 : 0);
  sqlite3_bind_int (stmt, 5, MAX (answer_ms, 0));
  if (note != NULL && *note != '\0')
    sqlite3_bind_text (stmt, 6, note, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 6);
  if (!flash_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_NOT_FOUND,
                   "card %" G_GINT64_FORMAT " is not a question of interview %" G_GINT64_FORMAT,
                   card_id, id);
      return FALSE;
    }
  /* The time spent so far, for a resume; done once nothing is left unanswered. */
  stmt = flash_store_prepare (self, "UPDATE interviews SET elapsed_ms = max (elapsed_ms, ?2), "
                                    "finished = CASE WHEN finished IS NULL AND NOT EXISTS (SELECT "
                                    "1 FROM interview_questions WHERE interview_id = ?1 AND grade "
                                    "IS NULL AND timed_out = 0) THEN ?3 ELSE finished END WHERE "
                                    "id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, MAX (elapsed_ms, 0));
  sqlite3_bind_int64 (stmt, 3, g_date_time_to_unix (now));
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_interview_answer (FlashStore  *self,
                              gint64       id,
                              gint64       card_id,
                              int          grade,
                              gboolean     timed_out,
                              int          answer_ms,
                              const char  *note,
                              gint64       elapsed_ms,
                              GDateTime   *now,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (grade > 5 || (grade < 0 && !timed_out))
    {
      g_set_error (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_INVALID,
                   "a grade is a number from 0 to 5, not %d", grade);
      return FALSE;
    }
  if (!flash_store_begin (self, error))
    return FALSE;
  if (!write_answer (self, id, card_id, timed_out ? -1 : grade, timed_out, answer_ms, note,
                     elapsed_ms, now, error)
      || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql (?1 the interview, ?2 now) in a transaction; NOT_FOUND without that interview. */
static gboolean
write_interview (FlashStore  *self,
                 const char  *sql,
                 gint64       id,
                 GDateTime   *now,
                 GError     **error)
{
  sqlite3_stmt *stmt;

  if (!flash_store_begin (self, error))
    return FALSE;
  if (!check_interview (self, id, FALSE, error)
      || (stmt = flash_store_prepare (self, sql, error)) == NULL)
    {
      flash_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, now != NULL ? g_date_time_to_unix (now) : 0);
  if (!flash_store_step_done (self, stmt, error) || !flash_store_commit (self, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
flash_store_interview_finish (FlashStore  *self,
                              gint64       id,
                              GDateTime   *now,
                              GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  return write_interview (self, "UPDATE interviews SET finished = ?2 WHERE id = ?1 AND finished "
                                "IS NULL", id, now, error);
}

gboolean
flash_store_interview_keep_time (FlashStore  *self,
                                 gint64       id,
                                 gint64       elapsed_ms,
                                 GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);

  /* One statement is its own transaction; an interview that is over keeps its time. */
  stmt = flash_store_prepare (self, "UPDATE interviews SET elapsed_ms = max (elapsed_ms, ?2) "
                                    "WHERE id = ?1 AND finished IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, MAX (elapsed_ms, 0));
  return flash_store_step_done (self, stmt, error);
}

gboolean
flash_store_interview_discard (FlashStore  *self,
                               gint64       id,
                               GError     **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return write_interview (self, "DELETE FROM interviews WHERE id = ?1", id, NULL, error);
}

gint64
flash_store_interview_unfinished (FlashStore *self)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (self != NULL, 0);

  stmt = flash_store_prepare (self, "SELECT max (id) FROM interviews WHERE finished IS NULL",
                              NULL);
  if (stmt == NULL || !flash_store_query_int64 (self, stmt, 0, &id, NULL))
    return 0;
  return id;
}

GPtrArray *
flash_store_interview_list (FlashStore  *self,
                            GError     **error)
{
  g_autoptr(GPtrArray) interviews = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NULL);

  stmt = flash_store_prepare (self, "SELECT id FROM interviews ORDER BY id DESC", error);
  if (stmt == NULL || !flash_store_collect_ids (self, stmt, ids, NULL, &n, error))
    return NULL;
  interviews = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_interview_free);
  for (guint i = 0; i < ids->len; i++)
    {
      FlashInterview *interview = flash_store_interview_get (self, g_array_index (ids, gint64, i),
                                                             error);

      if (interview == NULL)
        return NULL;
      g_ptr_array_add (interviews, interview);
    }
  return g_steal_pointer (&interviews);
}

gboolean
flash_store_interview_review_missed (FlashStore  *self,
                                     gint64       id,
                                     GDateTime   *now,
                                     guint       *moved,
                                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (now != NULL, FALSE);

  if (!flash_store_begin (self, error))
    return FALSE;
  /* Missed: Again, out of time or not answered (Hard is half answered, and stays as it is);
   * a question not asked yet is not missed before the interview is over. */
  if (!check_interview (self, id, TRUE, error)
      || (stmt = flash_store_prepare (self, "UPDATE schedule SET due_day = ?2 WHERE due_day > ?2 "
                                            "AND card_id IN (SELECT card_id FROM "
                                            "interview_questions WHERE interview_id = ?1 AND "
                                            "(grade IS NULL OR grade < 3 OR timed_out = 1))",
                                      error)) == NULL)
    {
      flash_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, flash_store_day_for (self, now));
  if (!flash_store_step_done (self, stmt, error))
    {
      flash_store_rollback (self);
      return FALSE;
    }
  if (moved != NULL)
    *moved = (guint) sqlite3_changes (self->db);
  return flash_store_commit (self, error);
}
