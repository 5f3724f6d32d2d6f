// The engine against a fake process runner: the exact commands a scenario makes, how
// checks turn into verdicts, and that cleanup happens whatever goes wrong.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <set>
#include <thread>
#include <unistd.h>

#include "engine.hpp"
#include "recovery.hpp"
#include "fake_host_files.hpp"
#include "fake_process_runner.hpp"
#include "scenario_loader.hpp"

using namespace harness;

namespace {

Scenario parse(const std::string& steps, const std::string& claims = R"(<claim id="EPH-1">a claim</claim>)") {
  const auto loaded =
      load_scenario_text("t.xml", R"(<scenario id="t" title="T">)" + claims + "<steps>" + steps + "</steps></scenario>");
  BOOST_REQUIRE_MESSAGE(loaded.errors.empty(), (loaded.errors.empty() ? std::string() : loaded.errors.front()));
  return loaded.scenarios.front();
}

struct Fixture {
  explicit Fixture(FakeProcessRunner::Answer answer = {}) : runner(std::move(answer)) {}
  ScenarioResult run(const Scenario& sc, const ClaimFilter& filter = ClaimFilter(), HostFiles* files = nullptr) {
    EngineOptions o;
    o.image = "img";
    o.run_id = "r1";
    Engine engine(Cli(*find_dialect("docker"), "docker").with_network(network), runner, o, files);
    return engine.run(sc, 0, filter);
  }
  FakeProcessRunner runner;
  std::string network = "none";  // or a network anchor's: container:NAME
};

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(engine)

BOOST_AUTO_TEST_CASE(a_scenario_makes_exactly_these_commands_and_cleans_up) {
  Fixture f([](const Argv& argv, const std::string&) {
    // the file is absent in the fresh container
    return argv[1] == "run" && argv.back() == "/home/test.txt" ? exited(3) : exited(0);
  });
  const auto r = f.run(parse(R"(
    <run container="c" detach="true" rm="true"/>
    <write container="c" path="/home/test.txt" text="hi"/>
    <stop container="c"/>
    <expect-file claim="EPH-1" fresh="true" path="/home/test.txt" absent="true"/>)"));
  const std::vector<std::string> expected = {
      "docker run --name harness-r1-0-c --network none --detach --rm --label harness.run=r1 img sh -c trap 'exit 0' "
      "TERM INT; sleep 2147483647 & wait",
      "docker exec --interactive harness-r1-0-c sh -c cat > \"$1\" write /home/test.txt",
      // no stop: EPH-1's check needs what the container wrote, not that it stopped (claim_flows.hpp)
      "docker run --name harness-r1-0-probe1 --network none --rm --label harness.run=r1 img sh -c test -e \"$1\" || "
      "test -L \"$1\" || exit 3; cat -- \"$1\" probe /home/test.txt",
      "docker rm --force --volumes harness-r1-0-c",  // the probe ran with --rm: gone when its run returned
  };
  BOOST_TEST(f.runner.lines() == expected, boost::test_tools::per_element());
  BOOST_TEST(f.runner.calls[1].input == "hi\n");
  BOOST_REQUIRE_EQUAL(r.claims.size(), 1u);
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  BOOST_TEST(r.leftovers.empty());
}

BOOST_AUTO_TEST_CASE(a_file_that_should_be_gone_but_is_there_fails_the_claim) {
  Fixture f(
      [](const Argv& argv, const std::string&) { return argv.back() == "/home/test.txt" ? exited(0, "hello\n") : exited(0); });
  const auto r = f.run(parse(R"(<expect-file claim="EPH-1" fresh="true" path="/home/test.txt" absent="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.claims[0].deciding_step == 0);
  BOOST_TEST(r.steps[0].expected == "no such file");
  BOOST_TEST(r.steps[0].actual == "present, content \"hello\\n\"");
}

BOOST_AUTO_TEST_CASE(content_is_compared_exactly) {
  Fixture f([](const Argv&, const std::string&) { return exited(0, "hello world"); });  // no newline
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <expect-file claim="EPH-1" container="c" path="/f" text="hello world"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.steps[1].actual == "present, content \"hello world\"");
}

BOOST_AUTO_TEST_CASE(a_probe_that_fails_otherwise_is_never_taken_for_absent) {
  // exit 1 (say, the container is gone) must not count as "no such file"
  Fixture f([](const Argv& argv, const std::string&) {
    return argv[1] == "exec" ? exited(1, "", "Error: No such container") : exited(0);
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <expect-file claim="EPH-1" container="c" path="/f" absent="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(has(r.steps[1].actual, "No such container"));
}

BOOST_AUTO_TEST_CASE(a_timeout_is_an_error_not_a_failure_and_stops_the_scenario) {
  Fixture f([](const Argv& argv, const std::string&) {
    ProcessResult r = exited(0);
    if (argv[1] == "stop") r.timed_out = true;
    return r;
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <stop container="c"/>
    <expect-file claim="EPH-1" container="c" path="/f" absent="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
  BOOST_TEST(r.steps[1].outcome == Outcome::Fault);
  BOOST_TEST(has(r.steps[1].message, "timed out"));
  BOOST_TEST(r.steps[2].outcome == Outcome::NotRun);
  BOOST_TEST(f.runner.lines().back() == "docker rm --force --volumes harness-r1-0-c");  // still cleaned up
}

BOOST_AUTO_TEST_CASE(an_unreachable_daemon_is_an_error) {
  Fixture f([](const Argv&, const std::string&) {
    return exited(1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.");
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <expect-file claim="EPH-1" container="c" path="/f" absent="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
}

BOOST_AUTO_TEST_CASE(a_refused_action_fails_the_claim_whose_flow_it_is_in) {
  Fixture f([](const Argv& argv, const std::string&) {
    return argv[1] == "exec" ? exited(1, "", "sh: can't create /x/f: nonexistent directory") : exited(0);
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <write container="c" path="/x/f" text="a"/>
    <expect-file claim="EPH-1" container="c" path="/x/f" text="a"/>
    <run container="other" detach="true"/>
    <expect-file claim="EPH-2" container="c" path="/x/f" text="a"/>
    <expect-container claim="EPH-3" container="other" exists="true"/>)",
                             R"(<claim id="EPH-1">one</claim><claim id="EPH-2">two</claim><claim id="EPH-3">three</claim>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.claims[0].deciding_step == 1);
  BOOST_TEST(r.steps[1].expected == "the command succeeds");
  BOOST_TEST((r.steps[1].serves == std::vector<std::string>{"EPH-1", "EPH-2"}));
  BOOST_TEST(r.steps[2].outcome == Outcome::NotRun);  // it reads what the refused write should have made
  BOOST_TEST(r.claims[1].verdict == Verdict::Fail);   // its flow has the refused write too
  BOOST_TEST(r.claims[1].deciding_step == 1);
  BOOST_TEST(r.claims[2].verdict == Verdict::Pass);  // another flow: still checked, not charged
  BOOST_TEST(r.stopped_at == -1);
}

BOOST_AUTO_TEST_CASE(expect_failure_holds_when_the_command_fails_and_breaks_when_it_works) {
  for (const int code : {0, 1}) {
    Fixture f([code](const Argv& argv, const std::string&) { return argv[1] == "exec" ? exited(code) : exited(0); });
    const auto r = f.run(parse(R"(<run container="c" detach="true"/>
      <write claim="EPH-1" expect="failure" container="c" path="/ro/f" text="no"/>)"));
    BOOST_TEST(r.claims[0].verdict == (code == 1 ? Verdict::Pass : Verdict::Fail));
  }
}

BOOST_AUTO_TEST_CASE(the_cli_refusing_a_command_is_not_the_failure_a_claim_means) {
  // exit 125: the runtime's CLI refused (a bad option, a missing image); the command never ran
  Fixture f([](const Argv& argv, const std::string&) {
    return argv[1] == "exec" ? exited(125, "", "Error: no such option") : exited(0);
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/>
    <write claim="EPH-1" expect="failure" container="c" path="/ro/f" text="no"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.steps[1].actual.find("refused the command itself") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(volumes_are_recorded_before_use_and_removed_at_the_end) {
  Fixture f;
  f.run(parse(R"(<run container="c" rm="true"><mount type="volume" flag="volume" source="auto" target="/d"/><arg>true</arg></run>
    <expect-volume claim="EPH-1" volume="auto" exists="true"/>)"));
  const auto lines = f.runner.lines();
  BOOST_TEST(
      lines[0] ==
      "docker run --name harness-r1-0-c --network none --rm --label harness.run=r1 --volume harness-r1-0-auto:/d img true");
  BOOST_TEST(lines[1] == "docker volume inspect --format {{.Driver}}\n{{.Mountpoint}} harness-r1-0-auto");
  BOOST_REQUIRE_EQUAL(lines.size(), 3u);  // c ran with --rm and returned: no rm needed
  BOOST_TEST(lines[2] == "docker volume rm --force harness-r1-0-auto");
}

BOOST_AUTO_TEST_CASE(volume_checks_compare_listing_driver_and_mountpoint) {
  Fixture f([](const Argv& argv, const std::string&) {
    if (argv[1] == "info") return exited(0, "/var/lib/docker\n");
    if (argv[2] == "ls") return exited(0, "other\nharness-r1-0-v\n");
    if (argv[2] == "inspect") return exited(0, "local\n/var/lib/docker/volumes/harness-r1-0-v/_data\n");
    return exited(0);
  });
  const auto r = f.run(parse(R"(<volume-create volume="v"/>
    <expect-volume claim="EPH-1" volume="v" listed="true"/>
    <expect-volume claim="EPH-1" volume="v" exists="true" driver="local" mountpoint="default"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  BOOST_TEST(r.steps[2].expected == "exists; driver local; Mountpoint /var/lib/docker/volumes/harness-r1-0-v/_data");
}

BOOST_AUTO_TEST_CASE(a_volume_that_should_be_gone_but_exists_fails) {
  Fixture f([](const Argv&, const std::string&) { return exited(0, "local\n/x\n"); });
  const auto r = f.run(parse(R"(<volume-create volume="v"/><volume-remove volume="v"/>
    <expect-volume claim="EPH-1" volume="v" exists="false"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.steps[2].actual == "exists");
}

BOOST_AUTO_TEST_CASE(a_missing_volume_reads_as_absent_only_with_the_no_such_volume_text) {
  Fixture missing([](const Argv& argv, const std::string&) {
    return argv[2] == "inspect" ? exited(1, "", "Error: No such volume: harness-r1-0-v") : exited(0);
  });
  BOOST_TEST(missing.run(parse(R"(<volume-create volume="v"/><expect-volume claim="EPH-1" volume="v" exists="false"/>)"))
                 .claims[0]
                 .verdict == Verdict::Pass);
  Fixture other(
      [](const Argv& argv, const std::string&) { return argv[2] == "inspect" ? exited(1, "", "permission denied") : exited(0); });
  BOOST_TEST(other.run(parse(R"(<volume-create volume="v"/><expect-volume claim="EPH-1" volume="v" exists="false"/>)"))
                 .claims[0]
                 .verdict == Verdict::Error);
}

BOOST_AUTO_TEST_CASE(host_folders_are_made_read_directly_and_removed) {
  const std::string steps = R"(<host-dir name="home"><file path="a.txt" text="from the host"/></host-dir>
    <run container="c" detach="true"><mount type="bind" flag="volume" source="home" target="/h"/></run>
    <expect-file claim="EPH-1" host="home" path="a.txt" text="from the host" owner-uid="0"/>)";
  for (const unsigned owner : {0u, 1234u}) {
    FakeHostFiles files;
    files.owner = owner;
    Fixture f;
    const auto r = f.run(parse(steps), ClaimFilter(), &files);
    const std::string dir = "/tmp/harness-r1-0-home-1";
    BOOST_TEST(f.runner.calls[0].argv[10] == dir + ":/h");
    BOOST_TEST(r.steps[0].commands[0].argv == (Argv{"write", dir + "/a.txt"}));
    BOOST_TEST(r.steps[2].outcome == (owner == 0 ? Outcome::Held : Outcome::Broken));
    BOOST_TEST(r.steps[2].mismatch == (owner == 0 ? Mismatch::None : Mismatch::Owner));
    BOOST_TEST(files.folders.empty());        // removed at cleanup
    BOOST_TEST(f.runner.calls.size() == 2u);  // the host check made no runtime call
  }
}

BOOST_AUTO_TEST_CASE(the_real_host_files_make_read_and_remove_a_folder) {
  namespace fs = boost::filesystem;
  RealHostFiles files;
  const std::string dir = files.make_folder("/tmp", "harness-unit-");
  files.write(dir + "/sub/a.txt", "bytes");
  const HostEntry e = files.read(dir + "/sub/a.txt");
  BOOST_TEST(e.present);
  BOOST_TEST(e.content == "bytes");
  BOOST_TEST(e.uid == ::getuid());
  BOOST_TEST(!files.read(dir + "/missing").present);
  fs::create_symlink("/etc", dir + "/out");
  BOOST_TEST(files.inside(dir, "out/hostname").empty());  // leads outside through a symlink
  BOOST_TEST(files.read(dir + "/out").content == "(a symlink, not followed)");
  BOOST_TEST(files.remove_all(dir).empty());
  BOOST_TEST(!fs::exists(dir));
}

BOOST_AUTO_TEST_CASE(a_claim_filter_runs_only_the_steps_of_the_selected_claims_flows) {
  Fixture f([](const Argv&, const std::string&) { return exited(3); });
  const auto r = f.run(parse(R"(<expect-file claim="EPH-1" fresh="true" path="/a" absent="true"/>
    <expect-file claim="EPH-2" fresh="true" path="/b" absent="true"/>
    <run container="other" detach="true"/>
    <expect-container claim="EPH-2" container="other" exists="true"/>
    <run container="mine" detach="true"/>
    <expect-file claim="EPH-1" container="mine" path="/c" absent="true"/>
    <run container="never" detach="true"/>)",
                             R"(<claim id="EPH-1">one</claim><claim id="EPH-2">two</claim>)"),
                       ClaimFilter("EPH-1"));
  BOOST_REQUIRE_EQUAL(r.claims.size(), 1u);
  BOOST_TEST(r.claims[0].claim.id == "EPH-1");
  BOOST_TEST(r.steps.size() == 3u);  // EPH-1's first check, the run of `mine`, the check in it
  for (const auto& line : f.runner.lines()) BOOST_TEST(!has(line, "never"));
  for (const auto& line : f.runner.lines()) BOOST_TEST(!has(line, "other"));
}

BOOST_AUTO_TEST_CASE(cleanup_failures_are_reported_as_leftovers) {
  Fixture f([](const Argv& argv, const std::string&) {
    if (argv[1] == "rm")
      return exited(1, "", "Error response from daemon: removal of container harness-r1-0-c is already in progress\n");
    return exited(0);
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"/><expect-file claim="EPH-1" container="c" path="/f"/>)"));
  BOOST_REQUIRE_EQUAL(r.leftovers.size(), 1u);
  BOOST_TEST(has(r.leftovers[0], "harness-r1-0-c"));
}

BOOST_AUTO_TEST_CASE(step_time_counts_for_the_next_check) {
  Fixture f;
  const auto r = f.run(parse(R"(<run container="c" detach="true"/><expect-file claim="EPH-1" container="c" path="/f"/>)"));
  BOOST_TEST(r.claims[0].duration.count() == (r.steps[0].duration + r.steps[1].duration).count());
  BOOST_TEST(r.claims[0].duration.count() > 0);
}

BOOST_AUTO_TEST_CASE(steps_for_another_runtime_are_skipped_and_their_notes_kept) {
  Fixture f([](const Argv& argv, const std::string&) { return argv[1] == "volume" ? exited(0) : exited(0); });
  const auto r = f.run(parse(R"(<volume-create volume="v"/>
    <volume-create claim="EPH-1" volume="v" runtime="docker" expect="success" note="docker keeps the volume"/>
    <volume-create claim="EPH-1" volume="v" runtime="podman" exit-code="125" note="podman refuses"/>)"));
  BOOST_TEST(r.steps.size() == 2u);
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  BOOST_TEST(r.claims[0].differences == std::vector<std::string>{"docker keeps the volume"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_claim_with_no_check_for_this_runtime_is_an_error_not_a_pass) {
  Fixture f;
  const auto r = f.run(parse(R"(<volume-create claim="EPH-1" volume="v" runtime="podman"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
  BOOST_TEST(r.claims[0].message == "no check of EPH-1 applies to docker");
}

BOOST_AUTO_TEST_CASE(exit_code_and_stdout_checks) {
  Fixture f([](const Argv& argv, const std::string&) { return argv[1] == "run" ? exited(42, "500\n") : exited(0); });
  auto verdict = [&](const std::string& attrs) {
    return f.run(parse(R"(<run container="c" rm="true" claim="EPH-1" )" + attrs + R"(><arg>x</arg></run>)")).claims[0].verdict;
  };
  BOOST_TEST(verdict(R"(exit-code="42")") == Verdict::Pass);
  BOOST_TEST(verdict(R"(exit-code="0")") == Verdict::Fail);
  BOOST_TEST(verdict(R"(exit-code="42" stdout-text="500")") == Verdict::Pass);
  BOOST_TEST(verdict(R"(exit-code="42" stdout-text="50")") == Verdict::Fail);
  BOOST_TEST(verdict(R"(expect="failure" stdout-contains="00")") == Verdict::Pass);
  BOOST_TEST(verdict(R"(expect="failure" stdout-contains="1500")") == Verdict::Fail);
}

BOOST_AUTO_TEST_CASE(an_anonymous_volume_gets_a_name_and_is_cleaned_up) {
  Fixture f([](const Argv& argv, const std::string&) {
    if (argv[1] == "container") return exited(0, "0123abcd\n");
    return exited(0);
  });
  const auto r = f.run(parse(R"(<run container="c" detach="true"><mount type="volume" target="/anon"/></run>
    <find-volume container="c" target="/anon" volume="anon"/>
    <expect-volume claim="EPH-1" volume="anon" exists="true"/>)"));
  const auto lines = f.runner.lines();
  BOOST_TEST(lines[0].find("--mount type=volume,dst=/anon img") != std::string::npos);
  BOOST_TEST(lines[1] ==
             "docker container inspect --format {{range .Mounts}}{{if eq .Destination \"/anon\"}}{{.Name}}{{end}}{{end}} "
             "harness-r1-0-c");
  BOOST_TEST(lines[2] == "docker volume inspect --format {{.Driver}}\n{{.Mountpoint}} 0123abcd");
  BOOST_TEST(lines.back() == "docker volume rm --force 0123abcd");
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
}

// Checks in a row ask for a volume's Mountpoint once; after any action they ask again (the
// action may have removed the volume and made another of that name).
BOOST_AUTO_TEST_CASE(checks_in_a_row_share_a_volume_mountpoint) {
  namespace fs = boost::filesystem;
  auto dir = fs::temp_directory_path() / fs::unique_path("mp-%%%%%%");
  fs::create_directories(dir);
  std::ofstream(dir.string() + "/f.txt") << "x\n";  // text="x" is a line
  Fixture f([&](const Argv& argv, const std::string&) {
    if (argv[1] == "volume" && argv[2] == "inspect")
      return exited(0, has(argv[4], "Driver") ? "local\n" + dir.string() + "\n" : dir.string() + "\n");
    return exited(0);
  });
  const auto r = f.run(parse(R"(<volume-create volume="v"/>
    <expect-volume claim="EPH-1" volume="v" exists="true"/>
    <expect-file claim="EPH-1" volume="v" path="f.txt" text="x"/>
    <expect-file claim="EPH-1" volume="v" path="f.txt" text="x"/>
    <volume-create volume="v"/>
    <expect-file claim="EPH-1" volume="v" path="f.txt" text="x"/>)"));
  fs::remove_all(dir);
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  int inspects = 0;
  for (const auto& line : f.runner.lines()) inspects += has(line, "volume inspect");
  BOOST_TEST(inspects == 2);  // once for the three checks in a row, once after the action
}

// A check that found a volume or a container gone spares the cleanup a call (each costs
// 0.05 s or more); one that found it there does not.
BOOST_AUTO_TEST_CASE(what_a_check_found_gone_is_not_removed_again) {
  Fixture f([](const Argv& argv, const std::string&) {
    if (argv[1] == "volume" && argv[2] == "inspect") return exited(1, "", "Error: No such volume: harness-r1-0-v");
    if (argv[1] == "container" && argv[2] == "inspect") return exited(1, "", "Error: No such container: harness-r1-0-c");
    return exited(0);
  });
  const auto r = f.run(parse(R"(<volume-create volume="v"/><volume-create volume="kept"/>
    <run container="c" detach="true"/><run container="d" detach="true"/>
    <expect-volume claim="EPH-1" volume="v" exists="false"/>
    <expect-container claim="EPH-1" container="c" exists="false"/>
    <expect-file claim="EPH-1" fresh="true" path="/k"><mount type="volume" source="kept" target="/k"/></expect-file>
    <exec claim="EPH-1" container="d"><arg>true</arg></exec>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  const auto lines = f.runner.lines();
  BOOST_TEST(lines[lines.size() - 2] == "docker rm --force --volumes harness-r1-0-d");
  BOOST_TEST(lines.back() == "docker volume rm --force harness-r1-0-kept");
}

// With a network anchor, every container the scenario starts joins it: a step's, a fresh
// check's, a tutorial line's; nothing else changes.
BOOST_AUTO_TEST_CASE(every_container_joins_the_network_anchor) {
  Fixture f;
  f.network = "container:harness-r1-t0-probe";
  f.run(parse(R"(<volume-create volume="v"/>
    <run container="c" detach="true"/>
    <expect-file claim="EPH-1" fresh="true" path="/k/f" absent="true"><mount type="volume" source="v" target="/k"/></expect-file>
    <tutorial claim="EPH-1" container="d" line="run --rm --name {container} {image} true"/>)"));
  int runs = 0;
  for (const auto& line : f.runner.lines())
    if (has(line, "docker run ")) {
      ++runs;
      BOOST_TEST(has(line, " --network container:harness-r1-t0-probe "), line);
      BOOST_TEST(!has(line, "--network none"), line);
    }
  BOOST_TEST(runs == 3);
}

// When the anchor has stopped (a daemon restarted without live-restore, someone's `stop`),
// a container that cannot join it is the harness's fault: ERROR, never FAIL.
BOOST_AUTO_TEST_CASE(a_stopped_anchor_is_an_error_not_a_failure) {
  Fixture f([](const Argv& argv, const std::string&) {
    return argv[1] == "run" ? exited(125, "",
                                     "docker: Error response from daemon: cannot join network of a non running "
                                     "container: 0123abcd.\n")
                            : exited(0);
  });
  f.network = "container:harness-r1-t0-probe";
  const auto r = f.run(parse(R"(<run claim="EPH-1" container="c" rm="true"><arg>true</arg></run>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
  Fixture removed([](const Argv& argv, const std::string&) {
    return argv[1] == "run" ? exited(125, "", "docker: Error response from daemon: No such container: harness-r1-t0-probe.\n")
                            : exited(0);
  });
  removed.network = f.network;
  BOOST_TEST(removed.run(parse(R"(<run claim="EPH-1" container="c" rm="true"><arg>true</arg></run>)")).claims[0].verdict ==
             Verdict::Error);
  Fixture refused([](const Argv& argv, const std::string&) {
    return argv[1] == "run" ? exited(125, "", "docker: Error response from daemon: invalid mount config\n") : exited(0);
  });
  refused.network = f.network;
  BOOST_TEST(refused.run(parse(R"(<run claim="EPH-1" container="c" rm="true"><arg>true</arg></run>)")).claims[0].verdict ==
             Verdict::Fail);
}

// The anchor goes once every piece of work is past its last container start: here one
// scenario's remaining steps are a stop and a check, and the other starts nothing after its
// fresh check. Nothing starts a container after it went.
BOOST_AUTO_TEST_CASE(the_anchor_is_let_go_after_every_parts_last_container_start) {
  FakeProcessRunner runner([](const Argv& argv, const std::string&) {
    return argv[1] == "run" && argv.back() == "/k/f" ? exited(3) : exited(0);  // the file is absent
  });
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  Engine engine(Cli(*find_dialect("docker"), "docker").with_network("container:harness-r1-t0-probe"), runner, o);
  int freed = 0;
  std::size_t calls_then = 0;
  engine.share_anchor(2, [&] {
    ++freed;
    calls_then = runner.lines().size();
  });
  engine.run(parse(R"(<run container="c" detach="true"/>
    <stop container="c"/>
    <expect-container claim="EPH-1" container="c" state="stopped"/>)"),
             0, ClaimFilter());
  BOOST_TEST(freed == 0);  // the other still holds it
  const std::size_t before = runner.lines().size();
  engine.run(parse(R"(<volume-create volume="v"/>
    <expect-file claim="EPH-1" fresh="true" path="/k/f" absent="true"><mount type="volume" source="v" target="/k"/></expect-file>
    <volume-remove volume="v"/>
    <expect-volume claim="EPH-1" volume="v" exists="false"/>)"),
             1, ClaimFilter());
  BOOST_TEST(freed == 1);
  BOOST_TEST(calls_then == before + 2);  // right after the fresh check's run, before the volume's removal
  BOOST_TEST(has(runner.lines()[calls_then - 1], "docker run "), runner.lines()[calls_then - 1]);
  for (std::size_t i = calls_then; i < runner.lines().size(); ++i)
    BOOST_TEST(!has(runner.lines()[i], "docker run "), runner.lines()[i]);
  engine.release_anchor();  // a release too many frees nothing twice
  BOOST_TEST(freed == 1);
}

// Where files are read through helper containers (a remote engine), any check may start
// one: the anchor is held to the end of the run, cleanup included. A scenario that stops
// at a fault lets it go too.
BOOST_AUTO_TEST_CASE(the_anchor_is_held_to_the_end_where_checks_start_helpers_and_let_go_after_a_fault) {
  FakeProcessRunner runner([](const Argv& argv, const std::string&) {
    if (argv[1] == "volume" && argv[2] == "inspect") return exited(0, "local\n/somewhere\n");
    return argv[1] == "create" ? exited(0, "abc\n") : exited(0);
  });
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  o.facts.sees_volumes = false;
  Engine engine(Cli(*find_dialect("docker"), "docker").with_network("container:harness-r1-t0-probe"), runner, o);
  std::size_t calls_then = 0;
  engine.share_anchor(1, [&] { calls_then = runner.lines().size(); });
  engine.run(parse(R"(<volume-create volume="v"/>
    <run container="c" rm="true"><mount type="volume" source="v" target="/k"/><arg>true</arg></run>
    <expect-file claim="EPH-1" volume="v" path="f" absent="true"/>)"),
             0, ClaimFilter());
  BOOST_TEST(calls_then == runner.lines().size());  // after the last call: the helper's removal, the cleanup
  FakeProcessRunner faulty([](const Argv& argv, const std::string&) {
    ProcessResult timed_out = exited(-1);
    timed_out.timed_out = true;
    return argv[1] == "run" ? timed_out : exited(0);  // the run times out: the scenario stops
  });
  Engine stopped(Cli(*find_dialect("docker"), "docker").with_network("container:harness-r1-t0-probe"), faulty, EngineOptions{});
  int freed = 0;
  stopped.share_anchor(1, [&] { ++freed; });
  stopped.run(parse(R"(<run claim="EPH-1" container="c" detach="true"/>
    <start container="c"/>)"),
              0, ClaimFilter());
  BOOST_TEST(freed == 1);
}

BOOST_AUTO_TEST_CASE(a_tutorial_line_runs_as_written_with_names_substituted) {
  Fixture f;
  f.run(parse(R"(<tutorial claim="EPH-1" volume="my_volume" line="volume create --name {volume}"/>)"));
  BOOST_TEST(f.runner.lines()[0] == "docker volume create --name harness-r1-0-my_volume");
  BOOST_TEST(f.runner.lines()[1] == "docker volume rm --force harness-r1-0-my_volume");
}

BOOST_AUTO_TEST_CASE(a_tutorial_container_gets_the_run_label_and_no_network_after_its_verb) {
  Fixture f;
  const auto r = f.run(parse(
      R"(<tutorial claim="EPH-1" volume="v" container="c" line="run --rm -it --name {container} -v {volume}:/d {image} ls /d"/>
    <tutorial claim="EPH-1" volume="v" container="d" line="container run -d --name {container} alpine:3"/>)"));
  const auto lines = f.runner.lines();
  BOOST_TEST(lines[0] ==
             "docker run --label harness.run=r1 --network none --rm -it --name harness-r1-0-c "
             "-v harness-r1-0-v:/d img ls /d");
  BOOST_TEST(lines[1] == "docker container run --label harness.run=r1 --network none -d --name harness-r1-0-d alpine:3");
  // the step says the line as the tutorial writes it; its command, what the harness added
  BOOST_TEST(r.steps[0].summary == "the tutorial's command: run --rm -it --name {container} -v {volume}:/d {image} ls /d");
}

// The tutorial's interactive form: `-it` runs at a terminal with the lines typed at its
// prompt; `-i` alone gets them on stdin; what the terminal showed is what is checked.
BOOST_AUTO_TEST_CASE(typed_lines_go_to_a_terminal_with_it_and_to_stdin_with_i_alone) {
  Fixture f([](const Argv& argv, const std::string& input) {
    return input.find("cat /home/test.txt") != std::string::npos ? exited(0, "/ # cat /home/test.txt\r\nhello\r\n") : exited(0);
  });
  const auto r = f.run(parse(
      R"(<tutorial claim="EPH-1" container="c" line="container run --rm --name {container} -it {image} sh" stdout-contains="hello">
      <typed>echo hello &gt; /home/test.txt</typed><typed>cat /home/test.txt</typed><typed>exit</typed></tutorial>
    <tutorial claim="EPH-1" container="d" line="run --rm -i --name {container} {image} sh"><typed>exit</typed></tutorial>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  BOOST_REQUIRE(f.runner.calls.size() >= 2u);
  BOOST_TEST(f.runner.calls[0].terminal);
  BOOST_TEST(f.runner.calls[0].input == "echo hello > /home/test.txt\ncat /home/test.txt\nexit\n");
  BOOST_TEST(!f.runner.calls[1].terminal);
  BOOST_TEST(f.runner.calls[1].input == "exit\n");
  BOOST_TEST(r.steps[0].commands[0].input == "echo hello > /home/test.txt\ncat /home/test.txt\nexit\n");
}

BOOST_AUTO_TEST_CASE(typed_lines_need_an_interactive_run_line_and_no_control_character) {
  for (const char* bad :
       {R"(<tutorial claim="EPH-1" volume="v" line="volume create {volume}"><typed>ls</typed></tutorial>)",
        R"(<tutorial claim="EPH-1" container="c" line="run --rm --name {container} {image} sh"><typed>ls</typed></tutorial>)",
        "<tutorial claim=\"EPH-1\" container=\"c\" line=\"run --rm -it --name {container} {image} "
        "sh\"><typed>ls&#x10;&#x11;</typed></tutorial>"})
    BOOST_TEST(
        !load_scenario_text("t.xml", std::string(R"(<scenario id="t" title="T"><claim id="EPH-1">a claim</claim><steps>)") + bad +
                                         "</steps></scenario>")
             .errors.empty(),
        bad);
}

BOOST_AUTO_TEST_CASE(a_placeholder_in_a_name_put_in_is_not_replaced_again) {
  FakeProcessRunner runner;  // (replacing from the start again looped for ever)
  EngineOptions o;
  o.image = "{image}";
  o.run_id = "r1";
  Engine(Cli(*find_dialect("docker"), "docker"), runner, o)
      .run(parse(R"(<tutorial claim="EPH-1" container="c" line="run --name {container} {image} echo {image}{image}"/>)"), 0,
           ClaimFilter());
  BOOST_TEST(runner.lines()[0] ==
             "docker run --label harness.run=r1 --network none --name harness-r1-0-c {image} echo {image}{image}");
}

BOOST_AUTO_TEST_CASE(a_container_that_should_be_gone) {
  Fixture gone([](const Argv& argv, const std::string&) {
    return argv[1] == "container" ? exited(1, "", "Error: No such container: x") : exited(0);
  });
  BOOST_TEST(gone.run(parse(R"(<run container="c" rm="true"><arg>true</arg></run>
    <expect-container claim="EPH-1" container="c" exists="false"/>)"))
                 .claims[0]
                 .verdict == Verdict::Pass);
  Fixture there;
  BOOST_TEST(there
                 .run(parse(R"(<run container="c" rm="true"><arg>true</arg></run>
    <expect-container claim="EPH-1" container="c" exists="false"/>)"))
                 .claims[0]
                 .verdict == Verdict::Fail);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(engine_shared_exec)

// Checks and a write in one container, one after the other in the flow: one exec answers
// them all (shared_exec.hpp), and each check is decided on its own part of the answer.
BOOST_AUTO_TEST_CASE(neighbouring_container_steps_share_one_exec) {
  for (const std::string found : {"hi\n", "other\n"}) {
    Fixture f([&](const Argv& argv, const std::string&) {
      if (argv[1] == "exec") {
        const std::string m = "harness-r1-0-shared-exec-1";
        return exited(0,
                      "\n" + m + " 3\n\n" + m + "\n" + "\n" + m + " 0\n\n" + m + "\n" + found + "\n" + m + " 0\n\n" + m + "\n");
      }
      return exited(0);
    });
    const auto r = f.run(parse(R"(
      <run container="c" detach="true" rm="true"/>
      <expect-file claim="EPH-1" container="c" path="/a" absent="true"/>
      <write container="c" path="/b" text="hi"/>
      <expect-file claim="EPH-1" container="c" path="/b" text="hi"/>)"));
    const auto lines = f.runner.lines();
    BOOST_TEST(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("docker exec", 0) == 0; }) ==
               1);
    BOOST_TEST(has(lines[1], "docker exec --interactive harness-r1-0-c sh -c "));
    BOOST_TEST(f.runner.calls[1].input == "hi\n");
    BOOST_REQUIRE_EQUAL(r.steps.size(), 4u);
    BOOST_TEST(r.steps[1].outcome == Outcome::Held);
    BOOST_TEST(r.steps[2].outcome == Outcome::Done);
    BOOST_TEST(r.steps[3].outcome == (found == "hi\n" ? Outcome::Held : Outcome::Broken));
    BOOST_TEST(r.claims[0].verdict == (found == "hi\n" ? Verdict::Pass : Verdict::Fail));
  }
}

// An exec that ran to its end but whose output stopped early (podman-remote can lose an
// exec's last output): the steps it did not answer make their own exec, never a verdict
// taken from the whole exec's exit code.
BOOST_AUTO_TEST_CASE(a_lost_output_sends_the_unanswered_steps_to_their_own_exec) {
  Fixture f([&](const Argv& argv, const std::string&) {
    const bool shared = std::find(argv.begin(), argv.end(), "shared") != argv.end();
    if (argv[1] == "exec" && shared) return exited(0, "\nharness-r1-0-shared-exec-1 3\n\nharness-r1-0-shared-exec-1\n");
    if (argv[1] == "exec") return exited(1, "", "sh: can't create /b: Read-only file system\n");
    return exited(0);
  });
  const auto r = f.run(parse(R"(
    <run container="c" detach="true" rm="true"/>
    <expect-file claim="EPH-1" container="c" path="/a" absent="true"/>
    <write claim="EPH-1" container="c" path="/b" text="hi" expect="failure"/>)"));
  const auto lines = f.runner.lines();
  BOOST_TEST(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("docker exec", 0) == 0; }) == 2);
  BOOST_TEST(has(lines[2], "sh -c cat > \"$1\" write /b"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
}

// Another user, another container or a second write ends the sharing.
BOOST_AUTO_TEST_CASE(sharing_stops_at_another_user_container_or_write) {
  Fixture f;
  f.run(parse(R"(
    <run container="c" detach="true" rm="true"><mount type="volume" source="v" target="/v"/></run>
    <run container="d" detach="true" rm="true"><mount type="volume" source="v" target="/v"/></run>
    <write container="c" path="/v/a" text="1"/>
    <write container="c" path="/v/b" text="2"/>
    <write container="c" path="/v/c" text="3" user="1234"/>
    <expect-file claim="EPH-1" container="d" path="/v/b" text="2"/>)"));
  const auto lines = f.runner.lines();
  BOOST_TEST(std::count_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("docker exec", 0) == 0; }) == 4);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(engine_sweep)

namespace {

// Run r1's end-of-run sweep on `runtime`, whose first container listing names `containers`
// (later ones nothing) and whose volume listings name `volumes`; the host's folders are not
// these tests'.
struct Sweep {
  Sweep(std::string containers, std::string volumes = "", std::string runtime = "docker")
      : runtime(std::move(runtime)), runner([this, containers, volumes](const Argv& argv, const std::string&) {
          if (argv[1] == "ps") return exited(0, ++listings == 1 ? containers : "");
          if (argv[1] == "volume" && argv[2] == "ls") return exited(0, volumes);
          return exited(0);
        }) {}
  Swept run() {
    EngineOptions o;
    o.run_id = "r1";
    o.host_tmp = "";
    return Engine(Cli(*find_dialect(runtime), runtime), runner, o).sweep();
  }
  std::string runtime;
  int listings = 0;
  FakeProcessRunner runner;
};

}  // namespace

// Podman 4.3's `rm -f a b` with a missing name exits 0 and removes nothing: the sweep
// must find what a cleanup only said it removed.
BOOST_AUTO_TEST_CASE(finds_and_removes_what_a_cleanup_missed_by_scenario) {
  Sweep sweep("harness-r1-3-app\nharness-r1-30-x\nother-harness-r1-3-y\n", "harness-r1-3-data\n", "podman");
  const auto found = sweep.run().by_scenario;
  BOOST_REQUIRE_EQUAL(found.size(), 2u);
  BOOST_TEST(found.at(3) == (std::vector<std::string>{"harness-r1-3-app (its cleanup missed it; removed by the end-of-run sweep)",
                                                      "harness-r1-3-data (could not be removed)"}),
             boost::test_tools::per_element());
  BOOST_TEST(found.at(30).size() == 1u);
  const auto lines = sweep.runner.lines();
  const std::set<std::string> listings_made(lines.begin(), lines.begin() + 3);  // made side by side: any order
  BOOST_TEST(listings_made.count("podman ps --all --filter name=harness- --format {{.Names}}") == 1u);
  BOOST_TEST(lines[3] == "podman rm --force --ignore --volumes harness-r1-3-app harness-r1-30-x");
  BOOST_TEST(lines[4] == "podman volume rm --force harness-r1-3-data");
}

// What the run made for its target (its probe, whose container may be the network anchor:
// harness-<run>-t<K>-...) is its owner's to remove, beside the sweep: the sweep leaves it
// alone and charges it to no scenario (it once went to scenario 0).
BOOST_AUTO_TEST_CASE(the_targets_own_names_are_left_to_their_owner) {
  Sweep sweep("harness-r1-t0-probe\nharness-r1-0-app\n");
  const auto found = sweep.run().by_scenario;
  BOOST_REQUIRE_EQUAL(found.size(), 1u);
  BOOST_TEST(found.at(0) == std::vector<std::string>{"harness-r1-0-app (its cleanup missed it; removed by the end-of-run sweep)"},
             boost::test_tools::per_element());
  BOOST_TEST(sweep.runner.lines()[3] == "docker rm --force --volumes harness-r1-0-app");
}

// The sweep's one listing also finds a dead run's leftovers (no lock held for its id):
// removed, and said apart from this run's.
BOOST_AUTO_TEST_CASE(the_same_listing_finds_what_dead_runs_left) {
  Sweep sweep("harness-0badc0de-2-app\n");
  const Swept swept = sweep.run();
  BOOST_TEST(swept.by_scenario.empty());
  BOOST_TEST(swept.dead_runs.containers == std::vector<std::string>{"harness-0badc0de-2-app"}, boost::test_tools::per_element());
  BOOST_TEST(sweep.runner.lines()[3] == "docker rm --force --volumes harness-0badc0de-2-app");
}

// A run killed when it had nothing left in the engine leaves its lock file alone: the next
// sweep removes it; a live run's lock (held) stays.
BOOST_AUTO_TEST_CASE(a_dead_runs_lock_file_goes_with_the_sweep) {
  namespace fs = boost::filesystem;
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("harness-test-%%%%%%");
  fs::create_directories(dir);
  ::setenv("HARNESS_RUN_DIR", dir.c_str(), 1);
  {
    const RunLock live("0123abcd");
    std::ofstream((dir / "0badc0de.lock").string());
    std::ofstream((dir / "00000001.lock").string());  // a run starting now: not locked yet
    fs::last_write_time(dir / "0badc0de.lock", std::time(nullptr) - 3600);
    fs::last_write_time(dir / "0123abcd.lock", std::time(nullptr) - 3600);
    FakeProcessRunner runner;
    EngineOptions o;
    o.run_id = "r1";
    o.host_tmp = "";
    Engine(Cli(*find_dialect("docker"), "docker"), runner, o).sweep();
    BOOST_TEST(!fs::exists(dir / "0badc0de.lock"));
    BOOST_TEST(fs::exists(dir / "0123abcd.lock"));
    BOOST_TEST(fs::exists(dir / "00000001.lock"));
  }
  ::unsetenv("HARNESS_RUN_DIR");
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_clean_run_costs_three_listings) {
  FakeProcessRunner runner;
  EngineOptions o;
  o.run_id = "r1";
  o.host_tmp = "";
  Engine engine(Cli(*find_dialect("docker"), "docker"), runner, o);
  BOOST_TEST(engine.sweep().by_scenario.empty());
  BOOST_TEST(runner.calls.size() == 3u);  // containers, volumes, networks: this run's and dead runs' at once
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(engine_compose)

namespace {

// A fixtures folder with a Compose project, like fixtures/compose/todo.
struct ComposeFixture {
  ComposeFixture() {
    namespace fs = boost::filesystem;
    dir = fs::temp_directory_path() / fs::unique_path("harness-test-%%%%%%");
    fs::create_directories(dir / "compose" / "todo");
    std::ofstream(((dir / "compose" / "todo" / "compose.yaml").string())) << "services: {}\n";
    std::ofstream(((dir / "compose" / "todo" / "no-network.yaml").string())) << "services: {}\n";
    std::ofstream(((dir / "compose" / "todo" / "internal-network.yaml").string())) << "networks: {}\n";
    ::setenv("HARNESS_FIXTURES", dir.c_str(), 1);
  }
  ~ComposeFixture() {
    ::unsetenv("HARNESS_FIXTURES");
    boost::filesystem::remove_all(dir);
  }
  boost::filesystem::path dir;
};

// `docker compose version` fails: no plugin, so docker-compose (found on PATH) is used.
ProcessResult no_plugin(const Argv& argv, const std::string&) {
  return argv.size() > 2 && argv[1] == "compose" && argv[2] == "version" ? exited(1, "", "unknown command") : exited(0);
}

// The temporary folder's random part (mkdtemp's XXXXXX), normalised.
std::string after_tmp_folder(const std::string& line) {
  static const std::regex random("(harness-r1-0-[a-z]+)-[A-Za-z0-9]{6}/");
  return std::regex_replace(line, random, "$1-RANDOM/");
}

// The calls made, the temporary folder's random part normalised.
std::vector<std::string> normalised_lines(const FakeProcessRunner& runner) {
  std::vector<std::string> lines;
  for (const auto& line : runner.lines()) lines.push_back(after_tmp_folder(line));
  return lines;
}

// `<binary> -p harness-r1-0-todo -f .../compose.yaml -f .../<extra> <words>` for the project todo.
std::string todo_call(const std::string& binary, const std::string& extra, const std::string& words) {
  const std::string project = "/tmp/harness-r1-0-todo-RANDOM/project";
  return binary + " -p harness-r1-0-todo -f " + project + "/compose.yaml -f " + project + "/" + extra + " " + words;
}

}  // namespace

BOOST_AUTO_TEST_CASE(up_exec_down_and_cleanup_commands) {
  ComposeFixture fixtures;
  const std::string compose_binary = find_on_path("docker-compose");
  if (compose_binary.empty()) return;  // (the unit tests do not need it installed; CI has it)
  Fixture f(no_plugin);
  const auto r = f.run(parse(R"(<compose-project name="todo" fixture="todo" volumes="database"/>
    <compose-up project="todo"/>
    <write project="todo" service="todo-database" path="/data/db/x" text="x"/>
    <compose-down project="todo"/>
    <expect-volume claim="EPH-1" volume="todo_database" exists="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  const std::vector<std::string> expected = {
      "docker compose version",
      todo_call(compose_binary, "no-network.yaml", "up -d"),
      "docker exec --interactive harness-r1-0-todo_todo-database_1 sh -c cat > \"$1\" write /data/db/x",
      todo_call(compose_binary, "no-network.yaml", "down"),
      "docker volume inspect --format {{.Driver}}\n{{.Mountpoint}} harness-r1-0-todo_database",
      todo_call(compose_binary, "no-network.yaml", "down --volumes --timeout 0"),
  };
  BOOST_TEST(normalised_lines(f.runner) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_project_folder_has_the_fixture_and_a_dot_env) {
  ComposeFixture fixtures;
  if (find_on_path("docker-compose").empty()) return;
  std::string env;
  Fixture f([&](const Argv& argv, const std::string& in) {
    for (std::size_t i = 0; i + 1 < argv.size(); ++i)
      if (argv[i] == "-f" && env.empty()) {
        std::ifstream dotenv{boost::filesystem::path{argv[i + 1]}.parent_path().string() + "/.env"};
        std::getline(dotenv, env, '\0');
      }
    return no_plugin(argv, in);
  });
  const auto r = f.run(parse(R"(<compose-project name="todoapp" fixture="todo" folder="Todo.App"/>
    <compose-up claim="EPH-1" project="todoapp" default-name="true"/>)"));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  BOOST_TEST(env == "HARNESS_IMAGE=img\nHARNESS_PREFIX=harness-r1-0-\n");
  BOOST_TEST(f.runner.lines()[1].find(" -p ") == std::string::npos);  // the tool names it from the folder
  BOOST_TEST(f.runner.lines()[1].find("/Harness-r1-0-Todo.App/compose.yaml") != std::string::npos);
}

// What a `down -v` that worked removed needs no cleanup call: no second `down`, and, with a
// tool whose down removes the project's network (docker-compose), no `network rm` either.
BOOST_AUTO_TEST_CASE(down_v_that_worked_needs_no_second_down_nor_network_rm_at_cleanup) {
  ComposeFixture fixtures;
  if (find_on_path("docker-compose").empty()) return;
  for (const char* keeps : {R"(volumes="database")", R"(networks="default")"}) {
    Fixture f(no_plugin);
    f.run(parse(std::string(R"(<compose-project name="todo" fixture="todo" )") + keeps + R"(/>
      <compose-up project="todo"/>
      <compose-down claim="EPH-1" project="todo" volumes="true"/>)"));
    const auto lines = f.runner.lines();
    BOOST_TEST(lines.size() == 3u, keeps);
    BOOST_TEST(lines.back().find(" down -v") != std::string::npos, keeps);
  }
}

// The lookup made before the scenarios (beside the probe) is the one they use, and its
// command is in the first Compose step's record.
BOOST_AUTO_TEST_CASE(a_compose_lookup_made_earlier_is_taken_over_with_its_command) {
  if (find_on_path("docker-compose").empty()) return;
  FakeProcessRunner runner(no_plugin);
  const Cli cli(*find_dialect("docker"), "docker");
  ComposeLookup early(cli, runner, std::chrono::seconds(1)), later(cli, runner, std::chrono::seconds(1));
  early.look_up_now();
  later.take_answer(early);
  CommandRecord first, second;
  const auto found = later.get(first);
  later.get(second);
  BOOST_TEST(runner.lines() == std::vector<std::string>{"docker compose version"}, boost::test_tools::per_element());
  BOOST_REQUIRE(found.tool);
  BOOST_TEST(found.tool->binary == "docker-compose");
  BOOST_TEST(first.argv == (Argv{"docker", "compose", "version"}), boost::test_tools::per_element());
  BOOST_TEST(second.argv.empty());
}

namespace {

// A project that keeps its default network: up, the network there, down, the network gone.
const char* const kNetworkFlow = R"(<compose-project name="todo" fixture="todo" networks="default"/>
    <compose-up project="todo"/>
    <expect-network claim="EPH-1" network="todo_default" exists="true"/>
    <compose-down project="todo"/>
    <expect-network claim="EPH-1" network="todo_default" exists="false"/>)";

bool network_inspect(const Argv& argv) { return argv.size() > 2 && argv[1] == "network" && argv[2] == "inspect"; }

}  // namespace

BOOST_AUTO_TEST_CASE(a_project_with_networks_runs_with_them_and_checks_them_by_their_run_names) {
  ComposeFixture fixtures;
  const std::string compose_binary = find_on_path("docker-compose");
  if (compose_binary.empty()) return;
  int inspects = 0;
  Fixture f([&](const Argv& argv, const std::string& in) {
    if (!network_inspect(argv)) return no_plugin(argv, in);
    return ++inspects == 1 ? exited(0, "harness-r1-0-todo_default\n")
                           : exited(1, "", "Error response from daemon: network harness-r1-0-todo_default not found");
  });
  const auto r = f.run(parse(kNetworkFlow));
  BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
  const std::string inspect = "docker network inspect --format {{.Name}} harness-r1-0-todo_default";
  const std::vector<std::string> expected = {
      "docker compose version",
      todo_call(compose_binary, "internal-network.yaml", "up -d"),
      inspect,
      todo_call(compose_binary, "internal-network.yaml", "down"),
      inspect,  // found gone: no `network rm` at cleanup
      todo_call(compose_binary, "internal-network.yaml", "down --volumes --timeout 0"),
  };
  BOOST_TEST(normalised_lines(f.runner) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_network_that_down_left_fails_the_claim_and_cleanup_removes_it) {
  ComposeFixture fixtures;
  if (find_on_path("docker-compose").empty()) return;
  Fixture f([](const Argv& argv, const std::string& in) {
    return network_inspect(argv) ? exited(0, "harness-r1-0-todo_default\n") : no_plugin(argv, in);
  });
  const auto r = f.run(parse(kNetworkFlow));
  BOOST_TEST(r.claims[0].verdict == Verdict::Fail);
  BOOST_TEST(r.steps[4].mismatch == Mismatch::StillThere);
  BOOST_TEST(r.steps[4].expected == "no such network");
  BOOST_TEST(r.steps[4].actual == "the network exists");
  BOOST_TEST(f.runner.lines().back() == "docker network rm harness-r1-0-todo_default");
  BOOST_TEST(r.leftovers.empty());
}

BOOST_AUTO_TEST_CASE(a_network_inspect_that_fails_otherwise_is_never_taken_for_gone) {
  ComposeFixture fixtures;
  if (find_on_path("docker-compose").empty()) return;
  Fixture f([](const Argv& argv, const std::string& in) {
    return network_inspect(argv) ? exited(1, "", "permission denied") : no_plugin(argv, in);
  });
  const auto r = f.run(parse(kNetworkFlow));
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
  BOOST_TEST(r.steps[2].message.find("network inspect failed: exit code 1: permission denied") == 0u);
  BOOST_TEST(f.runner.lines().back() == "docker network rm harness-r1-0-todo_default");  // made, never seen gone
}

BOOST_AUTO_TEST_CASE(podman_compose_names_containers_and_leaves_networks_as_the_table_says) {
  ComposeFixture fixtures;
  const std::string tool = find_on_path("podman-compose");
  if (tool.empty()) return;
  FakeProcessRunner runner;
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  Engine engine(Cli(*find_dialect("podman"), "podman"), runner, o);
  engine.run(parse(R"(<compose-project name="todo" fixture="todo"/>
    <compose-up project="todo"/>
    <expect-container claim="EPH-1" project="todo" service="db" exists="true"/>)"),
             0, ClaimFilter());
  const auto lines = runner.lines();
  BOOST_TEST(lines[0].find(tool + " -p harness-r1-0-todo -f ") == 0u);
  BOOST_TEST(lines[0].find("no-network.yaml") == std::string::npos);  // podman-compose cannot run without a network
  BOOST_TEST(lines[1] == "podman container inspect --format {{.State.Running}} harness-r1-0-todo_db_1");
  BOOST_TEST(lines[2].find(" down --volumes --timeout 0") != std::string::npos);
  BOOST_TEST(lines[3] == "podman network rm harness-r1-0-todo_default");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(engine_timeouts)

BOOST_AUTO_TEST_CASE(a_scenario_out_of_time_stops_with_an_error_and_still_cleans_up) {
  FakeProcessRunner runner([](const Argv&, const std::string&) {
    std::this_thread::sleep_for(std::chrono::milliseconds(30));
    return exited(0);
  });
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  Engine engine(Cli(*find_dialect("docker"), "docker"), runner, o);
  auto sc = parse(R"(<run container="c" detach="true"/>
    <expect-file claim="EPH-1" container="c" path="/f"/>)");
  sc.timeout = 0.01;  // 10 ms: the first command alone takes 30
  const auto r = engine.run(sc, 0, ClaimFilter());
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
  BOOST_TEST(r.steps[1].outcome == Outcome::Fault);
  BOOST_TEST(r.steps[1].message.find("the scenario ran out of time") != std::string::npos);
  BOOST_TEST(runner.lines().back() == "docker rm --force --volumes harness-r1-0-c");
}

BOOST_AUTO_TEST_CASE(a_step_timeout_says_which_command_and_how_long) {
  std::vector<std::chrono::milliseconds> given;
  struct Recording : FakeProcessRunner {
    using FakeProcessRunner::FakeProcessRunner;
    std::vector<std::chrono::milliseconds>* timeouts = nullptr;
    ProcessResult run(const Argv& argv, const std::string& in, std::chrono::milliseconds t) override {
      timeouts->push_back(t);
      return FakeProcessRunner::run(argv, in, t);
    }
  } runner([](const Argv& argv, const std::string&) {
    ProcessResult r = exited(0);
    r.timed_out = argv[1] == "exec";
    return r;
  });
  runner.timeouts = &given;
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  o.step_timeout = std::chrono::milliseconds(60000);
  Engine engine(Cli(*find_dialect("docker"), "docker"), runner, o);
  const auto r = engine.run(parse(R"(<run container="c" detach="true"/>
    <exec container="c" timeout="2"><arg>sleep</arg><arg>1000</arg></exec>
    <expect-file claim="EPH-1" container="c" path="/f"/>)"),
                            0, ClaimFilter());
  BOOST_TEST(given[0].count() == 60000);
  BOOST_TEST(given[1].count() == 2000);  // the step's own timeout
  BOOST_TEST(r.steps[1].outcome == Outcome::Fault);
  BOOST_TEST(r.steps[1].message.find("timed out after") != std::string::npos);
  BOOST_TEST(r.steps[1].message.find("(the step may take 2.0 s) and was killed with its children") != std::string::npos);
  BOOST_TEST(r.claims[0].verdict == Verdict::Error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(engine_on_targets)

BOOST_AUTO_TEST_CASE(bind_mount_claims_are_skipped_where_the_engine_cannot_see_the_host_folders) {
  FakeProcessRunner runner;
  FakeHostFiles files;
  EngineOptions o;
  o.image = "img";
  o.run_id = "r1";
  o.facts.runtime = "docker";
  o.facts.sees_host_dirs = false;
  Engine engine(Cli(*find_dialect("docker"), "docker"), runner, o, &files);
  const auto r = engine.run(parse(R"(<host-dir name="h"><file path="a" text="x"/></host-dir>
    <run container="c" rm="true" claim="EPH-1"><mount type="bind" source="h" target="/h"/><arg>true</arg></run>)"),
                            0, ClaimFilter());
  BOOST_REQUIRE_EQUAL(r.claims.size(), 1u);
  BOOST_TEST(r.claims[0].verdict == Verdict::Skipped);
  BOOST_TEST(r.claims[0].message.find("--host-dir-root") != std::string::npos);
  BOOST_TEST(runner.calls.empty());  // nothing ran, nothing to clean
}

BOOST_AUTO_TEST_CASE(a_step_runs_only_where_its_when_conditions_hold) {
  const Scenario sc = parse(R"(<volume-create volume="v"/>
    <expect-volume claim="EPH-1" volume="v" exists="true" when="rootless" runtime="docker" note="rootless only"/>
    <expect-volume claim="EPH-1" volume="v" listed="true" when="rootful"/>)");
  for (const bool rootless : {false, true}) {
    FakeProcessRunner runner([](const Argv& argv, const std::string&) {
      return argv[2] == "ls" ? exited(0, "harness-r1-0-v\n") : exited(0, "local\n/m\n");
    });
    EngineOptions o;
    o.image = "img";
    o.run_id = "r1";
    o.facts.runtime = "docker";
    o.facts.rootless = rootless;
    Engine engine(Cli(*find_dialect("docker"), "docker"), runner, o);
    const auto r = engine.run(sc, 0, ClaimFilter());
    BOOST_TEST(r.claims[0].verdict == Verdict::Pass);
    BOOST_TEST(r.steps.size() == 2u);  // the create, and the one check that applies
    BOOST_TEST(r.claims[0].differences.size() == (rootless ? 1u : 0u));
  }
}

BOOST_AUTO_TEST_SUITE_END()
