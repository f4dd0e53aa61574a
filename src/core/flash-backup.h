/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-backup.h: copies of the collection (daily, before migrations, by hand) and restoring them. */
#pragma once

#include <glib.h>

#include "flash-store.h"

G_BEGIN_DECLS

/* How many backups are kept when the collection's config does not say (key "backups_keep"). */
#define FLASH_BACKUP_KEEP_DEFAULT 7

/* <dir of the collection>/backups */
char      *flash_backup_dir             (const char   *collection_path);

/* Backups of @collection_path as absolute paths, newest first. Never NULL. */
GPtrArray *flash_backup_list            (const char   *collection_path);

/* A consistent copy of the open collection in @dest, made with SQLite's online backup API. */
gboolean   flash_backup_to              (FlashStore   *self,
                                         const char   *dest,
                                         GError      **error);
/* A new backup in flash_backup_dir(), then pruning to the newest backups_keep; returns its path. */
char      *flash_backup_now             (FlashStore   *self,
                                         GError      **error);
/* flash_backup_now() unless a backup from @now's local date exists. */
gboolean   flash_backup_daily           (FlashStore   *self,
                                         GDateTime    *now,
                                         GError      **error);

guint      flash_backup_get_keep        (FlashStore   *self);
gboolean   flash_backup_set_keep        (FlashStore   *self,
                                         guint         keep,
                                         GError      **error);

/* Replaces the (closed) collection at @collection_path with @backup_path, after checking that
 * the backup is a healthy collection this version can read. The replaced collection is kept in
 * flash_backup_dir() as replaced-YYYYMMDD-HHMMSS.db, so a restore can be undone. */
gboolean   flash_backup_restore         (const char   *collection_path,
                                         const char   *backup_path,
                                         GError      **error);

/* The newest backup of @collection_path that flash_backup_restore() would accept, or NULL with
 * an error saying why none would (FLASH_STORE_ERROR_NOT_FOUND when there are none). */
char      *flash_backup_find_newest_good (const char  *collection_path,
                                          GError     **error);
/* Restores the newest good backup over the (closed) collection, as the app offers for a damaged
 * collection; returns the backup's path. */
char      *flash_backup_restore_newest  (const char   *collection_path,
                                         GError      **error);

G_END_DECLS
