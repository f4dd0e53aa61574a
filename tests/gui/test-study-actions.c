/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-study-actions.c: the study page beyond grading: the card actions on the card being studied,
 * what the grade buttons say and how wide they are, and scrolling a long card. */

#include "flash-test-accessible.h"
#include "flash-test-display.h"
#include "flash-test-widgets.h"
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "flash-edit-dialog.h"
#include "flash-test-study.h"

static FlashCard *
card_at (Fixture *fixture,
         guint    index)
{
  g_autoptr(GPtrArray) cards = flash_store_list_cards (fixture->store, fixture->deck_id, NULL);
  FlashCard *card = g_ptr_array_index (cards, index);

  return flash_store_get_card (fixture->store, card->id, NULL);
}

static GtkWindow *
find_editor (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (FLASH_IS_EDIT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The browser's card actions work on the card being studied, by their keys: bury and suspend
 * make way for the next card, a flag leaves it, the editor's text shows at once, delete moves
 * on. */
static void
test_card_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(FlashCard) alpha = NULL;
  g_autoptr(FlashCard) bravo = NULL;
  g_autoptr(FlashCard) charlie = NULL;
  g_autoptr(FlashCard) edited = NULL;
  g_autoptr(GPtrArray) left = NULL;
  GtkWindow *editor;

  start (fixture);
  g_assert_cmpint (shown_question (fixture), ==, 0);
  g_assert_true (press_key (fixture, GDK_KEY_b, GDK_CONTROL_MASK));
  alpha = card_at (fixture, 0);
  g_assert_cmpint (alpha->bury_day, >, 0);
  g_assert_cmpstr (fixture->last_toast, ==, "Card buried until tomorrow");
  g_assert_cmpint (shown_question (fixture), ==, 1);
  g_assert_cmpuint (fixture->changed, ==, 1);

  g_assert_true (press_key (fixture, GDK_KEY_j, GDK_CONTROL_MASK));
  bravo = card_at (fixture, 1);
  g_assert_true (bravo->suspended);
  g_assert_cmpint (shown_question (fixture), ==, 2);

  g_assert_true (press_key (fixture, GDK_KEY_k, GDK_CONTROL_MASK));
  charlie = card_at (fixture, 2);
  g_assert_cmpint (charlie->flag, ==, 1);
  g_assert_cmpstr (fixture->last_toast, ==, "Card flagged");
  g_assert_cmpint (shown_question (fixture), ==, 2);

  g_assert_true (press_key (fixture, GDK_KEY_space, 0));
  g_assert_null (find_editor ());
  g_assert_true (press_key (fixture, GDK_KEY_e, GDK_CONTROL_MASK));
  editor = find_editor ();
  g_assert_nonnull (editor);
  flash_edit_dialog_set_text (FLASH_EDIT_DIALOG (editor), "Charlie, asked again", "A new answer.");
  g_assert_true (flash_edit_dialog_save (FLASH_EDIT_DIALOG (editor)));
  iterate ();
  g_assert_null (find_editor ());
  edited = card_at (fixture, 2);
  g_assert_cmpstr (edited->question, ==, "Charlie, asked again");
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "Charlie, asked again"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "A new answer."));

  g_assert_true (press_key (fixture, GDK_KEY_Delete, 0));
  left = flash_store_list_cards (fixture->store, fixture->deck_id, NULL);
  g_assert_cmpuint (left->len, ==, G_N_ELEMENTS (question_names) - 1);
  g_assert_cmpint (shown_question (fixture), ==, 3);
}

/* Hard brings a card back today and also sets its interval: its button says both. The grade
 * buttons are as wide as the card, at a desktop's width and at a phone's. */
