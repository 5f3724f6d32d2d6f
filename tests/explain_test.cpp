// `harness explain` and `--dry-run` on the real scenarios: for every claim of every file,
// on every runtime, the plan shows every step of the claim's flow, and none of them stops
// the flow for want of a real answer.
#include <boost/test/unit_test.hpp>
#include <sstream>

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
        // every step up to the claim's last check, but the other claims' checks
        int last = -1;
        for (int i = 0; i < static_cast<int>(sc.steps.size()); ++i)
          if (sc.steps[i].claim == claim.id && sc.steps[i].applies_to(runtime)) last = i;
        BOOST_TEST(last >= 0, where << ": no check");
        for (int i = 0; i <= last; ++i) {
          const Step& s = sc.steps[i];
          if (!s.applies_to(runtime) || (is_check_only(s) && s.claim != claim.id)) continue;
          BOOST_TEST(plan.find("* " + summary(s)) != std::string::npos, where << ": line " << s.line << " (" << summary(s)
                                                                              << ") missing in\n"
                                                                              << plan);
        }
        ++claims;
      }
    }
    BOOST_TEST(files.folders.empty());
  }
  BOOST_TEST(claims >= 2 * 31);
}

BOOST_AUTO_TEST_SUITE_END()
