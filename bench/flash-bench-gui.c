/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-bench-gui.c: times the app's widgets under a real display: grade → next card, card
 * rendering, memory, and the browser's search as the user types. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "flash-browser-page.h"
#include "flash-markdown-view.h"
#include "flash-sheet.h"
#include "flash-store.h"
#include "flash-study-page.h"

/* The app's default window size (the window-width and window-height settings), so labels wrap as they do for a user. */
#define WINDOW_WIDTH  900
#define WINDOW_HEIGHT 720

/* How long no frame must be drawn before a measured action. A user takes seconds before pressing
 * a key, so the frame clock is idle by then; an action right after a frame would also measure the
 * wait for the next frame slot (up to 16.7 ms), which is not the app's work. */
#define IDLE_MS 20

/* Longest wait for a frame; a frame that never comes is a bug in the bench, not a slow app. */
#define FRAME_TIMEOUT_US (5 * G_USEC_PER_SEC)

static char *opt_collection;
static char *opt_decks;
static char *opt_now = "2026-03-02T10:00:00";
static char *opt_only;
static char *opt_scratch;
static int opt_reviews = 200;
static int opt_long_reviews = 1000;
static int opt_render_runs = 50;

static const GOptionEntry options[] = {
  { "collection", 0, 0, G_OPTION_ARG_FILENAME, &opt_collection,
    "Collection to study (a copy is used)", "FILE.db" },
  { "decks", 0, 0, G_OPTION_ARG_FILENAME, &opt_decks, "Folder of the bundled decks", "DIR" },
  { "now", 0, 0, G_OPTION_ARG_STRING, &opt_now, "Study time (FLASHSHEET_NOW)", "TIME" },
  { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "Run one group: grade, render or search",
    "GROUP" },
  { "scratch", 0, 0, G_OPTION_ARG_FILENAME, &opt_scratch,
    "Folder for the collection's copy (default: a temporary one)", "DIR" },
  { "reviews", 0, 0, G_OPTION_ARG_INT, &opt_reviews, "Grades timed (default 200)", "N" },
  { "long-reviews", 0, 0, G_OPTION_ARG_INT, &opt_long_reviews,
    "Grades in the whole session, for memory (default 1000)", "N" },
  { "render-runs", 0, 0, G_OPTION_ARG_INT, &opt_render_runs,
    "Renderings of the largest answer (default 50)", "N" },
  { NULL }
};

/* Statistics, in microseconds. */

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  guint  n;
  double median;
  double p95;
  double worst;
} Summary;

static Summary
summarise (const gint64 *values,
           guint         n)
{
  g_autofree gint64 *sorted = g_memdup2 (values, n * sizeof (gint64));
  Summary s = { n, 0, 0, 0 };

  if (n == 0)
    return s;

  qsort (sorted, n, sizeof (gint64), compare_gint64);
  s.median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  /* Nearest rank: the smallest value with at least 95 % of the values at or below it. */
  s.p95 = sorted[MIN (n - 1, (guint) ((n * 95 + 99) / 100) - 1)];
  s.worst = sorted[n - 1];
  return s;
}

/* This process's CPU time in microseconds. The machine may be shared: other processes stretch
 * the wall clock, much less the CPU time. The X server's own work is not in it. */
static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

/* One row of the table; @cpu may be NULL. */
static void
print_row (const char   *name,
           const gint64 *values,
           const gint64 *cpu,
           guint         n,
           const char   *target)
{
  Summary s = summarise (values, n);
  g_autofree char *cpu_text = NULL;

  if (cpu != NULL)
    cpu_text = g_strdup_printf ("%.2f", summarise (cpu, n).median / 1000.0);
  g_print ("| %s | %u | %.2f | %.2f | %.2f | %s | %s |\n", name, s.n, s.median / 1000.0,
           s.p95 / 1000.0, s.worst / 1000.0, cpu_text != NULL ? cpu_text : "", target);
}

static void
print_header (void)
{
  g_print ("| Benchmark | Runs | Median | p95 | Worst | CPU median | Target |\n");
  g_print ("| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
}

/* Resident memory of this process in KiB, from /proc/self/status. */
static guint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  if (line == NULL)
    return 0;
  return g_ascii_strtoull (line + strlen (field), NULL, 10);
}

