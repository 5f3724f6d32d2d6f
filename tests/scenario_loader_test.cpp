// The scenario loader: every message it can give, word for word with its `file:line:`
// prefix, and the values it builds from a good scenario.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "scenario_loader.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

const std::string kFile = "t.xml";
const std::string kNameRule = " name (lower-case letters, digits, '_', '.', '-'; at most 41)";

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

// The one error loading `text` as t.xml gives, or "(no error)".
std::string error_of(const std::string& text) {
  const LoadResult r = load_scenario_text(kFile, text);
  BOOST_TEST(r.errors.size() <= 1u, "more than one error:\n" << joined(r.errors));
  BOOST_TEST(r.scenarios.empty() == !r.errors.empty(), "a file with an error gives no scenario");
  return r.errors.empty() ? "(no error)" : r.errors.front();
}

// The scenario in `text`, which must load without an error.
Scenario loaded(const std::string& text) {
  const LoadResult r = load_scenario_text(kFile, text);
  BOOST_TEST_REQUIRE(r.errors.empty(), "unexpected errors:\n" << joined(r.errors));
  BOOST_TEST_REQUIRE(r.scenarios.size() == 1u);
  return r.scenarios.front();
}

// A scenario around `steps`: <scenario> is on line 1, <claim id="A-1"> on line 2 and
// <steps> on line 3, so the first line of `steps` is line 4.
std::string with_steps(const std::string& steps) {
  return "<scenario id=\"s\" title=\"t\">\n"
         "<claim id=\"A-1\">a claim</claim>\n"
         "<steps>\n" +
         steps + "</steps>\n</scenario>\n";
}

std::string step_error(const std::string& steps) { return error_of(with_steps(steps)); }

// `mount` inside a <run> on line 4, so the mount is on line 5.
std::string mount_error(const std::string& mount) {
  return step_error("<run container=\"c\" detach=\"true\">\n  " + mount + "\n</run>\n");
}

// A valid scenario file with this id; its root element is on line 2.
std::string scenario_file(const std::string& id) {
  return "<?xml version=\"1.0\"?>\n"
         "<scenario id=\"" +
         id +
         "\" title=\"t\">\n"
         "<claim id=\"A-1\">a claim</claim>\n"
         "<steps><volume-create volume=\"v\"/><expect-volume claim=\"A-1\" volume=\"v\" exists=\"true\"/></steps>\n"
         "</scenario>\n";
}

// A folder of scenario files, removed at the end of the test.
struct TempFolder {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("scenario-loader-%%%%-%%%%-%%%%");

  TempFolder() { fs::create_directories(dir); }
  ~TempFolder() { fs::remove_all(dir); }

  std::string path(const std::string& name) const { return (dir / name).string(); }

  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }

  // A Unix socket: it exists and is no folder, yet even root cannot open it as a file.
  std::string socket(const std::string& name) const {
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::strncpy(address.sun_path, path(name).c_str(), sizeof address.sun_path - 1);
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    BOOST_TEST_REQUIRE(fd >= 0);
    const int bound = ::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address);
    ::close(fd);
    BOOST_TEST_REQUIRE(bound == 0);
    return path(name);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(scenario_loader)

// --- XML syntax ------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(xml_error_names_the_line_where_parsing_stopped) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</clam>
</scenario>
)") == "t.xml:2: XML error: Start-end tags mismatch");
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<steps>
<run container="c detach="true"/>
</steps>
</scenario>
)") == "t.xml:4: XML error: Error parsing element attribute");
}

BOOST_AUTO_TEST_CASE(xml_error_at_end_of_input_is_on_the_last_line) {
  BOOST_TEST(error_of("") == "t.xml:1: XML error: No document element found");
  BOOST_TEST(error_of(R"(<?xml version="1.0"?>
<!-- only a comment -->
)") == "t.xml:2: XML error: No document element found");
}

// --- the <scenario> element ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(root_must_be_scenario) {
  BOOST_TEST(error_of(R"(<?xml version="1.0"?>
<scenarios/>
)") == "t.xml:2: the root element must be <scenario>, not <scenarios>");
}

BOOST_AUTO_TEST_CASE(root_needs_id_and_title) {
  BOOST_TEST(error_of(R"(<?xml version="1.0"?>
<scenario title="t"/>
)") == "t.xml:2: <scenario> needs the attribute 'id'");
  BOOST_TEST(error_of(R"(<scenario id="s"/>)") == "t.xml:1: <scenario> needs the attribute 'title'");
}

BOOST_AUTO_TEST_CASE(unknown_attribute_is_reported_on_the_element_line) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t"
          name="x">
</scenario>
)") == "t.xml:1: unknown attribute 'name' on <scenario> (known: id, title, title-fr, tags, timeout)");
}

BOOST_AUTO_TEST_CASE(scenario_id_is_a_logical_name) {
  BOOST_TEST(error_of(R"(<scenario id="Ephemeral" title="t"/>)") == "t.xml:1: 'Ephemeral' is not a valid scenario id");
}

BOOST_AUTO_TEST_CASE(source_needs_seed_and_section) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<source seed="001.txt"/>
</scenario>
)") == "t.xml:2: <source> needs the attribute 'section'");
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<source seed="001.txt" section="x" page="2"/>
</scenario>
)") == "t.xml:2: unknown attribute 'page' on <source> (known: seed, section)");
}

BOOST_AUTO_TEST_CASE(claim_needs_an_id_like_EPH_1) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim>no id</claim>
</scenario>
)") == "t.xml:2: <claim> needs the attribute 'id'");
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<claim id="eph-1">lower case</claim>
</scenario>
)") == "t.xml:3: 'eph-1' is not a claim ID like EPH-1");
}

BOOST_AUTO_TEST_CASE(claim_id_may_carry_a_suffix) {
  for (const std::string id : {"VOL-1/", "VOL-1/Literal", "VOL-1/a/b", "VOL-1/a b", "VOL-1-literal", "/literal"}) {
    BOOST_TEST_CONTEXT("claim id '" << id << "'") {
      BOOST_TEST(error_of("<scenario id=\"s\" title=\"t\">\n<claim id=\"" + id + "\">x</claim>\n</scenario>\n") ==
                 "t.xml:2: '" + id + "' is not a claim ID like EPH-1");
      BOOST_TEST(step_error("<volume-create volume=\"v\" claim=\"" + id + "\"/>\n") ==
                 "t.xml:4: '" + id + "' is not a claim ID like EPH-1");
    }
  }
  const Scenario sc = loaded(R"(<scenario id="s" title="t">
<claim id="VOL-1">the claim</claim>
<claim id="VOL-1/literal-2">the tutorial's own command</claim>
<steps>
<volume-create volume="v" claim="VOL-1/literal-2"/>
<expect-volume claim="VOL-1" volume="v" exists="true"/>
</steps>
</scenario>
)");
  BOOST_TEST_REQUIRE(sc.claims.size() == 2u);
  BOOST_TEST(sc.claims[1].id == "VOL-1/literal-2");
  BOOST_TEST(sc.steps[0].claim == "VOL-1/literal-2");
}

BOOST_AUTO_TEST_CASE(claim_declared_twice) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<claim id="A-1">the same</claim>
</scenario>
)") == "t.xml:3: claim A-1 is declared twice");
}

BOOST_AUTO_TEST_CASE(only_one_steps) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<steps/>
<steps/>
</scenario>
)") == "t.xml:4: only one <steps> is allowed");
}

BOOST_AUTO_TEST_CASE(unknown_child_of_scenario) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<note>x</note>
</scenario>
)") == "t.xml:3: <note> is not allowed in <scenario> (known: source, claim, steps)");
}

