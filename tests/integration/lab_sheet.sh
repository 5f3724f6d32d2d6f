# The lab sheets (docs/lab.md in French, docs/lab.en.md in English) stay true: their
# commands are run, in order, as a student would type them, and what each step says the
# student should see is looked for in what the commands printed.
#   - a ```sh block of `$ command` lines is run (bash, from a folder that looks like the
#     checkout: build/bin/harness, scenarios/, tests/, fixtures/, a reports/ of its own);
#   - the ```text block right after it is what the student should see: each of its lines
#     must be printed, in that order (other lines may come between); "…" stands for any text;
#   - an ```xml block right after a `<!-- file: PATH -->` line is the file the student
#     writes: it is written at PATH first;
#   - `<!-- exit=N -->` before a ```sh block: its last command exits N (else 0).
source "$(dirname "$0")/lib.bash" "$@"

: >"$WORK/run-ids"
failed_sheets=""
for sheet in docs/lab.md docs/lab.en.md; do   # both, even when the first fails
  echo "== $sheet"
  tree=$WORK/$(basename "$sheet" .md)
  mkdir -p "$tree/build/bin" "$tree/reports"
  for d in scenarios tests fixtures; do ln -s "$PWD/$d" "$tree/$d"; done   # lib.bash cd-ed into the source
  ln -s "$(realpath "$HARNESS")" "$tree/build/bin/harness"
  python3 - "$PWD/$sheet" "$tree" "$WORK/run-ids" <<'PY' || failed_sheets+=" $sheet"
import os, re, subprocess, sys
sheet, tree, run_ids = sys.argv[1:4]
lines = open(sheet, encoding="utf-8").read().split("\n")

def block(i):  # the fenced block opening at line i: (its kind, its lines, the line after it)
    kind = lines[i][3:].strip()
    end = lines.index("```", i + 1)
    return kind, lines[i + 1:end], end + 1

def next_block(i):  # the next non-blank line, if it opens a block
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i if i < len(lines) and lines[i].startswith("```") else None

def seen(expected, output):
    at = 0
    for want in expected:
        pattern = re.compile(".*".join(re.escape(p) for p in want.rstrip().split("\u2026")))
        while at < len(output) and not pattern.fullmatch(output[at].rstrip()):
            at += 1
        if at == len(output):
            return want
        at += 1
    return None

failed, commands, i, exit_code, file = 0, 0, 0, 0, None
while i < len(lines):
    line = lines[i]
    m = re.fullmatch(r"<!-- (exit=(\d+)|file: (\S+)) -->", line.strip())
    if m:
        exit_code = int(m.group(2)) if m.group(2) else exit_code
        file = m.group(3) or file
        i += 1
        continue
    if not line.startswith("```"):
        i += 1
        continue
    kind, body, i = block(i)
    if kind == "xml" and file:
        os.makedirs(os.path.dirname(os.path.join(tree, file)), exist_ok=True)
        open(os.path.join(tree, file), "w", encoding="utf-8").write("\n".join(body) + "\n")
        print(f"{sheet}: wrote {file}")
        file = None
        continue
    if kind != "sh" or not body or not body[0].startswith("$ "):
        continue
    output, code = [], 0
    for command in [l[2:] for l in body if l.startswith("$ ")]:
        env = dict(os.environ)
        env.pop("NO_COLOR", None)
        run = subprocess.run(["bash", "-c", command], cwd=tree, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT, timeout=900)
        output += run.stdout.decode("utf-8", "replace").split("\n")
        code = run.returncode
        commands += 1
        with open(run_ids, "a") as ids:
            ids.writelines(m.group(1) + "\n" for m in re.finditer(r"^harness run ([0-9a-f]{8})", run.stdout.decode("utf-8", "replace"), re.M))
    shown = next_block(i)
    missing = None
    if shown is not None and lines[shown].strip() == "```text":
        _, expected, i = block(shown)
        missing = seen([l for l in expected if l.strip()], output)
    if code != exit_code or missing is not None:
        failed += 1
        print(f"{sheet}: $ {body[0][2:]}: exit {code} (sheet: {exit_code})" +
              (f"; not printed (in order): {missing}" if missing else ""))
        print("\n".join("    | " + l for l in output))
    else:
        print(f"{sheet}: $ {body[0][2:]}: as the sheet says")
    exit_code = 0
if commands < 5:
    sys.exit(f"{sheet}: only {commands} commands found")
sys.exit(1 if failed else 0)
PY
done
echo "== nothing left behind by the sheets' runs"
for id in $(sort -u "$WORK/run-ids"); do
  for rt in docker podman; do
    [ -z "$($rt ps -a -q --filter "name=harness-$id-")" ] || fail "containers of run $id left on $rt"
    [ -z "$($rt volume ls -q --filter "name=harness-$id-")" ] || fail "volumes of run $id left on $rt"
  done
done
echo "$(sort -u "$WORK/run-ids" | wc -l) runs, nothing left"
[ -z "$failed_sheets" ] || fail "these sheets do not say what their commands do:$failed_sheets"
echo "OK: docs/lab.md and docs/lab.en.md"
