/* SPDX-License-Identifier: GPL-3.0-or-later */
/* flash-study-keys.c: the study page's keys; see flash-study-keys.h. */
#include "config.h"

#include "flash-study-keys.h"

const FlashStudyCardAction flash_study_card_actions[] = {
  { "study.edit", GDK_KEY_e, GDK_CONTROL_MASK },
  { "study.suspend", GDK_KEY_j, GDK_CONTROL_MASK },
  { "study.bury", GDK_KEY_b, GDK_CONTROL_MASK },
  { "study.flag", GDK_KEY_k, GDK_CONTROL_MASK },
  { "study.reset", GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  { "study.delete", GDK_KEY_Delete, 0 },
  { "study.open-source", GDK_KEY_O, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
};
const guint flash_study_n_card_actions = G_N_ELEMENTS (flash_study_card_actions);

/* Down would otherwise move focus between the buttons, and Page Down would do nothing. */
static const struct
{
  guint          keyval;
  GtkScrollType  scroll;
} scroll_keys[] = {
  { GDK_KEY_Down, GTK_SCROLL_STEP_DOWN }, { GDK_KEY_Up, GTK_SCROLL_STEP_UP },
  { GDK_KEY_Page_Down, GTK_SCROLL_PAGE_DOWN }, { GDK_KEY_Page_Up, GTK_SCROLL_PAGE_UP },
  { GDK_KEY_Home, GTK_SCROLL_START }, { GDK_KEY_End, GTK_SCROLL_END },
};

/* A digit names a button (1–4 by default, 0–5 on the full scale), not a grade. */
static const struct
{
  guint keyval;
  guint kp_keyval;
} digit_keys[] = {
  { GDK_KEY_0, GDK_KEY_KP_0 }, { GDK_KEY_1, GDK_KEY_KP_1 }, { GDK_KEY_2, GDK_KEY_KP_2 },
  { GDK_KEY_3, GDK_KEY_KP_3 }, { GDK_KEY_4, GDK_KEY_KP_4 }, { GDK_KEY_5, GDK_KEY_KP_5 },
};

/* 0 and 5 are buttons on the full scale only: their action is off otherwise, so that the key
 * goes on to whatever else wants it. */
static const char *
digit_action (guint digit)
{
  return digit == 0 || digit == 5 ? "study.grade-key-full" : "study.grade-key";
}

static const struct
{
  guint           keyval;
  GdkModifierType modifiers;
  const char     *action;
} plain_keys[] = {
  { GDK_KEY_space, 0, "study.show-answer" },
  { GDK_KEY_Return, 0, "study.show-answer" },
  { GDK_KEY_KP_Enter, 0, "study.show-answer" },
  { GDK_KEY_z, GDK_CONTROL_MASK, "study.undo" },
};

void
flash_study_keys_bind_class (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    gtk_widget_class_add_binding_action (widget_class, plain_keys[i].keyval,
                                         plain_keys[i].modifiers, plain_keys[i].action, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, digit_keys[i].keyval, 0,
                                           digit_action (i), "i", i);
      gtk_widget_class_add_binding_action (widget_class, digit_keys[i].kp_keyval, 0,
                                           digit_action (i), "i", i);
    }
  for (guint i = 0; i < flash_study_n_card_actions; i++)
    gtk_widget_class_add_binding_action (widget_class, flash_study_card_actions[i].keyval,
                                         flash_study_card_actions[i].modifiers,
                                         flash_study_card_actions[i].action, NULL);
}

void
flash_study_keys_add (GtkShortcutController *controller,
                      guint                  keyval,
                      GdkModifierType        modifiers,
                      const char            *action,
                      GVariant              *args)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                                            gtk_named_action_new (action));

  if (args != NULL)
    gtk_shortcut_set_arguments (shortcut, args);
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

GtkEventController *
flash_study_keys_new_shortcuts (void)
{
  GtkShortcutController *controller;

  controller = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (controller, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (controller),
                                              GTK_PHASE_CAPTURE);
  gtk_event_controller_set_name (GTK_EVENT_CONTROLLER (controller), "flash-study-shortcuts");

  for (guint i = 0; i < G_N_ELEMENTS (plain_keys); i++)
    flash_study_keys_add (controller, plain_keys[i].keyval, plain_keys[i].modifiers,
                  plain_keys[i].action, NULL);
  for (guint i = 0; i < flash_study_n_card_actions; i++)
    flash_study_keys_add (controller, flash_study_card_actions[i].keyval,
                  flash_study_card_actions[i].modifiers, flash_study_card_actions[i].action,
                  NULL);
  for (guint i = 0; i < G_N_ELEMENTS (scroll_keys); i++)
    flash_study_keys_add (controller, scroll_keys[i].keyval, 0, "study.scroll",
                  g_variant_new_int32 (scroll_keys[i].scroll));
  for (guint i = 0; i < G_N_ELEMENTS (digit_keys); i++)
    {
      flash_study_keys_add (controller, digit_keys[i].keyval, 0, digit_action (i),
                    g_variant_new_int32 ((gint32) i));
      flash_study_keys_add (controller, digit_keys[i].kp_keyval, 0, digit_action (i),
                    g_variant_new_int32 ((gint32) i));
    }
  return GTK_EVENT_CONTROLLER (controller);
}
