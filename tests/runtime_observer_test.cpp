// RuntimeObserver against a fake runtime answering with real tar bytes: the exact
// commands it makes, what it finds, and that it never reports "absent" for a place it
// could not read.
#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <cstdlib>
#include <map>
#include <stdexcept>

#include "fake_host_files.hpp"
#include "fake_process_runner.hpp"
#include "runtime_observer.hpp"
#include "step_errors.hpp"
#include "tar_builder.hpp"
#include "text.hpp"

using namespace harness;

namespace {

const std::string kId = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// Answers by the whole command line; anything not scripted exits 0 with no output.
struct Fixture {
  explicit Fixture(const std::string& dialect = "docker")
      : cli(*find_dialect(dialect), dialect),
        runner([this](const Argv& argv, const std::string&) {
          std::string line;
          for (const auto& a : argv) line += (line.empty() ? "" : " ") + a;
          const auto it = answers.find(line);
          return it == answers.end() ? exited(0) : it->second;
        }),
        calls(cli, runner, std::chrono::seconds(10)),
        observer(calls, files, ledger, {"h-", "harness.run=r1", "img"}) {}

  std::vector<std::string> lines() const { return runner.lines(); }

  Cli cli;
  std::map<std::string, ProcessResult> answers;
  FakeProcessRunner runner;
  RuntimeCalls calls;
  FakeHostFiles files;
  Ledger ledger;
  RuntimeObserver observer;
  StepRecord record;
};

const std::string kCreate1 = "docker create --name h-1 --network none --label harness.run=r1 --volume vol:/v:ro,nocopy img true";
const std::string kNotFound = "Error response from daemon: Could not find the file /v/nope in container h-1\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(runtime_observer)

BOOST_AUTO_TEST_CASE(a_file_in_a_volume_its_content_and_owner) {
  Fixture f;
  f.record.summary = "expect file f in volume vol";
  f.answers["docker cp h-1:/v/f -"] = exited(0, TarBuilder().file("f", "hi\n", 1234).archive());
  const Observed o = f.observer.in_volume(f.record, "vol", "f");
  BOOST_TEST(o.present);
  BOOST_TEST(o.content == "hi\n");
  BOOST_TEST(o.uid == 1234u);
  const std::vector<std::string> expected = {"docker volume inspect --format {{.Name}} vol", kCreate1, "docker cp h-1:/v/f -"};
  BOOST_TEST(f.lines() == expected, boost::test_tools::per_element());
  // every command is in the transcript; the archive is shown as a listing, not as bytes
  BOOST_REQUIRE_EQUAL(f.record.commands.size(), 3u);
  BOOST_TEST(f.record.commands[2].result.out == "(a tar archive of 2048 bytes, 1 entry:)\nfile \"f\" (uid 1234, 3 bytes)\n");
  BOOST_TEST(f.record.summary == "expect file f in volume vol (read through the runtime)");
}

BOOST_AUTO_TEST_CASE(absent_only_after_the_volume_root_was_read) {
  Fixture f;
  f.answers["docker cp h-1:/v/nope -"] = exited(1, "", kNotFound);
  f.answers["docker cp h-1:/v -"] = exited(0, TarBuilder().folder("v").file("v/f", "hi\n").archive());
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "nope").present);
  BOOST_TEST(f.lines().back() == "docker cp h-1:/v -");
  // the same helper has shown its root: the next "not found" needs no second look
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "nope").present);
  BOOST_TEST(f.lines().size() == 5u);
  BOOST_TEST(f.lines().back() == "docker cp h-1:/v/nope -");
}

BOOST_AUTO_TEST_CASE(a_read_that_worked_shows_the_root_too) {
  Fixture f;
  f.answers["docker cp h-1:/v/f -"] = exited(0, TarBuilder().file("f", "hi\n").archive());
  f.answers["docker cp h-1:/v/nope -"] = exited(1, "", kNotFound);
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "f").present);
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "nope").present);
  BOOST_TEST(f.lines().size() == 4u);  // no root read
}

BOOST_AUTO_TEST_CASE(no_absence_when_the_root_cannot_be_read) {
  Fixture f;
  f.answers["docker cp h-1:/v/nope -"] = exited(1, "", kNotFound);
  f.answers["docker cp h-1:/v -"] = exited(1, "", "Error response from daemon: mount failed\n");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "nope"), StepFault);
  // the runtime contradicting itself is no absence either
  Fixture g;
  g.answers["docker cp h-1:/v/nope -"] = exited(1, "", kNotFound);
  g.answers["docker cp h-1:/v -"] = exited(0, TarBuilder().folder("v").file("v/nope", "here").archive());
  BOOST_CHECK_THROW(g.observer.in_volume(g.record, "vol", "nope"), StepFault);
  // nor an archive without the root folder
  Fixture h;
  h.answers["docker cp h-1:/v/nope -"] = exited(1, "", kNotFound);
  h.answers["docker cp h-1:/v -"] = exited(0, TarBuilder().archive());
  BOOST_CHECK_THROW(h.observer.in_volume(h.record, "vol", "nope"), StepFault);
}

