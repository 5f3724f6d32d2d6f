// quote(), printable() and clip(): untrusted bytes from containers made safe to show.
// Every check compares the whole output string.
#include <boost/test/unit_test.hpp>

#include <string>

#include "text.hpp"

using harness::clip;
using harness::printable;
using harness::quote;

namespace {

// Byte strings with NULs in them: std::string("a\0b") would stop at the NUL.
template <std::size_t N>
std::string bytes(const char (&s)[N]) {
  return std::string(s, N - 1);
}

const std::string kEacute = "\xc3\xa9";                 // é, 2 bytes
const std::string kNihon = "\xe6\x97\xa5\xe6\x9c\xac";  // 日本, 3 + 3 bytes
const std::string kGrin = "\xf0\x9f\x98\x80";           // U+1F600, 4 bytes

}  // namespace

BOOST_AUTO_TEST_SUITE(text)

// --- counted -----------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(counted_is_singular_for_one_only) {
  BOOST_TEST(harness::counted(0, "error") == "0 errors");
  BOOST_TEST(harness::counted(1, "error") == "1 error");
  BOOST_TEST(harness::counted(2, "error") == "2 errors");
}

// --- quote -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(quote_plain_text_is_wrapped_in_double_quotes) {
  BOOST_TEST(quote("hello") == "\"hello\"");
  BOOST_TEST(quote("") == "\"\"");
}

BOOST_AUTO_TEST_CASE(quote_escapes_quotes_and_backslashes) {
  BOOST_TEST(quote("say \"hi\"") == "\"say \\\"hi\\\"\"");
  BOOST_TEST(quote("C:\\dir\\") == "\"C:\\\\dir\\\\\"");
  BOOST_TEST(quote("it's") == "\"it's\"");  // single quotes need nothing
}

BOOST_AUTO_TEST_CASE(quote_escapes_newline_tab_and_carriage_return_by_name) {
  BOOST_TEST(quote("a\nb\tc\r") == "\"a\\nb\\tc\\r\"");
}

BOOST_AUTO_TEST_CASE(quote_escapes_other_control_bytes_in_hex) {
  BOOST_TEST(quote(bytes("a\0b")) == "\"a\\x00b\"");
  BOOST_TEST(quote("\x01\x07\x08\x1f\x7f") == "\"\\x01\\x07\\x08\\x1f\\x7f\"");
}

BOOST_AUTO_TEST_CASE(quote_escapes_ansi_escape_sequences) {
  BOOST_TEST(quote("\x1b[31mred\x1b[0m") == "\"\\x1b[31mred\\x1b[0m\"");
}

BOOST_AUTO_TEST_CASE(quote_escapes_c1_controls) {
  BOOST_TEST(quote("\xc2\x9b"
                   "31m") == "\"\\xc2\\x9b31m\"");  // CSI, the 8-bit ESC [
  BOOST_TEST(quote("\xc2\x80\xc2\x9f") == "\"\\xc2\\x80\\xc2\\x9f\"");
}

BOOST_AUTO_TEST_CASE(quote_escapes_invalid_utf8) {
  BOOST_TEST(quote("\xff") == "\"\\xff\"");
  BOOST_TEST(quote("\xc0\xaf") == "\"\\xc0\\xaf\"");           // overlong '/'
  BOOST_TEST(quote("\xed\xa0\x80") == "\"\\xed\\xa0\\x80\"");  // surrogate U+D800
  BOOST_TEST(quote("ab\xe6\x97") == "\"ab\\xe6\\x97\"");       // truncated at the end
}

BOOST_AUTO_TEST_CASE(quote_keeps_valid_multibyte_utf8) {
  BOOST_TEST(quote("caf" + kEacute) == "\"caf" + kEacute + "\"");
  BOOST_TEST(quote(kNihon + " " + kGrin) == "\"" + kNihon + " " + kGrin + "\"");
}

// --- printable ---------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(printable_keeps_text_newlines_and_tabs) {
  BOOST_TEST(printable("line 1\n\tline 2\n") == "line 1\n\tline 2\n");
  BOOST_TEST(printable("") == "");
}

BOOST_AUTO_TEST_CASE(printable_leaves_quotes_and_backslashes_alone) {
  BOOST_TEST(printable("say \"hi\" C:\\dir 'x'") == "say \"hi\" C:\\dir 'x'");
}

BOOST_AUTO_TEST_CASE(printable_escapes_ansi_escape_sequences) {
  BOOST_TEST(printable("\x1b[31mred\x1b[0m plain") == "\\x1b[31mred\\x1b[0m plain");
  BOOST_TEST(printable("\x1b]0;title\x07") == "\\x1b]0;title\\x07");  // OSC: set window title
}

BOOST_AUTO_TEST_CASE(printable_escapes_other_control_bytes) {
  BOOST_TEST(printable(bytes("a\0b")) == "a\\x00b");
  BOOST_TEST(printable("progress\r100%\x08\x7f") == "progress\\x0d100%\\x08\\x7f");
}

