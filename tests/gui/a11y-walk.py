#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Walks the running Flashsheet's accessibility tree over AT-SPI, as Orca reads it.

Usage: a11y-walk.py LABEL [--list]

Fails (exit 1) on any showing control a person acts on (button, toggle, check box, entry, slider,
link, menu item…) that has no accessible name, or whose name still carries a mnemonic underscore.
With --list every showing node is printed with its role and name.
"""
import re
import sys
import time

import pyatspi

# The roles of controls, and of the study progress bar: each needs a name a screen reader can say.
CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_LINK, pyatspi.ROLE_MENU_ITEM,
    pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM, pyatspi.ROLE_COMBO_BOX,
    pyatspi.ROLE_PROGRESS_BAR,
    pyatspi.ROLE_SWITCH if hasattr(pyatspi, "ROLE_SWITCH") else pyatspi.ROLE_TOGGLE_BUTTON,
}


# GTK 4.8 falls back to the widget's type name ("GtkMenuButton", "GtkImage") for a control that
# has no name of its own: to a person that is no name at all.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Flash)[A-Z]\w*$")


def find_app(name, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    return None


def walk(node, depth, out):
    # GTK 4.8 marks only windows "showing", and the pages of a GtkStack that are not shown are
    # "visible" too: every visible node is walked, so one walk covers every page of a window.
    try:
        visible = node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return
    if not visible:
        return
    out.append((depth, node))
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            walk(child, depth + 1, out)


def main():
    label = sys.argv[1]
    listing = "--list" in sys.argv
    app = find_app("flashsheet")
    if app is None:
        print("FAIL: %s: the app is not on the accessibility bus" % label)
        return 1
    nodes = []
    for i in range(app.childCount):
        walk(app.getChildAtIndex(i), 1, nodes)
    problems = []
    controls = 0
    for depth, node in nodes:
        role = node.getRole()
        name = (node.name or "").strip()
        if listing:
            print("%s%s: %r" % ("  " * depth, node.getRoleName(), name))
        if role in CONTROL_ROLES:
            controls += 1
            if not name or TYPE_NAME.match(name):
                problems.append("%s without a name%s" % (node.getRoleName(),
                                                         " (%s)" % name if name else ""))
            elif re.match(r"^(.+) \1$", name):
                problems.append("%s named %r (read twice)" % (node.getRoleName(), name))
            elif re.search(r"(^|\s)_\w", name):
                problems.append("%s named %r (a mnemonic underscore)" % (node.getRoleName(), name))
    print("%s: %d controls, %d problems" % (label, controls, len(problems)))
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
