#include "mutant_plan.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>

#include "cli_dialect.hpp"
#include "run_names.hpp"
#include "text.hpp"

namespace harness {

namespace {

// Options of the Docker dialect and of the Compose tools that take a value (the next
// argument when not written --opt=value); every other option is a flag.
const std::set<std::string>& options_with_value() {
  static const std::set<std::string> names = {"--name",
                                              "--network",
                                              "--net",
                                              "--label",
                                              "-l",
                                              "--mount",
                                              "--volume",
                                              "-v",
                                              "--user",
                                              "--userns",
                                              "-u",
                                              "--entrypoint",
                                              "--workdir",
                                              "-w",
                                              "--env",
                                              "-e",
                                              "--env-file",
                                              "--tmpfs",
                                              "--volumes-from",
                                              "--hostname",
                                              "-h",
                                              "--publish",
                                              "-p",
                                              "--memory",
                                              "-m",
                                              "--cpus",
                                              "--ulimit",
                                              "--cap-add",
                                              "--cap-drop",
                                              "--security-opt",
                                              "--device",
                                              "--platform",
                                              "--pull",
                                              "--restart",
                                              "--stop-signal",
                                              "--stop-timeout",
                                              "--time",
                                              "-t",
                                              "--timeout",
                                              "--filter",
                                              "-f",
                                              "--format",
                                              "--driver",
                                              "-d",
                                              "--opt",
                                              "-o",
                                              "--project-name",
                                              "--file",
                                              "--project-directory",
                                              "--log-driver",
                                              "--log-opt"};
  return names;
}

// A few options take a value in one place and are flags in another (`-d` is --detach for
// run, --driver for volume create; `-t` is --tty for run, --time for stop; `-v` a volume
// for run, --volumes for rm and compose down): by verb.
bool takes_value(const std::string& verb, bool compose, const std::string& flag) {
  if (flag.rfind("--", 0) == 0 && flag.find('=') != std::string::npos) return false;
  if (flag == "-d") return verb == "volume create";
  if (flag == "-t") return verb == "stop" || verb == "restart" || (compose && verb == "down");
  if (flag == "-v") return !compose && (verb == "run" || verb == "create");
  if (flag == "-f") return compose ? verb.empty() : verb != "rm" && verb != "volume rm";
  if (flag == "-p") return compose ? verb.empty() : true;
  return options_with_value().count(flag) > 0;
}

// One option as written: its words ({"--rm"}, {"--name", "x"}, {"--name=x"}), its flag and value.
struct Option {
  Argv words;
  std::string flag, value;
};

// The leading options of `args` from `from`, and the index of the first operand.
std::vector<Option> read_options(const Argv& args, std::size_t from, const std::string& verb, bool compose,
                                 std::size_t& operands) {
  std::vector<Option> options;
  std::size_t i = from;
  for (; i < args.size() && args[i].size() > 1 && args[i][0] == '-'; ++i) {
    if (args[i] == "--") {
      ++i;
      break;
    }
    Option o{{args[i]}, args[i], ""};
    const auto eq = args[i].find('=');
    if (args[i].rfind("--", 0) == 0 && eq != std::string::npos) {
      o.flag = args[i].substr(0, eq);
      o.value = args[i].substr(eq + 1);
    } else if (takes_value(verb, compose, args[i]) && i + 1 < args.size()) {
      o.value = args[++i];
      o.words.push_back(o.value);
    }
    options.push_back(o);
  }
  operands = i;
  return options;
}

// A call split into what comes before its verb (Compose's -p and -f; `compose` of the
// plugin), the verb's words, its options and its operands.
struct Call {
  MutantTool tool = MutantTool::Runtime;
  Argv before;  // args before the verb
  std::string verb;
  Argv verb_words;
  std::vector<Option> options;
  Argv operands;
  std::vector<Option> before_options;  // Compose: -p, -f
};

bool is_runtime_cli(const std::string& cli) {
  for (const auto& name : dialect_names())
    if (find_dialect(name)->binary == cli) return true;
  return false;
}

Call split_call(const std::string& cli, const Argv& args) {
  Call call;
  std::size_t at = 0;
  const bool runtime = is_runtime_cli(cli);
  if (runtime && !args.empty() && args[0] == "compose") {
    call.tool = MutantTool::Compose;
    at = 1;
  } else {
    call.tool = runtime ? MutantTool::Runtime : MutantTool::Compose;
  }
  if (call.tool == MutantTool::Compose) call.before_options = read_options(args, at, "", true, at);
  call.before.assign(args.begin(), args.begin() + static_cast<long>(std::min(at, args.size())));
  static const std::set<std::string> groups = {"volume", "container", "network", "image", "system", "compose"};
  if (at < args.size()) call.verb_words.push_back(args[at++]);
  if (call.tool == MutantTool::Runtime && !call.verb_words.empty() && groups.count(call.verb_words[0]) && at < args.size())
    call.verb_words.push_back(args[at++]);
  call.verb = join(call.verb_words, " ");
  std::size_t operands = at;
  call.options = read_options(args, at, call.verb, call.tool == MutantTool::Compose, operands);
  call.operands.assign(args.begin() + static_cast<long>(operands), args.end());
  return call;
}

Argv assemble(const Call& c, const std::vector<Option>& options, const Argv& operands, const Argv& verb_words) {
  Argv args = c.before;
  args.insert(args.end(), verb_words.begin(), verb_words.end());
  for (const auto& o : options) args.insert(args.end(), o.words.begin(), o.words.end());
  args.insert(args.end(), operands.begin(), operands.end());
  return args;
}
Argv assemble(const Call& c, const std::vector<Option>& options) { return assemble(c, options, c.operands, c.verb_words); }

// The fields of a --mount value, a CSV line ("a,b" inside double quotes is one field).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// What a --mount or --volume option mounts.
struct MountOption {
  bool is_mount = false;
  bool bind = false;
  bool tmpfs = false;
  bool read_only = false;
  bool chown = false;  // Podman's U: the source chowned to the container's user
  std::string source, target;
  bool named_volume() const { return is_mount && !bind && !tmpfs && !source.empty(); }
};

MountOption read_mount(const Option& o) {
  MountOption m;
  if (o.flag == "--mount") {
    m.is_mount = true;
    for (const auto& field : csv_fields(o.value)) {
      const auto eq = field.find('=');
      const std::string key = lower(field.substr(0, eq));
      const std::string value = eq == std::string::npos ? "" : field.substr(eq + 1);
      if (key == "type") {
        m.bind = value == "bind";
        m.tmpfs = value == "tmpfs";
      } else if (key == "src" || key == "source") {
        m.source = value;
      } else if (key == "dst" || key == "target" || key == "destination") {
        m.target = value;
      } else if (key == "ro" || key == "readonly") {
        m.read_only = eq == std::string::npos || value == "true" || value == "1";
      } else if (key == "u" || key == "chown") {
        m.chown = eq == std::string::npos || value == "true" || value == "1";
      }
    }
  } else if (o.flag == "--volume" || o.flag == "-v") {
    m.is_mount = true;
    std::vector<std::string> parts;
    std::istringstream in(o.value);
    for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
    if (parts.size() == 1) {
      m.target = parts[0];
    } else if (parts.size() >= 2) {
      m.source = parts[0];
      m.target = parts[1];
      m.bind = !m.source.empty() && (m.source[0] == '/' || m.source[0] == '.' || m.source[0] == '~');
      if (parts.size() >= 3)
        for (const auto& flag : split_commas(parts[2])) {
          m.read_only = m.read_only || flag == "ro";
          m.chown = m.chown || flag == "U";
        }
    }
  }
  return m;
}

bool matches(MountMatch which, const MountOption& m) {
  switch (which) {
    case MountMatch::Any: return true;
    case MountMatch::ReadOnly: return m.read_only;
    case MountMatch::Chown: return m.chown;
  }
  return false;
}

bool has_flag(const std::vector<Option>& options, std::initializer_list<const char*> flags) {
  return std::any_of(options.begin(), options.end(), [&](const Option& o) {
    return std::any_of(flags.begin(), flags.end(), [&](const char* f) { return o.flag == f; });
  });
}

std::string value_of(const std::vector<Option>& options, const std::string& flag) {
  for (const auto& o : options)
    if (o.flag == flag) return o.value;
  return "";
}

MutantAction call(Argv args) { return {MutantAction::Kind::Call, std::move(args), "", ""}; }
MutantAction main_call(Argv args) { return {MutantAction::Kind::Main, std::move(args), "", ""}; }

// The run's --label options, for what the mutant makes beside it.
Argv label_words(const Call& c) {
  Argv words;
  for (const auto& o : c.options)
    if (o.flag == "--label") words.insert(words.end(), o.words.begin(), o.words.end());
  return words;
}

// The volume a mutant puts in place of a container's mount N: named after the container,
// so that the run's end-of-run sweep and `harness clean` find it, as they find the container.
std::string copy_volume(const std::string& container, std::size_t n) { return container + "-copy-" + std::to_string(n); }

// `run` made as `create` (the options `drop` names left out), each mount that `replace`
// selects changed to a volume of its own (copy_volume), made first with the run's labels;
// `replaced` gets those mounts. Something can then be done before `start`.
std::vector<MutantAction> create_instead(const Call& c, const std::string& name, const std::vector<std::string>& drop,
                                         const std::function<bool(const MountOption&)>& replace,
                                         std::vector<MountOption>& replaced) {
  std::vector<MutantAction> actions;
  std::vector<Option> options;
  for (const auto& o : c.options) {
    if (std::find(drop.begin(), drop.end(), o.flag) != drop.end()) continue;
    if (o.flag == "-it" || o.flag == "-ti") {
      options.push_back({{"-t"}, "-t", ""});
      continue;
    }
    const MountOption m = read_mount(o);
    if (!m.is_mount || !replace(m)) {
      options.push_back(o);
      continue;
    }
    const std::string volume = copy_volume(name, replaced.size());
    Argv make = {"volume", "create"};
    const Argv labels = label_words(c);
    make.insert(make.end(), labels.begin(), labels.end());
    make.push_back(volume);
    actions.push_back(call(make));
    const std::string value = mount_option({Mount::Type::Volume, Mount::Flag::Mount, volume, m.target, m.read_only});
    options.push_back({{"--mount", value}, "--mount", value});
    replaced.push_back(m);
  }
  actions.push_back(call(assemble(c, options, c.operands, {"create"})));
  return actions;
}

// What removes the container create_instead makes, and its volumes.
std::vector<Argv> undo_create(const std::string& name, std::size_t volumes) {
  Argv remove = {"volume", "rm", "--force"};
  for (std::size_t i = 0; i < volumes; ++i) remove.push_back(copy_volume(name, i));
  return {{"rm", "--force", "--volumes", name}, remove};
}

MutantPlan copy_binds(const Call& c) {
  MutantPlan plan;
  const std::string name = value_of(c.options, "--name");
  if (name.empty()) return plan;  // nothing to copy into by name
  std::vector<MountOption> binds;
  plan.actions = create_instead(
      c, name, {"--rm", "-d", "--detach", "-i", "--interactive"}, [](const MountOption& m) { return m.bind && !m.read_only; },
      binds);
  if (binds.empty()) return {};
  const bool detached = has_flag(c.options, {"-d", "--detach"});
  plan.applies = true;
  plan.undo = undo_create(name, binds.size());
  for (const auto& b : binds) plan.actions.push_back(call({"cp", b.source + "/.", name + ":" + b.target}));
  Argv start = {"start"};
  if (!detached) start.push_back("--attach");
  if (!detached && has_flag(c.options, {"-i", "--interactive", "-it", "-ti"})) start.push_back("--interactive");
  start.push_back(name);
  plan.actions.push_back(main_call(start));
  if (detached) return plan;  // its copies go with the run's cleanup
  for (const auto& b : binds) {
    plan.actions.push_back({MutantAction::Kind::EmptyFolder, {}, b.source, ""});
    plan.actions.push_back(call({"cp", name + ":" + b.target + "/.", b.source}));
  }
  if (has_flag(c.options, {"--rm"}))
    for (const auto& argv : plan.undo) plan.actions.push_back(call(argv));
  return plan;
}

MutantPlan snapshot_volumes(const Call& c) {
  MutantPlan plan;
  const std::string name = value_of(c.options, "--name");
  if (name.empty() || !has_flag(c.options, {"-d", "--detach"}) || c.operands.empty()) return plan;
  std::vector<MountOption> volumes;
  plan.actions = create_instead(
      c, name, {"-d", "--detach"}, [](const MountOption& m) { return m.named_volume(); }, volumes);
  if (volumes.empty()) return {};
  plan.applies = true;
  plan.undo = undo_create(name, volumes.size());
  for (std::size_t i = 0; i < volumes.size(); ++i) {
    Argv fill = {"run", "--rm", "--name", copy_volume(name, i) + "-filler", "--network", "none"};
    const Argv labels = label_words(c);
    fill.insert(fill.end(), labels.begin(), labels.end());
    fill.insert(fill.end(),
                {"--mount", mount_option({Mount::Type::Volume, Mount::Flag::Mount, volumes[i].source, "/from", true}), "--mount",
                 mount_option({Mount::Type::Volume, Mount::Flag::Mount, copy_volume(name, i), "/to", false}), c.operands[0], "cp",
                 "-a", "/from/.", "/to/"});
    plan.actions.push_back(call(fill));
  }
  plan.actions.push_back(main_call({"start", name}));
  return plan;
}

// A Compose call with one more -f: the file `name` beside the first -f file, its text made by
// `make` from that file's ("" when there is nothing to override, or in a dry run, where the
// file is not written: the call as it is). With no -f it does not apply.
MutantPlan with_override(const Call& c, HostFiles& files, const std::string& name,
                         const std::function<std::string(const std::string&)>& make) {
  MutantPlan plan;
  const std::string file = value_of(c.before_options, "-f");
  if (file.empty()) return plan;
  plan.applies = true;
  HostEntry compose;
  try {
    compose = files.read(file);
  } catch (const std::exception&) {
  }
  const std::string text = make(compose.content);
  if (text.empty()) {
    plan.actions.push_back(main_call(assemble(c, c.options)));
    return plan;
  }
  const std::string override_file = file.substr(0, file.rfind('/') + 1) + name;
  plan.actions.push_back({MutantAction::Kind::WriteFile, {}, override_file, text});
  Call with = c;
  with.before.insert(with.before.end(), {"-f", override_file});
  plan.actions.push_back(main_call(assemble(with, c.options)));
  return plan;
}

MutantPlan tmpfs_over_volumes(const Call& c, HostFiles& files) {
  return with_override(c, files, "harness-mutant-tmpfs.yaml", [](const std::string& compose) {
    const auto targets = compose_named_volume_targets(compose);
    if (targets.empty()) return std::string();
    std::string text =
        "# harness mutant compose-tmpfs-over-volume: a tmpfs over each named volume\nversion: \"3.7\"\nservices:\n";
    std::string service;
    for (const auto& [s, target] : targets) {
      if (s != service) text += "  " + s + ":\n    volumes:\n";
      service = s;
      text += "      - type: tmpfs\n        target: " + quote(target) + "\n";
    }
    return text;
  });
}

// Each external volume declared again without `external`, under the name it has: the
// project's own, which up makes when it is missing (the later file's entry replaces the key's).
MutantPlan own_external(const Call& c, HostFiles& files) {
  return with_override(c, files, "harness-mutant-external.yaml", [](const std::string& compose) {
    const auto volumes = compose_external_volumes(compose);
    if (volumes.empty()) return std::string();
    std::string text = "# harness mutant: each external volume is the project's own\nversion: \"3.7\"\nvolumes:\n";
    for (const auto& [key, name] : volumes) text += "  " + key + ":\n    name: " + (name.empty() ? key : name) + "\n";
    return text;
  });
}

// docker-compose before 1.21 (docker/compose#4002, #5901): the folder's name lowercased,
// every character outside [a-z0-9] dropped. The folder is --project-directory's, else the
// first -f file's; a call with -p, or whose folder it cannot tell, is left alone.
MutantPlan strip_project_name(const Call& c) {
  if (has_flag(c.before_options, {"-p", "--project-name"})) return {};
  std::string folder = value_of(c.before_options, "--project-directory");
  if (folder.empty()) {
    const std::string file = value_of(c.before_options, "-f");
    if (file.find('/') == std::string::npos) return {};
    folder = file.substr(0, file.rfind('/'));
  }
  while (folder.size() > 1 && folder.back() == '/') folder.pop_back();
  std::string name;
  for (const char ch : lower(folder.substr(folder.rfind('/') + 1)))
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) name += ch;
  if (name.empty()) return {};
  MutantPlan plan;
  plan.applies = true;
  Call with = c;
  with.before.insert(with.before.end(), {"-p", name});
  plan.actions.push_back(main_call(assemble(with, c.options)));
  return plan;
}

// `args` added for the VOLUMEs of the call's image: for each path the call does not mount
// already when they hold "{path}", else once.
MutantPlan image_volumes(const Mutant& m, const Call& c, const std::string& cli, const ImageVolumeLookup& lookup) {
  if (c.operands.empty()) return {};
  const auto paths = lookup ? lookup(cli, c.operands[0]) : std::nullopt;
  MutantPlan plan;
  plan.applies = true;
  std::vector<Option> options = c.options;
  if (paths) {  // else it cannot tell: the call as it is
    const bool each =
        std::any_of(m.args.begin(), m.args.end(), [](const std::string& a) { return a.find("{path}") != std::string::npos; });
    std::set<std::string> mounted;
    for (const auto& o : c.options)
      if (const MountOption mount = read_mount(o); mount.is_mount) mounted.insert(mount.target);
    for (const auto& path : *paths) {
      if (each && mounted.count(path)) continue;
      for (const std::string& arg : m.args) {
        const std::string a = with_placeholders(arg, {{"{path}", path}});
        options.push_back({{a}, a, ""});
      }
      if (!each) break;
    }
    if (options.size() == c.options.size()) return {};
  }
  plan.actions.push_back(main_call(assemble(c, options)));
  return plan;
}

MutantPlan require_volumes(const Call& c) {
  MutantPlan plan;
  for (const auto& o : c.options) {
    const MountOption m = read_mount(o);
    if (o.flag == "--mount" || !m.named_volume()) continue;
    plan.actions.push_back(call({"volume", "inspect", "--format", "{{.Name}}", m.source}));
  }
  plan.applies = !plan.actions.empty();
  plan.actions.push_back(main_call(assemble(c, c.options)));
  return plan;
}

// What the harness makes for a target, not for a scenario (harness-<run>-t<K>-...: the
// probe, which learns what the target is, and the network anchor the run's containers
// join): the mutants break the scenarios' calls, not the harness's look at its target.
bool target_call(const Argv& args) { return std::any_of(args.begin(), args.end(), is_target_name); }

bool selected(const Mutant& m, const Call& c) {
  if (m.tool != c.tool || std::find(m.verbs.begin(), m.verbs.end(), c.verb) == m.verbs.end()) return false;
  for (const auto& arg : m.only_with)
    if (!has_flag(c.options, {arg.c_str()})) return false;
  for (const auto& arg : m.unless_with)
    if (has_flag(c.options, {arg.c_str()})) return false;
  return true;
}

}  // namespace

