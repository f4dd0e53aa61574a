/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-test-study.c: the study page tests' fixture (a page in a window of its own, on a store
 * with one deck of five cards) and the helpers that look at the page as a user does. */

#include "flash-test-study.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

/* A fixed instant, so that "tomorrow" and the intervals do not depend on the day the test runs. */
#define TEST_NOW "2026-11-21T10:00:00"

const char flash_test_study_sheet[] =
  "# Test Deck\n"
  "\n"
  "## Basics\n"
  "\n"
  "### Alpha question with `code`\n"
  "\n"
  "Alpha answer.\n"
  "\n"
  "### Bravo question\n"
  "\n"
  "Bravo answer.\n"
  "\n"
  "### Charlie question\n"
  "\n"
  "Charlie answer.\n"
  "\n"
  "### Delta question\n"
  "\n"
  "Delta answer.\n"
  "\n"
  "### Echo question\n"
  "\n"
  "Echo answer.\n";

const char *const question_names[5] = { "Alpha", "Bravo", "Charlie", "Delta", "Echo" };

static void
show_toast_cb (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->last_toast);
  fixture->last_toast = g_variant_dup_string (parameter, NULL);
}

static void
changed_cb (FlashStudyPage *page,
            Fixture        *fixture)
{
  fixture->changed++;
}

void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
flash_test_study_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FlashSheet) sheet = NULL;
  g_autofree char *path = NULL;
  FlashImportResult result = { 0 };

  fixture->dir = g_dir_make_tmp ("flashsheet-study-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "collection.db", NULL);
  fixture->store = flash_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  sheet = flash_sheet_parse (flash_test_study_sheet, -1, "test-deck.md", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sheet->cards->len, ==, G_N_ELEMENTS (question_names));
  g_assert_true (flash_store_import_sheet (fixture->store, sheet, &result, &error));
  g_assert_no_error (error);
  fixture->deck_id = result.deck_id;
  flash_import_result_clear (&result);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    g_autoptr(GSimpleAction) toast = g_simple_action_new ("show-toast", G_VARIANT_TYPE_STRING);

    g_signal_connect (toast, "activate", G_CALLBACK (show_toast_cb), fixture);
    g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (toast));
    gtk_widget_insert_action_group (GTK_WIDGET (fixture->window), "win", G_ACTION_GROUP (group));
  }
  gtk_window_set_default_size (fixture->window, 900, 700);
  fixture->page = FLASH_STUDY_PAGE (flash_study_page_new ());
  g_signal_connect (fixture->page, "changed", G_CALLBACK (changed_cb), fixture);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->page));
  flash_study_page_set_store (fixture->page, fixture->store);
  gtk_window_present (fixture->window);

  /* The window-wide shortcuts only run once the page is mapped. */
  while (!gtk_widget_get_mapped (GTK_WIDGET (fixture->page)))
    g_main_context_iteration (NULL, TRUE);
  iterate ();
}

void
flash_test_study_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "collection.db", NULL);

  gtk_window_destroy (fixture->window);
  iterate ();
  g_clear_pointer (&fixture->last_toast, g_free);
  flash_store_close (fixture->store);
  g_unlink (path);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

/* Helpers that look at the page the way a user does: through what is on screen. */

gboolean
label_mapped_with_text (GtkWidget  *widget,
                        const char *needle)
{
  GtkWidget *child;

  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget)
      && strstr (gtk_label_get_text (GTK_LABEL (widget)), needle) != NULL)
    return TRUE;

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_mapped_with_text (child, needle))
      return TRUE;

  return FALSE;
}


/* Which of the test questions is on screen, as an index into question_names, or -1. */
int
shown_question (Fixture *fixture)
{
  int found = -1;

  for (guint i = 0; i < G_N_ELEMENTS (question_names); i++)
    {
      g_autofree char *question = g_strdup_printf ("%s question", question_names[i]);

      if (label_mapped_with_text (GTK_WIDGET (fixture->page), question))
        {
          g_assert_cmpint (found, ==, -1);
          found = i;
        }
    }
  return found;
}

gboolean
answer_shown (Fixture *fixture,
              int      question)
{
  g_autofree char *answer = g_strdup_printf ("%s answer", question_names[question]);

  return label_mapped_with_text (GTK_WIDGET (fixture->page), answer);
}

/* The grade buttons exist twice, in one row and in two rows for narrow windows; a squeezer
 * shows one of them. Only those of the shown (or, before any layout, the first) are counted. */
static void
collect_grade_buttons (GtkWidget *widget,
                       GPtrArray *buttons)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "study.grade") == 0)
    g_ptr_array_add (buttons, widget);

  if (ADW_IS_SQUEEZER (widget))
    {
      child = adw_squeezer_get_visible_child (ADW_SQUEEZER (widget));
      if (child == NULL)
        child = gtk_widget_get_first_child (widget);
      collect_grade_buttons (child, buttons);
      return;
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_grade_buttons (child, buttons);
}

GPtrArray *
grade_buttons (Fixture *fixture)
{
  GPtrArray *buttons = g_ptr_array_new ();

  collect_grade_buttons (GTK_WIDGET (fixture->page), buttons);
  return buttons;
}




GtkShortcutController *
window_shortcuts (Fixture *fixture)
{
  g_autoptr(GListModel) controllers = NULL;

  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->page));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller)
          && g_strcmp0 (gtk_event_controller_get_name (controller), "flash-study-shortcuts") == 0)
        return GTK_SHORTCUT_CONTROLLER (controller);
    }

  g_assert_not_reached ();
  return NULL;
}

/* Presses a key through the page's window-wide shortcuts: the shortcut is looked up by its
 * trigger and its action run on the page, as GTK does for a key event. */
gboolean
press_key (Fixture         *fixture,
           guint            keyval,
           GdkModifierType  modifiers)
{
  GtkShortcutController *controller = window_shortcuts (fixture);
  GListModel *model = G_LIST_MODEL (controller);
  gboolean handled = FALSE;
  gboolean found = FALSE;

  g_assert_cmpint (gtk_shortcut_controller_get_scope (controller), ==, GTK_SHORTCUT_SCOPE_GLOBAL);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (fixture->page)));

  for (guint i = 0; i < g_list_model_get_n_items (model) && !found; i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (model, i);
      GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

      if (GTK_IS_KEYVAL_TRIGGER (trigger)
          && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
          && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == modifiers)
        {
          found = TRUE;
          handled = gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                                  GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                                  GTK_WIDGET (fixture->page),
                                                  gtk_shortcut_get_arguments (shortcut));
        }
    }

  g_assert_true (found);
  iterate ();
  return handled;
}

void
activate (Fixture    *fixture,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (fixture->page), action,
                                                     parameter));
  iterate ();
}

void
start (Fixture *fixture)
{
  flash_study_page_start (fixture->page, fixture->deck_id);
  iterate ();
}
