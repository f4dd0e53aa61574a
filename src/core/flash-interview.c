/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview.c: drawing an interview's questions and scoring its answers; nothing here reads
 * the collection (flash-store-interview.c does). */
#include "flash-interview.h"

#include <math.h>

FlashTopic *
flash_topic_new (FlashTopicKind  kind,
                 gint64          deck_id,
                 const char     *value)
{
  FlashTopic *topic = g_new0 (FlashTopic, 1);

  topic->kind = kind;
  topic->deck_id = deck_id;
  topic->value = g_strdup (value);
  return topic;
}

void
flash_topic_free (FlashTopic *topic)
{
  if (topic == NULL)
    return;
  g_free (topic->value);
  g_free (topic);
}

char *
flash_topic_label (const FlashTopic *topic)
{
  g_return_val_if_fail (topic != NULL, NULL);

  if (topic->kind == FLASH_TOPIC_TAG)
    return g_strconcat ("#", topic->value, NULL);
  return g_strdup (topic->value);
}

void
flash_interview_question_free (FlashInterviewQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->note);
  g_free (question);
}

void
flash_interview_free (FlashInterview *interview)
{
  if (interview == NULL)
    return;
  g_clear_pointer (&interview->topics, g_ptr_array_unref);
  g_clear_pointer (&interview->questions, g_ptr_array_unref);
  g_free (interview);
}

guint
flash_interview_n_answered (const FlashInterview *interview)
{
  guint answered = 0;

  g_return_val_if_fail (interview != NULL, 0);

  for (guint i = 0; i < interview->questions->len; i++)
    {
      const FlashInterviewQuestion *question = g_ptr_array_index (interview->questions, i);

      answered += question->grade >= 0 || question->timed_out;
    }
  return answered;
}

double
flash_interview_weight (gint64   lapses,
                        double   ef,
                        gboolean is_new)
{
  double weight = 1.0 + (double) MAX (lapses, 0);

  /* An ease of 1.3 (the floor) after starting at 2.5 weighs as much as two lapses. */
  if (!is_new && ef > 0 && ef < 2.5)
    weight += (2.5 - ef) / 0.6;
  return weight;
}

typedef struct
{
  guint  index;
  double key;
} Keyed;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Keyed *x = a;
  const Keyed *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

GArray *
flash_interview_draw (const FlashInterviewCandidate *candidates,
                      guint                          n_candidates,
                      guint                          n_topics,
                      guint                          n_questions,
                      guint32                        seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autofree double *keys = g_new (double, MAX (n_candidates, 1));
  g_autofree gboolean *picked = g_new0 (gboolean, MAX (n_candidates, 1));
  g_autofree guint *next = g_new0 (guint, MAX (n_topics, 1));
  g_autoptr(GPtrArray) lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any = TRUE;

  g_return_val_if_fail (candidates != NULL || n_candidates == 0, chosen);
  g_return_val_if_fail (n_topics <= FLASH_INTERVIEW_MAX_TOPICS, chosen);

  /* A weighted draw without replacement: each card gets the key -ln(u)/w, and the smallest keys
   * win, so a card of weight 2 comes first twice as often as one of weight 1. */
  for (guint i = 0; i < n_candidates; i++)
    keys[i] = -log (1.0 - g_rand_double (rand)) / MAX (candidates[i].weight, 1e-6);
  for (guint t = 0; t < n_topics; t++)
    {
      GArray *list = g_array_new (FALSE, FALSE, sizeof (Keyed));

      for (guint i = 0; i < n_candidates; i++)
        if (candidates[i].topics & (1u << t))
          {
            Keyed keyed = { i, keys[i] };

            g_array_append_val (list, keyed);
          }
      g_array_sort (list, compare_keys);
      g_ptr_array_add (lists, list);
    }

  /* The topics take turns, each its next card not yet asked, while any has one. */
  while (chosen->len < n_questions && any)
    {
      any = FALSE;
      for (guint t = 0; t < n_topics && chosen->len < n_questions; t++)
        {
          GArray *list = g_ptr_array_index (lists, t);

          while (next[t] < list->len && picked[g_array_index (list, Keyed, next[t]).index])
            next[t]++;
          if (next[t] == list->len)
            continue;
          picked[g_array_index (list, Keyed, next[t]).index] = TRUE;
          g_array_append_val (chosen, g_array_index (list, Keyed, next[t]).index);
          any = TRUE;
        }
    }

  /* Asked in an order of their own, so that a topic's questions do not come in a row. */
  for (guint i = chosen->len; i > 1; i--)
    {
      guint j = (guint) g_rand_int_range (rand, 0, (gint32) i);
      guint tmp = g_array_index (chosen, guint, i - 1);

      g_array_index (chosen, guint, i - 1) = g_array_index (chosen, guint, j);
      g_array_index (chosen, guint, j) = tmp;
    }
  return chosen;
}