BOOST_AUTO_TEST_CASE(scenario_needs_a_claim_and_steps) {
  BOOST_TEST(error_of(R"(<?xml version="1.0"?>
<scenario id="s" title="t">
<steps/>
</scenario>
)") == "t.xml:2: a scenario checks at least one <claim>");
  BOOST_TEST(error_of(R"(<?xml version="1.0"?>
<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
</scenario>
)") == "t.xml:2: a scenario needs <steps>");
}

BOOST_AUTO_TEST_CASE(claim_without_a_check_is_reported_at_steps) {
  BOOST_TEST(error_of(R"(<scenario id="s" title="t">
<claim id="A-1">a claim</claim>
<claim id="B-2">never checked</claim>
<steps>
<volume-create volume="v"/>
<expect-volume claim="A-1" volume="v" exists="true"/>
</steps>
</scenario>
)") == "t.xml:4: claim B-2 has no check (a step with claim=\"B-2\")");
}

// --- step elements and their attributes ------------------------------------------------

BOOST_AUTO_TEST_CASE(unknown_step) {
  BOOST_TEST(step_error(R"(<copy container="c"/>
)") == "t.xml:4: unknown step <copy> (known: compose-down, compose-project, compose-up, create, exec, expect-container, "
       "expect-file, expect-network, expect-volume, find-layer, find-volume, host-delete, host-dir, host-write, remove, restart, "
       "run, start, "
       "stop, tutorial, volume-create, volume-remove, wait, write)");
}

BOOST_AUTO_TEST_CASE(step_needs_its_attributes) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<write container="c" text="x"/>
)") == "t.xml:5: <write> needs the attribute 'path'");
  BOOST_TEST(step_error(R"(<expect-volume volume="v" exists="true"/>
)") == "t.xml:4: <expect-volume> needs the attribute 'claim'");
}

BOOST_AUTO_TEST_CASE(step_with_an_unknown_attribute) {
  BOOST_TEST(
      step_error(R"(<run container="c" detach="true"/>
<exec container="c" detach="true"/>
)") ==
      "t.xml:5: unknown attribute 'detach' on <exec> (known: container, project, service, user, runtime, note, note-fr, timeout, "
      "when, claim, expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" fresh="true" path="/f" mode="0644"/>
)") == "t.xml:4: unknown attribute 'mode' on <expect-file> (known: claim, path, container, project, service, "
       "volume, host, fresh, text, content, absent, owner-uid, runtime, note, note-fr, timeout, when)");
}

BOOST_AUTO_TEST_CASE(the_checks_that_can_fail_as_root) {
  BOOST_TEST(step_error(R"(<run container="c" user="0" detach="true"/>
)") == "t.xml:4: user must be a uid other than 0, not '0'");
  BOOST_TEST(step_error(R"(<run container="c" user="root" detach="true"/>
)") == "t.xml:4: user must be a uid other than 0, not 'root'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/><expect-container claim="A-1" container="c"/>
)") == "t.xml:4: <expect-container> needs exists or state");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/><expect-container claim="A-1" container="c" state="paused"/>
)") == "t.xml:4: state must be running or stopped, not 'paused'");
  BOOST_TEST(step_error(R"(<host-dir name="h"/><expect-file claim="A-1" host="h" path="f" owner-uid="mapped:x"/>
)") == "t.xml:4: owner-uid must be a number, self or mapped:N, not 'mapped:x'");
  BOOST_TEST(step_error(R"(<host-write host="h" path="f" text="x"/>
)") == "t.xml:4: unknown host folder 'h': no earlier step makes it (<host-dir>)");
  BOOST_TEST(step_error(R"(<host-dir name="h"/><host-delete host="h" path="../f"/>
)")
                 .find("t.xml:4: ") == 0u);
}

BOOST_AUTO_TEST_CASE(booleans_are_true_or_false) {
  BOOST_TEST(step_error(R"(<run container="c" detach="yes"/>
)") == "t.xml:4: attribute 'detach' must be true or false, not 'yes'");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" fresh="1" path="/f"/>
)") == "t.xml:4: attribute 'fresh' must be true or false, not '1'");
}

BOOST_AUTO_TEST_CASE(names_are_logical_names) {
  BOOST_TEST(step_error(R"(<run container="My_Alpine"/>
)") == "t.xml:4: 'My_Alpine' is not a valid container" + kNameRule);
  BOOST_TEST(step_error(R"(<volume-create volume="-v"/>
)") == "t.xml:4: '-v' is not a valid volume" + kNameRule);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" host="my home" path="f"/>
)") == "t.xml:4: 'my home' is not a valid host" + kNameRule);
}

BOOST_AUTO_TEST_CASE(a_name_has_at_most_41_characters) {
  const std::string longest(41, 'v');
  BOOST_TEST(step_error("<volume-create volume=\"" + longest + "v\"/>\n") ==
             "t.xml:4: '" + longest + "v' is not a valid volume" + kNameRule);
  const Scenario sc = loaded(with_steps("<volume-create volume=\"" + longest +
                                        "\"/>\n"
                                        "<expect-volume claim=\"A-1\" volume=\"" +
                                        longest + "\" exists=\"true\"/>\n"));
  BOOST_TEST(sc.steps.front().volume == longest);
}

BOOST_AUTO_TEST_CASE(step_claim_is_a_claim_id) {
  BOOST_TEST(step_error(R"(<volume-create volume="v" claim="a-1"/>
)") == "t.xml:4: 'a-1' is not a claim ID like EPH-1");
}

BOOST_AUTO_TEST_CASE(expect_is_success_or_failure_and_needs_a_claim) {
  BOOST_TEST(step_error(R"(<run container="c" claim="A-1" expect="fails"/>
)") == "t.xml:4: expect must be success or failure, not 'fails'");
  BOOST_TEST(step_error(R"(<run container="c" expect="failure"/>
)") == "t.xml:4: expect=\"failure\" needs the claim it supports");
}

BOOST_AUTO_TEST_CASE(runtime_is_a_comma_separated_list_of_known_runtimes) {
  const std::string known = " (known: docker, podman)";
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime="dokcer"/>
)") == "t.xml:4: unknown runtime 'dokcer'" + known);
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime="docker, podman"/>
)") == "t.xml:4: unknown runtime ' podman'" + known);
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime="docker,"/>
)") == "t.xml:4: unknown runtime ''" + known);
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime=""/>
)") == "t.xml:4: unknown runtime ''" + known);
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime="Docker"/>
)") == "t.xml:4: unknown runtime 'Docker'" + known);
}

BOOST_AUTO_TEST_CASE(runtimes_and_note) {
  const Scenario sc = loaded(with_steps(R"(<volume-create volume="v" runtime="docker,podman"/>
<volume-create volume="w" runtime="podman" note="why podman differs"/>
<expect-volume claim="A-1" volume="v" exists="true"/>
)"));
  const Step& both = sc.steps[0];
  BOOST_TEST(both.runtimes == (std::vector<std::string>{"docker", "podman"}));
  BOOST_TEST(both.note == "");
  BOOST_TEST(both.applies_to("docker"));
  BOOST_TEST(both.applies_to("podman"));
  const Step& one = sc.steps[1];
  BOOST_TEST(one.runtimes == (std::vector<std::string>{"podman"}));
  BOOST_TEST(one.note == "why podman differs");
  BOOST_TEST(!one.applies_to("docker"));
  BOOST_TEST(one.applies_to("podman"));
  const Step& all = sc.steps[2];
  BOOST_TEST(all.runtimes.empty());
  BOOST_TEST(all.note == "");
  BOOST_TEST(all.applies_to("docker"));
  BOOST_TEST(all.applies_to("anything"));
}

BOOST_AUTO_TEST_CASE(note_needs_runtime) {
  BOOST_TEST(step_error(R"(<volume-create volume="v" note="why"/>
)") == "t.xml:4: a note says why a runtime differs: give runtime= too");
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" exists="true" note="why"/>
)") == "t.xml:4: a note says why a runtime differs: give runtime= too");
}

BOOST_AUTO_TEST_CASE(exit_code_and_stdout_need_a_claim) {
  BOOST_TEST(step_error(R"(<run container="c" exit-code="1"/>
)") == "t.xml:4: exit-code needs the claim it supports");
  BOOST_TEST(step_error(R"(<run container="c" stdout-text="x"/>
)") == "t.xml:4: stdout-text needs the claim it supports");
  BOOST_TEST(step_error(R"(<run container="c" stdout-contains="x"/>
)") == "t.xml:4: stdout-contains needs the claim it supports");
}

BOOST_AUTO_TEST_CASE(exit_code_is_a_number_from_0_to_255) {
  for (const std::string code : {"", "-1", "+1", "256", "1x", " 1", "4294967296", "99999999999999999999"}) {
    BOOST_TEST_CONTEXT("exit-code '" << code << "'") {
      BOOST_TEST(step_error("<run container=\"c\" claim=\"A-1\" exit-code=\"" + code + "\"/>\n") ==
                 "t.xml:4: exit-code must be a number from 0 to 255, not '" + code + "'");
    }
  }
  const Scenario sc = loaded(with_steps(R"(<run container="c" rm="true" claim="A-1" exit-code="0"/>
<run container="d" rm="true" claim="A-1" exit-code="255"/>
<run container="e" rm="true" claim="A-1"/>
)"));
  BOOST_TEST((sc.steps[0].exit_code == 0));
  BOOST_TEST((sc.steps[1].exit_code == 255));
  BOOST_TEST(!sc.steps[2].exit_code.has_value());
  BOOST_TEST(!sc.steps[1].expect_failure);
}

BOOST_AUTO_TEST_CASE(exit_code_is_not_given_with_expect) {
  BOOST_TEST(step_error(R"(<run container="c" claim="A-1" expect="failure" exit-code="125"/>
)") == "t.xml:4: give either expect or exit-code, not both");
}

BOOST_AUTO_TEST_CASE(stdout_text_adds_a_newline_stdout_contains_is_exact) {
  const Scenario sc = loaded(with_steps(R"(<run container="c" rm="true" claim="A-1" stdout-text="5000 5000 10000"/>
<run container="d" rm="true" claim="A-1" exit-code="3" stdout-contains=" /scratch tmpfs "/>
<run container="e" rm="true" claim="A-1" stdout-text=""/>
)"));
  BOOST_TEST(sc.steps[0].stdout_text.value_or("(none)") == "5000 5000 10000\n");
  BOOST_TEST(sc.steps[0].stdout_contains == "");
  BOOST_TEST(!sc.steps[1].stdout_text.has_value());
  BOOST_TEST(sc.steps[1].stdout_contains == " /scratch tmpfs ");
  BOOST_TEST((sc.steps[1].exit_code == 3));
  BOOST_TEST(sc.steps[2].stdout_text.value_or("(none)") == "\n");
}

BOOST_AUTO_TEST_CASE(stdout_text_and_stdout_contains_not_both) {
  BOOST_TEST(step_error(R"(<run container="c" claim="A-1" stdout-text="a" stdout-contains="a"/>
)") == "t.xml:4: give either stdout-text or stdout-contains, not both");
}

BOOST_AUTO_TEST_CASE(checks_of_an_action_are_not_on_expect_steps) {
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" exists="true" exit-code="0"/>
)") == "t.xml:4: unknown attribute 'exit-code' on <expect-volume> (known: claim, volume, exists, listed, driver, "
       "mountpoint, runtime, note, note-fr, timeout, when)");
  BOOST_TEST(step_error(R"(<host-dir name="h" claim="A-1"/>
)") == "t.xml:4: unknown attribute 'claim' on <host-dir> (known: name, runtime, note, note-fr, timeout, when)");
}

BOOST_AUTO_TEST_CASE(write_needs_an_absolute_path_and_one_content) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<write container="c" path="/f"/>
)") == "t.xml:5: <write> needs 'text' or 'content'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<write container="c" path="/f" text="a" content="b"/>
)") == "t.xml:5: give either 'text' or 'content', not both");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<write container="c" path="home/test.txt" text="a"/>
)") == "t.xml:5: path 'home/test.txt' must be absolute");
}

// --- child elements of steps -----------------------------------------------------------

BOOST_AUTO_TEST_CASE(children_a_step_does_not_take) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<stop container="c">
  <arg>-t</arg>
</stop>
)") == "t.xml:6: <arg> is not allowed inside <stop>");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<exec container="c">
  <mount type="tmpfs" target="/t"/>
</exec>
)") == "t.xml:6: <mount> is not allowed inside <exec>");
  BOOST_TEST(step_error(R"(<run container="c">
  <file path="a" text="x"/>
</run>
)") == "t.xml:5: <file> is not allowed inside <run>");
}

BOOST_AUTO_TEST_CASE(arg_takes_no_attribute) {
  BOOST_TEST(step_error(R"(<run container="c">
  <arg value="ls"/>
</run>
)") == "t.xml:5: unknown attribute 'value' on <arg> (it takes none)");
}

BOOST_AUTO_TEST_CASE(host_file_needs_a_path_and_one_content) {
  BOOST_TEST(step_error(R"(<host-dir name="home">
  <file text="x"/>
</host-dir>
)") == "t.xml:5: <file> needs the attribute 'path'");
  BOOST_TEST(step_error(R"(<host-dir name="home">
  <file path="a.txt" mode="0644" text="x"/>
</host-dir>
)") == "t.xml:5: unknown attribute 'mode' on <file> (known: path, text, content)");
  BOOST_TEST(step_error(R"(<host-dir name="home">
  <file path="a.txt"/>
</host-dir>
)") == "t.xml:5: <file> needs 'text' or 'content'");
  BOOST_TEST(step_error(R"(<host-dir name="home">
  <file path="a.txt" text="x" content="y"/>
</host-dir>
)") == "t.xml:5: give either 'text' or 'content', not both");
}

BOOST_AUTO_TEST_CASE(host_file_path_stays_inside_its_folder) {
  for (const std::string path : {"/etc/passwd", "../a.txt", "a/../../b.txt", ""}) {
    BOOST_TEST_CONTEXT("path '" << path << "'") {
      BOOST_TEST(step_error("<host-dir name=\"home\">\n  <file path=\"" + path + "\" text=\"x\"/>\n</host-dir>\n") ==
                 "t.xml:5: path '" + path + "' must be relative and stay inside its folder");
    }
  }
}

BOOST_AUTO_TEST_CASE(host_dir_name_is_a_logical_name) {
  BOOST_TEST(step_error(R"(<host-dir name="Home"/>
)") == "t.xml:4: 'Home' is not a valid host folder" + kNameRule);
}

// --- <remove volumes>, <wait>, <find-volume>, <tutorial>, <expect-container> -------------

BOOST_AUTO_TEST_CASE(remove_volumes_is_a_boolean_on_remove_only) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<remove container="c" volumes="yes"/>
)") == "t.xml:5: attribute 'volumes' must be true or false, not 'yes'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<stop container="c" volumes="true"/>
)") == "t.xml:5: unknown attribute 'volumes' on <stop> (known: container, project, service, runtime, note, note-fr, timeout, "
       "when, claim, "
       "expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  const Scenario sc = loaded(with_steps(R"(<run container="c" detach="true"/>
<remove container="c" volumes="true"/>
<run container="c" detach="true"/>
<remove container="c" claim="A-1"/>
)"));
  BOOST_TEST(sc.steps[1].remove_volumes);
  BOOST_TEST(!sc.steps[3].remove_volumes);
}

BOOST_AUTO_TEST_CASE(wait_needs_a_started_container) {
  BOOST_TEST(step_error(R"(<wait/>
)") == "t.xml:4: <wait> needs the attribute 'container' (or project= and service=)");
  BOOST_TEST(step_error(R"(<wait container="c"/>
)") == "t.xml:4: unknown container 'c': no earlier step starts it (<run>)");
  const Scenario sc = loaded(with_steps(R"(<run container="c" detach="true"><arg>true</arg></run>
<wait container="c" claim="A-1" exit-code="0"/>
)"));
  BOOST_TEST((sc.steps[1].kind == StepKind::Wait));
  BOOST_TEST(sc.steps[1].container == "c");
}

BOOST_AUTO_TEST_CASE(find_volume_attributes) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<find-volume container="c" volume="anon"/>
)") == "t.xml:5: <find-volume> needs the attribute 'target'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<find-volume container="c" target="/anon" volume="anon" claim="A-1"/>
)") == "t.xml:5: unknown attribute 'claim' on <find-volume> (known: target, volume, container, project, service, runtime, note, "
       "note-fr, "
       "timeout, when)");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<find-volume container="c" target="anon" volume="anon"/>
)") == "t.xml:5: path 'anon' must be absolute");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<find-volume container="c" target="/anon" volume="Anon"/>
)") == "t.xml:5: 'Anon' is not a valid volume" + kNameRule);
}

BOOST_AUTO_TEST_CASE(find_volume_needs_a_started_container_and_names_the_volume) {
  BOOST_TEST(step_error(R"(<find-volume container="c" target="/anon" volume="anon"/>
)") == "t.xml:4: unknown container 'c': no earlier step starts it (<run>)");
  BOOST_TEST(step_error(R"(<run container="c" rm="true"><mount type="volume" target="/anon"/></run>
<find-volume container="c" target="/anon" volume="anon"/>
)") == "t.xml:5: unknown container 'c': no earlier step starts it (<run>)");
  const Scenario sc = loaded(with_steps(R"(<run container="c" detach="true">
  <mount type="volume" target="/anon"/>
</run>
<find-volume container="c" target="/anon" volume="anon"/>
<remove container="c" volumes="true"/>
<expect-volume claim="A-1" volume="anon" exists="false"/>
)"));
  const Step& find = sc.steps[1];
  BOOST_TEST((find.kind == StepKind::FindVolume));
  BOOST_TEST(find.container == "c");
  BOOST_TEST(find.target == "/anon");
  BOOST_TEST(find.volume == "anon");
  BOOST_TEST(!find.is_check());
}

BOOST_AUTO_TEST_CASE(tutorial_attributes) {
  BOOST_TEST(step_error(R"(<tutorial claim="A-1"/>
)") == "t.xml:4: <tutorial> needs the attribute 'line'");
  BOOST_TEST(step_error(R"(<tutorial line="volume ls"/>
)") == "t.xml:4: <tutorial> needs the attribute 'claim'");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="volume ls" host="h"/>
)") == "t.xml:4: unknown attribute 'host' on <tutorial> (known: claim, line, volume, container, project, runtime, note, note-fr, "
       "timeout, when, expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run alpine">
  <arg>ls</arg>
</tutorial>
)") == "t.xml:5: <arg> is not allowed inside <tutorial>");
}

BOOST_AUTO_TEST_CASE(tutorial_line_needs_a_command) {
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line=""/>
)") == "t.xml:4: a tutorial line needs a command");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="   "/>
)") == "t.xml:4: a tutorial line needs a command");
}

BOOST_AUTO_TEST_CASE(tutorial_placeholders_need_their_attribute) {
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="volume create {volume}"/>
)") == "t.xml:4: {volume} in the line needs volume=");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run --name={container} alpine" volume="v"/>
)") == "t.xml:4: {container} in the line needs container=");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run -v {volume}:/d alpine" container="c"/>
)") == "t.xml:4: {volume} in the line needs volume=");
}

BOOST_AUTO_TEST_CASE(tutorial_args_are_the_line_split_on_spaces) {
  const Scenario sc =
      loaded(with_steps(R"(<tutorial claim="A-1" line="  run  --name {container} -v {volume}:/home/my_folder alpine  "
          volume="my_volume" container="my_alpine" exit-code="0" stdout-contains="hello"/>
)"));
  const Step& t = sc.steps[0];
  BOOST_TEST((t.kind == StepKind::Tutorial));
  BOOST_TEST(t.args == (std::vector<std::string>{"run", "--name", "{container}", "-v", "{volume}:/home/my_folder", "alpine"}));
  BOOST_TEST(t.volume == "my_volume");
  BOOST_TEST(t.container == "my_alpine");
  BOOST_TEST(t.is_check());
  BOOST_TEST((t.exit_code == 0));
  BOOST_TEST(t.stdout_contains == "hello");
}

BOOST_AUTO_TEST_CASE(tutorial_introduces_its_volume_and_container) {
  const Scenario sc =
      loaded(with_steps(R"(<tutorial claim="A-1" line="run -d --name {container} -v {volume}:/d alpine" volume="v" container="c"/>
<exec container="c"><arg>true</arg></exec>
<expect-volume claim="A-1" volume="v" exists="true"/>
<remove container="c"/>
<expect-container claim="A-1" container="c" exists="false"/>
)"));
  BOOST_TEST(sc.steps.size() == 5u);
}

BOOST_AUTO_TEST_CASE(expect_container_attributes) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<expect-container claim="A-1" container="c"/>
)") == "t.xml:5: <expect-container> needs exists or state");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<expect-container claim="A-1" container="c" exists="no"/>
)") == "t.xml:5: attribute 'exists' must be true or false, not 'no'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<expect-container claim="A-1" container="c" exists="true" expect="success"/>
)") == "t.xml:5: unknown attribute 'expect' on <expect-container> (known: claim, container, project, service, "
       "exists, state, runtime, note, note-fr, timeout, when)");
}

BOOST_AUTO_TEST_CASE(expect_container_takes_any_container_ever_started) {
  BOOST_TEST(step_error(R"(<expect-container claim="A-1" container="c" exists="false"/>
)") == "t.xml:4: unknown container 'c': no earlier step starts it (<run>)");
  const Scenario sc = loaded(with_steps(R"(<run container="gone" rm="true"><arg>true</arg></run>
<expect-container claim="A-1" container="gone" exists="false"/>
<run container="kept" detach="true"/>
<expect-container claim="A-1" container="kept" exists="true"/>
<remove container="kept"/>
<expect-container claim="A-1" container="kept" exists="false"/>
)"));
  BOOST_TEST((sc.steps[1].kind == StepKind::ExpectContainer));
  BOOST_TEST(sc.steps[1].container == "gone");
  BOOST_TEST((sc.steps[1].exists == false));
  BOOST_TEST((sc.steps[3].exists == true));
  BOOST_TEST(sc.steps[1].is_check());
}

// --- <mount> ----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(userns_takes_only_keep_id_and_chown_only_a_source) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true" userns="host"/>
)") == "t.xml:4: userns must be keep-id, not 'host'");
  BOOST_TEST(mount_error(R"(<mount type="tmpfs" target="/t" chown="true"/>)") ==
             "t.xml:5: chown (:U) is for a named volume or a bind mount: what it gives the container's user is a source");
  BOOST_TEST(mount_error(R"(<mount type="volume" target="/anon" chown="true"/>)") ==
             "t.xml:5: chown (:U) is for a named volume or a bind mount: what it gives the container's user is a source");
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" target="/v" flag="volume" chown="true"/>)") ==
             "t.xml:3: claim A-1 has no check (a step with claim=\"A-1\")");
}

BOOST_AUTO_TEST_CASE(mount_attributes) {
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v"/>)") == "t.xml:5: <mount> needs the attribute 'target'");
  BOOST_TEST(
      mount_error(R"(<mount type="volume" source="v" target="/d" readonly="true"/>)") ==
      "t.xml:5: unknown attribute 'readonly' on <mount> (known: type, target, source, path, read-only, flag, nocopy, chown)");
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" target="/d" read-only="ro"/>)") ==
             "t.xml:5: attribute 'read-only' must be true or false, not 'ro'");
}

