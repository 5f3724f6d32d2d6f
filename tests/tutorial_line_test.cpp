// The tutorial-line allowlist: every escape attempt refused with its own message, however
// it is spelled; the forms the tutorials use read into their values; and every tutorial
// line of scenarios/*.xml allowed.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <pugixml.hpp>
#include <chrono>
#include <sstream>
#include <string>
#include <vector>

#include "tutorial_line.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

// The line split on white space, as the loader splits it.
std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string error_of(const std::string& line) {
  const auto r = parse_tutorial_line(words(line));
  return r.line ? "(allowed)" : r.error;
}

TutorialLine allowed(const std::string& line) {
  const auto r = parse_tutorial_line(words(line));
  BOOST_TEST_REQUIRE(!!r.line, line << ": " << r.error);
  BOOST_TEST(r.error.empty());
  return *r.line;
}

const std::string kOwn = "a tutorial line may mount only its own volume ({volume}), not '";
const std::string kOwnEnd = "': write the step with <run> and <mount>";
const std::string kNot = "a tutorial line may not use ";
const std::string kRun = "run --name {container} ";  // a run line that is fine so far

struct Attempt {
  std::string line;
  std::string message;
};

const std::vector<Attempt> kEscapes = {
    // issue 17's forms: a short option with an attached value, a bind through a volume driver
    {"run --rm -v/:/h --name {container} harness-busybox:1 cat /h/etc/hostname", kOwn + "/:/h" + kOwnEnd},
    {"volume create --opt type=none --opt o=bind --opt device=/etc {volume}", kNot + "--opt"},
    // a host path mounted, however the option is spelled
    {kRun + "-v /:/h {image}", kOwn + "/:/h" + kOwnEnd},
    {kRun + "-v=/:/h {image}", kOwn + "/:/h" + kOwnEnd},
    {kRun + "-itv/:/h {image}", kOwn + "/:/h" + kOwnEnd},
    {kRun + "-itv /etc:/h {image}", kOwn + "/etc:/h" + kOwnEnd},
    {kRun + "--volume=/:/h {image}", kOwn + "/:/h" + kOwnEnd},
    {kRun + "--volume /var/run/docker.sock:/s {image}", kOwn + "/var/run/docker.sock:/s" + kOwnEnd},
    {kRun + "-v my_volume:/d {image}", kOwn + "my_volume:/d" + kOwnEnd},
    {kRun + "-v {volume}x:/d {image}", kOwn + "{volume}x:/d" + kOwnEnd},
    {kRun + "--mount=type=bind,src=/,dst=/h {image}", kOwn + "type=bind,src=/,dst=/h" + kOwnEnd},
    {kRun + "--mount type=bind,source={volume},target=/h {image}", kOwn + "type=bind,source={volume},target=/h" + kOwnEnd},
    {kRun + "--mount type=volume,src=/etc,dst=/h {image}", kOwn + "type=volume,src=/etc,dst=/h" + kOwnEnd},
    {kRun + "--mount src={volume},dst=/h {image}", kOwn + "src={volume},dst=/h" + kOwnEnd},  // Docker's default type
    {kRun + "--mount type=tmpfs,dst=/h {image}", kOwn + "type=tmpfs,dst=/h" + kOwnEnd},
    // driver options, whatever they are called
    {kRun + "--mount type=volume,src={volume},dst=/d,volume-opt=device=/etc {image}", kNot + "'volume-opt' in --mount"},
    {kRun + "--mount type=volume,src={volume},dst=/d,volume-driver=local {image}", kNot + "'volume-driver' in --mount"},
    {kRun + "--mount type=volume,src={volume},dst=/d,bind-propagation=rshared {image}", kNot + "'bind-propagation' in --mount"},
    {kRun + "--mount \"type=volume,src={volume},dst=/d\" {image}", kNot + "'\"type' in --mount"},
    {kRun + "--mount type=volume,,src={volume},dst=/d {image}", kNot + "an empty field in --mount"},
    {kRun + "--mount type=volume,src={volume},dst=/d,readonly=false {image}",
     kNot + "'readonly=false' in --mount: readonly takes no value"},
    {kRun + "--mount type,src={volume},dst=/d {image}", kNot + "'type' in --mount: write type=..."},
    {kRun + "--mount type=volume,src={volume},dst=/d,dst=/e {image}", "a tutorial line gives 'dst' twice in --mount"},
    {kRun + "--mount type=volume,src={volume},target=/d,destination=/e {image}",
     "a tutorial line gives 'destination' twice in --mount"},
    {kRun + "--mount type=volume,src={volume} {image}", "--mount type=volume,src={volume} needs dst=, the path in the container"},
    {kRun + "--volume-driver local -v {volume}:/d {image}", kNot + "--volume-driver"},
    {kRun + "--volumes-from other {image}", kNot + "--volumes-from"},
    // the mount's target and mode
    {kRun + "-v {volume} {image}", "-v {volume} needs the path in the container: {volume}:/path"},
    {kRun + "-v {volume}:d {image}",
     "a tutorial line mounts its volume at an absolute path of letters, digits, '.', '_', '-' and '/', not 'd'"},
    {kRun + "-v {volume}:/d/{container} {image}",
     "a tutorial line mounts its volume at an absolute path of letters, digits, '.', '_', '-' and '/', not '/d/{container}'"},
    {kRun + "--mount type=volume,src={volume},dst=/d:/e {image}",
     "a tutorial line mounts its volume at an absolute path of letters, digits, '.', '_', '-' and '/', not '/d:/e'"},
    {kRun + "-v {volume}:/d:rw {image}", "a tutorial line mounts its volume read-write or with :ro, not with :rw"},
    {kRun + "-v {volume}:/d:ro,nocopy {image}", "a tutorial line mounts its volume read-write or with :ro, not with :ro,nocopy"},
    {kRun + "-v {volume}:/d:z {image}", "a tutorial line mounts its volume read-write or with :ro, not with :z"},
    {kRun + "-v {volume}:/a:/b:ro {image}", "a tutorial line mounts its volume read-write or with :ro, not with :/b:ro"},
    // privileges and namespaces of the host
    {kRun + "--privileged {image}", kNot + "--privileged"},
    {kRun + "--privileged=true {image}", kNot + "--privileged"},
    {kRun + "--cap-add=ALL {image}", kNot + "--cap-add"},
    {kRun + "--cap-add SYS_ADMIN {image}", kNot + "--cap-add"},
    {kRun + "--security-opt seccomp=unconfined {image}", kNot + "--security-opt"},
    {kRun + "--security-opt=apparmor=unconfined {image}", kNot + "--security-opt"},
    {kRun + "--device /dev/sda {image}", kNot + "--device"},
    {kRun + "--userns=host {image}", kNot + "--userns"},
    {kRun + "--network host {image}", kNot + "--network"},
    {kRun + "--network=host {image}", kNot + "--network"},
    {kRun + "--net=host {image}", kNot + "--net"},
    {kRun + "--pid=host {image}", kNot + "--pid"},
    {kRun + "--ipc=host {image}", kNot + "--ipc"},
    {kRun + "--uts=host {image}", kNot + "--uts"},
    {kRun + "--cgroupns=host {image}", kNot + "--cgroupns"},
    {kRun + "-u 0 {image}", kNot + "-u"},
    {kRun + "-u0 {image}", kNot + "-u (in -u0)"},
    {kRun + "-itu0 {image}", kNot + "-u (in -itu0)"},
    {kRun + "--user=root {image}", kNot + "--user"},
    {kRun + "-p 80:80 {image}", kNot + "-p"},
    {kRun + "-P {image}", kNot + "-P"},
    {kRun + "--label harness.run=other {image}", kNot + "--label"},
    {kRun + "--restart always {image}", kNot + "--restart"},
    {kRun + "--tmpfs /x {image}", kNot + "--tmpfs"},
    // host files read or written by the CLI itself
    {kRun + "--env-file /etc/shadow {image}", kNot + "--env-file"},
    {kRun + "--label-file=/etc/shadow {image}", kNot + "--label-file"},
    {kRun + "--cidfile /etc/cron.d/x {image}", kNot + "--cidfile"},
    {kRun + "-e X=1 {image}", kNot + "-e"},
    // pflag spellings: booleans with values, bad syntax, missing values
    {kRun + "--rm=false {image}", kNot + "--rm=false: --rm takes no value"},
    {kRun + "-d=false {image}", kNot + "-d=false: -d takes no value"},
    {kRun + "-it=x {image}", kNot + "-it=x: -t takes no value"},
    {kRun + "-i= {image}", kNot + "-= (in -i=)"},
    {kRun + "---privileged {image}", kNot + "---privileged"},
    {kRun + "--=x {image}", kNot + "--"},
    {kRun + "-v", "-v needs a value"},
    {kRun + "-itv", "-v needs a value"},
    {"run --name", "--name needs a value"},
    // names: only the run's own, so that the harness removes what a line makes
    {"run --name my_alpine {image}", "a tutorial line names its container {container}, not 'my_alpine'"},
    {"run --name={container}x {image}", "a tutorial line names its container {container}, not '{container}x'"},
    {"run --name {container} --name other {image}", "a tutorial line names its container {container}, not 'other'"},
    {"run --rm {image} true", "a tutorial run needs --name {container}: the harness removes the containers it names"},
    // the image: the run's, or a plain reference, never an option
    {"run --name {container}", "a tutorial run needs an image: {image} (the run's image) or a name like alpine"},
    {"run --name {container} -- --privileged", "'--privileged' is not an image name"},
    {"run --name {container} -- -v/:/h alpine", "'-v/:/h' is not an image name"},
    {"run --name {container} Alpine", "'Alpine' is not an image name"},
    {"run --name {container} {volume}", "'{volume}' is not an image name"},
    // verbs: global options before them, and every other verb
    {"-H tcp://evil:2375 run --name {container} {image}", kNot + "-H"},
    {"--host=unix:///x run --name {container} {image}", kNot + "--host"},
    {"--config /tmp/x volume ls", kNot + "--config"},
    {"exec {container} sh",
     "a tutorial line may run only run, container run, volume create, volume ls, volume inspect or "
     "volume rm, not 'exec'"},
    {"container exec {container} sh",
     "a tutorial line may run only run, container run, volume create, volume ls, volume "
     "inspect or volume rm, not 'container exec'"},
    {"volume prune -f",
     "a tutorial line may run only run, container run, volume create, volume ls, volume inspect or "
     "volume rm, not 'volume prune'"},
    {"volume",
     "a tutorial line may run only run, container run, volume create, volume ls, volume inspect or volume rm, "
     "not 'volume'"},
    {"compose up -d",
     "a tutorial line may run only run, container run, volume create, volume ls, volume inspect or "
     "volume rm, not 'compose'"},
    {"cp /etc/shadow {container}:/x",
     "a tutorial line may run only run, container run, volume create, volume ls, volume "
     "inspect or volume rm, not 'cp'"},
    // volume verbs: no driver, no options, only {volume}, flags after positionals too
    {"volume create --driver local {volume}", kNot + "--driver"},
    {"volume create -d local {volume}", kNot + "-d"},
    {"volume create -o device=/etc {volume}", kNot + "-o"},
    {"volume create --opt=device=/ {volume}", kNot + "--opt"},
    {"volume create {volume} --opt device=/etc", kNot + "--opt"},
    {"volume create {volume} --label x=y", kNot + "--label"},
    {"volume create my_volume", "a tutorial line names its volume {volume}, not 'my_volume'"},
    {"volume create --name other", "a tutorial line names its volume {volume}, not 'other'"},
    {"volume create -- -x", "a tutorial line names its volume {volume}, not '-x'"},
    {"volume create", "volume create in a tutorial line acts on one volume, {volume}"},
    {"volume create --name {volume} {volume}", "volume create in a tutorial line acts on one volume, {volume}"},
    {"volume rm -f {volume}", kNot + "-f"},
    {"volume rm {volume} other", "a tutorial line names its volume {volume}, not 'other'"},
    {"volume rm", "volume rm in a tutorial line acts on one volume, {volume}"},
    {"volume inspect --format {{.Mountpoint}} {volume}", kNot + "--format"},
    {"volume ls --filter name=x", kNot + "--filter"},
    {"volume ls other", "volume ls in a tutorial line takes no argument, not 'other'"},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(tutorial_line)

BOOST_AUTO_TEST_CASE(every_escape_attempt_is_refused_with_its_own_message) {
  for (const auto& attempt : kEscapes) {
    BOOST_TEST_CONTEXT(attempt.line) { BOOST_TEST(error_of(attempt.line) == attempt.message); }
  }
}

BOOST_AUTO_TEST_CASE(no_command_is_refused) { BOOST_TEST(parse_tutorial_line({}).error == "a tutorial line needs a command"); }

BOOST_AUTO_TEST_CASE(a_run_reads_into_its_values) {
  const auto t = allowed("run --rm -it --name {container} -v {volume}:/home/my_folder {image} sh -c ls");
  BOOST_TEST((t.verb == TutorialLine::Verb::Run));
  BOOST_TEST(t.verb_words == 1u);
  BOOST_TEST(t.rm);
  BOOST_TEST(t.interactive);
  BOOST_TEST(t.tty);
  BOOST_TEST(!t.detach);
  BOOST_TEST(t.name == "{container}");
  BOOST_TEST_REQUIRE(t.mounts.size() == 1u);
  BOOST_TEST(t.mounts[0].target == "/home/my_folder");
  BOOST_TEST(!t.mounts[0].read_only);
  BOOST_TEST(t.image == "{image}");
  BOOST_TEST(t.command == (std::vector<std::string>{"sh", "-c", "ls"}));
}

BOOST_AUTO_TEST_CASE(the_allowed_options_in_every_spelling) {
  const auto c = allowed(
      "container run --detach --interactive --tty --name={container} "
      "--mount type=volume,src={volume},dst=/a,readonly --mount=type=volume,source={volume},target=/b "
      "--mount destination=/c,ro,type=volume,src={volume} alpine:3.18");
  BOOST_TEST(c.verb_words == 2u);
  BOOST_TEST((c.detach && c.interactive && c.tty && !c.rm));
  BOOST_TEST_REQUIRE(c.mounts.size() == 3u);
  BOOST_TEST(c.mounts[0].target == "/a");
  BOOST_TEST(c.mounts[0].read_only);
  BOOST_TEST(!c.mounts[1].read_only);
  BOOST_TEST(c.mounts[2].target == "/c");
  BOOST_TEST(c.mounts[2].read_only);
  BOOST_TEST(c.image == "alpine:3.18");
  BOOST_TEST(c.command.empty());

  const auto clustered = allowed("run -itv{volume}:/d:ro --name {container} -dv={volume}:/e --volume={volume}:/f {image}");
  BOOST_TEST((clustered.interactive && clustered.tty && clustered.detach));
  BOOST_TEST_REQUIRE(clustered.mounts.size() == 3u);
  BOOST_TEST(clustered.mounts[0].read_only);
  BOOST_TEST(clustered.mounts[1].target == "/e");
  BOOST_TEST(clustered.mounts[2].target == "/f");
}

BOOST_AUTO_TEST_CASE(after_the_image_every_word_is_the_containers_command) {
  const auto t = allowed("run --name {container} {image} --privileged -v /:/h --network host");
  BOOST_TEST(t.mounts.empty());
  BOOST_TEST(t.command == (std::vector<std::string>{"--privileged", "-v", "/:/h", "--network", "host"}));
  const auto dashed = allowed("run --name {container} -- {image} -x");
  BOOST_TEST(dashed.image == "{image}");
  BOOST_TEST(dashed.command == (std::vector<std::string>{"-x"}));
}

BOOST_AUTO_TEST_CASE(volume_verbs_on_their_own_volume) {
  for (const std::string line : {"volume create --name {volume}", "volume create --name={volume}", "volume create {volume}",
                                 "volume create -- {volume}"}) {
    BOOST_TEST_CONTEXT(line) {
      const auto t = allowed(line);
      BOOST_TEST((t.verb == TutorialLine::Verb::VolumeCreate));
      BOOST_TEST(t.verb_words == 2u);
      BOOST_TEST(t.name == "{volume}");
    }
  }
  BOOST_TEST((allowed("volume ls").verb == TutorialLine::Verb::VolumeList));
  BOOST_TEST(allowed("volume ls").name == "");
  BOOST_TEST((allowed("volume inspect {volume}").verb == TutorialLine::Verb::VolumeInspect));
  BOOST_TEST((allowed("volume rm {volume}").verb == TutorialLine::Verb::VolumeRemove));
}

BOOST_AUTO_TEST_CASE(the_three_compose_lines_of_tutorial_000_and_nothing_else) {
  BOOST_TEST((allowed("docker-compose up -d").verb == TutorialLine::Verb::ComposeUp));
  const TutorialLine down = allowed("docker-compose down");
  BOOST_TEST((down.verb == TutorialLine::Verb::ComposeDown));
  BOOST_TEST(!down.remove_volumes);
  BOOST_TEST(allowed("docker-compose down -v").remove_volumes);
  const std::string refused =
      "a tutorial's Compose line is docker-compose up -d, docker-compose down or docker-compose down -v, as written";
  for (const char* line : {"docker-compose up", "docker-compose -f /etc/x.yaml up -d", "docker-compose up -d -v /:/h",
                           "docker-compose -p other down", "docker-compose down --volumes", "docker-compose exec s sh",
                           "docker-compose", "docker-compose down -v -v"})
    BOOST_TEST(error_of(line) == refused, line);
}

BOOST_AUTO_TEST_CASE(the_look_from_the_host_of_tutorial_001_and_nothing_else) {
  BOOST_TEST((allowed("sudo ls /var/lib/docker/volumes/{volume}/_data").verb == TutorialLine::Verb::HostList));
  BOOST_TEST((allowed("ls /var/lib/docker/volumes/{volume}/_data/").verb == TutorialLine::Verb::HostList));
  const TutorialLine cat = allowed("sudo cat /var/lib/docker/volumes/{volume}/_data/test.txt");
  BOOST_TEST((cat.verb == TutorialLine::Verb::HostCat));
  BOOST_TEST(cat.host_file == "test.txt");
  const std::string refused =
      "a tutorial's look from the host is [sudo] ls /var/lib/docker/volumes/{volume}/_data or [sudo] cat "
      "/var/lib/docker/volumes/{volume}/_data/FILE (a plain file name), as written";
  for (const char* line :
       {"sudo cat /etc/shadow", "sudo ls /", "sudo ls /var/lib/docker/volumes", "cat /var/lib/docker/volumes/{volume}/_data/../x",
        "cat /var/lib/docker/volumes/{volume}/_data/..", "cat /var/lib/docker/volumes/{volume}/_data/a/b",
        "cat /var/lib/docker/volumes/my_volume/_data/test.txt", "sudo ls -la /var/lib/docker/volumes/{volume}/_data",
        "sudo cat /var/lib/docker/volumes/{volume}/_data/a /etc/shadow", "sudo ls"})
    BOOST_TEST(error_of(line) == refused, line);
  BOOST_TEST(error_of("sudo run --rm --name {container} {image}").find("not 'sudo'") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_long_cluster_is_read_in_linear_time) {
  // -iii...it of 1 MiB (the largest scenario file): copying the rest of the word at each
  // letter took 12 s
  const auto start = std::chrono::steady_clock::now();
  const auto t = allowed("run --name {container} -" + std::string(1 << 20, 'i') + "t {image}");
  BOOST_TEST((t.interactive && t.tty));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_TEST(seconds < 1.0);
}

BOOST_AUTO_TEST_CASE(every_tutorial_line_of_the_scenarios_is_allowed) {
  int lines = 0;
  for (const auto& entry : fs::directory_iterator(fs::path(SOURCE_DIR) / "scenarios")) {
    if (entry.path().extension() != ".xml") continue;
    pugi::xml_document doc;
    BOOST_TEST_REQUIRE(!!doc.load_file(entry.path().string().c_str()), entry.path());
    for (const auto& found : doc.select_nodes("//tutorial")) {
      const std::string line = found.node().attribute("line").value();
      BOOST_TEST_CONTEXT(entry.path().filename().string() << ": " << line) {
        const auto r = parse_tutorial_line(words(line));
        BOOST_TEST(!!r.line, r.error);
      }
      ++lines;
    }
  }
  BOOST_TEST(lines > 0);
}

BOOST_AUTO_TEST_CASE(the_harness_options_go_right_after_the_run_verb) {
  const std::vector<std::string> added = {"--label", "harness.run=r1", "--network", "none"};
  BOOST_TEST(with_run_options(words("run --rm --name c img ls"), added) ==
             words("run --label harness.run=r1 --network none --rm --name c img ls"));
  BOOST_TEST(with_run_options(words("container run -d --name c img"), added) ==
             words("container run --label harness.run=r1 --network none -d --name c img"));
  BOOST_TEST(with_run_options(words("volume create --name v"), added) == words("volume create --name v"));
  BOOST_TEST(with_run_options(words("container"), added) == words("container"));
  BOOST_TEST(with_run_options({}, added).empty());
}

BOOST_AUTO_TEST_SUITE_END()