static void
test_hard_interval_and_width (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (TEST_NOW "Z", NULL);
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(GPtrArray) cards = flash_store_list_cards (fixture->store, fixture->deck_id, NULL);
  FlashReviewResult result = { 0 };
  g_autoptr(GPtrArray) buttons = NULL;
  const int widths[] = { 900, 360 };

  g_assert_true (flash_store_record_review (fixture->store,
                                            ((FlashCard *) g_ptr_array_index (cards, 0))->id, 4,
                                            yesterday, 1000, &result, NULL));
  start (fixture);
  g_assert_cmpint (shown_question (fixture), ==, 0);
  activate (fixture, "study.show-answer", NULL);
  buttons = grade_buttons (fixture);
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 1), "Hard, today, then 6 days");
  flash_test_assert_accessible_label (g_ptr_array_index (buttons, 2), "Good, 6 days");

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      GtkWidget *card = flash_test_find_by_class (GTK_WIDGET (fixture->page), "card");
      GtkWidget *first;
      GtkWidget *last;
      graphene_rect_t card_box, first_box, last_box;

      gtk_window_set_default_size (fixture->window, widths[w], 700);
      for (guint i = 0; i < 20; i++)
        {
          g_usleep (10000);
          iterate ();
        }
      g_clear_pointer (&buttons, g_ptr_array_unref);
      buttons = grade_buttons (fixture);
      first = g_ptr_array_index (buttons, 0);
      last = g_ptr_array_index (buttons, buttons->len - 1);
      g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (fixture->page), &card_box));
      g_assert_true (gtk_widget_compute_bounds (first, GTK_WIDGET (fixture->page), &first_box));
      g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (fixture->page), &last_box));
      g_assert_cmpfloat_with_epsilon (first_box.origin.x, card_box.origin.x, 1.0);
      g_assert_cmpfloat_with_epsilon (last_box.origin.x + last_box.size.width,
                                      card_box.origin.x + card_box.size.width, 1.0);
    }
}

/* A long answer scrolls by Down, Page Down, End and Home wherever focus is, and a wheel turned
 * over a code block scrolls the card, not the block sideways. */
static void
test_scrolling (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("# Long\n\n## Part\n\n### A long question\n\n");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  GtkScrolledWindow *scroller;
  GtkAdjustment *adjustment;
  GtkWidget *code_scroller;
  double value;

  g_string_append (text, "```python\nprint('a line long enough to scroll sideways in a narrow "
                         "window, and then some more words to be sure of it')\n```\n\n");
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (text, "Paragraph %u of a long answer.\n\n", i);
  sheet = flash_sheet_parse (text->str, -1, "long.md", &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_sheet (fixture->store, sheet, &result, &error));
  flash_study_page_start (fixture->page, result.deck_id);
  flash_import_result_clear (&result);
  iterate ();
  activate (fixture, "study.show-answer", NULL);
  for (guint i = 0; i < 30; i++)
    {
      g_usleep (10000);
      iterate ();
    }
  scroller = GTK_SCROLLED_WINDOW (flash_test_find_type (GTK_WIDGET (fixture->page),
                                                        GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >,
                     2 * gtk_adjustment_get_page_size (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);

  g_assert_true (press_key (fixture, GDK_KEY_Down, 0));
  value = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (value, >, 0.0);
  g_assert_true (press_key (fixture, GDK_KEY_Page_Down, 0));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, value);
  g_assert_true (press_key (fixture, GDK_KEY_End, 0));
  g_assert_cmpfloat_with_epsilon (gtk_adjustment_get_value (adjustment),
                                  gtk_adjustment_get_upper (adjustment)
                                  - gtk_adjustment_get_page_size (adjustment), 1.0);
  g_assert_true (press_key (fixture, GDK_KEY_Home, 0));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);

  /* The wheel over the code block: its scroll controller moves the card. */
  code_scroller = gtk_widget_get_parent (flash_test_find_type (GTK_WIDGET (scroller),
                                                               GTK_TYPE_TEXT_VIEW));
  g_assert_true (GTK_IS_SCROLLED_WINDOW (code_scroller));
  {
    g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (code_scroller);
    gboolean handled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
      {
        g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

        if (GTK_IS_EVENT_CONTROLLER_SCROLL (controller)
            && gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
          g_signal_emit_by_name (controller, "scroll", 0.0, 40.0, &handled);
      }
    g_assert_true (handled);
  }
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >=, 40.0);
}

static void
settle (void)
{
  for (guint i = 0; i < 30; i++)
    {
      g_usleep (10000);
      iterate ();
    }
}

/* In a wide window an answer's long code line gets the room it needs, not scrolled away, while
 * prose keeps its readable column; a card of prose only stays at that column. */
