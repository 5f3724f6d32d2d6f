// `harness mutate`'s verdicts: which mutants were caught by which claims, the table, the
// exit code, and the list of mutants.
#include <boost/test/unit_test.hpp>

#include <boost/filesystem.hpp>
#include <cstdlib>
#include <sstream>

#include "exit_codes.hpp"
#include "mutant_wrapper.hpp"
#include "mutate.hpp"
#include "mutants.hpp"

using namespace harness;

namespace {

const std::map<std::string, Status> kBaseline = {
    {"EPH-2", Status::Pass}, {"BND-1", Status::Pass}, {"BND-2", Status::Pass}, {"VOL-1/literal", Status::Fail}};
const std::vector<std::string> kOrder = {"BND-1", "BND-2", "EPH-2", "VOL-1/literal"};

MutantRun run(const std::string& name, std::map<std::string, Status> claims, bool applies = true) {
  return {name, applies, std::move(claims), "", ""};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(mutate)

BOOST_AUTO_TEST_CASE(a_mutant_is_caught_by_the_claims_that_held_without_it_and_fail_with_it) {
  const auto r = run("copy-binds", {{"BND-1", Status::Pass},
                                    {"BND-2", Status::Fail},
                                    {"EPH-2", Status::Error},
                                    {"VOL-1/literal", Status::Fail}});  // failed in the baseline: not counted
  BOOST_TEST(caught_claims(kBaseline, r) == std::vector<std::string>{"BND-2"});
}

BOOST_AUTO_TEST_CASE(the_answer_has_a_line_per_mutant_then_the_table) {
  const std::vector<MutantRun> runs = {
      run("copy-binds", {{"BND-1", Status::Fail}, {"BND-2", Status::Fail}}),
      run("idle-stop", {{"EPH-2", Status::Pass}, {"BND-1", Status::Skipped}}),
      run("compose-down-removes-volumes", {}, false),
  };
  BOOST_TEST(format_mutation(kBaseline, kOrder, runs) ==
             "baseline: VOL-1/literal did not pass on the real runtime: not counted\n"
             "caught  copy-binds                    BND-1 BND-2\n"
             "missed  idle-stop\n"
             "n/a     compose-down-removes-volumes  (changes no call of the selected scenarios)\n"
             "\n"
             "                              BND-1  BND-2  EPH-2  VOL-1/literal\n"
             "copy-binds                      X      X      -          ~\n"
             "idle-stop                       s      -      .          ~\n"
             "X the claim failed under the mutant (caught), . it held, E an error, s skipped, - not run (the mutant "
             "changes no call of its scenario file), ~ it did not pass in the baseline\n"
             "mutants: 1 caught, 1 missed, 1 n/a\n");
  BOOST_TEST(mutation_exit_code(kBaseline, runs) == kClaimFailed);
}

BOOST_AUTO_TEST_CASE(every_mutant_caught_or_not_applying_is_exit_0_and_a_fault_is_2) {
  std::vector<MutantRun> runs = {run("idle-stop", {{"EPH-2", Status::Fail}}), run("ignore-rm", {}, false)};
  BOOST_TEST(mutation_exit_code(kBaseline, runs) == kAllHeld);
  runs.push_back(run("drop-mounts", {{"BND-1", Status::Fail}}));
  runs.back().fault = "its run left something behind";
  BOOST_TEST(mutation_exit_code(kBaseline, runs) == kHarnessError);
  BOOST_TEST(format_mutation(kBaseline, kOrder, runs).find("fault   drop-mounts") != std::string::npos);
}

// A mutant that aims at none of the run's claims (rm-v-keeps-anonymous aims at VOL-11 and
// VOL-9) and fails none is not a miss of the selected scenarios; aimed at one of them, it is.
BOOST_AUTO_TEST_CASE(a_mutant_aimed_at_no_selected_claim_that_fails_none_is_not_a_miss) {
  const std::vector<MutantRun> elsewhere = {run("rm-v-keeps-anonymous", {{"EPH-2", Status::Pass}})};
  BOOST_TEST(mutation_exit_code(kBaseline, elsewhere) == kAllHeld);
  const std::string text = format_mutation(kBaseline, kOrder, elsewhere);
  BOOST_TEST(text.find("n/a     rm-v-keeps-anonymous  (aims at VOL-11, VOL-9, none of them selected; no selected claim "
                       "failed)\n") != std::string::npos,
             text);
  BOOST_TEST(text.find("mutants: 0 caught, 0 missed, 1 n/a") != std::string::npos);
  auto with_aim = kBaseline;
  with_aim["VOL-9@podman"] = Status::Pass;
  BOOST_TEST(mutation_exit_code(with_aim, elsewhere) == kClaimFailed);
  BOOST_TEST(format_mutation(with_aim, kOrder, elsewhere).find("missed  rm-v-keeps-anonymous\n") != std::string::npos);
  // idle-stop aims at EPH-2, which is selected: a miss
  BOOST_TEST(mutation_exit_code(kBaseline, {run("idle-stop", {{"EPH-2", Status::Pass}})}) == kClaimFailed);
}

BOOST_AUTO_TEST_CASE(several_runtimes_key_a_claim_by_its_runtime) {
  CaseResult c;
  c.id = "VOL-2";
  c.runtime = "podman";
  BOOST_TEST(mutation_key(c, false) == "VOL-2");
  BOOST_TEST(mutation_key(c, true) == "VOL-2@podman");
}

BOOST_AUTO_TEST_CASE(the_list_has_every_mutant_on_a_line) {
  const std::string list = format_mutant_list();
  for (const auto& m : mutants()) BOOST_TEST(list.find(m.name + " ") != std::string::npos, m.name);
  BOOST_TEST(list.find("\nidle-stop                     stop                stop prints the container's name and exits 0 without "
                       "stopping it (EPH-2)\n") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_wrapper_is_this_program_called_by_a_clis_name_with_a_mutant_named) {
  ::unsetenv(kMutantVariable);
  BOOST_TEST(!called_as_wrapper("/tmp/w/docker"));
  ::setenv(kMutantVariable, "idle-stop", 1);
  BOOST_TEST(called_as_wrapper("/tmp/w/docker"));
  BOOST_TEST(called_as_wrapper("podman-compose"));
  BOOST_TEST(!called_as_wrapper("build/bin/harness"));
  ::unsetenv(kMutantVariable);
}

BOOST_AUTO_TEST_CASE(print_wrapper_writes_the_folder_and_the_line_to_eval) {
  const boost::filesystem::path dir =
      boost::filesystem::temp_directory_path() / boost::filesystem::unique_path("mutate_test-%%%%%%");
  std::ostringstream out, err;
  BOOST_TEST(print_wrapper("idle-stop", dir.string(), out, err) == kAllHeld);
  BOOST_TEST(out.str().find("\nexport HARNESS_MUTANT=idle-stop PATH=" + dir.string() + ":\"$PATH\"\n") != std::string::npos,
             out.str());
  for (const auto& entry : boost::filesystem::directory_iterator(dir))
    BOOST_TEST(boost::filesystem::equivalent(entry.path(), "/proc/self/exe"), entry.path());
  boost::filesystem::remove_all(dir);
  BOOST_TEST(print_wrapper("no-such", dir.string(), out, err) == kBadUsage);
  BOOST_TEST(err.str() == "harness: no mutant 'no-such' (harness mutate --list)\n");
}

BOOST_AUTO_TEST_SUITE_END()
