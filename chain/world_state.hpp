// The simulated chain's world state: a sorted key/value map with typed views
// for each modelled contract, and its commitment.
//
// Layout (key = one tag byte ‖ fields; value = fixed-width fields):
//   0x01 ‖ swa(20)                 -> owner(20)                  account factory: deployed SWAs
//   0x02 ‖ sender(20) ‖ key(24)    -> next sequence (u64 BE)     EntryPoint nonces (v0.7 key/sequence)
//   0x03 ‖ session(20)             -> swa(20) ‖ validAfter(u64) ‖ validUntil(u64) ‖ revoked(u8)
//                                                                session-key registry
//   0x04 ‖ session(20)             -> token(20) ‖ limit(32) ‖ spent(32)   policy manager
//   0x05 ‖ token(20) ‖ holder(20)  -> balance(32)                token balances (token 0 = native)
//   0x06 ‖ client(20)              -> budget(32)                 paymaster budget per client
// Absent means zero/none; zero balances, budgets and nonces are stored as
// absent so that equal states have one encoding.
//
// state root (v2; details, costs and the choice of shape in
// chain/state_commitment.hpp), maintained incrementally:
//   leaf(k, v)  = keccak256(u32be(len k) ‖ k ‖ u32be(len v) ‖ v)
//   B_b         = keccak256(leaves of the entries with bucket(k) = b, in key
//                 order), bucket(k) = first 12 bits of keccak256(k), b < 4096
//   G_g         = keccak256(B_64g ‖ ... ‖ B_64g+63), g < 64
//   state root  = keccak256("okmpc.chain.state.v2" ‖ G_0 ‖ ... ‖ G_63)
// It depends only on the set of entries. The v1 root (one hash over the
// whole sorted state) is retired; databases written with it are refused
// (chain/state_format.hpp).
//
// Changes go through a StateTxn: reads see the transaction's own writes,
// nothing reaches the WorldState until commit(), so a rejected UserOp
// (which simply drops its StateTxn) changes nothing.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "chain/byte_order.hpp"
#include "chain/state_commitment.hpp"
#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/uint256.hpp"

namespace okmpc::chain {

struct SessionRecord {
  eth::Address swa{};
  uint64_t valid_after = 0;
  uint64_t valid_until = 0;
  bool revoked = false;
  friend bool operator==(const SessionRecord&, const SessionRecord&) = default;
};

struct SpendPolicy {
  eth::Address token{};
  Uint256 limit;
  Uint256 spent;
  friend bool operator==(const SpendPolicy&, const SpendPolicy&) = default;
};

using NonceKey = ByteArray<24>;  // the 192-bit key of an ERC-4337 v0.7 nonce

class WorldState {
 public:
  using Entries = std::map<Bytes, Bytes, BytesLess>;

  const Entries& entries() const { return entries_; }
  // Every deployed SWA with its owner / every registered session, in
  // address order (for inspection).
  std::vector<std::pair<eth::Address, eth::Address>> all_swas() const;
  std::vector<std::pair<eth::Address, SessionRecord>> all_sessions() const;
  std::optional<Bytes> get(const Bytes& key) const;
  // The state root (chain/state_commitment.hpp): re-hashes only the buckets
  // changed since the last call. Safe to call concurrently with other const
  // calls; a WorldState being changed needs exclusive access.
  Hash32 root() const { return commitment_.root(); }

  // Loading from storage (not marked dirty). Fails with kCorrupted on a
  // key or value that does not fit the layout above.
  Status load(Bytes key, Bytes value);
  // Keys changed since the last take_dirty(), with their new value (nullopt
  // = deleted).
  std::vector<std::pair<Bytes, std::optional<Bytes>>> take_dirty();

 private:
  friend class StateTxn;
  void put(const Bytes& key, std::optional<Bytes> value);

  Entries entries_;
  std::set<Bytes, BytesLess> dirty_;
  StateCommitment commitment_;  // kept in step with entries_ by put/load
};

class StateTxn {
 public:
  explicit StateTxn(WorldState& base) : base_(&base) {}
  // A view for queries: a const StateTxn cannot commit.
  static const StateTxn read_only(const WorldState& base) { return StateTxn(const_cast<WorldState&>(base)); }
  StateTxn(const StateTxn&) = delete;
  StateTxn& operator=(const StateTxn&) = delete;

  std::optional<eth::Address> swa_owner(const eth::Address& swa) const;
  void set_swa_owner(const eth::Address& swa, const eth::Address& owner);

  uint64_t next_nonce(const eth::Address& sender, const NonceKey& key) const;
  void set_next_nonce(const eth::Address& sender, const NonceKey& key, uint64_t seq);

  std::optional<SessionRecord> session(const eth::Address& session) const;
  void set_session(const eth::Address& session, const SessionRecord& record);

  std::optional<SpendPolicy> policy(const eth::Address& session) const;
  void set_policy(const eth::Address& session, const SpendPolicy& policy);

  Uint256 balance(const eth::Address& token, const eth::Address& holder) const;
  void set_balance(const eth::Address& token, const eth::Address& holder, const Uint256& v);

  Uint256 paymaster_budget(const eth::Address& client) const;
  void set_paymaster_budget(const eth::Address& client, const Uint256& v);

  // Applies every write to the base state (marking the keys dirty).
  void commit();

 private:
  std::optional<Bytes> get(const Bytes& key) const;
  void put(const Bytes& key, std::optional<Bytes> value) { writes_[key] = std::move(value); }

  WorldState* base_;
  std::map<Bytes, std::optional<Bytes>, BytesLess> writes_;
};

}  // namespace okmpc::chain
