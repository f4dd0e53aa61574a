/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-stats-page.c: the Statistics page (see the header). Each chart and the calendar take
 * the keyboard focus; the arrow keys move along them and the caption under each says the
 * selected bar's or day's numbers, which are also its tooltip and its accessible description. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-stats-calendar.h"
#include "flash-stats-chart.h"
#include "flash-stats-page-private.h"

G_DEFINE_FINAL_TYPE (FlashStatsPage, flash_stats_page, ADW_TYPE_BIN)

/* Building ----------------------------------------------------------------------------------- */

static GtkWidget *
dim_label (const char *text,
           float       xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  return label;
}

/* A heading (with @suffix at its end, if any) over a card that holds @child. */
static void
add_section (FlashStatsPage *self,
             const char     *title,
             GtkWidget      *suffix,
             GtkWidget      *child)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *heading = g_object_new (GTK_TYPE_LABEL, "label", title,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING, NULL);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_box_append (GTK_BOX (header), heading);
  if (suffix != NULL)
    gtk_box_append (GTK_BOX (header), suffix);
  gtk_widget_set_margin_top (header, 18);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "flash-stats-card");
  gtk_box_append (GTK_BOX (card), child);
  gtk_box_append (GTK_BOX (self->content), header);
  gtk_box_append (GTK_BOX (self->content), card);
}

static GtkWidget *
caption_label (FlashStatsPage *self,
               const char     *name)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "numeric");
  g_hash_table_insert (self->captions, (gpointer) name, label);
  return label;
}

static void
chart_selected_cb (FlashStatsChart *chart,
                   guint            index,
                   GtkLabel        *caption)
{
  gtk_label_set_text (caption, flash_stats_chart_get_text (chart));
}

/* A chart with labels under its start, middle and end, and its caption. */
static GtkWidget *
chart_box (FlashStatsPage  *self,
           const char      *name,
           GtkWidget       *chart,
           const char      *start,
           const char      *middle,
           const char      *end)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *axis = gtk_center_box_new ();
  GtkWidget *caption = caption_label (self, name);

  gtk_center_box_set_start_widget (GTK_CENTER_BOX (axis), dim_label (start, 0));
  if (middle != NULL)
    gtk_center_box_set_center_widget (GTK_CENTER_BOX (axis), dim_label (middle, 0.5));
  gtk_center_box_set_end_widget (GTK_CENTER_BOX (axis), dim_label (end, 1));
  g_signal_connect_object (chart, "selected", G_CALLBACK (chart_selected_cb), caption, 0);
  gtk_box_append (GTK_BOX (box), chart);
  gtk_box_append (GTK_BOX (box), axis);
  gtk_box_append (GTK_BOX (box), caption);
  g_hash_table_insert (self->parts, (gpointer) name, chart);
  return box;
}

static GtkWidget *
tile (FlashStatsPage *self,
      const char     *name,
      const char     *title,
      GtkLabel      **detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("–");
  GtkWidget *label = dim_label (title, 0.5);

  gtk_widget_add_css_class (value, "title-2");
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), label);
  if (detail != NULL)
    {
      *detail = GTK_LABEL (dim_label (NULL, 0.5));
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (*detail));
    }
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  /* Two tiles a line in a narrow window, four in a wide one. */
  gtk_widget_set_size_request (box, 130, -1);
  g_hash_table_insert (self->tiles, (gpointer) name, value);
  return box;
}

static GtkWidget *
today_tiles (FlashStatsPage *self)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_append (GTK_FLOW_BOX (flow), tile (self, "reviews", _("Reviews"), NULL));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), tile (self, "time", _("Time Spent"), NULL));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), tile (self, "correct", _("Correct"), NULL));
  gtk_flow_box_append (GTK_FLOW_BOX (flow), tile (self, "streak", _("Day Streak"),
                                                  &self->streak_detail));
  /* The tiles are read, not chosen. */
  for (GtkWidget *child = gtk_widget_get_first_child (flow); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_set_focusable (child, FALSE);
  return flow;
}

