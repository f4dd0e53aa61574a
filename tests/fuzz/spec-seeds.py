#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes every example of the installed CommonMark/GFM specification as one seed file.

Usage: spec-seeds.py SPEC_TXT_GZ OUTDIR STAMP

The specification (spec.txt.gz, shipped by Debian's cmark-gfm package) marks each example with a
line of 32 backticks and "example", the Markdown, a line with a single ".", the HTML and a closing
line of backticks; "→" stands for a tab. The seeds are real Markdown written by the people who
know its corners best, which our own corpus is not. Nothing is copied into the repository.
"""
import gzip
import os
import sys

FENCE = "`" * 32


def examples(text):
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if lines[i].startswith(FENCE) and lines[i][len(FENCE):].strip().startswith("example"):
            i += 1
            markdown = []
            while i < len(lines) and lines[i] != ".":
                markdown.append(lines[i])
                i += 1
            while i < len(lines) and not lines[i].startswith(FENCE):
                i += 1
            yield "\n".join(markdown).replace("→", "\t") + "\n"
        i += 1


def main():
    spec, outdir, stamp = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    for name in os.listdir(outdir):
        os.unlink(os.path.join(outdir, name))
    count = 0
    if os.path.exists(spec):
        with gzip.open(spec, "rt", encoding="utf-8") as f:
            for count, example in enumerate(examples(f.read()), start=1):
                with open(os.path.join(outdir, "spec-%03d.md" % count), "w", encoding="utf-8") as out:
                    out.write(example)
    else:
        print("spec-seeds.py: %s is missing (Debian package cmark-gfm); no specification seeds"
              % spec, file=sys.stderr)
    with open(stamp, "w", encoding="utf-8") as f:
        f.write("%d\n" % count)


if __name__ == "__main__":
    main()
