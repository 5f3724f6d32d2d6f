// The probe against a fake runtime: what it concludes from each answer, and that a runtime
// that breaks mounts is never taken for a remote engine (its claims must fail, not skip).
#include <boost/test/unit_test.hpp>
#include <algorithm>

#include "fake_host_files.hpp"
#include "fake_process_runner.hpp"
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

// Kept running (Docker), the probe's container is the network anchor: it starts with no
// network to join (--network none), detached, with a PID 1 that exits on SIGTERM; the look
// is an exec in it, and it goes first when the probe is removed.
BOOST_AUTO_TEST_CASE(the_kept_probe_looks_through_an_exec_and_goes_first) {
  FakeHostFiles files;
  FakeProcessRunner runner([&](const Argv& argv, const std::string&) {
    if (argv[1] == "exec") {
      files.files["/var/lib/docker/volumes/v/_data/marker"] = {true, 0, "written through a volume\n"};
      return exited(0, "written by the harness on its host\n");
    }
    if (argv[1] == "volume" && argv[2] == "inspect") return exited(0, "/var/lib/docker/volumes/v/_data\n");
    return exited(0);
  });
  const Cli cli = Cli(*find_dialect("docker"), "docker").with_network("container:elsewhere");
  ProbeOptions o{"img", "r1", "/tmp", std::chrono::seconds(5), 2, true};
  const ContainerLook look = look_through_container(cli, runner, files, o);
  BOOST_TEST(look.container == "harness-r1-t2-probe");
  BOOST_TEST(look.cannot_start.empty());
  BOOST_TEST(look.sees_host_dirs);
  BOOST_TEST(look.sees_volumes);
  auto lines = runner.lines();
  BOOST_REQUIRE_EQUAL(lines.size(), 3u);
  BOOST_TEST(lines[0].rfind("docker run --name harness-r1-t2-probe --network none --detach --label harness.run=r1 --mount ", 0) ==
             0);
  BOOST_TEST(lines[0].find(" img sh -c trap 'exit 0' TERM INT; sleep 2147483647 & wait") != std::string::npos);
  // the look and the volume's Mountpoint, asked side by side: in either order
  std::vector<std::string> asked = {lines[1].substr(0, 39), lines[2].substr(0, 39)};
  std::sort(asked.begin(), asked.end());
  BOOST_TEST(asked[0] == "docker exec harness-r1-t2-probe sh -c i");
  BOOST_TEST(asked[1] == "docker volume inspect --format {{.Mount");
  BOOST_TEST(remove_probe(cli, runner, files, look, std::chrono::seconds(5)).empty());
  lines = runner.lines();
  BOOST_TEST(lines[3] == "docker rm --force harness-r1-t2-probe");
  BOOST_TEST(lines[4] == "docker volume rm --force harness-r1-t2-probe");
  BOOST_TEST(files.folders.empty());
}

// A kept probe whose engine does not have the harness's folder still anchors the run
// (started again without the bind mount); one that cannot start anchors nothing, and what
// its failed starts left is removed.
BOOST_AUTO_TEST_CASE(a_probe_that_cannot_start_anchors_nothing) {
  FakeHostFiles files;
  bool starts = true;
  FakeProcessRunner runner([&](const Argv& argv, const std::string&) {
    const bool with_bind = std::any_of(argv.begin(), argv.end(), [](const std::string& a) { return a.find("type=bind") == 0; });
    if (argv[1] == "run") return !starts ? exited(126, "", "no\n") : with_bind ? exited(125, "", "bind source\n") : exited(0);
    return exited(0, "(no bind mount)\n");
  });
  const Cli cli(*find_dialect("docker"), "docker");
  const ContainerLook remote =
      look_through_container(cli, runner, files, {"img", "r1", "/tmp", std::chrono::seconds(5), 0, true});
  BOOST_TEST(remote.container == "harness-r1-t0-probe");
  BOOST_TEST(!remote.sees_host_dirs);
  starts = false;
  const ContainerLook stuck = look_through_container(cli, runner, files, {"img", "r1", "/tmp", std::chrono::seconds(5), 1, true});
  BOOST_TEST(stuck.container.empty());
  BOOST_TEST(!stuck.cannot_start.empty());
  BOOST_TEST(runner.lines().back() == "docker rm --force harness-r1-t1-probe");
}

// What the probe could not remove is said, by kind and name; what was gone already is not.
BOOST_AUTO_TEST_CASE(what_the_probe_could_not_remove_is_named) {
  FakeHostFiles files;
  bool container_gone = true;
  FakeProcessRunner runner([&](const Argv& argv, const std::string&) {
    if (argv[1] == "rm")
      return container_gone ? exited(1, "", "Error: No such container: c\n") : exited(1, "", "Error: cannot kill c\n");
    return exited(1, "", "Error response from daemon: remove v: volume is in use\n");
  });
  ContainerLook look;
  look.container = "c";
  look.volume = "v";
  const Cli cli(*find_dialect("docker"), "docker");
  BOOST_TEST(remove_probe(cli, runner, files, look, std::chrono::seconds(5)) == std::vector<std::string>{"volume v"},
             boost::test_tools::per_element());
  container_gone = false;
  BOOST_TEST(
      remove_probe(cli, runner, files, look, std::chrono::seconds(5)) == (std::vector<std::string>{"container c", "volume v"}),
      boost::test_tools::per_element());
}

// A kept probe whose container starts but runs no command cannot tell what the target is:
// the target cannot be used, and the container is still named, for removal.
BOOST_AUTO_TEST_CASE(a_kept_probe_that_cannot_exec_says_why) {
  FakeHostFiles files;
  FakeProcessRunner runner([](const Argv& argv, const std::string&) {
    return argv[1] == "exec" ? exited(126, "", "OCI runtime exec failed\n") : exited(0);
  });
  const ContainerLook look = look_through_container(Cli(*find_dialect("docker"), "docker"), runner, files,
                                                    {"img", "r1", "/tmp", std::chrono::seconds(5), 0, true});
  BOOST_TEST(look.cannot_start == "cannot run a command in a container here: exit code 126: OCI runtime exec failed");
  BOOST_TEST(look.container == "harness-r1-t0-probe");
}

// The dialect table says who anchors: Docker does, Podman's containers keep --network none.
BOOST_AUTO_TEST_CASE(only_docker_anchors) {
  BOOST_TEST(find_dialect("docker")->shared_network);
  BOOST_TEST(!find_dialect("podman")->shared_network);
  BOOST_TEST(is_network_anchor("container:harness-1a2b3c4d-t0-probe"));
  BOOST_TEST(!is_network_anchor("container:my_app"));
  BOOST_TEST(!is_network_anchor("none"));
}

BOOST_AUTO_TEST_SUITE_END()
