#include "step_parser.hpp"

#include <algorithm>
#include <sstream>

#include "cli_dialect.hpp"
#include "command_values.hpp"
#include "i18n.hpp"
#include "step_kinds.hpp"
#include "target_facts.hpp"
#include "text.hpp"
#include "tutorial_line.hpp"

namespace harness {

namespace {

using Node = pugi::xml_node;

// `--volumes-from <container>[:ro]`: every mount of an earlier container, at the same paths.
Mount parse_volumes_from(const XmlReader& in, const Node& node) {
  in.check_attributes(node, {"type", "source"}, {"read-only"});
  Mount m;
  m.type = Mount::Type::VolumesFrom;
  m.source = in.logical_name(node, "source", N_("container"));
  m.read_only = in.boolean(node, "read-only");
  return m;
}

Mount parse_mount(const XmlReader& in, const Node& node) {
  const std::string type = node.attribute("type").value();
  if (type == "volumes-from") return parse_volumes_from(in, node);
  in.check_attributes(node, {"type", "target"}, {"source", "path", "read-only", "flag", "nocopy", "chown"});
  Mount m;
  if (type == "volume")
    m.type = Mount::Type::Volume;
  else if (type == "bind")
    m.type = Mount::Type::Bind;
  else if (type == "tmpfs")
    m.type = Mount::Type::Tmpfs;
  else
    in.fail(node, tr("mount type must be volume, bind, tmpfs or volumes-from, not '{1}'", {type}));
  if (m.type == Mount::Type::Bind || (m.type == Mount::Type::Volume && node.attribute("source")))
    m.source = in.logical_name(node, "source", N_("source"));  // a volume mount without a source is anonymous
  else if (node.attribute("source"))
    in.fail(node, tr("a tmpfs mount has no source"));
  if (node.attribute("path")) {
    if (m.type != Mount::Type::Bind) in.fail(node, tr("only a bind mount takes a 'path'"));
    m.path = in.relative_path(node, node.attribute("path").value());
  }
  m.target = in.absolute_path(node, node.attribute("target").value());
  m.read_only = in.boolean(node, "read-only");
  m.nocopy = in.boolean(node, "nocopy");
  if (m.nocopy && m.type != Mount::Type::Volume) in.fail(node, tr("only a volume mount takes nocopy"));
  m.chown = in.boolean(node, "chown");
  if (m.chown && (m.type == Mount::Type::Tmpfs || m.anonymous()))
    in.fail(node, tr("chown (:U) is for a named volume or a bind mount: what it gives the container's user is a source"));
  const std::string flag = node.attribute("flag").as_string("mount");
  if (flag == "volume")
    m.flag = Mount::Flag::Volume;
  else if (flag != "mount")
    in.fail(node, tr("flag must be mount or volume, not '{1}'", {flag}));
  if (m.flag == Mount::Flag::Volume && m.type == Mount::Type::Tmpfs)
    in.fail(node, tr("a tmpfs mount is given with flag=\"mount\""));
  if (m.nocopy && m.flag == Mount::Flag::Volume && m.anonymous())
    in.fail(node, tr("an anonymous volume cannot take nocopy with flag=\"volume\" (--volume /p:nocopy: Docker and Podman refuse "
                     "it); give it a source, or flag=\"mount\" (Docker only)"));
  if (const auto error = volume_flag_error(m); !error.empty()) in.fail(node, error);
  return m;
}

void parse_children(const XmlReader& in, const Node& node, const StepKindInfo& kind, Step& step) {
  for (const auto& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string name = child.name();
    if (std::find(kind.children.begin(), kind.children.end(), name) == kind.children.end())
      in.fail(child, tr("<{1}> is not allowed inside <{2}>", {name, step.element}));
    if (name == "mount") {
      step.mounts.push_back(parse_mount(in, child));
    } else if (name == "arg") {
      in.check_attributes(child, {}, {});
      step.args.push_back(child.text().get());
    } else if (name == "typed") {  // one line typed at the prompt: no control character (a newline ends it)
      in.check_attributes(child, {}, {});
      const std::string line = child.text().get();
      if (std::any_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }))
        in.fail(child, tr("a <typed> line holds no control character (tab, newline, Ctrl-...): one line as typed"));
      step.typed.push_back(line);
    } else {  // file
      in.check_attributes(child, {"path"}, {"text", "content"});
      auto text = in.content(child);
      if (!text) in.fail(child, tr("<file> needs 'text' or 'content'"));
      step.files.push_back({in.relative_path(child, child.attribute("path").value()), *text});
    }
  }
}

