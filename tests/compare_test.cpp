// `harness compare`: reading JUnit files of this harness, the changes between two runs,
// the timing thresholds, the exit code, the report, and the messages for bad files.
#include <boost/test/unit_test.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "compare.hpp"
#include "exit_codes.hpp"

using namespace harness;

namespace {

const std::string kGolden = TEST_DATA_DIR "/golden/junit.xml";

CaseResult claim(const std::string& id, Status status = Status::Pass, double seconds = 1.0, std::string message = "",
                 const std::string& runtime = "docker") {
  CaseResult c;
  c.runtime = runtime;
  c.id = id;
  c.status = status;
  c.seconds = seconds;
  c.message = std::move(message);
  return c;
}

RunReport run(const std::string& file, std::vector<CaseResult> cases) {
  RunReport r;
  r.file = file;
  r.run_id = file == "old.xml" ? "0f67477f" : "5e6f7a8b";
  r.runtimes = {{"docker", "20.10.24+dfsg1"}};
  r.cases = std::move(cases);
  return r;
}

Comparison diff(std::vector<CaseResult> before, std::vector<CaseResult> now, Thresholds t = {}) {
  return compare_reports(run("old.xml", std::move(before)), run("new.xml", std::move(now)), t);
}

// "change runtime id" for each item, in order.
std::string items_of(const Comparison& c) {
  const char* names[] = {"started-failing", "started-passing", "new", "disappeared", "slower", "faster"};
  std::string text;
  for (const auto& item : c.items) {
    const CaseResult& which = item.change == Change::Disappeared ? item.before : item.now;
    text += std::string(names[static_cast<int>(item.change)]) + " " + which.runtime + " " + which.id + "\n";
  }
  return text;
}

std::string error_of(const std::string& text) { return parse_report("a.xml", text).error; }

// A JUnit document around `suites`.
std::string junit(const std::string& suites) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"harness\">\n" + suites + "</testsuites>\n";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compare)

// --- parsing -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(parses_the_golden_file) {
  const ParsedReport parsed = read_report(kGolden);
  BOOST_TEST(parsed.error == "");
  const RunReport& r = parsed.report;
  BOOST_TEST(r.file == kGolden);
  BOOST_TEST(r.run_id == "20261122-165421-4f05");
  BOOST_TEST(r.runtimes.size() == 1u);
  BOOST_TEST(r.runtimes.at(0).runtime == "docker");
  BOOST_TEST(r.runtimes.at(0).version == "20.10.24+dfsg1");
  std::string cases;
  for (const auto& c : r.cases)
    cases += c.runtime + " " + c.id + " " + std::to_string(static_cast<int>(c.status)) + " " + std::to_string(c.seconds) + " " +
             c.message + "\n";
  BOOST_TEST(cases ==
             "docker VOL-1 0 2.070000 \n"
             "docker VOL-2 1 0.215000 expected content \"hello\\n\", found no such file\n"
             "docker BND-1 2 30.000000 run failed: timed out after 30.00 s and was killed\n"
             "docker cleanup:bind-mount 2 0.000000 left behind: h4f05-2-reader (Error response from daemon: removal of "
             "container h4f05-2-reader is already in progress)\n"
             "docker TMP-1 2 0.000000 cannot talk to the docker engine through /usr/bin/docker: Cannot connect to the "
             "Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n"
             "docker TMP-2 2 0.000000 cannot talk to the docker engine through /usr/bin/docker: Cannot connect to the "
             "Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\n");
}

