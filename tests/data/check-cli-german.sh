#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-cli-german.sh: checks that flashsheet-cli --help speaks German with LANGUAGE=de.
#
# Usage: check-cli-german.sh SOURCE_DIR CLI LOCALEDIR
#
# LOCALEDIR is the build's po/ directory, where meson writes de/LC_MESSAGES/flashsheet.mo;
# the CLI reads it through FLASHSHEET_LOCALEDIR instead of the installed catalogues.
set -euo pipefail

srcdir=$1
cli=$2
localedir=$3

if ! grep -qw de "$srcdir/po/LINGUAS"; then
  echo "check-cli-german: no German catalogue yet"
  exit 77
fi

# The German text of the line that documents --version, taken from po/de.po so
# that rewording the translation does not break the test.
msgid='Show the version'
want=$(msgcat --no-wrap "$srcdir/po/de.po" | grep -A1 -xF "msgid \"$msgid\"" |
    sed -n 's/^msgstr "\(.*\)"$/\1/p')
if [ -z "$want" ]; then
  echo "check-cli-german: po/de.po does not translate '$msgid'" >&2
  exit 1
fi

# glibc honours LANGUAGE for any locale but plain "C", so C.UTF-8 (which every
# system has, unlike de_DE.UTF-8) is enough to select the German catalogue.
out=$(LC_ALL=C.UTF-8 LANGUAGE=de FLASHSHEET_LOCALEDIR="$localedir" "$cli" --help)
echo "$out"
case $out in
  *"$want"*) ;;
  *)
    echo "check-cli-german: --help does not contain '$want'" >&2
    exit 1
    ;;
esac
