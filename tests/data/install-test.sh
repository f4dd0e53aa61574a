#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# install-test.sh: installs a CLI-only build for the Flatpak prefix into a DESTDIR and checks the result.
#
# Usage: install-test.sh SOURCE_DIR WORK_DIR VERSION
#
# The suite's own build uses the default prefix, so this configures a second
# build with --prefix=/app (what the Flatpak uses) under WORK_DIR and keeps it
# between runs, so that later runs only rebuild what changed.
set -euo pipefail

srcdir=$1
work=$2
version=$3

# Inside flatpak-builder the suite runs in the build sandbox, where /app is
# the real install target: a nested build would only repeat the outer one.
if [ -e /.flatpak-info ]; then
  echo "install-test: skipped inside a Flatpak build"
  exit 77
fi

build=$work/b
root=$work/root
mkdir -p "$work"

fail() {
  echo "install-test: $*" >&2
  exit 1
}

# meson reads po/LINGUAS only when it configures, so a new language needs a
# reconfigure before its catalogue is built and installed.
if [ ! -f "$build/build.ninja" ]; then
  rm -rf "$build"
  setup=(meson setup "$build" "$srcdir" --prefix=/app -Dgui=false)
elif ! cmp -s "$srcdir/po/LINGUAS" "$work/LINGUAS"; then
  setup=(meson setup --reconfigure "$build" "$srcdir")
else
  setup=()
fi
if [ ${#setup[@]} -gt 0 ]; then
  if ! "${setup[@]}" >"$work/setup.log" 2>&1; then
    cat "$work/setup.log" >&2
    fail "meson setup failed"
  fi
  cp "$srcdir/po/LINGUAS" "$work/LINGUAS"
fi

rm -rf "$root"
if ! meson install -C "$build" --destdir "$root" >"$work/install.log" 2>&1; then
  cat "$work/install.log" >&2
  fail "meson install failed"
fi

cli=$root/app/bin/flashsheet-cli
[ -x "$cli" ] || fail "$cli was not installed"

shopt -s nullglob
decks=("$root"/app/share/flashsheet/decks/*.md)
source_decks=("$srcdir"/data/decks/*.md)
[ ${#decks[@]} -gt 0 ] || fail "no decks in /app/share/flashsheet/decks"
[ ${#decks[@]} -eq ${#source_decks[@]} ] ||
  fail "${#decks[@]} decks installed, data/decks has ${#source_decks[@]}"

out=$("$cli" --version) || fail "flashsheet-cli --version failed"
case $out in
  *"$version"*) ;;
  *) fail "flashsheet-cli --version printed '$out', expected it to name $version" ;;
esac

# Every language in po/LINGUAS gets a catalogue, and the German one really
# carries German: a string every build has, the desktop file's comment.
for lang in $(sed -e 's/#.*//' "$srcdir/po/LINGUAS"); do
  mo=$root/app/share/locale/$lang/LC_MESSAGES/flashsheet.mo
  [ -f "$mo" ] || fail "$mo was not installed"
done
if grep -qw de "$srcdir/po/LINGUAS"; then
  mo=$root/app/share/locale/de/LC_MESSAGES/flashsheet.mo
  msgid='Learn your Markdown cheatsheets with spaced repetition'
  want=$(msgcat --no-wrap "$srcdir/po/de.po" | grep -A1 -xF "msgid \"$msgid\"" |
    sed -n 's/^msgstr "\(.*\)"$/\1/p')
  [ -n "$want" ] || fail "po/de.po does not translate '$msgid'"
  # Read the whole catalogue first: grep -q stopping early would fail the pipeline.
  catalogue=$(msgunfmt --no-wrap "$mo")
  grep -qxF "msgstr \"$want\"" <<<"$catalogue" ||
    fail "the installed German catalogue lacks '$want'"
fi

echo "install-test: ok ($(find "$root" -type f | wc -l) files installed under $root)"
