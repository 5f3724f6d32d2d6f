// The first layer of the scenario parser: reading one XML node's attributes as values,
// each error a LoadError at the node's line. Knows nothing of step kinds.
#pragma once

#include <optional>
#include <pugixml.hpp>
#include <string>
#include <vector>

namespace harness {

// A problem in a scenario file, at a line; the loader adds the file name.
struct LoadError {
  int line;
  std::string message;
};

// "XML error: ..." for a parse that failed, in the user's language (pugixml's words translated).
std::string xml_error(const pugi::xml_parse_result& parsed);

// Decimal digits that fit an unsigned (a uid), or nothing; never throws, unlike std::stoul.
std::optional<unsigned> parse_uid(const std::string& text);

// A logical name (`data`, `my_volume`): lower-case letters, digits, '_', '.', '-'.
bool is_logical_name(const std::string& value);
// A claim ID like EPH-1, or VOL-1/literal.
bool is_claim_id(const std::string& value);

class XmlReader {
 public:
  explicit XmlReader(const std::string& text);

  // An offset at the end of the text (an error at end of input) is on the last line.
  int line_of(std::ptrdiff_t offset) const;
  int line_of(const pugi::xml_node& node) const { return line_of(node.offset_debug()); }

  [[noreturn]] void fail(const pugi::xml_node& node, const std::string& message) const;

  // The node has every required attribute and no other than these (xmlns, xsi: aside).
  void check_attributes(const pugi::xml_node& node, const std::vector<std::string>& required,
                        const std::vector<std::string>& optional) const;

  bool boolean(const pugi::xml_node& node, const char* name, bool fallback = false) const;
  // A positive number of seconds (timeout="30", "0.5"), or nothing when absent.
  std::optional<double> seconds(const pugi::xml_node& node, const char* name) const;
  // what: the word for the name in messages, an N_() literal ("host folder").
  std::string logical_name(const pugi::xml_node& node, const char* name, const char* what) const;
  // text="..." is written like `echo` writes it (with a newline); content="..." exactly.
  std::optional<std::string> content(const pugi::xml_node& node) const;
  std::string relative_path(const pugi::xml_node& node, const std::string& path) const;
  std::string absolute_path(const pugi::xml_node& node, const std::string& path) const;

 private:
  std::size_t size_;
  std::vector<std::size_t> newlines_;
};

}  // namespace harness
