#include "targets_file.hpp"

#include <set>

#include "i18n.hpp"
#include "xml_file.hpp"

namespace harness {

namespace {

Target parse_one(const XmlReader& in, const pugi::xml_node& node) {
  if (std::string(node.name()) != "target")
    in.fail(node, tr("unknown element <{1}>, expected <target>", {std::string(node.name())}));
  in.check_attributes(node, {"cli"}, {"name", "endpoint", "jobs"});
  const std::string cli = node.attribute("cli").value();
  const std::string endpoint = node.attribute("endpoint").value();
  const ParsedTarget parsed = parse_target(node.attribute("endpoint") ? cli + "@" + endpoint : cli);
  if (!parsed.error.empty()) in.fail(node, parsed.error);
  Target target = parsed.target;
  target.display = node.attribute("name").value();
  if (node.attribute("name") && !is_logical_name(target.display))
    in.fail(node, tr("name '{1}' must be lower-case letters, digits, '_', '.', '-'", {target.display}));
  if (node.attribute("jobs")) {
    const auto jobs = parse_uid(node.attribute("jobs").value());
    if (!jobs || *jobs < 1 || *jobs > 64)
      in.fail(node, tr("jobs must be a number from 1 to 64, not '{1}'", {std::string(node.attribute("jobs").value())}));
    target.jobs = *jobs;
  }
  for (const auto& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    if (std::string(child.name()) != "flag")
      in.fail(child, tr("unknown element <{1}> in <target>, expected <flag>", {std::string(child.name())}));
    in.check_attributes(child, {}, {});
    const std::string flag = child.text().get();
    if (flag.empty() || flag.find_first_of("\n\r") != std::string::npos) in.fail(child, tr("<flag> needs one word of text"));
    target.flags.push_back(flag);
  }
  if (!target.flags.empty() && target.flags.front().rfind("-", 0) != 0)
    in.fail(node, tr("the first <flag> must be an option (start with -), not the command '{1}'", {target.flags.front()}));
  return target;
}

}  // namespace

ParsedTargets load_targets_file(const std::string& path) {
  ParsedTargets parsed;
  parsed.error = read_xml_file(path, "targets", [&](const XmlReader& in, const pugi::xml_node& root) {
    std::set<std::string> names;
    for (const auto& node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      Target target = parse_one(in, node);
      if (!names.insert(target.name()).second)
        in.fail(node, tr("a second target named '{1}': give each a name= of its own", {target.name()}));
      parsed.targets.push_back(std::move(target));
    }
    if (parsed.targets.empty()) in.fail(root, tr("<targets> names no <target>"));
  });
  if (!parsed.error.empty()) parsed.targets.clear();
  return parsed;
}

}  // namespace harness
