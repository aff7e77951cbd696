// Blocks of the simulated chain, hash-chained with Keccak-256.
//
// A block lists entries: UserOperations (identified by their userOpHash) and
// system entries made by the chain operator (SWA deployment, token mint,
// paymaster funding; chain/system_entry.hpp). Header hash:
//   hash = keccak256("okmpc.chain.block.v1" ‖ u64be(number) ‖ parent_hash ‖
//                    u64be(timestamp) ‖ state_root ‖ ops_root ‖ u32be(count))
//   ops_root = keccak256(entry_hash_0 ‖ ... ‖ entry_hash_{count-1})
// Block 0 (genesis) has parent_hash 0, no entries and the empty state's root.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/hash.hpp"

namespace okmpc::chain {

enum class EntryKind : uint8_t { kUserOp = 1, kDeploySwa = 2, kMint = 3, kFundPaymaster = 4 };

// "userop", "deploy-swa", "mint", "fund-paymaster".
std::string_view to_string(EntryKind kind);

struct BlockEntry {
  EntryKind kind = EntryKind::kUserOp;
  Hash32 hash{};  // userOpHash, or the system entry hash
  Bytes body;     // UserOp: canonical JSON (user_operation_to_json); system: its fixed encoding
};

struct Block {
  uint64_t number = 0;
  Hash32 parent_hash{};
  uint64_t timestamp = 0;  // unix seconds; every UserOp in the block is validated at this time
  Hash32 state_root{};     // WorldState::root() after the block's entries
  Hash32 ops_root{};
  std::vector<BlockEntry> entries;
  Hash32 hash{};
};

// A copy of `block` without its entries (what a chain keeps of its head).
Block header_of(const Block& block);

Hash32 compute_ops_root(std::span<const BlockEntry> entries);
// The header hash (uses block.ops_root and entries.size(), not block.hash).
Hash32 compute_block_hash(const Block& block);

}  // namespace okmpc::chain
