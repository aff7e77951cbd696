// Group commit of chain blocks for concurrent requests. Every request adds
// its entries to the chain's pending block (OktoChain::submit, in memory)
// and then waits until a block holding them is sealed, i.e. written and
// fsynced. The first waiter becomes the leader: it waits `window` (with the
// chain unlocked, so concurrent requests join the same block), seals, and
// wakes the others. One fsync then covers every request of the batch
// instead of one fsync per UserOp (the chain must be opened with
// ops_per_block above the expected batch size; a full block seals inline).
//
// A receipt is returned only once its block is durable (included = true);
// if sealing fails, every request of that batch gets the error (the chain
// dropped the pending block and reloaded its state). That includes a seal
// that fails inline inside another request's submit (a full block): the
// batch it dropped is failed too, and later entries join a fresh batch.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

#include "chain/okto_chain.hpp"

namespace okmpc::gateway {

class ChainBatcher {
 public:
  // `chain` and `mutex` (which guards every use of chain) must outlive this.
  ChainBatcher(chain::OktoChain& chain, std::mutex& mutex, std::chrono::microseconds window)
      : chain_(chain), mutex_(mutex), window_(window) {}

  // Runs `submit` under the chain mutex; if it succeeds, returns its receipt
  // once the block is durable. `submit` may add several entries (they share
  // the batch). Errors: submit's, or the seal's.
  Result<chain::Receipt> include(const std::function<Result<chain::Receipt>()>& submit);

 private:
  chain::OktoChain& chain_;
  std::mutex& mutex_;
  const std::chrono::microseconds window_;
  std::condition_variable cv_;
  uint64_t open_batch_ = 1;    // the batch new entries join
  uint64_t sealed_batch_ = 0;  // every batch <= this is finished
  bool sealing_ = false;
  // Failed batches and why, kept for the recent past only (a waiter reads
  // its entry right after its batch is finished).
  std::map<uint64_t, Error> failures_;

  void fail_batch(uint64_t batch, const Error& why);
};

}  // namespace okmpc::gateway
