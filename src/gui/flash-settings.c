/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-settings.c: the one object that reads and writes Flashsheet's GSettings. */

#include "config.h"

#include "flash-settings.h"

#include <math.h>

/* Every part of the app goes through this object rather than holding a GSettings of its own, so
 * the key names live in one file and the tests can use GSETTINGS_BACKEND=memory. */
struct _FlashSettings
{
  GObject    parent_instance;

  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (FlashSettings, flash_settings, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
settings_changed_cb (FlashSettings *self,
                     const char    *key,
                     GSettings     *settings)
{
  g_signal_emit (self, signals[CHANGED], g_quark_from_string (key), key);
}

static void
flash_settings_dispose (GObject *object)
{
  FlashSettings *self = FLASH_SETTINGS (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (flash_settings_parent_class)->dispose (object);
}

static void
flash_settings_class_init (FlashSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = flash_settings_dispose;

  /**
   * FlashSettings::changed:
   * @key: the name of the key that changed
   *
   * Emitted, with the key as detail, whenever a setting changes, from the preferences window or
   * from outside the app (dconf-editor, gsettings).
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
flash_settings_init (FlashSettings *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
}

FlashSettings *
flash_settings_new (void)
{
  return g_object_new (FLASH_TYPE_SETTINGS, NULL);
}

void
flash_settings_get_limits (FlashSettings *self,
                           FlashLimits   *limits)
{
  g_return_if_fail (FLASH_IS_SETTINGS (self));
  g_return_if_fail (limits != NULL);

  limits->new_per_day = g_settings_get_int (self->settings, "new-cards-per-day");
  limits->reviews_per_day = g_settings_get_int (self->settings, "reviews-per-day");
  limits->day_start_hour = g_settings_get_int (self->settings, "day-start-hour");
}

gboolean
flash_settings_get_full_scale (FlashSettings *self)
{
  g_autofree char *scale = NULL;

  g_return_val_if_fail (FLASH_IS_SETTINGS (self), FALSE);

  scale = g_settings_get_string (self->settings, "grading-scale");
  return g_strcmp0 (scale, "full") == 0;
}

double
flash_settings_get_text_scale (FlashSettings *self)
{
  g_return_val_if_fail (FLASH_IS_SETTINGS (self), 1.0);

  return g_settings_get_double (self->settings, "text-scale");
}

/* The card text sizes offered, in the preferences and by Ctrl+plus and Ctrl+minus. */
static const double text_sizes[] = { 0.8, 0.9, 1.0, 1.2, 1.5, 2.0 };

/* The preset nearest @scale: a value written by an older version or by hand reads as one. */
static guint
nearest_text_size (double scale)
{
  guint best = 0;

  for (guint i = 1; i < G_N_ELEMENTS (text_sizes); i++)
    if (fabs (text_sizes[i] - scale) < fabs (text_sizes[best] - scale))
      best = i;
  return best;
}

double
flash_settings_zoom (FlashSettings *self,
                     int            step)
{
  guint size;

  g_return_val_if_fail (FLASH_IS_SETTINGS (self), 1.0);

  size = nearest_text_size (flash_settings_get_text_scale (self));
  if (step == 0)
    size = nearest_text_size (1.0);
  else if (step < 0)
    size = size > 0 ? size - 1 : 0;
  else
    size = MIN (size + 1, G_N_ELEMENTS (text_sizes) - 1);
  g_settings_set_double (self->settings, "text-scale", text_sizes[size]);
  return text_sizes[size];
}

static gboolean
text_size_get_mapping (GValue   *value,
                       GVariant *variant,
                       gpointer  user_data)
{
  g_value_set_uint (value, nearest_text_size (g_variant_get_double (variant)));
  return TRUE;
}

static GVariant *
text_size_set_mapping (const GValue       *value,
                       const GVariantType *expected_type,
                       gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return index < G_N_ELEMENTS (text_sizes) ? g_variant_new_double (text_sizes[index]) : NULL;
}

void
flash_settings_bind_text_size (FlashSettings *self,
                               gpointer       object,
                               const char    *property)
{
  g_return_if_fail (FLASH_IS_SETTINGS (self));

  g_settings_bind_with_mapping (self->settings, "text-scale", object, property,
                                G_SETTINGS_BIND_DEFAULT, text_size_get_mapping,
                                text_size_set_mapping, NULL, NULL);
}

FlashColorScheme
flash_settings_get_color_scheme (FlashSettings *self)
{
  g_autofree char *scheme = NULL;

  g_return_val_if_fail (FLASH_IS_SETTINGS (self), FLASH_COLOR_SCHEME_DEFAULT);

  scheme = g_settings_get_string (self->settings, "color-scheme");
  if (g_strcmp0 (scheme, "light") == 0)
    return FLASH_COLOR_SCHEME_LIGHT;
  if (g_strcmp0 (scheme, "dark") == 0)
    return FLASH_COLOR_SCHEME_DARK;
  return FLASH_COLOR_SCHEME_DEFAULT;
}

void
flash_settings_bind (FlashSettings      *self,
                     const char         *key,
                     gpointer            object,
                     const char         *property,
                     GSettingsBindFlags  flags)
{
  g_return_if_fail (FLASH_IS_SETTINGS (self));
  g_return_if_fail (G_IS_OBJECT (object));

  g_settings_bind (self->settings, key, object, property, flags);
}

static gboolean
choice_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *choices = user_data;
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    {
      if (g_str_equal (choices[i], choice))
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
choice_set_mapping (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *choices = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) choices))
    return NULL;

  return g_variant_new_string (choices[index]);
}

/* Binds a string key with <choices> to an unsigned "selected"-style property (an AdwComboRow's),
 * the nth choice being item n. @choices must outlive the binding; a static array does. */
void
flash_settings_bind_choice (FlashSettings      *self,
                            const char         *key,
                            gpointer            object,
                            const char         *property,
                            const char * const *choices)
{
  g_return_if_fail (FLASH_IS_SETTINGS (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (choices != NULL);

  g_settings_bind_with_mapping (self->settings, key, object, property, G_SETTINGS_BIND_DEFAULT,
                                choice_get_mapping, choice_set_mapping,
                                (gpointer) choices, NULL);
}

static gboolean
window_close_request_cb (GtkWindow     *window,
                         FlashSettings *self)
{
  int width = 0;
  int height = 0;

  gtk_window_get_default_size (window, &width, &height);

  /* The schema's ranges refuse sizes a window cannot really have; keep the last good ones then. */
  if (width >= 360 && height >= 294)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return FALSE;
}

/* Restores the window's size from the settings and saves it when the window closes. */
void
flash_settings_bind_window (FlashSettings *self,
                            GtkWindow     *window)
{
  g_return_if_fail (FLASH_IS_SETTINGS (self));
  g_return_if_fail (GTK_IS_WINDOW (window));

  gtk_window_set_default_size (window,
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (window);

  g_signal_connect_object (window, "close-request",
                           G_CALLBACK (window_close_request_cb), self, 0);
}
