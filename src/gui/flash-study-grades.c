/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-grades.c: the grade buttons under a studied card (docs/scheduling.md, "Buttons and
 * grades"): four by default or the full 0–5 scale, each saying the interval its grade gives, in
 * one row or, in a narrow window, two. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "flash-accessible.h"
#include "flash-study-grades.h"

typedef struct
{
  int         grade;
  const char *label;
  const char *style; /* CSS class, or NULL */
} GradeButton;

/* The four buttons offered by default, on keys 1 to 4. */
static const GradeButton simple_grades[] = {
  { FLASH_GRADE_AGAIN, N_("Again"), "destructive-action" },
  { FLASH_GRADE_HARD, N_("Hard"), NULL },
  { FLASH_GRADE_GOOD, N_("Good"), "suggested-action" },
  { FLASH_GRADE_EASY, N_("Easy"), NULL },
};

/* The full SM-2 scale, on keys 0 to 5. */
static const GradeButton full_grades[] = {
  { 0, N_("Blackout"), "destructive-action" },
  { 1, N_("Wrong"), NULL },
  { 2, N_("Almost"), NULL },
  { 3, N_("Hard"), NULL },
  { 4, N_("Good"), "suggested-action" },
  { 5, N_("Easy"), NULL },
};

int
flash_study_grades_for_key (gboolean full_scale,
                            int      key)
{
  if (full_scale)
    return key >= 0 && key < (int) G_N_ELEMENTS (full_grades) ? full_grades[key].grade : -1;
  return key >= 1 && key <= (int) G_N_ELEMENTS (simple_grades) ? simple_grades[key - 1].grade : -1;
}

static char *
describe_interval (const FlashCard      *card,
                   const FlashScheduler *scheduler,
                   FlashDay              today,
                   int                   grade)
{
  FlashReviewResult result = { 0 };
  int days;

  /* Cramming schedules nothing: a card graded below Hard comes back in the same cram. */
  if (card == NULL)
    return g_strdup (grade < FLASH_GRADE_HARD ? C_("cram grade", "comes back")
                                              : C_("cram grade", "done"));
  flash_card_preview (card, scheduler, today, grade, &result);

  days = MAX (1, (int) (result.due_day - today));
  /* A card graded below Good comes back later today (SM-2 step 7), and then keeps the interval
   * the grade gave it: both are said, so that Hard does not look like Again. */
  if (result.repeat)
    /* Translators: a grade button's interval when the card comes back later today first. */
    return g_strdup_printf (ngettext ("today, then %d day", "today, then %d days", days), days);
  return g_strdup_printf (ngettext ("%d day", "%d days", days), days);
}

/* A grade button's accessible name: its grade and the interval it would give. */
static void
name_grade_button (GtkWidget  *button,
                   const char *interval)
{
  const char *label = g_object_get_data (G_OBJECT (button), "flash-grade-label");
  /* Translators: a grade button as a screen reader says it, "Good, 6 days". */
  g_autofree char *name = g_strdup_printf (_("%s, %s"), _(label), interval);

  flash_accessible_set_name (button, name);
}

static GtkWidget *
create_grade_button (const GradeButton *info,
                     guint              key,
                     const char        *interval)
{
  GtkWidget *button;
  GtkWidget *box;
  GtkWidget *title;
  GtkWidget *subtitle;
  g_autofree char *key_text = NULL;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  title = gtk_label_new (_(info->label));
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  subtitle = gtk_label_new (interval);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), subtitle);

  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "study.grade");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", info->grade);
  if (info->style != NULL)
    gtk_widget_add_css_class (button, info->style);

  /* Screen readers hear the grade with what it would give ("Good, 6 days"), and which key
   * chooses it. The keys are listed in the shortcuts window; labelled buttons get no tooltip
   * (GNOME HIG). */
  key_text = g_strdup_printf ("%u", key);
  g_object_set_data (G_OBJECT (button), "flash-grade-label", (gpointer) info->label);
  name_grade_button (button, interval);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_KEY_SHORTCUTS, key_text,
                                  -1);

  return button;
}

/* Shows a new interval on a button made by create_grade_button(). */
static void
update_grade_button (GtkWidget  *button,
                     const char *interval)
{
  GtkWidget *subtitle = gtk_widget_get_last_child (gtk_button_get_child (GTK_BUTTON (button)));

  gtk_label_set_text (GTK_LABEL (subtitle), interval);
  name_grade_button (button, interval);
}

void
flash_study_grades_clear (GtkWidget *row,
                          GtkWidget *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (row)) != NULL)
    gtk_box_remove (GTK_BOX (row), child);
  while ((child = gtk_widget_get_first_child (grid)) != NULL)
    gtk_grid_remove (GTK_GRID (grid), child);
}

static const GradeButton *
grades_of (gboolean  full_scale,
           guint    *n_grades)
{
  *n_grades = full_scale ? G_N_ELEMENTS (full_grades) : G_N_ELEMENTS (simple_grades);
  return full_scale ? full_grades : simple_grades;
}

void
flash_study_grades_build (GtkWidget *row,
                          GtkWidget *grid,
                          gboolean   full_scale)
{
  guint n_grades;
  const GradeButton *grades = grades_of (full_scale, &n_grades);

  flash_study_grades_clear (row, grid);
  gtk_box_set_spacing (GTK_BOX (row), full_scale ? 6 : 12);
  /* The squeezer shows the row when it fits and the two-row grid otherwise, so that narrow
   * windows get two rows rather than squeezed labels. */
  for (guint i = 0; i < n_grades; i++)
    {
      guint key = full_scale ? i : i + 1;
      guint columns = n_grades / 2;

      gtk_box_append (GTK_BOX (row), create_grade_button (&grades[i], key, ""));
      gtk_grid_attach (GTK_GRID (grid), create_grade_button (&grades[i], key, ""),
                       i % columns, i / columns, 1, 1);
    }
}

void
flash_study_grades_update (GtkWidget            *row,
                           GtkWidget            *grid,
                           gboolean              full_scale,
                           const FlashCard      *card,
                           const FlashScheduler *scheduler,
                           FlashDay              today)
{
  guint n_grades;
  const GradeButton *grades = grades_of (full_scale, &n_grades);
  /* The grid's children are in the order they were attached, as the row's are. */
  GtkWidget *in_row = gtk_widget_get_first_child (row);
  GtkWidget *in_grid = gtk_widget_get_first_child (grid);

  for (guint i = 0; i < n_grades && in_row != NULL && in_grid != NULL; i++)
    {
      g_autofree char *interval = describe_interval (card, scheduler, today,
                                                      grades[i].grade);

      update_grade_button (in_row, interval);
      update_grade_button (in_grid, interval);
      in_row = gtk_widget_get_next_sibling (in_row);
      in_grid = gtk_widget_get_next_sibling (in_grid);
    }
}
