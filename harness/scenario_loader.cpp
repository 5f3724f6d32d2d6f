#include "scenario_loader.hpp"

#include <algorithm>
#include <cstdlib>
#include <boost/filesystem.hpp>
#include <fstream>
#include <limits>
#include <map>
#include <pugixml.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "cli_dialect.hpp"
#include "command_values.hpp"
#include "scenario_limits.hpp"
#include "tutorial_line.hpp"

namespace harness {
namespace fs = boost::filesystem;

namespace {

struct Error {
  int line;
  std::string message;
};

const std::regex kLogicalName("[a-z0-9][a-z0-9_.-]{0,40}");
const std::regex kClaimId("[A-Z]+-[0-9]+(/[a-z0-9-]+)?");

// libstdc++'s std::regex recurses once per character it matches: a claim ID of 25,000
// letters overflowed the stack. No valid name or ID is that long: the length goes first.
bool matches(const std::string& value, const std::regex& re) {
  return value.size() <= 100 && std::regex_match(value, re);
}

struct StepRule {
  StepKind kind;
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

// Every step takes these: on which runtimes it runs, and why a runtime differs.
const std::vector<std::string> kCommon = {"runtime", "note", "timeout"};
// An action is a check when it names a claim; then it says what the command must do.
const std::vector<std::string> kCheck = {"claim", "expect", "exit-code", "stdout-text", "stdout-contains"};

std::vector<std::string> operator+(std::vector<std::string> a, const std::vector<std::string>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// A container: by its logical name, or as a Compose project's service.
const std::vector<std::string> kTarget = {"container", "project", "service"};

const std::map<std::string, StepRule>& step_rules() {
  static const std::map<std::string, StepRule> rules = {
      {"host-dir", {StepKind::HostDir, {"name"}, kCommon}},
      {"volume-create", {StepKind::VolumeCreate, {"volume"}, kCommon + kCheck}},
      {"volume-remove", {StepKind::VolumeRemove, {"volume"}, kCommon + kCheck}},
      {"run", {StepKind::Run, {"container"}, std::vector<std::string>{"image", "detach", "rm", "read-only"} + kCommon + kCheck}},
      {"create", {StepKind::Create, {"container"}, std::vector<std::string>{"image", "rm", "read-only"} + kCommon + kCheck}},
      {"write", {StepKind::Write, {"path"}, kTarget + std::vector<std::string>{"text", "content"} + kCommon + kCheck}},
      {"exec", {StepKind::Exec, {}, kTarget + kCommon + kCheck}},
      {"stop", {StepKind::Stop, {}, kTarget + kCommon + kCheck}},
      {"start", {StepKind::Start, {}, kTarget + std::vector<std::string>{"attach"} + kCommon + kCheck}},
      {"restart", {StepKind::Restart, {}, kTarget + kCommon + kCheck}},
      {"remove", {StepKind::Remove, {}, kTarget + std::vector<std::string>{"volumes"} + kCommon + kCheck}},
      {"wait", {StepKind::Wait, {}, kTarget + kCommon + kCheck}},
      {"compose-project", {StepKind::ComposeProject, {"name", "fixture"}, std::vector<std::string>{"folder", "volumes"} + kCommon}},
      {"compose-up", {StepKind::ComposeUp, {"project"}, std::vector<std::string>{"as", "default-name"} + kCommon + kCheck}},
      {"compose-down", {StepKind::ComposeDown, {"project"}, std::vector<std::string>{"volumes"} + kCommon + kCheck}},
      {"find-volume", {StepKind::FindVolume, {"container", "target", "volume"}, kCommon}},
      {"find-layer", {StepKind::FindLayer, {"container", "host"}, kCommon}},
      {"tutorial", {StepKind::Tutorial, {"claim", "line"}, std::vector<std::string>{"volume", "container"} + kCommon + kCheck}},
      {"expect-file",
       {StepKind::ExpectFile, {"claim", "path"},
        kTarget + std::vector<std::string>{"volume", "host", "fresh", "text", "content", "absent", "owner-uid"} + kCommon}},
      {"expect-volume",
       {StepKind::ExpectVolume, {"claim", "volume"}, std::vector<std::string>{"exists", "listed", "driver", "mountpoint"} + kCommon}},
      {"expect-container", {StepKind::ExpectContainer, {"claim", "exists"}, kTarget + kCommon}},
  };
  return rules;
}

std::string join(const std::vector<std::string>& items, const std::string& sep) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : sep) + item;
  return out;
}

// Decimal digits that fit an unsigned (a uid), or nothing; never throws, unlike std::stoul.
std::optional<unsigned> parse_uid(const std::string& text) {
  if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  const unsigned long long value = std::stoull(text);
  if (value > std::numeric_limits<unsigned>::max()) return std::nullopt;
  return static_cast<unsigned>(value);
}

// Turns XML nodes into values, collecting the first error of the file.
class Parser {
 public:
  Parser(std::string file, const std::string& text) : file_(std::move(file)), size_(text.size()) {
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n') newlines_.push_back(i);
  }