/* Waiting for frames. */

typedef struct
{
  gboolean done;
  gint64   before_paint; /* the frame starts */
  gint64   layout;       /* GTK has measured and allocated the widgets */
  gint64   after_paint;  /* the X server has drawn the frame */
  gint64   cpu_after_paint; /* this process's CPU time then */
} Frame;

static void
before_paint_cb (GdkFrameClock *clock,
                 Frame         *frame)
{
  if (frame->before_paint == 0)
    frame->before_paint = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Frame         *frame)
{
  frame->layout = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Frame         *frame)
{
  /* The cairo renderer draws through Xlib, which the server carries out on its own time; a
   * round trip makes sure the frame is on the screen before the clock is read. */
  gdk_display_sync (gdk_display_get_default ());
  frame->after_paint = g_get_monotonic_time ();
  frame->cpu_after_paint = cpu_time ();
  frame->done = TRUE;
}

/* Runs the main loop until @widget's window has painted a frame. Connected after GTK's own
 * handlers, so "layout" is read when GTK's layout is over and "after-paint" when all is drawn. */
static gboolean
wait_for_frame (GtkWidget *widget,
                Frame     *frame)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gint64 deadline = g_get_monotonic_time () + FRAME_TIMEOUT_US;
  gulong ids[3];

  memset (frame, 0, sizeof *frame);
  ids[0] = g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), frame);
  ids[1] = g_signal_connect_after (clock, "layout", G_CALLBACK (layout_cb), frame);
  ids[2] = g_signal_connect_after (clock, "after-paint", G_CALLBACK (after_paint_cb), frame);

  while (!frame->done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);
  return frame->done;
}

static gboolean
idle_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Lets the main loop run for @ms milliseconds, so pending frames and idles finish. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, idle_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *n_frames)
{
  (*n_frames)++;
}

/* Waits until @widget's window has drawn no frame for IDLE_MS: the study page measures its code
 * blocks again a couple of frames after a card changes, and those frames must be over before the
 * next action is timed, or it would include waiting for them. */
static void
settle (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  guint n_frames;
  gulong id;

  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &n_frames);
  do
    {
      n_frames = 0;
      run_for (IDLE_MS);
    }
  while (n_frames > 0);
  g_signal_handler_disconnect (clock, id);
}

static GtkWindow *
create_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, WINDOW_WIDTH, WINDOW_HEIGHT);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  run_for (200);
  return window;
}

/* Grade → next card, and memory over a long session. */

/* A copy of --collection in a scratch folder (--scratch, or a temporary one), opened: the
 * benchmarks change what they study. @group names the benchmark in the error without one. */