BOOST_AUTO_TEST_CASE(a_cp_failure_that_is_not_not_found_is_a_fault) {
  const std::vector<ProcessResult> answers = {
      exited(1, "", "Error response from daemon: No such container: h-1\n"),
      exited(1, "", "Error response from daemon: open /var/lib/docker/x: permission denied\n"),
      exited(1, "", "Cannot connect to the Docker daemon at unix:///var/run/docker.sock.\n"),
      // "not found", but about another path than the one asked for
      exited(1, "", "Error response from daemon: Could not find the file /var/lib/docker/volumes/vol in container h-1\n"),
      exited(0, "Error: not an archive\n"),  // stdout that is not a tar archive
  };
  for (const auto& answer : answers) {
    Fixture f;
    f.answers["docker cp h-1:/v/nope -"] = answer;
    BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "nope"), StepFault);
    BOOST_TEST(f.lines().back() == "docker cp h-1:/v/nope -");  // no root read: not an absence to prove
  }
  Fixture timed;
  ProcessResult slow;
  slow.timed_out = true;
  timed.answers["docker cp h-1:/v/nope -"] = slow;
  BOOST_CHECK_THROW(timed.observer.in_volume(timed.record, "vol", "nope"), StepFault);
}

BOOST_AUTO_TEST_CASE(a_volume_that_is_not_there_gets_no_helper) {
  Fixture f;
  f.answers["docker volume inspect --format {{.Name}} vol"] = exited(1, "", "Error: No such volume: vol\n");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "f"), StepRefused);
  BOOST_TEST(f.lines().size() == 1u);  // `create --volume` would have made it
  Fixture g;
  g.answers["docker volume inspect --format {{.Name}} vol"] = exited(1, "", "Error: permission denied\n");
  BOOST_CHECK_THROW(g.observer.in_volume(g.record, "vol", "f"), StepFault);
}

BOOST_AUTO_TEST_CASE(a_helper_that_cannot_be_made_is_a_fault_and_still_removed) {
  Fixture f;
  f.answers[kCreate1] = exited(125, "", "Error: No such image: img\n");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "f"), StepFault);  // not a refused claim
  BOOST_TEST(f.ledger.containers() == std::vector<std::string>{"h-1"});
  f.observer.forget();
  BOOST_TEST(f.lines().back() == "docker rm --force --volumes h-1");
}

BOOST_AUTO_TEST_CASE(a_helper_is_reused_then_removed_by_forget) {
  Fixture f;
  f.answers["docker cp h-1:/v/a -"] = exited(0, TarBuilder().file("a", "1").archive());
  f.answers["docker cp h-1:/v/b -"] = exited(0, TarBuilder().file("b", "2").archive());
  f.answers["docker cp h-2:/v/c -"] = exited(0, TarBuilder().file("c", "3").archive());
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "a").content == "1");
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "b").content == "2");
  BOOST_TEST(f.observer.in_volume(f.record, "other", "c").content == "3");
  const std::vector<std::string> expected = {
      "docker volume inspect --format {{.Name}} vol",
      kCreate1,
      "docker cp h-1:/v/a -",
      "docker cp h-1:/v/b -",
      "docker volume inspect --format {{.Name}} other",
      "docker create --name h-2 --network none --label harness.run=r1 --volume other:/v:ro,nocopy img true",
      "docker cp h-2:/v/c -"};
  BOOST_TEST(f.lines() == expected, boost::test_tools::per_element());
  BOOST_TEST(f.ledger.containers() == (std::vector<std::string>{"h-1", "h-2"}));  // in the ledger before `create`

  f.observer.forget();
  BOOST_TEST(f.lines().back() == "docker rm --force --volumes h-1 h-2");  // one call for all
  BOOST_TEST(f.ledger.containers().empty());
  BOOST_TEST(f.record.commands.size() == 7u);        // the removal is no part of the check's transcript ...
  const auto removals = f.observer.take_removals();  // ... but of the cleanup's
  BOOST_REQUIRE_EQUAL(removals.size(), 1u);
  BOOST_TEST(removals[0].argv.back() == "h-2");
  BOOST_TEST(f.observer.take_removals().empty());

  const auto calls = f.lines().size();
  f.observer.forget();  // nothing to remove: no call
  BOOST_TEST(f.lines().size() == calls);
  f.answers["docker cp h-3:/v/a -"] = exited(0, TarBuilder().file("a", "1").archive());
  f.observer.in_volume(f.record, "vol", "a");  // a new helper after forget()
  BOOST_TEST(f.lines()[calls + 1] ==
             "docker create --name h-3 --network none --label harness.run=r1 --volume vol:/v:ro,nocopy img true");
}

