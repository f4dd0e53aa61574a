/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-search-runner.c: searches in a worker thread (see the header). */
#include "config.h"

#include "flash-search-runner.h"
#include "flash-stop-flag.h"

struct _FlashSearchRunner
{
  GObject     parent_instance;
  char       *path;
  GMutex      lock;   /* one search at a time on the worker's connection */
  FlashStore *store;  /* opened by the first search, used only under the lock */
  GMutex      state_lock;  /* guards the two serials */
  GCond       state_cond;  /* a search has finished */
  guint64     started;     /* the newest search's serial */
  guint64     finished;    /* the newest serial of a finished search */
};

G_DEFINE_FINAL_TYPE (FlashSearchRunner, flash_search_runner, G_TYPE_OBJECT)

/* One search's own copy of what it looks for. */
typedef struct
{
  FlashCardSearch search;
  char           *text;
  char           *section;
  char           *tag;
  GDateTime      *now;
  guint           limit;
  guint64         serial;
  FlashStopFlag   stop;          /* read by SQLite */
} Job;

static void
job_free (Job *job)
{
  flash_stop_flag_clear (&job->stop);
  g_free (job->text);
  g_free (job->section);
  g_free (job->tag);
  g_date_time_unref (job->now);
  g_free (job);
}

static void
flash_search_runner_finalize (GObject *object)
{
  FlashSearchRunner *self = FLASH_SEARCH_RUNNER (object);

  g_clear_pointer (&self->store, flash_store_close);
  g_mutex_clear (&self->lock);
  g_mutex_clear (&self->state_lock);
  g_cond_clear (&self->state_cond);
  g_free (self->path);
  G_OBJECT_CLASS (flash_search_runner_parent_class)->finalize (object);
}

static void
flash_search_runner_class_init (FlashSearchRunnerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flash_search_runner_finalize;
}

static void
flash_search_runner_init (FlashSearchRunner *self)
{
  g_mutex_init (&self->lock);
  g_mutex_init (&self->state_lock);
  g_cond_init (&self->state_cond);
}

FlashSearchRunner *
flash_search_runner_new (const char *path)
{
  FlashSearchRunner *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FLASH_TYPE_SEARCH_RUNNER, NULL);
  self->path = g_strdup (path);
  return self;
}

/* Runs in the worker. @task_data is the caller's task, which is not a threaded one: returning it
 * attaches its callback to the main context at once, so that flash_search_runner_wait() can
 * end only after that (a threaded task's callback is attached later, when this returns). */
static void
search_thread (GTask        *worker,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *unused)
{
  FlashSearchRunner *self = source_object;
  GTask *task = task_data;
  Job *job = g_task_get_task_data (task);
  GError *error = NULL;
  GArray *ids = NULL;

  g_mutex_lock (&self->lock);
  /* Searches queue here while one runs; the ones typed over since give up at once. */
  if (!g_task_return_error_if_cancelled (task))
    {
      if (self->store == NULL)
        self->store = flash_store_open (self->path, &error);
      if (self->store != NULL)
        ids = flash_store_search_cancellable (self->store, &job->search, job->now, job->limit,
                                              &job->stop.stop, &error);
      if (ids != NULL)
        g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
      else if (g_error_matches (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED))
        {
          /* SQLite stopped because the cancellable was cancelled: say so as GIO does. */
          g_clear_error (&error);
          if (!g_task_return_error_if_cancelled (task))
            g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                     "The search was given up");
        }
      else
        g_task_return_error (task, error);
    }
  g_mutex_unlock (&self->lock);

  /* The result is on its way to the main context: a flash_search_runner_wait() may end. */
  g_mutex_lock (&self->state_lock);
  self->finished = MAX (self->finished, job->serial);
  g_cond_broadcast (&self->state_cond);
  g_mutex_unlock (&self->state_lock);
  /* The worker's own task has nothing to say; it returns so that GLib does not complain. */
  g_task_return_boolean (worker, TRUE);
}

void
flash_search_runner_run (FlashSearchRunner      *self,
                         const FlashCardSearch  *search,
                         GDateTime              *now,
                         guint                   limit,
                         GCancellable           *cancellable,
                         GAsyncReadyCallback     callback,
                         gpointer                user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  Job *job;

  g_return_if_fail (FLASH_IS_SEARCH_RUNNER (self));
  g_return_if_fail (search != NULL);
  g_return_if_fail (now != NULL);

  job = g_new0 (Job, 1);
  job->search = *search;
  job->text = g_strdup (search->text);
  job->section = g_strdup (search->section);
  job->tag = g_strdup (search->tag);
  job->search.text = job->text;
  job->search.section = job->section;
  job->search.tag = job->tag;
  job->now = g_date_time_ref (now);
  job->limit = limit;
  g_mutex_lock (&self->state_lock);
  job->serial = ++self->started;
  g_mutex_unlock (&self->state_lock);
  flash_stop_flag_init (&job->stop, cancellable);
  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, flash_search_runner_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  worker = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (worker, g_object_ref (task), g_object_unref);
  g_task_run_in_thread (worker, search_thread);
}

gboolean
flash_search_runner_wait (FlashSearchRunner *self,
                          gint64             timeout_us)
{
  gint64 deadline;
  gboolean done;

  g_return_val_if_fail (FLASH_IS_SEARCH_RUNNER (self), FALSE);

  deadline = g_get_monotonic_time () + timeout_us;
  g_mutex_lock (&self->state_lock);
  while (self->finished < self->started
         && g_cond_wait_until (&self->state_cond, &self->state_lock, deadline))
    ;
  done = self->finished >= self->started;
  g_mutex_unlock (&self->state_lock);
  return done;
}

GArray *
flash_search_runner_finish (FlashSearchRunner  *self,
                            GAsyncResult       *result,
                            GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
