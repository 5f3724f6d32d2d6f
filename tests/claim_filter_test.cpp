#include <boost/test/unit_test.hpp>

#include "claim_filter.hpp"

using harness::ClaimFilter;

BOOST_AUTO_TEST_SUITE(claim_filter)

BOOST_AUTO_TEST_CASE(empty_matches_everything) { BOOST_TEST(ClaimFilter("").matches("VOL-1")); }

BOOST_AUTO_TEST_CASE(lists_and_wildcards) {
  const ClaimFilter f("VOL-*, SHR-1");
  BOOST_TEST(f.matches("VOL-1"));
  BOOST_TEST(f.matches("VOL-12"));
  BOOST_TEST(f.matches("SHR-1"));
  BOOST_TEST(!f.matches("SHR-12"));
  BOOST_TEST(!f.matches("EPH-1"));
  BOOST_TEST(!f.matches("XVOL-1"));
  BOOST_TEST(ClaimFilter("*-1").matches("BND-1"));
  BOOST_TEST(!ClaimFilter("*-1").matches("BND-2"));
}

BOOST_AUTO_TEST_SUITE_END()
