// The JUnit writer: a golden file, hostile output, schema validity, counts, atomic writes.
//
// The golden file tests/data/golden/junit.xml is what write_junit makes of the results
// built by golden_results() below (fixed times, durations and hostname, so it is compared
// byte for byte). After an intended change to the output, regenerate it with
//
//   UPDATE_GOLDEN=1 build-junit/bin/unit_tests --run_test=junit_writer/golden_file
//
// and read the diff before committing it.
//
// Every document is validated with xmllint against tests/data/junit-10.xsd, the strict
// schema of Jenkins' xUnit plugin.
#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "junit_writer.hpp"
#include "xml_text.hpp"
#include "step_kinds.hpp"
#include "process_runner.hpp"
#include "results.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

// --- building results ----------------------------------------------------------------

const RunInfo kOptions{"ci-runner-01", "20261122-165421-4f05", "debian:bookworm-slim"};

CommandRecord command(Argv argv, int exit_code, std::string out = "", std::string err = "", double seconds = 0.25) {
  CommandRecord c;
  c.argv = std::move(argv);
  c.result.exit_code = exit_code;
  c.result.out = std::move(out);
  c.result.err = std::move(err);
  c.result.duration = Seconds(seconds);
  return c;
}

// `docker ARGS...` as the engine runs it: by its full path.
CommandRecord docker(Argv args, int exit_code = 0, std::string out = "", std::string err = "", double seconds = 0.25) {
  args.insert(args.begin(), "/usr/bin/docker");
  return command(std::move(args), exit_code, std::move(out), std::move(err), seconds);
}

CommandRecord on_host(CommandRecord c) {
  c.on_host = true;
  return c;
}

CommandRecord timed_out(CommandRecord c, double seconds) {
  c.result.exit_code = -1;
  c.result.timed_out = true;
  c.result.duration = Seconds(seconds);
  return c;
}

// A step; it took as long as its commands.
StepRecord step(int line, const std::string& element, const std::string& summary, Outcome outcome,
                std::vector<CommandRecord> commands = {}) {
  StepRecord s;
  s.line = line;
  s.element = element;
  if (const auto* kind = find_step_kind(element)) s.kind = kind->kind;
  s.summary = summary;
  s.outcome = outcome;
  s.commands = std::move(commands);
  for (const auto& c : s.commands) s.duration += c.result.duration;
  return s;
}

// A check step: evidence for `claim`.
StepRecord check(const std::string& claim, const std::string& expected, const std::string& actual, StepRecord s) {
  s.claim = claim;
  s.expected = expected;
  s.actual = actual;
  return s;
}

StepRecord found(Mismatch mismatch, StepRecord s) {
  s.mismatch = mismatch;
  return s;
}

StepRecord fault(const std::string& message, StepRecord s) {
  s.message = message;
  return s;
}

ScenarioResult scenario(const std::string& name, const std::string& title) {
  ScenarioResult r;
  r.scenario.file = "scenarios/" + name + ".xml";
  r.scenario.id = name;
  r.scenario.title = title;
  r.scenario.seed = "tutorial/volumes.md";
  r.scenario.section = "Volumes";
  r.runtime = "docker";
  r.runtime_version = "20.10.24+dfsg1";
  r.timestamp = "2026-11-22T16:54:21Z";
  return r;
}

void add_claim(ScenarioResult& r, const std::string& id, const std::string& text, Verdict verdict, double seconds,
               int deciding_step = -1) {
  const Claim claim{id, text};
  r.scenario.claims.push_back(claim);
  r.claims.push_back({claim, verdict, Seconds(seconds), deciding_step});
}

