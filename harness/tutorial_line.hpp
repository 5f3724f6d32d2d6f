// A tutorial's command line (`<tutorial line="run --rm -v {volume}:/data {image} ls"/>`),
// read with the runtimes' own option grammar (Go's pflag, as Docker and Podman use it:
// clusters `-itv`, attached values `-vX` and `-v=X`, `--opt=value`, `--`) and checked
// against an allowlist: the verbs and options the tutorials use, nothing else.
//
// A scenario file is untrusted input that the harness runs as root: a tutorial line may
// start a container on the run's image with its own volume mounted, and create, list,
// inspect or remove its own volume. Every other option, however spelled (`-v/:/h`,
// `-itv/:/h`, `--volume=/:/h`, `--privileged`, `--opt=device=/`, `--network host`, a
// global option before the verb), every mount source but {volume} and every name but
// {container} and {volume} is refused with a one-line message naming it.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace harness {

struct TutorialMount {
  std::string target;  // the absolute path in the container where {volume} is mounted
  bool read_only = false;
};

struct TutorialLine {
  // ComposeUp, ComposeDown: `docker-compose up -d`, `docker-compose down [-v]` exactly as
  // tutorial 000 types them, run with the target's Compose tool on the step's project
  // HostList, HostCat: tutorial 001's look from the host, `[sudo] ls` of
  // /var/lib/docker/volumes/{volume}/_data and `[sudo] cat` of a file in it, read by the
  // harness itself (never following a symlink), never by a runtime
  enum class Verb { Run, VolumeCreate, VolumeList, VolumeInspect, VolumeRemove, ComposeUp, ComposeDown, HostList, HostCat };
  Verb verb = Verb::Run;
  std::size_t verb_words = 1;  // `run` is one word; `container run`, `volume create` two

  // run: the container is always named {container}, so that the harness removes it
  bool rm = false;
  bool interactive = false;
  bool tty = false;
  bool detach = false;
  std::vector<TutorialMount> mounts;  // all of {volume}
  std::string image;                  // "{image}" (the run's image) or an image reference
  std::vector<std::string> command;   // the container's command, as written

  // the one name the command acts on: "{container}" for run, "{volume}" for a volume
  // verb ("" for volume ls)
  std::string name;

  bool remove_volumes = false;  // docker-compose down -v
  std::string host_file;        // HostCat: the file's name in the volume's _data folder
};

// Where tutorial 001 says Docker keeps my_volume's files, with {volume} for its name.
extern const char* const kTutorialVolumeFolder;  // "/var/lib/docker/volumes/{volume}/_data"

struct TutorialParse {
  std::optional<TutorialLine> line;  // when the line is allowed
  std::string error;                 // else one line saying why (the loader adds file:line:)
};

// `words` is the line split on white space, placeholders not yet replaced.
TutorialParse parse_tutorial_line(const std::vector<std::string>& words);

// The words of a container-starting line with `added` right after its `run` verb (the
// options the harness gives every container: its label, its network); other lines
// unchanged. The transcript shows the line as written and this command.
std::vector<std::string> with_run_options(std::vector<std::string> words, const std::vector<std::string>& added);

}  // namespace harness
