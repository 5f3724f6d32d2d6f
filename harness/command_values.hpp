// Values from a scenario file that reach a runtime's command line, checked for what they
// are: an image reference, a runtime name, a path in a container. Each reaches the
// runtime as one argv entry, never through a shell; these checks keep it from being read
// as something else by the runtime's own parsing (an option, more `-v` fields).
#pragma once

#include <string>
#include <vector>

#include "scenario.hpp"

namespace harness {

// The fields of a value split at every `separator`: `-v`'s SRC:DST:MODE, an image's
// path components, a `--mount` value without quotes. "" is one empty field.
std::vector<std::string> fields(const std::string& value, char separator);

// An image reference as Docker and Podman read one: [host[:port]/]path[:tag][@digest],
// the path of lower-case components (`alpine`, `harness-busybox:1`,
// `registry.example:5000/team/app:1.2@sha256:<64 hex>`). Never an option ("-x").
bool is_image_reference(const std::string& text);

// A container, volume or Compose service name as the runtimes take it:
// [a-zA-Z0-9][a-zA-Z0-9_.-]*, at most 128 characters.
bool is_runtime_name(const std::string& text);

// A mount given as `--volume SRC:DST[:ro]` (flag="volume"): its target, and its path in
// a host folder, are fields of that value, so neither may hold the ':' that starts another
// field or the ',' that separates options (an anonymous volume at "/etc:/h" would be a
// bind mount of the host's /etc). The message saying so, or "" when the mount is fine.
std::string volume_flag_error(const Mount& mount);

}  // namespace harness
