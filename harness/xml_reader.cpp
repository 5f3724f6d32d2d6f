#include "xml_reader.hpp"

#include <algorithm>
#include <boost/filesystem.hpp>
#include <cstdlib>
#include <limits>
#include <regex>

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

namespace {

const std::regex kLogicalName("[a-z0-9][a-z0-9_.-]{0,40}");
const std::regex kClaimId("[A-Z]+-[0-9]+(/[a-z0-9-]+)?");

// libstdc++'s std::regex recurses once per character it matches: a claim ID of 25,000
// letters overflowed the stack. No valid name or ID is that long: the length goes first.
bool matches(const std::string& value, const std::regex& re) { return value.size() <= 100 && std::regex_match(value, re); }

struct ParseStatus {
  pugi::xml_parse_status status;
  const char* english;  // as pugixml's description() says it
};

const ParseStatus kParseStatuses[] = {
    {pugi::status_file_not_found, N_("File was not found")},
    {pugi::status_io_error, N_("Error reading from file/stream")},
    {pugi::status_out_of_memory, N_("Could not allocate memory")},
    {pugi::status_internal_error, N_("Internal error occurred")},
    {pugi::status_unrecognized_tag, N_("Could not determine tag type")},
    {pugi::status_bad_pi, N_("Error parsing document declaration/processing instruction")},
    {pugi::status_bad_comment, N_("Error parsing comment")},
    {pugi::status_bad_cdata, N_("Error parsing CDATA section")},
    {pugi::status_bad_doctype, N_("Error parsing document type declaration")},
    {pugi::status_bad_pcdata, N_("Error parsing PCDATA section")},
    {pugi::status_bad_start_element, N_("Error parsing start element tag")},
    {pugi::status_bad_attribute, N_("Error parsing element attribute")},
    {pugi::status_bad_end_element, N_("Error parsing end element tag")},
    {pugi::status_end_element_mismatch, N_("Start-end tags mismatch")},
    {pugi::status_append_invalid_root, N_("Unable to append nodes: root is not an element or document")},
    {pugi::status_no_document_element, N_("No document element found")},
};

}  // namespace

std::string xml_error(const pugi::xml_parse_result& parsed) {
  std::string description = parsed.description();
  for (const auto& s : kParseStatuses)
    if (s.status == parsed.status) description = tr(s.english);
  return tr("XML error: {1}", {description});
}

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
    if (!node.attribute(name.c_str())) fail(node, tr("<{1}> needs the attribute '{2}'", {node.name(), name}));
  for (const auto& attr : node.attributes()) {
    const std::string name = attr.name();
    if (name.rfind("xmlns", 0) == 0 || name.rfind("xsi:", 0) == 0) continue;
    if (std::find(required.begin(), required.end(), name) == required.end() &&
        std::find(optional.begin(), optional.end(), name) == optional.end()) {
      std::vector<std::string> known = required;
      for (const auto& o : optional)  // (a required name may be among the optional ones too)
        if (std::find(known.begin(), known.end(), o) == known.end()) known.push_back(o);
      fail(node, known.empty() ? tr("unknown attribute '{1}' on <{2}> (it takes none)", {name, node.name()})
                               : tr("unknown attribute '{1}' on <{2}> (known: {3})", {name, node.name(), join(known, ", ")}));
    }
  }
}

bool XmlReader::boolean(const pugi::xml_node& node, const char* name, bool fallback) const {
  const auto attr = node.attribute(name);
  if (!attr) return fallback;
  const std::string value = attr.value();
  if (value == "true") return true;
  if (value == "false") return false;
  fail(node, tr("attribute '{1}' must be true or false, not '{2}'", {name, value}));
}

std::optional<double> XmlReader::seconds(const pugi::xml_node& node, const char* name) const {
  const auto attr = node.attribute(name);
  if (!attr) return std::nullopt;
  const std::string text = attr.value();
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || !(value > 0) || value > 86400)
    fail(node, tr("{1} must be a number of seconds above 0 (at most 86400), not '{2}'", {name, text}));
  return value;
}

std::string XmlReader::logical_name(const pugi::xml_node& node, const char* name, const char* what) const {
  const std::string value = node.attribute(name).value();
  if (!is_logical_name(value))
    fail(node, tr("'{1}' is not a valid {2} name (lower-case letters, digits, '_', '.', '-'; at most 41)", {value, tr(what)}));
  return value;
}

std::optional<std::string> XmlReader::content(const pugi::xml_node& node) const {
  const auto text = node.attribute("text");
  const auto exact = node.attribute("content");
  if (text && exact) fail(node, tr("give either 'text' or 'content', not both"));
  if (text) return std::string(text.value()) + "\n";
  if (exact) return std::string(exact.value());
  return std::nullopt;
}

std::string XmlReader::relative_path(const pugi::xml_node& node, const std::string& path) const {
  if (path.empty() || path[0] == '/' || boost::filesystem::path(path).lexically_normal().string().rfind("..", 0) == 0)
    fail(node, tr("path '{1}' must be relative and stay inside its folder", {path}));
  return path;
}

std::string XmlReader::absolute_path(const pugi::xml_node& node, const std::string& path) const {
  if (path.empty() || path[0] != '/') fail(node, tr("path '{1}' must be absolute", {path}));
  return path;
}

}  // namespace harness