  // An offset at the end of the text (an error at end of input) is on the last line.
  int line_of(std::ptrdiff_t offset) const {
    if (size_ > 0) offset = std::min(offset, static_cast<std::ptrdiff_t>(size_ - 1));
    return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(),
                                                 static_cast<std::size_t>(offset)) -
                                newlines_.begin());
  }
  int line_of(const pugi::xml_node& node) const { return line_of(node.offset_debug()); }

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const {
    throw Error{line_of(node), message};
  }

  void check_attributes(const pugi::xml_node& node, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional) const {
    for (const auto& name : required)
      if (!node.attribute(name.c_str()))
        fail(node, "<" + std::string(node.name()) + "> needs the attribute '" + name + "'");
    for (const auto& attr : node.attributes()) {
      const std::string name = attr.name();
      if (name.rfind("xmlns", 0) == 0 || name.rfind("xsi:", 0) == 0) continue;
      if (std::find(required.begin(), required.end(), name) == required.end() &&
          std::find(optional.begin(), optional.end(), name) == optional.end()) {
        std::vector<std::string> known = required;
        for (const auto& o : optional)  // (a required name may be among the optional ones too)
          if (std::find(known.begin(), known.end(), o) == known.end()) known.push_back(o);
        fail(node, "unknown attribute '" + name + "' on <" + node.name() + ">" +
                       (known.empty() ? " (it takes none)" : " (known: " + join(known, ", ") + ")"));
      }
    }
  }

  bool boolean(const pugi::xml_node& node, const char* name, bool fallback = false) const {
    const auto attr = node.attribute(name);
    if (!attr) return fallback;
    const std::string value = attr.value();
    if (value == "true") return true;
    if (value == "false") return false;
    fail(node, "attribute '" + std::string(name) + "' must be true or false, not '" + value + "'");
  }

