// The key order of the chain's state maps.
#pragma once

#include <algorithm>
#include <cstring>

#include "mpc/bytes.hpp"

namespace okmpc::chain {

// Lexicographic byte order (a proper prefix sorts first), spelled out with
// memcmp: GCC 12 at -O3 misreports std::vector's own operator<
// (-Wstringop-overread). Variable time; keys are public.
struct BytesLess {
  bool operator()(const Bytes& a, const Bytes& b) const {
    const size_t n = std::min(a.size(), b.size());
    const int c = n == 0 ? 0 : std::memcmp(a.data(), b.data(), n);
    return c < 0 || (c == 0 && a.size() < b.size());
  }
};

}  // namespace okmpc::chain
