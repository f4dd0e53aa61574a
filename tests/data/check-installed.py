#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-installed.py: checks that a GUI build installs the files the desktop needs to show the app.
"""Check the install plan of a meson build directory.

Usage: check-installed.py BUILD_DIR BINDIR DATADIR APP_ID

Reads meson-info/intro-installed.json (what `meson introspect --installed`
prints), so nothing has to be installed for real.
"""

import json
import os
import sys


def main():
    build_dir, bindir, share, app_id = sys.argv[1:5]
    with open(os.path.join(build_dir, "meson-info", "intro-installed.json"), encoding="utf-8") as f:
        installed = set(json.load(f).values())

    expected = [
        os.path.join(bindir, "flashsheet"),
        os.path.join(bindir, "flashsheet-cli"),
        os.path.join(share, "applications", f"{app_id}.desktop"),
        os.path.join(share, "metainfo", f"{app_id}.metainfo.xml"),
        os.path.join(share, "icons", "hicolor", "scalable", "apps", f"{app_id}.svg"),
        os.path.join(share, "icons", "hicolor", "symbolic", "apps", f"{app_id}-symbolic.svg"),
        os.path.join(share, "glib-2.0", "schemas", f"{app_id}.gschema.xml"),
    ]
    missing = [path for path in expected if path not in installed]
    for path in missing:
        print(f"check-installed: {path} is not installed", file=sys.stderr)
    if not missing:
        print(f"check-installed: ok ({len(installed)} files in the install plan)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