static void
test_wide_code (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  GtkWidget *card;
  GtkWidget *code;
  GtkAdjustment *hadjustment;

  sheet = flash_sheet_parse ("# Wide\n\n## Code\n\n### A wide one\n\n```python\nvalue = compute"
                             "(1, 2)  # a trailing comment that runs well past the readable "
                             "column of prose\n```\n", -1, "wide.md", &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_sheet (fixture->store, sheet, &result, &error));
  gtk_window_set_default_size (fixture->window, 1400, 800);
  flash_study_page_start (fixture->page, result.deck_id);
  flash_import_result_clear (&result);
  settle ();
  card = flash_test_find_by_class (GTK_WIDGET (fixture->page), "card");
  g_assert_cmpint (gtk_widget_get_width (card), <=, 700);

  activate (fixture, "study.show-answer", NULL);
  settle ();
  code = flash_test_find_type (GTK_WIDGET (fixture->page), GTK_TYPE_TEXT_VIEW);
  g_assert_cmpint (gtk_widget_get_width (card), >, 700);
  /* Nothing of the line is out of sight: the block does not scroll sideways. */
  hadjustment = gtk_scrolled_window_get_hadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_parent (code)));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=,
                     gtk_adjustment_get_page_size (hadjustment) + 1);
}

/* The done page sums the session up and offers Study More while the deck has new cards left: ten
 * more than the day's limit, studied at once; without new cards left it is not offered. */
static void
test_study_more (Fixture       *fixture,
                 gconstpointer  data)
{
  FlashLimits limits;
  guint graded = 0;

  flash_store_get_limits (fixture->store, &limits);
  limits.new_per_day = 2;
  g_assert_true (flash_store_set_limits (fixture->store, &limits, NULL));
  start (fixture);
  for (; !flash_study_page_is_done (fixture->page); graded++)
    {
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (graded == 0 ? 1 : 4));
    }
  /* Again brings the first back once: three grades, two recalled. */
  g_assert_cmpuint (graded, ==, 3);
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page),
                                         "3 cards in under a minute, 67 % recalled"));
  g_assert_true (label_mapped_with_text (GTK_WIDGET (fixture->page), "Study More New Cards"));
  activate (fixture, "study.more", NULL);
  g_assert_false (flash_study_page_is_done (fixture->page));
  g_assert_cmpint (shown_question (fixture), ==, 2);
  for (; !flash_study_page_is_done (fixture->page); graded++)
    {
      activate (fixture, "study.show-answer", NULL);
      activate (fixture, "study.grade", g_variant_new_int32 (4));
    }
  g_assert_cmpuint (graded, ==, 6);
  g_assert_false (label_mapped_with_text (GTK_WIDGET (fixture->page), "Study More New Cards"));
}

/* A long answer (a list of many links) stays inside the card's background. */
static void
test_long_answer_inside_card (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("# Links\n\n## Reading\n\n### Where to read on\n\n");
  g_autoptr(FlashSheet) sheet = NULL;
  g_autoptr(GError) error = NULL;
  FlashImportResult result = { 0 };
  GtkWidget *card;
  GtkWidget *last = NULL;
  graphene_rect_t card_box, last_box;

  for (guint i = 0; i < 80; i++)
    g_string_append_printf (text, "- [Chapter %u of the guide](https://example.org/%u), then "
                                  "the notes on it\n", i, i);
  sheet = flash_sheet_parse (text->str, -1, "links.md", &error);
  g_assert_no_error (error);
  g_assert_true (flash_store_import_sheet (fixture->store, sheet, &result, &error));
  flash_study_page_start (fixture->page, result.deck_id);
  flash_import_result_clear (&result);
  iterate ();
  activate (fixture, "study.show-answer", NULL);
  settle ();
  card = flash_test_find_by_class (GTK_WIDGET (fixture->page), "card");
  /* The last label inside the card is the list's last item. */
  for (GtkWidget *w = card; w != NULL; w = gtk_widget_get_last_child (w))
    if (GTK_IS_LABEL (w))
      last = w;
  g_assert_nonnull (last);
  g_assert_true (gtk_widget_compute_bounds (card, GTK_WIDGET (fixture->page), &card_box));
  g_assert_true (gtk_widget_compute_bounds (last, GTK_WIDGET (fixture->page), &last_box));
  g_assert_cmpfloat (last_box.origin.y + last_box.size.height, <=,
                     card_box.origin.y + card_box.size.height);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("FLASHSHEET_NOW", TEST_NOW, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", TRUE);

  flash_test_require_display ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

#define ADD(name, func) \
  g_test_add ("/study-actions/" name, Fixture, NULL, flash_test_study_set_up, func, \
              flash_test_study_tear_down)
  ADD ("card-actions", test_card_actions);
  ADD ("hard-interval-and-width", test_hard_interval_and_width);
  ADD ("scrolling", test_scrolling);
  ADD ("wide-code", test_wide_code);
  ADD ("study-more", test_study_more);
  ADD ("long-answer-inside-card", test_long_answer_inside_card);
#undef ADD

  return g_test_run ();
}
