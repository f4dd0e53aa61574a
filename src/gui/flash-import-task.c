/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-import-task.c: imports in a worker thread; see flash-import-task.h. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-import-task.h"

#include "flash-anki.h"
#include "flash-sheet.h"
#include "flash-stop-flag.h"

typedef struct
{
  GObject             *source;       /* borrowed: the caller keeps it until the callback */
  char                *db_path;
  GStrv                paths;
  FlashImportProgress  progress;
  gpointer             progress_data;
  GMainContext        *context;      /* where progress is reported */
  FlashStopFlag        stop;         /* read by the worker and SQLite */
  gboolean             cancelled;    /* written by the worker before it returns */
} Job;

static void
job_free (Job *job)
{
  flash_stop_flag_clear (&job->stop);
  g_main_context_unref (job->context);
  g_strfreev (job->paths);
  g_free (job->db_path);
  g_free (job);
}

void
flash_import_outcome_free (FlashImportOutcome *outcome)
{
  g_free (outcome->path);
  flash_import_result_clear (&outcome->result);
  g_free (outcome->message);
  g_free (outcome);
}

typedef struct
{
  GObject             *source; /* kept alive until the report has run */
  GCancellable        *cancellable; /* the import's, or NULL */
  FlashImportProgress  progress;
  gpointer             data;
  guint                done;
  guint                total;
  char                *name;
} Report;

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;

  report->progress (report->cancellable, report->done, report->total, report->name,
                    report->data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer user_data)
{
  Report *report = user_data;

  g_object_unref (report->source);
  g_clear_object (&report->cancellable);
  g_free (report->name);
  g_free (report);
}

static void
report_progress (GTask *task,
                 Job   *job,
                 guint  done)
{
  Report *report;
  GSource *source;

  if (job->progress == NULL)
    return;
  report = g_new0 (Report, 1);
  report->source = g_object_ref (job->source);
  if (job->stop.cancellable != NULL)
    report->cancellable = g_object_ref (job->stop.cancellable);
  report->progress = job->progress;
  report->data = job->progress_data;
  report->done = done;
  report->total = g_strv_length (job->paths);
  report->name = g_path_get_basename (job->paths[done]);
  /* Always through a source of that context: g_main_context_invoke() would run the report right
   * here, in the worker, whenever no thread holds the context at that moment. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, report, report_free);
  g_source_attach (source, job->context);
  g_source_unref (source);
}

/* An Anki package: an outcome for each of its decks, or one saying why it was refused. */
static void
import_package (FlashStore *store,
                const char *path,
                GPtrArray  *outcomes)
{
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashAnkiPackage) package = flash_anki_read (path, now, &error);
  g_autoptr(GArray) results = NULL;

  if (package != NULL && flash_store_import_anki (store, package, now, &results, &error))
    for (guint i = 0; i < results->len; i++)
      {
        FlashImportOutcome *outcome = g_new0 (FlashImportOutcome, 1);
        FlashImportResult *result = &g_array_index (results, FlashImportResult, i);

        outcome->path = g_strdup (path);
        outcome->imported = TRUE;
        outcome->result = *result;
        /* What did not come over is said with the last deck's summary. */
        if (i + 1 == results->len && package->media > 0)
          outcome->message = g_strdup_printf (ngettext ("%u media file not imported",
                                                        "%u media files not imported",
                                                        package->media), package->media);
        /* The outcome owns the deck name now. */
        result->deck_name = NULL;
        g_ptr_array_add (outcomes, outcome);
      }
  else
    {
      FlashImportOutcome *outcome = g_new0 (FlashImportOutcome, 1);

      outcome->path = g_strdup (path);
      outcome->message = g_strdup (error->message);
      g_ptr_array_add (outcomes, outcome);
    }
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func (
    (GDestroyNotify) flash_import_outcome_free);
  GError *error = NULL;
  FlashStore *store = flash_store_open (job->db_path, &error);

  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; job->paths[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(FlashSheet) sheet = NULL;
      FlashImportOutcome *outcome;

      if (g_atomic_int_get (&job->stop.stop))
        {
          job->cancelled = TRUE;
          break;
        }
      report_progress (task, job, i);
      if (flash_anki_is_package (job->paths[i]))
        {
          import_package (store, job->paths[i], outcomes);
          continue;
        }
      outcome = g_new0 (FlashImportOutcome, 1);
      outcome->path = g_strdup (job->paths[i]);
      sheet = flash_sheet_load (job->paths[i], &local_error);
      if (sheet != NULL
          && flash_store_import_sheet_cancellable (store, sheet, &job->stop.stop,
                                                   &outcome->result,
                                                   &local_error))
        outcome->imported = TRUE;
      else if (g_error_matches (local_error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_CANCELLED))
        {
          flash_import_outcome_free (outcome);
          job->cancelled = TRUE;
          break;
        }
      else
        outcome->message = g_strdup (local_error->message);
      g_ptr_array_add (outcomes, outcome);
    }
  flash_store_close (store);
  g_task_return_pointer (task, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
}

void
flash_import_task_run (GObject              *source,
                       const char           *db_path,
                       const char * const   *paths,
                       GCancellable         *cancellable,
                       FlashImportProgress   progress,
                       gpointer              progress_data,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_OBJECT (source));
  g_return_if_fail (db_path != NULL);
  g_return_if_fail (paths != NULL);

  job = g_new0 (Job, 1);
  job->source = source;
  job->db_path = g_strdup (db_path);
  job->paths = g_strdupv ((char **) paths);
  job->progress = progress;
  job->progress_data = progress_data;
  job->context = g_main_context_ref_thread_default ();
  flash_stop_flag_init (&job->stop, cancellable);
  /* The files done before a cancellation are reported, so the task returns its result anyway.
   * The task has no source object: the worker may drop the task last, and a window must not be
   * finalized there. */
  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, flash_import_task_run);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
flash_import_task_finish (GAsyncResult  *result,
                          gboolean      *cancelled,
                          GError       **error)
{
  Job *job;

  g_return_val_if_fail (G_IS_TASK (result), NULL);

  job = g_task_get_task_data (G_TASK (result));
  if (cancelled != NULL)
    *cancelled = job->cancelled;
  return g_task_propagate_pointer (G_TASK (result), error);
}
