/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-store-private.h: the store's SQLite handle, for sibling core files (backups) and tests. */
#pragma once

#include <sqlite3.h>

#include "flash-store.h"

G_BEGIN_DECLS

sqlite3 *flash_store_get_db     (FlashStore *self);
/* The FlashStoreError code for a SQLite result code. */
int      flash_store_error_code (int         rc);

G_END_DECLS
