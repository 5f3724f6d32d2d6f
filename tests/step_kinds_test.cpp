// The table of step kinds, the schema and the README's vocabulary name the same elements.
#include <boost/test/unit_test.hpp>
#include <fstream>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "step_kinds.hpp"

using namespace harness;

namespace {

const std::set<std::string> kChildren = {"mount", "arg", "file", "typed"};

std::set<std::string> table_elements() {
  std::set<std::string> names;
  for (const auto& row : step_kinds()) names.insert(row.element);
  return names;
}

// The elements of <xs:complexType name="Steps">.
std::set<std::string> schema_elements() {
  pugi::xml_document doc;
  BOOST_REQUIRE(doc.load_file(SOURCE_DIR "/scenarios/scenario.xsd"));
  const auto steps = doc.document_element().find_child_by_attribute("xs:complexType", "name", "Steps");
  BOOST_REQUIRE(steps);
  std::set<std::string> names;
  for (const auto& e : steps.select_nodes(".//xs:element")) names.insert(e.node().attribute("name").value());
  return names;
}

// The elements in the first column of the README's "Step vocabulary" table.
std::set<std::string> readme_elements() {
  std::ifstream in(SOURCE_DIR "/README.md");
  std::set<std::string> names;
  bool in_table = false;
  const std::regex element("<([a-z][a-z-]*)");
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("### Step vocabulary", 0) == 0)
      in_table = true;
    else if (in_table && line.rfind("#", 0) == 0)
      break;
    if (!in_table || line.rfind("| `", 0) != 0) continue;
    const std::string cell = line.substr(0, line.find(" | ", 2));
    for (std::sregex_iterator it(cell.begin(), cell.end(), element), end; it != end; ++it)
      if ((*it)[1] != "scenario") names.insert((*it)[1]);  // timeout= on <scenario> is in the table too
  }
  return names;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(step_kinds_table)

BOOST_AUTO_TEST_CASE(the_table_the_schema_and_the_readme_list_the_same_steps) {
  BOOST_TEST(table_elements() == schema_elements(), boost::test_tools::per_element());
  std::set<std::string> with_children = table_elements();
  with_children.insert(kChildren.begin(), kChildren.end());
  BOOST_TEST(readme_elements() == with_children, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(every_row_is_complete_and_found_by_its_element_and_its_kind) {
  for (const auto& row : step_kinds()) {
    BOOST_TEST(find_step_kind(row.element) == &row);
    BOOST_TEST(&step_kind(row.kind) == &row);
    BOOST_TEST(row.cost_ms != nullptr);
    BOOST_TEST(row.summary != nullptr);
    for (const auto& child : row.children) BOOST_TEST(kChildren.count(child) == 1u);
    // a check always names its claim; a setup step never does
    const auto attrs = attributes_of(row);
    const bool takes_claim = std::find(attrs.begin(), attrs.end(), "claim") != attrs.end();
    BOOST_TEST(takes_claim == (row.role != StepRole::Setup), row.element);
  }
  BOOST_TEST(find_step_kind("nope") == nullptr);
}

BOOST_AUTO_TEST_CASE(costs_come_from_the_rows) {
  Scenario sc;
  Step run, host_read, fresh;
  run.kind = StepKind::Run;
  host_read.kind = fresh.kind = StepKind::ExpectFile;
  host_read.place = Place::Host;
  fresh.place = Place::Fresh;
  sc.steps = {run, host_read, fresh};
  BOOST_TEST(estimated_cost(sc) == 1000);
}

// A tutorial line is scheduled by what it does: typed Compose lines as long as the Compose
// steps, a volume line as a volume call (literal-compose.xml ran last, alone, when every
// line counted as an inspect).
BOOST_AUTO_TEST_CASE(a_tutorial_line_costs_what_its_verb_does) {
  const auto cost = [](StepKind kind, std::vector<std::string> words = {}) {
    Step s;
    s.kind = kind;
    s.args = std::move(words);
    return step_kind(kind).cost_ms(s);
  };
  BOOST_TEST(cost(StepKind::Tutorial, {"docker-compose", "up", "-d"}) == cost(StepKind::ComposeUp));
  BOOST_TEST(cost(StepKind::Tutorial, {"docker-compose", "down", "-v"}) == cost(StepKind::ComposeDown));
  BOOST_TEST(cost(StepKind::Tutorial, {"run", "--rm", "--name", "{container}", "{image}", "true"}) == cost(StepKind::Run));
  BOOST_TEST(cost(StepKind::Tutorial, {"volume", "create", "{volume}"}) == cost(StepKind::VolumeCreate));
}

// What joins the run's network anchor: a container's start, in every form, and nothing else
// (the anchor is let go after a run's last one).
BOOST_AUTO_TEST_CASE(the_kinds_that_start_a_container) {
  std::set<std::string> starting;
  for (const auto& row : step_kinds()) {
    Step s;
    s.kind = row.kind;
    if (starts_container(s)) starting.insert(row.element);
  }
  BOOST_TEST((starting == std::set<std::string>{"run", "create", "start", "restart"}));
  Step typed, fresh;
  typed.kind = StepKind::Tutorial;
  typed.args = {"run", "--rm", "--name", "{container}", "{image}", "true"};
  BOOST_TEST(starts_container(typed));
  typed.args = {"docker-compose", "up", "-d"};  // its containers are on the project's network
  BOOST_TEST(!starts_container(typed));
  fresh.kind = StepKind::ExpectFile;
  fresh.place = Place::Fresh;
  BOOST_TEST(starts_container(fresh));
  fresh.place = Place::Container;
  BOOST_TEST(!starts_container(fresh));
}

BOOST_AUTO_TEST_SUITE_END()
