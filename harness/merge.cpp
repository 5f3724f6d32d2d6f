#include "merge.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <ostream>
#include <pugixml.hpp>
#include <sstream>

#include "compare.hpp"
#include "engine.hpp"
#include "exit_codes.hpp"
#include "i18n.hpp"
#include "path_check.hpp"
#include "reports.hpp"
#include "text.hpp"
#include "verdicts.hpp"

namespace harness {

namespace {

std::map<std::string, std::string> properties_of(const pugi::xml_node& suite) {
  std::map<std::string, std::string> properties;
  for (const auto& p : suite.child("properties").children("property"))
    properties[p.attribute("name").value()] = p.attribute("value").value();
  return properties;
}

TargetFacts facts_of(std::map<std::string, std::string>& p) {
  TargetFacts f;
  if (!p.count("target.endpoint")) return f;  // a dry run, or a target that was not reached
  f.runtime = p["runtime"].substr(0, p["runtime"].find('@'));
  f.version = p["runtime.version"];
  f.endpoint = p["target.endpoint"];
  f.rootless = p["target.rootless"] == "true";
  f.storage = p["target.storage"];
  f.oci_runtime = p["target.oci-runtime"];
  f.sees_volumes = p["target.files"] != "read through the runtime";
  f.sees_host_dirs = p["target.host-folders"] != "not seen by the engine";
  return f;
}

ClaimResult claim_of(const pugi::xml_node& testcase) {
  const std::string name = testcase.attribute("name").value();
  const auto space = name.find(' ');
  ClaimResult c;
  c.claim.id = name.substr(0, space);
  c.claim.text = space == std::string::npos ? "" : name.substr(space + 1);
  c.duration = Seconds(std::strtod(testcase.attribute("time").value(), nullptr));
  c.verdict = Verdict::Pass;
  struct Kind {
    const char* element;
    const char* type;  // "" any
    Verdict verdict;
  };
  for (const Kind& k : {Kind{"skipped", "known-failure", Verdict::Known}, Kind{"skipped", "", Verdict::Skipped},
                        Kind{"failure", "known-failure-fixed", Verdict::Fixed}, Kind{"failure", "", Verdict::Fail},
                        Kind{"error", "", Verdict::Error}}) {
    const pugi::xml_node child = testcase.child(k.element);
    if (!child || (*k.type && std::string(child.attribute("type").value()) != k.type)) continue;
    c.verdict = k.verdict;
    const std::string message = child.attribute("message").value();
    const bool known = k.verdict == Verdict::Known || k.verdict == Verdict::Fixed;
    (known ? c.known : c.message) = message;
    if (k.verdict != Verdict::Skipped && !known)
      c.message += std::string(child.text().get()).empty() ? "" : "\n" + std::string(child.text().get());
    if (k.verdict == Verdict::Known) c.message = child.text().get();
    break;
  }
  return c;
}

// One file, parsed and checked as `compare` checks it.
struct Input {
  std::string file, text;
  pugi::xml_document doc;
  RunReport report;
};

std::string read_input(const std::string& path, Input& input) {
  const ParsedReport parsed = read_report(path);  // a JUnit file of this harness, no claim twice
  if (!parsed.error.empty()) return parsed.error;
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  input.file = path;
  input.text = text.str();
  input.report = parsed.report;
  input.doc.load_buffer(input.text.data(), input.text.size());
  return "";
}

std::string attribute_sum(const std::vector<pugi::xml_node>& suites, const char* name) {
  long total = 0;
  for (const auto& s : suites) total += std::strtol(s.attribute(name).value(), nullptr, 10);
  return std::to_string(total);
}

}  // namespace

std::vector<ScenarioResult> results_of_junit(const std::string& text) {
  pugi::xml_document doc;
  doc.load_buffer(text.data(), text.size());
  std::vector<ScenarioResult> results;
  for (const auto& suite : doc.document_element().children("testsuite")) {
    auto p = properties_of(suite);
    ScenarioResult r;
    r.runtime = p["runtime"];
    r.runtime_version = p["runtime.version"];
    r.target = facts_of(p);
    r.timestamp = suite.attribute("timestamp").value();
    r.duration = Seconds(std::strtod(suite.attribute("time").value(), nullptr));
    r.scenario.file = suite.attribute("file").value();
    r.scenario.id = p["scenario.id"];
    r.scenario.title = p["scenario.title"];
    const std::string source = p["source"];
    r.scenario.seed = source.substr(0, source.find(" / "));
    r.scenario.section = source.find(" / ") == std::string::npos ? "" : source.substr(source.find(" / ") + 3);
    for (const auto& testcase : suite.children("testcase")) {
      if (std::string(testcase.attribute("name").value()) == "cleanup") {
        r.leftovers.push_back(testcase.child("error").attribute("message").value());
        continue;
      }
      r.claims.push_back(claim_of(testcase));
      r.scenario.claims.push_back(r.claims.back().claim);
    }
    results.push_back(std::move(r));
  }
  return results;
}

int run_merge(const MergeOptions& o, std::ostream& out, std::ostream& err) {
  if (o.files.empty()) {
    err << "harness: " << tr("merge needs the JUnit files to join") << "\n";
    return kBadUsage;
  }
  if (const int code = check_paths(o.files, err)) return code;
  std::vector<std::unique_ptr<Input>> inputs;
  std::map<std::pair<std::string, std::string>, std::string> owner;        // (target, claim) -> file
  std::map<std::string, std::pair<std::string, std::string>> scenario_of;  // scenario file -> (id, file)
  std::vector<std::string> targets;                                        // in order of appearance
  std::vector<pugi::xml_node> suites;
  for (const auto& path : o.files) {
    inputs.push_back(std::make_unique<Input>());
    Input& in = *inputs.back();
    if (const std::string error = read_input(path, in); !error.empty()) {
      err << error << "\n";
      return kBadJUnit;
    }
    for (const auto& c : in.report.cases) {
      const auto [first, added] = owner.emplace(std::make_pair(c.runtime, c.id), path);
      if (!added) {
        err << path << ": "
            << tr("{1} on {2} is in {3} too: merge takes each claim of each target from one file (two runs of the same "
                  "target and shard?)",
                  {c.id, c.runtime, first->second})
            << "\n";
        return kBadJUnit;
      }
    }
    for (const auto& suite : in.doc.document_element().children("testsuite")) {
      auto p = properties_of(suite);
      const std::string file = suite.attribute("file").value();
      const auto [seen, added] = scenario_of.emplace(file, std::make_pair(p["scenario.id"], path));
      if (!added && seen->second.first != p["scenario.id"]) {
        err << path << ": "
            << tr("{1} checks scenario '{2}' here and '{3}' in {4}: these are runs of different suites (another checkout "
                  "of the scenarios?)",
                  {file, p["scenario.id"], seen->second.first, seen->second.second})
            << "\n";
        return kBadJUnit;
      }
      if (std::find(targets.begin(), targets.end(), p["runtime"]) == targets.end()) targets.push_back(p["runtime"]);
      suites.push_back(suite);
    }
  }
  // target by target (in the order they first appear), then by scenario file, as one run orders them
  const auto target_index = [&](const pugi::xml_node& s) {
    return std::find(targets.begin(), targets.end(), properties_of(s)["runtime"]) - targets.begin();
  };
  std::stable_sort(suites.begin(), suites.end(), [&](const pugi::xml_node& a, const pugi::xml_node& b) {
    return std::make_pair(target_index(a), std::string(a.attribute("file").value())) <
           std::make_pair(target_index(b), std::string(b.attribute("file").value()));
  });
  pugi::xml_document merged;
  auto declaration = merged.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  auto root = merged.append_child("testsuites");
  root.append_attribute("name") = "harness";
  for (const char* count : {"tests", "failures", "errors"}) root.append_attribute(count) = attribute_sum(suites, count).c_str();
  double time = 0;
  for (const auto& s : suites) time += std::strtod(s.attribute("time").value(), nullptr);
  root.append_attribute("time") = seconds3(Seconds(time)).c_str();
  for (const auto& s : suites) root.append_copy(s);
  std::ostringstream junit;
  merged.save(junit, "  ", pugi::format_default, pugi::encoding_utf8);

  const std::vector<ScenarioResult> results = results_of_junit(junit.str());
  std::vector<std::string> run_ids, hosts;
  for (const auto& s : suites) {
    const std::string id = properties_of(s)["run.id"], host = s.attribute("hostname").value();
    if (std::find(run_ids.begin(), run_ids.end(), id) == run_ids.end()) run_ids.push_back(id);
    if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) hosts.push_back(host);
  }
  const RunInfo info{join(hosts, ", "), join(run_ids, ", "), properties_of(suites.front())["image"], utc_timestamp()};
  if (const int code = write_reports({o.junit, o.matrix, o.html}, junit.str(), results, info, out, err)) return code;
  Tally t;
  for (const auto& r : results) t += tally(r);
  out << tr("merged {1} file(s): {2} target(s), {3} claim(s)",
            {std::to_string(o.files.size()), std::to_string(targets.size()), std::to_string(t.claims())})
      << "\n";
  return run_exit_code(results);
}

}  // namespace harness
