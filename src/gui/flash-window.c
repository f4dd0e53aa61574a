/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-window.c: the main window: today's overview, the decks, importing and studying. */

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-day.h"
#include "flash-study-page.h"
#include "flash-window-private.h"

G_DEFINE_FINAL_TYPE (FlashWindow, flash_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Studying, cramming or in an interview: the page holds the window until it is left. */
static gboolean
is_studying (FlashWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  return g_strcmp0 (page, "study") == 0 || g_strcmp0 (page, "interview") == 0;
}

static gboolean
is_on_report (FlashWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "report") == 0;
}

static gboolean
is_browsing (FlashWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "browser") == 0;
}

static void show_deck (FlashWindow *self,
                       gint64       deck_id);

static gboolean
is_on_deck_page (FlashWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "deck") == 0;
}

void
flash_window_update_actions (FlashWindow *self)
{
  gboolean has_store = self->store != NULL;
  /* A read-only copy of a damaged collection can be looked at, not studied or changed. */
  gboolean writable = has_store && !flash_store_is_read_only (self->store);
  gboolean studying = is_studying (self);
  guint to_study = self->counts.new_cards + self->counts.learning + self->counts.due;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 studying || is_browsing (self) || is_on_deck_page (self)
                                 || is_on_report (self) || flash_window_is_on_stats (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-stats", has_store && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-deck", has_store && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.browse-deck", writable && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.browse",
                                 writable && !studying && !is_browsing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study",
                                 writable && !studying && to_study > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study-deck", writable && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study-section", writable && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.study-tag", writable && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-tag", writable && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cram-results",
                                 writable && is_browsing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cram-all",
                                 writable && !studying && self->decks != NULL
                                 && self->decks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-cram", writable && !studying);
  /* An interview writes as it starts and at every answer: not while an import holds the lock. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.choose-interview",
                                 writable && !studying && self->importing == NULL
                                 && self->decks != NULL && self->decks->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.run-interview",
                                 writable && !studying && self->importing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-interview-report",
                                 has_store && !studying);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cram-missed",
                                 writable && is_on_report (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-missed",
                                 writable && is_on_report (self) && self->importing == NULL);
  /* While an import writes in its worker, the window's own writes would wait for its lock. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-deck",
                                 writable && !studying && self->importing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename-deck",
                                 writable && !studying && self->importing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.set-deck-limit",
                                 writable && !studying && self->importing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import",
                                 writable && self->importing == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", self->importing != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export",
                                 self->store != NULL && self->decks != NULL
                                 && self->decks->len > 0);
  /* Ctrl+V imports on the overview and the empty page only: elsewhere it is the text's. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.paste-sheet",
                                 writable && !studying && self->importing == NULL
                                 && (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                                "overview") == 0
                                     || g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                                   "empty") == 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-paste",
                                 writable && self->paste_undo != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-bundled-decks",
                                 writable && self->importing == NULL);
}

void
flash_window_add_toast (FlashWindow *self,
                        const char  *title)
{
  g_autofree char *escaped = NULL;

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);

  /* Toast titles are Pango markup and deck names are the user's text. */
  escaped = g_markup_escape_text (title, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

void
flash_window_add_undo_toast (FlashWindow *self,
                             const char  *title,
                             const char  *action_name)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  AdwToast *toast = adw_toast_new (escaped);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, action_name);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

AdwMessageDialog *
flash_window_present_dialog (FlashWindow *self,
                             const char  *heading,
                             const char  *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  flash_accessible_name_dialog (GTK_WIDGET (dialog));
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

void
flash_window_show_error (FlashWindow *self,
                         const char  *heading,
                         const char  *body)
{
  AdwMessageDialog *dialog = flash_window_present_dialog (self, heading, body);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
}

/* Says how many days away the next review is, for when today's work is done; 0 when none is. */
static int
next_review_days (FlashWindow *self,
                  GDateTime   *now)
{
  g_autoptr(GError) error = NULL;
  FlashDay next = flash_store_next_due_day (self->store, 0, now, &error);

  if (next == 0)
    return 0;
  return MAX (next - flash_store_day_for (self->store, now), 1);
}

static void
show_page (FlashWindow *self,
           const char  *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * flash_window_refresh:
 * @self: a #FlashWindow
 *
 * Reads today's counts and the decks from the collection again and shows them. The study page,
 * when it is showing, stays.
 */
void
flash_window_refresh (FlashWindow *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GPtrArray) decks = NULL;
  g_autoptr(GError) error = NULL;
  FlashStats stats = { 0 };
  const FlashDeckInfo *shown_deck;
  gboolean have_stats;
  guint to_study;

  g_return_if_fail (FLASH_IS_WINDOW (self));

  if (self->store == NULL)
    {
      show_page (self, "error");
      flash_window_update_actions (self);
      return;
    }

  now = flash_clock_now_or_system ();
  decks = flash_store_list_decks (self->store, now, &error);
  if (decks == NULL)
    {
      /* Refreshes follow focus changes; one dialog about the same failure is enough. */
      if (self->dialog == NULL)
        flash_window_show_error (self, _("Cannot Read the Collection"), error->message);
      return;
    }
  g_ptr_array_unref (self->decks);
  self->decks = g_steal_pointer (&decks);

  memset (&self->counts, 0, sizeof self->counts);
  if (!flash_store_today_counts (self->store, 0, now, &self->counts, &error))
    {
      g_message ("Could not count today’s cards: %s", error->message);
      g_clear_error (&error);
    }
  have_stats = flash_store_get_stats (self->store, now, &stats, &error);
  if (!have_stats)
    g_message ("Could not read the statistics: %s", error->message);

  to_study = self->counts.new_cards + self->counts.learning + self->counts.due;
  flash_overview_page_show (self->overview_page, &self->counts, have_stats ? &stats : NULL,
                            self->decks, to_study == 0 ? next_review_days (self, now) : 0);

  /* A sheet dropped on the browser shows among its cards: the browser stays; so does a deck's
   * page while the deck is there, and an interview's report. */
  shown_deck = is_on_deck_page (self)
               ? flash_window_find_deck (self, flash_deck_page_get_deck_id (self->deck_page))
               : NULL;
  if (is_browsing (self) && self->decks->len > 0)
    flash_browser_page_refresh (self->browser_page);
  else if (shown_deck != NULL)
    flash_deck_page_show (self->deck_page, self->store, shown_deck);
  else if (flash_window_is_on_stats (self))
    flash_stats_page_reload (self->stats_page, self->decks, now);
  else if (!is_studying (self) && !(is_on_report (self) && self->decks->len > 0))
    show_page (self, self->decks->len > 0 ? "overview" : "empty");

  flash_window_update_actions (self);
}

static void
damaged_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     FlashWindow      *self)
{
  g_autoptr(GError) error = NULL;

  if (self->collection == NULL)
    return;
  if (g_strcmp0 (response, "copy") == 0)
    flash_collection_open_read_only_copy (self->collection);
  if (g_strcmp0 (response, "restore") != 0)
    return;
  if (!flash_collection_restore_newest (self->collection, &error))
    flash_window_show_error (self, _("Cannot Restore a Backup"), error->message);
}

/**
 * flash_window_show_open_error:
 * @self: a #FlashWindow
 * @error: why the collection could not be opened
 *
 * Shows why the collection could not be opened, on the window's error page and in a dialog. The
 * file is left untouched: the user may want to restore it from a backup.
 */
void
flash_window_show_open_error (FlashWindow  *self,
                              const GError *error)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (FLASH_IS_WINDOW (self));
  g_return_if_fail (error != NULL);

  /* A collection that failed its health check after the window showed is left alone from now
   * on: the window forgets it (the collection closes it too), so no refresh shows its decks and
   * no action writes to it. */
  self->store = NULL;
  flash_window_forget_paste (self);
  flash_browser_page_set_store (self->browser_page, NULL);
  flash_study_page_set_store (self->study_page, NULL);

  /* The status page description is markup. */
  escaped = g_markup_escape_text (error->message, -1);
  adw_status_page_set_description (self->error_page, escaped);
  show_page (self, "error");
  flash_window_update_actions (self);

  /* The message names the file and says that it was left as it was. */
  if (g_error_matches (error, FLASH_STORE_ERROR, FLASH_STORE_ERROR_DAMAGED))
    {
      AdwMessageDialog *dialog = flash_window_present_dialog (self, _("The Collection Is Damaged"),
                                                              error->message);

      /* The damaged file is kept among the backups, so restoring can be undone. */
      adw_message_dialog_add_responses (dialog,
                                        "close", _("_Close"),
                                        "copy", _("Open a _Copy Read-Only"),
                                        "restore", _("_Restore Newest Backup"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "restore");
      adw_message_dialog_set_close_response (dialog, "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (damaged_response_cb), self, 0);
      return;
    }
  flash_window_show_error (self, _("Cannot Open the Collection"), error->message);
}

const FlashDeckInfo *
flash_window_find_deck (FlashWindow *self,
                        gint64       deck_id)
{
  for (guint i = 0; i < self->decks->len; i++)
    {
      const FlashDeckInfo *deck = g_ptr_array_index (self->decks, i);

      if (deck->id == deck_id)
        return deck;
    }

  return NULL;
}

void
flash_window_start_study (FlashWindow *self,
                          gint64       deck_id,
                          const char  *section,
                          const char  *tag)
{
  const FlashDeckInfo *deck = deck_id != 0 ? flash_window_find_deck (self, deck_id) : NULL;
  const char *title = deck != NULL ? deck->name : _("All Decks");
  const char *last = section != NULL ? g_strrstr (section, " › ") : NULL;
  g_autofree char *subtitle = NULL;

  /* A section shows its own heading after the deck's name: "Python › Internals"; a tag, itself:
   * "Python › #concurrency". */
  if (section != NULL)
    subtitle = g_strconcat (title, " › ", last != NULL ? last + strlen (" › ") : section, NULL);
  else if (tag != NULL)
    subtitle = g_strconcat (title, " › #", tag, NULL);
  else
    subtitle = g_strdup (title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  flash_study_page_start_scope (self->study_page, deck_id, section, tag);
  show_page (self, "study");
}

void
flash_window_start_cram (FlashWindow  *self,
                         const char   *subtitle,
                         const GArray *card_ids)
{
  adw_window_title_set_subtitle (self->window_title, subtitle);
  flash_study_page_start_cram (self->study_page, card_ids);
  show_page (self, "study");
}

/* win.study (every deck) and win.study-deck (the deck's id). */
static void
study_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  flash_window_start_study (FLASH_WINDOW (widget),
                            parameter != NULL ? g_variant_get_int64 (parameter) : 0, NULL, NULL);
}

/* Pages inside the window (the study page) report errors through this action as toasts. */
static void
show_toast_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  flash_window_add_toast (FLASH_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);

  /* An interview is left only through its dialog: continue, end or discard. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "interview") == 0
      && flash_interview_page_get_id (self->interview_page) != 0)
    {
      flash_interview_page_ask_end (self->interview_page);
      return;
    }
  /* In a narrow browser, Back first leaves the card for the list. */
  if (is_browsing (self) && flash_browser_page_go_back (self->browser_page))
    return;
  /* The browser of one deck goes back to that deck's page. */
  if (is_browsing (self) && self->browsing_deck != 0
      && flash_window_find_deck (self, self->browsing_deck) != NULL)
    {
      show_deck (self, self->browsing_deck);
      return;
    }
  adw_window_title_set_subtitle (self->window_title, NULL);
  show_page (self, "overview");
  flash_window_refresh (self);
}

/* win.show-deck (a deck's id): the deck's page. */
static void
show_deck (FlashWindow *self,
           gint64       deck_id)
{
  const FlashDeckInfo *deck = flash_window_find_deck (self, deck_id);

  self->browsing_deck = 0;
  if (deck == NULL || self->store == NULL)
    return;
  flash_deck_page_show (self->deck_page, self->store, deck);
  adw_window_title_set_subtitle (self->window_title, NULL);
  show_page (self, "deck");
  flash_window_update_actions (self);
}

static void
show_deck_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  show_deck (FLASH_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* win.browse-deck ((xs): a deck and one of its sections, or ""): the browser, showing them. */
static void
browse_deck_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  gint64 deck_id = 0;
  const char *section = NULL;

  g_variant_get (parameter, "(x&s)", &deck_id, &section);
  flash_browser_page_set_store (self->browser_page, self->store);
  flash_browser_page_set_scope (self->browser_page, deck_id, *section != '\0' ? section : NULL);
  show_page (self, "browser");
  self->browsing_deck = deck_id;
  flash_window_update_actions (self);
  flash_browser_page_focus_search (self->browser_page);
}

/* win.browse (Ctrl+F), win.card-deleted (the browser deleted a card: a toast offers Undo) and
 * win.undelete-card (that Undo). */
static void
browse_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action_name, "win.browse"))
    {
      self->browsing_deck = 0;
      flash_browser_page_set_store (self->browser_page, self->store);
      flash_browser_page_set_scope (self->browser_page, 0, NULL);
      show_page (self, "browser");
      flash_browser_page_focus_search (self->browser_page);
      return;
    }
  if (g_str_equal (action_name, "win.card-deleted"))
    {
      self->deleted_card = g_variant_get_int64 (parameter);
      flash_window_add_undo_toast (self, _("Card deleted"), "win.undelete-card");
      return;
    }
  if (self->store == NULL || self->deleted_card == 0)
    return;
  if (!flash_store_undelete_cards (self->store, &self->deleted_card, 1, &error))
    flash_window_add_toast (self, error->message);
  else
    flash_window_add_toast (self, _("Card restored"));
  self->deleted_card = 0;
  flash_browser_page_refresh (self->browser_page);
}

