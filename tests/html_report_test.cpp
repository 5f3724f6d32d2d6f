// The HTML report: the matrix cells, failed claims open, hostile output escaped, nothing
// fetched from elsewhere, and a page libxml2's HTML parser reads without an error.
#include <boost/test/unit_test.hpp>

#include <stdlib.h>
#include <unistd.h>

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "html_report.hpp"
#include "matrix_writer.hpp"
#include "process_runner.hpp"

using namespace harness;

namespace {

const RunInfo kOptions{"ci-runner-01", "4f05e1aa", "harness-busybox:1", "2026-11-22T16:54:21Z"};

CommandRecord docker(Argv args, int exit_code, std::string out = "", std::string err = "") {
  args.insert(args.begin(), "/usr/bin/docker");
  CommandRecord c;
  c.argv = std::move(args);
  c.result.exit_code = exit_code;
  c.result.out = std::move(out);
  c.result.err = std::move(err);
  c.result.duration = Seconds(0.25);
  return c;
}

StepRecord step(int line, const std::string& summary, Outcome outcome, std::vector<CommandRecord> commands,
                const std::string& claim = "", const std::string& expected = "", const std::string& actual = "") {
  StepRecord s;
  s.line = line;
  s.element = claim.empty() ? "run" : "expect-file";
  s.summary = summary;
  s.outcome = outcome;
  s.commands = std::move(commands);
  s.claim = claim;
  s.expected = expected;
  s.actual = actual;
  s.duration = Seconds(0.25 * static_cast<double>(s.commands.size()));
  return s;
}

ScenarioResult scenario(const std::string& runtime, const std::string& version) {
  ScenarioResult r;
  r.scenario.file = "scenarios/volumes.xml";
  r.scenario.id = "volumes";
  r.scenario.title = "A named volume keeps data after its containers are gone";
  r.runtime = runtime;
  r.runtime_version = version;
  return r;
}

void add_claim(ScenarioResult& r, const std::string& id, Verdict verdict, int deciding_step = -1,
               std::vector<std::string> differences = {}) {
  const Claim claim{id, "text of " + id};
  r.scenario.claims.push_back(claim);
  r.claims.push_back({claim, verdict, Seconds(0.5), deciding_step, std::move(differences), ""});
}

// VOL-1 holds; VOL-2 fails on docker (the file is not in the volume) and holds on podman
// with a declared difference; on podman VOL-3 could not be checked.
std::vector<ScenarioResult> mixed_results() {
  ScenarioResult docker_run = scenario("docker", "20.10.24+dfsg1");
  docker_run.steps = {
      step(7, "create volume my_volume", Outcome::Done, {docker({"volume", "create", "h-1-my_volume"}, 0, "h-1-my_volume\n")}),
      step(8, "check volume my_volume", Outcome::Held, {docker({"volume", "inspect", "h-1-my_volume"}, 0, "[]\n")}, "VOL-1",
           "exists", "exists"),
      step(9, "run one-shot container my_alpine (--rm)", Outcome::Done,
           {docker({"run", "--rm", "--name", "h-1-my_alpine", "harness-busybox:1", "sh", "-c", "echo hi > /data/t"}, 0)}),
      step(10, "check test.txt on the host, in volume my_volume", Outcome::Broken,
           {docker({"run", "--rm", "harness-busybox:1", "cat", "/data/t"}, 1, "", "cat: can't open '/data/t'\n")}, "VOL-2",
           "content \"hi\\n\"", "no such file"),
  };
  add_claim(docker_run, "VOL-1", Verdict::Pass);
  add_claim(docker_run, "VOL-2", Verdict::Fail, 3);

  ScenarioResult podman_run = scenario("podman", "4.3.1");
  podman_run.steps = docker_run.steps;
  podman_run.steps[3].outcome = Outcome::Held;
  add_claim(podman_run, "VOL-1", Verdict::Pass);
  add_claim(podman_run, "VOL-2", Verdict::Pass, -1, {"podman prints the volume name twice"});
  add_claim(podman_run, "VOL-3", Verdict::Error);
  podman_run.claims.back().message = "no check of VOL-3 applies to podman";
  return {docker_run, podman_run};
}

// Bytes a container might print, at their worst (as in junit_writer_test).
std::string hostile_text() {
  static const char text[] =
      "</pre></details><script>alert(1)</script> <img src=x onerror=alert(2)> <a href='https://evil.example/'>x</a> "
      "&amp; & \"dq\" 'sq' \x1b[31mred\x1b[0m nul:\0 ctl:\x01\x07\x08\x0b\x0c\r\x1f\x7f c1:\xc2\x9b"
      "2J "
      "bad:\xff\xfe\xc0\xaf nonchar:\xef\xbf\xbe\xef\xbf\xbf end\ntruncated:\xe6\x97";
  return std::string(text, sizeof text - 1);
}

// Hostile bytes everywhere a string goes: output, claims, names, messages, options.
std::vector<ScenarioResult> hostile_results() {
  const std::string x = hostile_text();
  ScenarioResult r = scenario(x, x);
  r.scenario.file = x;
  r.scenario.title = x;
  r.scenario.seed = x;
  r.scenario.section = x;
  CommandRecord noisy = docker({"exec", x, "cat", x}, 1, x + x, x);
  noisy.input = x;
  StepRecord checked = step(3, x, Outcome::Broken, {noisy}, "H-1", x, x);
  checked.element = x;
  StepRecord faulted = step(4, x, Outcome::Fault, {noisy});
  faulted.message = x;
  faulted.commands.back().result.spawn_error = x;
  r.steps = {checked, faulted};
  add_claim(r, "H-1", Verdict::Fail, 0, {x});
  add_claim(r, x, Verdict::Error, 1);
  r.claims.back().claim.text = x;
  r.leftovers = {x};
  r.error = x;
  return {r};
}

std::string html(const std::vector<ScenarioResult>& results, const RunInfo& options = kOptions) {
  std::ostringstream out;
  write_html_report(out, results, options);
  return out.str();
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The <details> element whose id is `id`, up to its end.
std::string details(const std::string& page, const std::string& id) {
  const auto start = page.find("<details class=\"claim");
  for (auto at = start; at != std::string::npos; at = page.find("<details class=\"claim", at + 1)) {
    const auto end = page.find("</details>", at);
    const std::string element = page.substr(at, end - at);
    if (has(element.substr(0, element.find('>')), "id=\"" + id + "\"")) return element;
  }
  return "";
}

// What xmllint --html says of the page: its error messages, without the two lines of
// context it prints under each. libxml2 2.9's HTML parser predates HTML5 and knows no
// <details> or <summary>: those two messages are expected, and nothing else.
std::vector<std::string> xmllint_errors(const std::string& page) {
  char name[] = "/tmp/html_report_test.XXXXXX";
  const int fd = ::mkstemp(name);
  BOOST_REQUIRE_MESSAGE(fd >= 0, "mkstemp failed");
  ::close(fd);
  std::ofstream(name, std::ios::binary) << page;
  RealProcessRunner runner;
  const auto r = runner.run({"xmllint", "--html", "--noout", name}, "", std::chrono::seconds(60));
  ::unlink(name);
  std::vector<std::string> errors;
  if (!r.ran() || r.exit_code != 0) errors.push_back("xmllint: exit " + std::to_string(r.exit_code) + " " + r.spawn_error);
  const std::regex message(".*:[0-9]+: HTML parser (error|warning) : (.*)");
  const std::regex html5_tag("Tag (details|summary) invalid");
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, message) && !std::regex_match(m[2].str(), html5_tag)) errors.push_back(line);
  }
  return errors;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(html_report)

