#include "command_values.hpp"

#include <utility>
#include <vector>

#include "i18n.hpp"

namespace harness {

namespace {

bool alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool lower_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }
bool hex(char c) { return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// path-component := [a-z0-9]+ (separator [a-z0-9]+)*, separator := [_.] | __ | -+
bool path_component(const std::string& c) {
  if (c.empty() || !lower_alnum(c.front()) || !lower_alnum(c.back())) return false;
  for (std::size_t i = 0; i < c.size();) {
    if (lower_alnum(c[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < c.size() && !lower_alnum(c[j])) ++j;
    const std::string sep = c.substr(i, j - i);
    if (sep != "_" && sep != "." && sep != "__" && sep.find_first_not_of('-') != std::string::npos) return false;
    i = j;
  }
  return true;
}

// domain-component := [a-zA-Z0-9] | [a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]
bool domain_component(const std::string& c) {
  if (c.empty() || !alnum(c.front()) || !alnum(c.back())) return false;
  for (const char ch : c)
    if (!alnum(ch) && ch != '-') return false;
  return true;
}

// host[:port], the host of dot-separated domain components (no IPv6 literal).
bool domain(const std::string& d) {
  const std::size_t colon = d.find(':');
  const std::string host = d.substr(0, colon);
  if (colon != std::string::npos) {
    const std::string port = d.substr(colon + 1);
    if (port.empty() || port.size() > 5) return false;
    for (const char c : port)
      if (!digit(c)) return false;
  }
  for (const auto& component : fields(host, '.'))
    if (!domain_component(component)) return false;
  return true;
}

// tag := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
bool tag(const std::string& t) {
  if (t.empty() || t.size() > 128 || !(alnum(t[0]) || t[0] == '_')) return false;
  for (const char c : t)
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  return true;
}

// digest := algorithm ":" hex{32,}, the algorithm [A-Za-z][A-Za-z0-9]* joined by [+._-]
bool digest(const std::string& d) {
  const std::size_t colon = d.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  const std::string algorithm = d.substr(0, colon), value = d.substr(colon + 1);
  bool component_start = true;
  for (const char c : algorithm) {
    if (c == '+' || c == '.' || c == '_' || c == '-') {
      if (component_start) return false;
      component_start = true;
    } else if (component_start ? !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) : !alnum(c)) {
      return false;
    } else {
      component_start = false;
    }
  }
  if (component_start || value.size() < 32) return false;
  for (const char c : value)
    if (!hex(c)) return false;
  return true;
}

}  // namespace

std::vector<std::string> fields(const std::string& value, char separator) {
  std::vector<std::string> parts;
  for (std::size_t from = 0;;) {
    const std::size_t at = value.find(separator, from);
    parts.push_back(value.substr(from, at - from));
    if (at == std::string::npos) return parts;
    from = at + 1;
  }
}

bool is_image_reference(const std::string& text) {
  if (text.empty() || text.size() > 512) return false;
  std::string name = text;
  const std::size_t at = name.find('@');
  if (at != std::string::npos) {
    if (!digest(name.substr(at + 1))) return false;
    name.resize(at);
  }
  const std::size_t slash = name.rfind('/');
  const std::size_t colon = name.rfind(':');
  if (colon != std::string::npos && (slash == std::string::npos || colon > slash)) {
    if (!tag(name.substr(colon + 1))) return false;
    name.resize(colon);
  }
  if (name.empty() || name.size() > 255) return false;
  auto components = fields(name, '/');
  // the first component is a registry when it looks like a host: a '.', a ':' or localhost
  const std::string& first = components.front();
  if (components.size() > 1 && (first.find_first_of(".:") != std::string::npos || first == "localhost")) {
    if (!domain(first)) return false;
    components.erase(components.begin());
  }
  for (const auto& component : components)
    if (!path_component(component)) return false;
  return true;
}

bool is_runtime_name(const std::string& text) {
  if (text.empty() || text.size() > 128 || !alnum(text[0])) return false;
  for (const char c : text)
    if (!alnum(c) && c != '_' && c != '.' && c != '-') return false;
  return true;
}

std::string volume_flag_error(const Mount& mount) {
  if (mount.flag != Mount::Flag::Volume) return "";
  for (const auto& [what, value] : {std::pair<std::string, std::string>{"target", mount.target}, {"path", mount.path}})
    if (value.find_first_of(":,") != std::string::npos)
      return tr("{1} '{2}' holds a ':' or ',', which --volume would read as more fields: use flag=\"mount\"", {what, value});
  return "";
}

}  // namespace harness
