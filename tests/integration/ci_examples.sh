# The CI examples of docs/ci/ (issue 13) work as written, as far as this host can tell:
# the YAML files parse (python3-yaml, from Debian) and have the structure their CI needs
# (a matrix, a Docker-in-Docker service, a merge job, the JUnit report), the Jenkinsfile
# is balanced and uses the junit step, the example targets and known-failures files
# validate; and every harness command they run uses only options the program has and the
# README's "Running a fleet" documents.
source "$(dirname "$0")/lib.bash" "$@"
python3 -c "import yaml" 2>/dev/null || fail "python3-yaml is not installed (.ci/setup-tests installs it)"

python3 - docs/ci/github-actions.yml docs/ci/gitlab-ci.yml <<'PY' || fail "a CI file is not as its CI needs it"
import sys, yaml
gh = yaml.safe_load(open(sys.argv[1]))
jobs = gh["jobs"]
assert set(jobs) == {"package", "conformance", "merge"}, jobs.keys()
m = jobs["conformance"]["strategy"]["matrix"]
assert len(m["runtime"]) == 2 and m["shard"] == ["1/2", "2/2"], m
assert jobs["merge"]["needs"] == "conformance" and jobs["merge"]["if"] == "always()"
assert any("upload-artifact" in s.get("uses", "") for s in jobs["conformance"]["steps"])
gl = yaml.safe_load(open(sys.argv[2]))
assert gl["variables"]["DOCKER_HOST"] == "tcp://docker:2375", gl["variables"]
job = gl["conformance"]
assert job["services"][0]["name"].endswith("-dind") and job["services"][0]["alias"] == "docker"
assert job["parallel"]["matrix"][0]["SHARD"] == ["1/2", "2/2"]
assert gl["merge"]["artifacts"]["reports"]["junit"] == "reports/junit.xml"
assert gl["merge"]["needs"] == ["package", "conformance"]
print("github-actions.yml and gitlab-ci.yml parse, with their matrix, service and merge job")
PY
j=docs/ci/Jenkinsfile
[ "$(tr -cd '{' <$j | wc -c)" -eq "$(tr -cd '}' <$j | wc -c)" ] || fail "$j: unbalanced braces"
grep -q "^ *junit 'reports/junit.xml'" $j || fail "$j: no junit step"
grep -q "^ *matrix {" $j || fail "$j: no matrix"
xmllint --noout --schema scenarios/targets.xsd docs/ci/targets.xml
xmllint --noout --schema scenarios/known-failures.xsd docs/ci/known-failures.xml

# the README's section, and the options of every harness command of the CI files
section=$(sed -n '/^## Running a fleet/,/^## /p' README.md)
[ -n "$section" ] || fail "the README has no 'Running a fleet' section"
for f in github-actions.yml gitlab-ci.yml Jenkinsfile; do
  grep -q "docs/ci/$f" <<<"$section" || fail "the README's 'Running a fleet' does not name docs/ci/$f"
done
commands=0
while read -r file line; do
  sub=$(awk '{print $2}' <<<"$line")
  help=$("$HARNESS" "$sub" --help) || fail "$file: harness $sub: no such command"
  grep -q "harness $sub " <<<"$section" || fail "$file: the README's section shows no 'harness $sub'"
  for option in $(grep -oE -- ' --[a-z-]+' <<<"$line" | sort -u); do
    grep -q -- "$option" <<<"$help" || fail "$file: harness $sub has no option $option"
    grep -q -- "$option" <<<"$section" || fail "$file: the README's section does not document $option"
  done
  commands=$((commands + 1))
done < <(grep -oE "harness (run|merge) [^']*" docs/ci/github-actions.yml docs/ci/gitlab-ci.yml docs/ci/Jenkinsfile | sed 's/:/ /')
[ "$commands" -ge 6 ] || fail "only $commands harness commands found in the CI files"
for step in "cmake --install" "cpack" "apt-get install -y ./harness_"; do
  grep -qF -- "$step" <<<"$section" || fail "the README's section does not show '$step'"
done
grep -qF "cd build && cpack" docs/ci/gitlab-ci.yml && grep -qF "cd build && cpack" docs/ci/github-actions.yml || fail "a CI file does not build the package as the README says"
echo "$commands harness commands of the CI files checked against the program and the README"
echo "OK"