BOOST_AUTO_TEST_CASE(the_header_names_the_run_and_the_runtimes_with_versions) {
  const auto page = html(mixed_results());
  BOOST_TEST(has(page, "<!DOCTYPE html>\n<html lang=\"en\">"));
  BOOST_TEST(has(page, "<title>harness run 4f05e1aa: 3 passed, 1 failed, 1 error</title>"));
  for (const char* part : {"4f05e1aa", "ci-runner-01", "2026-11-22T16:54:21Z", "harness-busybox:1",
                           "<b>docker</b> 20.10.24+dfsg1, <b>podman</b> 4.3.1"})
    BOOST_TEST(has(page, part), part);
}

BOOST_AUTO_TEST_CASE(matrix_cells_say_pass_fail_error_and_differs_in_words) {
  const auto page = html(mixed_results());
  BOOST_TEST(has(page,
                 "<th scope=\"col\">docker<br><span class=\"version\">20.10.24+dfsg1</span></th>"
                 "<th scope=\"col\">podman<br><span class=\"version\">4.3.1</span></th>"));
  BOOST_TEST(has(page,
                 "<tr><th scope=\"row\" class=\"mono\">VOL-1</th>"
                 "<td class=\"verdict pass\"><a href=\"#claim-1-1\">pass</a></td>"
                 "<td class=\"verdict pass\"><a href=\"#claim-2-1\">pass</a></td>"
                 "<td class=\"claim-text\">text of VOL-1</td></tr>"));
  BOOST_TEST(has(page,
                 "<tr><th scope=\"row\" class=\"mono\">VOL-2</th>"
                 "<td class=\"verdict fail\"><a href=\"#claim-1-2\">FAIL</a></td>"
                 "<td class=\"verdict pass\"><a href=\"#claim-2-2\">pass</a>"
                 "<span class=\"differs\">, differs <a href=\"#note-1\">[1]</a></span></td>"));
  BOOST_TEST(has(page,
                 "<tr><th scope=\"row\" class=\"mono\">VOL-3</th><td class=\"none\" title=\"not run on this "
                 "runtime\">—</td><td class=\"verdict error\"><a href=\"#claim-2-3\">ERROR</a></td>"));
  BOOST_TEST(has(page, "<li id=\"note-1\">VOL-2 on podman: podman prints the volume name twice</li>"));
}