static FlashStore *
open_copy (const char  *group,
           char       **scratch,
           char       **path)
{
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) dest = NULL;
  g_autoptr(GError) error = NULL;
  FlashStore *store;

  if (opt_collection == NULL)
    {
      g_printerr ("flashsheet-bench-gui: %s needs --collection\n", group);
      exit (2);
    }
  *scratch = opt_scratch != NULL ? g_strdup (opt_scratch)
                                 : g_dir_make_tmp ("flashsheet-bench-gui-XXXXXX", &error);
  if (*scratch == NULL)
    g_error ("%s", error->message);
  *path = g_build_filename (*scratch, "collection.db", NULL);
  source = g_file_new_for_path (opt_collection);
  dest = g_file_new_for_path (*path);
  if (!g_file_copy (source, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("Cannot copy %s: %s", opt_collection, error->message);
  store = flash_store_open (*path, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  return store;
}

/* Closes @store and removes its copy, its WAL and backups, unless --scratch keeps them. */
static void
close_copy (FlashStore *store,
            const char *scratch,
            const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *backups = g_build_filename (scratch, "backups", NULL);
  g_autoptr(GDir) dir = NULL;
  const char *name;

  flash_store_close (store);
  if (opt_scratch != NULL)
    return;
  dir = g_dir_open (backups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (backups, name, NULL);

      g_unlink (file);
    }
  g_rmdir (backups);
  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (scratch);
}

/* A plausible mix of grades: mostly Good, some Easy and Hard, an occasional Again (which
 * brings the card back later today, as step 7 of SM-2 wants). */
static int
grade_for (guint i)
{
  static const int grades[] = {
    FLASH_GRADE_GOOD, FLASH_GRADE_GOOD, FLASH_GRADE_EASY, FLASH_GRADE_GOOD, FLASH_GRADE_HARD,
    FLASH_GRADE_GOOD, FLASH_GRADE_GOOD, FLASH_GRADE_EASY, FLASH_GRADE_GOOD, FLASH_GRADE_AGAIN,
  };

  return grades[i % G_N_ELEMENTS (grades)];
}

static void
bench_grade (void)
{
  g_autofree char *scratch = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *latency = NULL;   /* grade pressed → next card on screen */
  g_autofree gint64 *handler = NULL;   /* the grade action's own work */
  g_autofree gint64 *frame_time = NULL; /* the frame that draws the next card */
  g_autofree gint64 *answer = NULL;    /* show answer → answer on screen */
  g_autofree gint64 *latency_cpu = NULL;
  g_autofree gint64 *handler_cpu = NULL;
  g_autofree gint64 *answer_cpu = NULL;
  g_autoptr(GString) memory = g_string_new (NULL);
  FlashStore *store;
  FlashLimits limits;
  FlashStudyPage *page;
  GtkWindow *window;
  guint n_total = MAX (opt_reviews, opt_long_reviews);
  guint64 rss_first = 0;
  guint done = 0;

  store = open_copy ("grade", &scratch, &path);
  flash_store_get_limits (store, &limits);

  latency = g_new0 (gint64, n_total);
  handler = g_new0 (gint64, n_total);
  frame_time = g_new0 (gint64, n_total);
  answer = g_new0 (gint64, n_total);
  latency_cpu = g_new0 (gint64, n_total);
  handler_cpu = g_new0 (gint64, n_total);
  answer_cpu = g_new0 (gint64, n_total);

  page = FLASH_STUDY_PAGE (flash_study_page_new ());
  flash_study_page_set_store (page, store);
  window = create_window (GTK_WIDGET (page));
  flash_study_page_start (page, 0);
  run_for (200);

  for (done = 0; done < n_total && !flash_study_page_is_done (page); done++)
    {
      Frame frame;
      gint64 start, start_cpu;
      gint64 returned, returned_cpu;

      settle (GTK_WIDGET (page));
      start_cpu = cpu_time ();
      start = g_get_monotonic_time ();
      if (!gtk_widget_activate_action (GTK_WIDGET (page), "study.show-answer", NULL))
        g_error ("study.show-answer is not available at review %u", done);
      if (!wait_for_frame (GTK_WIDGET (page), &frame))
        g_error ("No frame after showing answer %u", done);
      answer[done] = frame.after_paint - start;
      answer_cpu[done] = frame.cpu_after_paint - start_cpu;

      settle (GTK_WIDGET (page));
      start_cpu = cpu_time ();
      start = g_get_monotonic_time ();
      /* The same action the digit keys and the grade buttons activate. */
      if (!gtk_widget_activate_action (GTK_WIDGET (page), "study.grade", "i", grade_for (done)))
        g_error ("study.grade is not available at review %u", done);
      returned = g_get_monotonic_time ();
      returned_cpu = cpu_time ();
      if (!wait_for_frame (GTK_WIDGET (page), &frame))
        g_error ("No frame after grade %u", done);
      latency[done] = frame.after_paint - start;
      latency_cpu[done] = frame.cpu_after_paint - start_cpu;
      handler[done] = returned - start;
      handler_cpu[done] = returned_cpu - start_cpu;
      frame_time[done] = frame.after_paint - frame.before_paint;

      if (done == 0)
        rss_first = read_status_kib ("VmRSS:");
      /* The timed reviews run with the default limits, as most users have them. The default
       * limit (200 reviews a day) would then end the session; the rest of it, there to watch
       * memory, needs the whole queue. The collection is a copy, so the original keeps its
       * limits. */
      if (done + 1 == (guint) opt_reviews && limits.reviews_per_day < 99999)
        {
          limits.reviews_per_day = 99999;
          if (!flash_store_set_limits (store, &limits, &error))
            g_error ("%s", error->message);
        }
      if ((done + 1) % 200 == 0 || done + 1 == n_total)
        g_string_append_printf (memory, "| %u | %" G_GUINT64_FORMAT " | %" G_GUINT64_FORMAT
                                " |\n", done + 1, read_status_kib ("VmRSS:") / 1024,
                                read_status_kib ("VmHWM:") / 1024);
    }

  if (done < n_total)
    g_print ("Note: today's queue ran out after %u reviews.\n\n", done);

  g_print ("Grading in a %d×%d window, %s; times in ms.\n\n", WINDOW_WIDTH, WINDOW_HEIGHT,
           flash_store_get_path (store));
  print_header ();
  print_row ("grade → next card drawn (first reviews)", latency, latency_cpu,
             MIN (done, (guint) opt_reviews), "< 16");
  print_row ("… of which the grade action (store, new card's widgets)", handler, handler_cpu,
             MIN (done, (guint) opt_reviews), "");
  print_row ("… of which the frame (layout, paint, X server)", frame_time, NULL,
             MIN (done, (guint) opt_reviews), "");
  print_row ("show answer → answer drawn (first reviews)", answer, answer_cpu,
             MIN (done, (guint) opt_reviews), "");
  print_row ("grade → next card drawn (whole session, no daily limit after the first reviews)",
             latency, latency_cpu, done, "< 16");

  g_print ("\nResident memory (MiB): %" G_GUINT64_FORMAT " after the first review.\n\n",
           rss_first / 1024);
  g_print ("| Reviews | VmRSS | VmHWM |\n| ---: | ---: | ---: |\n%s\n", memory->str);

  gtk_window_destroy (window);
  run_for (50);
  close_copy (store, scratch, path);
}

/* Rendering the largest bundled answer. */

static char *
find_largest_answer (char **question)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *best = NULL;
  g_autofree char *best_question = NULL;
  const char *name;

  dir = g_dir_open (opt_decks, 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr(FlashSheet) sheet = NULL;

      if (!g_str_has_suffix (name, ".md"))
        continue;
      path = g_build_filename (opt_decks, name, NULL);
      sheet = flash_sheet_load (path, &error);
      if (sheet == NULL)
        g_error ("%s", error->message);

      for (guint i = 0; i < sheet->cards->len; i++)
        {
          FlashSheetCard *card = g_ptr_array_index (sheet->cards, i);

          if (best == NULL || strlen (card->answer) > strlen (best))
            {
              g_free (best);
              g_free (best_question);
              best = g_strdup (card->answer);
              best_question = g_strdup_printf ("%s: %s", name, card->question);
            }
        }
    }

  if (best == NULL)
    g_error ("No cards in %s", opt_decks);
  *question = g_steal_pointer (&best_question);
  return g_steal_pointer (&best);
}

static guint
count_widgets (GtkWidget *widget)
{
  guint n = 1;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_widgets (child);
  return n;
}

static void
bench_render (void)
{
  g_autofree char *question = NULL;
  g_autofree char *markdown = NULL;
  g_autofree gint64 *build = NULL;
  g_autofree gint64 *layout = NULL;
  g_autofree gint64 *paint = NULL;
  g_autofree gint64 *total = NULL;
  g_autofree gint64 *build_cpu = NULL;
  g_autofree gint64 *wait = NULL;
  g_autofree gint64 *total_cpu = NULL;
  FlashMarkdownView *view;
  GtkWidget *scroller;
  GtkWidget *clamp;
  GtkWidget *box;
  GtkWindow *window;
  guint n_lines = 0;

  if (opt_decks == NULL)
    {
      g_printerr ("flashsheet-bench-gui: render needs --decks\n");
      exit (2);
    }

  markdown = find_largest_answer (&question);
  for (const char *p = markdown; *p != '\0'; p++)
    n_lines += *p == '\n';

  /* Laid out as the study page lays out an answer: a clamp of 700 px with margins. */
  view = flash_markdown_view_new ();
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (view));
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  window = create_window (scroller);

  build = g_new0 (gint64, opt_render_runs);
  layout = g_new0 (gint64, opt_render_runs);
  paint = g_new0 (gint64, opt_render_runs);
  total = g_new0 (gint64, opt_render_runs);
  build_cpu = g_new0 (gint64, opt_render_runs);
  wait = g_new0 (gint64, opt_render_runs);
  total_cpu = g_new0 (gint64, opt_render_runs);

  for (int i = 0; i < opt_render_runs; i++)
    {
      Frame frame;
      gint64 start, start_cpu;
      gint64 returned, returned_cpu;

      flash_markdown_view_set_markdown (view, NULL);
      if (!wait_for_frame (GTK_WIDGET (view), &frame))
        g_error ("No frame after clearing the view");
      settle (GTK_WIDGET (view));

      start_cpu = cpu_time ();
      start = g_get_monotonic_time ();
      flash_markdown_view_set_markdown (view, markdown);
      returned = g_get_monotonic_time ();
      returned_cpu = cpu_time ();
      if (!wait_for_frame (GTK_WIDGET (view), &frame))
        g_error ("No frame after rendering");
      build[i] = returned - start;
      wait[i] = frame.before_paint - returned;
      build_cpu[i] = returned_cpu - start_cpu;
      total_cpu[i] = frame.cpu_after_paint - start_cpu;
      layout[i] = frame.layout - frame.before_paint;
      paint[i] = frame.after_paint - frame.layout;
      total[i] = frame.after_paint - start;
    }

  g_print ("Largest bundled answer: %s (%zu bytes, %u lines, %u widgets)\n\n", question,
           strlen (markdown), n_lines, count_widgets (GTK_WIDGET (view)) - 1);
  print_header ();
  print_row ("render the largest answer: set → drawn", total, total_cpu, opt_render_runs,
             "");
  print_row ("… `flash_markdown_view_set_markdown` (parse, build widgets)", build, build_cpu,
             opt_render_runs, "");
  print_row ("… until the frame starts (main loop, frame clock)", wait, NULL, opt_render_runs,
             "");
  print_row ("… layout (measure and allocate)", layout, NULL, opt_render_runs, "");
  print_row ("… paint (snapshot, cairo, X server)", paint, NULL, opt_render_runs, "");
  g_print ("\n");

  gtk_window_destroy (window);
  run_for (50);
}