BOOST_AUTO_TEST_CASE(runtime_is_the_property_or_the_suite_name_prefix) {
  const ParsedReport parsed = parse_report("a.xml", junit(R"(
  <testsuite name="podman.volumes"><testcase name="VOL-1 text" time="1.5"/></testsuite>
  <testsuite name="x.volumes">
    <properties><property name="runtime" value="docker"/><property name="runtime.version" value="24.0"/></properties>
    <testcase name="VOL-1 text" time="0.5"/>
  </testsuite>
)"));
  BOOST_TEST(parsed.error == "");
  BOOST_TEST(parsed.report.cases.size() == 2u);
  BOOST_TEST(parsed.report.cases.at(0).runtime == "podman");
  BOOST_TEST(parsed.report.cases.at(1).runtime == "docker");
  BOOST_TEST(parsed.report.runtimes.size() == 2u);
  BOOST_TEST(parsed.report.runtimes.at(0).version == "");
  BOOST_TEST(parsed.report.runtimes.at(1).version == "24.0");
}

BOOST_AUTO_TEST_CASE(claim_id_is_the_first_word_of_the_testcase_name) {
  const ParsedReport parsed = parse_report("a.xml", junit(R"(
  <testsuite name="docker.volumes">
    <testcase name="VOL-1/literal The tutorial's own command" time="0.100"><failure message="m1">body</failure></testcase>
    <testcase name="VOL-1" time="0"><error message="m2"/></testcase>
  </testsuite>
)"));
  BOOST_TEST(parsed.error == "");
  BOOST_TEST(parsed.report.cases.at(0).id == "VOL-1/literal");
  BOOST_TEST((parsed.report.cases.at(0).status == Status::Fail));
  BOOST_TEST(parsed.report.cases.at(0).message == "m1");
  BOOST_TEST(parsed.report.cases.at(1).id == "VOL-1");
  BOOST_TEST((parsed.report.cases.at(1).status == Status::Error));
}

// --- bad files -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(xml_errors_name_the_line) {
  BOOST_TEST(error_of("") == "a.xml:1: XML error: No document element found");
  BOOST_TEST(error_of("<testsuites>\n  <testsuite name=\"docker.v\">\n  </testsuites>\n") ==
             "a.xml:3: XML error: Start-end tags mismatch");
}

BOOST_AUTO_TEST_CASE(other_xml_is_not_a_junit_file_of_this_harness) {
  BOOST_TEST(error_of("<?xml version=\"1.0\"?>\n<scenario id=\"s\"/>") ==
             "a.xml:2: not a JUnit file of this harness: the root element is <scenario>, not <testsuites>");
  BOOST_TEST(error_of("<testsuite name=\"docker.v\"/>") ==
             "a.xml:1: not a JUnit file of this harness: the root element is <testsuite>, not <testsuites>");
}

BOOST_AUTO_TEST_CASE(a_junit_file_without_a_suite_is_not_one_of_this_harness) {
  BOOST_TEST(error_of("<testsuites/>") == "a.xml:1: not a JUnit file of this harness: <testsuites> holds no <testsuite>");
  BOOST_TEST(error_of(junit("")) == "a.xml:2: not a JUnit file of this harness: <testsuites> holds no <testsuite>");
  BOOST_TEST(error_of(junit("  <properties/>\n")) ==
             "a.xml:2: not a JUnit file of this harness: <testsuites> holds no <testsuite>");
}

BOOST_AUTO_TEST_CASE(a_suite_must_name_its_runtime) {
  BOOST_TEST(error_of(junit("  <testsuite name=\"volumes\"/>\n")) ==
             "a.xml:3: <testsuite name=\"volumes\"> names no runtime (no runtime property, no RUNTIME. prefix)");
}

BOOST_AUTO_TEST_CASE(a_testcase_needs_a_name_and_a_time) {
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.v\">\n    <testcase time=\"1\"/>\n  </testsuite>\n")) ==
             "a.xml:4: <testcase> has no name");
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.v\">\n    <testcase name=\"VOL-1 x\"/>\n  </testsuite>\n")) ==
             "a.xml:4: <testcase name=\"VOL-1 x\"> has time=\"\", not a number of seconds");
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.v\"><testcase name=\"VOL-1 x\" time=\"1,5\"/></testsuite>\n")) ==
             "a.xml:3: <testcase name=\"VOL-1 x\"> has time=\"1,5\", not a number of seconds");
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.v\"><testcase name=\"VOL-1 x\" time=\"-1\"/></testsuite>\n")) ==
             "a.xml:3: <testcase name=\"VOL-1 x\"> has time=\"-1\", not a number of seconds");
}

BOOST_AUTO_TEST_CASE(a_claim_is_reported_once_per_runtime) {
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.a\"><testcase name=\"VOL-1 x\" time=\"1\"/></testsuite>\n"
                            "  <testsuite name=\"docker.b\">\n    <testcase name=\"VOL-1 y\" time=\"1\"/>\n"
                            "  </testsuite>\n")) == "a.xml:5: VOL-1 on docker is reported twice (first at line 3)");
  // one cleanup testcase per scenario file is not a duplicate
  BOOST_TEST(error_of(junit("  <testsuite name=\"docker.a\"><testcase name=\"cleanup\" time=\"0\"/></testsuite>\n"
                            "  <testsuite name=\"docker.b\"><testcase name=\"cleanup\" time=\"0\"/></testsuite>\n")) == "");
}

BOOST_AUTO_TEST_CASE(control_characters_in_messages_are_escaped) {
  BOOST_TEST(error_of(junit("  <testsuite name=\"vol\x1b[31mumes\"/>\n")) ==
             "a.xml:3: <testsuite name=\"vol\\x1b[31mumes\"> names no runtime (no runtime property, no RUNTIME. prefix)");
}