BOOST_AUTO_TEST_CASE(mount_type_is_volume_bind_or_tmpfs) {
  BOOST_TEST(mount_error(R"(<mount type="nfs" source="v" target="/d"/>)") ==
             "t.xml:5: mount type must be volume, bind, tmpfs or volumes-from, not 'nfs'");
}

BOOST_AUTO_TEST_CASE(volumes_from_names_an_earlier_container_and_nothing_else) {
  BOOST_TEST(step_error("<run container=\"a\" detach=\"true\"/>\n<run container=\"c\" detach=\"true\">\n  <mount "
                        "type=\"volumes-from\" source=\"a\" target=\"/d\"/>\n</run>\n") ==
             "t.xml:6: unknown attribute 'target' on <mount> (known: type, source, read-only)");
  BOOST_TEST(mount_error(R"(<mount type="volumes-from" source="ghost"/>)") ==
             "t.xml:4: unknown container 'ghost': no earlier step creates it (<run>, <create>)");
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v"/>)") == "t.xml:5: <mount> needs the attribute 'target'");
}

BOOST_AUTO_TEST_CASE(mount_source) {
  BOOST_TEST(mount_error(R"(<mount type="volume" source="" target="/d"/>)") == "t.xml:5: '' is not a valid source" + kNameRule);
  BOOST_TEST(mount_error(R"(<mount type="bind" target="/d"/>)") == "t.xml:5: '' is not a valid source" + kNameRule);
  BOOST_TEST(mount_error(R"(<mount type="bind" source="Home" target="/d"/>)") ==
             "t.xml:5: 'Home' is not a valid source" + kNameRule);
  BOOST_TEST(mount_error(R"(<mount type="tmpfs" source="v" target="/d"/>)") == "t.xml:5: a tmpfs mount has no source");
}