// A passing claim and a failing one: the file written into a volume is found in a new
// container, but not on the host after the container that wrote it is removed.
ScenarioResult volume_scenario() {
  ScenarioResult r = scenario("named-volume", "A named volume keeps its files");
  const std::string mount = "type=volume,source=h4f05-1-data,target=/data";
  r.steps = {
      step(7, "volume-create", "create volume data", Outcome::Done,
           {docker({"volume", "create", "h4f05-1-data"}, 0, "h4f05-1-data\n", "", 0.12)}),
      step(8, "run", "start container keeper", Outcome::Done,
           {docker({"run", "-d", "--name", "h4f05-1-keeper", "--mount", mount, "debian:bookworm-slim", "sleep", "infinity"}, 0,
                   "3f1c9a0be2d4\n", "", 0.85)}),
      step(9, "write", "write /data/greeting in container keeper", Outcome::Done, {[&] {
             auto c = docker({"exec", "-i", "h4f05-1-keeper", "sh", "-c", "cat > /data/greeting"}, 0, "", "", 0.31);
             c.input = "hello\n";
             return c;
           }()}),
      check("VOL-1", "content \"hello\\n\"", "present, content \"hello\\n\"",
            step(11, "expect-file", "check greeting in a new container", Outcome::Held,
                 {docker({"run", "--rm", "--name", "h4f05-1-probe1", "--mount", mount, "debian:bookworm-slim", "cat",
                          "/data/greeting"},
                         0, "hello\n", "", 0.79)})),
      step(13, "remove", "remove container keeper", Outcome::Done,
           {docker({"rm", "-f", "h4f05-1-keeper"}, 0, "h4f05-1-keeper\n", "", 0.21)}),
      found(Mismatch::Missing,
            check("VOL-2", "content \"hello\\n\"", "no such file",
                  step(14, "expect-file", "check greeting on the host, in volume data", Outcome::Broken,
                       {on_host(command({"cat", "/var/lib/docker/volumes/h4f05-1-data/_data/greeting"}, 1, "",
                                        "cat: /var/lib/docker/volumes/h4f05-1-data/_data/greeting: No such file or directory\n",
                                        0.005))}))),
  };
  add_claim(r, "VOL-1", "A file written into a named volume is there in a new container that mounts it.", Verdict::Pass, 2.07);
  add_claim(r, "VOL-2", "A named volume outlives the container that used it:\n  its files stay on the host.", Verdict::Fail,
            0.215, 5);
  r.cleanup = {docker({"volume", "rm", "h4f05-1-data"}, 0, "h4f05-1-data\n")};
  r.duration = Seconds(2.535);
  return r;
}

// An error claim: the container that would be checked did not start in time, and the
// runtime could not remove it afterwards.
ScenarioResult timeout_scenario() {
  ScenarioResult r = scenario("bind-mount", "A bind mount shows host files in the container");
  r.steps = {
      step(6, "host-dir", "make host folder home (stands in for $HOME)", Outcome::Done),
      fault("run failed: timed out after 30.00 s and was killed",
            step(9, "run", "start container reader", Outcome::Fault,
                 {timed_out(
                     docker({"run", "-d", "--name", "h4f05-2-reader", "--mount",
                             "type=bind,source=/tmp/h4f05-2-home,target=/home/user", "debian:bookworm-slim", "sleep", "infinity"},
                            -1, "", "Unable to find image 'debian:bookworm-slim' locally\n"),
                     30.0)})),
      check("BND-1", "", "", step(11, "expect-file", "check notes.txt in container reader", Outcome::NotRun)),
  };
  r.stopped_at = 1;
  add_claim(r, "BND-1", "A file in a bind-mounted host folder can be read in the container.", Verdict::Error, 30.0, 1);
  const std::string busy = "Error response from daemon: removal of container h4f05-2-reader is already in progress";
  r.cleanup = {docker({"rm", "-f", "h4f05-2-reader"}, 1, "", busy + "\n")};
  r.leftovers = {"h4f05-2-reader (" + busy + ")"};
  r.duration = Seconds(30.5);
  return r;
}