/* A grid of numbers: a header row, then a header column and its cells. */
static GtkGrid *
number_grid (FlashStatsPage     *self,
             const char         *name,
             const char * const *columns,
             guint               n_columns)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint c = 0; c < n_columns; c++)
    gtk_grid_attach (GTK_GRID (grid), dim_label (columns[c], c == 0 ? 0 : 1), (int) c, 0, 1, 1);
  g_hash_table_insert (self->parts, (gpointer) name, grid);
  return GTK_GRID (grid);
}

static void
calendar_selected_cb (FlashStatsCalendar *calendar,
                      int                 day,
                      GtkLabel           *caption)
{
  gtk_label_set_text (caption, flash_stats_calendar_get_text (calendar));
}

/* Loading ------------------------------------------------------------------------------------ */

typedef struct
{
  char      *path;
  gint64     deck_id;
  GDateTime *now;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->path);
  g_date_time_unref (job->now);
  g_free (job);
}

static void
load_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  LoadJob *job = data;
  GError *error = NULL;
  /* The window's own connection made the day's check and backup: this one only reads. */
  FlashStore *store = flash_store_open_reader (job->path, &error);
  FlashStatsReport *report = NULL;

  if (store != NULL)
    {
      report = flash_store_stats_report (store, job->deck_id, job->now, &error);
      flash_store_close (store);
    }
  if (g_task_return_error_if_cancelled (task))
    {
      flash_stats_report_free (report);
      g_clear_error (&error);
    }
  else if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) flash_stats_report_free);
  else
    g_task_return_error (task, error);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  FlashStatsPage *self = FLASH_STATS_PAGE (source);
  guint serial = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  FlashStatsReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  /* A later load, or the page's end, made this one stale. */
  if (serial != self->serial || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      flash_stats_report_free (report);
      return;
    }
  self->loading = FALSE;
  if (report == NULL)
    {
      AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (self->stack, "error"));

      adw_status_page_set_description (page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  flash_stats_report_free (self->report);
  self->report = report;
  flash_stats_page_show_report (self);
}

static void
load (FlashStatsPage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadJob *job;

  if (self->path == NULL)
    return;
  job = g_new0 (LoadJob, 1);
  job->path = g_strdup (self->path);
  job->deck_id = self->deck_id;
  job->now = g_date_time_ref (self->now);
  self->serial++;
  self->loading = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  if (self->report == NULL)
    gtk_stack_set_visible_child_name (self->stack, "loading");
  task = g_task_new (self, self->cancellable, load_done_cb, GUINT_TO_POINTER (self->serial));
  g_task_set_source_tag (task, load);
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_run_in_thread (task, load_thread);
}

/* Controls ------------------------------------------------------------------------------------ */

static void
deck_chosen_cb (GtkDropDown    *chooser,
                GParamSpec     *pspec,
                FlashStatsPage *self)
{
  guint index = gtk_drop_down_get_selected (chooser);

  if (index >= self->deck_ids->len)
    return;
  self->deck_id = g_array_index (self->deck_ids, gint64, index);
  self->calendar_last = 0;
  self->keep_selection = FALSE;
  load (self);
}

static void
move_calendar (FlashStatsPage *self,
               int             weeks)
{
  if (self->report == NULL)
    return;
  self->calendar_last = CLAMP (self->calendar_last + weeks * 7, 1, self->report->today);
  flash_stats_page_show_calendar (self);
}

static void
earlier_cb (FlashStatsPage *self)
{
  move_calendar (self, -52);
}

static void
later_cb (FlashStatsPage *self)
{
  move_calendar (self, 52);
}

static void
forecast_days_cb (GtkToggleButton *button,
                  FlashStatsPage  *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  self->forecast_days = GTK_WIDGET (button) == self->days_30 ? 30 : FLASH_STATS_FORECAST_DAYS;
  if (self->report != NULL && !flash_stats_page_report_is_empty (self->report))
    flash_stats_page_show_forecast (self);
}

static GtkWidget *
icon_button (const char *icon,
             const char *name,
             GCallback   callback,
             gpointer    data)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, name);
  flash_accessible_set_name (button, name);
  g_signal_connect_swapped (button, "clicked", callback, data);
  return button;
}

