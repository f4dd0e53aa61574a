/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-calendar.c: the heatmap of reviews per day (see the header). */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "flash-stats-calendar.h"
#include "flash-stats-chart.h"

#define MAX_CELL 16
#define LEVELS   4

struct _FlashStatsCalendar
{
  GtkWidget   parent_instance;

  char       *name;
  GArray     *days;      /* FlashStatsDay, oldest first */
  GHashTable *by_day;    /* FlashDay -> index + 1 in days */
  FlashDay    first;     /* the Monday of the first column */
  FlashDay    last;
  FlashDay    selected;
  guint       busiest;   /* the most reviews of a shown day */
  char       *text;
};

enum
{
  SIGNAL_SELECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (FlashStatsCalendar, flash_stats_calendar, GTK_TYPE_WIDGET)

static const FlashStatsDay *
lookup (FlashStatsCalendar *self,
        FlashDay            day)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_day, GINT_TO_POINTER (day)));

  return index > 0 ? &g_array_index (self->days, FlashStatsDay, index - 1) : NULL;
}

/* 1 for Monday … 7 for Sunday. */
static int
weekday (FlashDay day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  return g_date_get_weekday (&date);
}

char *
flash_stats_format_date (FlashDay    day,
                         const char *format)
{
  GDate date;
  char text[128];
  GString *out = g_string_new (NULL);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  if (g_date_strftime (text, sizeof text, format, &date) == 0)
    text[0] = '\0';
  /* %e pads a day below 10 with a blank. */
  for (const char *p = g_strstrip (text); *p != '\0'; p++)
    if (*p != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

char *
flash_stats_calendar_format_day (FlashDay day,
                                 guint    reviews,
                                 gint64   answer_ms)
{
  /* Translators: a day of the calendar, as g_date_strftime() takes it: "Tuesday, 3 March 2026". */
  g_autofree char *when = flash_stats_format_date (day, _("%A, %e %B %Y"));
  g_autofree char *span = NULL;
  g_autofree char *numbers = NULL;
  guint minutes = (guint) ((answer_ms + 30000) / 60000);

  if (reviews == 0)
    numbers = g_strdup (_("no reviews"));
  else if (answer_ms <= 0)
    numbers = g_strdup_printf (ngettext ("%u review", "%u reviews", reviews), reviews);
  else
    {
      span = minutes < 1 ? g_strdup (_("less than a minute"))
                         : g_strdup_printf (ngettext ("%u minute", "%u minutes", minutes), minutes);
      /* Translators: "12 reviews in 4 minutes"; %s is the time. */
      numbers = g_strdup_printf (ngettext ("%u review in %s", "%u reviews in %s", reviews),
                                 reviews, span);
    }
  /* Translators: a calendar day and its numbers: "Tuesday, 3 March 2026: 12 reviews". */
  return g_strdup_printf (_("%s: %s"), when, numbers);
}

static void
update_text (FlashStatsCalendar *self)
{
  const FlashStatsDay *entry = lookup (self, self->selected);
  g_autofree char *label = NULL;

  g_free (self->text);
  self->text = flash_stats_calendar_format_day (self->selected, entry != NULL ? entry->reviews : 0,
                                                entry != NULL ? entry->answer_ms : 0);
  /* As a chart's (flash-stats-chart.c): the selected day is in the name a screen reader says
   * again. */
  label = g_strdup_printf (_("%s: %s"), self->name, self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->text, -1);
}

/* The cell size and the grid's left edge at the widget's width. */
static void
geometry (FlashStatsCalendar *self,
          double             *cell,
          double             *gap,
          double             *left)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  *cell = MIN (MAX_CELL, width / FLASH_STATS_CALENDAR_WEEKS);
  *gap = *cell >= 8 ? 2 : 1;
  *left = (width - *cell * FLASH_STATS_CALENDAR_WEEKS) / 2;
}

/* The day under a point, or 0. */
static FlashDay
day_at (FlashStatsCalendar *self,
        double              x,
        double              y)
{
  double cell, gap, left;
  int column, row;
  FlashDay day;

  geometry (self, &cell, &gap, &left);
  if (cell <= 0 || x < left || y < 0)
    return 0;
  column = (int) ((x - left) / cell);
  row = (int) (y / cell);
  if (column >= FLASH_STATS_CALENDAR_WEEKS || row >= 7)
    return 0;
  day = self->first + column * 7 + row;
  return day <= self->last ? day : 0;
}

static void
flash_stats_calendar_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FlashStatsCalendar *self = FLASH_STATS_CALENDAR (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  double cell, gap, left;
  GdkRGBA fill;
  GdkRGBA empty;

  if (self->first == 0)
    return;
  geometry (self, &cell, &gap, &left);
  flash_stats_color (FLASH_STATS_COLOR_GREEN, dark, &fill);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &empty);
  G_GNUC_END_IGNORE_DEPRECATIONS
  empty.alpha = 0.08;

  for (FlashDay day = self->first; day <= self->last; day++)
    {
      const FlashStatsDay *entry = lookup (self, day);
      guint column = (guint) (day - self->first) / 7;
      guint row = (guint) (day - self->first) % 7;
      graphene_rect_t rect = GRAPHENE_RECT_INIT (left + column * cell, row * cell,
                                                 MAX (cell - gap, 1), MAX (cell - gap, 1));
      GdkRGBA color = empty;

      if (entry != NULL && entry->reviews > 0 && self->busiest > 0)
        {
          guint level = (entry->reviews * LEVELS + self->busiest - 1) / self->busiest;

          color = fill;
          color.alpha = (double) CLAMP (level, 1, LEVELS) / LEVELS;
        }
      gtk_snapshot_append_color (snapshot, &color, &rect);
      if (day == self->selected && gtk_widget_has_visible_focus (widget))
        {
          GskRoundedRect outline;
          GdkRGBA ring;
          const float widths[4] = { 2, 2, 2, 2 };

          flash_stats_color (FLASH_STATS_COLOR_BLUE, dark, &ring);
          gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
          gtk_snapshot_append_border (snapshot, &outline, widths,
                                      (GdkRGBA[4]) { ring, ring, ring, ring });
        }
    }
}

