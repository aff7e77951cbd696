#include "apps/gateway/chain_batcher.hpp"

namespace okmpc::gateway {

Result<chain::Receipt> ChainBatcher::include(const std::function<Result<chain::Receipt>()>& submit) {
  std::unique_lock lock(mutex_);
  OKMPC_ASSIGN_OR_RETURN(chain::Receipt receipt, submit());
  if (receipt.included) return receipt;  // a full block sealed inline
  const uint64_t mine = open_batch_;
  while (sealed_batch_ < mine) {
    if (sealing_) {
      cv_.wait(lock);
      continue;
    }
    // Leader: let concurrent requests join, then seal everything pending.
    sealing_ = true;
    cv_.wait_for(lock, window_);
    const uint64_t batch = open_batch_++;
    auto sealed = chain_.seal_block();
    if (!sealed) {
      failed_batch_ = batch;
      failure_ = sealed.error();
    }
    sealed_batch_ = batch;
    sealing_ = false;
    cv_.notify_all();
  }
  if (failed_batch_ == mine && failure_) return tl::unexpected(*failure_);
  receipt.included = true;
  return receipt;
}

}  // namespace okmpc::gateway
