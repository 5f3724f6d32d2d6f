// `harness explain` and `--dry-run` on the real scenarios: for every claim of every file,
// on every runtime, the plan shows every step of the claim's flow (claim_flows.hpp) and no
// other, and none of them stops the flow for want of a real answer.
#include <boost/test/unit_test.hpp>
#include <sstream>

#include <algorithm>
#include <map>
#include <set>

#include "claim_flows.hpp"
#include "console_reporter.hpp"
#include "dry_run.hpp"
#include "engine.hpp"
#include "fake_host_files.hpp"
#include "fake_process_runner.hpp"
#include "scenario_loader.hpp"
#include "step_kinds.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(explain)

BOOST_AUTO_TEST_CASE(every_claim_of_every_scenario_shows_its_whole_flow) {
  const LoadResult loaded = load_scenarios({SOURCE_DIR "/scenarios"});
  BOOST_REQUIRE(loaded.errors.empty());
  BOOST_REQUIRE(!loaded.scenarios.empty());
  int claims = 0;
  for (const auto& runtime : dialect_names()) {
    // what the dry run asks the real runtime (version, info, compose version) answers
    FakeProcessRunner real(
        [](const Argv& argv, const std::string&) { return exited(0, argv[1] == "info" ? "/var/lib/" + argv[0] + "\n" : ""); });
    DryRunRunner dry(real);
    FakeHostFiles files;
    files.every_place_is_a_folder = true;
    EngineOptions options;
    options.image = "img";
    options.run_id = "r1";
    Engine engine(Cli(*find_dialect(runtime), runtime), dry, options, &files);
    for (const auto& sc : loaded.scenarios) {
      for (const auto& claim : sc.claims) {
        const ScenarioResult r = engine.run(sc, 0, ClaimFilter(claim.id));
        std::ostringstream out;
        ConsoleReporter(out, false, Verbosity::Normal, false).plan(r);
        const std::string plan = out.str();
        const std::string where = sc.file + " " + claim.id + " on " + runtime;
        BOOST_TEST(r.stopped_at == -1, where << ": the dry run stopped at step " << r.stopped_at << ": "
                                             << (r.stopped_at >= 0 ? r.steps[r.stopped_at].message : ""));
        // every step of the claim's flow, its checks first of all, and no other
        const auto applies = [&](const Step& s) { return step_applies(s, engine.options().facts); };
        const auto served = claims_served(sc, applies);
        int checks = 0;
        for (int i = 0; i < static_cast<int>(sc.steps.size()); ++i) {
          const Step& s = sc.steps[i];
          if (!applies(s)) continue;
          checks += s.claim == claim.id;
          if (s.claim == claim.id) BOOST_TEST(served[i].count(claim.id) == 1u, where << ": line " << s.line << " not served");
          const bool shown = plan.find("* " + summary(s)) != std::string::npos;
          if (served[i].count(claim.id))
            BOOST_TEST(shown, where << ": line " << s.line << " (" << summary(s) << ") missing in\n" << plan);
        }
        BOOST_TEST(checks > 0, where << ": no check");
        BOOST_TEST(static_cast<int>(r.steps.size()) ==
                       std::count_if(served.begin(), served.end(), [&](const auto& c) { return c.count(claim.id) > 0; }),
                   where << ": steps outside the flow\n"
                         << plan);
        ++claims;
      }
    }
    BOOST_TEST(files.folders.empty());
  }
  BOOST_TEST(claims >= 2 * 31);
}

// A step that serves no claim on a runtime never runs there: in the project's scenarios that
// is a mistake (a check that names the wrong container, or a step left over).
BOOST_AUTO_TEST_CASE(every_step_of_the_scenarios_serves_a_claim) {
  const LoadResult loaded = load_scenarios({SOURCE_DIR "/scenarios"});
  BOOST_REQUIRE(loaded.errors.empty());
  for (const auto& runtime : dialect_names())
    for (const bool rootless : {false, true})
      for (const auto& sc : loaded.scenarios) {
        TargetFacts facts;
        facts.runtime = runtime;
        facts.rootless = rootless;
        const auto applies = [&](const Step& s) { return step_applies(s, facts); };
        const auto served = claims_served(sc, applies);
        for (std::size_t i = 0; i < sc.steps.size(); ++i)
          if (applies(sc.steps[i]))
            BOOST_TEST(!served[i].empty(), sc.file << ":" << sc.steps[i].line << ": serves no claim on " << runtime
                                                   << (rootless ? " (rootless)" : ""));
      }
}

