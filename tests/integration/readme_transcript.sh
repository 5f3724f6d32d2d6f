# The README cannot drift from the program: every command block in README.md marked with
# `<!-- transcript -->` on the line before it is run and its output compared with the
# block (as cram and doctest do). A block is one `$ command` line and the output it
# prints, stdout and stderr together. The marker may say `exit=N` (the exit code, 0 by
# default) and `docker=mount-dropping` (tests/integration/mount-dropping-docker first on
# PATH). The commands run in a folder that looks like the checkout (scenarios/, tests/,
# fixtures/, build/bin/harness) with a reports/ of its own.
# Compared after normalising what changes from run to run: run ids, times, random folder
# suffixes, the runtimes' versions and the CLI's path; a `...` in the README's output
# stands for any text, and "harness: removed what dead run(s) ..." lines (other runs'
# leftovers) are left out.
source "$(dirname "$0")/lib.bash" "$@"

tree=$WORK/tree
: >"$WORK/run-ids"
mkdir -p "$tree/build/bin" "$tree/reports"
for d in scenarios tests fixtures; do ln -s "$PWD/$d" "$tree/$d"; done   # lib.bash cd-ed into the source
ln -s "$(realpath "$HARNESS")" "$tree/build/bin/harness"
mount_dropping_docker "$WORK/mount-dropping"

python3 - "$SOURCE/README.md" "$tree" "$WORK/mount-dropping" "$WORK/run-ids" <<'PY'
import difflib, os, re, subprocess, sys

readme, tree, mount_dropping, run_ids = sys.argv[1:5]
lines = open(readme, encoding="utf-8").read().split("\n")

# The marked blocks: (line of the marker, options, command, expected output lines).
blocks = []
for i, line in enumerate(lines):
    m = re.fullmatch(r"<!-- transcript((?: [a-z]+=[a-z0-9-]+)*) -->", line.strip())
    if not m:
        continue
    options = dict(kv.split("=") for kv in m.group(1).split())
    if not lines[i + 1].startswith("```"):
        sys.exit(f"README.md:{i + 1}: a transcript marker must be right before a ``` block")
    end = lines.index("```", i + 2)
    body = lines[i + 2:end]
    if not body or not body[0].startswith("$ ") or any(l.startswith("$ ") for l in body[1:]):
        sys.exit(f"README.md:{i + 1}: a transcript block is one '$ command' line, then its output")
    blocks.append((i + 1, options, body[0][2:], body[1:]))
if len(blocks) < 5:
    sys.exit(f"README.md has {len(blocks)} transcript blocks; expected at least 5")

def normalised(text_lines):
    out = []
    for l in text_lines:
        if l.startswith("harness: removed what dead run(s) "):
            continue
        l = re.sub(r"(harness run |[Hh]arness-|harness\.run=)[0-9a-f]{8}\b", r"\1RUN", l)
        l = re.sub(r"(harness-RUN-\d+-[A-Za-z0-9_.]+-)[A-Za-z0-9]{6}\b", r"\1XXXXXX", l)
        l = re.sub(r"\b\d+\.\d{3}\b", "N.NNN", l)
        l = re.sub(r"\b(docker|podman) \S+((?: \u00b7 [^(\u00b7]+)*) \((?:/\S*/)?(docker|podman)(, [^)]*)?\)", r"\1 VERSION\2 (.../\3\4)", l)
        out.append(l.rstrip())
    while out and out[-1] == "":
        out.pop()
    return out

def matches(expected, actual):
    pattern = ".*".join(re.escape(part) for part in expected.split("..."))
    return re.fullmatch(pattern, actual) is not None

failed = 0
for at, options, command, expected in blocks:
    env = dict(os.environ)
    if options.get("docker") == "mount-dropping":
        env["PATH"] = mount_dropping + ":" + env["PATH"]
    env.pop("NO_COLOR", None)
    run = subprocess.run(["bash", "-c", command], cwd=tree, env=env, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, timeout=600)
    actual = run.stdout.decode("utf-8", "replace").split("\n")
    with open(run_ids, "a") as ids:
        ids.writelines(m.group(1) + "\n" for m in map(re.compile(r"^harness run ([0-9a-f]{8}):").match, actual) if m)
    want, got = normalised(expected), normalised(actual)
    code = int(options.get("exit", "0"))
    same = len(want) == len(got) and all(matches(w, g) for w, g in zip(want, got))
    if same and run.returncode == code:
        print(f"README.md:{at}: $ {command}: as the README says ({len(got)} lines, exit {code})")
        continue
    failed += 1
    print(f"README.md:{at}: $ {command}: exit {run.returncode} (README: {code}); README vs output, normalised:")
    sys.stdout.writelines(l + "\n" for l in difflib.unified_diff(want, got, "README.md", "output", lineterm="", n=1))
    print("the whole output:\n" + "\n".join(actual))
if failed:
    sys.exit(f"{failed} of {len(blocks)} transcript blocks differ from the program's output")
print(f"{len(blocks)} transcript blocks: the README says what the program prints")
PY
# nothing left by the runs the blocks made
for id in $(sort -u "$WORK/run-ids"); do
  echo "harness run $id:" >"$WORK/out"
  no_leftovers docker
  no_leftovers podman
done
echo "OK"
