/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window-interview.c: what the window does for mock interviews (docs/interview.md, "In the
 * app"): the set-up dialog, the interview page and its report, the report's two actions, and the
 * offer to resume an interview the app was closed or killed in. */
#include "config.h"

#include <glib/gi18n.h>

#include "flash-interview-report.h"
#include "flash-interview-setup.h"
#include "flash-interview.h"
#include "flash-window-private.h"

/* win.choose-interview (a deck's id; 0: the deck whose page shows, else every deck). */
void
flash_window_choose_interview_action_cb (GtkWidget  *widget,
                                         const char *action_name,
                                         GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = g_variant_get_int64 (parameter);
  const FlashDeckInfo *deck;
  FlashInterviewSetup *setup;

  if (self->store == NULL || self->decks->len == 0)
    return;
  if (deck_id == 0 && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "deck") == 0)
    deck_id = flash_deck_page_get_deck_id (self->deck_page);
  deck = deck_id != 0 ? flash_window_find_deck (self, deck_id) : NULL;
  if (deck_id != 0 && deck == NULL)
    return;
  setup = flash_interview_setup_new (GTK_WINDOW (self), self->store, deck, self->decks);
  g_set_weak_pointer (&self->interview_setup, setup);
  gtk_window_present (GTK_WINDOW (setup));
}

static void
run_interview (FlashWindow *self,
               gint64       id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (!flash_interview_page_start (self->interview_page, self->store, id, &error))
    {
      flash_window_show_error (self, _("Could Not Start the Interview"), error->message);
      return;
    }
  /* A resumed interview may have had every answer already: the page then reports at once. */
  if (flash_interview_page_get_id (self->interview_page) == 0)
    return;
  adw_window_title_set_subtitle (self->window_title, _("Mock Interview"));
  gtk_stack_set_visible_child_name (self->stack, "interview");
}

/* win.run-interview (an interview's id): the set-up dialog started it, or a resume. */
void
flash_window_run_interview_action_cb (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  run_interview (FLASH_WINDOW (widget), g_variant_get_int64 (parameter));
}

static void
show_report (FlashWindow *self,
             gint64       id)
{
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || !flash_interview_report_show (self->report_page, self->store, id,
                                                           &error))
    {
      /* Never left on an interview page that has no interview any more. */
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_stack_set_visible_child_name (self->stack, "overview");
      flash_window_refresh (self);
      if (error != NULL)
        flash_window_show_error (self, _("Could Not Read the Interview"), error->message);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, _("Interview Report"));
  gtk_stack_set_visible_child_name (self->stack, "report");
  flash_window_update_actions (self);
  gtk_widget_child_focus (GTK_WIDGET (self->report_page), GTK_DIR_TAB_FORWARD);
}

/* The newest finished interview, or 0. */
static gint64
newest_finished (FlashWindow *self)
{
  g_autoptr(GPtrArray) all = flash_store_interview_list (self->store, NULL);

  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      const FlashInterview *interview = g_ptr_array_index (all, i);

      if (interview->finished != 0)
        return interview->id;
    }
  return 0;
}

/* win.show-interview-report (an interview's id; 0: the newest finished one). */
void
flash_window_show_report_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);

  if (self->store == NULL)
    return;
  if (id == 0 && (id = newest_finished (self)) == 0)
    {
      flash_window_add_toast (self, _("No interview has been finished yet"));
      return;
    }
  show_report (self, id);
}

/* The interview page is done: its report, or the overview after a discard. */
void
flash_window_interview_finished_cb (FlashWindow *self,
                                    gint64       id)
{
  if (id != 0)
    {
      show_report (self, id);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, NULL);
  gtk_stack_set_visible_child_name (self->stack, "overview");
  flash_window_refresh (self);
  flash_window_add_toast (self, _("Interview discarded"));
}

/* win.cram-missed and win.review-missed (the report's interview). */
void
flash_window_missed_action_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GDateTime) now = flash_clock_now_or_system ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autofree char *text = NULL;
  guint moved = 0;

  if (self->store == NULL || id != flash_interview_report_get_id (self->report_page))
    return;
  if (g_str_equal (action_name, "win.cram-missed"))
    {
      GArray *missed = flash_interview_report_get_missed (self->report_page);

      ids = g_array_copy (missed);
      if (ids->len == 0)
        return;
      if (!flash_store_cram_order (self->store, ids, FLASH_CRAM_WEAKEST, 0, &error))
        {
          flash_window_show_error (self, _("Could Not Start Cramming"), error->message);
          return;
        }
      /* Translators: the window's subtitle while cramming an interview's missed cards. */
      flash_window_start_cram (self, _("Missed in the Interview › Cram"), ids);
      return;
    }
  if (!flash_store_interview_review_missed (self->store, id, now, &moved, &error))
    {
      flash_window_show_error (self, _("Could Not Add the Cards to Today’s Reviews"),
                               error->message);
      return;
    }
  flash_window_refresh (self);
  if (moved == 0)
    text = g_strdup (_("The missed cards are due today already, or new"));
  else
    /* Translators: a toast after "Add Missed Cards to Today's Reviews". */
    text = g_strdup_printf (ngettext ("%u card is due today", "%u cards are due today", moved),
                            moved);
  flash_window_add_toast (self, text);
}

static void
resume_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    FlashWindow      *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "interview-id");
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  if (g_str_equal (response, "resume"))
    gtk_widget_activate_action (GTK_WIDGET (self), "win.run-interview", "x", id);
  else if (g_str_equal (response, "discard")
           && !flash_store_interview_discard (self->store, id, &error))
    flash_window_show_error (self, _("Could Not Discard the Interview"), error->message);
}

void
flash_window_offer_resume (FlashWindow *self)
{
  g_autoptr(FlashInterview) interview = NULL;
  g_autofree char *body = NULL;
  g_autofree char *day = NULL;
  AdwMessageDialog *dialog;
  guint answered;
  gint64 id;
  gint64 *data;

  if (self->store == NULL || flash_store_is_read_only (self->store)
      || flash_interview_page_get_id (self->interview_page) != 0
      || (id = flash_store_interview_unfinished (self->store)) == 0
      || (interview = flash_store_interview_get (self->store, id, NULL)) == NULL)
    return;
  /* Its decks were deleted since: nothing is left to resume or to report. */
  if (interview->questions->len == 0)
    {
      flash_store_interview_discard (self->store, id, NULL);
      return;
    }
  answered = flash_interview_n_answered (interview);
  day = flash_interview_report_format_day (interview->started);
  /* Translators: %s is when the interview started; %u of %u are questions. */
  body = g_strdup_printf (ngettext ("The interview started on %s was not finished: %u of %u "
                                    "question has an answer. Resuming goes on from the next "
                                    "one, the clock from where it stopped.",
                                    "The interview started on %s was not finished: %u of %u "
                                    "questions have an answer. Resuming goes on from the next "
                                    "one, the clock from where it stopped.",
                                    interview->questions->len),
                          day, answered, interview->questions->len);
  dialog = flash_window_present_dialog (self, _("Resume the Interview?"), body);
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "resume", _("_Resume"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "resume", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "resume");
  adw_message_dialog_set_close_response (dialog, "later");
  data = g_new (gint64, 1);
  *data = id;
  g_object_set_data_full (G_OBJECT (dialog), "interview-id", data, g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (resume_response_cb), self, 0);
}