BOOST_AUTO_TEST_CASE(helpers_stay_in_the_ledger_when_their_removal_fails) {
  Fixture f;
  f.answers["docker rm --force --volumes h-1"] = exited(1, "", "Error response from daemon: could not kill: device busy\n");
  f.answers["docker cp h-1:/v/a -"] = exited(0, TarBuilder().file("a", "1").archive());
  f.observer.in_volume(f.record, "vol", "a");
  f.observer.forget();
  BOOST_TEST(f.ledger.containers() == std::vector<std::string>{"h-1"});  // cleanup tries again
  // "not there" is removed
  Fixture g;
  g.answers["docker rm --force --volumes h-1"] = exited(1, "", "Error: No such container: h-1\n");
  g.answers["docker cp h-1:/v/a -"] = exited(0, TarBuilder().file("a", "1").archive());
  g.observer.in_volume(g.record, "vol", "a");
  g.observer.forget();
  BOOST_TEST(g.ledger.containers().empty());
}

BOOST_AUTO_TEST_CASE(paths_below_the_first_part_come_from_its_archive) {
  Fixture f;
  f.answers["docker cp h-1:/v/d -"] = exited(
      0, TarBuilder().folder("d").folder("d/e", 5).file("d/e/f", "deep", 7).symlink("d/l", "/etc").file("d/x", "x").archive());
  const Observed o = f.observer.in_volume(f.record, "vol", "d/e/f");
  BOOST_TEST(o.content == "deep");
  BOOST_TEST(o.uid == 7u);
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "d/e").uid == 5u);      // a folder: present, no content
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "d/e/g").present);     // the folder is listed without it
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "d/none/g").present);  // and so is d without none
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "d/l").content == "(a symlink, not followed)");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "d/l/passwd"), StepFault);  // never through a symlink
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "d/x/y"), StepFault);       // nor through a file
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "vol", "d/../f"), StepFault);
  for (const auto& line : f.lines()) BOOST_TEST(line.find("cp h-1:/v/d/") == std::string::npos);  // only /v/d is asked for
}

BOOST_AUTO_TEST_CASE(podman_exports_the_whole_volume_without_a_helper) {
  Fixture f("podman");
  f.answers["podman volume export vol"] = exited(0, TarBuilder().folder("d").file("d/g", "x").file("f", "hi\n", 1234).archive());
  const Observed o = f.observer.in_volume(f.record, "vol", "f");
  BOOST_TEST(o.content == "hi\n");
  BOOST_TEST(o.uid == 1234u);
  BOOST_TEST(!f.observer.in_volume(f.record, "vol", "nope").present);  // the whole volume was read
  BOOST_TEST(f.observer.in_volume(f.record, "vol", "d/g").content == "x");
  BOOST_TEST(f.lines() == std::vector<std::string>(3, "podman volume export vol"), boost::test_tools::per_element());
  f.observer.forget();
  BOOST_TEST(f.lines().size() == 3u);  // no helper to remove
  f.answers["podman volume export gone"] = exited(125, "", "Error: no volume with name \"gone\" found: no such volume\n");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "gone", "f"), StepRefused);
  f.answers["podman volume export far"] =
      exited(125, "", "Error: cannot use command \"podman volume export\" with the remote podman client\n");
  BOOST_CHECK_THROW(f.observer.in_volume(f.record, "far", "f"), StepFault);
}

BOOST_AUTO_TEST_CASE(podman_never_reads_by_cp) {
  // Podman 4.3's `cp` gives every entry the caller's uid and follows a final symlink
  const Cli cli(*find_dialect("podman"), "podman");
  FakeProcessRunner runner;
  RuntimeCalls calls(cli, runner, std::chrono::seconds(1));
  FakeHostFiles files;
  Ledger ledger;
  BOOST_CHECK_THROW(RuntimeObserver(calls, files, ledger, {"h-", "l=1", "img"}, RuntimeReads::Copy), std::invalid_argument);
  BOOST_TEST((runtime_reads_for(*find_dialect("docker")) == RuntimeReads::Copy));
}

