// The topics claims are grouped by in the matrix and the HTML report, in the tutorials'
// order, each with the tutorial sections it comes from; and the order of claims in a
// topic: the tutorials' claims (seed, and their commands as written) first, then the
// extended ones, each by ID with numbers in numeric order (VOL-2 before VOL-10).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace harness {

struct ClaimTopic {
  std::string name;                   // "Volumes"
  std::vector<std::string> prefixes;  // the claim ID families in it: "VOL", "RO"
  std::string sections;               // the tutorials' section titles it follows
};

// One row per topic, in the order of the tutorials.
const std::vector<ClaimTopic>& claim_topics();

// The index in claim_topics() of a claim's topic; claim_topics().size() when its family
// is in none (a topic of its own, "Other claims", last).
std::size_t topic_of(const std::string& claim_id);

// "Volumes (tutorial 001: «Exemple avec persistance»)"; "Other claims" past the table.
std::string topic_heading(std::size_t topic);

// Whether claim a comes before claim b: by topic, the tutorials' claims first, then by ID.
bool claim_before(const std::string& a, bool a_tutorial, const std::string& b, bool b_tutorial);

}  // namespace harness
