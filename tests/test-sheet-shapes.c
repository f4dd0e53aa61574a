/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-sheet-shapes.c: more shapes of real-world cheatsheets, from a third blind check (tables
 * side by side, bold questions, "Answer" summaries, admonitions, tips with code blocks), each with
 * the exact cards it must give, and the near misses that must stay as they were. */
#include "flash-test-util.h"

#include <string.h>

static FlashSheet *
parse_ok (const char *markdown)
{
  return flash_test_parse_ok (markdown, "/decks/shapes.md");
}

/* A header that repeats (Symbol | Command | Symbol | Command) is two tables side by side: a card
 * per pair; an empty pair gives none. A header that does not repeat is one table. */
static void
test_side_by_side_tables (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Greek\n\n"
    "| Symbol | Command | Symbol | Command |\n|---|---|---|---|\n"
    "| α | `\\alpha` | A | `A` |\n"
    "| β | `\\beta` | | |\n\n"
    "## Keys\n\n"
    "| Key | Action | Key |\n|---|---|---|\n"
    "| `h` | left | `H` |\n");
  const char *const expected[] = {
    "α", "**Command:** `\\alpha`",
    "A", "**Command:** `A`",
    "β", "**Command:** `\\beta`",
    "`h`", "**Action:** left\n\n**Key:** `H`",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* "**Q:**" and "**Q**:" are Q: markers too, the answer on the next line or in the next
 * paragraph and the blocks after it. */
static void
test_bold_qa_markers (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Async\n\n"
    "**Q:** What does `async` do?\n**A:** It makes the function return a Promise.\n\n"
    "**Q**: And `await`?\n\n**A**: It waits for a Promise.\n\nIt also unwraps its value.\n\n"
    "Q: Plain?\nA: Still works.\n");
  const char *const expected[] = {
    "What does `async` do?", "It makes the function return a Promise.",
    "And `await`?", "It waits for a Promise.\n\nIt also unwraps its value.",
    "Plain?", "Still works.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A list whose every item is a question (in bold, or a line ending in "?") with its answer under
 * it: a card per item, the number in front dropped. Steps and bold terms are not questions. */
static void
test_question_lists (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Core\n\n"
    "1. **What is a closure?**\n\n   A function with its environment.\n\n"
    "2. **2. What is hoisting?**\n   Declarations move up.\n"
    "3. What is `this`?\n\n   The receiver.\n\n"
    "## Steps\n\n1. **Install it.**\n2. Run it.\n\n"
    "## Terms\n\n- **Latency** — the time it takes.\n- **Throughput** — how much per second.\n");
  const char *const expected[] = {
    "What is a closure?", "A function with its environment.",
    "What is hoisting?", "Declarations move up.",
    "What is `this`?", "The receiver.",
    "Steps", "1. **Install it.**\n2. Run it.",
    "**Latency**", "the time it takes.",
    "**Throughput**", "how much per second.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A <details> whose summary only says "Answer" asks with the paragraph and code before it; a
 * summary that asks something stays the question. */
static void
test_reveal_summaries (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Output\n\n"
    "**1. What does this print?**\n\n```js\ntypeof NaN\n```\n\n"
    "<details>\n<summary>Answer</summary>\n\n`\"number\"`\n\n</details>\n\n"
    "<details><summary>Why is NaN a number?</summary>\n\nIEEE 754 says so.\n\n</details>\n");
  const char *const expected[] = {
    "What does this print?\n\n```js\ntypeof NaN\n```", "`\"number\"`",
    "Why is NaN a number?", "IEEE 754 says so.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Commented commands followed by a bold term: a card per command and one for the term; a
 * comment that goes on from the line before ("...and") asks with both. A label ("**Note:**")
 * after the block explains it: the section stays one card. */
static void
test_commands_and_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Volumes\n\n```bash\n"
    "docker volume create data   # create a named volume\n"
    "docker volume ls            # list volumes\n"
    "docker compose down         # stop the services\n"
    "docker compose down -v      # ...and remove their volumes\n```\n\n"
    "**Bind mount vs volume:** a bind mount maps a host path.\n\n"
    "## Networks\n\n```bash\n"
    "docker network ls              # list networks\n"
    "docker network create net      # create a network\n"
    "docker network rm net          # remove a network\n```\n\n"
    "**Note:** names are unique.\n");
  const char *const expected[] = {
    "create a named volume", "```bash\ndocker volume create data\n```",
    "list volumes", "```bash\ndocker volume ls\n```",
    "stop the services", "```bash\ndocker compose down\n```",
    "stop the services, and remove their volumes", "```bash\ndocker compose down -v\n```",
    "Bind mount vs volume", "a bind mount maps a host path.",
    "Networks", "```bash\ndocker network ls              # list networks\n"
                "docker network create net      # create a network\n"
                "docker network rm net          # remove a network\n```\n\n"
                "**Note:** names are unique.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Captions that are steps of one procedure ("First…", "Then…"), or that give their code away
 * ("use `-u`"), keep the section one card; captions that each ask for their own code split. */
static void
test_procedure_captions (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Apply a stash\n\nFirst list the stashes:\n\n```sh\ngit stash list\n```\n\n"
    "Then apply one:\n\n```sh\ngit stash apply stash@{1}\n```\n\n"
    "## Stash everything\n\nStash the tracked changes:\n\n```sh\ngit stash\n```\n\n"
    "To keep untracked files too, use `-u`:\n\n```sh\ngit stash -u\n```\n\n"
    "## Branches\n\nList the branches:\n\n```sh\ngit branch\n```\n\n"
    "Delete a branch:\n\n```sh\ngit branch -d old\n```\n");
  const char *const expected[] = {
    "Apply a stash", "First list the stashes:\n\n```sh\ngit stash list\n```\n\n"
                     "Then apply one:\n\n```sh\ngit stash apply stash@{1}\n```",
    "Stash everything", "Stash the tracked changes:\n\n```sh\ngit stash\n```\n\n"
                        "To keep untracked files too, use `-u`:\n\n```sh\ngit stash -u\n```",
    "Branches — list the branches", "```sh\ngit branch\n```",
    "Branches — delete a branch", "```sh\ngit branch -d old\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* MkDocs admonitions read as quotes with their titles in bold, line for line, and so do GitHub's
 * and Obsidian's alerts ("> [!TIP]"); inside a code block the marker is code. */
static void
test_admonitions (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Lifetimes\n\n`'static` lives for the whole program.\n\n"
    "!!! warning \"Common mistake\"\n    `T: 'static` is not \"forever\".\n\n"
    "    It means owned data.\n\n"
    "???+ tip\n    Read the book.\n\n"
    "```text\n!!! note\n    not an admonition\n```\n\n"
    "## After\n\nText.\n\n> [!TIP]\n> Snuffbox tenderness.\n\n> [!note]- Exam tip\n> Ulnar.\n");
  const char *const expected[] = {
    "Lifetimes", "`'static` lives for the whole program.\n\n"
                 "> **Common mistake:**\n> `T: 'static` is not \"forever\".\n>\n"
                 "> It means owned data.\n\n"
                 "> **Tip:**\n> Read the book.\n\n"
                 "```text\n!!! note\n    not an admonition\n```",
    "After", "Text.\n\n> **Tip:**\n> Snuffbox tenderness.\n\n> **Exam tip:**\n> Ulnar.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  /* Line for line: the next card's line is still the heading's in the file. */
  g_assert_cmpuint (flash_test_sheet_card (sheet, 1)->line, ==, 18);
}

/* "References" under a topic is the topic's subject; the page's own "References" leads
 * elsewhere. */
static void
test_nested_references (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Rust\n\n## Borrowing\n\n### References\n\nA reference `&T` borrows a value.\n\n"
    "## References\n\n1. The Book, chapter 4.\n");
  const char *const expected[] = {
    "References", "A reference `&T` borrows a value.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 0)->context, ==, "Rust › Borrowing");
}

/* In a list of tips, a tip whose code is a block under it asks with its words; one that lists
 * equal code spans after a colon asks with what comes before it; a tip without code stays with
 * the heading. */
static void
test_block_tips (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Tips\n\n"
    "- Use `zip(*m)` to transpose a list of lists.\n"
    "- `sorted()` is stable, so sort by the secondary key first.\n"
    "- The walrus operator avoids calling a function twice:\n"
    "  ```python\n  if (n := len(xs)) > 10: print(n)\n  ```\n"
    "- `pathlib` paths join with `/`:\n  ```python\n  Path.home() / \".config\"\n  ```\n"
    "- Escape these in LaTeX: `\\%`, `\\$` and `\\_`.\n"
    "- Read the docs.\n");
  const char *const expected[] = {
    "Tips", "- Read the docs.",
    "Use … to transpose a list of lists.",
    "`zip(*m)`\n\nUse `zip(*m)` to transpose a list of lists.",
    "… is stable, so sort by the secondary key first.",
    "`sorted()`\n\n`sorted()` is stable, so sort by the secondary key first.",
    "The walrus operator avoids calling a function twice",
    "```python\nif (n := len(xs)) > 10: print(n)\n```",
    "`pathlib` paths join with `/`", "```python\nPath.home() / \".config\"\n```",
    "Escape these in LaTeX", "`\\%`, `\\$` and `\\_`.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A caption whose list became cards of their own is dropped from the heading's answer; a
 * caption of the heading's own code stays. */
static void
test_dangling_captions (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Mutating\n\nThese methods change the array in place:\n\n"
    "- `push()` — adds to the end.\n- `pop()` — removes from the end.\n\n"
    "ES2023 added copying versions.\n\n"
    "## Running\n\nRun it with:\n\n```sh\nnode app.js\n```\n");
  const char *const expected[] = {
    "Mutating", "ES2023 added copying versions.",
    "`push()`", "adds to the end.",
    "`pop()`", "removes from the end.",
    "Running", "Run it with:\n\n```sh\nnode app.js\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A key of several code spans ("`Ctrl` + `f`", "`:q!` or `ZQ`") is one term; a numbered list of
 * "phrase — translation" is a term list, a numbered list of "Step: …" is not. */
static void
test_joined_keys (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Moving\n\n* `h` - move cursor left\n* `Ctrl` + `f` - move forward one screen\n"
    "* `:q!` or `ZQ` - quit without saving\n\n"
    "## Phrases\n\n1. No entiendo. — I don't understand.\n2. Más despacio. — Slower.\n\n"
    "## Steps\n\n1. Install: run make.\n2. Test: run make check.\n");
  const char *const expected[] = {
    "`h`", "move cursor left",
    "`Ctrl` + `f`", "move forward one screen",
    "`:q!` or `ZQ`", "quit without saving",
    "No entiendo.", "I don't understand.",
    "Más despacio.", "Slower.",
    "Steps", "1. Install: run make.\n2. Test: run make check.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* <kbd>⌘</kbd><kbd>P</kbd> stays two code spans, not one with backticks inside. */
static void
test_kbd_pairs (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Keys\n\n| Windows | macOS | Action |\n|---|---|---|\n"
    "| <kbd>Ctrl</kbd>+<kbd>P</kbd> | <kbd>⌘</kbd><kbd>P</kbd> | Quick Open |\n\n"
    "Press <kbd>⌘</kbd><kbd>K</kbd> first.\n");
  const char *const expected[] = {
    "Keys", "Press `⌘` `K` first.",
    "`Ctrl`+`P`", "**macOS:** `⌘` `P`\n\n**Action:** Quick Open",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* An FAQ whose questions are wholly in bold ("**Q: …?**") with plain answers under them; a
 * "Q:" line that asks nothing and has no "A:" stays text. */
static void
test_faq_bold_questions (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## FAQ\n\n**Q: Does restic compress?**\n\nYes, since 0.14.\n\n"
    "**Q: Can I back up to S3?**\n\nYes.\n\nUse `s3:` repositories.\n\n"
    "Q: A statement\n\nSome paragraph.\n");
  const char *const expected[] = {
    "FAQ", "Q: A statement\n\nSome paragraph.",
    "Does restic compress?", "Yes, since 0.14.",
    "Can I back up to S3?", "Yes.\n\nUse `s3:` repositories.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* "### Q4. What will this print?", its code, then "**Answer:** …": the number and the label go,
 * and the code asks with the heading. */
static void
test_numbered_question_headings (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "### Q4. What will this print?\n\n```java\nSystem.out.println(0.1 + 0.2 == 0.3);\n```\n\n"
    "**Answer:** `false`, because of floating point.\n\n"
    "### Q5. What is a record?\n\n**Answer:** An immutable data carrier.\n\nIt has equals.\n");
  const char *const expected[] = {
    "What will this print?\n\n```java\nSystem.out.println(0.1 + 0.2 == 0.3);\n```",
    "`false`, because of floating point.",
    "What is a record?", "An immutable data carrier.\n\nIt has equals.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A tip left after a section's items became cards asks "Section — tip"; "📝 License" is a
 * licence; "See [x](…)" leads elsewhere; an example after "e.g." is not the tip's code; a long
 * one-sentence caption still captions its block, two sentences do not. */
static void
test_remarks_and_furniture (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## 5xx errors\n\n| Code | Name |\n|---|---|\n| 500 | Internal error |\n\n"
    "> Tip: 502 vs 504 — a 502 means upstream answered garbage.\n\n"
    "## Arguments\n\nSee [Special parameters](#special).\n\n"
    "## Make tips\n\n- Prefix a recipe line with `-` to ignore errors, e.g. `-rm old.log`.\n"
    "- Use `$@` for the target name.\n- Use `.PHONY` for targets that are not files.\n\n"
    "## Maintenance\n\n"
    "Keep seven daily and four weekly snapshots and delete the data that is no longer needed:\n\n"
    "```sh\nrestic forget --keep-daily 7 --keep-weekly 4 --prune\n```\n\n"
    "Verify the repository:\n\n```sh\nrestic check\n```\n\n"
    "## Undo\n\nIf you have not pushed, reset the branch. The changes stay in the tree:\n\n"
    "```sh\ngit reset --soft HEAD~1\n```\n\nIf you pushed, revert:\n\n"
    "```sh\ngit revert HEAD\n```\n\n"
    "## 📝 License\n\nMIT.\n");
  const char *const expected[] = {
    "5xx errors — tip", "> Tip: 502 vs 504 — a 502 means upstream answered garbage.",
    "Code: 500", "**Name:** Internal error",
    "Prefix a recipe line with … to ignore errors, e.g. `-rm old.log`.",
    "`-`\n\nPrefix a recipe line with `-` to ignore errors, e.g. `-rm old.log`.",
    "Use … for the target name.", "`$@`\n\nUse `$@` for the target name.",
    "Use … for targets that are not files.",
    "`.PHONY`\n\nUse `.PHONY` for targets that are not files.",
    "Maintenance — keep seven daily and four weekly snapshots and delete the data that is no "
    "longer needed", "```sh\nrestic forget --keep-daily 7 --keep-weekly 4 --prune\n```",
    "Maintenance — verify the repository", "```sh\nrestic check\n```",
    "Undo", "If you have not pushed, reset the branch. The changes stay in the tree:\n\n"
            "```sh\ngit reset --soft HEAD~1\n```\n\nIf you pushed, revert:\n\n"
            "```sh\ngit revert HEAD\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A numbered list under a heading that names an order ("precedence", "order") is one card: the
 * order is the point. Arrows separate terms in study notes, after a colon; an item with two
 * labelled fields is a record, not a term. */
static void
test_orders_arrows_records (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Variable precedence\n\n1. role defaults (`defaults/main.yml`)\n"
    "2. inventory vars (`group_vars/`)\n3. extra vars (`-e`) — always win\n\n"
    "## Le Châtelier\n\n* Add reactant → shifts right\n* Catalyst → no shift\n\n"
    "## Balancing\n\n* IP hash: same client → same server\n* Round robin: in turn\n\n"
    "## Conjugate pairs\n\n* acid: HCl, its conjugate base: Cl⁻\n"
    "* base: H₂O, its conjugate acid: H₃O⁺\n");
  const char *const expected[] = {
    "Variable precedence", "1. role defaults (`defaults/main.yml`)\n"
                           "2. inventory vars (`group_vars/`)\n3. extra vars (`-e`) — always win",
    "Add reactant", "shifts right",
    "Catalyst", "no shift",
    "IP hash", "same client → same server",
    "Round robin", "in turn",
    "Conjugate pairs", "* acid: HCl, its conjugate base: Cl⁻\n"
                       "* base: H₂O, its conjugate acid: H₃O⁺",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* What is left once a section's items became cards: a definition asks in its own words, an
 * introduction ("These are…") goes; under a heading that asks, a table answers it; a blog's
 * "Wrapping up" is no card. */
static void
test_leftovers (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Strong acids\n\n1. HCl — hydrochloric\n2. HBr — hydrobromic\n\n"
    "Strong bases: group 1 hydroxides.\n\n"
    "## Basic syntax\n\nThese are the elements of the original design.\n\n"
    "| Element | Syntax |\n|---|---|\n| Bold | `**b**` |\n\n"
    "## Titration\n\n- pH rises — slowly\n- then jumps — near the end\n\n"
    "**Equivalence point**: moles of base = moles of acid.\n\n"
    "## Lists vs arrays?\n\n| | List | Array |\n|---|---|---|\n| get | O(n) | O(1) |\n\n"
    "**Answer:** arrays index in constant time.\n\n"
    "## Wrapping up\n\nThat's it! Tell me in the comments.\n");
  const char *const expected[] = {
    "Strong bases", "group 1 hydroxides.",
    "HCl", "hydrochloric",
    "HBr", "hydrobromic",
    "Bold", "**Syntax:** `**b**`",
    "Equivalence point", "moles of base = moles of acid.",
    "pH rises", "slowly",
    "then jumps", "near the end",
    "Lists vs arrays?", "| | List | Array |\n|---|---|---|\n| get | O(n) | O(1) |\n\n"
                        "arrays index in constant time.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A number alone in a table's first column asks with its header ("Semitones: 4"); a bold
 * question with its answer on the next line is a card; a sentence about a bold term left after
 * a section's cards asks for the term, in the section's context; "Comments" under a topic is a
 * subject; a code span in parentheses is an example, not the tip's code. */
static void
test_numbers_questions_terms (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Notes\n\n## Intervals\n\n| Semitones | Interval |\n|---|---|\n| 4 | Major 3rd |\n\n"
    "## Questions\n\n**Why is `len(\"😀\")` 2 in JavaScript?**\nJS strings are UTF-16.\n\n"
    "## Chords\n\n* Major → root, 3rd, 5th\n* Minor → flat 3rd\n\n"
    "The **dominant 7th** wants to resolve to the tonic.\n\n"
    "## Basics\n\n### Comments\n\n```haskell\n-- one line\n```\n\n"
    "## Tricks\n\n- Use `ord()` for a character's code (`ord('A') == 65`).\n"
    "- Use `chr()` for the reverse (`chr(65) == 'A'`).\n- Use `hex()` to print in base 16.\n");
  const char *const expected[] = {
    "Semitones: 4", "**Interval:** Major 3rd",
    "Why is `len(\"😀\")` 2 in JavaScript?", "JS strings are UTF-16.",
    "dominant 7th", "The **dominant 7th** wants to resolve to the tonic.",
    "Major", "root, 3rd, 5th",
    "Minor", "flat 3rd",
    "Comments", "```haskell\n-- one line\n```",
    "Use … for a character's code (`ord('A') == 65`).",
    "`ord()`\n\nUse `ord()` for a character's code (`ord('A') == 65`).",
    "Use … for the reverse (`chr(65) == 'A'`).",
    "`chr()`\n\nUse `chr()` for the reverse (`chr(65) == 'A'`).",
    "Use … to print in base 16.", "`hex()`\n\nUse `hex()` to print in base 16.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (flash_test_sheet_card (sheet, 2)->context, ==, "Notes › Chords");
}

/* Commented commands where one line in three at most is named by one word ("# grep") split, the
 * named line asking after the heading; a value in a comment ("# 42") is output and keeps the
 * block whole. */
static void
test_named_commands (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Files\n\n```powershell\n"
    "Get-ChildItem -Recurse -Filter *.log   # find all .log files\n"
    "Get-Content app.log -Tail 20 -Wait     # follow a log\n"
    "Select-String -Path *.cs -Pattern TODO # grep\n```\n\n"
    "## Values\n\n```python\nlen('ab')      # 2\nsum([1, 2])   # adds them up\n"
    "max(3, 4)     # the larger one\n```\n");
  const char *const expected[] = {
    "find all .log files", "```powershell\nGet-ChildItem -Recurse -Filter *.log\n```",
    "follow a log", "```powershell\nGet-Content app.log -Tail 20 -Wait\n```",
    "Files — grep", "```powershell\nSelect-String -Path *.cs -Pattern TODO\n```",
    "Values", "```python\nlen('ab')      # 2\nsum([1, 2])   # adds them up\n"
              "max(3, 4)     # the larger one\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A numbered list of bold terms with a separator ("1. **Environment**: …") is a term list; a
 * paragraph all in italics after the sheet's last rule is its footer. */
static void
test_bold_numbered_terms_and_footer (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Cron\n\n## Gotchas\n\n1. **Environment**: cron runs with a minimal `PATH`.\n"
    "2. **Time zone**: cron uses the system zone.\n\n"
    "## Handy .gdbinit\n\n```\nset pagination off\n```\n\nPut this in `~/.gdbinit`.\n\n---\n\n"
    "*Last updated for GDB 13. Ask on the course forum.*\n");
  const char *const expected[] = {
    "**Environment**", "cron runs with a minimal `PATH`.",
    "**Time zone**", "cron uses the system zone.",
    "Handy .gdbinit", "```\nset pagination off\n```\n\nPut this in `~/.gdbinit`.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A bullet that opens with a bold term asks with the bold even when a dash comes later; a
 * parenthesis before the dash stays in the term. */
static void
test_bold_before_dash (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Particles\n\n- **は (wa)** topic marker — \"as for X\".\n- **が (ga)** — subject marker\n"
    "- **Cache-aside** (lazy loading) — read through the cache\n");
  const char *const expected[] = {
    "**は (wa)**", "topic marker — \"as for X\".",
    "**が (ga)**", "subject marker",
    "**Cache-aside** (lazy loading)", "read through the cache",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A summary whose closing tag is never finished is no summary (found by fuzz-sheet: it read
 * past the end of the block). */
static void
test_unclosed_summary (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok ("## S\n\n<details><summary>Q</summary\n\ntext\n");
  const char *const expected[] = {
    "S", "<details><summary>Q</summary\n\ntext",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Commented commands followed by a remark (a quote, or a sentence or two) still give a card per
 * command; the remark is the heading's own card. Prose between the commands keeps them whole. */
static void
test_commands_then_remark (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Debugging\n\n"
    "```bash\nkubectl logs my-pod   # dump pod logs\nkubectl top pod       # CPU and memory\n"
    "kubectl exec -it p sh # a shell in the pod\n```\n\n"
    "> **Warning**\n> `--force` skips graceful termination.\n\n"
    "## Viewing\n\n"
    "```bash\nkubectl get pods  # list pods\nkubectl get svc   # list services\n"
    "kubectl get nodes # list nodes\n```\n\n"
    "Add `-n NAMESPACE` for another namespace.\n\n"
    "## Together\n\n"
    "```bash\nls -l  # long\nls -a  # all\nls -h  # human sizes\n```\n\n"
    "These flags combine.\n\n"
    "```bash\nls -lah  # all three\n```\n");
  const char *const expected[] = {
    "Debugging — warning", "> **Warning**\n> `--force` skips graceful termination.",
    "dump pod logs", "```bash\nkubectl logs my-pod\n```",
    "CPU and memory", "```bash\nkubectl top pod\n```",
    "a shell in the pod", "```bash\nkubectl exec -it p sh\n```",
    "Viewing", "Add `-n NAMESPACE` for another namespace.",
    "list pods", "```bash\nkubectl get pods\n```",
    "list services", "```bash\nkubectl get svc\n```",
    "list nodes", "```bash\nkubectl get nodes\n```",
    NULL,
  };

  /* The first 8 cards are exact; "Together" stays one card (prose between its blocks). */
  g_assert_cmpuint (sheet->cards->len, ==, 9);
  for (guint i = 0; expected[i] != NULL; i += 2)
    {
      FlashSheetCard *card = g_ptr_array_index (sheet->cards, i / 2);

      g_assert_cmpstr (card->question, ==, expected[i]);
      g_assert_cmpstr (card->answer, ==, expected[i + 1]);
    }
  g_assert_cmpstr (((FlashSheetCard *) g_ptr_array_index (sheet->cards, 8))->question, ==,
                   "Together");
}

/* A term on a line of its own, all in bold or one code span, and what it means on the next line
 * (a hard break or not): two or more in a row are a card each, a "Q:" marker dropped. One alone
 * is emphasis in prose. A list's short name before " = " is a term. */
static void
test_term_lines (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Errors\n\n"
    "**E0382: use of moved value**\nYou used a value after a move.\n\n"
    "**E0499: two mutable borrows**\nShorten the first borrow.\n\n"
    "## Interfaces\n\n"
    "`ip a`  \nShow all interfaces.\n\n"
    "`ip link set eth0 up`\\\nBring eth0 up.\n\n"
    "## Channels\n\n"
    "**Q: Should the receiver close a channel?**  \nNo: the sender closes it.\n\n"
    "**Q: How do you range over one?**  \nA: With `range`.\n\n"
    "## Triads\n\n* major = root + M3 + P5\n* minor = root + m3 + P5\n"
    "* augmented = root + M3 + A5\n\n"
    "## Alone\n\n"
    "**Important**\nBack up first.\n");
  const char *const expected[] = {
    "E0382: use of moved value", "You used a value after a move.",
    "E0499: two mutable borrows", "Shorten the first borrow.",
    "`ip a`", "Show all interfaces.",
    "`ip link set eth0 up`", "Bring eth0 up.",
    "Should the receiver close a channel?", "No: the sender closes it.",
    "How do you range over one?", "With `range`.",
    "major", "root + M3 + P5",
    "minor", "root + m3 + P5",
    "augmented", "root + M3 + A5",
    "Alone", "**Important**\nBack up first.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Notes to self and sign-offs give no card: a "TODO:" or "todo-" paragraph (not "Todo apps…"),
 * a "TODO" section, and after the sheet's last rule a footer ("Good luck! ⭐ the repo", italics
 * with a symbol after them). A remark with a symbol before its label still asks as "Section —
 * tip". */
static void
test_todos_and_sign_offs (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Copy vs Clone\n\n"
    "- **Copy** — implicit, bitwise\n- **Clone** — explicit, deep\n\n"
    "> 💡 **Tip:** a `Drop` type cannot be `Copy`.\n\n"
    "TODO: add the `Rc` section\n\n"
    "## TODO\n\n- [ ] window frames\n- [x] named windows\n\n"
    "## Context\n\nCancel with `cancel()`.\n\ntodo- add the timeout example\n\n"
    "## Todo apps\n\nTodo apps keep lists.\n\ntodo: the `t` alias adds a task\n\n"
    "---\n\n"
    "*Thanks for reading! Follow me for more.* 🦀\n");
  const char *const expected[] = {
    "Copy vs Clone — tip", "> 💡 **Tip:** a `Drop` type cannot be `Copy`.",
    "**Copy**", "implicit, bitwise",
    "**Clone**", "explicit, deep",
    "Context", "Cancel with `cancel()`.",
    "Todo apps", "Todo apps keep lists.\n\ntodo: the `t` alias adds a task",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* The first separator ends a term: a colon before a dash or an arrow, an arrow before a colon.
 * Table rows whose first cell repeats ask with their second cell too. */
static void
test_first_separator_and_repeated_rows (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Offsets\n\n"
    "- `FIRST_VALUE(col)`: the first value\n"
    "- `LAST_VALUE(col)`: the last value — careful, see frames!\n\n"
    "## Fälle\n\n"
    "- Wohin? → **Akkusativ**: *Ich lege das Buch hin.*\n"
    "- Wo? → **Dativ**: *Das Buch liegt dort.*\n\n"
    "## Grid\n\n"
    "| Property | Example | Meaning |\n|---|---|---|\n"
    "| `grid-column` | `1 / 3` | lines 1 to 3 |\n"
    "| `grid-column` | `span 2` | two columns |\n"
    "| `grid-row` | `2 / -1` | line 2 to the last |\n");
  const char *const expected[] = {
    "`FIRST_VALUE(col)`", "the first value",
    "`LAST_VALUE(col)`", "the last value — careful, see frames!",
    "Wohin?", "**Akkusativ**: *Ich lege das Buch hin.*",
    "Wo?", "**Dativ**: *Das Buch liegt dort.*",
    "`grid-column` — `1 / 3`", "**Meaning:** lines 1 to 3",
    "`grid-column` — `span 2`", "**Meaning:** two columns",
    "`grid-row`", "**Example:** `2 / -1`\n\n**Meaning:** line 2 to the last",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Keys and what they do as lines: joined by <br>, each a code span and words (three or more);
 * or a block of plain text aligned in two columns. A block in a language is code. */
static void
test_key_lines (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Registers\n\n"
    "`\"ayy` yank into register a<br>\n`\"ap` paste from register a<br>\n"
    "`\"+y` yank to the clipboard\n\n"
    "## Screen\n\n"
    "    H     top of screen (High)\n    M     middle of screen\n"
    "    zz    center the cursor line\n\n"
    "## Python\n\n"
    "```python\nlen    counts the items\nsum    adds them up\nmax    takes the largest\n```\n");
  const char *const expected[] = {
    "`\"ayy`", "yank into register a",
    "`\"ap`", "paste from register a",
    "`\"+y`", "yank to the clipboard",
    "`H`", "top of screen (High)",
    "`M`", "middle of screen",
    "`zz`", "center the cursor line",
    "Python",
    "```python\nlen    counts the items\nsum    adds them up\nmax    takes the largest\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Each key's card points at its own line of the file, in a fenced block (below its fence) and in
 * an indented one. */
static void
test_key_block_lines (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Keys\n\n```text\ngg    first line\nG     last line\ndd    delete the line\n```\n\n"
    "## Indented\n\n    H     top of screen\n    M     middle of screen\n"
    "    L     bottom of screen\n");
  const guint expected[] = { 4, 5, 6, 11, 12, 13 };

  g_assert_cmpuint (sheet->cards->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (((FlashSheetCard *) g_ptr_array_index (sheet->cards, i))->line, ==,
                      expected[i]);
}

/* In a shell's block, a comment line over a command says what it does, as a trailing comment
 * does; a config in groups under a caption ending in ":" splits by group, a note after it the
 * heading's card. A program's comments above its lines stay in the program. */
static void
test_comments_above_commands (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Basics\n\n"
    "```bash\n# start everything in the background\ndocker compose up -d\n\n"
    "docker compose down -v   # stop and remove the volumes\n"
    "docker compose ps        # list the containers\n```\n\n"
    "## Config\n\nMy `~/.tmux.conf`:\n\n"
    "```tmux\n# use C-a as the prefix\nunbind C-b\nset -g prefix C-a\n\n"
    "# mouse support\nset -g mouse on\n```\n\n"
    "> **Note**\n> Reload with `tmux source-file`.\n\n"
    "## Program\n\n"
    "```python\n# make a list\nxs = [1, 2]\nys = sorted(xs)  # sort it\n"
    "zs = ys[::-1]    # reverse it\nprint(zs)        # show it\n```\n");
  const char *const expected[] = {
    "start everything in the background", "```bash\ndocker compose up -d\n```",
    "stop and remove the volumes", "```bash\ndocker compose down -v\n```",
    "list the containers", "```bash\ndocker compose ps\n```",
    "Config — note", "> **Note**\n> Reload with `tmux source-file`.",
    "Config — use C-a as the prefix", "```tmux\nunbind C-b\nset -g prefix C-a\n```",
    "Config — mouse support", "```tmux\nset -g mouse on\n```",
    "Program", "```python\n# make a list\nxs = [1, 2]\nys = sorted(xs)  # sort it\n"
    "zs = ys[::-1]    # reverse it\nprint(zs)        # show it\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* Obsidian's comments, tag lines and embeds give nothing, its wiki links show their names, its
 * highlights are strong, and a footnote's text takes the place of its reference; code keeps all
 * of them. */
static void
test_notes_and_footnotes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Verbs\n\nSee [[Page|the page]] and [[Other]].[^1] %% hidden %%\n\n#grammar #verbs\n\n"
    "%% a comment\nover lines %%\n\n`[[code]] %% kept`\n\n[^1]: A note.\n");
  const char *const expected[] = {
    "Verbs", "See the page and Other. (A note.)\n\n`[[code]] %% kept`",
    NULL,
  };
  /* Anki's clozes: a list of them asks with each one's hidden words blanked. */
  g_autoptr(FlashSheet) clozes = parse_ok (
    "## Diuretics\n\n- Loops act on the {{c1::thick ascending limb}} (NKCC2)\n"
    "- Thiazides act on the {{c1::distal tubule::where?}}\n"
    "- Spironolactone blocks {{c2::aldosterone}}\n");
  const char *const cloze_cards[] = {
    "Loops act on the … (NKCC2)",
    "`thick ascending limb`\n\nLoops act on the `thick ascending limb` (NKCC2)",
    "Thiazides act on the …", "`distal tubule`\n\nThiazides act on the `distal tubule`",
    "Spironolactone blocks …", "`aldosterone`\n\nSpironolactone blocks `aldosterone`",
    NULL,
  };

  /* Embeds of other files go; highlights are strong, but "x==y", "a == b" and code stay. */
  g_autoptr(FlashSheet) marks = parse_ok (
    "## Closures\n\nA closure keeps ==the variables of its scope== alive.\n\n"
    "![[closure-diagram.png]]\n\n## Equality\n\nWhen x==y and a == b, ![[note]] use `x == y`"
    " ==twice==.\n\n```python\nassert x == y  # ==kept==\n```\n");
  const char *const mark_cards[] = {
    "Closures", "A closure keeps **the variables of its scope** alive.",
    "Equality", "When x==y and a == b, use `x == y` **twice**.\n\n"
    "```python\nassert x == y  # ==kept==\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  flash_test_assert_cards (clozes, cloze_cards);
  flash_test_assert_cards (marks, mark_cards);
}

/* A sheet's end: two sign-offs after the last rule, a "Back to top" link, and without a rule a
 * paragraph that signs off; a colon inside parentheses ends no term; an introduction that says
 * something before its colon stays. */
static void
test_footers_and_parentheses (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Iteration\n\n"
    "- **Fail-fast** iterators throw on a change\n"
    "- **Fail-safe** (better: *weakly consistent*) iterators work on a snapshot\n\n"
    "## Blocking\n\nBlocking calls freeze the loop. Options:\n\n"
    "| Situation | Use |\n|---|---|\n| blocking I/O | `to_thread` |\n\n"
    "[⬆ Back to top](#top)\n\n"
    "## Gotchas\n\nWrite `<T,>` in `.tsx` files.\n\n"
    "---\n\nThat's it for now! If this helped, follow me.\n\n*Cross-posted from my blog.*\n\n"
    "[⬆ Back to top](#top)\n");
  const char *const expected[] = {
    "**Fail-fast**", "iterators throw on a change",
    "**Fail-safe**", "(better: *weakly consistent*) iterators work on a snapshot",
    "Blocking", "Blocking calls freeze the loop. Options:",
    "blocking I/O", "**Use:** `to_thread`",
    "Gotchas", "Write `<T,>` in `.tsx` files.",
    NULL,
  };
  g_autoptr(FlashSheet) unruled = parse_ok (
    "## Keys\n\n| Keys | Action |\n|---|---|\n| `Ctrl+T` | table |\n\n"
    "If you liked this, subscribe to the newsletter 📬.\n");
  const char *const unruled_expected[] = { "`Ctrl+T`", "**Action:** table", NULL };

  flash_test_assert_cards (sheet, expected);
  flash_test_assert_cards (unruled, unruled_expected);
}

/* A README's title as HTML ("<h1 align=center>") names the deck; a Notion page's properties
 * under its title are not its text; a 💡 before a remark left after a table is its label. */
static void
test_titles_properties_symbols (void)
{
  g_autoptr(FlashSheet) readme = parse_ok (
    "<h1 align=\"center\">tmux cheatsheet</h1>\n\n## Sessions\n\nDetach with `prefix d`.\n");
  g_autoptr(FlashSheet) notion = parse_ok (
    "# Redis\n\nCreated: January 14, 2024 9:12 PM\nStatus: In progress\n\n"
    "An in-memory store.\n\n# Strings\n\nBinary-safe.\n");
  g_autoptr(FlashSheet) codes = parse_ok (
    "## 3xx\n\n| Code | Name |\n|---|---|\n| 301 | Moved |\n| 304 | Not Modified |\n\n"
    "> 💡 304 is not really a redirect.\n");
  const char *const readme_cards[] = { "Sessions", "Detach with `prefix d`.", NULL };
  const char *const notion_cards[] = {
    "Redis", "An in-memory store.", "Strings", "Binary-safe.", NULL,
  };
  const char *const codes_cards[] = {
    "3xx — tip", "> 💡 304 is not really a redirect.",
    "Code: 301", "**Name:** Moved",
    "Code: 304", "**Name:** Not Modified",
    NULL,
  };

  g_assert_cmpstr (readme->name, ==, "tmux cheatsheet");
  flash_test_assert_cards (readme, readme_cards);
  flash_test_assert_cards (notion, notion_cards);
  flash_test_assert_cards (codes, codes_cards);
}

/* Lines of "name = meaning" (three or more) are a key list like code lines; a command with its
 * explanation indented under it, two or more in a row, a card each, the command as code. */
static void
test_equals_and_indented_lines (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Verbs\n\npick   = use commit\nreword = edit the message\nsquash = meld into previous\n\n"
    "## Rebase\n\ngit rebase main\n  replay my commits on main.\n\n"
    "git rebase -i HEAD~5\n  rebase the last five\n  commits by hand.\n\n"
    "## Prose\n\nThe loop runs tasks.\n  An indented second line.\n");
  const char *const expected[] = {
    "pick", "use commit",
    "reword", "edit the message",
    "squash", "meld into previous",
    "`git rebase main`", "replay my commits on main.",
    "`git rebase -i HEAD~5`", "rebase the last five commits by hand.",
    "Prose", "The loop runs tasks.\n  An indented second line.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A bullet list two thirds of whose items are short terms: a card each, the other items left
 * in the heading's answer as a list. Steps whose dash goes on with them stay one card. */
static void
test_partial_term_lists (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Sets\n\nUnique strings.\n\n"
    "- SADD / SREM / SISMEMBER\n- SMEMBERS → all members\n- SINTER, SUNION → set algebra\n\n"
    "## Bleeding\n\n- Apply direct pressure\n"
    "- If blood soaks through, put a second pad on top — keep the first\n"
    "- Limb bleed: a tourniquet above the wound\n");
  const char *const expected[] = {
    "Sets", "Unique strings.\n\n- SADD / SREM / SISMEMBER",
    "SMEMBERS", "all members",
    "SINTER, SUNION", "set algebra",
    "Bleeding", "- Apply direct pressure\n"
    "- If blood soaks through, put a second pad on top — keep the first\n"
    "- Limb bleed: a tourniquet above the wound",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A bold letter inside a word is the word's; a totals row gives no card; a bold line over a
 * table is its caption; a plain block of commands and what they do is a card per command, its
 * caption left with the heading; a short name over a list of its own is a term; code spans
 * joined by commas say nothing to ask about. */
static void
test_outline_shapes (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## WEIRDO\n\n- **W**ishes — *Quiero que vengas*\n- **E**motions — *Me alegra*\n\n"
    "## Sheet\n\n**Balance**\n\n| Item | Amount |\n|---|---|\n| Cash | 12 |\n"
    "| **Total** | **12** |\n\n"
    "## Modes\n\nFormat is `[ugoa][+-=][rwx]`.\n\n"
    "    chmod u+x run.sh      add execute for the owner\n"
    "    chmod go-w file       remove write from the others\n"
    "    chmod a=r file        read for everyone\n\n"
    "## Por vs Para\n\n- Por\n    - cause: *por ti*\n- Para\n\t- purpose: *para aprender*\n\n"
    "## Examining\n\n- `print x` — print a variable\n- `info locals`, `info args`\n"
    "- `ptype foo` — show a type\n");
  const char *const expected[] = {
    "**W**ishes", "*Quiero que vengas*",
    "**E**motions", "*Me alegra*",
    "Cash", "**Amount:** 12",
    "Modes", "Format is `[ugoa][+-=][rwx]`.",
    "`chmod u+x run.sh`", "add execute for the owner",
    "`chmod go-w file`", "remove write from the others",
    "`chmod a=r file`", "read for everyone",
    "Por", "- cause: *por ti*",
    "Para", "- purpose: *para aprender*",
    "Examining", "- `info locals`, `info args`",
    "`print x`", "print a variable",
    "`ptype foo`", "show a type",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* An outliner's page (Logseq): heading bullets are headings, the bullets under them move out a
 * level, properties and "#card" marks go, a block's "term:: meaning" is a term. One heading
 * bullet alone is a list item. */
static void
test_outline_pages (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "tags:: astronomy, [[Intro Astro]]\n\n"
    "- # Astronomy basics\n- ## Distances\n"
    "\t- **Light-year** — distance light travels in a year\n"
    "\t- **Parsec** — about 3.26 light-years\n"
    "\t- apparent magnitude `m`:: how bright it looks\n"
    "- ## Questions for review\n"
    "\t- What causes the seasons? #card\n\t\t- the tilt of Earth's axis\n"
    "\t- Why is the sky blue? #card\n\t\t- Rayleigh scattering\n-\n");
  const char *const expected[] = {
    "**Light-year**", "distance light travels in a year",
    "**Parsec**", "about 3.26 light-years",
    "apparent magnitude `m`", "how bright it looks",
    "What causes the seasons?", "- the tilt of Earth's axis",
    "Why is the sky blue?", "- Rayleigh scattering",
    NULL,
  };
  g_autoptr(FlashSheet) single = parse_ok ("## Notes\n\n- # not a heading\n- plain\n");

  g_assert_cmpstr (sheet->name, ==, "Astronomy basics");
  flash_test_assert_cards (sheet, expected);
  g_assert_cmpuint (single->cards->len, ==, 1);
}

/* Exercises and problems with their answers or solutions are Q:/A: pairs, "Exercise 3.1:"
 * numbered or not; an "A:" alone on its line is answered by the list after it. */
static void
test_exercises_and_answer_lists (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Depreciation\n\nCost less salvage, over the useful life.\n\n"
    "Exercise: A machine costs $50, salvage $5, 9 years. Yearly?\nAnswer: **$5 a year**\n\n"
    "Exercise 3.2: The book value after 3 years?\nSolution: 50 − 15 = **35**\n\n"
    "## Cardio\n\nQ: ACE inhibitors are contraindicated in...?\nA:\n- pregnancy\n- angioedema\n\n"
    "Problems with this approach are many.\n");
  const char *const expected[] = {
    "Depreciation", "Cost less salvage, over the useful life.",
    "A machine costs $50, salvage $5, 9 years. Yearly?", "**$5 a year**",
    "The book value after 3 years?", "50 − 15 = **35**",
    "ACE inhibitors are contraindicated in...?",
    "- pregnancy\n- angioedema\n\nProblems with this approach are many.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A rule after commented commands does not keep them together; a leading code span's separator
 * comes before a later arrow; ", not" after a bold term is not the answer's start; an equals sign
 * inside a sentence makes no term; comments that give values keep their block whole. */
static void
test_separators_and_values (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## CLI\n\n```bash\n# list topics\nkafka-topics.sh --list\n\n# describe a topic\n"
    "kafka-topics.sh --describe\n```\n\n---\n\n"
    "## Strings\n\n* `split(\",\")` - string → array\n* `join(\"-\")` - array → string\n\n"
    "## Mistakes\n\n1. **\"Ho 20 anni\"**, not \"sono 20 anni\" — age uses *avere*.\n"
    "2. **\"Mi piace\"** — the thing liked is the subject.\n\n"
    "## Rate\n\n* Regular: 300 / big squares\n* Irregular: count QRS × 6\n"
    "* Normal 60–100 bpm; <60 = bradycardia\n\n"
    "## Flex\n\n```css\n.a { flex: 1; }     /* = 1 1 0% grow */\n"
    ".b { flex: auto; }  /* = 1 1 auto */\n.c { flex: none; }  /* = 0 0 auto */\n```\n");
  const char *const expected[] = {
    "CLI — list topics", "```bash\nkafka-topics.sh --list\n```",
    "CLI — describe a topic", "```bash\nkafka-topics.sh --describe\n```",
    "`split(\",\")`", "string → array",
    "`join(\"-\")`", "array → string",
    "**\"Ho 20 anni\"**", "not \"sono 20 anni\" — age uses *avere*.",
    "**\"Mi piace\"**", "the thing liked is the subject.",
    "Rate", "* Normal 60–100 bpm; <60 = bradycardia",
    "Regular", "300 / big squares",
    "Irregular", "count QRS × 6",
    "Flex", "```css\n.a { flex: 1; }     /* = 1 1 0% grow */\n"
    ".b { flex: auto; }  /* = 1 1 auto */\n.c { flex: none; }  /* = 0 0 auto */\n```",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
}

/* A "<details>" whose summary only says "Answer", right under a question heading, is answered
 * for that heading, not asked as "Answer". */
static void
test_answer_summary_under_heading (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "# Kafka\n\n### 4. What is the ISR?\n<details><summary>Answer</summary>\n"
    "The in-sync replicas.\n</details>\n\n"
    "### 5. What is a partition?\n\n<details>\n<summary>Show</summary>\n\nAn ordered log.\n\n"
    "</details>\n");
  const char *const expected[] = {
    "What is the ISR?", "The in-sync replicas.",
    "What is a partition?", "An ordered log.",
    NULL,
  };

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpstr (((FlashSheetCard *) g_ptr_array_index (sheet->cards, 0))->context, ==,
                   "Kafka");
}

/* The near misses of the text passes: a last sentence that only sounds like a sign-off stays;
 * "Vec::new()" is no outliner's property; a fenced block in a list item keeps its "[[ ]]"; a
 * footnote whose text goes on over lines is left as it is. */
static void
test_text_pass_near_misses (void)
{
  g_autoptr(FlashSheet) sheet = parse_ok (
    "## Test\n\n- Test for a file:\n\n  ```bash\n  if [[ -f /etc/passwd ]]; then echo y; fi\n"
    "  ```\n\n"
    "## Concrete\n\nConcrete is made with cement, sand and gravel.\n");
  const char *const expected[] = {
    "Test for a file", "```bash\nif [[ -f /etc/passwd ]]; then echo y; fi\n```",
    "Concrete", "Concrete is made with cement, sand and gravel.",
    NULL,
  };
  g_autoptr(FlashSheet) outline = parse_ok (
    "- # Rust\n- ## Vec\n\t- Vec::new() makes an empty vector\n\t- `push` adds one\n"
    "- ## Notes\n\t- Alkane.[^1]\n\n[^1]: Lindlar\n    stops at the alkene.\n");

  flash_test_assert_cards (sheet, expected);
  g_assert_cmpuint (outline->cards->len, >=, 1);
  g_assert_nonnull (strstr (((FlashSheetCard *) g_ptr_array_index (outline->cards, 0))->answer,
                            "Vec::new() makes an empty vector"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sheet-shapes/side-by-side-tables", test_side_by_side_tables);
  g_test_add_func ("/sheet-shapes/bold-qa-markers", test_bold_qa_markers);
  g_test_add_func ("/sheet-shapes/question-lists", test_question_lists);
  g_test_add_func ("/sheet-shapes/reveal-summaries", test_reveal_summaries);
  g_test_add_func ("/sheet-shapes/commands-and-terms", test_commands_and_terms);
  g_test_add_func ("/sheet-shapes/procedure-captions", test_procedure_captions);
  g_test_add_func ("/sheet-shapes/admonitions", test_admonitions);
  g_test_add_func ("/sheet-shapes/nested-references", test_nested_references);
  g_test_add_func ("/sheet-shapes/block-tips", test_block_tips);
  g_test_add_func ("/sheet-shapes/dangling-captions", test_dangling_captions);
  g_test_add_func ("/sheet-shapes/unclosed-summary", test_unclosed_summary);
  g_test_add_func ("/sheet-shapes/joined-keys", test_joined_keys);
  g_test_add_func ("/sheet-shapes/kbd-pairs", test_kbd_pairs);
  g_test_add_func ("/sheet-shapes/faq-bold-questions", test_faq_bold_questions);
  g_test_add_func ("/sheet-shapes/numbered-question-headings", test_numbered_question_headings);
  g_test_add_func ("/sheet-shapes/remarks-and-furniture", test_remarks_and_furniture);
  g_test_add_func ("/sheet-shapes/orders-arrows-records", test_orders_arrows_records);
  g_test_add_func ("/sheet-shapes/leftovers", test_leftovers);
  g_test_add_func ("/sheet-shapes/numbers-questions-terms", test_numbers_questions_terms);
  g_test_add_func ("/sheet-shapes/named-commands", test_named_commands);
  g_test_add_func ("/sheet-shapes/bold-before-dash", test_bold_before_dash);
  g_test_add_func ("/sheet-shapes/bold-numbered-terms-and-footer",
                   test_bold_numbered_terms_and_footer);
  g_test_add_func ("/sheet-shapes/commands-then-remark", test_commands_then_remark);
  g_test_add_func ("/sheet-shapes/term-lines", test_term_lines);
  g_test_add_func ("/sheet-shapes/todos-and-sign-offs", test_todos_and_sign_offs);
  g_test_add_func ("/sheet-shapes/key-lines", test_key_lines);
  g_test_add_func ("/sheet-shapes/key-block-lines", test_key_block_lines);
  g_test_add_func ("/sheet-shapes/text-pass-near-misses", test_text_pass_near_misses);
  g_test_add_func ("/sheet-shapes/answer-summary-under-heading",
                   test_answer_summary_under_heading);
  g_test_add_func ("/sheet-shapes/separators-and-values", test_separators_and_values);
  g_test_add_func ("/sheet-shapes/exercises-and-answer-lists", test_exercises_and_answer_lists);
  g_test_add_func ("/sheet-shapes/outline-pages", test_outline_pages);
  g_test_add_func ("/sheet-shapes/outline-shapes", test_outline_shapes);
  g_test_add_func ("/sheet-shapes/partial-term-lists", test_partial_term_lists);
  g_test_add_func ("/sheet-shapes/equals-and-indented-lines", test_equals_and_indented_lines);
  g_test_add_func ("/sheet-shapes/titles-properties-symbols", test_titles_properties_symbols);
  g_test_add_func ("/sheet-shapes/footers-and-parentheses", test_footers_and_parentheses);
  g_test_add_func ("/sheet-shapes/notes-and-footnotes", test_notes_and_footnotes);
  g_test_add_func ("/sheet-shapes/comments-above-commands", test_comments_above_commands);
  g_test_add_func ("/sheet-shapes/first-separator-and-repeated-rows",
                   test_first_separator_and_repeated_rows);

  return g_test_run ();
}
