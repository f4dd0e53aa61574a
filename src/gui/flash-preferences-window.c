/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-preferences-window.c: the preferences window; every row is bound to a setting, but for
 * the scheduler's, which the collection keeps (the command line reads them too). */

#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-preferences-window.h"

#include <math.h>

struct _FlashPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FlashSettings        *settings;
  FlashCollection      *collection; /* NULL: no scheduling rows */
  gboolean              loading;    /* the scheduling rows are being set from the collection */

  GtkSpinButton        *new_cards_spin;
  GtkSpinButton        *reviews_spin;
  GtkSpinButton        *day_start_spin;
  AdwComboRow          *grading_row;
  AdwComboRow          *text_size_row;
  AdwComboRow          *color_scheme_row;
  GtkWidget            *scheduling_group;
  AdwComboRow          *scheduler_row;
  GtkWidget            *retention_row;
  GtkSpinButton        *retention_spin;
  GtkWidget            *fuzz_row;
  GtkSwitch            *fuzz_switch;
};

G_DEFINE_FINAL_TYPE (FlashPreferencesWindow, flash_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the combo rows' items in the template. */
static const char * const grading_choices[] = { "buttons", "full", NULL };
static const char * const color_scheme_choices[] = { "default", "light", "dark", NULL };

/* FSRS's own settings mean nothing to SM-2. */
static void
update_scheduling_rows (FlashPreferencesWindow *self)
{
  gboolean fsrs = adw_combo_row_get_selected (self->scheduler_row) == 1;

  gtk_widget_set_sensitive (self->retention_row, fsrs);
  gtk_widget_set_sensitive (self->fuzz_row, fsrs);
}

static void
load_scheduler (FlashPreferencesWindow *self)
{
  FlashStore *store = flash_collection_get_store (self->collection);
  FlashScheduler scheduler;

  flash_scheduler_init (&scheduler);
  if (store != NULL)
    flash_store_get_scheduler (store, &scheduler, NULL);
  self->loading = TRUE;
  adw_combo_row_set_selected (self->scheduler_row, scheduler.kind == FLASH_SCHEDULER_FSRS);
  gtk_spin_button_set_value (self->retention_spin, scheduler.retention);
  gtk_switch_set_active (self->fuzz_switch, scheduler.fuzz);
  self->loading = FALSE;
  gtk_widget_set_sensitive (self->scheduling_group,
                            store != NULL && !flash_store_is_read_only (store));
  update_scheduling_rows (self);
}

/* Saves the rows at once. Choosing FSRS computes every card's memory state from the log, which
 * a large collection takes a moment for. */
static void
scheduler_changed_cb (FlashPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  FlashStore *store;
  FlashScheduler scheduler;

  update_scheduling_rows (self);
  if (self->loading || self->collection == NULL
      || (store = flash_collection_get_store (self->collection)) == NULL)
    return;
  if (!flash_store_get_scheduler (store, &scheduler, &error))
    flash_scheduler_init (&scheduler);
  g_clear_error (&error);
  scheduler.kind = adw_combo_row_get_selected (self->scheduler_row) == 1 ? FLASH_SCHEDULER_FSRS
                                                                        : FLASH_SCHEDULER_SM2;
  /* The spin button shows two decimals; the value is kept as shown. */
  scheduler.retention = round (gtk_spin_button_get_value (self->retention_spin) * 100) / 100;
  scheduler.fuzz = gtk_switch_get_active (self->fuzz_switch);
  if (!flash_store_set_scheduler (store, &scheduler, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      load_scheduler (self);
    }
}

static void
flash_preferences_window_constructed (GObject *object)
{
  FlashPreferencesWindow *self = FLASH_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (flash_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);

  flash_settings_bind (self->settings, "new-cards-per-day",
                       self->new_cards_spin, "value", G_SETTINGS_BIND_DEFAULT);
  flash_settings_bind (self->settings, "reviews-per-day",
                       self->reviews_spin, "value", G_SETTINGS_BIND_DEFAULT);
  flash_settings_bind (self->settings, "day-start-hour",
                       self->day_start_spin, "value", G_SETTINGS_BIND_DEFAULT);
  flash_settings_bind_text_size (self->settings, self->text_size_row, "selected");
  flash_settings_bind_choice (self->settings, "grading-scale",
                              self->grading_row, "selected", grading_choices);
  flash_settings_bind_choice (self->settings, "color-scheme",
                              self->color_scheme_row, "selected", color_scheme_choices);

  gtk_widget_set_visible (self->scheduling_group, self->collection != NULL);
  if (self->collection != NULL)
    load_scheduler (self);
  g_signal_connect_swapped (self->scheduler_row, "notify::selected",
                            G_CALLBACK (scheduler_changed_cb), self);
  g_signal_connect_swapped (self->retention_spin, "value-changed",
                            G_CALLBACK (scheduler_changed_cb), self);
  g_signal_connect_swapped (self->fuzz_switch, "notify::active",
                            G_CALLBACK (scheduler_changed_cb), self);
}

static void
flash_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  FlashPreferencesWindow *self = FLASH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  FlashPreferencesWindow *self = FLASH_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_set_object (&self->settings, g_value_get_object (value));
      break;
    case PROP_COLLECTION:
      g_set_object (&self->collection, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_preferences_window_dispose (GObject *object)
{
  FlashPreferencesWindow *self = FLASH_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FLASH_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->collection);

  G_OBJECT_CLASS (flash_preferences_window_parent_class)->dispose (object);
}

static void
flash_preferences_window_class_init (FlashPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = flash_preferences_window_constructed;
  object_class->get_property = flash_preferences_window_get_property;
  object_class->set_property = flash_preferences_window_set_property;
  object_class->dispose = flash_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         FLASH_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL,
                         FLASH_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/flashsheet/Flashsheet/ui/flash-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, new_cards_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, reviews_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, day_start_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, grading_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, color_scheme_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, scheduling_group);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, scheduler_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, retention_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, fuzz_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, fuzz_switch);
}

static void
flash_preferences_window_init (FlashPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  flash_accessible_name_buttons (GTK_WIDGET (self));
  flash_accessible_name_search (GTK_WIDGET (self), _("Search Preferences"), NULL);
}

GtkWidget *
flash_preferences_window_new (FlashSettings   *settings,
                              FlashCollection *collection)
{
  g_return_val_if_fail (FLASH_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (collection == NULL || FLASH_IS_COLLECTION (collection), NULL);

  return g_object_new (FLASH_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       "collection", collection,
                       NULL);
}