static GtkWidget *
calendar_part (FlashStatsPage *self,
               GtkWidget     **suffix)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *calendar = flash_stats_calendar_new (_("Reviews per Day"));
  GtkWidget *caption = caption_label (self, "calendar");
  GtkWidget *nav = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->calendar_range = GTK_LABEL (dim_label (NULL, 0.5));
  self->earlier_button = icon_button ("go-previous-symbolic", _("Earlier Year"),
                                      G_CALLBACK (earlier_cb), self);
  self->later_button = icon_button ("go-next-symbolic", _("Later Year"),
                                    G_CALLBACK (later_cb), self);
  gtk_box_append (GTK_BOX (nav), self->earlier_button);
  gtk_box_append (GTK_BOX (nav), GTK_WIDGET (self->calendar_range));
  gtk_box_append (GTK_BOX (nav), self->later_button);
  g_signal_connect_object (calendar, "selected", G_CALLBACK (calendar_selected_cb), caption, 0);
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), caption);
  g_hash_table_insert (self->parts, "calendar", calendar);
  *suffix = nav;
  return box;
}

static GtkWidget *
forecast_part (FlashStatsPage *self,
               GtkWidget     **suffix)
{
  GtkWidget *chart = flash_stats_chart_new (_("Forecast"), FLASH_STATS_COLOR_BLUE,
                                            FLASH_STATS_COLOR_GREEN);
  g_autofree char *in_days = NULL;
  GtkWidget *box = NULL;
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *days_90 = gtk_toggle_button_new_with_label (_("90 Days"));
  GtkWidget *legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->days_30 = gtk_toggle_button_new_with_label (_("30 Days"));
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (days_90), GTK_TOGGLE_BUTTON (self->days_30));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->days_30), TRUE);
  g_signal_connect (self->days_30, "toggled", G_CALLBACK (forecast_days_cb), self);
  g_signal_connect (days_90, "toggled", G_CALLBACK (forecast_days_cb), self);
  flash_accessible_name_button (self->days_30);
  flash_accessible_name_button (days_90);
  gtk_widget_set_tooltip_text (self->days_30, _("The forecast of the next 30 days"));
  gtk_widget_set_tooltip_text (days_90, _("The forecast of the next 90 days"));
  gtk_widget_add_css_class (toggles, "linked");
  gtk_box_append (GTK_BOX (toggles), self->days_30);
  gtk_box_append (GTK_BOX (toggles), days_90);
  gtk_widget_set_valign (toggles, GTK_ALIGN_CENTER);

  box = chart_box (self, "forecast", chart, _("Today"), NULL, _("Later"));
  self->load_label = GTK_LABEL (dim_label (NULL, 0));
  gtk_box_append (GTK_BOX (legend), GTK_WIDGET (self->load_label));
  gtk_widget_set_hexpand (GTK_WIDGET (self->load_label), TRUE);
  {
    GtkWidget *young = gtk_label_new (NULL);
    GtkWidget *mature = gtk_label_new (NULL);

    /* The legend's squares are the bars' colours (style.css). */
    gtk_label_set_text (GTK_LABEL (young), "■");
    gtk_widget_add_css_class (young, "flash-stats-young");
    gtk_label_set_text (GTK_LABEL (mature), "■");
    gtk_widget_add_css_class (mature, "flash-stats-mature");
    /* A screen reader has the words beside them. */
    gtk_accessible_update_state (GTK_ACCESSIBLE (young), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    gtk_accessible_update_state (GTK_ACCESSIBLE (mature), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
    gtk_box_append (GTK_BOX (legend), young);
    gtk_box_append (GTK_BOX (legend), dim_label (_("Young"), 0));
    gtk_box_append (GTK_BOX (legend), mature);
    gtk_box_append (GTK_BOX (legend), dim_label (_("Mature"), 0));
  }
  gtk_box_append (GTK_BOX (box), legend);
  *suffix = toggles;
  return box;
}

static void
build (FlashStatsPage *self)
{
  static const char *const retention_columns[] = { "", N_("Young"), N_("Mature") };
  static const char *const button_columns[] = {
    "", N_("Again"), N_("Hard"), N_("Good"), N_("Easy"), N_("Correct"),
  };
  const char *columns[G_N_ELEMENTS (button_columns)];
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *suffix = NULL;
  GtkWidget *part = NULL;
  GtkWidget *empty = adw_status_page_new ();
  GtkWidget *error = adw_status_page_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkStringList *names = gtk_string_list_new (NULL);

  self->stack = GTK_STACK (gtk_stack_new ());
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->deck_chooser = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (names), NULL));
  flash_accessible_set_name (GTK_WIDGET (self->deck_chooser), _("Deck"));
  /* The button a drop-down opens its list with is what a screen reader meets. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->deck_chooser));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      flash_accessible_set_name (child, _("Deck"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->deck_chooser), _("The deck the numbers are of"));
  gtk_widget_set_halign (GTK_WIDGET (self->deck_chooser), GTK_ALIGN_START);
  self->deck_handler = g_signal_connect (self->deck_chooser, "notify::selected",
                                         G_CALLBACK (deck_chosen_cb), self);
  g_hash_table_insert (self->parts, "deck", self->deck_chooser);

  add_section (self, _("Today"), NULL, today_tiles (self));
  part = calendar_part (self, &suffix);
  add_section (self, _("Calendar"), suffix, part);
  part = forecast_part (self, &suffix);
  add_section (self, _("Forecast"), suffix, part);

  for (guint i = 0; i < G_N_ELEMENTS (retention_columns); i++)
    columns[i] = i == 0 ? "" : _(retention_columns[i]);
  self->retention_grid = number_grid (self, "retention", columns, G_N_ELEMENTS (retention_columns));
  add_section (self, _("True Retention"), NULL, GTK_WIDGET (self->retention_grid));
  for (guint i = 0; i < G_N_ELEMENTS (button_columns); i++)
    columns[i] = i == 0 ? "" : _(button_columns[i]);
  self->buttons_grid = number_grid (self, "buttons", columns, G_N_ELEMENTS (button_columns));
  add_section (self, _("Answer Buttons"), NULL, GTK_WIDGET (self->buttons_grid));

  add_section (self, _("Reviews by Hour"), NULL,
               chart_box (self, "hours", flash_stats_chart_new (_("Reviews by Hour"),
                                                                FLASH_STATS_COLOR_BLUE,
                                                                FLASH_STATS_COLOR_BLUE),
                          "0:00", "12:00", "23:00"));
  add_section (self, _("Intervals"), NULL,
               chart_box (self, "intervals", flash_stats_chart_new (_("Intervals"),
                                                                    FLASH_STATS_COLOR_GREEN,
                                                                    FLASH_STATS_COLOR_GREEN),
                          _("1 day"), NULL, _("A year or more")));
  add_section (self, _("Ease"), NULL,
               chart_box (self, "ease", flash_stats_chart_new (_("Ease"),
                                                               FLASH_STATS_COLOR_PURPLE,
                                                               FLASH_STATS_COLOR_PURPLE),
                          "1.3", "2.1", "2.9+"));
  add_section (self, _("Cards Added"), NULL,
               chart_box (self, "added", flash_stats_chart_new (_("Cards Added"),
                                                                FLASH_STATS_COLOR_YELLOW,
                                                                FLASH_STATS_COLOR_YELLOW),
                          _("90 days ago"), NULL, _("Today")));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty),
                                 "io.github.flashsheet.Flashsheet-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Statistics Yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Study a few cards: the reviews, the forecast and how well "
                                     "the cards stick show here."));
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (error), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (error), _("Could Not Read the Statistics"));
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  flash_accessible_set_name (spinner, _("Reading the statistics"));
  gtk_stack_add_named (self->stack, spinner, "loading");
  gtk_stack_add_named (self->stack, self->content, "content");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_stack_add_named (self->stack, error, "error");
  gtk_stack_set_vhomogeneous (self->stack, FALSE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);

  /* The deck chooser stays above the numbers, and above the empty state, which a deck without
   * reviews shows. */
  gtk_widget_set_margin_top (column, 12);
  gtk_widget_set_margin_bottom (column, 24);
  gtk_widget_set_margin_start (column, 12);
  gtk_widget_set_margin_end (column, 12);
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->deck_chooser));
  gtk_box_append (GTK_BOX (column), GTK_WIDGET (self->stack));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), column);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  adw_bin_set_child (ADW_BIN (self), scroller);
}