BOOST_AUTO_TEST_CASE(unreadable_files) {
  BOOST_TEST(read_report("/nonexistent/a.xml").error == "/nonexistent/a.xml: cannot read the file: No such file or directory");
  BOOST_TEST(read_report(TEST_DATA_DIR).error == TEST_DATA_DIR ": cannot read the file: Is a directory");
}

// --- changes -------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(same_results_are_no_change) {
  const auto c = diff({claim("VOL-1"), claim("VOL-2", Status::Fail)}, {claim("VOL-1"), claim("VOL-2", Status::Fail)});
  BOOST_TEST(items_of(c) == "");
  BOOST_TEST(c.still_passing == 1);
  BOOST_TEST(c.still_failing == 1);
}

BOOST_AUTO_TEST_CASE(every_kind_of_change_in_order_then_by_runtime_and_id) {
  const auto c =
      diff({claim("VOL-1"), claim("VOL-2"), claim("VOL-3", Status::Fail), claim("VOL-4", Status::Error), claim("VOL-5"),
            claim("VOL-6"), claim("VOL-1", Status::Pass, 1, "", "podman"), claim("EPH-1", Status::Pass, 3.0)},
           {claim("VOL-2", Status::Error), claim("VOL-1", Status::Fail, 1, "", "podman"), claim("VOL-3"), claim("VOL-4"),
            claim("VOL-5"), claim("VOL-7"), claim("VOL-8", Status::Fail), claim("EPH-1", Status::Pass, 1.0)});
  BOOST_TEST(items_of(c) ==
             "started-failing docker VOL-2\n"
             "started-failing podman VOL-1\n"
             "started-passing docker VOL-3\n"
             "started-passing docker VOL-4\n"
             "new docker VOL-7\n"
             "new docker VOL-8\n"
             "disappeared docker VOL-1\n"
             "disappeared docker VOL-6\n"
             "faster docker EPH-1\n");
  BOOST_TEST(c.still_passing == 2);  // VOL-5, EPH-1
  BOOST_TEST(c.still_failing == 0);
}

BOOST_AUTO_TEST_CASE(failure_to_error_is_still_failing) {
  const auto c = diff({claim("VOL-1", Status::Fail), claim("VOL-2", Status::Error)},
                      {claim("VOL-1", Status::Error), claim("VOL-2", Status::Fail)});
  BOOST_TEST(items_of(c) == "");
  BOOST_TEST(c.still_failing == 2);
}

BOOST_AUTO_TEST_CASE(a_claim_can_start_failing_and_be_slower) {
  const auto c = diff({claim("VOL-1", Status::Pass, 0.5)}, {claim("VOL-1", Status::Error, 60.0, "timed out")});
  BOOST_TEST(items_of(c) == "started-failing docker VOL-1\nslower docker VOL-1\n");
}

// --- timing thresholds ---------------------------------------------------------------------

std::string timing(double before, double now, Thresholds t = {}) {
  return items_of(diff({claim("VOL-1", Status::Pass, before)}, {claim("VOL-1", Status::Pass, now)}, t));
}

BOOST_AUTO_TEST_CASE(timing_needs_both_the_absolute_change_and_the_ratio) {
  BOOST_TEST(timing(1.0, 2.5) == "slower docker VOL-1\n");  // +1.5 s, x2.5
  BOOST_TEST(timing(2.5, 1.0) == "faster docker VOL-1\n");
  BOOST_TEST(timing(0.0, 1.5) == "slower docker VOL-1\n");  // from nothing
  BOOST_TEST(timing(0.01, 0.9) == "");                      // x90 but under a second
  BOOST_TEST(timing(10.0, 12.0) == "");                     // +2 s but x1.2
  BOOST_TEST(timing(30.0, 10.0) == "faster docker VOL-1\n");
}

BOOST_AUTO_TEST_CASE(timing_limits_are_exclusive) {
  BOOST_TEST(timing(1.0, 2.0) == "");   // +1.0 s is not more than 1.0 s
  BOOST_TEST(timing(2.5, 3.75) == "");  // x1.5 is not more than 1.5
  BOOST_TEST(timing(2.5, 3.76) == "slower docker VOL-1\n");
}

BOOST_AUTO_TEST_CASE(timing_thresholds_are_options) {
  BOOST_TEST(timing(0.1, 0.3, {0.1, 1.5}) == "slower docker VOL-1\n");
  BOOST_TEST(timing(10.0, 12.0, {1.0, 1.1}) == "slower docker VOL-1\n");
  BOOST_TEST(timing(1.0, 1.0, {0.0, 1.0}) == "");
  BOOST_TEST(timing(1.0, 1.001, {0.0, 1.0}) == "slower docker VOL-1\n");
}

// --- exit code -----------------------------------------------------------------------------

int exit_code(std::vector<CaseResult> before, std::vector<CaseResult> now) {
  return compare_exit_code(diff(std::move(before), std::move(now)));
}

