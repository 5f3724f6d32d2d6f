// The mutants' rows and their rewriting engine: argv in, plan out, for the calls the
// harness makes (as cli_dialect writes them) and a few a person types.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <set>

#include "cli_dialect.hpp"
#include "fake_host_files.hpp"
#include "mutant_plan.hpp"
#include "mutants.hpp"
#include "text.hpp"

using namespace harness;

namespace {

std::string line(const Argv& argv) { return join(argv, " "); }

// The plan as text: one line per action, then what is printed and the exit code.
std::string shown(const MutantPlan& p) {
  if (!p.applies) return "(unchanged)";
  std::string out;
  for (const auto& a : p.actions) {
    switch (a.kind) {
      case MutantAction::Kind::Call: out += "call " + line(a.args) + "\n"; break;
      case MutantAction::Kind::Main: out += "main " + line(a.args) + "\n"; break;
      case MutantAction::Kind::EmptyFolder: out += "empty " + a.path + "\n"; break;
      case MutantAction::Kind::WriteFile: out += "write " + a.path + "\n" + a.text; break;
    }
  }
  for (const auto& undo : p.undo) out += "undo " + line(undo) + "\n";
  if (!p.print.empty()) out += "print " + p.print;
  if (!p.error.empty()) out += "error " + p.error;
  if (p.exit_code) out += "exit " + std::to_string(p.exit_code) + "\n";
  return out;
}

FakeHostFiles no_files;

std::string plan(const std::string& mutant, const std::string& call, const std::string& cli = "docker") {
  const Mutant* m = find_mutant(mutant);
  BOOST_REQUIRE_MESSAGE(m, "no mutant " << mutant);
  Argv args;
  std::string word;
  for (std::istringstream in(call); in >> word;) args.push_back(word);
  return shown(plan_call(*m, cli, args, no_files));
}

const std::string kBindRun =
    "run --name harness-1-0-my_alpine --network none --rm --label harness.run=1 --volume /tmp/home:/home/my_folder "
    "harness-busybox:1 sh -c true";

}  // namespace

BOOST_AUTO_TEST_SUITE(mutant_plan)

BOOST_AUTO_TEST_CASE(every_row_is_well_formed) {
  std::set<std::string> names;
  for (const auto& m : mutants()) {
    BOOST_TEST_CONTEXT(m.name) {
      BOOST_TEST(names.insert(m.name).second, "a name used twice");
      BOOST_TEST(!m.description.empty());
      BOOST_TEST(m.description.find('\n') == std::string::npos);
      BOOST_TEST(!m.verbs.empty());
      BOOST_TEST(!m.aims_at.empty());
    }
  }
  BOOST_TEST(find_mutant("no-such") == nullptr);
  BOOST_TEST(line(wrapped_cli_names()) == "docker docker-compose podman podman-compose");
}

BOOST_AUTO_TEST_CASE(a_call_the_row_does_not_name_is_left_alone) {
  BOOST_TEST(plan("idle-stop", "start harness-1-0-kept") == "(unchanged)");
  BOOST_TEST(plan("idle-stop", "stop harness-1-0-kept", "docker-compose") == "(unchanged)");  // not the runtime CLI
  BOOST_TEST(plan("compose-down-removes-volumes", "down") == "(unchanged)");                  // docker down: no such call
  BOOST_TEST(plan("drop-readonly", kBindRun) == "(unchanged)");                               // nothing read-only
}

BOOST_AUTO_TEST_CASE(idle_stop_prints_the_names_and_stops_nothing) {
  BOOST_TEST(plan("idle-stop", "stop harness-1-0-kept") == "print harness-1-0-kept\n");
  BOOST_TEST(plan("idle-stop", "stop -t 0 a b", "podman") == "print a\nb\n");
}

BOOST_AUTO_TEST_CASE(drop_readonly_drops_only_read_only_mounts) {
  BOOST_TEST(plan("drop-readonly",
                  "run --name n --rm --volume /tmp/h:/home/my_folder:ro --mount type=volume,src=v,dst=/ro,ro "
                  "--mount type=volume,src=v,dst=/rw --mount \"type=bind,src=/a,b\",dst=/x,readonly=true img sh") ==
             "main run --name n --rm --mount type=volume,src=v,dst=/rw img sh\n");
}