static void
flash_stats_page_dispose (GObject *object)
{
  FlashStatsPage *self = FLASH_STATS_PAGE (object);

  /* A load still running is dropped when it ends. */
  self->serial++;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->report, flash_stats_report_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->now, g_date_time_unref);
  g_clear_pointer (&self->deck_ids, g_array_unref);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->parts, g_hash_table_unref);
  g_clear_pointer (&self->captions, g_hash_table_unref);
  G_OBJECT_CLASS (flash_stats_page_parent_class)->dispose (object);
}

static void
flash_stats_page_class_init (FlashStatsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = flash_stats_page_dispose;
}

static void
flash_stats_page_init (FlashStatsPage *self)
{
  self->deck_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->tiles = g_hash_table_new (g_str_hash, g_str_equal);
  self->parts = g_hash_table_new (g_str_hash, g_str_equal);
  self->captions = g_hash_table_new (g_str_hash, g_str_equal);
  self->forecast_days = 30;
  build (self);
}

GtkWidget *
flash_stats_page_new (void)
{
  return g_object_new (FLASH_TYPE_STATS_PAGE, NULL);
}

/* The chooser's decks; the deck on show stays chosen if it is still there, else every deck. */
static void
fill_chooser (FlashStatsPage *self,
              GPtrArray      *decks)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const gint64 all_decks = 0;
  guint selected = 0;

  g_array_set_size (self->deck_ids, 0);
  gtk_string_list_append (names, _("All Decks"));
  g_array_append_val (self->deck_ids, all_decks);
  for (guint i = 0; decks != NULL && i < decks->len; i++)
    {
      const FlashDeckInfo *deck = g_ptr_array_index (decks, i);

      gtk_string_list_append (names, deck->name);
      g_array_append_val (self->deck_ids, deck->id);
      if (deck->id == self->deck_id)
        selected = i + 1;
    }
  if (selected == 0)
    self->deck_id = 0;
  g_signal_handler_block (self->deck_chooser, self->deck_handler);
  gtk_drop_down_set_model (self->deck_chooser, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->deck_chooser, selected);
  g_signal_handler_unblock (self->deck_chooser, self->deck_handler);
}

