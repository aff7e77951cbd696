#include "apps/gateway/chain_batcher.hpp"

namespace okmpc::gateway {

namespace {
constexpr uint64_t kFailuresKept = 1024;  // batches; waiters look theirs up at once
}  // namespace

void ChainBatcher::fail_batch(uint64_t batch, const Error& why) {
  failures_.insert_or_assign(batch, why);
  while (failures_.size() > kFailuresKept) failures_.erase(failures_.begin());
}

Result<chain::Receipt> ChainBatcher::include(const std::function<Result<chain::Receipt>()>& submit) {
  std::unique_lock lock(mutex_);
  const uint64_t drops_before = chain_.pending_drops();
  auto submitted = submit();
  if (chain_.pending_drops() != drops_before) {
    // A full block sealed inline inside submit and failed: the open batch's
    // entries, this call's included (they were pending when the block was
    // dropped), are gone. Fail that batch; new entries start the next one.
    const Error why = submitted ? Error{ErrorCode::kIo, "chain block seal failed; the entries were dropped"}
                                : submitted.error();
    fail_batch(open_batch_, why);
    ++open_batch_;
    cv_.notify_all();
    return tl::unexpected(why);
  }
  OKMPC_ASSIGN_OR_RETURN(chain::Receipt receipt, std::move(submitted));
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
    if (!sealed) fail_batch(batch, sealed.error());
    sealed_batch_ = batch;
    sealing_ = false;
    cv_.notify_all();
  }
  if (auto failed = failures_.find(mine); failed != failures_.end()) return tl::unexpected(failed->second);
  receipt.included = true;
  return receipt;
}

}  // namespace okmpc::gateway