  // A positive number of seconds (timeout="30", "0.5"), or nothing when absent.
  std::optional<double> seconds(const pugi::xml_node& node, const char* name) const {
    const auto attr = node.attribute(name);
    if (!attr) return std::nullopt;
    const std::string text = attr.value();
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value > 0) || value > 86400)
      fail(node, std::string(name) + " must be a number of seconds above 0 (at most 86400), not '" + text + "'");
    return value;
  }

  std::string logical_name(const pugi::xml_node& node, const char* name, const char* what = nullptr) const {
    const std::string value = node.attribute(name).value();
    if (!matches(value, kLogicalName))
      fail(node, "'" + value + "' is not a valid " + (what ? what : name) +
                     " name (lower-case letters, digits, '_', '.', '-'; at most 41)");
    return value;
  }

  // text="..." is written like `echo` writes it (with a newline); content="..." exactly.
  std::optional<std::string> content(const pugi::xml_node& node) const {
    const auto text = node.attribute("text");
    const auto exact = node.attribute("content");
    if (text && exact) fail(node, "give either 'text' or 'content', not both");
    if (text) return std::string(text.value()) + "\n";
    if (exact) return std::string(exact.value());
    return std::nullopt;
  }

  std::string relative_path(const pugi::xml_node& node, const std::string& path) const {
    if (path.empty() || path[0] == '/' || fs::path(path).lexically_normal().string().rfind("..", 0) == 0)
      fail(node, "path '" + path + "' must be relative and stay inside its folder");
    return path;
  }

  std::string absolute_path(const pugi::xml_node& node, const std::string& path) const {
    if (path.empty() || path[0] != '/') fail(node, "path '" + path + "' must be absolute");
    return path;
  }

  Mount mount(const pugi::xml_node& node) const {
    check_attributes(node, {"type", "target"}, {"source", "path", "read-only", "flag", "nocopy"});
    Mount m;
    const std::string type = node.attribute("type").value();
    if (type == "volume") m.type = Mount::Type::Volume;
    else if (type == "bind") m.type = Mount::Type::Bind;
    else if (type == "tmpfs") m.type = Mount::Type::Tmpfs;
    else fail(node, "mount type must be volume, bind or tmpfs, not '" + type + "'");
    if (m.type == Mount::Type::Bind || (m.type == Mount::Type::Volume && node.attribute("source")))
      m.source = logical_name(node, "source");  // a volume mount without a source is anonymous
    else if (node.attribute("source")) fail(node, "a tmpfs mount has no source");
    if (node.attribute("path")) {
      if (m.type != Mount::Type::Bind) fail(node, "only a bind mount takes a 'path'");
      m.path = relative_path(node, node.attribute("path").value());
    }
    m.target = absolute_path(node, node.attribute("target").value());
    m.read_only = boolean(node, "read-only");
    m.nocopy = boolean(node, "nocopy");
    if (m.nocopy && m.type != Mount::Type::Volume) fail(node, "only a volume mount takes nocopy");
    const std::string flag = node.attribute("flag").as_string("mount");
    if (flag == "volume") m.flag = Mount::Flag::Volume;
    else if (flag != "mount") fail(node, "flag must be mount or volume, not '" + flag + "'");
    if (m.flag == Mount::Flag::Volume && m.type == Mount::Type::Tmpfs)
      fail(node, "a tmpfs mount is given with flag=\"mount\"");
    if (const auto error = volume_flag_error(m); !error.empty()) fail(node, error);
    return m;
  }

  void children(const pugi::xml_node& node, Step& step) const {
    for (const auto& child : node.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string name = child.name();
      const bool runs = step.kind == StepKind::Run || step.kind == StepKind::Create;
      const bool takes_mounts = runs || step.kind == StepKind::ExpectFile;
      const bool takes_args = runs || step.kind == StepKind::Exec;
      // tutorial commands are written on one line: `line="volume create --name {volume}"`
      if (name == "mount" && takes_mounts) {
        step.mounts.push_back(mount(child));
      } else if (name == "arg" && takes_args) {
        check_attributes(child, {}, {});
        step.args.push_back(child.text().get());
      } else if (name == "file" && step.kind == StepKind::HostDir) {
        check_attributes(child, {"path"}, {"text", "content"});
        auto text = content(child);
        if (!text) fail(child, "<file> needs 'text' or 'content'");
        step.files.push_back({relative_path(child, child.attribute("path").value()), *text});
      } else {
        fail(child, "<" + name + "> is not allowed inside <" + step.element + ">");
      }
    }
  }

  Step step(const pugi::xml_node& node) const {
    const std::string element = node.name();
    const auto& rules = step_rules();
    const auto rule = rules.find(element);
    if (rule == rules.end()) {
      std::vector<std::string> known;
      for (const auto& r : rules) known.push_back(r.first);
      fail(node, "unknown step <" + element + "> (known: " + join(known, ", ") + ")");
    }
    check_attributes(node, rule->second.required, rule->second.optional);
    Step s;
    s.kind = rule->second.kind;
    s.element = element;
    s.line = line_of(node);
    if (node.attribute("container")) s.container = logical_name(node, "container");
    if (node.attribute("volume")) s.volume = logical_name(node, "volume");
    if (node.attribute("host")) s.host = logical_name(node, "host");
    if (node.attribute("name")) {
      if (s.kind == StepKind::ComposeProject) s.project = logical_name(node, "name", "project");
      else s.host = logical_name(node, "name", "host folder");
    }
    if (node.attribute("project")) s.project = logical_name(node, "project");
    if (node.attribute("service")) s.service = node.attribute("service").value();
    if (!s.service.empty() && !is_runtime_name(s.service)) fail(node, "'" + s.service + "' is not a valid service name");
    if (node.attribute("as")) s.alias = logical_name(node, "as", "project");
    s.default_name = boolean(node, "default-name");
    if (!s.alias.empty() && s.default_name) fail(node, "give either as or default-name, not both");
    if (node.attribute("fixture")) s.fixture = logical_name(node, "fixture");
    s.folder = node.attribute("folder").value();
    if (!s.folder.empty() && !is_runtime_name(s.folder))
      fail(node, "folder '" + s.folder + "' must be a plain folder name");
    const bool names_a_container = std::find(rule->second.optional.begin(), rule->second.optional.end(), "service") !=
                                   rule->second.optional.end();
    if (names_a_container) target(node, s);
    if (node.attribute("runtime")) {  // a misspelt runtime would silently skip the step everywhere
      const std::string list = node.attribute("runtime").value();
      const auto known = dialect_names();
      for (std::size_t from = 0;;) {
        const std::size_t comma = list.find(',', from);
        const std::string r = list.substr(from, comma - from);
        if (std::find(known.begin(), known.end(), r) == known.end())
          fail(node, "unknown runtime '" + r + "' (known: " + join(known, ", ") + ")");
        s.runtimes.push_back(r);
        if (comma == std::string::npos) break;
        from = comma + 1;
      }
    }
    s.note = node.attribute("note").value();
    s.timeout = seconds(node, "timeout");
    if (!s.note.empty() && s.runtimes.empty()) fail(node, "a note says why a runtime differs: give runtime= too");
    s.claim = node.attribute("claim").value();
    if (node.attribute("claim") && !matches(s.claim, kClaimId))
      fail(node, "'" + s.claim + "' is not a claim ID like EPH-1");
    if (node.attribute("expect")) {
      const std::string expect = node.attribute("expect").value();
      if (expect != "success" && expect != "failure")
        fail(node, "expect must be success or failure, not '" + expect + "'");
      if (s.claim.empty()) fail(node, "expect=\"" + expect + "\" needs the claim it supports");
      s.expect_failure = expect == "failure";
    }
    for (const char* check : {"exit-code", "stdout-text", "stdout-contains"})
      if (node.attribute(check) && s.claim.empty())
        fail(node, std::string(check) + " needs the claim it supports");
    if (node.attribute("exit-code")) {
      const std::string code = node.attribute("exit-code").value();
      const auto parsed = parse_uid(code);
      if (!parsed || *parsed > 255) fail(node, "exit-code must be a number from 0 to 255, not '" + code + "'");
      s.exit_code = static_cast<int>(*parsed);
      if (node.attribute("expect")) fail(node, "give either expect or exit-code, not both");
    }
    if (node.attribute("stdout-text") && node.attribute("stdout-contains"))
      fail(node, "give either stdout-text or stdout-contains, not both");
    if (node.attribute("stdout-text")) s.stdout_text = std::string(node.attribute("stdout-text").value()) + "\n";
    s.stdout_contains = node.attribute("stdout-contains").value();
    if (s.kind == StepKind::ComposeProject) {
      std::istringstream keys(node.attribute("volumes").value());
      for (std::string key; keys >> key;) s.volume_keys.push_back(key);
    } else {
      s.remove_volumes = boolean(node, "volumes");
    }
    s.attach = boolean(node, "attach");
    if (node.attribute("exists")) s.exists = boolean(node, "exists");
    s.image = node.attribute("image").value();
    if (node.attribute("image") && !is_image_reference(s.image))
      fail(node, "'" + s.image + "' is not an image name");
    s.detach = boolean(node, "detach");
    s.rm = boolean(node, "rm");
    s.read_only = boolean(node, "read-only");
    s.content = content(node);
    children(node, s);

    switch (s.kind) {
      case StepKind::Write:
        s.path = absolute_path(node, node.attribute("path").value());
        if (!s.content) fail(node, "<write> needs 'text' or 'content'");
        break;
      case StepKind::FindVolume:
        s.target = absolute_path(node, node.attribute("target").value());
        break;
      case StepKind::Tutorial: {
        std::istringstream words(node.attribute("line").value());
        for (std::string w; words >> w;) s.args.push_back(w);
        if (s.args.empty()) fail(node, "a tutorial line needs a command");
        for (const auto& w : s.args) {
          if (w.find("{volume}") != std::string::npos && s.volume.empty()) fail(node, "{volume} in the line needs volume=");
          if (w.find("{container}") != std::string::npos && s.container.empty()) fail(node, "{container} in the line needs container=");
        }
        if (const auto parsed = parse_tutorial_line(s.args); !parsed.line) fail(node, parsed.error);
        break;
      }
      case StepKind::ExpectFile: expect_file(node, s); break;
      case StepKind::ExpectVolume: expect_volume(node, s); break;
      default: break;
    }
    return s;
  }

  // A container step names its container, or a Compose project and service, not both.
  void target(const pugi::xml_node& node, const Step& s) const {
    if (!s.service.empty() && s.project.empty()) fail(node, "service=\"" + s.service + "\" needs the project= it belongs to");
    if (!s.project.empty() && s.service.empty()) fail(node, "project= needs the service= whose container is meant");
    if (!s.service.empty() && !s.container.empty()) fail(node, "give either container= or project= and service=, not both");
    // an <expect-file> may look elsewhere: expect_file() says where it can look
    if (s.container.empty() && s.service.empty() && s.kind != StepKind::ExpectFile)
      fail(node, "<" + s.element + "> needs the attribute 'container' (or project= and service=)");
  }

  void expect_file(const pugi::xml_node& node, Step& s) const {
    int places = 0;
    if (node.attribute("container") || node.attribute("service")) { s.place = Place::Container; ++places; }
    if (node.attribute("volume")) { s.place = Place::Volume; ++places; }
    if (node.attribute("host")) { s.place = Place::Host; ++places; }
    if (boolean(node, "fresh")) { s.place = Place::Fresh; ++places; }
    if (places != 1)
      fail(node, "<expect-file> looks in exactly one place: container=, volume=, host= or fresh=\"true\"");
    if (!s.mounts.empty() && s.place != Place::Fresh)
      fail(node, "only a fresh=\"true\" check mounts anything");
    const std::string path = node.attribute("path").value();
    s.path = (s.place == Place::Volume || s.place == Place::Host) ? relative_path(node, path)
                                                                 : absolute_path(node, path);
    s.absent = boolean(node, "absent");
    if (s.absent && s.content) fail(node, "a file cannot be absent and have content");
    if (node.attribute("owner-uid")) {
      if (s.place != Place::Volume && s.place != Place::Host)
        fail(node, "owner-uid is checked on the host: use volume= or host=");
      const std::string uid = node.attribute("owner-uid").value();
      s.owner_uid = parse_uid(uid);
      if (!s.owner_uid) fail(node, "owner-uid must be a number, not '" + uid + "'");
    }
  }

  void expect_volume(const pugi::xml_node& node, Step& s) const {
    if (node.attribute("listed")) s.listed = boolean(node, "listed");
    s.driver = node.attribute("driver").value();
    if (node.attribute("mountpoint")) {
      if (std::string(node.attribute("mountpoint").value()) != "default")
        fail(node, "mountpoint can only be \"default\" (the runtime's volume folder)");
      s.default_mountpoint = true;
    }
    const int checks = s.exists.has_value() + s.listed.has_value() + !s.driver.empty() + s.default_mountpoint;
    if (checks == 0) fail(node, "<expect-volume> needs one of exists, listed, driver, mountpoint");
    if (s.exists == false && checks > 1) fail(node, "a volume that must not exist has no other properties");
  }

  Scenario scenario(const pugi::xml_document& doc) const {
    const auto root = doc.document_element();
    if (std::string(root.name()) != "scenario") fail(root, "the root element must be <scenario>, not <" + std::string(root.name()) + ">");
    check_attributes(root, {"id", "title"}, {"tags", "timeout"});
    Scenario sc;
    sc.timeout = seconds(root, "timeout");
    sc.file = file_;
    sc.id = root.attribute("id").value();
    if (!matches(sc.id, kLogicalName)) fail(root, "'" + sc.id + "' is not a valid scenario id");
    sc.title = root.attribute("title").value();
    std::istringstream tags(root.attribute("tags").value());
    for (std::string tag; tags >> tag;) sc.tags.push_back(tag);

    const auto claims = std::distance(root.children("claim").begin(), root.children("claim").end());
    if (const auto error = claims_limit_error(static_cast<std::size_t>(claims)); !error.empty()) fail(root, error);
    pugi::xml_node steps;
    for (const auto& child : root.children()) {
      if (child.type() != pugi::node_element) continue;
      const std::string name = child.name();
      if (name == "source") {
        check_attributes(child, {"seed", "section"}, {});
        sc.seed = child.attribute("seed").value();
        sc.section = child.attribute("section").value();
      } else if (name == "claim") {
        check_attributes(child, {"id"}, {});
        Claim c{child.attribute("id").value(), child.text().get()};
        if (!matches(c.id, kClaimId)) fail(child, "'" + c.id + "' is not a claim ID like EPH-1");
        for (const auto& other : sc.claims)
          if (other.id == c.id) fail(child, "claim " + c.id + " is declared twice");
        sc.claims.push_back(c);
      } else if (name == "steps") {
        if (steps) fail(child, "only one <steps> is allowed");
        steps = child;
      } else {
        fail(child, "<" + name + "> is not allowed in <scenario> (known: source, claim, steps)");
      }
    }
    if (sc.claims.empty()) fail(root, "a scenario checks at least one <claim>");
    if (!steps) fail(root, "a scenario needs <steps>");
    const auto count = std::count_if(steps.begin(), steps.end(), [](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
    if (const auto error = steps_limit_error(static_cast<std::size_t>(count)); !error.empty()) fail(steps, error);
    for (const auto& child : steps.children())
      if (child.type() == pugi::node_element) sc.steps.push_back(step(child));
    check_names(steps, sc);
    return sc;
  }

  // Every name a step uses was introduced by an earlier step on the same runtime (the
  // engine skips a step for other runtimes); every check names a declared claim, and every
  // declared claim has a check.
  void check_names(const pugi::xml_node& steps, const Scenario& sc) const {
    struct Names {
      std::set<std::string> containers, volumes, hosts;
      std::set<std::string> layers;  // writable layers found with <find-layer>
      std::set<std::string> ever_started;  // containers that existed at some point
      std::map<std::string, std::vector<std::string>> projects;  // Compose project -> volume keys
      std::set<std::string> brought_up;                          // projects whose services exist(ed)
    };
    std::map<std::string, Names> on_runtime;
    for (const auto& runtime : dialect_names()) on_runtime[runtime];
    std::set<std::string> checked;
    auto at = [&](const Step& s, const std::string& message) { throw Error{s.line, message}; };
    // when steps differ between runtimes, a name error says on which one it is
    const bool per_runtime = std::any_of(sc.steps.begin(), sc.steps.end(), [](const Step& s) { return !s.runtimes.empty(); });
    for (const auto& s : sc.steps) {
      for (auto& runtime_names : on_runtime) {
        if (!s.applies_to(runtime_names.first)) continue;
        auto& containers = runtime_names.second.containers;
        auto& volumes = runtime_names.second.volumes;
        auto& hosts = runtime_names.second.hosts;
        auto& ever_started = runtime_names.second.ever_started;
        auto& layers = runtime_names.second.layers;
        auto& projects = runtime_names.second.projects;
        auto& brought_up = runtime_names.second.brought_up;
        auto at_on = [&](const std::string& message) {
          at(s, per_runtime ? message + " (on " + runtime_names.first + ")" : message);
        };
        auto need = [&](const std::set<std::string>& known, const std::string& name, const char* what, const char* how) {
          if (!name.empty() && !known.count(name))
            at_on("unknown " + std::string(what) + " '" + name + "': no earlier step " + how);
        };
        const auto need_project = [&](const std::set<std::string>& known) {
          if (!s.project.empty() && !known.count(s.project))
            at_on("unknown project '" + s.project + "': no earlier step " +
                  (&known == &brought_up ? "brings it up (<compose-up>)" : "makes it (<compose-project>)"));
        };
        std::set<std::string> made;
        for (const auto& p : projects) made.insert(p.first);
        for (const auto& m : s.mounts) {
          if (m.type == Mount::Type::Volume && !m.anonymous()) volumes.insert(m.source);
          if (m.type == Mount::Type::Bind) need(hosts, m.source, "host folder", "makes it (<host-dir>)");
        }
        switch (s.kind) {
          case StepKind::HostDir:
            if (!hosts.insert(s.host).second) at_on("host folder '" + s.host + "' is made twice");
            break;
          case StepKind::VolumeCreate: volumes.insert(s.volume); break;
          case StepKind::Run:
            if (containers.count(s.container))
              at_on("container '" + s.container + "' is already started; remove it first");
            if (s.detach || !s.rm) containers.insert(s.container);
            ever_started.insert(s.container);
            break;
          case StepKind::Create:
            if (containers.count(s.container))
              at_on("container '" + s.container + "' is already created; remove it first");
            containers.insert(s.container);
            ever_started.insert(s.container);
            break;
          case StepKind::Tutorial:  // a tutorial's command may create what it names
            if (!s.volume.empty()) volumes.insert(s.volume);
            if (!s.container.empty()) containers.insert(s.container), ever_started.insert(s.container);
            break;
          case StepKind::FindVolume:
            need(containers, s.container, "container", "starts it (<run>)");
            volumes.insert(s.volume);
            break;
          case StepKind::FindLayer:  // a runtime's folder: checks may read it, never mount it
            need(containers, s.container, "container", "starts it (<run>)");
            layers.insert(s.host);
            break;
          case StepKind::ExpectContainer:
            need(ever_started, s.container, "container", "starts it (<run>)");
            need_project(brought_up);
            break;
          case StepKind::ComposeProject:
            if (projects.count(s.project)) at_on("project '" + s.project + "' is made twice");
            projects[s.project] = s.volume_keys;
            break;
          case StepKind::ComposeUp: {
            need_project(made);
            const std::string as = s.alias.empty() ? s.project : s.alias;
            projects[as] = projects[s.project];
            brought_up.insert(as);
            for (const auto& key : projects[as]) volumes.insert(as + "_" + key);
            break;
          }
          case StepKind::ComposeDown:
            need_project(brought_up);
            break;
          case StepKind::Remove:
            need_project(brought_up);
            need(containers, s.container, "container", "starts it (<run>)");
            containers.erase(s.container);
            break;
          default:
            need_project(brought_up);
            if (s.place != Place::Fresh || s.kind != StepKind::ExpectFile)
              need(containers, s.container, "container", "starts it (<run>)");
            need(volumes, s.volume, "volume", "creates or mounts it");
            if (!layers.count(s.host)) need(hosts, s.host, "host folder", "makes it (<host-dir>)");
        }
      }
      if (s.is_check()) {
        const bool declared = std::any_of(sc.claims.begin(), sc.claims.end(),
                                          [&](const Claim& c) { return c.id == s.claim; });
        if (!declared) at(s, "claim " + s.claim + " is not declared in this scenario (add <claim id=\"" + s.claim + "\">)");
        checked.insert(s.claim);
      }
    }
    for (const auto& c : sc.claims)
      if (!checked.count(c.id)) fail(steps, "claim " + c.id + " has no check (a step with claim=\"" + c.id + "\")");
  }

 private:
  std::string file_;
  std::size_t size_;
  std::vector<std::size_t> newlines_;
};

// The line of the root element, where a scenario's id is (for a text that loaded).
int root_line(const std::string& file, const std::string& text) {
  pugi::xml_document doc;
  doc.load_buffer(text.data(), text.size());
  return Parser(file, text).line_of(doc.document_element());
}

boost::system::error_code& ec_ignored() {
  static thread_local boost::system::error_code ec;
  return ec;
}

}  // namespace