// The names a step acts on; which of them a kind takes, its row says.
void parse_names(const XmlReader& in, const Node& node, Step& s) {
  if (node.attribute("container")) s.container = in.logical_name(node, "container", N_("container"));
  if (node.attribute("volume")) s.volume = in.logical_name(node, "volume", N_("volume"));
  if (node.attribute("host")) s.host = in.logical_name(node, "host", N_("host"));
  if (node.attribute("project")) s.project = in.logical_name(node, "project", N_("project"));
  if (node.attribute("network")) s.network = in.logical_name(node, "network", N_("network"));
  if (node.attribute("service")) s.service = node.attribute("service").value();
  if (!s.service.empty() && !is_runtime_name(s.service)) in.fail(node, tr("'{1}' is not a valid service name", {s.service}));
}

// A container step names its container, or a Compose project and service, not both.
void parse_target(const XmlReader& in, const Node& node, const Step& s) {
  if (!s.service.empty() && s.project.empty()) in.fail(node, tr("service=\"{1}\" needs the project= it belongs to", {s.service}));
  if (!s.project.empty() && s.service.empty()) in.fail(node, tr("project= needs the service= whose container is meant"));
  if (!s.service.empty() && !s.container.empty()) in.fail(node, tr("give either container= or project= and service=, not both"));
  // an <expect-file> may look elsewhere: parse_expect_file() says where it can look
  if (s.container.empty() && s.service.empty() && s.kind != StepKind::ExpectFile)
    in.fail(node, tr("<{1}> needs the attribute 'container' (or project= and service=)", {s.element}));
}