BOOST_AUTO_TEST_CASE(drop_chown_drops_only_the_mounts_chowned_to_the_user) {
  BOOST_TEST(plan("drop-chown",
                  "run --name n --rm --user 1234 --volume v:/given:U --volume w:/w:ro --mount type=volume,src=x,dst=/x,U=true "
                  "--mount type=volume,src=y,dst=/y img sh",
                  "podman") == "main run --name n --rm --user 1234 --volume w:/w:ro --mount type=volume,src=y,dst=/y img sh\n");
  BOOST_TEST(plan("drop-chown", "run --name n --volume v:/p img true", "podman") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(drop_userns_drops_keep_id_in_either_spelling) {
  BOOST_TEST(plan("drop-userns", "run --name n --rm --userns keep-id img true", "podman") == "main run --name n --rm img true\n");
  BOOST_TEST(plan("drop-userns", "create --userns=keep-id --name n img", "podman") == "main create --name n img\n");
  BOOST_TEST(plan("drop-userns", "run --name n img true", "podman") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(ignore_rm_takes_the_tutorials_container_run_too) {
  BOOST_TEST(plan("ignore-rm", "container run --rm --name n -it img sh") == "main container run --name n -it img sh\n");
}

BOOST_AUTO_TEST_CASE(drop_mounts_keeps_the_command_even_when_it_looks_like_an_option) {
  BOOST_TEST(plan("drop-mounts", "run --name n -v a:/a --mount type=tmpfs,dst=/t img sh -c --volume") ==
             "main run --name n img sh -c --volume\n");
}

BOOST_AUTO_TEST_CASE(ignore_rm_drops_rm_from_the_options_only) {
  BOOST_TEST(plan("ignore-rm", "run --name n --rm img rm --rm") == "main run --name n img rm --rm\n");
  BOOST_TEST(plan("ignore-rm", "run --name n img") == "(unchanged)");
  BOOST_TEST(plan("ignore-rm", "run --name n --rm -v v:/p img") == "(unchanged)");
}

// What the harness makes for a target (harness-<run>-t<K>-...) is never mutated: the probe,
// and the network anchor, whose loss would fail every claim; the scenarios' containers that
// join the anchor are.
BOOST_AUTO_TEST_CASE(the_targets_own_containers_are_never_mutated) {
  BOOST_TEST(plan("ignore-rm", "run --name harness-1a2b3c4d-t0-probe --rm img sh") == "(unchanged)");
  BOOST_TEST(plan("idle-rm", "rm --force harness-1a2b3c4d-t1-probe") == "(unchanged)");
  BOOST_TEST(plan("idle-rm", "rm --force harness-1a2b3c4d-0-probe") == "print harness-1a2b3c4d-0-probe\n");
  BOOST_TEST(plan("ignore-rm", "run --name harness-1a2b3c4d-0-c --network container:harness-1a2b3c4d-t0-probe --rm img") ==
             "main run --name harness-1a2b3c4d-0-c --network container:harness-1a2b3c4d-t0-probe img\n");
}

BOOST_AUTO_TEST_CASE(idle_rm_leaves_the_cleanup_alone) {
  BOOST_TEST(plan("idle-rm", "rm --force harness-1-0-kept") == "print harness-1-0-kept\n");
  BOOST_TEST(plan("idle-rm", "rm --force --volumes harness-1-0-kept harness-1-0-x") == "(unchanged)");
  BOOST_TEST(plan("idle-rm", "rm -f -v harness-1-0-kept") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(volume_ls_is_empty_unless_filtered) {
  BOOST_TEST(plan("volume-ls-empty", "volume ls --quiet") == "");
  BOOST_TEST(plan("volume-ls-empty", "volume ls --quiet --filter name=harness-1-") == "(unchanged)");
}

// VOL-11: rm -v that keeps the anonymous volumes; the cleanup's rm --force --volumes loses
// its --volumes too (the volumes it would miss are those find-volume named: the run removes them)
BOOST_AUTO_TEST_CASE(rm_v_keeps_anonymous_drops_volumes_in_either_spelling) {
  BOOST_TEST(plan("rm-v-keeps-anonymous", "rm --force --volumes harness-1-0-img") == "main rm --force harness-1-0-img\n");
  BOOST_TEST(plan("rm-v-keeps-anonymous", "container rm -v n", "podman") == "main container rm n\n");
  BOOST_TEST(plan("rm-v-keeps-anonymous", "rm --force harness-1-0-kept") == "(unchanged)");
}

// VOL-1/literal-inspect: the tutorial's `volume inspect NAME`; the harness's own inspects all have --format
BOOST_AUTO_TEST_CASE(volume_inspect_prints_an_empty_list_unless_formatted) {
  BOOST_TEST(plan("volume-inspect-empty", "volume inspect harness-1-0-my_volume") == "print []\n");
  BOOST_TEST(plan("volume-inspect-empty", "volume inspect --format {{.Mountpoint}} harness-1-0-my_volume") == "(unchanged)");
  BOOST_TEST(plan("volume-inspect-empty", "volume inspect -f {{.Name}} v", "podman") == "(unchanged)");
}

// VOL-10: the image's VOLUMEs, as the runtime tells them
std::string plan_with_image(const std::string& mutant, const std::string& call, const std::string& cli,
                            std::optional<std::vector<std::string>> paths) {
  Argv args;
  std::string word;
  for (std::istringstream in(call); in >> word;) args.push_back(word);
  std::string asked;
  const MutantPlan p = plan_call(*find_mutant(mutant), cli, args, no_files, [&](const std::string& c, const std::string& image) {
    asked += c + " " + image + "\n";
    return paths;
  });
  return asked + shown(p);
}

BOOST_AUTO_TEST_CASE(image_volumes_empty_mounts_an_empty_volume_on_each_path_not_mounted_already) {
  const std::string run = "run -d --name n --network none --mount type=volume,src=v,dst=/given img sh";
  BOOST_TEST(plan_with_image("image-volumes-empty", run, "docker", std::vector<std::string>{"/srv/owned", "/given"}) ==
             "docker img\n"
             "main run -d --name n --network none --mount type=volume,src=v,dst=/given "
             "--mount type=volume,dst=/srv/owned,volume-nocopy img sh\n");
  BOOST_TEST(plan_with_image("image-volumes-empty", run, "docker", std::vector<std::string>{"/given"}) ==
             "docker img\n(unchanged)");
  BOOST_TEST(plan_with_image("image-volumes-empty", "create --name n img", "docker", std::vector<std::string>{}) ==
             "docker img\n(unchanged)");
  // it cannot tell (no such image here, or no lookup in a dry run): the call as it is, and it may apply
  BOOST_TEST(plan_with_image("image-volumes-empty", "create --name n img", "docker", std::nullopt) ==
             "docker img\nmain create --name n img\n");
  BOOST_TEST(plan("image-volumes-empty", "create --name n img") == "main create --name n img\n");
  BOOST_TEST(plan_with_image("image-volumes-empty", "create --name n img", "podman", std::vector<std::string>{"/p"}) ==
             "(unchanged)");  // Podman has no volume-nocopy
}

// What the wrapper tells `harness mutate` it changed: not a call it could only pass on as it is
BOOST_AUTO_TEST_CASE(a_plan_changes_the_call_unless_it_makes_it_as_it_is) {
  const Argv create = {"create", "--name", "n", "img"};
  const Mutant& empty = *find_mutant("image-volumes-empty");
  BOOST_TEST(!plan_call(empty, "docker", create, no_files).changes(create));  // it cannot tell
  BOOST_TEST(plan_call(empty, "docker", create, no_files, [](const std::string&, const std::string&) {
               return std::optional<std::vector<std::string>>(std::vector<std::string>{"/p"});
             }).changes(create));
  const Argv stop = {"stop", "x"};
  BOOST_TEST(plan_call(*find_mutant("idle-stop"), "docker", stop, no_files).changes(stop));  // no call at all
  const Argv up = {"-f", "/tmp/p/compose.yaml", "up", "-d"};
  BOOST_TEST(!plan_call(*find_mutant("compose-creates-external"), "docker-compose", up, no_files).changes(up));
}

BOOST_AUTO_TEST_CASE(image_volumes_ignored_adds_its_option_once) {
  BOOST_TEST(plan_with_image("image-volumes-ignored", "run -d --name n img", "podman", std::vector<std::string>{"/a", "/b"}) ==
             "podman img\nmain run -d --name n --image-volume ignore img\n");
  BOOST_TEST(plan_with_image("image-volumes-ignored", "run -d --name n img", "podman", std::vector<std::string>{}) ==
             "podman img\n(unchanged)");
}

BOOST_AUTO_TEST_CASE(image_volume_paths_are_the_answers_lines) {
  BOOST_TEST(line(image_volume_paths("/srv/owned\n/var/lib/x\n\n")) == "/srv/owned /var/lib/x");
  BOOST_TEST(image_volume_paths("\n").empty());
  BOOST_TEST(std::string(kImageVolumesFormat).find(".Config.Volumes") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(volume_create_refuses_name_like_the_cli_refuses_a_flag) {
  BOOST_TEST(plan("volume-create-rejects-name", "volume create --name harness-1-0-as_written") ==
             "error Error: unknown flag: --name\nexit 125\n");
  BOOST_TEST(plan("volume-create-rejects-name", "volume create --label harness.run=1 harness-1-0-v") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(no_autocreate_asks_for_each_named_volume_first) {
  BOOST_TEST(plan("no-autocreate",
                  "run --name n -d --volume database:/data/db --volume /tmp/h:/h --mount type=volume,src=v,dst=/v img") ==
             "call volume inspect --format {{.Name}} database\n"
             "main run --name n -d --volume database:/data/db --volume /tmp/h:/h --mount type=volume,src=v,dst=/v img\n");
  BOOST_TEST(plan("no-autocreate", "run --name n --volume /tmp/h:/h img") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(copy_binds_copies_in_runs_and_copies_back_a_one_shot_run) {
  BOOST_TEST(plan("copy-binds", kBindRun) ==
             "call volume create --label harness.run=1 harness-1-0-my_alpine-copy-0\n"
             "call create --name harness-1-0-my_alpine --network none --label harness.run=1 "
             "--mount type=volume,src=harness-1-0-my_alpine-copy-0,dst=/home/my_folder harness-busybox:1 sh -c true\n"
             "call cp /tmp/home/. harness-1-0-my_alpine:/home/my_folder\n"
             "main start --attach harness-1-0-my_alpine\n"
             "empty /tmp/home\n"
             "call cp harness-1-0-my_alpine:/home/my_folder/. /tmp/home\n"
             "call rm --force --volumes harness-1-0-my_alpine\n"
             "call volume rm --force harness-1-0-my_alpine-copy-0\n"
             "undo rm --force --volumes harness-1-0-my_alpine\n"
             "undo volume rm --force harness-1-0-my_alpine-copy-0\n");
}

BOOST_AUTO_TEST_CASE(copy_binds_starts_a_detached_container_and_leaves_read_only_binds_alone) {
  BOOST_TEST(plan("copy-binds", "run --name n --detach -it --volume /tmp/h:/h:ro --mount type=bind,src=/tmp/w,dst=/w img") ==
             "call volume create n-copy-0\n"
             "call create --name n -t --volume /tmp/h:/h:ro --mount type=volume,src=n-copy-0,dst=/w img\n"
             "call cp /tmp/w/. n:/w\n"
             "main start n\n"
             "undo rm --force --volumes n\n"
             "undo volume rm --force n-copy-0\n");
  BOOST_TEST(plan("copy-binds", "run --name n --volume /tmp/h:/h:ro img") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(private_volume_copies_fill_a_detached_containers_own_volume) {
  BOOST_TEST(plan("private-volume-copies",
                  "run --name n --network none --detach --rm --label harness.run=1 "
                  "--mount type=volume,src=v,dst=/home/my_folder1 img") ==
             "call volume create --label harness.run=1 n-copy-0\n"
             "call create --name n --network none --rm --label harness.run=1 "
             "--mount type=volume,src=n-copy-0,dst=/home/my_folder1 img\n"
             "call run --rm --name n-copy-0-filler --network none --label harness.run=1 "
             "--mount type=volume,src=v,dst=/from,ro --mount type=volume,src=n-copy-0,dst=/to img cp -a /from/. /to/\n"
             "main start n\n"
             "undo rm --force --volumes n\n"
             "undo volume rm --force n-copy-0\n");
  BOOST_TEST(plan("private-volume-copies", "run --name n --rm --mount type=volume,src=v,dst=/p img") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(compose_down_rows_add_or_drop_v_but_never_touch_the_cleanup) {
  const std::string down = "-p harness-1-0-todo -f /tmp/p/compose.yaml down";
  BOOST_TEST(plan("compose-down-removes-volumes", down, "docker-compose") ==
             "main -p harness-1-0-todo -f /tmp/p/compose.yaml down -v\n");
  BOOST_TEST(plan("compose-down-v-keeps-volumes", down + " -v", "podman-compose") ==
             "main -p harness-1-0-todo -f /tmp/p/compose.yaml down\n");
  BOOST_TEST(plan("compose-down-v-keeps-volumes", down + " --volumes --timeout 0", "docker-compose") == "(unchanged)");
  BOOST_TEST(plan("compose-down-removes-volumes", down + " --volumes --timeout 0", "docker-compose") == "(unchanged)");
  // the Compose v2 plugin is the same tool
  BOOST_TEST(plan("compose-down-removes-volumes", "compose -p x down", "docker") == "main compose -p x down -v\n");
}

// CMP-3: a down that leaves the network is `rm --stop --force` (containers only: docker/compose#2896),
// never for down -v nor the cleanup's down --volumes, which must still remove everything.
BOOST_AUTO_TEST_CASE(compose_down_keeps_network_removes_only_the_containers) {
  const std::string down = "-p harness-1-0-todo -f /tmp/p/compose.yaml -f /tmp/p/internal-network.yaml down";
  BOOST_TEST(plan("compose-down-keeps-network", down, "docker-compose") ==
             "main -p harness-1-0-todo -f /tmp/p/compose.yaml -f /tmp/p/internal-network.yaml rm --stop --force\n");
  BOOST_TEST(plan("compose-down-keeps-network", "compose -p x down --remove-orphans", "docker") ==
             "main compose -p x rm --stop --force\n");
  BOOST_TEST(plan("compose-down-keeps-network", down + " -v", "docker-compose") == "(unchanged)");
  BOOST_TEST(plan("compose-down-keeps-network", down + " --volumes --timeout 0", "docker-compose") == "(unchanged)");
  BOOST_TEST(plan("compose-down-keeps-network", "down") == "(unchanged)");  // docker down: no such call
  // podman-compose 1.0.3 has no rm, and its down leaves the network already (CMP-3's declared difference)
  BOOST_TEST(plan("compose-down-keeps-network", down, "podman-compose") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(compose_tmpfs_writes_an_override_for_each_named_volume) {
  FakeHostFiles files;
  files.write("/tmp/p/compose.yaml",
              "version: \"3.7\"\nservices:\n  todo-database:\n    image: x\n    volumes:\n      - database:/data/db\n"
              "      - /host:/h\n  other:\n    volumes:\n      - \"logs:/var/log:ro\"\nvolumes:\n  database:\n");
  const MutantPlan p = plan_call(*find_mutant("compose-tmpfs-over-volume"), "docker-compose",
                                 {"-p", "x", "-f", "/tmp/p/compose.yaml", "-f", "/tmp/p/no-network.yaml", "up", "-d"}, files);
  BOOST_TEST(shown(p) ==
             "write /tmp/p/harness-mutant-tmpfs.yaml\n"
             "# harness mutant compose-tmpfs-over-volume: a tmpfs over each named volume\nversion: \"3.7\"\nservices:\n"
             "  todo-database:\n    volumes:\n      - type: tmpfs\n        target: \"/data/db\"\n"
             "  other:\n    volumes:\n      - type: tmpfs\n        target: \"/var/log\"\n"
             "main -p x -f /tmp/p/compose.yaml -f /tmp/p/no-network.yaml -f /tmp/p/harness-mutant-tmpfs.yaml up -d\n");
}

// CMP-7: up with the external volumes declared the project's own, under their own names
BOOST_AUTO_TEST_CASE(compose_creates_external_declares_each_external_volume_again) {
  FakeHostFiles files;
  files.write("/tmp/p/compose.yaml",
              "version: \"3.7\"\nservices:\n  todo-database:\n    volumes:\n      - absent:/data/db\n"
              "volumes:\n  absent:\n    external: true\n    name: ${HARNESS_PREFIX}absent\n  mine:\n");
  const Argv up = {"-p", "x", "-f", "/tmp/p/compose.yaml", "up", "-d"};
  BOOST_TEST(shown(plan_call(*find_mutant("compose-creates-external"), "docker-compose", up, files)) ==
             "write /tmp/p/harness-mutant-external.yaml\n"
             "# harness mutant: each external volume is the project's own\nversion: \"3.7\"\nvolumes:\n"
             "  absent:\n    name: ${HARNESS_PREFIX}absent\n"
             "main -p x -f /tmp/p/compose.yaml -f /tmp/p/harness-mutant-external.yaml up -d\n");
  BOOST_TEST(shown(plan_call(*find_mutant("compose-creates-external"), "podman-compose", up, files)) == "(unchanged)");
  BOOST_TEST(plan("compose-creates-external", "-p x -f /tmp/p/compose.yaml down -v", "docker-compose") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(compose_files_are_read_for_external_volumes_in_either_form) {
  using Volumes = std::vector<std::pair<std::string, std::string>>;
  BOOST_TEST((compose_external_volumes("volumes:\n  a:\n    external: true\n  b:\n    external:\n      name: old-b\n"
                                       "  c:\n    external: false\n    name: c1\n  d:\nservices:\n  s:\n    external: true\n") ==
              Volumes{{"a", ""}, {"b", "old-b"}}));
  BOOST_TEST((compose_external_volumes("services:\n  s:\n    volumes:\n      - a:/a\n") == Volumes{}));
}

// CMP-6, CMP-1/literal: the project folder's name as docker-compose before 1.21 made it, for
// every call without -p (up, the down of the scenario and of the cleanup), never one with -p
BOOST_AUTO_TEST_CASE(compose_name_strips_dashes_names_a_project_without_p_only) {
  BOOST_TEST(plan("compose-name-strips-dashes", "-f /tmp/h-1/Harness-1a2b-0-Todo.App/compose.yaml up -d", "docker-compose") ==
             "main -f /tmp/h-1/Harness-1a2b-0-Todo.App/compose.yaml -p harness1a2b0todoapp up -d\n");
  BOOST_TEST(plan("compose-name-strips-dashes", "compose --project-directory /tmp/My_App/ -f /x/c.yaml down --volumes",
                  "docker") == "main compose --project-directory /tmp/My_App/ -f /x/c.yaml -p myapp down --volumes\n");
  BOOST_TEST(plan("compose-name-strips-dashes", "-p harness-1-0-todo -f /tmp/p/compose.yaml up -d", "docker-compose") ==
             "(unchanged)");
  BOOST_TEST(plan("compose-name-strips-dashes", "up -d", "docker-compose") == "(unchanged)");  // its folder is the cwd
  BOOST_TEST(plan("compose-name-strips-dashes", "-f /tmp/p/compose.yaml version", "docker-compose") == "(unchanged)");
  BOOST_TEST(plan("compose-name-strips-dashes", "-f /tmp/p/compose.yaml up -d", "podman-compose") == "(unchanged)");
}

BOOST_AUTO_TEST_CASE(compose_files_are_read_for_named_volumes_only) {
  using Targets = std::vector<std::pair<std::string, std::string>>;
  BOOST_TEST((compose_named_volume_targets("services:\n  a:\n    volumes:\n      - ./here:/x\n      - /abs:/y\n") == Targets{}));
  BOOST_TEST((compose_named_volume_targets("volumes:\n  - v:/not-a-service\n") == Targets{}));
  BOOST_TEST(
      (compose_named_volume_targets("services:\n    db:\n        volumes:\n            - 'data:/d'\n") == Targets{{"db", "/d"}}));
}

BOOST_AUTO_TEST_CASE(applies_reads_the_cli_from_argv0) {
  BOOST_TEST(mutant_applies(*find_mutant("idle-stop"), {"/usr/bin/docker", "stop", "x"}, no_files));
  BOOST_TEST(!mutant_applies(*find_mutant("idle-stop"), {"/usr/bin/docker", "start", "x"}, no_files));
  BOOST_TEST(mutant_applies(*find_mutant("compose-down-removes-volumes"), {"/usr/bin/docker-compose", "down"}, no_files));
  // the image's VOLUMEs are asked of the CLI the dry run names
  std::string asked;
  const auto none = [&](const std::string& cli, const std::string& image) {
    asked += cli + " " + image;
    return std::optional<std::vector<std::string>>(std::vector<std::string>{});
  };
  BOOST_TEST(!mutant_applies(*find_mutant("image-volumes-empty"), {"/usr/local/bin/docker", "run", "img"}, no_files, none));
  BOOST_TEST(asked == "/usr/local/bin/docker img");
}

BOOST_AUTO_TEST_SUITE_END()
