/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-collection.c: the collection windows show: its store, health, restore, read-only copy. */

#include "config.h"

#include "flash-backup.h"
#include "flash-collection.h"

/* How often the deferred health check is asked whether it has finished. */
#define CHECK_POLL_MS 50

struct _FlashCollection
{
  GObject     parent_instance;

  char       *path;
  /* The open store, or NULL when the collection cannot be used; then @error says why. */
  FlashStore *store;
  GError     *error;
  /* Polls the health check, which runs in a thread after the window shows. */
  guint       check_source;
};

G_DEFINE_FINAL_TYPE (FlashCollection, flash_collection, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Replaces the store and the error together; windows follow notify::store and notify::error. */
static void
set_state (FlashCollection *self,
           FlashStore      *store,
           GError          *error)
{
  FlashStore *old_store = self->store;
  gboolean store_changed = store != self->store;

  g_object_freeze_notify (G_OBJECT (self));
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->store = store;
  if (store_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  /* Windows have let go of the old store once they were told of the new one. */
  if (store_changed && old_store != NULL)
    flash_store_close (old_store);
  if (error != NULL || self->error != NULL)
    {
      g_clear_error (&self->error);
      self->error = error;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

/* A collection that fails its health check is shown like one that cannot be opened, and is never
 * written to: the store is closed. */
static gboolean
check_cb (gpointer user_data)
{
  FlashCollection *self = user_data;
  GError *error = NULL;

  if (flash_store_is_checking (self->store))
    return G_SOURCE_CONTINUE;

  self->check_source = 0;
  if (!flash_store_wait_checked (self->store, &error))
    set_state (self, NULL, error);
  return G_SOURCE_REMOVE;
}

/**
 * flash_collection_open:
 *
 * Opens the collection at the path given to flash_collection_new(). A large collection's health
 * check runs in a thread (flash_store_open_deferred()): the store can be read at once, no write
 * happens before the check has passed, and a failed check sets #FlashCollection:error.
 */
void
flash_collection_open (FlashCollection *self)
{
  GError *error = NULL;
  FlashStore *store;

  g_return_if_fail (FLASH_IS_COLLECTION (self));
  g_return_if_fail (self->path != NULL);

  store = flash_store_open_deferred (self->path, &error);
  set_state (self, store, error);
  if (store != NULL && flash_store_is_checking (store))
    self->check_source = g_timeout_add (CHECK_POLL_MS, check_cb, self);
}

void
flash_collection_close (FlashCollection *self)
{
  g_return_if_fail (FLASH_IS_COLLECTION (self));

  set_state (self, NULL, NULL);
}

/**
 * flash_collection_restore_newest:
 * @error: return location for why no backup can be restored
 *
 * What the damaged-collection dialog offers: replaces the collection with its newest sound
 * backup (the damaged file is kept among the backups, so this can be undone) and opens it. The
 * store is closed before the file under it is replaced.
 *
 * Returns: %TRUE when a sound backup was found; the collection then holds it, or says why not
 */
gboolean
flash_collection_restore_newest (FlashCollection  *self,
                                 GError          **error)
{
  g_autofree char *backup = NULL;
  GError *restore_error = NULL;

  g_return_val_if_fail (FLASH_IS_COLLECTION (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  backup = flash_backup_find_newest_good (self->path, error);
  if (backup == NULL)
    return FALSE;
  set_state (self, NULL, NULL);
  if (flash_backup_restore (self->path, backup, &restore_error))
    flash_collection_open (self);
  else
    set_state (self, NULL, restore_error);
  return TRUE;
}

/**
 * flash_collection_open_read_only_copy:
 *
 * The other offer of the damaged-collection dialog: a copy of the collection, opened read-only
 * without a health check, so what can still be read can be looked at and exported. The damaged
 * file is only read.
 */
void
flash_collection_open_read_only_copy (FlashCollection *self)
{
  g_autofree char *copy = NULL;
  GError *error = NULL;
  FlashStore *store;

  g_return_if_fail (FLASH_IS_COLLECTION (self));
  g_return_if_fail (self->path != NULL);

  copy = g_build_filename (g_get_user_cache_dir (), "flashsheet", "read-only-copy.db", NULL);
  set_state (self, NULL, NULL);
  store = flash_store_open_read_only_copy (self->path, copy, &error);
  set_state (self, store, error);
}

FlashStore *
flash_collection_get_store (FlashCollection *self)
{
  g_return_val_if_fail (FLASH_IS_COLLECTION (self), NULL);

  return self->store;
}

const GError *
flash_collection_get_error (FlashCollection *self)
{
  g_return_val_if_fail (FLASH_IS_COLLECTION (self), NULL);

  return self->error;
}

static void
flash_collection_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FlashCollection *self = FLASH_COLLECTION (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_pointer (value, self->store);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_collection_dispose (GObject *object)
{
  FlashCollection *self = FLASH_COLLECTION (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  g_clear_pointer (&self->store, flash_store_close);

  G_OBJECT_CLASS (flash_collection_parent_class)->dispose (object);
}

static void
flash_collection_finalize (GObject *object)
{
  FlashCollection *self = FLASH_COLLECTION (object);

  g_clear_error (&self->error);
  g_free (self->path);

  G_OBJECT_CLASS (flash_collection_parent_class)->finalize (object);
}

static void
flash_collection_class_init (FlashCollectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = flash_collection_get_property;
  object_class->dispose = flash_collection_dispose;
  object_class->finalize = flash_collection_finalize;

  /* The store is not a GObject: windows read it on notify and never keep it past the next one. */
  properties[PROP_STORE] =
    g_param_spec_pointer ("store", NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
flash_collection_init (FlashCollection *self)
{
}

FlashCollection *
flash_collection_new (const char *path)
{
  FlashCollection *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (FLASH_TYPE_COLLECTION, NULL);
  self->path = g_strdup (path);
  return self;
}

/* An open store (taken over, closed with the collection), as the tests and benchmarks make one. */
FlashCollection *
flash_collection_new_for_store (FlashStore *store)
{
  FlashCollection *self;

  g_return_val_if_fail (store != NULL, NULL);

  self = flash_collection_new (flash_store_get_path (store));
  self->store = store;
  return self;
}
