// Runs independent jobs on a few threads: the runtime calls of a scenario wait on the
// container engine, so several scenarios side by side keep it busy.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <thread>
#include <vector>

namespace harness {

// Calls job(i) for every i in [0, count), on at most `threads` threads at once; returns
// when all are done. Jobs are taken in index order.
inline void parallel_for(std::size_t count, unsigned threads, const std::function<void(std::size_t)>& job) {
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) job(i);
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < count; ++t) pool.emplace_back(worker);
  worker();
  for (auto& th : pool) th.join();
}

// The default --jobs: one scenario per core, at least two and at most eight. The container engine, not the
// harness, is the limit; measured on 2 cores, the seed suite took 12.9 s with 1 job,
// 10.5 s with 2 and 10.9 s with 4 (bench/run).
inline unsigned default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::min(8u, std::max(2u, cores));
}

}  // namespace harness
