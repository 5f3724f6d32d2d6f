# The harness in French (issue 15): every message it can print has a French translation,
# and French runs leave no English sentence: the whole suite, a failing run, `explain` of
# every claim, the HTML report. The JUnit file of a French run validates, keeps the test
# case names of an English run, and `compare` of the two reports no change. The seed
# claims' quotes are the tutorials' own sentences. LANG=fr_FR.UTF-8 chooses French; a
# terminal that is not UTF-8 gets no byte it would misread.
source "$(dirname "$0")/lib.bash" "$@"

echo "== every message of the program has a French translation in po/fr.po"
bash po/update --pot "$WORK/harness.pot"
msgfmt --check -o /dev/null po/fr.po || fail "po/fr.po does not compile"
msgcmp po/fr.po "$WORK/harness.pot" || fail "po/fr.po lacks (or has fuzzy or empty) translations of the messages above: run po/update and translate them"
echo "$(($(grep -c '^msgid ' "$WORK/harness.pot") - 1)) messages, all translated"

echo "== every claim, title and note has a French text; every seed claim quotes its tutorial word for word"
python3 - "$SOURCE" <<'PY' || fail "claims without French, or quotes not in their tutorial"
import glob, os, re, sys
import xml.etree.ElementTree as ET
source = sys.argv[1]
seeds = os.path.join(source, "..", "shared", "seeds")
flat = lambda s: " ".join(s.split())
bad, quotes = [], 0
for path in sorted(glob.glob(os.path.join(source, "scenarios", "*.xml"))):
    root = ET.parse(path).getroot()
    src = root.find("source")
    seed = src.get("seed") if src is not None else ""
    if not root.get("title-fr"):
        bad.append(f"{path}: no title-fr")
    for step in root.iter():
        if step.get("note") and not step.get("note-fr"):
            bad.append(f"{path}: <{step.tag}> has a note= and no note-fr=")
    for claim in root.findall("claim"):
        cid = claim.get("id")
        if not claim.get("fr"):
            bad.append(f"{path}: {cid} has no fr=")
        quote = claim.get("quote")
        if "seed" in (root.get("tags") or "").split() and not quote:
            bad.append(f"{path}: seed claim {cid} has no quote=")
        if not quote:
            continue
        frm = claim.get("quote-from") or ""
        file = frm.split(",")[0] if frm.endswith(".txt") or ".txt," in frm else seed
        tutorial = os.path.join(seeds, file)
        if not os.path.exists(tutorial):
            print(f"(no {tutorial}: quote of {cid} not compared)")
            continue
        if flat(quote) not in flat(open(tutorial, encoding="utf-8").read()):
            bad.append(f"{path}: the quote of {cid} is not in {file}: {quote}")
        quotes += 1
for b in bad:
    print(b)
print(f"{quotes} quotes found word for word in their tutorials")
sys.exit(1 if bad else 0)
PY

# english_left FILE: prints the lines of FILE (French output) that still hold English words
# of the harness's own: commands, paths, quoted values, the runtimes' own messages and the
# sources (a tutorial's sentence, its section, the section of claims.md) are left out first:
# they are never translated (the tutorials' French says "container" too); so are file names
# (from-host.txt) and a tutorial line's placeholders ({container}).
english_left() {
  sed -E \
    -e '/^ *\$ /d' -e '/^ *commande : /d' -e '/^ *(source|tutoriel) : /d' -e 's/\(tutoriel [^)]*\)//' \
    -e 's/"([^"\\]|\\.)*"//g' \
    -e 's/<[a-z-]+>//g' \
    -e 's/\{[a-z]+\}//g' -e 's/[A-Za-z0-9_-]+\.(txt|xml|md|html|yml)//g' \
    -e 's/(joindre le moteur [a-z]+ par [^ ]+ : )[^(]*\(/\1(/' \
    -e "s/'[^']*'//g" \
    -e 's/code de sortie [0-9]+ : [^)]*\)/code de sortie N)/g' \
    -e 's/(code|délai)[^)]*: [a-z]+: [^)]*\)//g' \
    "$1" |
    grep -inwE 'the|is|was|are|and|with|not|found|expected|passed|failed|claims?|checks?|steps?|files?|errors?|containers?|removed|written|still|there|which|what|run line|scenario file|folder|host|held|done|skipped|report' || true
}
expect_french() {   # FILE WHAT
  local left
  left=$(english_left "$1")
  [ -z "$left" ] || fail "English left in $2:
$left"
  echo "no English left in $2 ($(wc -l <"$1") lines)"
}

echo "== explain, every claim, in French"
run_harness explain --lang fr '*'
expect_rc 0
expect_out '^       affirmation : '
expect_out '^       tutoriel :    « '
expect_french "$WORK/out" "explain '*'"

