/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-search-runner.h: the browser's searches, run in a worker thread on a connection of their
 * own (a FlashStore is not thread-safe), so that typing never waits for SQLite. Starting a search
 * cancels nothing by itself: the caller cancels the previous one's GCancellable, and a search
 * whose cancellable is cancelled stops in the middle of reading its matches. */
#pragma once

#include <gio/gio.h>

#include "flash-store.h"

G_BEGIN_DECLS

#define FLASH_TYPE_SEARCH_RUNNER (flash_search_runner_get_type ())

G_DECLARE_FINAL_TYPE (FlashSearchRunner, flash_search_runner, FLASH, SEARCH_RUNNER, GObject)

/* Searches the collection at @path (opened on the first search, in the worker). */
FlashSearchRunner *flash_search_runner_new    (const char             *path);
/* flash_store_search() of @search (copied) as it is at @now: its first @limit matches, or every
 * match for 0. */
void               flash_search_runner_run    (FlashSearchRunner      *self,
                                               const FlashCardSearch  *search,
                                               GDateTime              *now,
                                               guint                   limit,
                                               GCancellable           *cancellable,
                                               GAsyncReadyCallback     callback,
                                               gpointer                user_data);
/* Waits at most @timeout_us for the newest search to finish; TRUE if it has. Its callback still
 * comes from the main context, before anything of lower priority (a frame) runs there. */
gboolean           flash_search_runner_wait   (FlashSearchRunner      *self,
                                               gint64                  timeout_us);
/* The ids found, or NULL with @error (G_IO_ERROR_CANCELLED for a cancelled search). */
GArray            *flash_search_runner_finish (FlashSearchRunner      *self,
                                               GAsyncResult           *result,
                                               GError                **error);

G_END_DECLS
