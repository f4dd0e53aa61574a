#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# test-a11y.sh: starts the real flashsheet with GTK's AT-SPI bridge on a private session bus and
# reads its accessibility tree as a screen reader does (tests/gui/a11y-walk.py): every control of
# the main window (all its pages: empty, overview, study, done, browser, interview, its report,
# statistics, error), the card editor, the preferences window, the shortcuts window and a mock
# interview's set-up and end dialogs must have a name a person understands. Run under
# dbus-run-session.
#
# Usage: test-a11y.sh FLASHSHEET FLASHSHEET-CLI GSETTINGS-SCHEMA-DIR DECKS-DIR
set -euo pipefail

test_name=a11y
. "$(dirname "$0")/app-test-lib.sh"

[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || fail "no session bus: run the test under dbus-run-session"
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null \
  || fail "python3-pyatspi is missing (build-aux/deps installs it)"
use_private_home
export GTK_A11Y=atspi
unset NO_AT_BRIDGE
export FLASHSHEET_NOW=2026-11-21T10:00:00Z
walk=$(dirname "$0")/a11y-walk.py

check() {
  /usr/bin/python3 "$walk" "$1" || fail "controls without a usable name ($1)"
}

# The first start imports the bundled decks: the overview, then a question and its answer with
# code (the first card of the Python deck has a code block).
start_app
check "overview"
keys Return
check "question"
keys space
check "answer"
keys Escape ctrl+f
sleep 0.5
check "browser"
keys ctrl+e
sleep 0.5
check "edit"
keys Escape Escape ctrl+comma
sleep 0.5
check "preferences"
keys Escape ctrl+question
sleep 0.5
check "shortcuts"
# A mock interview: its set-up, a question, its answer, the dialog that ends it, the report.
keys Escape ctrl+i
sleep 0.5
check "interview set-up"
keys ctrl+Return
# Without a window manager, focus does not come back from a closed dialog by itself.
xdotool windowfocus --sync "$window"
check "interview"
keys ctrl+Return
check "interview answer"
keys Escape
sleep 0.5
check "interview end"
keys Return
sleep 0.5
check "interview report"
# The Statistics page, after one card graded.
keys Escape Return space 3 Escape ctrl+shift+s
sleep 1
check "statistics"
echo "PASS: every control of the windows has a name a screen reader can say"
