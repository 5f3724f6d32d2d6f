#include "claim_topics.hpp"

#include <cctype>
#include <tuple>

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
      {"Ephemerality", {"EPH"}, "tutorial 001: «Exemple sans persistance»; tutorial 000: its opening paragraph"},
      {"Volumes",
       {"VOL", "RO"},
       "tutorial 001: «Exemple avec persistance»; tutorial 000: «3. Lancer l'Application Docker Compose»"},
      {"Sharing", {"SHR"}, "tutorial 001: «Partage entre containers»; tutorial 000: «4. Persistance des Données»"},
      {"Bind mounts", {"BND"}, "tutorial 001: «Montage d’un dossier hôte»"},
      {"Compose", {"CMP"}, "tutorial 000: «Exemple : Ajouter un Volume à un Projet Docker Compose»"},
  };
  return table;
}

std::size_t topic_of(const std::string& claim_id) {
  const std::string family = std::get<0>(id_key(claim_id));
  const auto& topics = claim_topics();
  for (std::size_t i = 0; i < topics.size(); ++i)
    for (const auto& prefix : topics[i].prefixes)
      if (prefix == family) return i;
  return topics.size();
}

std::string topic_heading(std::size_t topic) {
  const auto& topics = claim_topics();
  if (topic >= topics.size()) return "Other claims";
  return topics[topic].name + " (" + topics[topic].sections + ")";
}

bool claim_before(const std::string& a, bool a_tutorial, const std::string& b, bool b_tutorial) {
  return std::make_tuple(topic_of(a), !a_tutorial, id_key(a)) < std::make_tuple(topic_of(b), !b_tutorial, id_key(b));
}

}  // namespace harness