// The run could not start at all: every claim is in error, nothing ran (as app.cpp's
// all_in_error makes it).
ScenarioResult unreachable_scenario() {
  ScenarioResult r = scenario("tmpfs", "A tmpfs mount lives in memory only");
  r.runtime_version.clear();
  r.timestamp.clear();
  r.error =
      "cannot talk to the docker engine through /usr/bin/docker: Cannot connect to the Docker daemon at "
      "unix:///var/run/docker.sock. Is the docker daemon running?";
  add_claim(r, "TMP-1", "Files written to a tmpfs mount are gone after a restart.", Verdict::Error, 0);
  add_claim(r, "TMP-2", "A tmpfs mount is not in the container's image layers.", Verdict::Error, 0);
  return r;
}

std::vector<ScenarioResult> golden_results() { return {volume_scenario(), timeout_scenario(), unreachable_scenario()}; }

// Bytes a container or runtime might say, at their worst. Built with its length so that
// the NUL stays in.
std::string hostile_text() {
  static const char text[] =
      "]]> <script>alert(1)</script> <![CDATA[x]]> &amp; & \"dq\" 'sq' \x1b[31mred\x1b[0m "
      "nul:\0 ctl:\x01\x07\x08\x0b\x0c\r\x1b\x1f\x7f c1:\xc2\x9b"
      "2J "
      "bad:\xff\xfe\xc0\xaf\xed\xa0\x80\xf4\x90\x80\x80 nonchar:\xef\xbf\xbe\xef\xbf\xbf end\n"
      "truncated:\xe6\x97";
  return std::string(text, sizeof text - 1);
}

// Hostile bytes everywhere a string goes: output, claims, names, messages, options.
std::vector<ScenarioResult> hostile_results() {
  const std::string h = hostile_text();
  ScenarioResult r = scenario(h, h);
  r.runtime = h;
  r.runtime_version = h;
  r.timestamp = h;
  r.scenario.seed = h;
  r.scenario.section = h;
  auto noisy = [&](CommandRecord c) {
    c.input = h;
    c.result.out = h + h;
    c.result.err = h;
    return c;
  };
  r.steps = {
      check("H-1", h, h,
            step(1, h, h, Outcome::Broken, {noisy(docker({"exec", h, "cat", h}, 1)), on_host(noisy(command({h}, 2)))})),
      fault(h, step(2, h, h, Outcome::Fault, {timed_out(noisy(docker({"run", h})), 30)})),
      fault(h, step(3, h, h, Outcome::Fault, {[&] {
                      auto c = command({h}, -1);
                      c.result.spawn_error = h;
                      return c;
                    }()})),
      check("H-2", h, h, step(4, h, h, Outcome::NotRun)),
  };
  r.stopped_at = 1;
  add_claim(r, "H-1", h, Verdict::Fail, 1, 0);
  add_claim(r, "H-2", h, Verdict::Error, 1, 1);
  add_claim(r, h, h, Verdict::Error, 1, 2);
  r.cleanup = {noisy(docker({"rm", "-f", h}, 1))};
  r.leftovers = {h, h};

  ScenarioResult broken = scenario(h, h);
  broken.error = h;
  add_claim(broken, h, h, Verdict::Error, 0);
  return {r, broken};
}

// --- reading documents -----------------------------------------------------------------

