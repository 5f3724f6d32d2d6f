#include "compose_tool.hpp"

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

ComposeCommand ComposeLookup::get(CommandRecord& record) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (looked_up_) return found_;
  looked_up_ = true;
  for (const auto& tool : cli_.dialect().compose) {
    if (tool.plugin) {
      const Argv probe = cli_.words({"compose", "version"});
      record = {probe, "", false, runner_.run(probe, "", timeout_)};
      if (record.result.ok()) return found_ = {&tool, {cli_.executable(), "compose"}};
    } else if (const std::string exe = find_on_path(tool.binary); !exe.empty()) {
      return found_ = {&tool, {exe}};
    }
  }
  return found_;
}

std::string ComposeLookup::why_none() const {
  std::vector<std::string> tried;
  for (const auto& t : cli_.dialect().compose) tried.push_back(t.plugin ? cli_.dialect().binary + " compose" : t.binary);
  return tr("no Compose tool for {1} (tried {2}): install one (see .ci/setup)", {cli_.dialect().name, join(tried, ", ")});
}

}  // namespace harness
