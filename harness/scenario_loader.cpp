#include "scenario_loader.hpp"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <map>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "i18n.hpp"
#include "name_check.hpp"
#include "scenario_limits.hpp"
#include "step_parser.hpp"
#include "system_error_text.hpp"
#include "xml_reader.hpp"

namespace harness {
namespace fs = boost::filesystem;

namespace {

// The document: <scenario> with its source, claims and steps (each step by parse_step).
Scenario parse_scenario(const std::string& file, const XmlReader& in, const pugi::xml_document& doc) {
  const auto root = doc.document_element();
  if (std::string(root.name()) != "scenario")
    in.fail(root, tr("the root element must be <scenario>, not <{1}>", {std::string(root.name())}));
  in.check_attributes(root, {"id", "title"}, {"title-fr", "tags", "timeout"});
  Scenario sc;
  sc.timeout = in.seconds(root, "timeout");
  sc.file = file;
  sc.id = root.attribute("id").value();
  if (!is_logical_name(sc.id)) in.fail(root, tr("'{1}' is not a valid scenario id", {sc.id}));
  sc.title = root.attribute("title").value();
  sc.title_fr = root.attribute("title-fr").value();
  std::istringstream tags(root.attribute("tags").value());
  for (std::string tag; tags >> tag;) sc.tags.push_back(tag);

  const auto claims = std::distance(root.children("claim").begin(), root.children("claim").end());
  if (const auto error = claims_limit_error(static_cast<std::size_t>(claims)); !error.empty()) in.fail(root, error);
  pugi::xml_node steps;
  for (const auto& child : root.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string name = child.name();
    if (name == "source") {
      in.check_attributes(child, {"seed", "section"}, {});
      sc.seed = child.attribute("seed").value();
      sc.section = child.attribute("section").value();
    } else if (name == "claim") {
      in.check_attributes(child, {"id"}, {"fr", "quote", "quote-from"});
      Claim c{child.attribute("id").value(), child.text().get(), child.attribute("fr").value(), child.attribute("quote").value(),
              child.attribute("quote-from").value()};
      if (!is_claim_id(c.id)) in.fail(child, tr("'{1}' is not a claim ID like EPH-1", {c.id}));
      for (const auto& other : sc.claims)
        if (other.id == c.id) in.fail(child, tr("claim {1} is declared twice", {c.id}));
      sc.claims.push_back(c);
    } else if (name == "steps") {
      if (steps) in.fail(child, tr("only one <steps> is allowed"));
      steps = child;
    } else {
      in.fail(child, tr("<{1}> is not allowed in <scenario> (known: source, claim, steps)", {name}));
    }
  }
  if (sc.claims.empty()) in.fail(root, tr("a scenario checks at least one <claim>"));
  if (!steps) in.fail(root, tr("a scenario needs <steps>"));
  const auto count =
      std::count_if(steps.begin(), steps.end(), [](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
  if (const auto error = steps_limit_error(static_cast<std::size_t>(count)); !error.empty()) in.fail(steps, error);
  for (const auto& child : steps.children())
    if (child.type() == pugi::node_element) sc.steps.push_back(parse_step(in, child));
  check_names(sc, in.line_of(steps));
  return sc;
}

// The line of the root element, where a scenario's id is (for a text that loaded).
int root_line(const std::string& text) {
  pugi::xml_document doc;
  doc.load_buffer(text.data(), text.size());
  return XmlReader(text).line_of(doc.document_element());
}

boost::system::error_code& ec_ignored() {
  static thread_local boost::system::error_code ec;
  return ec;
}

}  // namespace

LoadResult load_scenario_text(const std::string& file, const std::string& text) {
  LoadResult result;
  XmlReader reader(text);
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    result.errors.push_back(file + ":" + std::to_string(reader.line_of(parsed.offset)) + ": " + xml_error(parsed));
    return result;
  }
  try {
    result.scenarios.push_back(parse_scenario(file, reader, doc));
  } catch (const LoadError& e) {
    result.errors.push_back(file + ":" + std::to_string(e.line) + ": " + e.message);
  }
  return result;
}

LoadResult load_scenarios(const std::vector<std::string>& paths) {
  LoadResult all;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    boost::system::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.path().extension() == ".xml" && fs::is_regular_file(entry.path(), ec)) found.push_back(entry.path().string());
      if (ec) all.errors.push_back(path + ": " + tr("cannot be read ({1})", {system_error_text(ec.value())}));
      std::sort(found.begin(), found.end());
      if (found.empty()) all.errors.push_back(path + ": " + tr("no scenario files (*.xml) in this folder"));
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      all.errors.push_back(path + ": " + tr("no such file or folder"));
    }
  }
  std::map<std::string, std::string> ids;  // scenario id -> file
  std::set<std::string> seen_files;
  for (const auto& file : files) {
    if (!seen_files.insert(fs::weakly_canonical(file, ec_ignored()).string()).second) continue;  // named twice
    const ScenarioText text = read_scenario_file(file);  // within the size limit, or an error
    if (!text.error.empty()) {
      all.errors.push_back(text.error);
      continue;
    }
    auto one = load_scenario_text(file, text.text);
    all.errors.insert(all.errors.end(), one.errors.begin(), one.errors.end());
    for (auto& sc : one.scenarios) {
      const auto seen = ids.emplace(sc.id, file);
      if (!seen.second)
        all.errors.push_back(file + ":" + std::to_string(root_line(text.text)) + ": " +
                             tr("scenario id '{1}' is used by {2} too", {sc.id, seen.first->second}));
      else
        all.scenarios.push_back(std::move(sc));
    }
  }
  return all;
}

}  // namespace harness