static void
stack_page_changed_cb (FlashWindow *self)
{
  gboolean studying = is_studying (self);

  gtk_widget_set_visible (self->back_button,
                          studying || is_browsing (self) || is_on_deck_page (self)
                          || is_on_report (self) || flash_window_is_on_stats (self));

  /* Enter starts studying from the overview; while studying it belongs to the study page. The
   * Study button also takes the focus, or Enter would open the menu button that has it. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "overview") == 0)
    {
      GtkWidget *study_button = flash_overview_page_get_study_button (self->overview_page);

      gtk_window_set_default_widget (GTK_WINDOW (self), study_button);
      gtk_widget_grab_focus (study_button);
    }
  else
    {
      gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
    }
  if (!studying && !is_on_report (self) && !flash_window_is_on_stats (self))
    adw_window_title_set_subtitle (self->window_title,
                                   self->store != NULL && flash_store_is_read_only (self->store)
                                   ? _("Read-Only Copy") : NULL);

  flash_window_update_actions (self);
}

/* The window may stay open past the hour a new study day starts, or the CLI may change the
 * collection meanwhile: coming back to the window shows today's numbers. */
static void
is_active_changed_cb (FlashWindow *self)
{
  if (gtk_window_is_active (GTK_WINDOW (self)) && !is_studying (self))
    flash_window_refresh (self);
}

/* Grades change today's counts; the overview is hidden while studying and "back" refreshes it, so
 * the review path does no overview work. */
static void
study_page_changed_cb (FlashWindow *self)
{
  if (!is_studying (self))
    flash_window_refresh (self);
}

static void
study_settings_changed_cb (FlashWindow *self)
{
  flash_study_page_set_full_scale (self->study_page,
                                   flash_settings_get_full_scale (self->settings));
  flash_study_page_set_text_scale (self->study_page,
                                   flash_settings_get_text_scale (self->settings));
  flash_interview_page_set_text_scale (self->interview_page,
                                       flash_settings_get_text_scale (self->settings));
}

/* The collection was closed, restored or replaced by a read-only copy: show what it holds now. */
static void
collection_store_changed_cb (FlashWindow *self)
{
  /* An import writes to the store's file: a restore or a read-only copy ends it. */
  flash_window_stop_import (self);
  flash_window_forget_paste (self);
  self->store = flash_collection_get_store (self->collection);
  self->deleted_card = 0;
  flash_browser_page_set_store (self->browser_page, NULL);
  if (is_browsing (self))
    show_page (self, "overview");
  flash_study_page_set_store (self->study_page, self->store);
  /* What the interview answered is kept; a resume offers the rest. The set-up dialog borrowed
   * the store that went. */
  flash_interview_page_stop (self->interview_page);
  if (self->interview_setup != NULL)
    gtk_window_destroy (GTK_WINDOW (self->interview_setup));
  if (self->store != NULL && (is_studying (self) || is_on_report (self)
                             || flash_window_is_on_stats (self)))
    show_page (self, "overview");
  flash_window_refresh (self);
  stack_page_changed_cb (self);
  flash_window_offer_resume (self);
}

static void
collection_error_changed_cb (FlashWindow *self)
{
  const GError *error = flash_collection_get_error (self->collection);

  if (error != NULL)
    flash_window_show_open_error (self, error);
}

static void
help_overlay_map_cb (GtkWidget *overlay)
{
  flash_accessible_name_search (overlay, _("Search Shortcuts"), _("Shortcut Sections"));
}

static gboolean
offer_resume_cb (gpointer user_data)
{
  FlashWindow *self = user_data;

  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    flash_window_offer_resume (self);
  return G_SOURCE_REMOVE;
}

static void
flash_window_constructed (GObject *object)
{
  FlashWindow *self = FLASH_WINDOW (object);
  GtkApplication *app;

  G_OBJECT_CLASS (flash_window_parent_class)->constructed (object);

  app = gtk_window_get_application (GTK_WINDOW (self));
  /* The test makes windows without an application; they get settings of their own. */
  if (FLASH_IS_APPLICATION (app))
    self->settings = g_object_ref (flash_application_get_settings (FLASH_APPLICATION (app)));
  else
    self->settings = flash_settings_new ();

  flash_settings_bind_window (self->settings, GTK_WINDOW (self));
  g_signal_connect_object (self->settings, "changed::grading-scale",
                           G_CALLBACK (study_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::text-scale",
                           G_CALLBACK (study_settings_changed_cb), self, G_CONNECT_SWAPPED);
  study_settings_changed_cb (self);

  if (self->collection != NULL)
    {
      g_signal_connect_object (self->collection, "notify::store",
                               G_CALLBACK (collection_store_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->collection, "notify::error",
                               G_CALLBACK (collection_error_changed_cb), self, G_CONNECT_SWAPPED);
      self->store = flash_collection_get_store (self->collection);
    }
  if (self->store != NULL)
    flash_study_page_set_store (self->study_page, self->store);

  flash_window_refresh (self);
  stack_page_changed_cb (self);
  /* Asked once the window shows, so that the dialog stands over it. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, offer_resume_cb, g_object_ref (self), g_object_unref);

  g_signal_connect (self, "notify::is-active", G_CALLBACK (is_active_changed_cb), NULL);
}

static void
flash_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FlashWindow *self = FLASH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_object (value, self->collection);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  FlashWindow *self = FLASH_WINDOW (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
flash_window_dispose (GObject *object)
{
  FlashWindow *self = FLASH_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->export_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->export_chooser));
  g_clear_object (&self->export_chooser);
  g_clear_weak_pointer (&self->dialog);
  if (self->interview_setup != NULL)
    gtk_window_destroy (GTK_WINDOW (self->interview_setup));
  g_clear_weak_pointer (&self->interview_setup);
  flash_window_stop_import (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), FLASH_TYPE_WINDOW);

  g_clear_object (&self->settings);
  self->store = NULL;
  g_clear_object (&self->collection);
  g_clear_pointer (&self->decks, g_ptr_array_unref);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->paste_undo, flash_deck_snapshot_free);

  G_OBJECT_CLASS (flash_window_parent_class)->dispose (object);
}

/* Ctrl+plus, Ctrl+minus and Ctrl+0: the card text size, one preset at a time, as in GNOME's own
 * apps; the toast says the size reached. The first three name the actions. */
static const struct
{
  const char *action;
  guint       keyval;
} zoom_keys[] = {
  { "win.zoom-in", GDK_KEY_plus }, { "win.zoom-out", GDK_KEY_minus },
  { "win.zoom-reset", GDK_KEY_0 }, { "win.zoom-in", GDK_KEY_equal },
  { "win.zoom-in", GDK_KEY_KP_Add }, { "win.zoom-out", GDK_KEY_KP_Subtract },
  { "win.zoom-reset", GDK_KEY_KP_0 },
};

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  FlashWindow *self = FLASH_WINDOW (widget);
  int step = g_str_equal (action_name, "win.zoom-in") ? 1
             : g_str_equal (action_name, "win.zoom-out") ? -1 : 0;
  double scale = flash_settings_zoom (self->settings, step);
  /* Translators: a toast after Ctrl+plus or Ctrl+minus; %d is a percentage, "120". */
  g_autofree char *text = g_strdup_printf (_("Card text %d %%"), (int) (scale * 100 + 0.5));

  gtk_widget_activate_action (widget, "win.show-toast", "s", text);
}

static void
flash_window_class_init (FlashWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = flash_window_constructed;
  object_class->get_property = flash_window_get_property;
  object_class->set_property = flash_window_set_property;
  object_class->dispose = flash_window_dispose;

  properties[PROP_COLLECTION] =
    g_param_spec_object ("collection", NULL, NULL, FLASH_TYPE_COLLECTION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FLASH_TYPE_OVERVIEW_PAGE);
  g_type_ensure (FLASH_TYPE_STUDY_PAGE);
  g_type_ensure (FLASH_TYPE_BROWSER_PAGE);
  g_type_ensure (FLASH_TYPE_DECK_PAGE);
  g_type_ensure (FLASH_TYPE_INTERVIEW_PAGE);
  g_type_ensure (FLASH_TYPE_STATS_PAGE);
  g_type_ensure (FLASH_TYPE_INTERVIEW_REPORT);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/flashsheet/Flashsheet/ui/flash-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, study_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, browser_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, deck_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, interview_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, report_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, stats_page);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, import_bar);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, FlashWindow, import_progress);
  gtk_widget_class_bind_template_callback (widget_class, stack_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, study_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flash_window_interview_finished_cb);

  gtk_widget_class_install_action (widget_class, "win.import", NULL, flash_window_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, flash_window_export_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL,
                                   flash_window_cancel_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.add-bundled-decks", NULL,
                                   flash_window_import_action_cb);
  gtk_widget_class_install_action (widget_class, "win.study", NULL, study_action_cb);
  gtk_widget_class_install_action (widget_class, "win.study-deck", "x", study_action_cb);
  gtk_widget_class_install_action (widget_class, "win.delete-deck", "x",
                                   flash_window_delete_deck_action_cb);
  gtk_widget_class_install_action (widget_class, "win.rename-deck", "x",
                                   flash_window_rename_deck_action_cb);
  gtk_widget_class_install_action (widget_class, "win.study-section", "(xs)",
                                   flash_window_study_section_action_cb);
  gtk_widget_class_install_action (widget_class, "win.study-tag", "(xs)",
                                   flash_window_study_section_action_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-tag", "x",
                                   flash_window_choose_tag_action_cb);
  gtk_widget_class_install_action (widget_class, "win.set-deck-limit", "(xi)",
                                   flash_window_set_deck_limit_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cram-results", NULL,
                                   flash_window_choose_cram_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cram-all", NULL,
                                   flash_window_choose_cram_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_R,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.cram-results",
                                       NULL);
  gtk_widget_class_install_action (widget_class, "win.choose-cram", "x",
                                   flash_window_choose_cram_action_cb);
  gtk_widget_class_install_action (widget_class, "win.choose-interview", "x",
                                   flash_window_choose_interview_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "win.choose-interview", "x", (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.run-interview", "x",
                                   flash_window_run_interview_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-interview-report", "x",
                                   flash_window_show_report_action_cb);
  gtk_widget_class_install_action (widget_class, "win.cram-missed", "x",
                                   flash_window_missed_action_cb);
  gtk_widget_class_install_action (widget_class, "win.review-missed", "x",
                                   flash_window_missed_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-stats", "x",
                                   flash_window_show_stats_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.show-stats", "x",
                                       (gint64) 0);
  gtk_widget_class_install_action (widget_class, "win.show-deck", "x", show_deck_action_cb);
  gtk_widget_class_install_action (widget_class, "win.browse-deck", "(xs)",
                                   browse_deck_action_cb);
  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action_cb);
  gtk_widget_class_install_action (widget_class, "win.browse", NULL, browse_action_cb);
  gtk_widget_class_install_action (widget_class, "win.card-deleted", "x", browse_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undelete-card", NULL, browse_action_cb);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action_cb);
  for (guint i = 0; i < G_N_ELEMENTS (zoom_keys); i++)
    {
      if (i < 3)
        gtk_widget_class_install_action (widget_class, zoom_keys[i].action, NULL, zoom_action_cb);
      gtk_widget_class_add_binding_action (widget_class, zoom_keys[i].keyval, GDK_CONTROL_MASK,
                                           zoom_keys[i].action, NULL);
    }
  gtk_widget_class_install_action (widget_class, "win.paste-sheet", NULL,
                                   flash_window_paste_action_cb);
  gtk_widget_class_install_action (widget_class, "win.undo-paste", NULL,
                                   flash_window_paste_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.export", NULL);
  /* A class binding runs after the focused widget, so a text field keeps its own Ctrl+V. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "win.paste-sheet", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.browse", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
}

static void
flash_window_init (FlashWindow *self)
{
  self->decks = g_ptr_array_new_with_free_func ((GDestroyNotify) flash_deck_info_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  flash_accessible_name_buttons (GTK_WIDGET (self));

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (flash_window_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));
  flash_window_add_text_drop_target (self);
}

/**
 * flash_window_new:
 * @application: (nullable): the application; %NULL in tests
 * @collection: (nullable): the collection to show, which the window follows; %NULL for none
 *
 * Returns: (transfer none): the new window, owned by GTK's window list
 */
FlashWindow *
flash_window_new (FlashApplication *application,
                  FlashCollection  *collection)
{
  FlashWindow *self;
  GtkShortcutsWindow *overlay;

  g_return_val_if_fail (application == NULL || FLASH_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (collection == NULL || FLASH_IS_COLLECTION (collection), NULL);

  self = g_object_new (FLASH_TYPE_WINDOW,
                       "application", application,
                       "collection", collection,
                       NULL);
  /* The application gives its windows the shortcuts window of gtk/help-overlay.ui once the
   * application is set, which is after construction; that window builds its search when shown. */
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (self));
  if (overlay != NULL)
    g_signal_connect (overlay, "map", G_CALLBACK (help_overlay_map_cb), NULL);
  return self;
}