std::string junit(const std::vector<ScenarioResult>& results, const RunInfo& options = kOptions) {
  std::ostringstream out;
  write_junit(out, results, options);
  return out.str();
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

// A file made with mkstemp, removed when this goes out of scope.
class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    char name[] = "/tmp/junit_writer_test.XXXXXX";
    const int fd = ::mkstemp(name);
    BOOST_REQUIRE_MESSAGE(fd >= 0, "mkstemp failed");
    path_ = name;
    for (std::size_t done = 0; done < content.size();) {
      const auto n = ::write(fd, content.data() + done, content.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::close(fd);
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// A folder made with mkdtemp, removed with everything in it when this goes out of scope.
class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/junit_writer_test.XXXXXX";
    BOOST_REQUIRE_MESSAGE(::mkdtemp(name) != nullptr, "mkdtemp failed");
    path_ = name;
  }
  ~TempDir() {
    boost::system::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }

  std::vector<std::string> list(const std::string& sub = "") const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(fs::path(path_) / sub)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::string path_;
};

// "" when xmllint finds the document valid against junit-10.xsd, else what it said.
std::string schema_errors(const std::string& document) {
  const TempFile file(document);
  RealProcessRunner runner;
  const auto r =
      runner.run({"xmllint", "--noout", "--schema", TEST_DATA_DIR "/junit-10.xsd", file.path()}, "", std::chrono::seconds(60));
  if (r.ok()) return "";
  return "xmllint: exit " + std::to_string(r.exit_code) + (r.timed_out ? ", timed out" : "") + " " + r.spawn_error + "\n" + r.err;
}

// "" when the document is well-formed UTF-8 made only of characters XML 1.0 allows, with
// no raw control characters but newline and tab; else the first offending bytes.
std::string bad_bytes(const std::string& doc) {
  const auto at = [&](std::size_t i, const std::string& what) {
    char buf[64];
    std::snprintf(buf, sizeof buf, " at byte %zu:", i);
    std::string out = what + buf;
    for (std::size_t k = i; k < doc.size() && k < i + 4; ++k) {
      std::snprintf(buf, sizeof buf, " %02x", static_cast<unsigned char>(doc[k]));
      out += buf;
    }
    return out;
  };
  for (std::size_t i = 0; i < doc.size();) {
    const auto c = static_cast<unsigned char>(doc[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80)
      n = 1, cp = c;
    else if (c >= 0xC2 && c <= 0xDF)
      n = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      n = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      n = 4, cp = c & 0x07;
    else
      return at(i, "invalid UTF-8 lead byte");
    if (i + n > doc.size()) return at(i, "truncated UTF-8");
    for (std::size_t k = 1; k < n; ++k) {
      const auto cc = static_cast<unsigned char>(doc[i + k]);
      if ((cc & 0xC0) != 0x80) return at(i, "truncated UTF-8");
      cp = (cp << 6) | (cc & 0x3F);
    }
    static const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n]) return at(i, "overlong UTF-8");
    if (cp >= 0xD800 && cp <= 0xDFFF) return at(i, "surrogate");
    if (cp > 0x10FFFF) return at(i, "past U+10FFFF");
    if ((cp < 0x20 && cp != '\n' && cp != '\t') || (cp >= 0x7F && cp <= 0x9F)) return at(i, "control character");
    if (cp == 0xFFFE || cp == 0xFFFF) return at(i, "not an XML character");
    i += n;
  }
  return "";
}

// "" when equal, else the first line that differs (whole-string diffs are unreadable).
std::string first_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return "";
  std::istringstream e(expected), a(actual);
  std::string el, al;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, el));
    const bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) return "same lines, different bytes (a final newline?)";
    if (el != al || more_e != more_a)
      return "line " + std::to_string(line) + ":\n  expected: " + (more_e ? el : "<end>") +
             "\n  actual:   " + (more_a ? al : "<end>");
  }
}

// Counts as "tests=N failures=N errors=N": as the attributes of `node` say ...
std::string claimed_counts(const pugi::xml_node& node) {
  return std::string("tests=") + node.attribute("tests").value() + " failures=" + node.attribute("failures").value() +
         " errors=" + node.attribute("errors").value();
}

// ... and as the testcases below it say.
std::string actual_counts(const pugi::xml_node& node) {
  int tests = 0, failures = 0, errors = 0;
  for (const auto& tc : node.select_nodes(".//testcase")) {
    ++tests;
    failures += !tc.node().child("failure").empty();
    errors += !tc.node().child("error").empty();
  }
  return "tests=" + std::to_string(tests) + " failures=" + std::to_string(failures) + " errors=" + std::to_string(errors);
}