// On which runtimes a step runs, and why one differs.
void parse_runtimes(const XmlReader& in, const Node& node, Step& s) {
  if (node.attribute("runtime")) {  // a misspelt runtime would silently skip the step everywhere
    const std::string list = node.attribute("runtime").value();
    const auto known = dialect_names();
    for (std::size_t from = 0;;) {
      const std::size_t comma = list.find(',', from);
      const std::string r = list.substr(from, comma - from);
      if (std::find(known.begin(), known.end(), r) == known.end())
        in.fail(node, tr("unknown runtime '{1}' (known: {2})", {r, join(known, ", ")}));
      s.runtimes.push_back(r);
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
  }
  for (const auto& condition : split_commas(node.attribute("when").value())) {
    if (const std::string why = check_condition(condition); !why.empty()) in.fail(node, why);
    s.when.push_back(condition);
  }
  if (node.attribute("when") && s.when.empty()) in.fail(node, tr("when= names no condition"));
  s.note = node.attribute("note").value();
  s.note_fr = node.attribute("note-fr").value();
  s.timeout = in.seconds(node, "timeout");
  if (!s.note.empty() && s.runtimes.empty() && s.when.empty())
    in.fail(node, tr("a note says why a runtime differs: give runtime= too"));
}

// claim= makes a step evidence; an action then says what its command must do.
void parse_check(const XmlReader& in, const Node& node, Step& s) {
  s.claim = node.attribute("claim").value();
  if (node.attribute("claim") && !is_claim_id(s.claim)) in.fail(node, tr("'{1}' is not a claim ID like EPH-1", {s.claim}));
  if (node.attribute("expect")) {
    const std::string expect = node.attribute("expect").value();
    if (expect != "success" && expect != "failure") in.fail(node, tr("expect must be success or failure, not '{1}'", {expect}));
    if (s.claim.empty()) in.fail(node, tr("expect=\"{1}\" needs the claim it supports", {expect}));
    s.expect_failure = expect == "failure";
  }
  for (const char* check : {"exit-code", "stdout-text", "stdout-contains", "stderr-contains"})
    if (node.attribute(check) && s.claim.empty()) in.fail(node, tr("{1} needs the claim it supports", {std::string(check)}));
  if (node.attribute("exit-code")) {
    const std::string code = node.attribute("exit-code").value();
    const auto parsed = parse_uid(code);
    if (!parsed || *parsed > 255) in.fail(node, tr("exit-code must be a number from 0 to 255, not '{1}'", {code}));
    s.exit_code = static_cast<int>(*parsed);
    if (node.attribute("expect")) in.fail(node, tr("give either expect or exit-code, not both"));
  }
  if (node.attribute("stdout-text") && node.attribute("stdout-contains"))
    in.fail(node, tr("give either stdout-text or stdout-contains, not both"));
  if (node.attribute("stdout-text")) s.stdout_text = std::string(node.attribute("stdout-text").value()) + "\n";
  s.stdout_contains = node.attribute("stdout-contains").value();
  s.stderr_contains = node.attribute("stderr-contains").value();
}

// user="1234": a container user other than root, so that what it makes on the host shows
// whose it is (root would be the harness's own uid too). Never 0: no more than the default.
void parse_user(const XmlReader& in, const Node& node, Step& s) {
  if (!node.attribute("user")) return;
  const std::string user = node.attribute("user").value();
  const auto uid = parse_uid(user);
  if (!uid || *uid == 0) in.fail(node, tr("user must be a uid other than 0, not '{1}'", {user}));
  s.user = user;
}

void parse_run(const XmlReader& in, const Node& node, Step& s) {
  s.image = node.attribute("image").value();
  if (node.attribute("image") && !is_image_reference(s.image)) in.fail(node, tr("'{1}' is not an image name", {s.image}));
  s.detach = in.boolean(node, "detach");
  s.rm = in.boolean(node, "rm");
  s.read_only = in.boolean(node, "read-only");
  parse_user(in, node, s);
  // --userns: only keep-id, which maps the invoking user to itself (rootless Podman) and
  // gives the container no more than the default; host or another namespace would
  if (node.attribute("userns")) {
    s.userns = node.attribute("userns").value();
    if (s.userns != "keep-id") in.fail(node, tr("userns must be keep-id, not '{1}'", {s.userns}));
  }
}

void parse_write(const XmlReader& in, const Node& node, Step& s) {
  s.content = in.content(node);
  s.path = in.absolute_path(node, node.attribute("path").value());
  if (!s.content) in.fail(node, tr("<write> needs 'text' or 'content'"));
  parse_user(in, node, s);
}

void parse_host_file(const XmlReader& in, const Node& node, Step& s) {
  s.host = in.logical_name(node, "host", N_("host folder"));
  s.path = in.relative_path(node, node.attribute("path").value());
  if (s.kind == StepKind::HostDelete) return;
  s.content = in.content(node);
  if (!s.content) in.fail(node, tr("<host-write> needs 'text' or 'content'"));
}

void parse_expect_container(const XmlReader& in, const Node& node, Step& s) {
  if (node.attribute("exists")) s.exists = in.boolean(node, "exists");
  if (node.attribute("state")) {
    const std::string state = node.attribute("state").value();
    if (state != "running" && state != "stopped") in.fail(node, tr("state must be running or stopped, not '{1}'", {state}));
    s.running = state == "running";
    if (s.exists == false) in.fail(node, tr("a container that must not exist has no state"));
  }
  if (!s.exists && !s.running) in.fail(node, tr("<expect-container> needs exists or state"));
}

void parse_compose_project(const XmlReader& in, const Node& node, Step& s) {
  s.project = in.logical_name(node, "name", N_("project"));
  s.fixture = in.logical_name(node, "fixture", N_("fixture"));
  s.folder = node.attribute("folder").value();
  if (!s.folder.empty() && !is_runtime_name(s.folder)) in.fail(node, tr("folder '{1}' must be a plain folder name", {s.folder}));
  std::istringstream keys(node.attribute("volumes").value());
  for (std::string key; keys >> key;) s.volume_keys.push_back(key);
  std::istringstream networks(node.attribute("networks").value());
  for (std::string key; networks >> key;) {
    if (!is_logical_name(key)) in.fail(node, tr("network '{1}' is not a logical name", {key}));
    s.network_keys.push_back(key);
  }
  std::istringstream named(node.attribute("named").value());
  for (std::string name; named >> name;) {
    if (!is_logical_name(name)) in.fail(node, tr("named volume '{1}' is not a logical name", {name}));
    s.named_volumes.push_back(name);
  }
}

void parse_compose_up(const XmlReader& in, const Node& node, Step& s) {
  if (node.attribute("as")) s.alias = in.logical_name(node, "as", N_("project"));
  s.default_name = in.boolean(node, "default-name");
  if (!s.alias.empty() && s.default_name) in.fail(node, tr("give either as or default-name, not both"));
}

void parse_tutorial(const XmlReader& in, const Node& node, Step& s) {
  std::istringstream words(node.attribute("line").value());
  for (std::string w; words >> w;) s.args.push_back(w);
  if (s.args.empty()) in.fail(node, tr("a tutorial line needs a command"));
  for (const auto& w : s.args) {
    if (w.find("{volume}") != std::string::npos && s.volume.empty()) in.fail(node, tr("{volume} in the line needs volume="));
    if (w.find("{container}") != std::string::npos && s.container.empty())
      in.fail(node, tr("{container} in the line needs container="));
  }
  const auto parsed = parse_tutorial_line(s.args);
  if (!parsed.line) in.fail(node, parsed.error);
  const bool compose = parsed.line->verb == TutorialLine::Verb::ComposeUp || parsed.line->verb == TutorialLine::Verb::ComposeDown;
  if (compose != !s.project.empty())
    in.fail(node, compose ? tr("a docker-compose line needs project=") : tr("only a docker-compose line takes project="));
  if (!s.typed.empty() && (parsed.line->verb != TutorialLine::Verb::Run || !parsed.line->interactive || parsed.line->detach))
    in.fail(node, tr("<typed> lines need an interactive run line (run -i or -it, not -d): they are typed at its prompt"));
}

void parse_expect_file(const XmlReader& in, const Node& node, Step& s) {
  s.content = in.content(node);
  int places = 0;
  if (node.attribute("container") || node.attribute("service")) s.place = Place::Container, ++places;
  if (node.attribute("volume")) s.place = Place::Volume, ++places;
  if (node.attribute("host")) s.place = Place::Host, ++places;
  if (in.boolean(node, "fresh")) s.place = Place::Fresh, ++places;
  if (places != 1) in.fail(node, tr("<expect-file> looks in exactly one place: container=, volume=, host= or fresh=\"true\""));
  if (!s.mounts.empty() && s.place != Place::Fresh) in.fail(node, tr("only a fresh=\"true\" check mounts anything"));
  const std::string path = node.attribute("path").value();
  s.path = (s.place == Place::Volume || s.place == Place::Host) ? in.relative_path(node, path) : in.absolute_path(node, path);
  s.absent = in.boolean(node, "absent");
  if (s.absent && s.content) in.fail(node, tr("a file cannot be absent and have content"));
  if (node.attribute("owner-uid")) {
    if (s.place != Place::Volume && s.place != Place::Host)
      in.fail(node, tr("owner-uid is checked on the host: use volume= or host="));
    const std::string uid = node.attribute("owner-uid").value();
    s.owner_is_invoker = uid == "self";
    s.owner_mapped = uid.rfind("mapped:", 0) == 0;
    s.owner_uid = s.owner_is_invoker ? std::optional<unsigned>(0) : parse_uid(s.owner_mapped ? uid.substr(7) : uid);
    if (!s.owner_uid) in.fail(node, tr("owner-uid must be a number, self or mapped:N, not '{1}'", {uid}));
  }
}

void parse_expect_volume(const XmlReader& in, const Node& node, Step& s) {
  if (node.attribute("exists")) s.exists = in.boolean(node, "exists");
  if (node.attribute("listed")) s.listed = in.boolean(node, "listed");
  s.driver = node.attribute("driver").value();
  if (node.attribute("mountpoint")) {
    if (std::string(node.attribute("mountpoint").value()) != "default")
      in.fail(node, tr("mountpoint can only be \"default\" (the runtime's volume folder)"));
    s.default_mountpoint = true;
  }
  const int checks = s.exists.has_value() + s.listed.has_value() + !s.driver.empty() + s.default_mountpoint;
  if (checks == 0) in.fail(node, tr("<expect-volume> needs one of exists, listed, driver, mountpoint"));
  if (s.exists == false && checks > 1) in.fail(node, tr("a volume that must not exist has no other properties"));
}

}  // namespace

