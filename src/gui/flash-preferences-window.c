/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-preferences-window.c: the preferences window; every row is bound to a setting. */

#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-preferences-window.h"

struct _FlashPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  FlashSettings        *settings;

  GtkSpinButton        *new_cards_spin;
  GtkSpinButton        *reviews_spin;
  GtkSpinButton        *day_start_spin;
  AdwComboRow          *grading_row;
  AdwComboRow          *text_size_row;
  AdwComboRow          *color_scheme_row;
};

G_DEFINE_FINAL_TYPE (FlashPreferencesWindow, flash_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the combo rows' items in the template. */
static const char * const grading_choices[] = { "buttons", "full", NULL };
static const char * const color_scheme_choices[] = { "default", "light", "dark", NULL };

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/flashsheet/Flashsheet/ui/flash-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, new_cards_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, reviews_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, day_start_spin);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, grading_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, text_size_row);
  gtk_widget_class_bind_template_child (widget_class, FlashPreferencesWindow, color_scheme_row);
}

static void
flash_preferences_window_init (FlashPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  flash_accessible_name_buttons (GTK_WIDGET (self));
  flash_accessible_name_search (GTK_WIDGET (self), _("Search Preferences"), NULL);
}

GtkWidget *
flash_preferences_window_new (FlashSettings *settings)
{
  g_return_val_if_fail (FLASH_IS_SETTINGS (settings), NULL);

  return g_object_new (FLASH_TYPE_PREFERENCES_WINDOW,
                       "settings", settings,
                       NULL);
}