MutantPlan plan_call(const Mutant& m, const std::string& cli, const Argv& args, HostFiles& files,
                     const ImageVolumeLookup& image_volumes_of) {
  const Call c = split_call(cli, args);
  if (!m.clis.empty() && std::find(m.clis.begin(), m.clis.end(), cli) == m.clis.end()) return {};
  if (!selected(m, c) || target_call(args)) return {};
  MutantPlan plan;
  switch (m.rewrite) {
    case Rewrite::DropMounts:
    case Rewrite::DropArgs: {
      std::vector<Option> kept;
      for (const auto& o : c.options) {
        const MountOption mount = read_mount(o);
        const bool drop = m.rewrite == Rewrite::DropArgs ? std::find(m.args.begin(), m.args.end(), o.flag) != m.args.end()
                                                         : mount.is_mount && matches(m.mounts, mount);
        if (!drop) kept.push_back(o);
      }
      plan.applies = kept.size() != c.options.size();
      plan.actions.push_back(main_call(assemble(c, kept)));
      return plan.applies ? plan : MutantPlan{};
    }
    case Rewrite::AddArgs: {
      std::vector<Option> options = c.options;
      for (const auto& a : m.args) options.push_back({{a}, a, ""});
      plan.applies = true;
      plan.actions.push_back(main_call(assemble(c, options)));
      return plan;
    }
    case Rewrite::ReplaceVerb:
      plan.applies = true;
      plan.actions.push_back(main_call(assemble(c, {}, c.operands, m.args)));
      return plan;
    case Rewrite::Pretend:
      plan.applies = true;
      for (const auto& line : m.args == Argv{"operands"} ? c.operands : m.args) plan.print += line + "\n";
      return plan;
    case Rewrite::Refuse:
      plan.applies = true;
      plan.error = "Error: " + (m.args.empty() ? std::string("refused") : m.args[0]) + "\n";
      plan.exit_code = 125;
      return plan;
    case Rewrite::RequireVolumes: plan = require_volumes(c); return plan.applies ? plan : MutantPlan{};
    case Rewrite::CopyBinds: return copy_binds(c);
    case Rewrite::SnapshotVolumes: return snapshot_volumes(c);
    case Rewrite::TmpfsOverVolumes: return tmpfs_over_volumes(c, files);
    case Rewrite::ImageVolumes: return image_volumes(m, c, cli, image_volumes_of);
    case Rewrite::OwnExternal: return own_external(c, files);
    case Rewrite::StripProjectName: return strip_project_name(c);
  }
  return {};
}