LoadResult load_scenario_text(const std::string& file, const std::string& text) {
  LoadResult result;
  Parser parser(file, text);
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(text.data(), text.size());
  if (!parsed) {
    result.errors.push_back(file + ":" + std::to_string(parser.line_of(parsed.offset)) +
                            ": XML error: " + parsed.description());
    return result;
  }
  try {
    result.scenarios.push_back(parser.scenario(doc));
  } catch (const Error& e) {
    result.errors.push_back(file + ":" + std::to_string(e.line) + ": " + e.message);
  }
  return result;
}

LoadResult load_scenarios(const std::vector<std::string>& paths) {
  LoadResult all;
  std::vector<std::string> files;
  for (const auto& path : paths) {
    boost::system::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (const auto& entry : fs::directory_iterator(path, ec))
        if (entry.path().extension() == ".xml" && fs::is_regular_file(entry.path(), ec))
          found.push_back(entry.path().string());
      if (ec) all.errors.push_back(path + ": cannot be read (" + ec.message() + ")");
      std::sort(found.begin(), found.end());
      if (found.empty()) all.errors.push_back(path + ": no scenario files (*.xml) in this folder");
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      all.errors.push_back(path + ": no such file or folder");
    }
  }
  std::map<std::string, std::string> ids;  // scenario id -> file
  std::set<std::string> seen_files;
  for (const auto& file : files) {
    if (!seen_files.insert(fs::weakly_canonical(file, ec_ignored()).string()).second) continue;  // named twice
    const ScenarioText text = read_scenario_file(file);  // within the size limit, or an error
    if (!text.error.empty()) {
      all.errors.push_back(text.error);
      continue;
    }
    auto one = load_scenario_text(file, text.text);
    all.errors.insert(all.errors.end(), one.errors.begin(), one.errors.end());
    for (auto& sc : one.scenarios) {
      const auto seen = ids.emplace(sc.id, file);
      if (!seen.second)
        all.errors.push_back(file + ":" + std::to_string(root_line(file, text.text)) + ": scenario id '" + sc.id +
                             "' is used by " + seen.first->second + " too");
      else
        all.scenarios.push_back(std::move(sc));
    }
  }
  return all;
}

}  // namespace harness
