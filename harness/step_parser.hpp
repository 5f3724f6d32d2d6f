// The second layer of the scenario parser: one step element into a Step value, with a
// small parse function per kind (ninja's manifest_parser has one per statement). The
// attributes a kind takes come from its row in step_kinds().
#pragma once

#include "scenario.hpp"
#include "xml_reader.hpp"

namespace harness {

// Throws LoadError for an unknown element or any attribute or child it does not take.
Step parse_step(const XmlReader& reader, const pugi::xml_node& node);

}  // namespace harness
