// The tar reader against archives built byte by byte: the entries a runtime's `cp`,
// `export` and `volume export` write, and answers that are not archives at all.
#include <boost/test/unit_test.hpp>
#include <stdexcept>

#include "tar_archive.hpp"
#include "tar_builder.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(tar_archive)

BOOST_AUTO_TEST_CASE(files_folders_and_symlinks_with_their_owners) {
  const auto entries = read_tar(
      TarBuilder().folder("v/", 0).file("v/f", "hi\n", 1234).symlink("v/l", "/etc").add("v/fifo", '6', 7).archive(), 1 << 20);
  BOOST_REQUIRE_EQUAL(entries.size(), 4u);
  BOOST_TEST(entries[0].name == "v");
  BOOST_TEST((entries[0].kind == TarEntry::Kind::Folder));
  BOOST_TEST(entries[1].name == "v/f");
  BOOST_TEST((entries[1].kind == TarEntry::Kind::File));
  BOOST_TEST(entries[1].content == "hi\n");
  BOOST_TEST(entries[1].uid == 1234u);
  BOOST_TEST(entries[1].size == 3u);
  BOOST_TEST((entries[2].kind == TarEntry::Kind::Symlink));
  BOOST_TEST(entries[2].link == "/etc");
  BOOST_TEST((entries[3].kind == TarEntry::Kind::Other));
  BOOST_TEST(entries[3].uid == 7u);
}

BOOST_AUTO_TEST_CASE(a_file_of_several_blocks_and_the_content_limit) {
  const std::string big(1500, 'x');
  const auto all = read_tar(TarBuilder().file("a", big).file("b", "after").archive(), 1 << 20);
  BOOST_REQUIRE_EQUAL(all.size(), 2u);
  BOOST_TEST(all[0].content == big);
  BOOST_TEST(all[1].content == "after");  // found after the padding of the first
  const auto cut = read_tar(TarBuilder().file("a", big).archive(), 100);
  BOOST_TEST(cut[0].content == big.substr(0, 100));
  BOOST_TEST(cut[0].size == 1500u);
}

BOOST_AUTO_TEST_CASE(long_names_gnu_and_pax_and_a_base256_uid) {
  const std::string name = std::string(150, 'n') + "/file.txt";
  const auto entries = read_tar(TarBuilder()
                                    .gnu_long_file(name, "gnu")
                                    .pax_file("deep/" + name, "pax", 4000000000u)
                                    .file_base256_uid("big-uid", "b", 3000000000u)
                                    .file("plain", "p")
                                    .archive(),
                                1 << 20);
  BOOST_REQUIRE_EQUAL(entries.size(), 4u);  // the 'L' and 'x' entries are not entries
  BOOST_TEST(entries[0].name == name);
  BOOST_TEST(entries[0].content == "gnu");
  BOOST_TEST(entries[1].name == "deep/" + name);
  BOOST_TEST(entries[1].uid == 4000000000u);
  BOOST_TEST(entries[1].content == "pax");
  BOOST_TEST(entries[2].uid == 3000000000u);
  BOOST_TEST(entries[3].name == "plain");  // the long name was for one entry only
  BOOST_TEST(entries[3].uid == 0u);
}

BOOST_AUTO_TEST_CASE(an_empty_archive_has_no_entries) { BOOST_TEST(read_tar(std::string(1024, '\0'), 10).empty()); }

BOOST_AUTO_TEST_CASE(what_is_not_a_whole_archive_throws) {
  BOOST_CHECK_THROW(read_tar("", 10), std::runtime_error);
  BOOST_CHECK_THROW(read_tar("Error response from daemon: Could not find the file\n", 10), std::runtime_error);
  const std::string good = TarBuilder().file("f", std::string(700, 'x')).archive();
  BOOST_CHECK_THROW(read_tar(good.substr(0, 600), 10), std::runtime_error);                        // data cut short
  BOOST_CHECK_THROW(read_tar(TarBuilder().file("f", "x").without_end(), 10), std::runtime_error);  // no end block
  std::string bad = good;
  bad[0] = 'g';  // the checksum no longer matches
  BOOST_CHECK_THROW(read_tar(bad, 10), std::runtime_error);
}

BOOST_AUTO_TEST_CASE(names_are_made_relative) {
  BOOST_TEST(tar_name("./a/b/") == "a/b");
  BOOST_TEST(tar_name("/d") == "d");
  BOOST_TEST(tar_name("/") == "");
  BOOST_TEST(tar_name("./") == "");
}

BOOST_AUTO_TEST_CASE(a_listing_for_the_transcript) {
  const auto entries = read_tar(TarBuilder().folder("v").file("v/f", "hi\n", 1234).symlink("v/l", "/etc").archive(), 10);
  BOOST_TEST(
      describe_tar(entries, 2560, 2) ==
      "(a tar archive of 2560 bytes, 3 entries:)\nfolder \"v\" (uid 0)\nfile \"v/f\" (uid 1234, 3 bytes)\n... and 1 more\n");
}

BOOST_AUTO_TEST_SUITE_END()
