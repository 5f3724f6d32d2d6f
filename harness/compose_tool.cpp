#include "compose_tool.hpp"

#include <utility>

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

ComposeCommand ComposeLookup::get(CommandRecord& record) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!looked_up_) look_up();
  if (!untold_.argv.empty()) record = std::exchange(untold_, {});
  return found_;
}

void ComposeLookup::look_up_now() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!looked_up_) look_up();
}

void ComposeLookup::take_answer(ComposeLookup& earlier) {
  std::scoped_lock lock(mutex_, earlier.mutex_);
  if (!earlier.looked_up_) return;
  looked_up_ = true;
  found_ = earlier.found_;
  untold_ = std::exchange(earlier.untold_, {});
}

void ComposeLookup::look_up() {
  looked_up_ = true;
  for (const auto& tool : cli_.dialect().compose) {
    if (tool.plugin) {
      const Argv probe = cli_.words({"compose", "version"});
      untold_ = {probe, "", false, runner_.run(probe, "", timeout_)};
      if (untold_.result.ok()) {
        found_ = {&tool, {cli_.executable(), "compose"}};
        return;
      }
    } else if (const std::string exe = find_on_path(tool.binary); !exe.empty()) {
      found_ = {&tool, {exe}};
      return;
    }
  }
}

std::string ComposeLookup::why_none() const {
  std::vector<std::string> tried;
  for (const auto& t : cli_.dialect().compose) tried.push_back(t.plugin ? cli_.dialect().binary + " compose" : t.binary);
  return tr("no Compose tool for {1} (tried {2}): install one (see .ci/setup)", {cli_.dialect().name, join(tried, ", ")});
}

}  // namespace harness