BOOST_AUTO_TEST_CASE(expected_differences_only_for_claims_that_held) {
  auto results = mixed_results();
  add_claim(results[1], "VOL-9", Verdict::Error, -1, {"a note of a check that never ran"});
  const auto page = html(results);
  BOOST_TEST(has(details(page, "claim-2-2"), "<p>Expected difference on podman: podman prints the volume name twice</p>"));
  BOOST_TEST(!has(page, "a note of a check that never ran"));
}

BOOST_AUTO_TEST_CASE(the_matrix_has_the_same_rows_and_notes_as_the_markdown_one) {
  const auto results = mixed_results();
  const ClaimMatrix m = claim_matrix(results);
  const auto page = html(results);
  BOOST_TEST(m.claims == (std::vector<std::string>{"VOL-1", "VOL-2", "VOL-3"}), boost::test_tools::per_element());
  for (const auto& id : m.claims) BOOST_TEST(has(page, "<th scope=\"row\" class=\"mono\">" + id + "</th>"), id);
  BOOST_TEST(m.notes.size() == 1u);
}

BOOST_AUTO_TEST_CASE(failed_and_unchecked_claims_are_open_passed_ones_closed) {
  const auto page = html(mixed_results());
  const auto failed = details(page, "claim-1-2");
  BOOST_TEST(has(failed, "<details class=\"claim fail\" id=\"claim-1-2\" open>"));
  BOOST_TEST(has(details(page, "claim-2-3"), "<details class=\"claim error\" id=\"claim-2-3\" open>"));
  BOOST_TEST(has(details(page, "claim-1-1"), "<details class=\"claim pass\" id=\"claim-1-1\">"));
  BOOST_TEST(has(details(page, "claim-2-2"), "<details class=\"claim pass\" id=\"claim-2-2\">"));
  BOOST_TEST(has(details(page, "claim-2-3"), "no check of VOL-3 applies to podman"));
}

BOOST_AUTO_TEST_CASE(a_claim_shows_its_text_scenario_verdict_and_the_steps_of_its_flow) {
  const auto failed = details(html(mixed_results()), "claim-1-2");
  BOOST_TEST(has(failed, "<span class=\"badge fail\">FAIL</span><span class=\"claim-id mono\">VOL-2</span> on docker"));
  BOOST_TEST(has(failed, "text of VOL-2"));
  BOOST_TEST(has(failed, "<code>scenarios/volumes.xml</code>: A named volume keeps data after its containers are gone"));
  BOOST_TEST(has(failed, "scenarios/volumes.xml:10: step 4, check test.txt on the host"));  // why, as the console says
  // the flow since the previous check: steps 3 and 4, not 1 and 2 (VOL-1's)
  BOOST_TEST(!has(failed, "step 2:"));
  BOOST_TEST(has(failed, "step 3: run one-shot container my_alpine (--rm)"));
  BOOST_TEST(has(failed, "$ docker run --rm --name h-1-my_alpine harness-busybox:1 sh -c &apos;echo hi &gt; /data/t&apos;"));
  BOOST_TEST(has(failed, "<span class=\"outcome fail\">FAILED</span>step 4: check test.txt"));
  BOOST_TEST(has(failed, "exit code 1 in 0.250 s"));
  BOOST_TEST(has(failed, "<span class=\"label\">stderr</span><pre>cat: can&apos;t open &apos;/data/t&apos;\n</pre>"));
  BOOST_TEST(has(failed, "<dt>expected</dt><dd>content &quot;hi\\n&quot;</dd><dt>found</dt><dd>no such file</dd>"));
}

