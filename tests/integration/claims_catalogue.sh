# docs/claims.md and the scenarios name the same claims: every claim ID `harness list`
# shows has a row in the catalogue, and every row of the catalogue is a claim of a
# scenario; and the README names no file outside the repository (the tutorials are named
# by title). Needs neither Docker nor Podman.
source "$(dirname "$0")/lib.bash" "$@"
catalogue=docs/claims.md
[ -f "$catalogue" ] || fail "$catalogue is missing"

# the IDs of the scenarios: `harness list` indents each claim line by two spaces
"$HARNESS" list scenarios >"$WORK/list" || fail "harness list failed"
sed -n 's/^  \([A-Z][A-Z0-9-]*[0-9]\(\/[a-z0-9-]*\)\?\)  .*/\1/p' "$WORK/list" | sort >"$WORK/scenarios"
# the IDs of the catalogue: the first cell of a table row
sed -n 's/^| \([A-Z][A-Z0-9-]*[0-9]\(\/[a-z0-9-]*\)\?\) |.*/\1/p' "$catalogue" | sort >"$WORK/catalogue"

[ -s "$WORK/scenarios" ] || fail "harness list showed no claim"
[ "$(uniq -d "$WORK/catalogue")" = "" ] || fail "$catalogue has a claim twice: $(uniq -d "$WORK/catalogue" | tr '\n' ' ')"
missing=$(comm -23 "$WORK/scenarios" "$WORK/catalogue" | tr '\n' ' ')
extra=$(comm -13 "$WORK/scenarios" "$WORK/catalogue" | tr '\n' ' ')
[ -z "$missing" ] || fail "claims of the scenarios missing from $catalogue: $missing"
[ -z "$extra" ] || fail "claims in $catalogue that no scenario checks: $extra"

# every scenario file a row names is there
for f in $(grep -o '[a-z-]*\.xml' "$catalogue" | sort -u); do
  [ -f "scenarios/$f" ] || fail "$catalogue names scenarios/$f, which is not there"
done

# the README sends nobody outside the repository
if grep -n '\.\./shared' README.md; then fail "README.md names files outside the repository (../shared)"; fi

echo "ok: $(wc -l <"$WORK/scenarios") claim IDs, the same in the scenarios and in $catalogue"
