#include "known_failures.hpp"

#include "claim_filter.hpp"
#include "i18n.hpp"
#include "xml_file.hpp"

namespace harness {

const KnownFailure* KnownFailures::find(const std::string& target, const std::string& claim) const {
  for (const auto& e : entries)
    if (ClaimFilter(e.target).matches(target) && ClaimFilter(e.claim).matches(claim)) return &e;
  return nullptr;
}

LoadedKnownFailures load_known_failures(const std::string& path) {
  LoadedKnownFailures loaded;
  loaded.list.file = path;
  loaded.error = read_xml_file(path, "known-failures", [&](const XmlReader& in, const pugi::xml_node& root) {
    for (const auto& node : root.children()) {
      if (node.type() != pugi::node_element) continue;
      if (std::string(node.name()) != "known")
        in.fail(node, tr("unknown element <{1}>, expected <known>", {std::string(node.name())}));
      in.check_attributes(node, {"target", "claim", "reason"}, {"link"});
      KnownFailure k{node.attribute("target").value(), node.attribute("claim").value(), node.attribute("reason").value(),
                     node.attribute("link").value(), in.line_of(node)};
      for (const auto* value : {&k.target, &k.claim, &k.reason})
        if (value->find_first_not_of(" \t\n") == std::string::npos)
          in.fail(node, tr("<known> has an empty target, claim or reason"));
      if (node.first_child()) in.fail(node, tr("<known> takes no content, only attributes"));
      loaded.list.entries.push_back(k);
    }
  });
  return loaded;
}

void apply_known_failures(const KnownFailures& list, ScenarioResult& r) {
  for (auto& c : r.claims) {
    const KnownFailure* known = list.find(r.runtime, c.claim.id);
    if (!known || (c.verdict != Verdict::Fail && c.verdict != Verdict::Pass)) continue;
    const std::string entry = list.file + ":" + std::to_string(known->line);
    const std::string why = known->reason + (known->link.empty() ? "" : " (" + known->link + ")");
    if (c.verdict == Verdict::Fail) {
      c.verdict = Verdict::Known;
      c.known = tr("known failure ({1}): {2}", {entry, why});
    } else {
      c.verdict = Verdict::Fixed;
      c.known = tr("fixed: a known failure ({1}: {2}) passes now; remove it from the list", {entry, why});
    }
  }
}

}  // namespace harness
