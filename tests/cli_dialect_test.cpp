#include <boost/test/unit_test.hpp>

#include "cli_dialect.hpp"

using namespace harness;

namespace {
std::string line(const Argv& argv) {
  std::string out;
  for (const auto& a : argv) out += (out.empty() ? "" : " ") + a;
  return out;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(cli_dialect)

BOOST_AUTO_TEST_CASE(run_spells_every_mount_kind_as_the_tutorials_do) {
  Cli cli(*find_dialect("docker"), "/usr/bin/docker");
  RunSpec spec;
  spec.name = "n";
  spec.image = "img";
  spec.rm = true;
  spec.read_only = true;
  spec.mounts = {{Mount::Type::Volume, Mount::Flag::Mount, "v", "/home/my_folder", false},
                 {Mount::Type::Volume, Mount::Flag::Mount, "v", "/ro", true},
                 {Mount::Type::Bind, Mount::Flag::Volume, "/tmp/h", "/home/my_folder", true},
                 {Mount::Type::Bind, Mount::Flag::Mount, "/tmp/h", "/b", false},
                 {Mount::Type::Tmpfs, Mount::Flag::Mount, "", "/t", false},
                 {Mount::Type::VolumesFrom, Mount::Flag::Mount, "first", "", false},
                 {Mount::Type::VolumesFrom, Mount::Flag::Mount, "other", "", true}};
  spec.command = {"cat", "/f"};
  BOOST_TEST(line(cli.run(spec)) ==
             "/usr/bin/docker run --name n --network none --rm --read-only "
             "--mount type=volume,src=v,dst=/home/my_folder --mount type=volume,src=v,dst=/ro,ro "
             "--volume /tmp/h:/home/my_folder:ro --mount type=bind,src=/tmp/h,dst=/b --mount type=tmpfs,dst=/t "
             "--volumes-from first --volumes-from other:ro img cat /f");
}

// --mount is read as one CSV line: a path with a comma, quote or line break is a quoted
// field, so it can add no key (",src=/etc" would bind-mount the host's /etc).
BOOST_AUTO_TEST_CASE(a_mount_path_stays_one_csv_field) {
  Cli cli(*find_dialect("docker"), "docker");
  RunSpec spec;
  spec.name = "n";
  spec.image = "img";
  spec.mounts = {{Mount::Type::Bind, Mount::Flag::Mount, "/tmp/h", "/x,src=/etc", false},
                 {Mount::Type::Bind, Mount::Flag::Mount, "/tmp/h/a\nb", "/say \"hi\" 'there' $(x)", true}};
  const Argv argv = cli.run(spec);
  BOOST_TEST(argv[7] == "type=bind,src=/tmp/h,\"dst=/x,src=/etc\"");
  BOOST_TEST(argv[9] == "type=bind,\"src=/tmp/h/a\nb\",\"dst=/say \"\"hi\"\" 'there' $(x)\",ro");
}

BOOST_AUTO_TEST_CASE(the_table_holds_what_differs) {
  Cli docker(*find_dialect("docker"), "docker");
  Cli podman(*find_dialect("podman"), "podman");
  BOOST_TEST(line(docker.version()) == "docker version --format {{.Server.Version}}");
  BOOST_TEST(line(docker.volume_root()) == "docker info --format {{.DockerRootDir}}");
  BOOST_TEST(line(podman.volume_root()) == "podman info --format {{.Store.VolumePath}}");
  BOOST_TEST(find_dialect("rkt") == nullptr);
}

BOOST_AUTO_TEST_CASE(cleanup_commands_take_many_names_at_once) {
  Cli cli(*find_dialect("docker"), "docker");
  BOOST_TEST(line(cli.remove_containers({"a", "b"})) == "docker rm --force a b");
  BOOST_TEST(line(cli.volume_remove({"a", "b"})) == "docker volume rm --force a b");
}

BOOST_AUTO_TEST_SUITE_END()
