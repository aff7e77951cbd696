// OktoChain's integrity checks: the stored hash chain on open, and a full
// replay from genesis on request.
#include <optional>

#include "chain/okto_chain.hpp"
#include "chain/system_entry.hpp"
#include "chain/user_operation_json.hpp"
#include "mpc/hex.hpp"

namespace okmpc::chain {
namespace {

Error corrupted(const Block& b, const std::string& what) {
  return Error(ErrorCode::kCorrupted, "chain database is corrupted: block " + std::to_string(b.number) + " " + what);
}

// Links, header hash, ops root and every entry hash of `b` after `prev`.
Status check_block(const Block* prev, const Block& b, const EntryPointConfig& cfg) {
  if (prev == nullptr) {
    if (b.number != 0 || b.parent_hash != Hash32{} || !b.entries.empty()) {
      return tl::unexpected(corrupted(b, "is not a valid genesis block"));
    }
  } else {
    if (b.number != prev->number + 1) return tl::unexpected(corrupted(b, "follows block " + std::to_string(prev->number)));
    if (b.parent_hash != prev->hash) return tl::unexpected(corrupted(b, "does not link to its parent's hash"));
    if (b.timestamp < prev->timestamp) return tl::unexpected(corrupted(b, "has a timestamp before its parent's"));
  }
  for (size_t i = 0; i < b.entries.size(); ++i) {
    const BlockEntry& e = b.entries[i];
    Hash32 expected;
    if (e.kind == EntryKind::kUserOp) {
      auto op = user_operation_from_json(std::string_view(reinterpret_cast<const char*>(e.body.data()), e.body.size()));
      if (!op) return tl::unexpected(corrupted(b, "entry " + std::to_string(i) + " is not a UserOperation: " + op.error().message));
      auto h = user_operation_hash(*op, cfg.entry_point, cfg.chain_id, cfg.hash_mode);
      if (!h) return tl::unexpected(corrupted(b, "entry " + std::to_string(i) + ": " + h.error().message));
      expected = *h;
    } else {
      expected = system_entry_hash(e.kind, b.number, static_cast<uint32_t>(i), e.body);
    }
    if (expected != e.hash) return tl::unexpected(corrupted(b, "entry " + std::to_string(i) + " does not match its hash"));
  }
  if (compute_ops_root(b.entries) != b.ops_root) return tl::unexpected(corrupted(b, "ops root does not match its entries"));
  if (compute_block_hash(b) != b.hash) return tl::unexpected(corrupted(b, "header hash does not match its contents"));
  return ok();
}

}  // namespace

Status OktoChain::verify_stored_chain() {
  std::optional<Block> prev;
  OKMPC_TRY(store_.for_each_block([&](const Block& b) -> Status {
    OKMPC_TRY(check_block(prev ? &*prev : nullptr, b, config_.entry_point));
    prev = header_of(b);
    return ok();
  }));
  if (!prev) return fail(ErrorCode::kCorrupted, "chain database has no genesis block");
  OKMPC_TRY(reload_state());
  if (state_.root() != prev->state_root) {
    return fail(ErrorCode::kCorrupted, "chain database is corrupted: the stored state does not match the state root of head block " +
                                           std::to_string(prev->number));
  }
  return ok();
}

Result<VerifyReport> OktoChain::verify_by_replay() const {
  VerifyReport report;
  WorldState replayed;
  std::optional<Block> prev;
  OKMPC_TRY(store_.for_each_block([&](const Block& b) -> Status {
    OKMPC_TRY(check_block(prev ? &*prev : nullptr, b, config_.entry_point));
    for (size_t i = 0; i < b.entries.size(); ++i) {
      const BlockEntry& e = b.entries[i];
      StateTxn txn(replayed);
      Status applied;
      if (e.kind == EntryKind::kUserOp) {
        auto op = user_operation_from_json(std::string_view(reinterpret_cast<const char*>(e.body.data()), e.body.size()));
        auto done = op ? execute_user_operation(txn, *op, b.timestamp, config_.entry_point)
                       : Result<ExecutedUserOp>(tl::unexpected(op.error()));
        if (!done) applied = tl::unexpected(done.error());
      } else {
        applied = apply_system_entry(txn, e.kind, e.body);
      }
      if (!applied) return tl::unexpected(corrupted(b, "entry " + std::to_string(i) + " does not replay: " + applied.error().message));
      txn.commit();
      ++report.entries;
    }
    if (replayed.root() != b.state_root) return tl::unexpected(corrupted(b, "state root differs from the replayed state"));
    ++report.blocks;
    prev = header_of(b);
    return ok();
  }));
  if (!prev) return fail(ErrorCode::kCorrupted, "chain database has no genesis block");
  if (replayed.root() != state_.root() && pending_.empty()) {
    return fail(ErrorCode::kCorrupted, "the live state differs from the replayed chain");
  }
  report.head_hash = prev->hash;
  report.state_root = replayed.root();
  return report;
}

}  // namespace okmpc::chain
