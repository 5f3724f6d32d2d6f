// The probe against a fake runtime: what it concludes from each answer, and that a runtime
// that breaks mounts is never taken for a remote engine (its claims must fail, not skip).
#include <boost/test/unit_test.hpp>

#include "fake_host_files.hpp"
#include "fake_process_runner.hpp"
#include "network_anchor.hpp"
#include "probe.hpp"

using namespace harness;

namespace {

struct FakeEngine {
  std::string info = "overlay2|runc|[name=seccomp,profile=default]|/var/lib/docker\n";
  bool bind_refused = false;  // the engine does not have the harness's folder
  bool nothing_starts = false;
  std::string inside = "written by the harness on its host\n";  // what `cat /h/marker` printed
  bool volume_on_host = true;                                   // the marker is at the Mountpoint the harness can read
};

TargetFacts probe_of(const FakeEngine& e, FakeHostFiles& files) {
  FakeProcessRunner runner([&](const Argv& argv, const std::string&) {
    if (argv[1] == "info") return exited(0, e.info);
    if (argv[1] == "run") {
      const bool with_bind = std::find(argv.begin(), argv.end(), "--mount") != argv.end() &&
                             std::any_of(argv.begin(), argv.end(), [](const std::string& a) { return a.find("type=bind") == 0; });
      if (e.nothing_starts) return exited(126, "", "error setting rlimit type 7: operation not permitted\n");
      if (with_bind && e.bind_refused) return exited(125, "", "bind source path does not exist\n");
      if (e.volume_on_host) files.files["/var/lib/docker/volumes/v/_data/marker"] = {true, 0, "written through a volume\n"};
      return exited(0, with_bind ? e.inside : "");
    }
    if (argv[1] == "volume" && argv[2] == "inspect") return exited(0, "/var/lib/docker/volumes/v/_data\n");
    return exited(0);
  });
  return probe_target(Cli(*find_dialect("docker"), "docker"), runner, files, "20.10",
                      {"img", "r1", "/tmp", std::chrono::seconds(5)});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(target_probe)

BOOST_AUTO_TEST_CASE(a_local_engine_sees_everything_and_says_what_it_is) {
  FakeHostFiles files;
  const TargetFacts f = probe_of(FakeEngine{}, files);
  BOOST_TEST(f.cannot_start.empty());
  BOOST_TEST(f.sees_host_dirs);
  BOOST_TEST(f.sees_volumes);
  BOOST_TEST(!f.rootless);
  BOOST_TEST(f.storage == "overlay2");
  BOOST_TEST(f.volume_root == "/var/lib/docker");
  BOOST_TEST(f.header() == "docker 20.10 \u00b7 rootful \u00b7 overlay2 \u00b7 runc");
  BOOST_TEST(files.folders.empty());  // the probe's host folder is removed
}

BOOST_AUTO_TEST_CASE(a_remote_engine_is_read_through_the_runtime) {
  FakeHostFiles files;
  FakeEngine remote;
  remote.bind_refused = true;
  remote.volume_on_host = false;
  remote.info = "overlay2|runc|[name=rootless]|/home/u/.local/share/docker\n";
  const TargetFacts f = probe_of(remote, files);
  BOOST_TEST(f.cannot_start.empty());
  BOOST_TEST(!f.sees_host_dirs);
  BOOST_TEST(!f.sees_volumes);
  BOOST_TEST(f.rootless);
  FakeEngine other_folder;
  other_folder.inside = "(no marker)\n";  // a folder of that path, but not the harness's
  BOOST_TEST(!probe_of(other_folder, files).sees_host_dirs);
  FakeEngine remapped;
  remapped.inside = "(unreadable marker)\n";  // the same folder, but its container user cannot read it
  const TargetFacts r = probe_of(remapped, files);
  BOOST_TEST(!r.sees_host_dirs);
  BOOST_TEST(r.host_dirs_why.find("user namespace remapping") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_runtime_that_drops_mounts_is_not_taken_for_a_remote_engine) {
  FakeHostFiles files;
  FakeEngine broken;
  broken.inside = "(no volume mount)\n(no bind mount)\n";
  broken.volume_on_host = false;
  const TargetFacts f = probe_of(broken, files);
  BOOST_TEST(f.sees_host_dirs);  // the bind checks run, and fail
  BOOST_TEST(f.sees_volumes);    // the volume checks look on the host, and fail
}

BOOST_AUTO_TEST_CASE(an_engine_that_starts_nothing_says_why) {
  FakeHostFiles files;
  FakeEngine stuck;
  stuck.nothing_starts = true;
  const TargetFacts f = probe_of(stuck, files);
  BOOST_TEST(f.cannot_start ==
             "cannot start a container here: exit code 126: error setting rlimit type 7: operation not permitted");
}

// Two targets on one engine are probed side by side: each probe's names are its own (they
// once shared harness-<run>-probe, and one target found the name taken: "cannot start").
BOOST_AUTO_TEST_CASE(each_target_has_a_probe_of_its_own) {
  FakeHostFiles files;
  FakeProcessRunner runner;
  const Cli cli(*find_dialect("docker"), "docker");
  const ContainerLook first = look_through_container(cli, runner, files, {"img", "r1", "/tmp", std::chrono::seconds(5), 0});
  const ContainerLook second = look_through_container(cli, runner, files, {"img", "r1", "/tmp", std::chrono::seconds(5), 1});
  BOOST_TEST(first.volume != second.volume);
  BOOST_TEST(first.folder != second.folder);
  BOOST_TEST(second.volume == "harness-r1-t1-probe");  // "-probe" last: the mutants' wrapper leaves it alone
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(network_anchor)

// The anchor is a container of the run like the others (labelled, a PID 1 that exits on
// SIGTERM) with no network of its own to join: --network none.
BOOST_AUTO_TEST_CASE(the_anchor_starts_with_no_network_and_is_removed) {
  FakeProcessRunner runner;
  const Cli cli = Cli(*find_dialect("docker"), "docker").with_network("container:elsewhere");
  const std::string name = start_network_anchor(cli, runner, {"img", "r1", "/tmp", std::chrono::seconds(5), 2});
  BOOST_TEST(name == "harness-r1-t2-net");
  remove_network_anchor(cli, runner, name, std::chrono::seconds(5));
  const auto lines = runner.lines();
  BOOST_REQUIRE_EQUAL(lines.size(), 2u);
  BOOST_TEST(lines[0] ==
             "docker run --name harness-r1-t2-net --network none --detach --label harness.run=r1 img sh -c trap 'exit 0' "
             "TERM INT; sleep 2147483647 & wait");
  BOOST_TEST(lines[1] == "docker rm --force harness-r1-t2-net");
}

// An anchor that cannot start is no anchor (the run's containers get --network none), and
// what its failed start left is removed.
BOOST_AUTO_TEST_CASE(an_anchor_that_cannot_start_is_none) {
  FakeProcessRunner runner([](const Argv& argv, const std::string&) {
    return argv[1] == "run" ? exited(125, "", "docker: Error response from daemon: oci runtime error\n") : exited(0);
  });
  const Cli cli(*find_dialect("docker"), "docker");
  BOOST_TEST(start_network_anchor(cli, runner, {"img", "r1", "/tmp", std::chrono::seconds(5), 0}).empty());
  BOOST_TEST(runner.lines().back() == "docker rm --force harness-r1-t0-net");
  remove_network_anchor(cli, runner, "", std::chrono::seconds(5));  // none: nothing to remove
  BOOST_TEST(runner.lines().size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
