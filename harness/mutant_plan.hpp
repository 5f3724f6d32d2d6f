// The rewriting engine of the mutants: from a mutant's row and one call of a CLI (its
// arguments, as the harness or a person typed them), the plan of what the broken runtime
// does instead. Pure: nothing here runs a process; files are only read, through HostFiles
// (a Compose file, for the rows that need its services).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "host_files.hpp"
#include "mutants.hpp"
#include "process_runner.hpp"

namespace harness {

// One thing the wrapper does; the calls are to the real CLI, with these arguments.
struct MutantAction {
  enum class Kind {
    Call,         // before Main: must work, else the wrapper fails with its error; after Main: best effort, silent
    Main,         // the call the caller sees: its input, output and exit code are the wrapper's
    EmptyFolder,  // empties a host folder (before a copy back over it)
    WriteFile,    // writes `text` to the host file `path`
  };
  Kind kind = Kind::Call;
  Argv args;         // Call, Main
  std::string path;  // EmptyFolder, WriteFile
  std::string text;  // WriteFile
  bool operator==(const MutantAction& o) const { return kind == o.kind && args == o.args && path == o.path && text == o.text; }
};

struct MutantPlan {
  bool applies = false;  // false: the call goes to the real CLI unchanged
  std::vector<MutantAction> actions;
  std::vector<Argv> undo;  // when a call before Main fails: what removes what the plan made so far (best effort)
  std::string print;       // with no Main: printed on stdout, then the wrapper exits with exit_code
  std::string error;       // ... and this on stderr
  int exit_code = 0;
  // Whether it does anything but the call `args` as it is (a row that cannot tell, or finds
  // nothing to change, applies with the call unchanged).
  bool changes(const Argv& args) const;
};

// What a plan may ask the runtime: the container paths the image declares as VOLUME, as
// the CLI `cli` (a name or a path) tells them; nullopt when it cannot (no such image there).
using ImageVolumeLookup =
    std::function<std::optional<std::vector<std::string>>(const std::string& cli, const std::string& image)>;

// The call of `cli` (the name it was called by: "docker", "docker-compose") with `args`
// (argv without argv[0]) as `mutant` makes it. A row that needs the image's volumes and
// cannot learn them (no lookup, or it cannot tell) applies with the call as it is.
MutantPlan plan_call(const Mutant& mutant, const std::string& cli, const Argv& args, HostFiles& files,
                     const ImageVolumeLookup& image_volumes = {});

// Whether `mutant` changes this call at all (what `harness mutate` asks of a dry run's
// commands, argv[0] a path to the CLI, which `image_volumes` is asked with).
bool mutant_applies(const Mutant& mutant, const Argv& argv, HostFiles& files, const ImageVolumeLookup& image_volumes = {});

// The paths of `image inspect --format` kImageVolumesFormat's answer (one a line).
extern const char* const kImageVolumesFormat;
std::vector<std::string> image_volume_paths(const std::string& answer);

// The services of a Compose file and the container paths of their named volumes (short
// syntax, `- NAME:/path[:mode]`), as {service, path}; a small reader, not a YAML parser.
std::vector<std::pair<std::string, std::string>> compose_named_volume_targets(const std::string& yaml);

// The top-level volumes of a Compose file declared `external: true` (or `external:` with a
// `name:` under it, the old form), as {key, name as written}; name "" when it has none (the
// volume is then called as its key).
std::vector<std::pair<std::string, std::string>> compose_external_volumes(const std::string& yaml);

}  // namespace harness