BOOST_AUTO_TEST_CASE(a_layer_is_read_where_the_container_changed_it) {
  Fixture f;
  f.answers["docker container inspect --format {{.Id}} c"] = exited(0, kId + "\n");
  f.answers["docker container diff " + kId] = exited(0, "C /home\nA /home/test.txt\nC /etc\nD /etc/group\n");
  f.answers["docker cp " + kId + ":/home/test.txt -"] = exited(0, TarBuilder().file("test.txt", "hello", 1234).archive());
  const std::string layer = f.observer.layer_of(f.record, "c");
  BOOST_TEST(layer == "container:c@" + kId);
  const Observed o = f.observer.in_folder(f.record, layer, "home/test.txt");
  BOOST_TEST(o.content == "hello");
  BOOST_TEST(o.uid == 1234u);
  const auto calls = f.lines().size();
  BOOST_TEST(!f.observer.in_folder(f.record, layer, "etc/passwd").present);  // the image's, not the layer's
  BOOST_TEST(!f.observer.in_folder(f.record, layer, "etc/group").present);   // deleted in the layer
  BOOST_TEST(f.lines().size() == calls + 2);                                 // a diff each, no cp
}

BOOST_AUTO_TEST_CASE(a_layer_is_gone_when_its_container_is_gone) {
  Fixture f;
  f.answers["docker container inspect --format {{.Id}} c"] = exited(0, kId + "\n");
  const std::string layer = f.observer.layer_of(f.record, "c");
  f.answers["docker container diff " + kId] = exited(1, "", "Error response from daemon: No such container: " + kId + "\n");
  f.answers["docker container inspect --format {{.Id}} " + kId] = exited(1, "", "Error: No such container: " + kId + "\n");
  BOOST_TEST(!f.observer.in_folder(f.record, layer, "home/test.txt").present);
  BOOST_TEST(f.lines().back() == "docker container inspect --format {{.Id}} " + kId);
  // diff fails while the container is there: no verdict
  f.answers["docker container inspect --format {{.Id}} " + kId] = exited(0, kId + "\n");
  BOOST_CHECK_THROW(f.observer.in_folder(f.record, layer, "home/test.txt"), StepFault);
}

BOOST_AUTO_TEST_CASE(no_layer_for_a_container_that_is_not_there) {
  Fixture f;
  f.answers["docker container inspect --format {{.Id}} c"] = exited(1, "", "Error: No such container: c\n");
  BOOST_CHECK_THROW(f.observer.layer_of(f.record, "c"), StepRefused);
}

BOOST_AUTO_TEST_CASE(podman_reads_a_layer_from_the_container_export) {
  Fixture f("podman");
  f.answers["podman container inspect --format {{.Id}} c"] = exited(0, kId + "\n");
  f.answers["podman container diff " + kId] = exited(0, "C /home\nA /home/test.txt\n");
  f.answers["podman export " + kId] =
      exited(0, TarBuilder().folder("bin").folder("home").file("home/test.txt", "hello", 1234).archive());
  const Observed o = f.observer.in_folder(f.record, f.observer.layer_of(f.record, "c"), "/home/test.txt");
  BOOST_TEST(o.content == "hello");
  BOOST_TEST(o.uid == 1234u);
  BOOST_TEST(f.lines().back() == "podman export " + kId);
}

BOOST_AUTO_TEST_CASE(host_folders_and_containers_are_read_as_the_host_observer_does) {
  Fixture f;
  f.files.owner = 42;
  f.files.write("/tmp/home/f", "on the host");
  const Observed o = f.observer.in_folder(f.record, "/tmp/home", "f");
  BOOST_TEST(o.content == "on the host");
  BOOST_TEST(o.uid == 42u);
  BOOST_TEST(f.lines().empty());
  f.answers["docker exec c sh -c test -e \"$1\" || test -L \"$1\" || exit 3; cat -- \"$1\" probe /f"] = exited(3);
  BOOST_TEST(!f.observer.in_container(f.record, "c", "/f").present);
}

BOOST_AUTO_TEST_SUITE_END()