BOOST_AUTO_TEST_CASE(exit_code_says_whether_something_started_failing) {
  BOOST_TEST(exit_code({claim("VOL-1")}, {claim("VOL-1")}) == kAllHeld);
  BOOST_TEST(exit_code({claim("VOL-1")}, {claim("VOL-1", Status::Fail)}) == kClaimFailed);
  BOOST_TEST(exit_code({claim("VOL-1")}, {claim("VOL-1", Status::Error)}) == kClaimFailed);
  BOOST_TEST(exit_code({}, {claim("VOL-1", Status::Fail)}) == kClaimFailed);   // new and failing
  BOOST_TEST(exit_code({}, {claim("VOL-1", Status::Error)}) == kClaimFailed);  // new and in error
  BOOST_TEST(exit_code({}, {claim("VOL-1")}) == kAllHeld);                     // new and passing
  BOOST_TEST(exit_code({claim("VOL-1", Status::Fail)}, {claim("VOL-1")}) == kAllHeld);
  BOOST_TEST(exit_code({claim("VOL-1", Status::Fail)}, {claim("VOL-1", Status::Fail)}) == kAllHeld);  // not new
  BOOST_TEST(exit_code({claim("VOL-1", Status::Fail)}, {}) == kAllHeld);
  BOOST_TEST(exit_code({claim("VOL-1", Status::Pass, 0.1)}, {claim("VOL-1", Status::Pass, 9)}) == kAllHeld);
}

// --- the report ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(report_has_one_line_per_item_and_a_summary) {
  const RunReport before = run("old.xml", {claim("VOL-1"), claim("VOL-1/literal", Status::Fail, 1, "expected a, found b"),
                                           claim("SHR-1", Status::Pass, 0.5), claim("EPH-1"), claim("BND-1", Status::Fail)});
  RunReport now = run("new.xml", {claim("VOL-1", Status::Fail, 1, "expected listed by volume ls,\nfound \x1b[0mnot listed"),
                                  claim("VOL-1/literal"), claim("SHR-1", Status::Pass, 2.0),
                                  claim("VOL-9", Status::Error, 0, "timed out"), claim("BND-1", Status::Fail)});
  now.runtimes.push_back({"podman", ""});
  const auto c = compare_reports(before, now, {});
  BOOST_TEST(format_comparison(before, now, c) ==
             "old: old.xml: docker 20.10.24+dfsg1, run 0f67477f, 5 testcases\n"
             "new: new.xml: docker 20.10.24+dfsg1, podman (version unknown), run 5e6f7a8b, 5 testcases\n"
             "started failing  docker  VOL-1          pass -> FAIL: expected listed by volume ls, found \\x1b[0mnot listed\n"
             "started passing  docker  VOL-1/literal  FAIL -> pass\n"
             "new              docker  VOL-9          ERROR: timed out\n"
             "disappeared      docker  EPH-1          was pass\n"
             "slower           docker  SHR-1          0.500 s -> 2.000 s\n"
             "summary: 1 started failing, 1 started passing, 1 new, 1 disappeared, 1 slower, 0 faster; "
             "1 still passing, 1 still failing\n");  // SHR-1, BND-1
}

BOOST_AUTO_TEST_CASE(report_without_changes_is_the_summary) {
  const RunReport r = run("old.xml", {claim("VOL-1")});
  BOOST_TEST(format_comparison(r, r, compare_reports(r, r, {})) ==
             "old: old.xml: docker 20.10.24+dfsg1, run 0f67477f, 1 testcase\n"
             "new: old.xml: docker 20.10.24+dfsg1, run 0f67477f, 1 testcase\n"
             "summary: 0 started failing, 0 started passing, 0 new, 0 disappeared, 0 slower, 0 faster; "
             "1 still passing, 0 still failing\n");
}

// --- the subcommand ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(run_compare_prints_the_report_or_the_bad_file) {
  std::ostringstream out, err;
  BOOST_TEST(run_compare({kGolden, kGolden, {}}, out, err) == kAllHeld);
  BOOST_TEST(err.str() == "");
  BOOST_TEST(out.str().find("summary: 0 started failing, 0 started passing, 0 new, 0 disappeared, 0 slower, 0 faster; "
                            "1 still passing, 5 still failing\n") != std::string::npos);

  std::ostringstream out2, err2;
  BOOST_TEST(run_compare({kGolden, "/nonexistent.xml", {}}, out2, err2) == kBadJUnit);
  BOOST_TEST(out2.str() == "");
  BOOST_TEST(err2.str() == "/nonexistent.xml: cannot read the file: No such file or directory\n");
}

BOOST_AUTO_TEST_SUITE_END()