echo "== LANG=fr_FR.UTF-8 chooses French, LANG=C English, --lang wins over both"
run_harness LANG=fr_FR.UTF-8 explain VOL-2
expect_out '^       affirmation : Un fichier écrit à travers un montage de volume'
run_harness LANG=C LC_ALL= explain VOL-2
expect_out '^       claim:  A file written through a volume mount'
run_harness LANG=fr_FR.UTF-8 explain --lang en VOL-2
expect_out '^       claim:  '
run_harness explain --lang de VOL-2
expect_rc 64

echo "== a terminal that is not UTF-8 gets no byte above 127; a UTF-8 one gets the accents"
script -qec "env LANG=C LC_ALL= $HARNESS explain --lang fr VOL-2" /dev/null >"$WORK/tty" </dev/null
grep -q 'Le fichier est bien conserve dans le volume' "$WORK/tty" || fail "no ASCII text on a C-locale terminal: $(cat "$WORK/tty")"
! LC_ALL=C grep -q '[^ -~[:cntrl:]]' "$WORK/tty" || fail "bytes above 127 on a C-locale terminal"
script -qec "env LANG=fr_FR.UTF-8 LC_ALL= $HARNESS explain VOL-2" /dev/null >"$WORK/tty" </dev/null
grep -q 'Le fichier est bien conservé dans le volume' "$WORK/tty" || fail "no accents on a UTF-8 terminal"
echo "C terminal: ASCII; UTF-8 terminal: UTF-8"

echo "== the whole suite in French"
run_harness run --lang fr $(reports fr)
expect_rc 0
expect_out '^RÉUSSI VOL-2  docker  '
expect_out '^affirmations : [0-9]+ réussies, 0 en échec, 0 erreur en '
expect_french "$WORK/out" "the run of the whole suite"
no_leftovers
valid_junit "$WORK/fr.xml"
grep -q '<html lang="fr">' "$WORK/fr.html" || fail "the HTML report is not lang=fr"
grep -q '<h1>Affirmations par runtime</h1>' "$WORK/fr.html" || fail "the HTML report's heading is not French"
# the page's words, without its commands and the containers' output
python3 - "$WORK/fr.html" >"$WORK/fr.html.txt" <<'PY'
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for pattern in (r"<style>.*?</style>", r'<pre class="command">.*?</pre>', r'<div class="stream">.*?</div>',
                r"<blockquote.*?</blockquote>",
                r"<code>.*?</code>", r'<td class="mono">.*?</td>'):
    page = re.sub(pattern, " ", page, flags=re.S)
page = re.sub(r"<br>|</(p|li|tr|h[123]|summary|dd|dt|pre|div)>", "\n", page)
print(html.unescape(re.sub(r"<[^>]*>", " ", page)))
PY
expect_french "$WORK/fr.html.txt" "the HTML report"

echo "== the same claims in English: compare reports no change; the test case names are the same"
run_harness run --lang en $(reports en)
expect_rc 0
diff <(grep -o '<testcase name="[^"]*"' "$WORK/en.xml" | sort) <(grep -o '<testcase name="[^"]*"' "$WORK/fr.xml" | sort) ||
  fail "test case names differ between the English and the French run"
diff <(grep -o '<testsuite name="[^"]*"' "$WORK/en.xml") <(grep -o '<testsuite name="[^"]*"' "$WORK/fr.xml") ||
  fail "suite names differ between the English and the French run"
run_harness compare --lang en --time-threshold 30 "$WORK/en.xml" "$WORK/fr.xml"
expect_rc 0
expect_out '^summary: 0 started failing, 0 started passing, 0 new, 0 disappeared, 0 slower, 0 faster; [0-9]+ still passing, 0 still failing$'
run_harness compare --lang fr --time-threshold 30 "$WORK/en.xml" "$WORK/fr.xml"
expect_out '^bilan : 0 échoue désormais, 0 réussit désormais, 0 nouvelle, 0 disparue, 0 plus lente, 0 plus rapide ; [0-9]+ toujours réussies, 0 toujours en échec$'
expect_french "$WORK/out" "compare"

echo "== a failing run in French (a docker that drops every mount), --verbose"
mount_dropping_docker "$WORK/broken"
run_harness PATH="$WORK/broken:$PATH" run --lang fr --verbose --claim 'BND-1,VOL-2,VOL-3,EPH-*' $(reports broken)
expect_rc 1
expect_out '^ÉCHEC  VOL-2  docker  '
expect_out '^         sens :     Le fichier que l.affirmation dit présent est absent'
expect_french "$WORK/out" "a failing run"
valid_junit "$WORK/broken.xml"
no_leftovers

echo "== a runtime that cannot be reached, in French"
run_harness DOCKER_HOST=unix:///nonexistent/docker.sock run --lang fr --claim VOL-2 $(reports down)
expect_rc 2
expect_out '^harness: impossible de joindre le moteur docker par '
expect_french "$WORK/out" "an unreachable runtime"
