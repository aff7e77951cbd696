#include "apps/dwn/key_pool_refiller.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>

namespace okmpc::dwn {

Status KeyPoolRefiller::generate_one() {
  const auto start = std::chrono::steady_clock::now();
  auto keys = dwn_.generate_user_keys(std::string(kUnclaimedOwner));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Status added = ok();
  if (!keys) {
    added = tl::unexpected(keys.error());
  } else {
    auto id = pool_.add(*keys);
    if (!id) added = tl::unexpected(id.error());
  }
  std::lock_guard lock(mu_);
  if (added) {
    ++generated_;
    generation_seconds_ += seconds;
  } else {
    last_error_ = added.error().describe();
  }
  return added;
}

Status KeyPoolRefiller::fill(uint32_t count) {
  for (;;) {
    OKMPC_ASSIGN_OR_RETURN(int64_t free, pool_.free_count());
    if (free >= static_cast<int64_t>(count)) return ok();
    OKMPC_TRY(generate_one());
  }
}

void KeyPoolRefiller::start() {
  std::lock_guard lock(mu_);
  if (thread_.joinable() || (target_ == 0 && !presigning_)) return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void KeyPoolRefiller::stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void KeyPoolRefiller::notify() {
  {
    std::lock_guard lock(mu_);
    wake_ = true;
  }
  cv_.notify_all();
}

PoolStats KeyPoolRefiller::stats() const {
  PoolStats out;
  auto free = pool_.free_count();
  std::lock_guard lock(mu_);
  out.target = target_;
  out.free = free ? *free : -1;
  out.generated = generated_;
  out.generation_seconds = generation_seconds_;
  out.last_error = last_error_;
  return out;
}

void KeyPoolRefiller::run() {
  // Background work: lowest priority for this thread and the protocol
  // threads it starts (Linux applies nice per thread; children inherit it).
  (void)::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19);
  for (;;) {
    {
      std::unique_lock lock(mu_);
      if (stopping_) return;
    }
    if (busy_ && busy_()) {
      // Logins in flight: wait for a gap rather than compete with them
      // (checked before the pool count, which is a query).
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(5), [this] { return stopping_; });
      continue;
    }
    if (presigning_) {
      // A failed presignature (a node down, a share not bound) drops that
      // key from the queue; the next login asks again.
      auto made = dwn_.presign_next();
      if (!made) {
        std::lock_guard lock(mu_);
        last_error_ = "presign: " + made.error().describe();
      }
      if (!made || *made) continue;
    }
    auto free = pool_.free_count();
    const bool full = free && *free >= static_cast<int64_t>(target_);
    const bool failed = free && !full && !generate_one();
    std::unique_lock lock(mu_);
    if (stopping_) return;
    if (full || !free || failed) {
      // Full: sleep until a claim; failed (a node down, storage): retry later.
      cv_.wait_for(lock, std::chrono::seconds(full ? 5 : 1), [this] { return stopping_ || wake_; });
      wake_ = false;
    }
  }
}

}  // namespace okmpc::dwn