static void
flash_stats_calendar_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = FLASH_STATS_CALENDAR_WEEKS * 4;
      *natural = FLASH_STATS_CALENDAR_WEEKS * MAX_CELL;
    }
  else
    {
      /* Seven rows of the cells the width allows. */
      double cell = for_size > 0 ? MIN (MAX_CELL, (double) for_size / FLASH_STATS_CALENDAR_WEEKS)
                                 : MAX_CELL;

      *minimum = *natural = (int) (cell * 7 + 0.5);
    }
}

static GtkSizeRequestMode
flash_stats_calendar_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  FlashStatsCalendar *self = FLASH_STATS_CALENDAR (widget);
  FlashDay day = keyboard ? self->selected : day_at (self, x, y);
  const FlashStatsDay *entry;
  g_autofree char *text = NULL;

  if (day == 0)
    return FALSE;
  entry = lookup (self, day);
  text = flash_stats_calendar_format_day (day, entry != NULL ? entry->reviews : 0,
                                          entry != NULL ? entry->answer_ms : 0);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                FlashStatsCalendar    *self)
{
  FlashDay day = self->selected;

  if (self->first == 0 || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left: day -= 7; break;
    case GDK_KEY_Right: case GDK_KEY_KP_Right: day += 7; break;
    case GDK_KEY_Up: case GDK_KEY_KP_Up: day -= 1; break;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: day += 1; break;
    case GDK_KEY_Home: day = self->first; break;
    case GDK_KEY_End: day = self->last; break;
    default: return FALSE;
    }
  flash_stats_calendar_select (self, CLAMP (day, self->first, self->last));
  return TRUE;
}

static void
pressed_cb (GtkGestureClick    *gesture,
            int                 n_press,
            double              x,
            double              y,
            FlashStatsCalendar *self)
{
  FlashDay day = day_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (day != 0)
    flash_stats_calendar_select (self, day);
}

static void
flash_stats_calendar_finalize (GObject *object)
{
  FlashStatsCalendar *self = FLASH_STATS_CALENDAR (object);

  g_clear_pointer (&self->days, g_array_unref);
  g_hash_table_unref (self->by_day);
  g_free (self->text);
  g_free (self->name);
  G_OBJECT_CLASS (flash_stats_calendar_parent_class)->finalize (object);
}

static void
flash_stats_calendar_class_init (FlashStatsCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = flash_stats_calendar_finalize;
  widget_class->snapshot = flash_stats_calendar_snapshot;
  widget_class->measure = flash_stats_calendar_measure;
  widget_class->get_request_mode = flash_stats_calendar_get_request_mode;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "flash-stats-calendar");

  /* The selected day changed: the day. */
  signals[SIGNAL_SELECTED] = g_signal_new ("selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
flash_stats_calendar_init (FlashStatsCalendar *self)
{
  self->by_day = g_hash_table_new (NULL, NULL);
  flash_stats_widget_set_up (GTK_WIDGET (self), G_CALLBACK (query_tooltip_cb),
                             G_CALLBACK (key_pressed_cb), G_CALLBACK (pressed_cb));
}

GtkWidget *
flash_stats_calendar_new (const char *name)
{
  FlashStatsCalendar *self = g_object_new (FLASH_TYPE_STATS_CALENDAR, NULL);

  self->name = g_strdup (name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  return GTK_WIDGET (self);
}

void
flash_stats_calendar_set_days (FlashStatsCalendar *self,
                               GArray             *days,
                               FlashDay            last)
{
  g_return_if_fail (FLASH_IS_STATS_CALENDAR (self));
  g_return_if_fail (days != NULL && last > 0);

  g_clear_pointer (&self->days, g_array_unref);
  self->days = g_array_ref (days);
  g_hash_table_remove_all (self->by_day);
  self->last = last;
  /* The Monday of the week 52 weeks before the last day's. */
  self->first = last - (weekday (last) - 1) - 7 * (FLASH_STATS_CALENDAR_WEEKS - 1);
  self->busiest = 0;
  for (guint i = 0; i < days->len; i++)
    {
      const FlashStatsDay *entry = &g_array_index (days, FlashStatsDay, i);

      g_hash_table_insert (self->by_day, GINT_TO_POINTER (entry->day), GUINT_TO_POINTER (i + 1));
      if (entry->day >= self->first && entry->day <= self->last)
        self->busiest = MAX (self->busiest, entry->reviews);
    }
  self->selected = last;
  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

FlashDay
flash_stats_calendar_get_first (FlashStatsCalendar *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CALENDAR (self), 0);
  return self->first;
}

FlashDay
flash_stats_calendar_get_selected (FlashStatsCalendar *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CALENDAR (self), 0);
  return self->selected;
}

void
flash_stats_calendar_select (FlashStatsCalendar *self,
                             FlashDay            day)
{
  g_return_if_fail (FLASH_IS_STATS_CALENDAR (self));

  if (self->first == 0 || day < self->first || day > self->last)
    return;
  self->selected = day;
  update_text (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTED], 0, (int) day);
}

const char *
flash_stats_calendar_get_text (FlashStatsCalendar *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_CALENDAR (self), NULL);
  return self->text;
}
