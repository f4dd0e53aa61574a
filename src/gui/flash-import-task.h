/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-import-task.h: importing cheatsheets in a worker thread, on a store connection of its own
 * (a FlashStore is not thread-safe), with progress and cancellation (docs/architecture.md). */
#pragma once

#include <gio/gio.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* What importing one file gave: its result, or why it was not imported. */
typedef struct
{
  char              *path;
  gboolean           imported;
  FlashImportResult  result;  /* when imported */
  char              *message; /* when not: the error, for the user; when imported, what was
                               * left out, or NULL */
} FlashImportOutcome;

void flash_import_outcome_free (FlashImportOutcome *outcome);

/* Called on the main thread before each file: @done of @total files are done, @name is next;
 * @cancellable is the import's own, to tell its reports from another import's. */
typedef void (*FlashImportProgress) (GCancellable *cancellable,
                                     guint         done,
                                     guint         total,
                                     const char   *name,
                                     gpointer      user_data);

/* Imports @paths, each all or nothing, into the collection at @db_path. The caller keeps @source
 * alive until @callback has run (its source object is NULL); @progress (may be NULL, given
 * @progress_data) and @callback run on the calling thread's main context. Cancelling stops before
 * the next file, or rolls back the file being imported. */
void       flash_import_task_run    (GObject              *source,
                                     const char           *db_path,
                                     const char * const   *paths,
                                     GCancellable         *cancellable,
                                     FlashImportProgress   progress,
                                     gpointer              progress_data,
                                     GAsyncReadyCallback   callback,
                                     gpointer              user_data);
/* FlashImportOutcome*, one per file tried, in order (the files after a cancellation are not
 * tried); NULL and an error only when the collection could not be opened. *@cancelled says
 * whether the import was given up. */
GPtrArray *flash_import_task_finish (GAsyncResult         *result,
                                     gboolean             *cancelled,
                                     GError              **error);

G_END_DECLS