BOOST_AUTO_TEST_CASE(mount_path_is_for_a_bind_and_relative) {
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" path="a" target="/d"/>)") ==
             "t.xml:5: only a bind mount takes a 'path'");
  BOOST_TEST(mount_error(R"(<mount type="bind" source="home" path="/etc" target="/d"/>)") ==
             "t.xml:5: path '/etc' must be relative and stay inside its folder");
}

BOOST_AUTO_TEST_CASE(mount_target_is_absolute) {
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" target="data"/>)") == "t.xml:5: path 'data' must be absolute");
}

BOOST_AUTO_TEST_CASE(mount_flag) {
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" target="/d" flag="bind"/>)") ==
             "t.xml:5: flag must be mount or volume, not 'bind'");
  BOOST_TEST(mount_error(R"(<mount type="tmpfs" target="/d" flag="volume"/>)") ==
             "t.xml:5: a tmpfs mount is given with flag=\"mount\"");
}

BOOST_AUTO_TEST_CASE(mount_nocopy_is_for_a_volume) {
  BOOST_TEST(mount_error(R"(<mount type="bind" source="home" target="/d" nocopy="true"/>)") ==
             "t.xml:5: only a volume mount takes nocopy");
  BOOST_TEST(mount_error(R"(<mount type="tmpfs" target="/d" nocopy="true"/>)") == "t.xml:5: only a volume mount takes nocopy");
  BOOST_TEST(mount_error(R"(<mount type="volume" source="v" target="/d" nocopy="1"/>)") ==
             "t.xml:5: attribute 'nocopy' must be true or false, not '1'");
  BOOST_TEST(mount_error(R"(<mount type="volume" flag="volume" target="/d" nocopy="true"/>)") ==
             "t.xml:5: an anonymous volume cannot take nocopy with flag=\"volume\" (--volume /p:nocopy: Docker and Podman "
             "refuse it); give it a source, or flag=\"mount\" (Docker only)");
}

BOOST_AUTO_TEST_CASE(volume_mount_without_a_source_is_anonymous) {
  const Scenario sc = loaded(with_steps(R"(<run container="c" detach="true">
  <mount type="volume" target="/anon"/>
  <mount type="volume" target="/quiet" nocopy="true" read-only="true"/>
  <mount type="volume" source="v" target="/named" nocopy="false"/>
  <mount type="tmpfs" target="/tmp"/>
</run>
<expect-volume claim="A-1" volume="v" exists="true"/>
)"));
  const auto& mounts = sc.steps[0].mounts;
  BOOST_TEST_REQUIRE(mounts.size() == 4u);
  BOOST_TEST(mounts[0].anonymous());
  BOOST_TEST(mounts[0].source == "");
  BOOST_TEST(mounts[0].target == "/anon");
  BOOST_TEST(!mounts[0].nocopy);
  BOOST_TEST(mounts[1].anonymous());
  BOOST_TEST((mounts[1].flag == Mount::Flag::Mount));
  BOOST_TEST(mounts[1].nocopy);
  BOOST_TEST(mounts[1].read_only);
  BOOST_TEST(!mounts[2].anonymous());
  BOOST_TEST(mounts[2].source == "v");
  BOOST_TEST(!mounts[2].nocopy);
  BOOST_TEST(!mounts[3].anonymous());  // a tmpfs has no source either, yet is no volume
}

// --- <expect-file> ----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(expect_file_looks_in_exactly_one_place) {
  const std::string message = "t.xml:4: <expect-file> looks in exactly one place: container=, volume=, host= or fresh=\"true\"";
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" path="/f"/>
)") == message);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" fresh="false" path="/f"/>
)") == message);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" container="c" fresh="true" path="/f"/>
)") == message);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" volume="v" host="h" path="f"/>
)") == message);
}

BOOST_AUTO_TEST_CASE(only_a_fresh_check_mounts) {
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" volume="v" path="f">
  <mount type="volume" source="v" target="/d"/>
</expect-file>
)") == "t.xml:4: only a fresh=\"true\" check mounts anything");
}

BOOST_AUTO_TEST_CASE(expect_file_path_is_relative_on_the_host_and_absolute_in_a_container) {
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" volume="v" path="/test.txt"/>
)") == "t.xml:4: path '/test.txt' must be relative and stay inside its folder");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" host="h" path="../x"/>
)") == "t.xml:4: path '../x' must be relative and stay inside its folder");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" fresh="true" path="test.txt"/>
)") == "t.xml:4: path 'test.txt' must be absolute");
}

BOOST_AUTO_TEST_CASE(absent_file_has_no_content) {
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" fresh="true" path="/f" absent="true" text="x"/>
)") == "t.xml:4: a file cannot be absent and have content");
}

BOOST_AUTO_TEST_CASE(owner_uid_is_checked_on_the_host) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<expect-file claim="A-1" container="c" path="/f" owner-uid="0"/>
)") == "t.xml:5: owner-uid is checked on the host: use volume= or host=");
}

BOOST_AUTO_TEST_CASE(owner_uid_is_a_number_that_fits_a_uid) {
  for (const std::string uid : {"", "-1", "+1", "12a", " 1", "4294967296", "99999999999999999999999"}) {
    BOOST_TEST_CONTEXT("owner-uid '" << uid << "'") {
      BOOST_TEST(step_error("<expect-file claim=\"A-1\" host=\"h\" path=\"f\" owner-uid=\"" + uid + "\"/>\n") ==
                 "t.xml:4: owner-uid must be a number, self or mapped:N, not '" + uid + "'");
    }
  }
  const Scenario sc = loaded(with_steps(R"(<volume-create volume="v"/>
<expect-file claim="A-1" volume="v" path="f" owner-uid="4294967295"/>
)"));
  BOOST_TEST((sc.steps.back().owner_uid == 4294967295u));
}

// --- <expect-volume> --------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(expect_volume_properties) {
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" mountpoint="/var/lib/docker"/>
)") == "t.xml:4: mountpoint can only be \"default\" (the runtime's volume folder)");
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v"/>
)") == "t.xml:4: <expect-volume> needs one of exists, listed, driver, mountpoint");
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" exists="false" listed="false"/>
)") == "t.xml:4: a volume that must not exist has no other properties");
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" exists="maybe"/>
)") == "t.xml:4: attribute 'exists' must be true or false, not 'maybe'");
}

// --- names: every name a step uses was introduced by an earlier step -------------------