double
flash_interview_credit (int      grade,
                        gboolean timed_out)
{
  if (timed_out || grade < 0)
    return 0.0;
  if (grade >= FLASH_GRADE_GOOD)
    return 1.0;
  if (grade == FLASH_GRADE_HARD)
    return 0.5;
  return 0.0;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* The line of the questions whose topics have @mask (all of them for 0). */
static FlashInterviewLine
line_for (const FlashInterview *interview,
          const FlashTopic     *topic,
          guint32               mask)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (int));
  FlashInterviewLine line = { topic, 0, 0, 0.0, -1 };
  double credit = 0.0;

  for (guint i = 0; i < interview->questions->len; i++)
    {
      const FlashInterviewQuestion *question = g_ptr_array_index (interview->questions, i);

      if (mask != 0 && (question->topics & mask) == 0)
        continue;
      line.questions++;
      credit += flash_interview_credit (question->grade, question->timed_out);
      if (question->grade >= 0 && !question->timed_out)
        {
          line.answered++;
          g_array_append_val (times, question->answer_ms);
        }
    }
  if (line.questions > 0)
    line.score = 100.0 * credit / line.questions;
  if (times->len > 0)
    {
      g_array_sort (times, compare_ints);
      line.median_ms = times->len % 2 == 1
                       ? g_array_index (times, int, times->len / 2)
                       : (g_array_index (times, int, times->len / 2 - 1)
                          + g_array_index (times, int, times->len / 2)) / 2;
    }
  return line;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const FlashInterviewLine *x = a;
  const FlashInterviewLine *y = b;
  const FlashInterview *interview = user_data;
  guint x_at = 0;
  guint y_at = 0;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  if (x->answered != y->answered)
    return x->answered < y->answered ? -1 : 1;
  for (guint i = 0; i < interview->topics->len; i++)
    {
      if (g_ptr_array_index (interview->topics, i) == x->topic)
        x_at = i;
      if (g_ptr_array_index (interview->topics, i) == y->topic)
        y_at = i;
    }
  return x_at < y_at ? -1 : x_at > y_at;
}

GArray *
flash_interview_report (const FlashInterview *interview)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (FlashInterviewLine));
  FlashInterviewLine total;

  g_return_val_if_fail (interview != NULL, lines);

  total = line_for (interview, NULL, 0);
  g_array_append_val (lines, total);
  for (guint t = 0; t < interview->topics->len; t++)
    {
      FlashInterviewLine line = line_for (interview, g_ptr_array_index (interview->topics, t),
                                          1u << t);

      g_array_append_val (lines, line);
    }
  /* The total stays first; the topics follow weakest first. */
  if (lines->len > 2)
    g_qsort_with_data ((FlashInterviewLine *) (void *) lines->data + 1, (gint) lines->len - 1,
                       sizeof (FlashInterviewLine), compare_lines, (gpointer) interview);
  return lines;
}
