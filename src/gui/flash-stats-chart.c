/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-chart.c: the Statistics page's bar chart (see the header). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "flash-stats-chart.h"

#define MIN_HEIGHT  96
#define NAT_HEIGHT  140
#define GAP_SHARE   0.25 /* of each bar's slot, left empty between bars */

struct _FlashStatsChart
{
  GtkWidget        parent_instance;

  char            *name;
  FlashStatsColor  colors[2];
  GArray          *first;   /* double */
  GArray          *second;  /* double, or empty */
  GPtrArray       *texts;
  guint            selected;
  double           top;     /* the tallest bar's value */
};

enum
{
  SIGNAL_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FlashStatsChart, flash_stats_chart, GTK_TYPE_WIDGET)

void
flash_stats_color (FlashStatsColor  color,
                   gboolean         dark,
                   GdkRGBA         *rgba)
{
  /* libadwaita's palette: blue 3 / 2, green 4 / 3, yellow 5 / 3, red 3 / 2, purple 3 / 2. */
  static const char *const light[] = { "#3584e4", "#2ec27e", "#e5a50a", "#e01b24", "#9141ac" };
  static const char *const night[] = { "#62a0ea", "#33d17a", "#f6d32d", "#ed333b", "#c061cb" };

  g_return_if_fail (color < G_N_ELEMENTS (light));
  gdk_rgba_parse (rgba, dark ? night[color] : light[color]);
}

static double
value_at (GArray *values,
          guint   i)
{
  return i < values->len ? g_array_index (values, double, i) : 0.0;
}

/* The selected bar's numbers are part of the chart's name as well as its description: a screen
 * reader says the focused widget's name again when it changes, which GTK 4.8 has no other way to
 * ask for. */
static void
update_description (FlashStatsChart *self)
{
  const char *text = flash_stats_chart_get_text (self);
  g_autofree char *label = NULL;

  if (text == NULL)
    text = "";
  /* Translators: a chart's name and its selected bar, "Forecast: Tomorrow: 12 due". */
  label = *text != '\0' ? g_strdup_printf (_("%s: %s"), self->name, text) : g_strdup (self->name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

/* The bar under @x, or -1. */
static int
bar_at (FlashStatsChart *self,
        double           x)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int index;

  if (self->first->len == 0 || width <= 0 || x < 0 || x >= width)
    return -1;
  index = (int) (x * self->first->len / width);
  return CLAMP (index, 0, (int) self->first->len - 1);
}

static void
flash_stats_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  FlashStatsChart *self = FLASH_STATS_CHART (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  guint n = self->first->len;
  GdkRGBA colors[2];
  GdkRGBA line;
  double slot;

  if (n == 0 || width <= 0 || height <= 0)
    return;
  flash_stats_color (self->colors[0], dark, &colors[0]);
  flash_stats_color (self->colors[1], dark, &colors[1]);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &line);
  G_GNUC_END_IGNORE_DEPRECATIONS

  slot = width / n;
  for (guint i = 0; i < n; i++)
    {
      double parts[2] = { value_at (self->first, i), value_at (self->second, i) };
      double gap = slot >= 4 ? slot * GAP_SHARE : 0;
      double x = i * slot + gap / 2;
      double bottom = height - 1;

      for (guint p = 0; p < 2; p++)
        {
          double h = self->top > 0 ? parts[p] / self->top * (height - 4) : 0;

          if (parts[p] <= 0)
            continue;
          /* A bar of any value shows, however small against the tallest. */
          h = MAX (h, 2);
          gtk_snapshot_append_color (snapshot, &colors[p],
                                     &GRAPHENE_RECT_INIT (x, bottom - h, MAX (slot - gap, 1), h));
          bottom -= h;
        }
    }

  /* The baseline, and the selected bar's place while the chart has the focus. */
  line.alpha = 0.25;
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));
  if (gtk_widget_has_visible_focus (widget))
    {
      GdkRGBA focus = colors[0];

      focus.alpha = 0.6;
      gtk_snapshot_append_color (snapshot, &focus,
                                 &GRAPHENE_RECT_INIT (self->selected * slot, 0, MAX (slot, 2), 2));
      focus.alpha = 0.15;
      gtk_snapshot_append_color (snapshot, &focus,
                                 &GRAPHENE_RECT_INIT (self->selected * slot, 0, MAX (slot, 2),
                                                      height - 1));
    }
}

