// Wall-clock time in unix seconds (the gateway's tokens, sessions and chain
// validity windows all use it).
#pragma once

#include <chrono>
#include <cstdint>

namespace okmpc::gateway {

inline int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace okmpc::gateway
