/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-card-list.c: a lazy list model over card ids (see the header). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "flash-card-list.h"

struct _FlashCardItem
{
  GObject    parent_instance;
  gint64     id;
  FlashCard *card;
  char      *subtitle;
};

G_DEFINE_FINAL_TYPE (FlashCardItem, flash_card_item, G_TYPE_OBJECT)

static void
flash_card_item_finalize (GObject *object)
{
  FlashCardItem *self = FLASH_CARD_ITEM (object);

  g_clear_pointer (&self->card, flash_card_free);
  g_free (self->subtitle);
  G_OBJECT_CLASS (flash_card_item_parent_class)->finalize (object);
}

static void
flash_card_item_class_init (FlashCardItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flash_card_item_finalize;
}

static void
flash_card_item_init (FlashCardItem *self)
{
}

gint64
flash_card_item_get_id (FlashCardItem *self)
{
  g_return_val_if_fail (FLASH_IS_CARD_ITEM (self), 0);

  return self->id;
}

FlashCard *
flash_card_item_get_card (FlashCardItem *self)
{
  g_return_val_if_fail (FLASH_IS_CARD_ITEM (self), NULL);

  return self->card;
}

const char *
flash_card_item_get_subtitle (FlashCardItem *self)
{
  g_return_val_if_fail (FLASH_IS_CARD_ITEM (self), NULL);

  return self->subtitle;
}

/* Where the card is and what state it is in, in words. */
static char *
describe (const FlashCard *card,
          FlashDay         today)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (parts, g_strdup (card->context));
  if (card->is_new)
    g_ptr_array_add (parts, g_strdup (_("new")));
  else if (card->due_day <= today)
    g_ptr_array_add (parts, g_strdup (_("due")));
  else
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("due in %d day", "due in %d days",
                                                       card->due_day - today),
                                             card->due_day - today));
  if (card->suspended)
    g_ptr_array_add (parts, g_strdup (_("suspended")));
  if (card->bury_day == today)
    g_ptr_array_add (parts, g_strdup (_("buried")));
  if (card->flag > 0)
    /* Translators: a card's flag, "flag 3". */
    g_ptr_array_add (parts, g_strdup_printf (_("flag %d"), card->flag));
  if (card->source_changed)
    g_ptr_array_add (parts, g_strdup (_("source changed")));
  else if (card->edited)
    g_ptr_array_add (parts, g_strdup (_("edited")));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the parts of a card's description in the browser. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

struct _FlashCardList
{
  GObject     parent_instance;
  FlashStore *store;  /* borrowed from the window, which drops the list with its store */
  FlashDay    today;
  GArray     *ids;    /* gint64 */
  GHashTable *items;  /* position → FlashCardItem, the ones rows have shown */
};

static void flash_card_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FlashCardList, flash_card_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      flash_card_list_model_init))

static GType
get_item_type (GListModel *model)
{
  return FLASH_TYPE_CARD_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return FLASH_CARD_LIST (model)->ids->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  FlashCardList *self = FLASH_CARD_LIST (model);
  FlashCardItem *item;

  if (position >= self->ids->len)
    return NULL;
  item = g_hash_table_lookup (self->items, GUINT_TO_POINTER (position));
  if (item == NULL)
    {
      item = g_object_new (FLASH_TYPE_CARD_ITEM, NULL);
      item->id = g_array_index (self->ids, gint64, position);
      item->card = self->store != NULL ? flash_store_get_card (self->store, item->id, NULL) : NULL;
      item->subtitle = item->card != NULL ? describe (item->card, self->today)
                                          : g_strdup (_("This card was deleted"));
      g_hash_table_insert (self->items, GUINT_TO_POINTER (position), item);
    }
  return g_object_ref (item);
}

static void
flash_card_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
flash_card_list_finalize (GObject *object)
{
  FlashCardList *self = FLASH_CARD_LIST (object);

  g_array_unref (self->ids);
  g_hash_table_unref (self->items);
  G_OBJECT_CLASS (flash_card_list_parent_class)->finalize (object);
}

static void
flash_card_list_class_init (FlashCardListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = flash_card_list_finalize;
}

static void
flash_card_list_init (FlashCardList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->items = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
}

FlashCardList *
flash_card_list_new (void)
{
  return g_object_new (FLASH_TYPE_CARD_LIST, NULL);
}

void
flash_card_list_set_ids (FlashCardList *self,
                         FlashStore    *store,
                         FlashDay       today,
                         GArray        *ids)
{
  guint removed;

  g_return_if_fail (FLASH_IS_CARD_LIST (self));

  /* All rows go, then the new ones come, in two changes: in one, GTK's list view looks for each
   * old row among the new items, reading every item (a second for 100,000 cards). */
  removed = self->ids->len;
  g_array_set_size (self->ids, 0);
  g_hash_table_remove_all (self->items);
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  if (ids != NULL)
    g_array_append_vals (self->ids, ids->data, ids->len);
  self->store = store;
  self->today = today;
  if (self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, self->ids->len);
}

gboolean
flash_card_list_extend (FlashCardList *self,
                        GArray        *ids)
{
  guint shown;

  g_return_val_if_fail (FLASH_IS_CARD_LIST (self), FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  shown = self->ids->len;
  if (ids->len < shown || memcmp (ids->data, self->ids->data, shown * sizeof (gint64)) != 0)
    return FALSE;
  g_array_append_vals (self->ids, (gint64 *) ids->data + shown, ids->len - shown);
  if (ids->len > shown)
    g_list_model_items_changed (G_LIST_MODEL (self), shown, 0, ids->len - shown);
  return TRUE;
}

void
flash_card_list_reload_item (FlashCardList *self,
                             guint          position)
{
  g_return_if_fail (FLASH_IS_CARD_LIST (self));

  if (position >= self->ids->len)
    return;
  g_hash_table_remove (self->items, GUINT_TO_POINTER (position));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
}