// Against the real runtime named by HARNESS_OBSERVER_RUNTIME (docker or podman), with the
// fixture image: tests/integration/runtime_observer.sh runs it. Disabled in a plain run.
namespace {

struct Real {
  explicit Real(const std::string& runtime)
      : cli(*find_dialect(runtime), find_on_path(runtime)),
        calls(cli, runner, std::chrono::seconds(60)),
        tag("obs" + std::to_string(::getpid())),
        volume("harness-" + tag + "-vol"),
        container("harness-" + tag + "-c"),
        observer(calls, files, ledger, {"harness-" + tag + "-look", "harness.run=" + tag, image}) {}
  ~Real() {
    run({"rm", "--force", "--volumes", container});
    if (!ledger.containers().empty()) run(cli.remove_containers(ledger.containers(), true));
    run({"volume", "rm", "--force", volume, volume + "-missing"});
  }
  ProcessResult run(Argv words) {
    if (words.front() != cli.executable()) words.insert(words.begin(), cli.executable());
    return runner.run(words, "", std::chrono::seconds(60));
  }
  bool exists(const Argv& query) { return !first_line(run(query).out).empty(); }

  const std::string image = "harness-busybox:1";
  Cli cli;
  RealProcessRunner runner;
  RuntimeCalls calls;
  RealHostFiles files;
  Ledger ledger;
  std::string tag, volume, container;
  RuntimeObserver observer;
  StepRecord record;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(runtime_observer_real)

BOOST_AUTO_TEST_CASE(real_runtime, *boost::unit_test::disabled()) {
  const char* runtime = std::getenv("HARNESS_OBSERVER_RUNTIME");
  BOOST_REQUIRE_MESSAGE(runtime, "set HARNESS_OBSERVER_RUNTIME to docker or podman");
  Real r(runtime);
  BOOST_TEST_MESSAGE("reading through " << runtime << " (" << r.cli.executable() << ")");
  BOOST_REQUIRE(r.run({"volume", "create", "--label", "harness.run=" + r.tag, r.volume}).ok());
  const auto made = r.run({"run", "--rm", "--network", "none", "--volume", r.volume + ":/v", r.image, "sh", "-c",
                           "echo hi > /v/f; chown 1234 /v/f; mkdir /v/d; echo deep > /v/d/g; ln -s /etc /v/l"});
  BOOST_REQUIRE_MESSAGE(made.ok(), made.err);

  BOOST_TEST(!r.observer.in_volume(r.record, r.volume, "nope").present);  // first: the volume's root is read too
  const Observed f = r.observer.in_volume(r.record, r.volume, "f");
  BOOST_TEST(f.present);
  BOOST_TEST(f.content == "hi\n");
  BOOST_TEST(f.uid == 1234u);
  BOOST_TEST(r.observer.in_volume(r.record, r.volume, "d/g").content == "deep\n");
  BOOST_TEST(!r.observer.in_volume(r.record, r.volume, "d/nope").present);
  BOOST_TEST(r.observer.in_volume(r.record, r.volume, "l").content == "(a symlink, not followed)");
  BOOST_CHECK_THROW(r.observer.in_volume(r.record, r.volume, "l/passwd"), StepFault);
  BOOST_CHECK_THROW(r.observer.in_volume(r.record, r.volume + "-missing", "f"), StepRefused);
  BOOST_TEST(!r.exists(r.cli.volumes_named(r.volume + "-missing")));  // looking made no volume

  // helpers hold the volume until forget(); then `volume rm` (as a scenario's next action) works
  r.observer.forget();
  BOOST_TEST(!r.exists(r.cli.containers_named("harness-" + r.tag + "-look")));
  BOOST_TEST(r.ledger.containers().empty());
  for (const auto& c : r.observer.take_removals()) BOOST_TEST(c.result.ok());
  BOOST_TEST(r.run({"volume", "rm", r.volume}).ok());

  // a container's writable layer: what it wrote, not its image's files; gone with it
  BOOST_REQUIRE(r.run({"run", "--detach", "--name", r.container, "--network", "none", r.image}).ok());
  BOOST_REQUIRE(r.run({"exec", r.container, "sh", "-c", "echo layer > /home/test.txt; chown 1234 /home/test.txt"}).ok());
  const std::string layer = r.observer.layer_of(r.record, r.container);
  const Observed l = r.observer.in_folder(r.record, layer, "home/test.txt");
  BOOST_TEST(l.content == "layer\n");
  BOOST_TEST(l.uid == 1234u);
  BOOST_TEST(!r.observer.in_folder(r.record, layer, "etc/passwd").present);
  BOOST_REQUIRE(r.run({"rm", "--force", r.container}).ok());
  BOOST_TEST(!r.observer.in_folder(r.record, layer, "home/test.txt").present);

  for (const auto& c : r.record.commands) BOOST_TEST_MESSAGE("  $ " << join(c.argv, " ") << "  -> exit " << c.result.exit_code);
}

BOOST_AUTO_TEST_SUITE_END()
