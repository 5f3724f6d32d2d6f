// Reads the tar archives a runtime writes on stdout (`cp <container>:<path> -`, `export`,
// `volume export`): ustar headers with GNU long names ('L', 'K') and pax records ('x'),
// as Go's archive/tar (Docker) and Podman write them. Pure: bytes in, entries out.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace harness {

struct TarEntry {
  enum class Kind { File, HardLink, Symlink, Folder, Other };
  std::string name;  // relative: no leading "/" or "./", no trailing "/"; "" is the root
  Kind kind = Kind::Other;
  unsigned uid = 0;
  unsigned long long size = 0;  // a regular file's size
  std::string content;          // a regular file's first bytes (up to the limit read_tar was given)
  std::string link;             // a symlink's target; a hard link's entry (as a name above)
};

// Every entry of a whole archive, in order. Throws std::runtime_error when `bytes` is not
// one (a bad header checksum, a field that is not a number, an archive cut short), so that
// an answer the harness cannot read is never taken for an empty one.
std::vector<TarEntry> read_tar(const std::string& bytes, std::size_t content_limit);

// "a/b/": "a/b"; "./a": "a"; "/": "".
std::string tar_name(std::string name);

// A line per entry, for a transcript: "file f (uid 1234, 3 bytes)"; at most `most` lines.
std::string describe_tar(const std::vector<TarEntry>& entries, std::size_t archive_bytes, std::size_t most);

}  // namespace harness
