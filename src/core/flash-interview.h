/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-interview.h: mock interviews (docs/interview.md): questions drawn from chosen topics,
 * reproducibly by a seed and weakest cards more often, answered against the clock and scored,
 * kept in the collection apart from the review log. */
#pragma once

#include "flash-store.h"

G_BEGIN_DECLS

/* At most this many topics in one interview (each question keeps its topics as bits). */
#define FLASH_INTERVIEW_MAX_TOPICS    32
#define FLASH_INTERVIEW_MAX_QUESTIONS 500

typedef enum
{
  FLASH_TOPIC_DECK,
  FLASH_TOPIC_SECTION, /* a breadcrumb and everything below it */
  FLASH_TOPIC_TAG,
} FlashTopicKind;

typedef struct
{
  FlashTopicKind  kind;
  gint64          deck_id; /* the deck, or that of the section; 0 for a tag of every deck */
  char           *value;   /* the deck's name, the breadcrumb or the tag */
} FlashTopic;

FlashTopic *flash_topic_new  (FlashTopicKind  kind,
                              gint64          deck_id,
                              const char     *value);
void        flash_topic_free (FlashTopic     *topic);
/* A topic as reports name it: the deck's name, the breadcrumb, or "#tag". */
char       *flash_topic_label (const FlashTopic *topic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashTopic, flash_topic_free)

/* Drawing (flash-interview.c, no collection needed). A card the topics hold, with how weak it
 * is: the weight makes it that many times as likely to be asked as a card of weight 1. */
typedef struct
{
  gint64  card_id;
  guint32 topics; /* bit i: in topic i */
  double  weight; /* > 0 */
} FlashInterviewCandidate;

/* How often a card is asked: 1, and more for each lapse and for an ease below the start's. */
double      flash_interview_weight (gint64   lapses,
                                    double   ef,
                                    gboolean is_new);
/* Up to @n_questions of @candidates (sorted by card id), the topics taking turns so that each
 * gets its share while it has cards, each topic's weakest more often; in the order they will be
 * asked. The same candidates and seed give the same questions. Returns indices into
 * @candidates. */
GArray     *flash_interview_draw   (const FlashInterviewCandidate *candidates,
                                    guint                          n_candidates,
                                    guint                          n_topics,
                                    guint                          n_questions,
                                    guint32                        seed);
/* A question's credit: Good and Easy 1, Hard 0.5, Again, unanswered or out of time 0. */
double      flash_interview_credit (int      grade,
                                    gboolean timed_out);

/* Interviews in the collection (flash-store-interview.c). */
typedef struct
{
  GPtrArray *topics;           /* FlashTopic*, at least one */
  guint      n_questions;
  guint      total_seconds;    /* 0: no limit for the whole */
  guint      question_seconds; /* 0: no limit per question */
  guint32    seed;
} FlashInterviewPlan;

typedef struct
{
  guint   position;
  gint64  card_id;
  guint32 topics;
  int     grade;     /* -1: not answered yet */
  gboolean timed_out;
  int     answer_ms;
  char   *note;      /* or NULL */
} FlashInterviewQuestion;

void        flash_interview_question_free (FlashInterviewQuestion *question);

typedef struct
{
  gint64     id;
  gint64     started;          /* Unix time */
  gint64     finished;         /* 0 while it runs */
  guint32    seed;
  guint      total_seconds;
  guint      question_seconds;
  gint64     elapsed_ms;       /* time spent answering, kept for a resume */
  GPtrArray *topics;           /* FlashTopic* */
  GPtrArray *questions;        /* FlashInterviewQuestion*, in order */
} FlashInterview;

void        flash_interview_free (FlashInterview *interview);
/* How many of its questions have an answer (or ran out of time). */
guint       flash_interview_n_answered (const FlashInterview *interview);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FlashInterview, flash_interview_free)

/* One topic's line of a report, or the whole interview's (topic NULL). */
typedef struct
{
  const FlashTopic *topic;      /* borrowed from the interview, NULL for the total */
  guint             questions;
  guint             answered;   /* graded in time, whatever the grade */
  double            score;      /* percent of its questions' credit */
  int               median_ms;  /* of the answered questions, -1 without one */
} FlashInterviewLine;

/* Draws the questions and keeps the interview; INVALID for a plan with no topic or too many,
 * NOT_FOUND when its topics hold no card. Returns the interview's id, 0 on error. */
gint64          flash_store_interview_start    (FlashStore               *self,
                                                const FlashInterviewPlan *plan,
                                                GDateTime                *now,
                                                GError                  **error);
FlashInterview *flash_store_interview_get      (FlashStore               *self,
                                                gint64                    id,
                                                GError                  **error);
/* Records (or replaces) the answer to @card_id's question: a grade 0–5, or -1 with @timed_out;
 * @elapsed_ms is the interview's time spent so far. The interview is finished once every
 * question has an answer. NOT_FOUND for a card that is not one of its questions. */
gboolean        flash_store_interview_answer   (FlashStore               *self,
                                                gint64                    id,
                                                gint64                    card_id,
                                                int                       grade,
                                                gboolean                  timed_out,
                                                int                       answer_ms,
                                                const char               *note,
                                                gint64                    elapsed_ms,
                                                GDateTime                *now,
                                                GError                  **error);
/* Ends an interview early: its unanswered questions count as missed. */
gboolean        flash_store_interview_finish   (FlashStore               *self,
                                                gint64                    id,
                                                GDateTime                *now,
                                                GError                  **error);
/* Keeps the time spent so far (a pause, leaving the page), for a resume; never less than kept. */
gboolean        flash_store_interview_keep_time (FlashStore              *self,
                                                gint64                    id,
                                                gint64                    elapsed_ms,
                                                GError                  **error);
gboolean        flash_store_interview_discard  (FlashStore               *self,
                                                gint64                    id,
                                                GError                  **error);
/* The newest interview not finished (to offer a resume), or 0. */
gint64          flash_store_interview_unfinished (FlashStore             *self);
/* The total's line first, then one per topic, weakest first (lowest score, then fewer answered,
 * then the order chosen). FlashInterviewLine, borrowing from @interview. */
GArray         *flash_interview_report         (const FlashInterview     *interview);
/* Every interview, newest first: FlashInterview*. */
GPtrArray      *flash_store_interview_list     (FlashStore               *self,
                                                GError                  **error);
/* The missed questions' cards of a finished interview (INVALID while it runs) become due today
 * (new ones stay new): the only way an interview touches the schedule. @moved: how many. */
gboolean        flash_store_interview_review_missed (FlashStore          *self,
                                                gint64                    id,
                                                GDateTime                *now,
                                                guint                    *moved,
                                                GError                  **error);

G_END_DECLS