BOOST_AUTO_TEST_CASE(bind_source_is_a_host_dir_made_earlier) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true">
  <mount type="bind" source="home" target="/h"/>
</run>
)") == "t.xml:4: unknown host folder 'home': no earlier step makes it (<host-dir>)");
}

BOOST_AUTO_TEST_CASE(host_dir_made_twice) {
  BOOST_TEST(step_error(R"(<host-dir name="home"/>
<host-dir name="home"/>
)") == "t.xml:5: host folder 'home' is made twice");
}

BOOST_AUTO_TEST_CASE(container_started_twice) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<run container="c" detach="true"/>
)") == "t.xml:5: container 'c' is already started; remove it first");
}

BOOST_AUTO_TEST_CASE(container_used_before_it_is_started) {
  BOOST_TEST(step_error(R"(<remove container="c"/>
)") == "t.xml:4: unknown container 'c': no earlier step starts it (<run>)");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<exec container="d"><arg>true</arg></exec>
)") == "t.xml:5: unknown container 'd': no earlier step starts it (<run>)");
}

BOOST_AUTO_TEST_CASE(one_shot_rm_container_is_gone_after_its_run) {
  BOOST_TEST(step_error(R"(<run container="c" rm="true"><arg>true</arg></run>
<stop container="c"/>
)") == "t.xml:5: unknown container 'c': no earlier step starts it (<run>)");
}

BOOST_AUTO_TEST_CASE(removed_container_is_gone_and_can_run_again) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<remove container="c"/>
<start container="c"/>
)") == "t.xml:6: unknown container 'c': no earlier step starts it (<run>)");
  loaded(with_steps(R"(<run container="c" detach="true"/>
<remove container="c"/>
<run container="c" claim="A-1"/>
)"));
}

BOOST_AUTO_TEST_CASE(volume_used_before_it_is_created_or_mounted) {
  BOOST_TEST(step_error(R"(<expect-volume claim="A-1" volume="v" exists="true"/>
)") == "t.xml:4: unknown volume 'v': no earlier step creates or mounts it");
  BOOST_TEST(step_error(R"(<volume-remove volume="v"/>
)") == "t.xml:4: unknown volume 'v': no earlier step creates or mounts it");
  loaded(with_steps(R"(<run container="c" rm="true">
  <mount type="volume" source="v" target="/d"/>
</run>
<expect-volume claim="A-1" volume="v" exists="true"/>
)"));
}

BOOST_AUTO_TEST_CASE(host_folder_used_before_it_is_made) {
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" host="home" path="a.txt"/>
)") == "t.xml:4: unknown host folder 'home': no earlier step makes it (<host-dir>)");
}

BOOST_AUTO_TEST_CASE(check_names_a_declared_claim) {
  BOOST_TEST(step_error(R"(<volume-create volume="v"/>
<expect-volume claim="A-1" volume="v" exists="true"/>
<expect-volume claim="B-2" volume="v" listed="true"/>
)") == "t.xml:6: claim B-2 is not declared in this scenario (add <claim id=\"B-2\">)");
}

BOOST_AUTO_TEST_CASE(only_the_first_error_of_a_file_is_reported) {
  BOOST_TEST(step_error(R"(<run container="c" detach="yes"/>
<write container="c" path="relative" text="x"/>
)") == "t.xml:4: attribute 'detach' must be true or false, not 'yes'");
}

BOOST_AUTO_TEST_CASE(an_anonymous_volume_is_no_name) {
  BOOST_TEST(step_error(R"(<run container="c" rm="true"><mount type="volume" target="/anon"/></run>
<expect-volume claim="A-1" volume="anon" exists="true"/>
)") == "t.xml:5: unknown volume 'anon': no earlier step creates or mounts it");
}

BOOST_AUTO_TEST_CASE(steps_for_different_runtimes_may_start_the_same_container) {
  const Scenario sc = loaded(with_steps(R"(<run container="c" detach="true" runtime="docker"/>
<run container="c" detach="true" runtime="podman"/>
<exec container="c" claim="A-1"><arg>true</arg></exec>
<remove container="c" runtime="docker"/>
<remove container="c" runtime="podman"/>
<run container="c" rm="true" runtime="docker"><arg>true</arg></run>
<run container="c" rm="true" runtime="podman"><arg>true</arg></run>
)"));
  BOOST_TEST(sc.steps.size() == 7u);
}

BOOST_AUTO_TEST_CASE(names_are_checked_on_each_runtime) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true" runtime="docker"/>
<run container="c" detach="true" runtime="docker,podman"/>
)") == "t.xml:5: container 'c' is already started; remove it first (on docker)");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<run container="c" detach="true" runtime="podman"/>
)") == "t.xml:5: container 'c' is already started; remove it first (on podman)");
  BOOST_TEST(step_error(R"(<run container="c" detach="true" runtime="docker"/>
<exec container="c"><arg>true</arg></exec>
)") == "t.xml:5: unknown container 'c': no earlier step starts it (<run>) (on podman)");
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<remove container="c" runtime="podman"/>
<stop container="c"/>
)") == "t.xml:6: unknown container 'c': no earlier step starts it (<run>) (on podman)");
  BOOST_TEST(step_error(R"(<volume-create volume="v" runtime="docker"/>
<expect-volume claim="A-1" volume="v" exists="true" runtime="docker,podman"/>
)") == "t.xml:5: unknown volume 'v': no earlier step creates or mounts it (on podman)");
  loaded(with_steps(R"(<volume-create volume="v" runtime="docker"/>
<expect-volume claim="A-1" volume="v" exists="true" runtime="docker"/>
)"));
}

// --- Compose: <compose-project>, <compose-up>, <compose-down>, project= and service= -------

BOOST_AUTO_TEST_CASE(compose_steps_need_their_attributes) {
  BOOST_TEST(step_error(R"(<compose-project fixture="todo"/>
)") == "t.xml:4: <compose-project> needs the attribute 'name'");
  BOOST_TEST(step_error(R"(<compose-project name="p"/>
)") == "t.xml:4: <compose-project> needs the attribute 'fixture'");
  BOOST_TEST(step_error(R"(<compose-up as="q"/>
)") == "t.xml:4: <compose-up> needs the attribute 'project'");
  BOOST_TEST(step_error(R"(<compose-down volumes="true"/>
)") == "t.xml:4: <compose-down> needs the attribute 'project'");
}

BOOST_AUTO_TEST_CASE(compose_steps_with_an_unknown_attribute) {
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" claim="A-1"/>
)") == "t.xml:4: unknown attribute 'claim' on <compose-project> (known: name, fixture, folder, volumes, named, networks, "
       "runtime, note, note-fr, timeout, when)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" detach="true"/>
)") == "t.xml:5: unknown attribute 'detach' on <compose-up> (known: project, as, default-name, runtime, note, note-fr, timeout, "
       "when, "
       "claim, "
       "expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p"/>
<compose-down project="p" service="web"/>
)") == "t.xml:6: unknown attribute 'service' on <compose-down> (known: project, volumes, runtime, note, note-fr, timeout, when, "
       "claim, "
       "expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  BOOST_TEST(step_error(R"(<run container="c" project="p" detach="true"/>
)") == "t.xml:4: unknown attribute 'project' on <run> (known: container, image, detach, rm, read-only, user, userns, runtime, "
       "note, note-fr, timeout, when, claim, expect, exit-code, stdout-text, stdout-contains, stderr-contains)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo">
  <arg>x</arg>
</compose-project>
)") == "t.xml:5: <arg> is not allowed inside <compose-project>");
}

BOOST_AUTO_TEST_CASE(compose_project_names_are_logical_names) {
  BOOST_TEST(step_error(R"(<compose-project name="Todo" fixture="todo"/>
)") == "t.xml:4: 'Todo' is not a valid project" + kNameRule);
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" as="My_Project"/>
)") == "t.xml:5: 'My_Project' is not a valid project" + kNameRule);
  BOOST_TEST(step_error(R"(<exec project="" service="web"/>
)") == "t.xml:4: '' is not a valid project" + kNameRule);
}

BOOST_AUTO_TEST_CASE(compose_project_folder_is_a_plain_folder_name) {
  for (const std::string folder : {"a/b", "/tmp", "Todo.App/", ".", ".."}) {
    BOOST_TEST_CONTEXT("folder '" << folder << "'") {
      BOOST_TEST(step_error("<compose-project name=\"p\" fixture=\"todo\" folder=\"" + folder + "\"/>\n") ==
                 "t.xml:4: folder '" + folder + "' must be a plain folder name");
    }
  }
}

BOOST_AUTO_TEST_CASE(compose_up_gives_as_or_default_name_not_both) {
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" as="q" default-name="true"/>
)") == "t.xml:5: give either as or default-name, not both");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" default-name="yes"/>
)") == "t.xml:5: attribute 'default-name' must be true or false, not 'yes'");
}

BOOST_AUTO_TEST_CASE(compose_down_volumes_is_a_boolean) {
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p"/>
<compose-down project="p" volumes="-v"/>
)") == "t.xml:6: attribute 'volumes' must be true or false, not '-v'");
}

BOOST_AUTO_TEST_CASE(container_steps_name_a_container_or_a_project_and_service) {
  for (const std::string step : {"write", "exec", "stop", "start", "restart", "remove", "wait", "expect-container"}) {
    BOOST_TEST_CONTEXT("<" << step << ">") {
      const std::string rest = step == "write"              ? " path=\"/f\" text=\"x\""
                               : step == "expect-container" ? " claim=\"A-1\" exists=\"true\""
                                                            : "";
      BOOST_TEST(step_error("<" + step + rest + "/>\n") ==
                 "t.xml:4: <" + step + "> needs the attribute 'container' (or project= and service=)");
      BOOST_TEST(step_error("<" + step + rest + " service=\"web\"/>\n") ==
                 "t.xml:4: service=\"web\" needs the project= it belongs to");
      BOOST_TEST(step_error("<" + step + rest + " project=\"p\"/>\n") ==
                 "t.xml:4: project= needs the service= whose container is meant");
      BOOST_TEST(step_error("<" + step + rest + " container=\"c\" project=\"p\" service=\"web\"/>\n") ==
                 "t.xml:4: give either container= or project= and service=, not both");
    }
  }
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" path="/f" service="web"/>
)") == "t.xml:4: service=\"web\" needs the project= it belongs to");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" volume="v" path="f" project="p"/>
)") == "t.xml:4: project= needs the service= whose container is meant");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" path="/f" container="c" project="p" service="web"/>
)") == "t.xml:4: give either container= or project= and service=, not both");
  BOOST_TEST(step_error(R"(<exec container="c" project="p"/>
)") == "t.xml:4: project= needs the service= whose container is meant");
  BOOST_TEST(step_error(R"(<exec project="p" service=""/>
)") == "t.xml:4: project= needs the service= whose container is meant");
}

BOOST_AUTO_TEST_CASE(expect_file_in_a_service_looks_in_one_place) {
  const std::string message = "t.xml:4: <expect-file> looks in exactly one place: container=, volume=, host= or fresh=\"true\"";
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" project="p" service="web" volume="v" path="f"/>
)") == message);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" project="p" service="web" fresh="true" path="/f"/>
)") == message);
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" project="p" service="web" path="f"/>
)") == "t.xml:4: path 'f' must be absolute");
  BOOST_TEST(step_error(R"(<expect-file claim="A-1" project="p" service="web" path="/f" owner-uid="0"/>
)") == "t.xml:4: owner-uid is checked on the host: use volume= or host=");
}

BOOST_AUTO_TEST_CASE(compose_up_needs_a_project_made_earlier) {
  BOOST_TEST(step_error(R"(<compose-up project="p"/>
)") == "t.xml:4: unknown project 'p': no earlier step makes it (<compose-project>)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="q" as="p"/>
)") == "t.xml:5: unknown project 'q': no earlier step makes it (<compose-project>)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" runtime="docker"/>
<compose-up project="p"/>
)") == "t.xml:5: unknown project 'p': no earlier step makes it (<compose-project>) (on podman)");
}

BOOST_AUTO_TEST_CASE(compose_project_made_twice) {
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-project name="p" fixture="external"/>
)") == "t.xml:5: project 'p' is made twice");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" as="q"/>
<compose-project name="q" fixture="todo"/>
)") == "t.xml:6: project 'q' is made twice");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" runtime="docker"/>
<compose-project name="p" fixture="todo"/>
)") == "t.xml:5: project 'p' is made twice (on docker)");
}