/* The browser's search, typed a letter at a time: the same queries as `flashsheet-cli search`
 * in docs/performance.md. */
#define SEARCH_RUNS 3

static const char *const search_queries[] = {
  "bench", "de", "socket patch", "zebra", "how do you",
};

static void
bench_search (void)
{
  g_autofree char *scratch = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) typing = g_array_new (FALSE, FALSE, sizeof (gint64));  /* keystroke returns */
  g_autoptr(GArray) short_drawn = g_array_new (FALSE, FALSE, sizeof (gint64)); /* 1 letter */
  g_autoptr(GArray) long_drawn = g_array_new (FALSE, FALSE, sizeof (gint64));  /* 2 or more */
  g_autoptr(GString) per_query = g_string_new (NULL);
  FlashBrowserPage *page;
  GtkWidget *entry;
  GtkWindow *window;
  FlashStore *store;

  store = open_copy ("search", &scratch, &path);

  page = g_object_new (FLASH_TYPE_BROWSER_PAGE, NULL);
  flash_browser_page_set_store (page, store);
  window = create_window (GTK_WIDGET (page));
  flash_browser_page_focus_search (page);
  entry = gtk_window_get_focus (window);
  while (entry != NULL && !GTK_IS_SEARCH_ENTRY (entry))
    entry = gtk_widget_get_parent (entry);
  if (entry == NULL)
    g_error ("The browser's search entry did not take the focus");
  g_object_set (entry, "search-delay", 0u, NULL);
  /* A blinking cursor draws a frame twice a second for ten seconds after each keystroke. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (search_queries); q++)
    for (guint run = 0; run < SEARCH_RUNS; run++)
      {
        const char *query = search_queries[q];
        gint64 worst = 0;

        flash_browser_page_set_search (page, "", FLASH_CARD_FILTER_ALL);
        for (glong n = 1; n <= g_utf8_strlen (query, -1); n++)
          {
            g_autofree char *typed = g_utf8_substring (query, 0, n);
            Frame frame;
            gint64 start, returned, drawn;

            const char *letter = g_utf8_offset_to_pointer (typed, n - 1);
            int end = (int) n - 1;  /* in characters */

            settle (GTK_WIDGET (page));
            /* A space is typed but not timed: its results are the word's before it. */
            if (*letter == ' ')
              {
                gtk_editable_insert_text (GTK_EDITABLE (entry), " ", 1, &end);
                settle (GTK_WIDGET (page));
                continue;
              }
            start = g_get_monotonic_time ();
            /* A keystroke, the entry's delay set to nothing: its "search-changed" comes at the
             * next turn of the main loop. One letter more at the end, as a key press inserts
             * it (setting the whole text would empty the entry first, a search of its own). */
            gtk_editable_insert_text (GTK_EDITABLE (entry), letter,
                                      (int) (g_utf8_next_char (letter) - letter), &end);
            returned = g_get_monotonic_time ();
            while (!flash_browser_page_is_searching (page))
              g_main_context_iteration (NULL, TRUE);
            while (flash_browser_page_is_searching (page))
              g_main_context_iteration (NULL, TRUE);
            /* Results the same as before ("zeb" after "ze", none either time) change nothing
             * on the screen: the frame is asked for, so that every keystroke ends in one. */
            gtk_widget_queue_draw (GTK_WIDGET (page));
            if (!wait_for_frame (GTK_WIDGET (page), &frame))
              g_error ("No frame after typing “%s”", typed);
            drawn = frame.after_paint - start;
            if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), typed) != 0)
              g_error ("Typed “%s”, the entry holds “%s”", typed,
                       gtk_editable_get_text (GTK_EDITABLE (entry)));
            g_array_append_vals (typing, &(gint64) { returned - start }, 1);
            g_array_append_vals (n == 1 ? short_drawn : long_drawn, &drawn, 1);
            if (n == g_utf8_strlen (query, -1))
              worst = MAX (worst, drawn);
          }
        /* Every match, as the rest of a long result brings them. */
        if (run == SEARCH_RUNS - 1)
          {
            flash_browser_page_set_search (page, query, FLASH_CARD_FILTER_ALL);
            g_string_append_printf (per_query, "| `%s` | %u | %.1f |\n", query,
                                    flash_browser_page_get_n_results (page), worst / 1000.0);
          }
      }

  g_print ("Searching in the browser, %s: every query typed a letter at a time, %d times; "
           "times in ms.\n\n", flash_store_get_path (store), SEARCH_RUNS);
  print_header ();
  print_row ("keystroke: the text is in the entry (typing never waits)",
             (gint64 *) typing->data, NULL, typing->len, "< 16");
  print_row ("keystroke → first results drawn, queries of 2 letters or more",
             (gint64 *) long_drawn->data, NULL, long_drawn->len, "< 16.7");
  print_row ("keystroke → first results drawn, 1 letter", (gint64 *) short_drawn->data, NULL,
             short_drawn->len, "");
  g_print ("\n| Whole query | Cards found | First results drawn, ms (slowest run) |\n"
           "| --- | ---: | ---: |\n%s\n", per_query->str);

  gtk_window_destroy (window);
  run_for (50);
  close_copy (store, scratch, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time Flashsheet's widgets");
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkCssProvider) css = NULL;

  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("flashsheet-bench-gui: %s\n", error->message);
      return 2;
    }
  if (opt_only != NULL && g_strcmp0 (opt_only, "grade") != 0
      && g_strcmp0 (opt_only, "render") != 0 && g_strcmp0 (opt_only, "search") != 0)
    {
      g_printerr ("flashsheet-bench-gui: --only takes grade, render or search\n");
      return 2;
    }
  if (opt_reviews < 1 || opt_long_reviews < 0 || opt_render_runs < 1)
    {
      g_printerr ("flashsheet-bench-gui: counts must be positive\n");
      return 2;
    }

  /* The study page reads the time through flash_clock_now(), like the app. */
  g_setenv ("FLASHSHEET_NOW", opt_now, TRUE);

  adw_init ();
  /* The app's own stylesheet, which AdwApplication would load from its resources. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/io/github/flashsheet/Flashsheet/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  g_print ("GSK renderer: %s; GDK backend: %s\n\n",
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)",
           G_OBJECT_TYPE_NAME (gdk_display_get_default ()));

  if (opt_only == NULL || g_strcmp0 (opt_only, "render") == 0)
    bench_render ();
  if (opt_only == NULL || g_strcmp0 (opt_only, "grade") == 0)
    bench_grade ();
  if (opt_only == NULL || g_strcmp0 (opt_only, "search") == 0)
    bench_search ();

  return 0;
}
