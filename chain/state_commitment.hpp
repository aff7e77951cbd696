// The world state's commitment (state root v2), maintained incrementally:
// the cost of a change is one leaf plus re-hashing its bucket, its group and
// the top, whatever the size of the state.
//
// Definition (all hashes Keccak-256, Ethereum padding; keys and values as
// stored in chain/world_state.hpp):
//   leaf(k, v)   = keccak256(u32be(len k) ‖ k ‖ u32be(len v) ‖ v)
//   bucket(k)    = the first 12 bits of keccak256(k), big-endian: 0..4095
//                  (state keys share tag prefixes and fixed token addresses,
//                  so the key is hashed to spread them evenly)
//   bucket hash  = keccak256(leaf_1 ‖ ... ‖ leaf_m) over the bucket's
//                  entries in key order (chain/byte_order.hpp); an empty
//                  bucket is keccak256("") by the same rule
//   group g      = buckets 64g .. 64g+63, g = 0..63;
//   group hash   = keccak256(bucket hash_64g ‖ ... ‖ bucket hash_64g+63)
//   state root   = keccak256("okmpc.chain.state.v2" ‖ group hash_0 ‖ ... ‖ group hash_63)
//
// Every level hashes fixed-width 32-byte fields (or, at the leaves,
// length-prefixed ones) at fixed positions, so the root is a function of the
// set of entries alone: equal states give equal roots whatever their
// history, and the tag keeps v2 roots apart from v1 (chain/state_format.hpp).
//
// Cost: a put is two Keccak-256 (bucket index, leaf); root() re-hashes each
// bucket changed since the last call (its ~n/4096 leaf hashes), each group
// holding one (2 KiB) and the top (2 KiB). At 100,000 entries a one-entry
// change costs about 40 Keccak-f permutations against ~70,000 for
// re-hashing the whole state (v1).
//
// Why this shape and not a Merkle-Patricia trie: the chain needs one
// commitment per block to detect divergence and tampering, not membership
// proofs, so a fixed two-level fan-out is enough; a fixed 4,096 buckets keeps
// the per-change cost flat up to millions of entries (beyond that, bucket
// hashes grow by 32 bytes per 4,096 entries).
//
// Thread safety: update() needs exclusive access (like any non-const call);
// root() may be called concurrently with other const calls, its caches are
// guarded by an internal mutex.
#pragma once

#include <array>
#include <bitset>
#include <map>
#include <mutex>
#include <optional>
#include <string_view>
#include <vector>

#include "chain/byte_order.hpp"
#include "mpc/bytes.hpp"
#include "mpc/hash.hpp"

namespace okmpc::chain {

// The root's domain tag; also the format name bound in the chain database.
inline constexpr std::string_view kStateRootTag = "okmpc.chain.state.v2";

class StateCommitment {
 public:
  static constexpr size_t kBuckets = 4096;
  static constexpr size_t kGroups = 64;
  static constexpr size_t kBucketsPerGroup = kBuckets / kGroups;

  // The commitment of the empty state (allocates nothing until the first
  // update()).
  StateCommitment() = default;
  // Copies see the source's entries and caches (the source is locked while
  // it is read); a moved-from commitment is the empty state's.
  StateCommitment(const StateCommitment& other);
  StateCommitment& operator=(const StateCommitment& other);
  StateCommitment(StateCommitment&& other) noexcept;
  StateCommitment& operator=(StateCommitment&& other) noexcept;
  ~StateCommitment() = default;

  // Records that `key` now maps to `value` (nullopt: `key` is absent). The
  // caller keeps this in step with its map; any key is accepted.
  void update(const Bytes& key, const std::optional<Bytes>& value);

  // The state root defined above, re-hashing only what changed since the
  // last call. Never fails.
  Hash32 root() const;

 private:
  struct Caches {
    std::vector<Hash32> bucket_hashes;        // kBuckets
    std::array<Hash32, kGroups> group_hashes;
    Hash32 root{};
    std::bitset<kBuckets> dirty_buckets;      // leaves changed since the last root()
    std::vector<uint16_t> dirty_list;         // the same, as a list
  };
  static size_t bucket_of(const Bytes& key);
  // Allocates the buckets and caches of the empty state.
  void allocate();

  // Leaf hash per key, one map per bucket (key order = bucket hash order);
  // empty (with caches_ unused) until the first update().
  std::vector<std::map<Bytes, Hash32, BytesLess>> buckets_;
  mutable std::mutex mutex_;
  mutable Caches caches_;
};

}  // namespace okmpc::chain
