// The one place text enters XML and HTML (the JUnit file, the HTML page), tested with
// hostile input in junit_writer_test.cpp and html_report_test.cpp.
#pragma once

#include <string>

namespace harness {

// XML-escaped and made printable: safe in attributes and text whatever the bytes were
// (terminal escapes, control characters, invalid UTF-8, U+FFFE, "]]>").
std::string xml_escape(const std::string& untrusted);

}  // namespace harness