pugi::xml_document parse(const std::string& doc) {
  pugi::xml_document xml;
  const auto parsed = xml.load_buffer(doc.data(), doc.size());
  BOOST_REQUIRE_MESSAGE(parsed, "pugixml: " << parsed.description() << " at " << parsed.offset);
  return xml;
}

bool update_golden() {
  const char* update = std::getenv("UPDATE_GOLDEN");
  return update && std::string(update) == "1";
}

const std::string kGolden = TEST_DATA_DIR "/golden/junit.xml";

}  // namespace

BOOST_AUTO_TEST_SUITE(junit_writer)

BOOST_AUTO_TEST_CASE(golden_file) {
  const std::string doc = junit(golden_results());
  BOOST_TEST(schema_errors(doc) == "");
  if (update_golden()) {
    fs::create_directories(fs::path(kGolden).parent_path());
    std::ofstream(kGolden, std::ios::binary) << doc;
    BOOST_TEST_MESSAGE("UPDATE_GOLDEN=1: wrote " << kGolden);
    return;
  }
  BOOST_REQUIRE_MESSAGE(fs::exists(kGolden), kGolden << " is missing: run with UPDATE_GOLDEN=1 to make it");
  BOOST_TEST(first_difference(read_file(kGolden), doc) == "");
}