BOOST_AUTO_TEST_CASE(printable_escapes_c1_controls_but_keeps_latin1_supplement) {
  BOOST_TEST(printable("\xc2\x9b"
                       "2J") == "\\xc2\\x9b2J");
  BOOST_TEST(printable("\xc2\x85") == "\\xc2\\x85");                // NEL
  BOOST_TEST(printable("\xc2\xa0\xc2\xa9") == "\xc2\xa0\xc2\xa9");  // no-break space, copyright sign
}

BOOST_AUTO_TEST_CASE(printable_escapes_invalid_utf8_byte_by_byte) {
  BOOST_TEST(printable("a\xff"
                       "b") == "a\\xffb");
  BOOST_TEST(printable("\x80") == "\\x80");  // lone continuation byte
  BOOST_TEST(printable("\xe6\x97"
                       "x") == "\\xe6\\x97x");        // truncated, then ASCII
  BOOST_TEST(printable("\xe6\x97") == "\\xe6\\x97");  // truncated at the end
  BOOST_TEST(printable("\xf0\x9f\x98") == "\\xf0\\x9f\\x98");
  BOOST_TEST(printable("\xc0\xaf") == "\\xc0\\xaf");                             // overlong '/'
  BOOST_TEST(printable("\xc1\xbf") == "\\xc1\\xbf");                             // overlong
  BOOST_TEST(printable("\xe0\x80\xaf") == "\\xe0\\x80\\xaf");                    // overlong, 3 bytes
  BOOST_TEST(printable("\xf0\x80\x80\xaf") == "\\xf0\\x80\\x80\\xaf");           // overlong, 4 bytes
  BOOST_TEST(printable("\xed\xa0\x80") == "\\xed\\xa0\\x80");                    // surrogate U+D800
  BOOST_TEST(printable("\xed\xbf\xbf") == "\\xed\\xbf\\xbf");                    // surrogate U+DFFF
  BOOST_TEST(printable("\xf4\x90\x80\x80") == "\\xf4\\x90\\x80\\x80");           // past U+10FFFF
  BOOST_TEST(printable("\xf8\x88\x80\x80\x80") == "\\xf8\\x88\\x80\\x80\\x80");  // 5-byte form
}

BOOST_AUTO_TEST_CASE(printable_keeps_valid_multibyte_utf8) {
  const std::string text = "caf" + kEacute + " " + kNihon + " " + kGrin;
  BOOST_TEST(printable(text) == text);
  BOOST_TEST(printable("\xed\x9f\xbf") == "\xed\x9f\xbf");          // U+D7FF, just below the surrogates
  BOOST_TEST(printable("\xee\x80\x80") == "\xee\x80\x80");          // U+E000, just above
  BOOST_TEST(printable("\xf4\x8f\xbf\xbf") == "\xf4\x8f\xbf\xbf");  // U+10FFFF, the last code point
}

// --- clip --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(clip_leaves_short_text_alone) {
  BOOST_TEST(clip("short", 10) == "short");
  BOOST_TEST(clip("exactly10!", 10) == "exactly10!");
  BOOST_TEST(clip("", 0) == "");
}

BOOST_AUTO_TEST_CASE(clip_cuts_and_says_how_much) {
  BOOST_TEST(clip("abcdefghij", 4) == "abcd\n[... 6 more bytes cut]");
  BOOST_TEST(clip("abc", 0) == "\n[... 3 more bytes cut]");
}

BOOST_AUTO_TEST_CASE(clip_does_not_cut_in_the_middle_of_a_character) {
  // 日本: a cut at byte 4 would split 本; the cut moves back to byte 3
  BOOST_TEST(clip(kNihon, 4) == "\xe6\x97\xa5\n[... 3 more bytes cut]");
  BOOST_TEST(clip(kNihon, 5) == "\xe6\x97\xa5\n[... 3 more bytes cut]");
  BOOST_TEST(clip(kNihon, 3) == "\xe6\x97\xa5\n[... 3 more bytes cut]");
  BOOST_TEST(clip("a" + kEacute, 2) == "a\n[... 2 more bytes cut]");
  BOOST_TEST(clip(kGrin + kGrin, 6) == kGrin + "\n[... 4 more bytes cut]");
  BOOST_TEST(clip(kGrin + "x", 1) == "\n[... 5 more bytes cut]");
}

BOOST_AUTO_TEST_CASE(clipped_then_printable_is_valid_text) {
  // what the transcript does with long output: the cut leaves no broken character behind
  BOOST_TEST(printable(clip("ok " + kNihon, 5)) == "ok \n[... 6 more bytes cut]");
}

BOOST_AUTO_TEST_SUITE_END()

// --- display_width, padded, first_chars: characters, not bytes ----------------------

BOOST_AUTO_TEST_CASE(widths_and_cuts_count_characters_not_bytes) {
  BOOST_TEST(harness::display_width("\u00c9CHEC") == 5u);
  BOOST_TEST(harness::padded("\u00c9CHEC", 6) == "\u00c9CHEC ");
  BOOST_TEST(harness::padded("ERREUR", 3) == "ERREUR");
  BOOST_TEST(harness::first_chars("\u00e9t\u00e9 chaud", 3) == "\u00e9t\u00e9");
  BOOST_TEST(harness::first_chars("abc", 10) == "abc");
  BOOST_TEST(harness::label_width({"claim:", "source:"}) == 8u);
}
