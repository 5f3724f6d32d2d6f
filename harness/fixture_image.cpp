#include "fixture_image.hpp"

#include <cstdlib>

#include "data_dir.hpp"
#include "i18n.hpp"
#include "text.hpp"

namespace harness {

const char* const kFixtureImage = "harness-busybox:1";
const char* const kFixtureVolumeImage = "harness-busybox-volume:1";

std::string fixtures_dir() {
  const char* dir = std::getenv("HARNESS_FIXTURES");
  return dir && *dir ? dir : data_dir() + "/fixtures";
}

namespace {
std::string ensure_one(const Cli& cli, ProcessRunner& runner, const std::string& image) {
  using namespace std::chrono_literals;
  if (runner.run(cli.image_exists({image}), "", 30s).ok()) return "";
  if (image != kFixtureImage && image != kFixtureVolumeImage)
    return tr("image {1} is not there for {2}: pull or import it first, or leave --image out to use the fixture image",
              {image, cli.dialect().name});
  const std::string recipe = fixtures_dir() + "/image/build-image.sh";
  Argv build{"bash", recipe, cli.executable(), image};
  if (image == kFixtureVolumeImage) build.push_back("volume");
  const auto built = runner.run(build, "", 120s);
  if (!built.ok())
    return tr("building the fixture image with {1} failed (exit {2}): {3}",
              {recipe, std::to_string(built.exit_code), printable(clip(built.err + built.spawn_error, 2000))});
  return "";
}
}  // namespace

bool images_there(const Cli& cli, ProcessRunner& runner, const std::string& image) {
  using namespace std::chrono_literals;
  return runner.run(cli.image_exists({image, kFixtureVolumeImage}), "", 30s).ok();
}

std::string ensure_image(const Cli& cli, ProcessRunner& runner, const std::string& image) {
  if (images_there(cli, runner, image)) return "";  // the usual case: one call
  const std::string error = ensure_one(cli, runner, image);
  return error.empty() ? ensure_one(cli, runner, kFixtureVolumeImage) : error;
}

}  // namespace harness
