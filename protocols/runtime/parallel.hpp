// parallel_for: runs fn(0..count-1) on up to `threads` threads (the caller's
// thread included) and returns when all are done. threads <= 1 runs inline,
// in index order. fn must be safe to call concurrently for distinct indices.
#pragma once

#include <cstddef>
#include <functional>

namespace okmpc::runtime {

void parallel_for(size_t count, unsigned threads, const std::function<void(size_t)>& fn);

}  // namespace okmpc::runtime
