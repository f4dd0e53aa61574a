#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-po.sh: fails when a catalogue in po/ has untranslated or fuzzy messages, or misses new ones.
#
# Usage: check-po.sh SOURCE_DIR
#
# It extracts a fresh template from po/POTFILES.in with the same keywords as
# meson's "glib" preset, so a string added to the code since the catalogue was
# last updated shows up here as untranslated.
set -euo pipefail

srcdir=$1
podir=$srcdir/po
langs=$(sed -e 's/#.*//' "$podir/LINGUAS")
if [ -z "${langs//[[:space:]]/}" ]; then
  echo "check-po: po/LINGUAS lists no languages yet"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

xgettext --package-name=flashsheet --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --directory="$srcdir" --files-from="$podir/POTFILES.in" --output="$tmp/fresh.pot"

status=0
# msgfmt --statistics prints e.g. "12 translated messages, 1 fuzzy translation, 2 untranslated
# messages."; anything but translated messages is a failure.
incomplete() {
  local stats
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$1" 2>&1) || {
    echo "$stats"
    return 0
  }
  echo "$stats"
  case $stats in
    *fuzzy* | *untranslated*) return 0 ;;
  esac
  return 1
}

for lang in $langs; do
  po=$podir/$lang.po
  if [ ! -f "$po" ]; then
    echo "check-po: po/LINGUAS lists $lang but $po is missing" >&2
    status=1
    continue
  fi
  printf 'check-po: %s.po: ' "$lang"
  if incomplete "$po"; then
    echo "check-po: $lang.po is not complete:" >&2
    msgattrib --untranslated --no-wrap "$po" >&2 || true
    msgattrib --only-fuzzy --no-wrap "$po" >&2 || true
    status=1
  fi
  msgmerge --quiet --previous --output-file="$tmp/$lang.po" "$po" "$tmp/fresh.pot"
  printf 'check-po: %s.po merged with a fresh template: ' "$lang"
  if incomplete "$tmp/$lang.po"; then
    echo "check-po: strings were added or changed since $lang.po was updated" \
      "(run ninja flashsheet-update-po and translate them):" >&2
    msgattrib --untranslated --no-obsolete --no-wrap "$tmp/$lang.po" >&2 || true
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$tmp/$lang.po" >&2 || true
    status=1
  fi
done
exit $status
