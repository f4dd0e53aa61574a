#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# check-manifest.py: checks the Flatpak manifests against the rules in docs/flatpak.md.
"""Check a flatpak-builder manifest for Flashsheet.

Usage: check-manifest.py --app-id ID [--devel] MANIFEST

Exits 0 when the manifest follows the project's rules, 1 otherwise, and
prints one line per problem.  The rules are those Flathub's linter and our
release process rely on: the runtime, the sandbox permissions, the module
order and every external source pinned to exact content.
"""

import argparse
import json
import re
import sys

TOP_LEVEL_KEYS = [
    "id",
    "runtime",
    "runtime-version",
    "sdk",
    "command",
    "finish-args",
    "cleanup",
    "modules",
]
RUNTIME = "org.gnome.Platform"
SDK = "org.gnome.Sdk"
RUNTIME_VERSION = "50"
COMMAND = "flashsheet"
FINISH_ARGS = {
    "--share=ipc",
    "--socket=fallback-x11",
    "--socket=wayland",
    "--device=dri",
}
CMARK_CONFIG_OPTS = [
    "-DCMARK_TESTS=OFF",
    "-DCMARK_STATIC=OFF",
    "-DCMAKE_POLICY_VERSION_MINIMUM=3.5",
]
CMARK_CLEANUP = ["/bin", "/include", "/lib/pkgconfig", "/lib/cmake*", "/share/man"]
SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


class Checker:
    def __init__(self, path):
        self.path = path
        self.problems = []

    def fail(self, message):
        self.problems.append(message)

    def expect(self, condition, message):
        if not condition:
            self.fail(message)
        return condition


def check_source(c, module_name, index, source, devel):
    where = f"module {module_name!r}, source {index}"
    if not c.expect(isinstance(source, dict), f"{where}: is not an object"):
        return
    kind = source.get("type")
    if kind in ("archive", "file"):
        c.expect(str(source.get("url", "")).startswith("https://"),
                 f"{where}: {kind} source needs an https url")
        c.expect(SHA256.match(str(source.get("sha256", ""))) is not None,
                 f"{where}: {kind} source is not pinned by a sha256")
    elif kind == "git":
        c.expect(str(source.get("url", "")).startswith("https://"),
                 f"{where}: git source needs an https url")
        c.expect(COMMIT.match(str(source.get("commit", ""))) is not None,
                 f"{where}: git source is not pinned by a full commit id")
        c.expect("branch" not in source, f"{where}: git source follows a branch")
    elif kind == "dir":
        # A local directory is what the development manifest builds; the
        # published manifest must only name sources anyone can fetch.
        c.expect(devel and module_name == COMMAND,
                 f"{where}: dir sources are only allowed in the Devel manifest")
    elif kind == "patch":
        c.expect("path" in source or "paths" in source, f"{where}: patch names no file")
    else:
        c.fail(f"{where}: unexpected source type {kind!r}")


def check(c, manifest, app_id, devel):
    if not c.expect(isinstance(manifest, dict), "the manifest is not a JSON object"):
        return
    c.expect(list(manifest.keys()) == TOP_LEVEL_KEYS,
             f"top-level keys are {list(manifest.keys())}, expected exactly {TOP_LEVEL_KEYS}")
    c.expect(manifest.get("id") == app_id, f"id is {manifest.get('id')!r}, expected {app_id!r}")
    c.expect(manifest.get("runtime") == RUNTIME, f"runtime must be {RUNTIME}")
    c.expect(manifest.get("runtime-version") == RUNTIME_VERSION,
             f"runtime-version must be the string {RUNTIME_VERSION!r}")
    c.expect(manifest.get("sdk") == SDK, f"sdk must be {SDK}")
    c.expect(manifest.get("command") == COMMAND, f"command must be {COMMAND}")

    finish_args = manifest.get("finish-args", [])
    if c.expect(isinstance(finish_args, list), "finish-args is not a list"):
        c.expect(len(finish_args) == len(set(finish_args)), "finish-args has duplicates")
        for arg in finish_args:
            c.expect(not str(arg).startswith("--filesystem"),
                     f"finish-args: {arg}: files come through the portal, not --filesystem")
            c.expect(arg != "--share=network", "finish-args: Flashsheet needs no network")
        c.expect(set(finish_args) == FINISH_ARGS,
                 f"finish-args are {sorted(finish_args)}, expected {sorted(FINISH_ARGS)}")

    c.expect(isinstance(manifest.get("cleanup"), list), "cleanup is not a list")

    modules = manifest.get("modules", [])
    if not c.expect(isinstance(modules, list) and all(isinstance(m, dict) for m in modules),
                    "modules must be a list of inline module objects"):
        return
    names = [m.get("name") for m in modules]
    if not c.expect(names == ["cmark-gfm", COMMAND],
                    f"modules are {names}, expected ['cmark-gfm', '{COMMAND}']"):
        return
    cmark, app = modules

    c.expect(cmark.get("buildsystem") == "cmake-ninja", "cmark-gfm: buildsystem must be cmake-ninja")
    c.expect(cmark.get("builddir") is True, "cmark-gfm: builddir must be true")
    c.expect(cmark.get("config-opts") == CMARK_CONFIG_OPTS,
             f"cmark-gfm: config-opts must be {CMARK_CONFIG_OPTS}")
    c.expect(cmark.get("cleanup") == CMARK_CLEANUP, f"cmark-gfm: cleanup must be {CMARK_CLEANUP}")

    c.expect(app.get("buildsystem") == "meson", f"{COMMAND}: buildsystem must be meson")
    c.expect(app.get("run-tests") is True, f"{COMMAND}: run-tests must be true")
    c.expect("-Dgui=true" in app.get("config-opts", []), f"{COMMAND}: config-opts needs -Dgui=true")

    for module in modules:
        sources = module.get("sources", [])
        if c.expect(isinstance(sources, list) and sources,
                    f"module {module.get('name')!r} has no sources"):
            for index, source in enumerate(sources):
                check_source(c, module.get("name"), index, source, devel)

    app_kinds = [s.get("type") for s in app.get("sources", []) if isinstance(s, dict)]
    if devel:
        c.expect(app_kinds == ["dir"], f"{COMMAND}: the Devel manifest builds the local checkout")
    else:
        c.expect(app_kinds == ["git"], f"{COMMAND}: the published manifest builds a pinned git commit")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--devel", action="store_true",
                        help="the local development manifest: allow a dir source for the app")
    parser.add_argument("manifest")
    args = parser.parse_args()

    c = Checker(args.manifest)
    try:
        with open(args.manifest, encoding="utf-8") as f:
            manifest = json.load(f)
    except (OSError, ValueError) as e:
        print(f"{args.manifest}: {e}", file=sys.stderr)
        return 1

    check(c, manifest, args.app_id, args.devel)
    for problem in c.problems:
        print(f"{args.manifest}: {problem}", file=sys.stderr)
    if not c.problems:
        print(f"{args.manifest}: ok")
    return 1 if c.problems else 0


if __name__ == "__main__":
    sys.exit(main())