BOOST_AUTO_TEST_CASE(service_steps_and_compose_down_need_a_project_brought_up) {
  const std::string made = "<compose-project name=\"p\" fixture=\"todo\"/>\n";
  const std::string message = "t.xml:5: unknown project 'p': no earlier step brings it up (<compose-up>)";
  BOOST_TEST(step_error(made + "<compose-down project=\"p\"/>\n") == message);
  BOOST_TEST(step_error(made + "<write project=\"p\" service=\"web\" path=\"/f\" text=\"x\"/>\n") == message);
  BOOST_TEST(step_error(made + "<exec project=\"p\" service=\"web\"><arg>true</arg></exec>\n") == message);
  BOOST_TEST(step_error(made + "<stop project=\"p\" service=\"web\"/>\n") == message);
  BOOST_TEST(step_error(made + "<start project=\"p\" service=\"web\"/>\n") == message);
  BOOST_TEST(step_error(made + "<restart project=\"p\" service=\"web\"/>\n") == message);
  BOOST_TEST(step_error(made + "<remove project=\"p\" service=\"web\"/>\n") == message);
  BOOST_TEST(step_error(made + "<wait project=\"p\" service=\"web\"/>\n") == message);
  BOOST_TEST(step_error(made + "<expect-container claim=\"A-1\" project=\"p\" service=\"web\" exists=\"false\"/>\n") == message);
  BOOST_TEST(step_error(made + "<expect-file claim=\"A-1\" project=\"p\" service=\"web\" path=\"/f\"/>\n") == message);
  BOOST_TEST(step_error(R"(<exec project="p" service="web"/>
)") == "t.xml:4: unknown project 'p': no earlier step brings it up (<compose-up>)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" runtime="podman"/>
<compose-down project="p"/>
)") == "t.xml:6: unknown project 'p': no earlier step brings it up (<compose-up>) (on docker)");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" as="q"/>
<compose-down project="p"/>
)") == "t.xml:6: unknown project 'p': no earlier step brings it up (<compose-up>)");
}

BOOST_AUTO_TEST_CASE(compose_up_introduces_the_project_volumes) {
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" volumes="data"/>
<expect-volume claim="A-1" volume="p_data" exists="true"/>
)") == "t.xml:5: unknown volume 'p_data': no earlier step creates or mounts it");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" volumes="data"/>
<compose-up project="p"/>
<expect-volume claim="A-1" volume="p_logs" exists="true"/>
)") == "t.xml:6: unknown volume 'p_logs': no earlier step creates or mounts it");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" volumes="data"/>
<compose-up project="p" as="q"/>
<expect-volume claim="A-1" volume="p_data" exists="true"/>
)") == "t.xml:6: unknown volume 'p_data': no earlier step creates or mounts it");
  const Scenario sc = loaded(with_steps(R"(<compose-project name="p" fixture="todo" volumes="data logs"/>
<compose-up project="p"/>
<expect-volume claim="A-1" volume="p_data" exists="true"/>
<expect-file claim="A-1" volume="p_logs" path="a.log" absent="true"/>
<compose-up project="p" as="q"/>
<expect-volume claim="A-1" volume="q_data" exists="true"/>
<expect-volume claim="A-1" volume="q_logs" exists="true"/>
)"));
  BOOST_TEST(sc.steps.size() == 7u);
}