BOOST_AUTO_TEST_CASE(xml_escape_makes_any_bytes_safe_in_xml) {
  BOOST_TEST(xml_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  BOOST_TEST(xml_escape("]]>") == "]]&gt;");
  BOOST_TEST(xml_escape("\x1b[1m\xff") == "\\x1b[1m\\xff");
  BOOST_TEST(xml_escape("caf\xc3\xa9\n\t") == "caf\xc3\xa9\n\t");
  // U+FFFE and U+FFFF are valid UTF-8 but not XML characters; U+FFFD is fine
  BOOST_TEST(xml_escape("a\xef\xbf\xbe"
                        "b\xef\xbf\xbf"
                        "c\xef\xbf\xbd") == "a\\xef\\xbf\\xbeb\\xef\\xbf\\xbfc\xef\xbf\xbd");
}

BOOST_AUTO_TEST_CASE(hostile_output_is_escaped_and_valid) {
  const RunInfo options{hostile_text(), hostile_text(), hostile_text()};
  const std::string doc = junit(hostile_results(), options);

  BOOST_TEST(schema_errors(doc) == "");
  BOOST_TEST(bad_bytes(doc) == "");
  BOOST_TEST(doc.find("<script>") == std::string::npos);
  BOOST_TEST(doc.find("]]>") == std::string::npos);
  BOOST_TEST(doc.find("<![CDATA[") == std::string::npos);

  // escaped, not dropped: a reader sees what the bytes were
  const auto xml = parse(doc);
  const std::string shown = xml.select_node("//testcase/failure").node().attribute("message").value();
  BOOST_TEST(shown.find("<script>alert(1)</script>") != std::string::npos);
  BOOST_TEST(shown.find("\\x1b[31mred\\x1b[0m") != std::string::npos);
  BOOST_TEST(shown.find("nul:\\x00 ctl:\\x01\\x07\\x08\\x0b\\x0c\\x0d\\x1b\\x1f\\x7f c1:\\xc2\\x9b2J") != std::string::npos);
  BOOST_TEST(shown.find("bad:\\xff\\xfe\\xc0\\xaf\\xed\\xa0\\x80\\xf4\\x90\\x80\\x80") != std::string::npos);
  const std::string out = xml.select_node("/testsuites/testsuite/system-out").node().text().get();
  BOOST_TEST(out.find("<script>alert(1)</script>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_output_is_valid_against_the_schema) {
  const std::vector<std::pair<std::string, std::vector<ScenarioResult>>> cases = {
      {"no results", {}},
      {"one passing claim", {[] {
         auto r = volume_scenario();
         r.claims.resize(1);
         return r;
       }()}},
      {"a failed claim", {volume_scenario()}},
      {"a faulted step and leftovers", {timeout_scenario()}},
      {"a run that could not start", {unreachable_scenario()}},
      {"a scenario without claims or steps", {scenario("empty", "")}},
      {"all of them", golden_results()},
      {"hostile output", hostile_results()},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.first) {
      const std::string doc = junit(c.second);
      BOOST_TEST(schema_errors(doc) == "");
      BOOST_TEST(bad_bytes(doc) == "");
    }
  }
}

BOOST_AUTO_TEST_CASE(counts_on_testsuites_and_each_testsuite) {
  ScenarioResult failed_and_left = volume_scenario();  // a failure and an error in one suite
  failed_and_left.leftovers = {"h4f05-1-data (volume is in use)"};
  auto results = golden_results();
  results.push_back(failed_and_left);

  const auto xml = parse(junit(results));
  const auto suites = xml.child("testsuites");
  BOOST_TEST(claimed_counts(suites) == "tests=9 failures=2 errors=5");
  BOOST_TEST(actual_counts(suites) == claimed_counts(suites));

  const std::vector<std::string> expected = {
      "tests=2 failures=1 errors=0",  // pass, fail
      "tests=2 failures=0 errors=2",  // error, leftovers
      "tests=2 failures=0 errors=2",  // two claims in error (the run's error is on each)
      "tests=3 failures=1 errors=1",  // pass, fail, leftovers
  };
  std::vector<std::string> claimed, actual;
  for (const auto& suite : suites.children("testsuite")) {
    claimed.push_back(claimed_counts(suite));
    actual.push_back(actual_counts(suite));
  }
  BOOST_TEST(claimed == expected, boost::test_tools::per_element());
  BOOST_TEST(actual == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(counts_with_no_results_are_zero) {
  const auto xml = parse(junit({}));
  BOOST_TEST(claimed_counts(xml.child("testsuites")) == "tests=0 failures=0 errors=0");
}

BOOST_AUTO_TEST_CASE(write_junit_file_writes_the_whole_document_and_no_temporary) {
  const TempDir dir;
  const std::string path = dir.path() + "/reports/junit.xml";  // reports/ does not exist yet
  BOOST_TEST(write_junit_file(path, golden_results(), kOptions) == "");
  BOOST_TEST(read_file(path) == junit(golden_results()));
  BOOST_TEST(dir.list("reports") == std::vector<std::string>{"junit.xml"}, boost::test_tools::per_element());
  BOOST_TEST(schema_errors(read_file(path)) == "");
}

BOOST_AUTO_TEST_CASE(write_junit_file_replaces_an_older_report_whole) {
  const TempDir dir;
  const std::string path = dir.path() + "/junit.xml";
  BOOST_TEST(write_junit_file(path, golden_results(), kOptions) == "");
  BOOST_TEST(write_junit_file(path, {}, kOptions) == "");  // shorter: nothing of the old one may remain
  BOOST_TEST(read_file(path) == junit({}));
  BOOST_TEST(dir.list() == std::vector<std::string>{"junit.xml"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(write_junit_file_reports_an_unwritable_path) {
  const std::string path = "/proc/forbidden/junit.xml";
  const std::string error = write_junit_file(path, golden_results(), kOptions);
  BOOST_TEST(error != "");
  BOOST_TEST(error.find(path) != std::string::npos, "the message names the path: " << error);
  BOOST_TEST(!fs::exists(path));
}

BOOST_AUTO_TEST_CASE(write_junit_file_leaves_no_temporary_when_it_cannot_rename) {
  const TempDir dir;
  const std::string path = dir.path() + "/junit.xml";
  fs::create_directories(path + "/not-empty");  // a folder in the way: the rename fails
  const std::string error = write_junit_file(path, golden_results(), kOptions);
  BOOST_TEST(error.find(path) != std::string::npos, "the message names the path: " << error);
  BOOST_TEST(dir.list() == std::vector<std::string>{"junit.xml"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
