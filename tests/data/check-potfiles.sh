#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-potfiles.sh: fails when a file with translatable strings is missing from po/POTFILES.in.
#
# Usage: check-potfiles.sh SOURCE_DIR
#
# A file that is not listed never reaches the translators, and nothing else
# would notice: the strings just stay English.
set -euo pipefail

srcdir=$1
cd "$srcdir"

listed=$(sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u)
status=0

# Listed files must exist, or xgettext (and the flashsheet-pot target) fails.
for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "check-potfiles: po/POTFILES.in lists $f, which does not exist" >&2
    status=1
  fi
done

# C files that mark strings with the glib gettext macros, GtkBuilder templates
# with translatable properties, and the data files that carry translations.
wanted=$(
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2) ?\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' ui --include='*.ui' || true
  ls data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml 2>/dev/null || true
)

for f in $(sort -u <<<"$wanted"); do
  if ! grep -qxF "$f" <<<"$listed"; then
    echo "check-potfiles: $f has translatable strings but is not in po/POTFILES.in" >&2
    status=1
  fi
done

[ $status -eq 0 ] && echo "check-potfiles: ok"
exit $status