static void
flash_stats_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = MIN_HEIGHT;
      *natural = NAT_HEIGHT;
    }
  else
    {
      *minimum = 48;
      *natural = 480;
    }
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FlashStatsChart *self = FLASH_STATS_CHART (widget);
  int index = keyboard ? (int) self->selected : bar_at (self, x);

  if (index < 0 || (guint) index >= self->texts->len)
    return FALSE;
  gtk_tooltip_set_text (tooltip, g_ptr_array_index (self->texts, index));
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FlashStatsChart       *self)
{
  guint n = self->first->len;

  if (n == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      flash_stats_chart_select (self, self->selected > 0 ? self->selected - 1 : 0);
      return TRUE;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      flash_stats_chart_select (self, MIN (self->selected + 1, n - 1));
      return TRUE;
    case GDK_KEY_Home:
      flash_stats_chart_select (self, 0);
      return TRUE;
    case GDK_KEY_End:
      flash_stats_chart_select (self, n - 1);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            FlashStatsChart *self)
{
  int index = bar_at (self, x);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (index >= 0)
    flash_stats_chart_select (self, (guint) index);
}

static void
flash_stats_chart_finalize (GObject *object)
{
  FlashStatsChart *self = FLASH_STATS_CHART (object);

  g_free (self->name);
  g_array_unref (self->first);
  g_array_unref (self->second);
  g_ptr_array_unref (self->texts);
  G_OBJECT_CLASS (flash_stats_chart_parent_class)->finalize (object);
}

static void
flash_stats_chart_class_init (FlashStatsChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = flash_stats_chart_finalize;
  widget_class->snapshot = flash_stats_chart_snapshot;
  widget_class->measure = flash_stats_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "flash-stats-chart");

  /* The selected bar changed: its index. */
  signals[SIGNAL_SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_UINT);
}

void
flash_stats_widget_set_up (GtkWidget *widget,
                           GCallback  query_tooltip,
                           GCallback  key_pressed,
                           GCallback  pressed)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", query_tooltip, NULL);
  g_signal_connect (keys, "key-pressed", key_pressed, widget);
  gtk_widget_add_controller (widget, keys);
  g_signal_connect (click, "pressed", pressed, widget);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));
  /* The selection shows while the widget has the focus, in the palette of the style. */
  g_signal_connect (widget, "notify::has-focus", G_CALLBACK (gtk_widget_queue_draw), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), widget, G_CONNECT_SWAPPED);
}

static void
flash_stats_chart_init (FlashStatsChart *self)
{
  self->first = g_array_new (FALSE, TRUE, sizeof (double));
  self->second = g_array_new (FALSE, TRUE, sizeof (double));
  self->texts = g_ptr_array_new_with_free_func (g_free);
  flash_stats_widget_set_up (GTK_WIDGET (self), G_CALLBACK (query_tooltip_cb),
                             G_CALLBACK (key_pressed_cb), G_CALLBACK (pressed_cb));
}

GtkWidget *
flash_stats_chart_new (const char      *name,
                       FlashStatsColor  first,
                       FlashStatsColor  second)
{
  FlashStatsChart *self = g_object_new (FLASH_TYPE_STATS_CHART, NULL);

  self->name = g_strdup (name);
  self->colors[0] = first;
  self->colors[1] = second;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}

void
flash_stats_chart_set_bars (FlashStatsChart *self,
                            guint            n,
                            const double    *first,
                            const double    *second,
                            GPtrArray       *texts)
{
  g_return_if_fail (FLASH_IS_STATS_CHART (self));
  g_return_if_fail (texts != NULL && texts->len == n);

  g_array_set_size (self->first, 0);
  g_array_set_size (self->second, 0);
  g_array_append_vals (self->first, first, n);
  if (second != NULL)
    g_array_append_vals (self->second, second, n);
  g_ptr_array_unref (self->texts);
  self->texts = texts;
  self->top = 0;
  for (guint i = 0; i < n; i++)
    self->top = MAX (self->top, value_at (self->first, i) + value_at (self->second, i));
  self->selected = MIN (self->selected, n > 0 ? n - 1 : 0);
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
flash_stats_chart_get_n_bars (FlashStatsChart *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CHART (self), 0);
  return self->first->len;
}

guint
flash_stats_chart_get_selected (FlashStatsChart *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CHART (self), 0);
  return self->selected;
}

void
flash_stats_chart_select (FlashStatsChart *self,
                          guint            index)
{
  g_return_if_fail (FLASH_IS_STATS_CHART (self));

  if (index >= self->first->len)
    return;
  self->selected = index;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0, index);
}

const char *
flash_stats_chart_get_text (FlashStatsChart *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CHART (self), NULL);

  if (self->selected >= self->texts->len)
    return NULL;
  return g_ptr_array_index (self->texts, self->selected);
}