BOOST_AUTO_TEST_CASE(hostile_text_is_escaped_everywhere) {
  const std::string x = hostile_text();
  const auto page = html(hostile_results(), {x, x, x, x});
  BOOST_TEST(!has(page, "<script"));
  BOOST_TEST(!has(page, "<img"));
  BOOST_TEST(!has(page, "</pre></details><"));
  BOOST_TEST(has(page, "&lt;/pre&gt;&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
  BOOST_TEST(has(page,
                 "&amp;amp; &amp; &quot;dq&quot; &apos;sq&apos; \\x1b[31mred\\x1b[0m nul:\\x00 "
                 "ctl:\\x01\\x07\\x08\\x0b\\x0c\\x0d\\x1f\\x7f c1:\\xc2\\x9b2J bad:\\xff\\xfe\\xc0\\xaf "
                 "nonchar:\\xef\\xbf\\xbe\\xef\\xbf\\xbf end\ntruncated:\\xe6\\x97"));
  for (std::size_t i = 0; i < page.size(); ++i) {
    const auto c = static_cast<unsigned char>(page[i]);
    const bool control = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ||
                         (c == 0xc2 && i + 1 < page.size() && static_cast<unsigned char>(page[i + 1]) < 0xa0);
    BOOST_TEST_REQUIRE(!control, "raw control byte " << int(c) << " at " << i);
  }
}

BOOST_AUTO_TEST_CASE(nothing_is_fetched_from_elsewhere) {
  const auto page = html(mixed_results());
  BOOST_TEST(!has(page, "http://"));
  BOOST_TEST(!has(page, "https://"));
  // in tags: only links within the page, even with a container's `<a href=...>` in the output
  const std::string x = hostile_text();
  for (const auto& p : {page, html(hostile_results(), {x, x, x, x})}) {
    BOOST_TEST(!has(p, "<link"));
    BOOST_TEST(!has(p, "@import"));
    BOOST_TEST(!has(p, "url("));
    const std::regex tag("<[a-zA-Z][^>]*>");
    const std::regex link("\\b(src|href|action|data)=\"?([^\" >]*)");
    for (auto t = std::sregex_iterator(p.begin(), p.end(), tag); t != std::sregex_iterator(); ++t) {
      const std::string text = t->str();
      for (auto l = std::sregex_iterator(text.begin(), text.end(), link); l != std::sregex_iterator(); ++l)
        BOOST_TEST(((*l)[1] == "href" && (*l)[2].str().rfind('#', 0) == 0u), "a link to another file: " << text);
    }
  }
}

BOOST_AUTO_TEST_CASE(xmllint_reads_the_page_without_an_error) {
  const std::string x = hostile_text();
  for (const auto& page : {html(mixed_results()), html(hostile_results(), {x, x, x, x})}) {
    const auto errors = xmllint_errors(page);
    for (const auto& e : errors) BOOST_ERROR(e);
  }
}

BOOST_AUTO_TEST_CASE(an_unreachable_runtime_and_an_empty_run_still_make_a_page) {
  ScenarioResult r = scenario("podman", "");
  r.error = "podman is not on PATH";
  add_claim(r, "EPH-1", Verdict::Error);
  const auto page = html({r});
  BOOST_TEST(has(page, "podman<br><span class=\"version\">(not reached)</span>"));
  BOOST_TEST(has(details(page, "claim-1-1"), "podman is not on PATH"));
  BOOST_TEST(has(details(page, "claim-1-1"), "No step ran."));
  BOOST_TEST(xmllint_errors(page).empty());
  BOOST_TEST(xmllint_errors(html({})).empty());
}

BOOST_AUTO_TEST_CASE(the_file_is_written_whole) {
  char dir[] = "/tmp/html_report_test.XXXXXX";
  BOOST_REQUIRE(::mkdtemp(dir) != nullptr);
  const std::string path = std::string(dir) + "/sub/report.html";
  BOOST_TEST(write_html_report_file(path, mixed_results(), kOptions) == "");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  BOOST_TEST(content.str() == html(mixed_results()));
  ::unlink(path.c_str());
  ::rmdir((std::string(dir) + "/sub").c_str());
  BOOST_TEST(::rmdir(dir) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
