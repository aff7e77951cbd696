// Token-bucket rate limiting keyed by a string (a client IP, or a user
// identity such as "google:<sub>" / "email:<address>"). Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace okmpc::gateway {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // Each key may spend `burst` requests at once, refilled at `per_second`.
  // per_second <= 0 disables the limiter (every request allowed).
  RateLimiter(double per_second, double burst, size_t max_keys = 100000);

  // Spends one token of `key` at time `now`; false when the bucket is empty
  // (the request must be refused and nothing else changes).
  bool allow(const std::string& key, Clock::time_point now = Clock::now());

 private:
  struct Bucket {
    double tokens;
    Clock::time_point updated;
  };
  double per_second_;
  double burst_;
  size_t max_keys_;
  std::mutex mutex_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace okmpc::gateway
