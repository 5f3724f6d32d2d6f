#include "shared_exec.hpp"

#include <cstdlib>

namespace harness {

namespace {
// $1 the marker, then four words per part: script, name, path, "stdin" or "-". A part's
// stdout goes straight out (fd 3); its stderr is caught and printed after the marker.
const char* const kShared =
    "m=$1; shift; exec 3>&1; "
    "while [ $# -ge 4 ]; do "
    "if [ \"$4\" = stdin ]; then e=$(sh -c \"$1\" \"$2\" \"$3\" 2>&1 >&3); "
    "else e=$(sh -c \"$1\" \"$2\" \"$3\" 2>&1 >&3 </dev/null); fi; "
    "r=$?; printf '\\n%s %d\\n%s\\n%s\\n' \"$m\" \"$r\" \"$e\" \"$m\"; shift 4; done";
}  // namespace

Argv shared_command(const std::vector<ExecPart>& parts, const std::string& marker) {
  Argv argv{"sh", "-c", kShared, "shared", marker};
  for (const auto& p : parts) {
    argv.insert(argv.end(), p.command.begin() + 2, p.command.begin() + 5);
    argv.push_back(p.reads_stdin ? "stdin" : "-");
  }
  return argv;
}

SplitAnswer split_answer(const ProcessResult& whole, std::size_t parts, const std::string& marker) {
  SplitAnswer split{std::vector<ProcessResult>(parts, whole), 0};
  auto& answers = split.parts;
  const std::string head = "\n" + marker + " ", tail = "\n" + marker + "\n";
  std::size_t from = 0;
  for (std::size_t k = 0; k < parts; ++k) {
    const std::size_t at = whole.out.find(head, from);
    const std::size_t code_end = at == std::string::npos ? at : whole.out.find('\n', at + head.size());
    const std::size_t err_end = code_end == std::string::npos ? code_end : whole.out.find(tail, code_end);
    if (err_end == std::string::npos) break;  // the exec ended before this part answered
    ProcessResult& a = answers[k];
    a.out = whole.out.substr(from, at - from);
    a.exit_code = std::atoi(whole.out.c_str() + at + head.size());
    a.err = err_end > code_end ? whole.out.substr(code_end + 1, err_end - code_end - 1) : "";
    if (!a.err.empty()) a.err += "\n";  // $(...) took its last newline
    a.timed_out = false;
    a.spawn_error.clear();
    a.note.clear();
    from = err_end + tail.size();
    split.answered = k + 1;
  }
  return split;
}

}  // namespace harness