BOOST_AUTO_TEST_CASE(compose_up_as_makes_a_project_of_its_own) {
  const Scenario sc = loaded(with_steps(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p" as="q"/>
<exec project="q" service="web" claim="A-1"><arg>true</arg></exec>
<compose-down project="q" volumes="true"/>
<compose-up project="q"/>
<compose-down project="q"/>
)"));
  BOOST_TEST(sc.steps[1].project == "p");
  BOOST_TEST(sc.steps[1].alias == "q");
  BOOST_TEST(sc.steps[2].project == "q");
}

BOOST_AUTO_TEST_CASE(a_project_down_is_still_known_to_its_checks) {
  const Scenario sc = loaded(with_steps(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p"/>
<compose-down project="p"/>
<expect-container claim="A-1" project="p" service="web" exists="false"/>
)"));
  BOOST_TEST((sc.steps[3].kind == StepKind::ExpectContainer));
  BOOST_TEST(sc.steps[3].project == "p");
  BOOST_TEST(sc.steps[3].service == "web");
  BOOST_TEST(sc.steps[3].container == "");
  BOOST_TEST((sc.steps[3].exists == false));
}

BOOST_AUTO_TEST_CASE(compose_steps_values) {
  const Scenario sc =
      loaded(with_steps(R"(<compose-project name="todo" fixture="todo" folder="Todo.App" volumes=" database  cache "/>
<compose-project name="bare" fixture="external"/>
<compose-up project="todo" default-name="true" claim="A-1" expect="success"/>
<compose-up project="bare" as="custom" default-name="false"/>
<compose-down project="todo" volumes="true"/>
<compose-down project="custom" claim="A-1" exit-code="0"/>
)"));
  BOOST_TEST_REQUIRE(sc.steps.size() == 6u);

  const Step& made = sc.steps[0];
  BOOST_TEST((made.kind == StepKind::ComposeProject));
  BOOST_TEST(made.element == "compose-project");
  BOOST_TEST(made.project == "todo");
  BOOST_TEST(made.host == "");  // name= is the project's, not a host folder's
  BOOST_TEST(made.fixture == "todo");
  BOOST_TEST(made.folder == "Todo.App");
  BOOST_TEST(made.volume_keys == (std::vector<std::string>{"database", "cache"}));
  BOOST_TEST(!made.remove_volumes);
  BOOST_TEST(!made.is_check());

  const Step& bare = sc.steps[1];
  BOOST_TEST(bare.project == "bare");
  BOOST_TEST(bare.fixture == "external");
  BOOST_TEST(bare.folder == "");
  BOOST_TEST(bare.volume_keys.empty());

  const Step& up = sc.steps[2];
  BOOST_TEST((up.kind == StepKind::ComposeUp));
  BOOST_TEST(up.project == "todo");
  BOOST_TEST(up.alias == "");
  BOOST_TEST(up.default_name);
  BOOST_TEST(up.is_check());
  BOOST_TEST(!up.expect_failure);

  const Step& as = sc.steps[3];
  BOOST_TEST(as.project == "bare");
  BOOST_TEST(as.alias == "custom");
  BOOST_TEST(!as.default_name);
  BOOST_TEST(!as.is_check());

  const Step& down_v = sc.steps[4];
  BOOST_TEST((down_v.kind == StepKind::ComposeDown));
  BOOST_TEST(down_v.project == "todo");
  BOOST_TEST(down_v.remove_volumes);
  BOOST_TEST(!down_v.is_check());

  const Step& down = sc.steps[5];
  BOOST_TEST(down.project == "custom");
  BOOST_TEST(!down.remove_volumes);
  BOOST_TEST(down.is_check());
  BOOST_TEST((down.exit_code == 0));
}

BOOST_AUTO_TEST_CASE(service_steps_values) {
  const Scenario sc = loaded(with_steps(R"(<compose-project name="p" fixture="todo"/>
<compose-up project="p"/>
<write project="p" service="todo-database" path="/data/a.txt" text="x"/>
<exec project="p" service="todo-database" claim="A-1"><arg>true</arg></exec>
<stop project="p" service="todo-database"/>
<start project="p" service="todo-database" attach="true"/>
<restart project="p" service="todo-database"/>
<wait project="p" service="todo-database"/>
<expect-file claim="A-1" project="p" service="todo-database" path="/data/a.txt" text="x"/>
<remove project="p" service="todo-database" volumes="true"/>
<expect-container claim="A-1" project="p" service="todo-database" exists="false"/>
)"));
  BOOST_TEST_REQUIRE(sc.steps.size() == 11u);
  for (std::size_t i = 2; i < sc.steps.size(); ++i) {
    BOOST_TEST_CONTEXT("step " << i << " <" << sc.steps[i].element << ">") {
      BOOST_TEST(sc.steps[i].project == "p");
      BOOST_TEST(sc.steps[i].service == "todo-database");
      BOOST_TEST(sc.steps[i].container == "");
    }
  }
  BOOST_TEST(sc.steps[2].path == "/data/a.txt");
  BOOST_TEST(sc.steps[2].content.value_or("(none)") == "x\n");
  BOOST_TEST(sc.steps[3].args == (std::vector<std::string>{"true"}));
  BOOST_TEST(sc.steps[5].attach);
  BOOST_TEST((sc.steps[8].place == Place::Container));
  BOOST_TEST(sc.steps[8].path == "/data/a.txt");
  BOOST_TEST(sc.steps[9].remove_volumes);
}

// --- a good scenario ---------------------------------------------------------------------

const std::string kGood = R"(<?xml version="1.0" encoding="UTF-8"?>
<scenario id="good" title="Every kind of step" tags="seed  extended"
          xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="scenario.xsd">
  <source seed="001.txt" section="Exemple"/>
  <claim id="GD-1">The first claim.</claim>
  <claim id="GD-22">The second claim.</claim>
  <steps>
    <host-dir name="home">
      <file path="notes.txt" text="from the host"/>
      <file path="sub/raw.bin" content="no newline"/>
    </host-dir>
    <volume-create volume="data"/>
    <run container="app" image="busybox:1" detach="true" rm="true" read-only="true">
      <mount type="volume" source="data" target="/data"/>
      <mount type="bind" flag="volume" source="home" path="notes.txt" target="/notes.txt" read-only="true"/>
      <mount type="tmpfs" target="/tmp"/>
    </run>
    <write container="app" path="/data/a.txt" text="hello"/>
    <write claim="GD-1" expect="failure" container="app" path="/notes.txt" content="x"/>
    <exec claim="GD-1" expect="success" container="app"><arg>ls</arg><arg>-l /data</arg></exec>
    <stop container="app"/>
    <start container="app"/>
    <restart container="app"/>
    <expect-file claim="GD-1" container="app" path="/data/a.txt" text="hello"/>
    <expect-file claim="GD-1" fresh="true" path="/data/a.txt" content="hello&#10;">
      <mount type="volume" source="data" target="/data"/>
    </expect-file>
    <expect-file claim="GD-22" volume="data" path="a.txt" owner-uid="0"/>
    <expect-file claim="GD-22" host="home" path="gone.txt" absent="true"/>
    <remove container="app"/>
    <volume-remove volume="data"/>
    <expect-volume claim="GD-22" volume="data" exists="false"/>
    <expect-volume claim="GD-22" volume="data" listed="true" driver="local" mountpoint="default"/>
  </steps>
</scenario>
)";

BOOST_AUTO_TEST_CASE(good_scenario_header) {
  const Scenario sc = loaded(kGood);
  BOOST_TEST(sc.file == kFile);
  BOOST_TEST(sc.id == "good");
  BOOST_TEST(sc.title == "Every kind of step");
  BOOST_TEST(sc.seed == "001.txt");
  BOOST_TEST(sc.section == "Exemple");
  BOOST_TEST(sc.tags == (std::vector<std::string>{"seed", "extended"}));
  BOOST_TEST_REQUIRE(sc.claims.size() == 2u);
  BOOST_TEST(sc.claims[0].id == "GD-1");
  BOOST_TEST(sc.claims[0].text == "The first claim.");
  BOOST_TEST(sc.claims[1].id == "GD-22");
  BOOST_TEST(sc.claims[1].text == "The second claim.");
}

BOOST_AUTO_TEST_CASE(good_scenario_steps_kinds_and_lines) {
  struct Expected {
    StepKind kind;
    const char* element;
    int line;
  };
  const std::vector<Expected> expected = {
      {StepKind::HostDir, "host-dir", 8},
      {StepKind::VolumeCreate, "volume-create", 12},
      {StepKind::Run, "run", 13},
      {StepKind::Write, "write", 18},
      {StepKind::Write, "write", 19},
      {StepKind::Exec, "exec", 20},
      {StepKind::Stop, "stop", 21},
      {StepKind::Start, "start", 22},
      {StepKind::Restart, "restart", 23},
      {StepKind::ExpectFile, "expect-file", 24},
      {StepKind::ExpectFile, "expect-file", 25},
      {StepKind::ExpectFile, "expect-file", 28},
      {StepKind::ExpectFile, "expect-file", 29},
      {StepKind::Remove, "remove", 30},
      {StepKind::VolumeRemove, "volume-remove", 31},
      {StepKind::ExpectVolume, "expect-volume", 32},
      {StepKind::ExpectVolume, "expect-volume", 33},
  };
  const Scenario sc = loaded(kGood);
  BOOST_TEST_REQUIRE(sc.steps.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    BOOST_TEST_CONTEXT("step " << i) {
      BOOST_TEST((sc.steps[i].kind == expected[i].kind));
      BOOST_TEST(sc.steps[i].element == expected[i].element);
      BOOST_TEST(sc.steps[i].line == expected[i].line);
    }
  }
}

BOOST_AUTO_TEST_CASE(good_scenario_host_dir_text_adds_a_newline_content_is_exact) {
  const Step host = loaded(kGood).steps[0];
  BOOST_TEST(host.host == "home");
  BOOST_TEST_REQUIRE(host.files.size() == 2u);
  BOOST_TEST(host.files[0].path == "notes.txt");
  BOOST_TEST(host.files[0].content == "from the host\n");
  BOOST_TEST(host.files[1].path == "sub/raw.bin");
  BOOST_TEST(host.files[1].content == "no newline");
}

BOOST_AUTO_TEST_CASE(good_scenario_run_and_its_mounts) {
  const Step run = loaded(kGood).steps[2];
  BOOST_TEST(run.container == "app");
  BOOST_TEST(run.image == "busybox:1");
  BOOST_TEST(run.detach);
  BOOST_TEST(run.rm);
  BOOST_TEST(run.read_only);
  BOOST_TEST(!run.is_check());
  BOOST_TEST_REQUIRE(run.mounts.size() == 3u);

  const Mount& volume = run.mounts[0];
  BOOST_TEST((volume.type == Mount::Type::Volume));
  BOOST_TEST((volume.flag == Mount::Flag::Mount));
  BOOST_TEST(volume.source == "data");
  BOOST_TEST(volume.path == "");
  BOOST_TEST(volume.target == "/data");
  BOOST_TEST(!volume.read_only);

  const Mount& bind = run.mounts[1];
  BOOST_TEST((bind.type == Mount::Type::Bind));
  BOOST_TEST((bind.flag == Mount::Flag::Volume));
  BOOST_TEST(bind.source == "home");
  BOOST_TEST(bind.path == "notes.txt");
  BOOST_TEST(bind.target == "/notes.txt");
  BOOST_TEST(bind.read_only);

  const Mount& tmpfs = run.mounts[2];
  BOOST_TEST((tmpfs.type == Mount::Type::Tmpfs));
  BOOST_TEST(tmpfs.source == "");
  BOOST_TEST(tmpfs.target == "/tmp");
}

BOOST_AUTO_TEST_CASE(good_scenario_actions_and_expect) {
  const Scenario sc = loaded(kGood);
  const Step& write = sc.steps[3];
  BOOST_TEST(write.path == "/data/a.txt");
  BOOST_TEST(write.content.value_or("(none)") == "hello\n");
  BOOST_TEST(!write.is_check());
  BOOST_TEST(!write.expect_failure);

  const Step& refused = sc.steps[4];
  BOOST_TEST(refused.claim == "GD-1");
  BOOST_TEST(refused.is_check());
  BOOST_TEST(refused.expect_failure);
  BOOST_TEST(refused.content.value_or("(none)") == "x");

  const Step& exec = sc.steps[5];
  BOOST_TEST(exec.container == "app");
  BOOST_TEST(exec.args == (std::vector<std::string>{"ls", "-l /data"}));
  BOOST_TEST(exec.is_check());
  BOOST_TEST(!exec.expect_failure);

  for (std::size_t i : {0, 1, 2, 3, 6, 7, 8, 13, 14}) BOOST_TEST(!sc.steps[i].is_check(), "step " << i);
}

BOOST_AUTO_TEST_CASE(good_scenario_expect_file_places) {
  const Scenario sc = loaded(kGood);
  const Step& in_container = sc.steps[9];
  BOOST_TEST((in_container.place == Place::Container));
  BOOST_TEST(in_container.container == "app");
  BOOST_TEST(in_container.path == "/data/a.txt");
  BOOST_TEST(in_container.content.value_or("(none)") == "hello\n");
  BOOST_TEST(!in_container.absent);
  BOOST_TEST(!in_container.owner_uid.has_value());

  const Step& fresh = sc.steps[10];
  BOOST_TEST((fresh.place == Place::Fresh));
  BOOST_TEST(fresh.container == "");
  BOOST_TEST(fresh.content.value_or("(none)") == "hello\n");  // content="hello&#10;" is text="hello"
  BOOST_TEST_REQUIRE(fresh.mounts.size() == 1u);
  BOOST_TEST(fresh.mounts[0].source == "data");

  const Step& on_volume = sc.steps[11];
  BOOST_TEST((on_volume.place == Place::Volume));
  BOOST_TEST(on_volume.volume == "data");
  BOOST_TEST(on_volume.path == "a.txt");
  BOOST_TEST(!on_volume.content.has_value());
  BOOST_TEST((on_volume.owner_uid == 0u));

  const Step& on_host = sc.steps[12];
  BOOST_TEST((on_host.place == Place::Host));
  BOOST_TEST(on_host.host == "home");
  BOOST_TEST(on_host.path == "gone.txt");
  BOOST_TEST(on_host.absent);
}

BOOST_AUTO_TEST_CASE(good_scenario_expect_volume) {
  const Scenario sc = loaded(kGood);
  const Step& gone = sc.steps[15];
  BOOST_TEST((gone.exists == false));
  BOOST_TEST(!gone.listed.has_value());
  BOOST_TEST(gone.driver == "");
  BOOST_TEST(!gone.default_mountpoint);

  const Step& listed = sc.steps[16];
  BOOST_TEST(!listed.exists.has_value());
  BOOST_TEST((listed.listed == true));
  BOOST_TEST(listed.driver == "local");
  BOOST_TEST(listed.default_mountpoint);
}

// --- load_scenarios: files and folders ---------------------------------------------------

BOOST_FIXTURE_TEST_CASE(missing_path, TempFolder) {
  const LoadResult r = load_scenarios({path("nope.xml")});
  BOOST_TEST(r.errors == (std::vector<std::string>{path("nope.xml") + ": no such file or folder"}));
  BOOST_TEST(r.scenarios.empty());
}

BOOST_FIXTURE_TEST_CASE(folder_without_xml_files, TempFolder) {
  write("README.txt", "not a scenario");
  const LoadResult r = load_scenarios({dir.string()});
  BOOST_TEST(r.errors == (std::vector<std::string>{dir.string() + ": no scenario files (*.xml) in this folder"}));
}

BOOST_FIXTURE_TEST_CASE(file_that_cannot_be_read, TempFolder) {
  const std::string file = socket("s.xml");
  const LoadResult r = load_scenarios({file});
  BOOST_TEST(r.errors == (std::vector<std::string>{file + ": cannot be read"}));
}

BOOST_FIXTURE_TEST_CASE(duplicate_scenario_id_is_reported_at_the_root_element, TempFolder) {
  const std::string first = write("a.xml", scenario_file("same"));
  const std::string second = write("b.xml", scenario_file("same"));
  const LoadResult r = load_scenarios({dir.string()});
  BOOST_TEST(r.errors == (std::vector<std::string>{second + ":2: scenario id 'same' is used by " + first + " too"}));
  BOOST_TEST_REQUIRE(r.scenarios.size() == 1u);
  BOOST_TEST(r.scenarios[0].file == first);
}

BOOST_FIXTURE_TEST_CASE(folder_loads_its_xml_files_in_name_order, TempFolder) {
  const std::string b = write("b.xml", scenario_file("bee"));
  const std::string a = write("a.xml", scenario_file("ay"));
  write("notes.txt", "ignored");
  const LoadResult r = load_scenarios({dir.string()});
  BOOST_TEST(r.errors.empty(), joined(r.errors));
  BOOST_TEST_REQUIRE(r.scenarios.size() == 2u);
  BOOST_TEST(r.scenarios[0].file == a);
  BOOST_TEST(r.scenarios[0].id == "ay");
  BOOST_TEST(r.scenarios[1].file == b);
  BOOST_TEST(r.scenarios[1].id == "bee");
}

BOOST_FIXTURE_TEST_CASE(errors_of_every_file_in_order_good_files_still_load, TempFolder) {
  const std::string good = write("a.xml", scenario_file("good"));
  const std::string bad = write("b.xml", scenario_file("Bad"));
  const std::string broken = write("c.xml", "<scenario");
  const LoadResult r = load_scenarios({dir.string(), path("missing")});
  BOOST_TEST(r.errors == (std::vector<std::string>{
                             path("missing") + ": no such file or folder",
                             bad + ":2: 'Bad' is not a valid scenario id",
                             broken + ":1: XML error: Error parsing start element tag",
                         }));
  BOOST_TEST_REQUIRE(r.scenarios.size() == 1u);
  BOOST_TEST(r.scenarios[0].file == good);
}

BOOST_AUTO_TEST_CASE(every_scenario_in_the_repository_loads) {
  const fs::path folder = fs::path(SOURCE_DIR) / "scenarios";
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(folder)) files += entry.path().extension() == ".xml";
  BOOST_TEST_REQUIRE(files > 0u);

  const LoadResult r = load_scenarios({folder.string()});
  BOOST_TEST(r.errors.empty(), joined(r.errors));
  BOOST_TEST(r.scenarios.size() == files);
  for (const auto& sc : r.scenarios) {
    BOOST_TEST_CONTEXT(sc.file) {
      BOOST_TEST(!sc.claims.empty());
      BOOST_TEST(!sc.steps.empty());
    }
  }
}

BOOST_AUTO_TEST_CASE(timeouts_are_seconds_on_the_scenario_and_on_steps) {
  const auto loaded = load_scenario_text("t.xml", R"(<scenario id="s" title="t" timeout="90">
<claim id="A-1">c</claim>
<steps><run container="c" detach="true" timeout="2.5"/><expect-file claim="A-1" container="c" path="/f"/></steps>
</scenario>)");
  BOOST_REQUIRE(loaded.errors.empty());
  BOOST_TEST(*loaded.scenarios[0].timeout == 90.0);
  BOOST_TEST(*loaded.scenarios[0].steps[0].timeout == 2.5);
  BOOST_TEST(!loaded.scenarios[0].steps[1].timeout.has_value());
  BOOST_TEST(step_error(R"(<run container="c" detach="true" timeout="0"/>
)") == "t.xml:4: timeout must be a number of seconds above 0 (at most 86400), not '0'");
  BOOST_TEST(step_error(R"(<run container="c" detach="true" timeout="5s"/>
)") == "t.xml:4: timeout must be a number of seconds above 0 (at most 86400), not '5s'");
}

BOOST_AUTO_TEST_CASE(a_scenario_cannot_slip_options_or_host_paths_in) {
  BOOST_TEST(step_error(R"(<run container="c" image="--volume=/:/host"><arg>true</arg></run>
)") == "t.xml:4: '--volume=/:/host' is not an image name");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="../../etc"/>
)") == "t.xml:4: '../../etc' is not a valid fixture" + kNameRule);
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run -v /etc:/x alpine"/>
)") == "t.xml:4: a tutorial line may mount only its own volume ({volume}), not '/etc:/x': write the step with <run> and <mount>");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run --mount=type=bind,src=/,dst=/x alpine"/>
)") == "t.xml:4: a tutorial line may mount only its own volume ({volume}), not 'type=bind,src=/,dst=/x': write the step with "
       "<run> and <mount>");
  BOOST_TEST(step_error(R"(<tutorial claim="A-1" line="run --privileged alpine"/>
)") == "t.xml:4: a tutorial line may not use --privileged");
  // issue 17: forms the old recognise-the-bad-ones check let through
  BOOST_TEST(
      step_error(
          R"(<tutorial claim="A-1" container="c" line="run --rm -v/:/h --name {container} harness-busybox:1 cat /h/etc/hostname"/>
)") == "t.xml:4: a tutorial line may mount only its own volume ({volume}), not '/:/h': write the step with <run> and <mount>");
  BOOST_TEST(
      step_error(
          R"(<tutorial claim="A-1" volume="v" line="volume create --opt type=none --opt o=bind --opt device=/etc {volume}"/>
)") == "t.xml:4: a tutorial line may not use --opt");
}

BOOST_AUTO_TEST_CASE(values_that_reach_a_command_line_are_what_they_say) {
  BOOST_TEST(step_error(R"(<run container="c" image="alpine;id"><arg>true</arg></run>
)") == "t.xml:4: 'alpine;id' is not an image name");
  BOOST_TEST(step_error(R"(<run container="c" image="Alpine"><arg>true</arg></run>
)") == "t.xml:4: 'Alpine' is not an image name");
  // an anonymous volume at "/etc:/h" would be `-v /etc:/h`: a bind mount of the host's /etc
  BOOST_TEST(mount_error(R"(<mount type="volume" flag="volume" target="/etc:/h"/>)") ==
             "t.xml:5: target '/etc:/h' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  BOOST_TEST(mount_error(R"(<mount type="volume" flag="volume" source="v" target="/d,ro"/>)") ==
             "t.xml:5: target '/d,ro' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  BOOST_TEST(mount_error(R"(<mount type="bind" flag="volume" source="h" path="a:b" target="/d"/>)") ==
             "t.xml:5: path 'a:b' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"");
  BOOST_TEST(step_error(R"(<exec project="p" service="--privileged"><arg>true</arg></exec>
)") == "t.xml:4: '--privileged' is not a valid service name");
  BOOST_TEST(step_error(R"(<compose-project name="p" fixture="todo" folder="a b"/>
)") == "t.xml:4: folder 'a b' must be a plain folder name");
}

BOOST_AUTO_TEST_CASE(a_layer_can_be_read_but_not_mounted) {
  BOOST_TEST(step_error(R"(<run container="c" detach="true"/>
<find-layer container="c" host="layer"/>
<run container="d" detach="true"><mount type="bind" source="layer" target="/x"/></run>
)") == "t.xml:6: unknown host folder 'layer': no earlier step makes it (<host-dir>)");
  const auto loaded = load_scenario_text("t.xml", with_steps(R"(<run container="c" detach="true"/>
<find-layer container="c" host="layer"/>
<expect-file claim="A-1" host="layer" path="home/f"/>
)"));
  BOOST_TEST(loaded.errors.empty());
}

BOOST_AUTO_TEST_SUITE_END()