// A scenario's independent parts (run side by side, scenario_parts.hpp): every claim in
// exactly one, and no name (container, volume, host folder, project) used by two.
BOOST_AUTO_TEST_CASE(independent_parts_take_every_claim_once_and_share_no_name) {
  const LoadResult loaded = load_scenarios({SOURCE_DIR "/scenarios"});
  BOOST_REQUIRE(loaded.errors.empty());
  int split = 0;
  for (const auto& runtime : dialect_names()) {
    TargetFacts facts;
    facts.runtime = runtime;
    const auto applies = [&](const Step& s) { return step_applies(s, facts); };
    for (const auto& sc : loaded.scenarios) {
      const auto groups = independent_claims(sc, applies, [](const std::string&) { return true; });
      const auto served = claims_served(sc, applies);
      const auto uses = name_uses(sc, applies);
      std::map<std::string, std::size_t> group_of;
      for (std::size_t g = 0; g < groups.size(); ++g)
        for (const auto& c : groups[g]) BOOST_TEST(group_of.emplace(c, g).second, sc.file << ": " << c << " twice");
      BOOST_TEST(group_of.size() == sc.claims.size(), sc.file << " on " << runtime);
      std::map<std::string, std::size_t> name_group;
      for (std::size_t i = 0; i < sc.steps.size(); ++i)
        for (const auto& c : served[i]) {
          for (const auto& c2 : served[i]) BOOST_TEST(group_of[c] == group_of[c2], sc.file << ": a step in two parts");
          for (const auto* names : {&uses[i].reads, &uses[i].changes})
            for (const auto& n : *names) {
              if (n == "image:") continue;
              const auto [it, fresh] = name_group.emplace(n, group_of[c]);
              BOOST_TEST(it->second == group_of[c], sc.file << " on " << runtime << ": " << n << " in two parts");
            }
        }
      split += groups.size() > 1;
      if (sc.file.find("/volumes.xml") != std::string::npos)  // the tutorial's literal command stands apart
        BOOST_TEST(groups.back() == std::vector<std::string>{"VOL-1/literal"}, boost::test_tools::per_element());
    }
  }
  BOOST_TEST(split > 0);
}

// Parts are scheduled longest first by what each makes on the target: a part's cost counts
// its own steps that apply there, not the whole file (volumes.xml's literal part is one
// command, not the volume flow), and the parts' costs add up to the file's selected steps.
BOOST_AUTO_TEST_CASE(a_parts_cost_is_what_the_part_makes_on_the_target) {
  const LoadResult loaded = load_scenarios({SOURCE_DIR "/scenarios/volumes.xml"});
  BOOST_REQUIRE(loaded.errors.size() == 0u);
  BOOST_REQUIRE(loaded.scenarios.size() == 1u);
  const Scenario& sc = loaded.scenarios[0];
  for (const auto& runtime : dialect_names()) {
    FakeProcessRunner runner([](const Argv&, const std::string&) { return exited(0); });
    EngineOptions options;
    options.facts.runtime = runtime;
    const Engine engine(Cli(*find_dialect(runtime), runtime), runner, options);
    const auto parts = engine.parts_of(sc, ClaimFilter());
    BOOST_REQUIRE(parts.size() == 2u);
    const int whole = engine.cost_of(sc, ClaimFilter());
    const int main_part = engine.cost_of(sc, parts[0]), literal = engine.cost_of(sc, parts[1]);
    BOOST_TEST(main_part + literal == whole, runtime);
    BOOST_TEST(literal > 0, runtime);
    BOOST_TEST(literal * 5 < main_part, runtime << ": the literal part costs " << literal << " of " << whole);
    BOOST_TEST(whole < estimated_cost(sc), runtime << ": the other runtime's steps counted");
  }
}

// A network check's flow: the project made, brought up and down; not a volume of another claim.
BOOST_AUTO_TEST_CASE(a_network_check_is_served_by_the_projects_up_and_down) {
  const auto loaded = load_scenario_text("t.xml", R"(<scenario id="t" title="T">
  <claim id="A-1">the network goes with down</claim><claim id="B-1">a volume</claim>
  <steps>
    <compose-project name="p" fixture="todo" networks="default"/>
    <compose-up project="p"/>
    <volume-create volume="v"/>
    <compose-down project="p"/>
    <expect-network claim="A-1" network="p_default" exists="false"/>
    <expect-volume claim="B-1" volume="v" exists="true"/>
  </steps></scenario>)");
  BOOST_REQUIRE(loaded.errors.empty());
  const auto served = claims_served(loaded.scenarios[0], [](const Step&) { return true; });
  const std::vector<std::string> expected = {"A-1", "A-1", "B-1", "A-1", "A-1", "B-1"};
  BOOST_REQUIRE(served.size() == expected.size());
  for (std::size_t i = 0; i < served.size(); ++i)
    BOOST_TEST((served[i] == std::set<std::string>{expected[i]}),
               "step " << i + 1 << " serves " << served[i].size() << " claims");
}

BOOST_AUTO_TEST_SUITE_END()
