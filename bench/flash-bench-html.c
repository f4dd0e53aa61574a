/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-bench-html.c: how long a saved web page takes to become cards. Writes a page of about
 * 300 KB like a cheatsheet site's (sections, paragraphs, code, tables, term lists, page furniture),
 * or reads the one given, and times reading it as Markdown alone, the whole flash_sheet_load(), and
 * the whole import into a fresh collection (docs/performance.md, "Saved web pages").
 *
 *   flashsheet-bench-html [--page FILE] [--kib N] [--runs N] --scratch DIR */
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "flash-html.h"
#include "flash-sheet.h"
#include "flash-store.h"

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("flashsheet-bench-html: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

/* A page of about @kib KiB. */
static char *
make_page (guint kib)
{
  GString *page = g_string_new ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                "<title>Bench Sheet</title><script>var x = 1;</script>"
                                "<style>body { margin: 0 }</style></head><body>"
                                "<header><nav><a href=\"/\">Home</a></nav></header><main>");

  for (guint s = 0; page->len < kib * 1024; s++)
    {
      g_string_append_printf (page, "<h2 id=\"s%u\">Section %u</h2>\n", s, s);
      for (guint q = 0; q < 5; q++)
        g_string_append_printf (page, "<h3>Topic %u.%u</h3>\n<p>Use <code>cmd-%u</code> to do "
                                "<b>thing %u</b>; see <a href=\"https://example.org/%u\">docs</a>."
                                "<br>Second line.</p>\n<pre><code class=\"language-python\">"
                                "def f%u(x):\n    return x &lt; %u\n</code></pre>\n",
                                s, q, q, q, q, q, q);
      g_string_append (page, "<table><thead><tr><th>Key</th><th>Action</th></tr></thead><tbody>");
      for (guint r = 0; r < 8; r++)
        g_string_append_printf (page, "<tr><td><kbd>Ctrl</kbd>+<kbd>%c</kbd></td>"
                                "<td>Action %u</td></tr>", 'A' + r, r);
      g_string_append (page, "</tbody></table>\n<dl>");
      for (guint t = 0; t < 4; t++)
        g_string_append_printf (page, "<dt>term %u-%u</dt><dd>meaning %u</dd>", s, t, t);
      g_string_append (page, "</dl>\n");
    }
  g_string_append (page, "</main><footer>© Bench</footer></body></html>\n");
  return g_string_free (page, FALSE);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *page_path = NULL;
  g_autofree char *scratch = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) convert = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) import = g_array_new (FALSE, FALSE, sizeof (double));
  gsize length = 0;
  guint cards = 0;
  int kib = 300;
  int runs = 20;
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_FILENAME, &page_path, "Page to read (default: a generated one)",
      "FILE" },
    { "kib", 0, 0, G_OPTION_ARG_INT, &kib, "Size of the generated page (300)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Repetitions (20)", "N" },
    { "scratch", 0, 0, G_OPTION_ARG_FILENAME, &scratch, "Folder for the page file", "DIR" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    die ("options", error);
  if (scratch == NULL || runs < 1 || kib < 1)
    {
      g_printerr ("flashsheet-bench-html: --scratch is required\n");
      return 2;
    }
  if (page_path != NULL)
    {
      if (!g_file_get_contents (page_path, &text, &length, &error))
        die (page_path, error);
    }
  else
    {
      text = make_page ((guint) kib);
      length = strlen (text);
    }
  g_mkdir_with_parents (scratch, 0700);
  path = g_build_filename (scratch, "bench-page.html", NULL);
  if (!g_file_set_contents (path, text, (gssize) length, &error))
    die (path, error);

  for (int i = 0; i < runs; i++)
    {
      g_autofree char *markdown = NULL;
      g_autoptr(FlashSheet) sheet = NULL;
      gint64 start = g_get_monotonic_time ();
      double ms;

      markdown = flash_html_to_markdown (text, length, path, &error);
      if (markdown == NULL)
        die (path, error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (convert, ms);

      start = g_get_monotonic_time ();
      sheet = flash_sheet_load (path, &error);
      if (sheet == NULL)
        die (path, error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (load, ms);
      cards = sheet->cards->len;

      /* The whole import, as the app and flashsheet-cli import do it. */
      {
        g_autofree char *name = g_strdup_printf ("import-%d.db", i);
        g_autofree char *db = g_build_filename (scratch, name, NULL);
        FlashStore *store = flash_store_open (db, &error);

        if (store == NULL)
          die (db, error);
        start = g_get_monotonic_time ();
        if (!flash_store_import_file (store, path, NULL, &error))
          die (path, error);
        ms = (g_get_monotonic_time () - start) / 1000.0;
        g_array_append_val (import, ms);
        flash_store_close (store);
        g_unlink (db);
      }
    }
  g_array_sort (convert, compare_doubles);
  g_array_sort (load, compare_doubles);
  g_print ("page: %" G_GSIZE_FORMAT " bytes, %u cards, %d runs\n", length, cards, runs);
  g_print ("| step | median ms | worst ms |\n| --- | --- | --- |\n");
  g_print ("| page to Markdown (libxml2 and the writer) | %.1f | %.1f |\n",
           g_array_index (convert, double, convert->len / 2),
           g_array_index (convert, double, convert->len - 1));
  g_print ("| flash_sheet_load (reading, Markdown, cards) | %.1f | %.1f |\n",
           g_array_index (load, double, load->len / 2),
           g_array_index (load, double, load->len - 1));
  g_array_sort (import, compare_doubles);
  g_print ("| import into a fresh collection | %.1f | %.1f |\n",
           g_array_index (import, double, import->len / 2),
           g_array_index (import, double, import->len - 1));
  g_unlink (path);
  return 0;
}
