#include "xml_reader.hpp"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <limits>
#include <regex>

#include "text.hpp"

namespace harness {

namespace {

const std::regex kLogicalName("[a-z0-9][a-z0-9_.-]{0,40}");
const std::regex kClaimId("[A-Z]+-[0-9]+(/[a-z0-9-]+)?");

// libstdc++'s std::regex recurses once per character it matches: a claim ID of 25,000
// letters overflowed the stack. No valid name or ID is that long: the length goes first.
bool matches(const std::string& value, const std::regex& re) { return value.size() <= 100 && std::regex_match(value, re); }

}  // namespace

std::optional<unsigned> parse_uid(const std::string& text) {
  if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string::npos) return std::nullopt;
  const unsigned long long value = std::stoull(text);
  if (value > std::numeric_limits<unsigned>::max()) return std::nullopt;
  return static_cast<unsigned>(value);
}

bool is_logical_name(const std::string& value) { return matches(value, kLogicalName); }
bool is_claim_id(const std::string& value) { return matches(value, kClaimId); }

XmlReader::XmlReader(const std::string& text) : size_(text.size()) {
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') newlines_.push_back(i);
}

int XmlReader::line_of(std::ptrdiff_t offset) const {
  if (size_ > 0) offset = std::min(offset, static_cast<std::ptrdiff_t>(size_ - 1));
  return 1 + static_cast<int>(std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<std::size_t>(offset)) -
                              newlines_.begin());
}

void XmlReader::fail(const pugi::xml_node& node, const std::string& message) const { throw LoadError{line_of(node), message}; }

void XmlReader::check_attributes(const pugi::xml_node& node, const std::vector<std::string>& required,
                                 const std::vector<std::string>& optional) const {
  for (const auto& name : required)
    if (!node.attribute(name.c_str())) fail(node, "<" + std::string(node.name()) + "> needs the attribute '" + name + "'");
  for (const auto& attr : node.attributes()) {
    const std::string name = attr.name();
    if (name.rfind("xmlns", 0) == 0 || name.rfind("xsi:", 0) == 0) continue;
    if (std::find(required.begin(), required.end(), name) == required.end() &&
        std::find(optional.begin(), optional.end(), name) == optional.end()) {
      std::vector<std::string> known = required;
      for (const auto& o : optional)  // (a required name may be among the optional ones too)
        if (std::find(known.begin(), known.end(), o) == known.end()) known.push_back(o);
      fail(node, "unknown attribute '" + name + "' on <" + node.name() + ">" +
                     (known.empty() ? " (it takes none)" : " (known: " + join(known, ", ") + ")"));
    }
  }
}

bool XmlReader::boolean(const pugi::xml_node& node, const char* name, bool fallback) const {
  const auto attr = node.attribute(name);
  if (!attr) return fallback;
  const std::string value = attr.value();
  if (value == "true") return true;
  if (value == "false") return false;
  fail(node, "attribute '" + std::string(name) + "' must be true or false, not '" + value + "'");
}

std::optional<double> XmlReader::seconds(const pugi::xml_node& node, const char* name) const {
  const auto attr = node.attribute(name);
  if (!attr) return std::nullopt;
  const std::string text = attr.value();
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value > 0) || value > 86400)
    fail(node, std::string(name) + " must be a number of seconds above 0 (at most 86400), not '" + text + "'");
  return value;
}

std::string XmlReader::logical_name(const pugi::xml_node& node, const char* name, const char* what) const {
  const std::string value = node.attribute(name).value();
  if (!is_logical_name(value))
    fail(node, "'" + value + "' is not a valid " + (what ? what : name) +
                   " name (lower-case letters, digits, '_', '.', '-'; at most 41)");
  return value;
}

std::optional<std::string> XmlReader::content(const pugi::xml_node& node) const {
  const auto text = node.attribute("text");
  const auto exact = node.attribute("content");
  if (text && exact) fail(node, "give either 'text' or 'content', not both");
  if (text) return std::string(text.value()) + "\n";
  if (exact) return std::string(exact.value());
  return std::nullopt;
}

std::string XmlReader::relative_path(const pugi::xml_node& node, const std::string& path) const {
  if (path.empty() || path[0] == '/' || boost::filesystem::path(path).lexically_normal().string().rfind("..", 0) == 0)
    fail(node, "path '" + path + "' must be relative and stay inside its folder");
  return path;
}

std::string XmlReader::absolute_path(const pugi::xml_node& node, const std::string& path) const {
  if (path.empty() || path[0] != '/') fail(node, "path '" + path + "' must be absolute");
  return path;
}

}  // namespace harness
