// A small XML file of settings (targets, known failures), read whole and parsed by a
// function of the caller with an XmlReader: every error is one line, `file:line: message`.
#pragma once

#include <cerrno>
#include <fstream>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "i18n.hpp"
#include "system_error_text.hpp"
#include "xml_reader.hpp"

namespace harness {

// Calls parse(reader, root element) on the file's text; returns "" or the error.
template <class Parse>
std::string read_xml_file(const std::string& path, const char* root_name, Parse parse) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) return path + ": " + tr("cannot read the file: {1}", {system_error_text(errno)});
  const std::string content = text.str();
  XmlReader reader(content);
  pugi::xml_document doc;
  const auto parsed = doc.load_buffer(content.data(), content.size());
  if (!parsed) return path + ":" + std::to_string(reader.line_of(parsed.offset)) + ": " + xml_error(parsed);
  try {
    const pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != root_name)
      reader.fail(root, tr("the root element is <{1}>, not <{2}>", {root.name(), root_name}));
    reader.check_attributes(root, {}, {});
    parse(reader, root);
  } catch (const LoadError& e) {
    return path + ":" + std::to_string(e.line) + ": " + e.message;
  }
  return "";
}

}  // namespace harness
