// The offline fixture image: built from Debian's busybox-static by the recipe in
// fixtures/image/build-image.sh the first time a run needs it, then reused.
#pragma once

#include <string>

#include "cli_dialect.hpp"
#include "process_runner.hpp"

namespace harness {

extern const char* const kFixtureImage;        // "harness-busybox:1"
extern const char* const kFixtureVolumeImage;  // "harness-busybox-volume:1": the same, with VOLUME /srv/owned

// The folder holding the fixtures: $HARNESS_FIXTURES, else data_dir()'s.
std::string fixtures_dir();

// Makes sure `image` exists for this runtime; builds the fixture image when it is the
// one missing; and the fixture image that declares a VOLUME, which scenarios name with
// image=. Returns an error message, or "" when the images are there.
std::string ensure_image(const Cli& cli, ProcessRunner& runner, const std::string& image);

// Whether `image` and the fixture image with a VOLUME are both there: one call, the usual
// case, which ensure_image makes first (a caller may make it beforehand, beside others).
bool images_there(const Cli& cli, ProcessRunner& runner, const std::string& image);

}  // namespace harness
