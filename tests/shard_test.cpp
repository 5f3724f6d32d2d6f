// --shard K/N: parts that are disjoint, complete, deterministic and balanced by cost.
#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <numeric>

#include "shard.hpp"

using namespace harness;

BOOST_AUTO_TEST_SUITE(shard)

BOOST_AUTO_TEST_CASE(k_of_n_is_read_and_bad_ones_say_why) {
  BOOST_TEST(parse_shard("2/4").shard.index == 2u);
  BOOST_TEST(parse_shard("2/4").shard.count == 4u);
  for (const char* bad : {"0/2", "3/2", "1", "a/b", "1/0", "/2", "1/2/3", "-1/2", "1/99999"})
    BOOST_TEST(parse_shard(bad).error ==
               std::string("--shard must be K/N with 1 <= K <= N (2/4: the second of four parts), not '") + bad + "'");
}

BOOST_AUTO_TEST_CASE(the_longest_go_first_each_to_the_least_loaded_part) {
  // costs 9 7 5 3 2 1 over 2 parts: 9->1, 7->2, 5->2 (12), 3->1 (12), 2->1 (14), 1->2 (13)
  BOOST_TEST((assign_shards({9, 7, 5, 3, 2, 1}, 2) == std::vector<unsigned>{1, 2, 2, 1, 1, 2}));
  BOOST_TEST((assign_shards({1, 1, 1}, 1) == std::vector<unsigned>{1, 1, 1}));
  BOOST_TEST((assign_shards({5, 5}, 3) == std::vector<unsigned>{1, 2}));  // part 3 is empty
}

BOOST_AUTO_TEST_CASE(parts_are_balanced_within_the_largest_cost) {
  std::vector<int> costs;
  for (int i = 0; i < 40; ++i) costs.push_back(100 + (i * 7919) % 900);
  for (unsigned n : {2u, 3u, 4u, 7u}) {
    const auto part = assign_shards(costs, n);
    std::vector<long> load(n, 0);
    for (std::size_t i = 0; i < costs.size(); ++i) load[part[i] - 1] += costs[i];
    const long spread = *std::max_element(load.begin(), load.end()) - *std::min_element(load.begin(), load.end());
    BOOST_TEST(spread <= *std::max_element(costs.begin(), costs.end()));
    BOOST_TEST(std::accumulate(load.begin(), load.end(), 0L) == std::accumulate(costs.begin(), costs.end(), 0L));
  }
}

BOOST_AUTO_TEST_CASE(the_parts_are_disjoint_and_together_the_whole) {
  std::vector<Scenario> all(5);
  for (std::size_t i = 0; i < all.size(); ++i) {
    all[i].id = "s" + std::to_string(i);
    all[i].steps.resize(i + 1);  // costs differ
  }
  std::vector<std::string> seen;
  for (unsigned k = 1; k <= 3; ++k)
    for (const auto& sc : take_shard(all, {k, 3})) seen.push_back(sc.id);
  std::sort(seen.begin(), seen.end());
  BOOST_TEST((seen == std::vector<std::string>{"s0", "s1", "s2", "s3", "s4"}));
}

BOOST_AUTO_TEST_SUITE_END()