void
flash_stats_page_show (FlashStatsPage *self,
                       const char     *path,
                       GPtrArray      *decks,
                       gint64          deck_id,
                       GDateTime      *now)
{
  g_return_if_fail (FLASH_IS_STATS_PAGE (self));
  g_return_if_fail (path != NULL && now != NULL);

  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  self->deck_id = deck_id;
  self->calendar_last = 0;
  self->keep_selection = FALSE;
  g_clear_pointer (&self->report, flash_stats_report_free);
  fill_chooser (self, decks);
  load (self);
}

void
flash_stats_page_reload (FlashStatsPage *self,
                         GPtrArray      *decks,
                         GDateTime      *now)
{
  g_return_if_fail (FLASH_IS_STATS_PAGE (self));
  g_return_if_fail (now != NULL);

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = g_date_time_ref (now);
  self->keep_selection = TRUE;
  fill_chooser (self, decks);
  load (self);
}

gint64
flash_stats_page_get_deck (FlashStatsPage *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), 0);
  return self->deck_id;
}

gboolean
flash_stats_page_is_loading (FlashStatsPage *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), FALSE);
  return self->loading;
}

gboolean
flash_stats_page_is_empty (FlashStatsPage *self)
{
  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "empty") == 0;
}

const char *
flash_stats_page_get_tile (FlashStatsPage *self,
                           const char     *name)
{
  GtkLabel *label;

  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), NULL);
  label = g_hash_table_lookup (self->tiles, name);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}

GtkWidget *
flash_stats_page_get_part (FlashStatsPage *self,
                           const char     *name)
{
  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), NULL);
  return g_hash_table_lookup (self->parts, name);
}

const char *
flash_stats_page_get_caption (FlashStatsPage *self,
                              const char     *name)
{
  GtkLabel *label;

  g_return_val_if_fail (FLASH_IS_STATS_PAGE (self), NULL);
  label = g_hash_table_lookup (self->captions, name);
  return label != NULL ? gtk_label_get_text (label) : NULL;
}
