#include "claim_topics.hpp"

#include <cctype>
#include <tuple>
#include <utility>

#include "i18n.hpp"

namespace harness {

namespace {

// "VOL-10/literal" -> ("VOL", 10, "/literal"), so that VOL-2 sorts before VOL-10.
std::tuple<std::string, long, std::string> id_key(const std::string& id) {
  const std::size_t dash = id.find('-');
  if (dash == std::string::npos) return {id, 0, ""};
  std::size_t end = dash + 1;
  while (end < id.size() && std::isdigit(static_cast<unsigned char>(id[end]))) ++end;
  const std::string digits = id.substr(dash + 1, end - dash - 1);
  return {id.substr(0, dash), digits.empty() || digits.size() > 9 ? 0 : std::stol(digits), id.substr(end)};
}

}  // namespace

const std::vector<ClaimTopic>& claim_topics() {
  static const std::vector<ClaimTopic> table = {
      {N_("Ephemerality"), {"EPH"}, N_("tutorial 001: «Exemple sans persistance»; tutorial 000: its opening paragraph")},
      {N_("Volumes"),
       {"VOL", "RO"},
       N_("tutorial 001: «Exemple avec persistance»; tutorial 000: «3. Lancer l'Application Docker Compose»")},
      {N_("Sharing"), {"SHR"}, N_("tutorial 001: «Partage entre containers»; tutorial 000: «4. Persistance des Données»")},
      {N_("Bind mounts"), {"BND"}, N_("tutorial 001: «Montage d’un dossier hôte»")},
      {N_("Compose"), {"CMP"}, N_("tutorial 000: «Exemple : Ajouter un Volume à un Projet Docker Compose»")},
  };
  return table;
}

namespace {
// The claim's topic, and its family's place in that topic's list (VOL before RO).
std::pair<std::size_t, std::size_t> place_of(const std::string& claim_id) {
  const std::string family = std::get<0>(id_key(claim_id));
  const auto& topics = claim_topics();
  for (std::size_t i = 0; i < topics.size(); ++i)
    for (std::size_t j = 0; j < topics[i].prefixes.size(); ++j)
      if (topics[i].prefixes[j] == family) return {i, j};
  return {topics.size(), 0};
}
}  // namespace

std::size_t topic_of(const std::string& claim_id) { return place_of(claim_id).first; }

std::string topic_heading(std::size_t topic) {
  const auto& topics = claim_topics();
  if (topic >= topics.size()) return tr("Other claims");
  return tr(topics[topic].name.c_str()) + " (" + tr(topics[topic].sections.c_str()) + ")";
}

bool claim_before(const std::string& a, bool a_tutorial, const std::string& b, bool b_tutorial) {
  const auto pa = place_of(a), pb = place_of(b);
  return std::make_tuple(pa.first, !a_tutorial, pa.second, id_key(a)) <
         std::make_tuple(pb.first, !b_tutorial, pb.second, id_key(b));
}

}  // namespace harness