bool MutantPlan::changes(const Argv& args) const {
  return applies && !(actions.size() == 1 && actions[0].kind == MutantAction::Kind::Main && actions[0].args == args);
}

bool mutant_applies(const Mutant& mutant, const Argv& argv, HostFiles& files, const ImageVolumeLookup& image_volumes) {
  if (argv.empty()) return false;
  const std::string cli = argv[0].substr(argv[0].rfind('/') + 1);
  ImageVolumeLookup at_path;
  if (image_volumes) at_path = [&](const std::string&, const std::string& image) { return image_volumes(argv[0], image); };
  return plan_call(mutant, cli, Argv(argv.begin() + 1, argv.end()), files, at_path).applies;
}

const char* const kImageVolumesFormat = "{{range $path, $value := .Config.Volumes}}{{println $path}}{{end}}";

std::vector<std::string> image_volume_paths(const std::string& answer) {
  std::vector<std::string> paths;
  std::istringstream in(answer);
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (!line.empty() && line[0] == '/') paths.push_back(line);
  }
  return paths;
}

std::vector<std::pair<std::string, std::string>> compose_named_volume_targets(const std::string& yaml) {
  std::vector<std::pair<std::string, std::string>> found;
  const auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
  const auto unquoted = [](std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
    if (s.size() >= 2 && (s[0] == '"' || s[0] == '\'') && s.back() == s[0]) s = s.substr(1, s.size() - 2);
    return s;
  };
  std::istringstream in(yaml);
  bool in_services = false, in_volumes = false;
  std::size_t service_indent = std::string::npos, volumes_indent = 0;
  std::string service;
  for (std::string line; std::getline(in, line);) {
    const std::size_t at = indent(line);
    if (at == std::string::npos || line[at] == '#') continue;
    const std::string text = unquoted(line.substr(at));
    if (at == 0) {
      in_services = text == "services:";
      in_volumes = false;
      service_indent = std::string::npos;
      continue;
    }
    if (!in_services) continue;
    if (service_indent == std::string::npos) service_indent = at;
    if (at <= service_indent) {
      in_volumes = false;
      if (at == service_indent && !text.empty() && text.back() == ':') service = unquoted(text.substr(0, text.size() - 1));
      continue;
    }
    if (in_volumes && at > volumes_indent && text.rfind("- ", 0) == 0) {
      const std::string entry = unquoted(text.substr(2));
      const auto colon = entry.find(':');
      if (colon == std::string::npos || colon == 0 || entry[0] == '/' || entry[0] == '.' || entry[0] == '~') continue;
      const std::string target = entry.substr(colon + 1, entry.find(':', colon + 1) - colon - 1);
      if (!target.empty() && target[0] == '/') found.emplace_back(service, target);
      continue;
    }
    in_volumes = text == "volumes:";
    volumes_indent = at;
  }
  return found;
}

std::vector<std::pair<std::string, std::string>> compose_external_volumes(const std::string& yaml) {
  std::vector<std::pair<std::string, std::string>> found;
  std::istringstream in(yaml);
  bool in_volumes = false, external = false;
  std::size_t key_indent = std::string::npos;
  std::string key, name;
  const auto done = [&] {
    if (!key.empty() && external) found.emplace_back(key, name);
    key.clear();
    name.clear();
    external = false;
  };
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    const std::size_t at = line.find_first_not_of(' ');
    if (at == std::string::npos || line[at] == '#') continue;
    const std::string text = line.substr(at);
    const auto colon = text.find(':');
    const std::string field = text.substr(0, colon);
    std::string value = colon == std::string::npos ? "" : text.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    if (at == 0) {
      done();
      in_volumes = text == "volumes:";
      key_indent = std::string::npos;
      continue;
    }
    if (!in_volumes) continue;
    if (key_indent == std::string::npos) key_indent = at;
    if (at <= key_indent) {
      done();
      if (colon != std::string::npos) key = field;
    } else if (field == "external") {
      external = value.empty() || value == "true";  // the old form: external: with name: under it
    } else if (field == "name") {
      name = value;
    }
  }
  done();
  return found;
}

}  // namespace harness
