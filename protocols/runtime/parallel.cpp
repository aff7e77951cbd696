#include "protocols/runtime/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace okmpc::runtime {

void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& fn) {
  const size_t workers = std::min<size_t>(threads, count);
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next.fetch_add(1); i < count; i = next.fetch_add(1)) fn(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(workers - 1);
  for (size_t w = 1; w < workers; ++w) pool.emplace_back(work);
  work();
}

}  // namespace okmpc::runtime
