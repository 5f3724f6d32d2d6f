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
# (from-host.txt) and absolute paths, a tutorial line's placeholders ({container}), the names of attributes
# (container=), options (--read-only), a tutorial line after "la commande du tutoriel :"
# and lists of known names ("(connus : ...)"): the scenario's and the command line's own words.
english_left() {
  sed -E \
    -e '/^ *\$ /d' -e '/^ *commande : /d' -e '/^ *(source|tutoriel) : /d' -e 's/\(tutoriel [^)]*\)//' \
    -e 's/(la commande du tutoriel : ).*/\1/' \
    -e 's/"([^"\\]|\\.)*"//g' \
    -e 's/<[a-z-]+[^>]*>//g' -e 's/\b[a-z-]+=//g' -e 's/(^|[ (])--?[a-z][a-z-]*//g' -e 's/\(connu(e?)s : [^)]*\)//g' \
    -e 's/\{[a-z]+\}//g' -e 's/[A-Za-z0-9_-]+\.(txt|xml|md|html|yml)//g' \
    -e 's/(joindre le moteur [a-z]+ par [^ ]+ : )[^(]*\(/\1(/' -e 's#(^|[ (])/[^ :)]*##g' \
    -e "s/(^|[ («:])'[^']*'(\$|[^[:alpha:]])/\1\2/g" \
    -e 's/code de sortie [0-9]+ : [^)]*\)/code de sortie N)/g' \
    -e 's/(code|délai)[^)]*: [a-z]+: [^)]*\)//g' \
    "$1" |
    grep -inwE 'the|is|was|are|and|with|not|found|expected|passed|failed|claims?|checks?|steps?|files?|errors?|containers?|removed|written|still|there|which|what|run line|scenario file|folder|host|held|done|skipped|report|unknown|must|needs?|has|cannot|either|give|already|only|of|to|in' || true
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

echo "== run --lang fr --claim 'VOL-2,EPH-1' is in French; LANG=fr_FR.UTF-8 without --lang prints the same"
run_harness run --lang fr --claim 'VOL-2,EPH-1' $(reports lang)
expect_rc 0
expect_out '^RÉUSSI VOL-2  docker  '
expect_out '^RÉUSSI EPH-1  docker  '
expect_out '^affirmations : 2 réussies, 0 en échec, 0 erreur en '
expect_french "$WORK/out" "run --lang fr --claim 'VOL-2,EPH-1'"
no_leftovers
cp "$WORK/out" "$WORK/lang.out"
run_harness LANG=fr_FR.UTF-8 LC_ALL= LC_MESSAGES= run --claim 'VOL-2,EPH-1' $(reports locale)
expect_rc 0
no_leftovers
normalised() { sed -E -e 's/[0-9a-f]{8}/RUN/g' -e 's/\b[0-9]+\.[0-9]{3}\b/N/g' -e 's/(lang|locale)\.(xml|md|html)/REPORT.\2/g' "$1"; }
diff <(normalised "$WORK/lang.out") <(normalised "$WORK/out") || fail "LANG=fr_FR.UTF-8 does not print what --lang fr prints"
grep -q '<html lang="fr">' "$WORK/locale.html" || fail "the HTML report of a LANG=fr_FR.UTF-8 run is not lang=fr"
valid_junit "$WORK/locale.xml"
echo "LANG=fr_FR.UTF-8: the same lines as --lang fr"
echo "== bad input in French: validate's file:line: messages, targets and known-failures files, merge, compare"
# one scenario file per message, each with exactly one error (the snippets are <steps> of a
# scenario that checks claim A-1, unless they hold a whole <scenario>)
mkdir -p "$WORK/bad" "$WORK/empty-folder"
python3 - "$WORK/bad" <<'PY'
import sys
steps = [
    '<run container="c" bogus="1"/>',
    '<run container="C!"/>',
    '<run container="c" rm="maybe"/>',
    '<run container="c" timeout="-1"/>',
    '<run container="c" user="0"/>',
    '<run container="c" runtime="dockr"/>',
    '<run container="c" when="sunny"/>',
    '<run container="c" note="why"/>',
    '<run container="c" claim="A-1" expect="maybe"/>',
    '<run container="c" image="Not An Image"/>',
    '<run container="c"><mount type="weird" target="/x"/></run>',
    '<run container="c"><mount type="tmpfs" source="v" target="/x"/></run>',
    '<run container="c"><mount type="volume" source="v" target="x"/></run>',
    '<run container="c"><mount type="volume" target="/x" nocopy="true" flag="volume"/></run>',
    '<run container="c"><file path="/x"/></run>',
    '<frobnicate/>',
    '<expect-file claim="A-1" container="c" volume="v" path="/x"/>',
    '<expect-file claim="A-1" container="c" path="/x"/>',
    '<expect-file claim="A-1" volume="v" path="../x"/>',
    '<expect-volume claim="A-1" volume="v"/>',
    '<expect-container claim="A-1" container="c"/>',
    '<host-dir name="h"/><host-dir name="h"/>',
    '<volume-create volume="v"/>',
    '<volume-create volume="v"/><expect-volume claim="B-2" volume="v" exists="true"/>',
    '<run container="c" detach="true"/><run container="c" detach="true"/>',
    '<tutorial claim="A-1" line="frob the volume"/>',
    '<tutorial claim="A-1" line="run --privileged {image}"/>',
    '<tutorial claim="A-1" line="volume create {volume}"/>',
    '<tutorial claim="A-1" line="run --name {container} -v {volume}:/data:z {image}" volume="v" container="c"/>',
]
whole = [
    '<scenarios/>',
    '<scenario id="s" title="t"><claim id="bad">a claim</claim><steps/></scenario>',
    '<scenario id="s" title="t"><claim id="A-1">a claim</claim></scenario>',
    '<scenario id="s" title="t"><steps/></scenario>',
    '<scenario id="s" title="t"><claim id="A-1">a claim</claim><steps><run container="c">',
    '<scenario id="Bad Id" title="t"><claim id="A-1">a claim</claim><steps/></scenario>',
]
files = ['<scenario id="s%d" title="t"><claim id="A-1">a claim</claim><steps>%s</steps></scenario>' % (i, s)
         for i, s in enumerate(steps)] + whole
twice = ('<scenario id="twice" title="t"><claim id="A-1">a claim</claim><steps><volume-create volume="v"/>'
         '<expect-volume claim="A-1" volume="v" exists="true"/></steps></scenario>')
files += [twice, twice]  # the same id in two files
for i, text in enumerate(files):
    open("%s/%02d.xml" % (sys.argv[1], i), "w").write(text + "\n")
print(len(files), "bad scenario files")
PY
run_harness validate --lang fr "$WORK/no-such-file.xml"
expect_rc 64
expect_out "^harness: $WORK/no-such-file.xml: aucun fichier ni dossier de ce nom"
expect_french "$WORK/out" "validate of a missing file"
run_harness validate --lang fr "$WORK/bad" "$WORK/empty-folder"
expect_rc 65
# every file's one error (but the first of the two with one id, which is valid), and the
# empty folder's, each one line `path[:line]: message`
[ "$(grep -c "^$WORK/bad/[0-9]*\.xml:[0-9]*: " "$WORK/out")" -eq "$(($(ls "$WORK/bad" | wc -l) - 1))" ] ||
  fail "not one file:line: error per bad file"
expect_out "^$WORK/empty-folder: aucun fichier de scénarios"
expect_out ": erreur XML : "
expect_french "$WORK/out" "validate's messages"
# The check can fail: in English, every one of these lines holds a word it looks for (a
# message left untranslated would be seen).
run_harness validate --lang en "$WORK/bad" "$WORK/empty-folder" >/dev/null
unseen=$(comm -23 <(seq "$(wc -l <"$WORK/out")" | sort) <(english_left "$WORK/out" | cut -d: -f1 | sort))
[ -z "$unseen" ] || fail "English messages the French check could not tell from French (add a word to english_left):
$(for n in $unseen; do sed -n "${n}p" "$WORK/out"; done)"
echo "each of the $(wc -l <"$WORK/out") English lines would be seen"

cat >"$WORK/bad-targets.xml" <<'XML'
<targets>
  <target cli="docker" jobs="99"/>
</targets>
XML
run_harness run --lang fr --targets "$WORK/bad-targets.xml" --claim VOL-2
expect_rc 65
expect_out "^$WORK/bad-targets.xml:2: jobs doit être un nombre de 1 à 64, pas '99'$"
expect_french "$WORK/out" "a bad targets file"
printf '<targets/>\n' >"$WORK/no-targets.xml"
run_harness run --lang fr --targets "$WORK/no-targets.xml" --claim VOL-2
expect_rc 65
expect_french "$WORK/out" "a targets file with no target"
run_harness run --lang fr --targets "$WORK/missing-targets.xml" --claim VOL-2
expect_rc 64
expect_out "^harness: $WORK/missing-targets.xml: aucun fichier ni dossier de ce nom$"
expect_french "$WORK/out" "a missing targets file"

run_harness run --lang fr --known-failures "$WORK/missing-known.xml" --claim VOL-2
expect_rc 64
expect_out "^harness: $WORK/missing-known.xml: aucun fichier ni dossier de ce nom$"
expect_french "$WORK/out" "a missing known-failures file"
cat >"$WORK/bad-known.xml" <<'XML'
<known-failures>
  <known target="docker" claim="VOL-2" reason=" "/>
</known-failures>
XML
run_harness run --lang fr --known-failures "$WORK/bad-known.xml" --claim VOL-2
expect_rc 65
expect_out "^$WORK/bad-known.xml:2: "
expect_french "$WORK/out" "a bad known-failures file"
printf '<known-failures><knwon/></known-failures>\n' >"$WORK/bad-known.xml"
run_harness run --lang fr --known-failures "$WORK/bad-known.xml" --claim VOL-2
expect_rc 65
expect_french "$WORK/out" "a known-failures file with an unknown element"

run_harness merge --lang fr "$WORK/no-such-run.xml"
expect_rc 64
expect_out "^harness: $WORK/no-such-run.xml: aucun fichier ni dossier de ce nom$"
expect_french "$WORK/out" "merge of a missing file"
run_harness merge --lang fr "$WORK/bad"
expect_rc 65
expect_out "^$WORK/bad: impossible de lire le fichier : C'est un dossier$"
expect_french "$WORK/out" "merge of a folder"
run_harness merge --lang fr "$WORK/bad-targets.xml"
expect_out "^$WORK/bad-targets.xml:1: pas un fichier JUnit de ce harness"
expect_french "$WORK/out" "merge of a file that is not JUnit"
run_harness compare --lang fr "$WORK/bad/00.xml" "$WORK/bad/01.xml"
expect_out "pas un fichier JUnit de ce harness"
expect_french "$WORK/out" "compare of files that are not JUnit"

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
run_harness merge --lang fr "$WORK/en.xml" "$WORK/fr.xml"
expect_rc 65
expect_out "^$WORK/fr.xml: [A-Z]+-[0-9]+ sur docker figure aussi dans $WORK/en.xml : merge prend chaque affirmation"
expect_french "$WORK/out" "merge of two runs of one target"
run_harness merge --lang fr "$WORK/fr.xml" $(reports merged)
expect_rc 0
expect_out '^1 fichier\(s\) réuni\(s\) : 1 cible\(s\), [0-9]+ affirmation\(s\)$'
expect_french "$WORK/out" "merge"

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