Step parse_step(const XmlReader& in, const Node& node) {
  const std::string element = node.name();
  const StepKindInfo* kind = find_step_kind(element);
  if (!kind) {
    std::vector<std::string> known;
    for (const auto& row : step_kinds()) known.push_back(row.element);
    std::sort(known.begin(), known.end());
    in.fail(node, tr("unknown step <{1}> (known: {2})", {element, join(known, ", ")}));
  }
  in.check_attributes(node, kind->required, attributes_of(*kind));
  Step s;
  s.kind = kind->kind;
  s.element = element;
  s.line = in.line_of(node);
  parse_names(in, node, s);
  if (kind->names_container) parse_target(in, node, s);
  parse_runtimes(in, node, s);
  parse_check(in, node, s);
  parse_children(in, node, *kind, s);
  switch (s.kind) {
    case StepKind::HostDir: s.host = in.logical_name(node, "name", N_("host folder")); break;
    case StepKind::Run:
    case StepKind::Create: parse_run(in, node, s); break;
    case StepKind::Write: parse_write(in, node, s); break;
    case StepKind::Start: s.attach = in.boolean(node, "attach"); break;
    case StepKind::Remove:
    case StepKind::ComposeDown: s.remove_volumes = in.boolean(node, "volumes"); break;
    case StepKind::ComposeProject: parse_compose_project(in, node, s); break;
    case StepKind::ComposeUp: parse_compose_up(in, node, s); break;
    case StepKind::FindVolume: s.target = in.absolute_path(node, node.attribute("target").value()); break;
    case StepKind::Tutorial: parse_tutorial(in, node, s); break;
    case StepKind::ExpectFile: parse_expect_file(in, node, s); break;
    case StepKind::ExpectVolume: parse_expect_volume(in, node, s); break;
    case StepKind::ExpectContainer: parse_expect_container(in, node, s); break;
    case StepKind::ExpectNetwork: s.exists = in.boolean(node, "exists"); break;
    case StepKind::HostWrite:
    case StepKind::HostDelete: parse_host_file(in, node, s); break;
    case StepKind::Exec: parse_user(in, node, s); break;
    case StepKind::VolumeRemove: s.force = in.boolean(node, "force"); break;
    case StepKind::VolumeCreate:
    case StepKind::Stop:
    case StepKind::Restart:
    case StepKind::Wait:
    case StepKind::FindLayer: break;  // their names and children are all they have
  }
  return s;
}

}  // namespace harness
