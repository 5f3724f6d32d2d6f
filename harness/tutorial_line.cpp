#include "tutorial_line.hpp"

#include <algorithm>

#include "command_values.hpp"
#include "i18n.hpp"

namespace harness {

const char* const kTutorialVolumeFolder = "/var/lib/docker/volumes/{volume}/_data";

namespace {

// An option a verb allows, as pflag declares it: a long name, maybe a one-letter
// shorthand, and whether it takes a value (the others are booleans).
struct Option {
  const char* name;
  char shorthand;
  bool takes_value;
};
using Options = std::vector<Option>;

const Options kRunOptions = {{"rm", 0, false},       {"name", 0, true},     {"interactive", 'i', false}, {"tty", 't', false},
                             {"detach", 'd', false}, {"volume", 'v', true}, {"mount", 0, true}};
const Options kVolumeCreateOptions = {{"name", 0, true}};  // Docker's own spelling in tutorial 000
const Options kNoOptions = {};

struct Verb {
  std::vector<std::string> words;
  TutorialLine::Verb verb;
  const Options* options;
};

const std::vector<Verb>& verbs() {
  static const std::vector<Verb> table = {
      {{"run"}, TutorialLine::Verb::Run, &kRunOptions},
      {{"container", "run"}, TutorialLine::Verb::Run, &kRunOptions},
      {{"volume", "create"}, TutorialLine::Verb::VolumeCreate, &kVolumeCreateOptions},
      {{"volume", "ls"}, TutorialLine::Verb::VolumeList, &kNoOptions},
      {{"volume", "inspect"}, TutorialLine::Verb::VolumeInspect, &kNoOptions},
      {{"volume", "rm"}, TutorialLine::Verb::VolumeRemove, &kNoOptions},
  };
  return table;
}

const char* const kVolume = "{volume}";
const char* const kContainer = "{container}";
const char* const kImage = "{image}";

struct Refused {
  std::string message;
};

[[noreturn]] void refuse(const std::string& message) { throw Refused{message}; }

[[noreturn]] void mount_only_own_volume(const std::string& value) {
  refuse(
      tr("a tutorial line may mount only its own volume ({volume}), not '{1}': write the step with <run> and <mount>", {value}));
}

// Where the volume goes in the container: an absolute path of plain characters, so that
// it is one field for `-v` and for `--mount` alike.
std::string target(const std::string& path) {
  bool plain = !path.empty() && path[0] == '/' && path.size() <= 4096;
  for (const char c : path)
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' ||
                      c == '-' || c == '/');
  if (!plain)
    refuse(
        tr("a tutorial line mounts its volume at an absolute path of letters, digits, '.', '_', '-' and '/', not '{1}'", {path}));
  return path;
}

// -v {volume}:/path[:ro]
TutorialMount volume_flag(const std::string& spelled, const std::string& value) {
  const auto parts = fields(value, ':');
  if (parts[0] != kVolume) mount_only_own_volume(value);
  if (parts.size() < 2) refuse(tr("{1} {2} needs the path in the container: {volume}:/path", {spelled, value}));
  TutorialMount m{target(parts[1]), false};
  if (parts.size() > 2) {
    const std::string mode = value.substr(parts[0].size() + parts[1].size() + 2);
    if (mode != "ro") refuse(tr("a tutorial line mounts its volume read-write or with :ro, not with :{1}", {mode}));
    m.read_only = true;
  }
  return m;
}

// --mount type=volume,src={volume},dst=/path[,readonly][,volume-nocopy]: Docker and Podman read it as
// CSV; the fields allowed here hold no quote, so splitting on ',' reads it as they do.
TutorialMount mount_flag(const std::string& value) {
  std::string type, source, destination;
  bool read_only = false, has_destination = false;
  std::vector<std::string> seen;
  for (const auto& field : fields(value, ',')) {
    const std::size_t eq = field.find('=');
    const std::string key = field.substr(0, eq);
    const std::string canonical = key == "source"                           ? "src"
                                  : key == "destination" || key == "target" ? "dst"
                                  : key == "ro"                             ? "readonly"
                                                                            : key;
    const bool keyed = canonical == "type" || canonical == "src" || canonical == "dst";
    if (!keyed && canonical != "readonly" && canonical != "volume-nocopy")  // both take less than the default
      refuse(key.empty() ? tr("a tutorial line may not use an empty field in --mount")
                         : tr("a tutorial line may not use '{1}' in --mount", {key}));
    if (keyed != (eq != std::string::npos))
      refuse(keyed ? tr("a tutorial line may not use '{1}' in --mount: write {2}=...", {field, key})
                   : tr("a tutorial line may not use '{1}' in --mount: {2} takes no value", {field, key}));
    for (const auto& s : seen)
      if (s == canonical) refuse(tr("a tutorial line gives '{1}' twice in --mount", {key}));
    seen.push_back(canonical);
    const std::string v = keyed ? field.substr(eq + 1) : "";
    if (canonical == "type") type = v;
    if (canonical == "src") source = v;
    if (canonical == "dst") destination = v, has_destination = true;
    if (canonical == "readonly") read_only = true;
  }
  if (type != "volume" || source != kVolume) mount_only_own_volume(value);
  if (!has_destination) refuse(tr("--mount {1} needs dst=, the path in the container", {value}));
  return {target(destination), read_only};
}

// The option a word spells, for messages: "--cap-add" for "--cap-add=ALL".
std::string option_name(const std::string& word) { return word.substr(0, word.find('=')); }

// Reads `words` from `from` as pflag does for a verb with these options: flags may come
// after positionals (`volume create {volume} --opt x`) unless `interspersed` is false
// (`run`: flags end at the image, what follows is the container's command); `--` ends
// them. Calls `on(option, spelled, value)` for each option; returns the positionals.
template <typename OnOption>
std::vector<std::string> read_options(const std::vector<std::string>& words, std::size_t from, const Options& options,
                                      bool interspersed, OnOption on) {
  std::vector<std::string> positionals;
  for (std::size_t i = from; i < words.size();) {
    const std::string& w = words[i++];
    if (w == "--") {
      positionals.insert(positionals.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
      break;
    }
    if (w.size() < 2 || w[0] != '-') {
      positionals.push_back(w);
      if (!interspersed) {
        positionals.insert(positionals.end(), words.begin() + static_cast<std::ptrdiff_t>(i), words.end());
        break;
      }
      continue;
    }
    if (w[1] == '-') {  // --name, --name=value, --name value
      const std::size_t eq = w.find('=');
      const std::string name = w.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const Option* option = nullptr;
      for (const auto& o : options)
        if (name == o.name) option = &o;
      if (!option || name.empty()) refuse(tr("a tutorial line may not use {1}", {option_name(w)}));
      const std::string spelled = "--" + name;
      if (!option->takes_value) {
        if (eq != std::string::npos) refuse(tr("a tutorial line may not use {1}: {2} takes no value", {w, spelled}));
        on(*option, spelled, "");
      } else if (eq != std::string::npos) {
        on(*option, spelled, w.substr(eq + 1));
      } else {
        if (i == words.size()) refuse(tr("{1} needs a value", {spelled}));
        on(*option, spelled, words[i++]);
      }
      continue;
    }
    // a cluster of shorthands: -it, -itv /x, -vX, -v=X (the value is the rest of the word)
    for (std::size_t j = 1; j < w.size(); ++j) {
      const Option* option = nullptr;
      for (const auto& o : options)
        if (o.shorthand != 0 && o.shorthand == w[j]) option = &o;
      const std::string spelled = std::string("-") + w[j];
      if (!option)
        refuse(w.size() > 2 ? tr("a tutorial line may not use {1} (in {2})", {spelled, w})
                            : tr("a tutorial line may not use {1}", {spelled}));
      const bool equals = j + 2 < w.size() && w[j + 1] == '=';  // -v=X (not copied: a cluster may be long)
      if (!option->takes_value) {
        if (equals) refuse(tr("a tutorial line may not use {1}: {2} takes no value", {w, spelled}));
        on(*option, spelled, "");
        continue;
      }
      if (equals)
        on(*option, spelled, w.substr(j + 2));
      else if (j + 1 < w.size())
        on(*option, spelled, w.substr(j + 1));
      else if (i < words.size())
        on(*option, spelled, words[i++]);
      else
        refuse(tr("{1} needs a value", {spelled}));
      break;
    }
  }
  return positionals;
}

void run(TutorialLine& line, const std::vector<std::string>& words, const Options& options) {
  const auto positionals = read_options(words, line.verb_words, options, false,
                                        [&](const Option& o, const std::string& spelled, const std::string& value) {
                                          const std::string name = o.name;
                                          if (name == "rm") line.rm = true;
                                          if (name == "interactive") line.interactive = true;
                                          if (name == "tty") line.tty = true;
                                          if (name == "detach") line.detach = true;
                                          if (name == "volume") line.mounts.push_back(volume_flag(spelled, value));
                                          if (name == "mount") line.mounts.push_back(mount_flag(value));
                                          if (name == "name") {
                                            if (value != kContainer)
                                              refuse(tr("a tutorial line names its container {container}, not '{1}'", {value}));
                                            line.name = value;
                                          }
                                        });
  if (positionals.empty()) refuse(tr("a tutorial run needs an image: {image} (the run's image) or a name like alpine"));
  line.image = positionals[0];
  if (line.image != kImage && !is_image_reference(line.image)) refuse(tr("'{1}' is not an image name", {line.image}));
  line.command.assign(positionals.begin() + 1, positionals.end());
  if (line.name.empty()) refuse(tr("a tutorial run needs --name {container}: the harness removes the containers it names"));
}

void volume_verb(TutorialLine& line, const std::vector<std::string>& words, const Options& options) {
  const std::string verb = words[0] + " " + words[1];
  std::vector<std::string> names;  // volume create --name, and the positionals
  const auto positionals =
      read_options(words, line.verb_words, options, true,
                   [&](const Option&, const std::string&, const std::string& value) { names.push_back(value); });
  names.insert(names.end(), positionals.begin(), positionals.end());
  if (line.verb == TutorialLine::Verb::VolumeList) {
    if (!names.empty()) refuse(tr("{1} in a tutorial line takes no argument, not '{2}'", {verb, names[0]}));
    return;
  }
  for (const auto& name : names)
    if (name != kVolume) refuse(tr("a tutorial line names its volume {volume}, not '{1}'", {name}));
  if (names.size() != 1) refuse(tr("{1} in a tutorial line acts on one volume, {volume}", {verb}));
  line.name = kVolume;
}

// Tutorial 001's `sudo ls` / `sudo cat` under /var/lib/docker/volumes/{volume}/_data: the
// folder itself, or one plain file name in it, nothing else.
std::optional<TutorialLine> host_line(const std::vector<std::string>& words) {
  const std::size_t at = !words.empty() && words[0] == "sudo" ? 1 : 0;
  if (words.size() <= at || (words[at] != "ls" && words[at] != "cat")) return std::nullopt;
  const std::string folder = kTutorialVolumeFolder;
  const std::string usage =
      tr("a tutorial's look from the host is [sudo] ls {1} or [sudo] cat {1}/FILE (a plain file name), as written", {folder});
  if (words.size() != at + 2) refuse(usage);
  TutorialLine line;
  line.verb_words = words.size();
  line.name = kVolume;
  const std::string& path = words[at + 1];
  if (words[at] == "ls") {
    if (path != folder && path != folder + "/") refuse(usage);
    line.verb = TutorialLine::Verb::HostList;
    return line;
  }
  const std::string file = path.compare(0, folder.size() + 1, folder + "/") == 0 ? path.substr(folder.size() + 1) : "";
  const bool plain =
      !file.empty() && file != "." && file != ".." && file.size() <= 255 &&
      file.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == std::string::npos;
  if (!plain) refuse(usage);
  line.verb = TutorialLine::Verb::HostCat;
  line.host_file = file;
  return line;
}

// Tutorial 000's three Compose lines, word for word, and nothing else.
std::optional<TutorialLine> compose_line(const std::vector<std::string>& words) {
  using W = std::vector<std::string>;
  if (words.empty() || words[0] != "docker-compose") return std::nullopt;
  TutorialLine line;
  line.verb_words = words.size();
  if (words == W{"docker-compose", "up", "-d"}) {
    line.verb = TutorialLine::Verb::ComposeUp;
    line.detach = true;
  } else if (words == W{"docker-compose", "down"} || words == W{"docker-compose", "down", "-v"}) {
    line.verb = TutorialLine::Verb::ComposeDown;
    line.remove_volumes = words.size() == 3;
  } else {
    refuse(tr("a tutorial's Compose line is docker-compose up -d, docker-compose down or docker-compose down -v, as written"));
  }
  return line;
}

}  // namespace

TutorialParse parse_tutorial_line(const std::vector<std::string>& words) {
  TutorialParse result;
  try {
    if (auto compose = compose_line(words)) {
      result.line = std::move(compose);
      return result;
    }
    if (auto host = host_line(words)) {
      result.line = std::move(host);
      return result;
    }
    if (words.empty()) refuse(tr("a tutorial line needs a command"));
    if (words[0].size() > 1 && words[0][0] == '-') refuse(tr("a tutorial line may not use {1}", {option_name(words[0])}));
    const Verb* verb = nullptr;
    for (const auto& v : verbs())
      if (words.size() >= v.words.size() && std::equal(v.words.begin(), v.words.end(), words.begin())) verb = &v;
    if (!verb) {
      const std::string said =
          words[0] == "container" || words[0] == "volume" ? words[0] + (words.size() > 1 ? " " + words[1] : "") : words[0];
      refuse(
          tr("a tutorial line may run only run, container run, volume create, volume ls, volume inspect or volume rm, not '{1}'",
             {said}));
    }
    TutorialLine line;
    line.verb = verb->verb;
    line.verb_words = verb->words.size();
    if (line.verb == TutorialLine::Verb::Run)
      run(line, words, *verb->options);
    else
      volume_verb(line, words, *verb->options);
    result.line = std::move(line);
  } catch (const Refused& r) {
    result.error = r.message;
  }
  return result;
}

std::vector<std::string> with_run_options(std::vector<std::string> words, const std::vector<std::string>& added) {
  std::size_t at = 0;
  if (!words.empty() && words[0] == "run") at = 1;
  if (words.size() > 1 && words[0] == "container" && words[1] == "run") at = 2;
  if (at > 0) words.insert(words.begin() + static_cast<std::ptrdiff_t>(at), added.begin(), added.end());
  return words;
}

}  // namespace harness
