// The v2 state root (chain/state_commitment.hpp): the incrementally kept
// root equals a reference computed here from the definition, depends only on
// the set of entries, and changes with any single key or value byte.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <thread>
#include <vector>

#include "chain/world_state.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"

namespace okmpc::chain {
namespace {

using Entry = std::pair<Bytes, Bytes>;

// The definition, written out level by level without StateCommitment.
Hash32 reference_root(const WorldState::Entries& entries) {
  std::vector<Bytes> bucket_input(4096);
  for (const auto& [k, v] : entries) {  // key order
    const Hash32 kh = keccak256(k);
    const size_t bucket = static_cast<size_t>(kh[0]) * 16 + kh[1] / 16;
    Bytes leaf;
    append_u32_be(leaf, static_cast<uint32_t>(k.size()));
    append(leaf, k);
    append_u32_be(leaf, static_cast<uint32_t>(v.size()));
    append(leaf, v);
    append(bucket_input[bucket], keccak256(leaf));
  }
  Bytes top(as_bytes("okmpc.chain.state.v2").begin(), as_bytes("okmpc.chain.state.v2").end());
  for (size_t g = 0; g < 64; ++g) {
    Bytes group;
    for (size_t b = 64 * g; b < 64 * (g + 1); ++b) append(group, keccak256(bucket_input[b]));
    append(top, keccak256(group));
  }
  return keccak256(top);
}

eth::Address random_address(DeterministicRng& rng, uint32_t distinct) {
  eth::Address a{};
  const uint64_t v = rng.uniform(distinct);
  for (size_t i = 0; i < 8; ++i) a[12 + i] = static_cast<uint8_t>(v >> (8 * i));
  return a;
}

// Random writes of several record kinds, including zero (= delete), in
// transactions of 1-8 writes; the root is read at random points so the
// caches are used both dirty and clean.
void random_history(WorldState& s, DeterministicRng& rng, int writes) {
  for (int done = 0; done < writes;) {
    StateTxn txn(s);
    const int n = 1 + static_cast<int>(rng.uniform(8));
    for (int i = 0; i < n; ++i, ++done) {
      const eth::Address a = random_address(rng, 300), b = random_address(rng, 4);
      const uint64_t value = rng.uniform(3) == 0 ? 0 : 1 + rng.uniform(1'000'000);
      switch (rng.uniform(3)) {
        case 0: txn.set_balance(b, a, Uint256::from_u64(value)); break;
        case 1: txn.set_next_nonce(a, NonceKey{}, value); break;
        default: txn.set_paymaster_budget(a, Uint256::from_u64(value)); break;
      }
    }
    txn.commit();
    if (rng.uniform(4) == 0) (void)s.root();
  }
}

WorldState loaded(std::vector<Entry> entries, uint64_t shuffle_seed) {
  std::mt19937_64 g(shuffle_seed);
  std::shuffle(entries.begin(), entries.end(), g);
  WorldState s;
  for (auto& [k, v] : entries) EXPECT_TRUE(s.load(k, v));
  return s;
}

std::vector<Entry> entries_of(const WorldState& s) { return {s.entries().begin(), s.entries().end()}; }

// The empty state's root, computed outside okmpc with a separate Keccak-256
// implementation from the definition above.
constexpr const char* kEmptyRootHex = "263a2ffd146a74f993941eff7f36a181168d5662a4a3a65a138cbfa070ee49b0";

TEST(StateRoot, EmptyStateKnownAnswer) {
  // keccak256("") for every bucket, keccak256(64 of them) for every group.
  const Hash32 empty_bucket = keccak256(ByteView());
  EXPECT_EQ(to_hex(empty_bucket), "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  Bytes group;
  for (int i = 0; i < 64; ++i) append(group, empty_bucket);
  Bytes top(as_bytes("okmpc.chain.state.v2").begin(), as_bytes("okmpc.chain.state.v2").end());
  const Hash32 group_hash = keccak256(group);
  for (int i = 0; i < 64; ++i) append(top, group_hash);
  const Hash32 expected = keccak256(top);

  WorldState s;
  EXPECT_EQ(s.root(), expected);
  EXPECT_EQ(reference_root({}), expected);
  EXPECT_EQ(to_hex(s.root()), kEmptyRootHex);
  // Back to empty after writes: the same root, from the allocated caches.
  StateTxn txn(s);
  txn.set_paymaster_budget(eth::Address{}, Uint256::from_u64(1));
  txn.commit();
  EXPECT_NE(s.root(), expected);
  StateTxn undo(s);
  undo.set_paymaster_budget(eth::Address{}, Uint256());
  undo.commit();
  EXPECT_EQ(s.root(), expected);
}

TEST(StateRoot, IncrementalRootEqualsFreshLoadAndReference) {
  DeterministicRng rng(0x5747e);
  WorldState s;
  random_history(s, rng, 3000);
  ASSERT_GT(s.entries().size(), 300u) << "the history left too small a state to mean anything";
  const Hash32 incremental = s.root();
  EXPECT_EQ(incremental, reference_root(s.entries()));
  EXPECT_EQ(loaded(entries_of(s), 1).root(), incremental);
  EXPECT_EQ(loaded(entries_of(s), 2).root(), incremental);
  // More history on top of a clean cache, then the same checks.
  random_history(s, rng, 500);
  EXPECT_NE(s.root(), incremental);
  EXPECT_EQ(s.root(), reference_root(s.entries()));
  EXPECT_EQ(loaded(entries_of(s), 3).root(), s.root());
}

TEST(StateRoot, EqualStatesReachedInDifferentOrdersHaveEqualRoots) {
  // The same final budgets, written in two different orders with different
  // detours: other values first (zero included), and extra entries that are
  // created and deleted again.
  std::vector<std::pair<eth::Address, uint64_t>> finals;
  DeterministicRng values(0x0dde5);
  for (uint8_t i = 0; i < 200; ++i) {
    eth::Address a{};
    a[0] = i;
    a[19] = 0x42;
    finals.emplace_back(a, 1 + values.uniform(1000));
  }
  auto build = [&](uint64_t seed) {
    WorldState s;
    DeterministicRng detour(seed);
    std::vector<size_t> order(finals.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937_64 g(seed);
    std::shuffle(order.begin(), order.end(), g);
    std::vector<eth::Address> junk;
    for (size_t i : order) {
      StateTxn txn(s);
      txn.set_paymaster_budget(finals[i].first, Uint256::from_u64(detour.uniform(5)));
      junk.push_back(random_address(detour, 1u << 30));
      txn.set_next_nonce(junk.back(), NonceKey{}, 1 + detour.uniform(9));
      txn.commit();
      (void)s.root();
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      StateTxn txn(s);
      txn.set_paymaster_budget(finals[*it].first, Uint256::from_u64(finals[*it].second));
      txn.commit();
      if (*it % 3 == 0) (void)s.root();
    }
    StateTxn cleanup(s);
    for (const eth::Address& j : junk) cleanup.set_next_nonce(j, NonceKey{}, 0);
    cleanup.commit();
    return s;
  };
  const WorldState a = build(1), b = build(2);
  ASSERT_EQ(a.entries().size(), finals.size());
  ASSERT_TRUE(a.entries() == b.entries());
  EXPECT_EQ(a.root(), b.root());
  EXPECT_EQ(a.root(), reference_root(a.entries()));
}

TEST(StateRoot, AnySingleByteChangeChangesTheRoot) {
  DeterministicRng rng(0xb17e);
  WorldState s;
  random_history(s, rng, 600);
  const std::vector<Entry> base = entries_of(s);
  const Hash32 root = s.root();
  ASSERT_GT(base.size(), 100u);
  int checked = 0;
  for (size_t i = 0; i < base.size(); i += 3) {
    for (bool in_key : {true, false}) {
      std::vector<Entry> changed = base;
      Bytes& target = in_key ? changed[i].first : changed[i].second;
      const size_t skip = in_key ? 1 : 0;  // the tag byte decides the layout
      const size_t pos = skip + rng.uniform(target.size() - skip);
      target[pos] = static_cast<uint8_t>(target[pos] ^ (1u << rng.uniform(8)));
      // In a fresh state holding the changed set ...
      EXPECT_NE(loaded(changed, i).root(), root) << "entry " << i << (in_key ? " key" : " value") << " byte " << pos;
      // ... and incrementally (values; a key change is a delete plus an
      // insert, covered by the histories above): change s, then undo it.
      if (!in_key) {
        ASSERT_TRUE(s.load(changed[i].first, changed[i].second));
        EXPECT_NE(s.root(), root);
        ASSERT_TRUE(s.load(base[i].first, base[i].second));
        EXPECT_EQ(s.root(), root);
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 60);
}

TEST(StateRoot, CopiesAndConcurrentReadersAgree) {
  DeterministicRng rng(0xc0b1);
  WorldState s;
  random_history(s, rng, 400);
  (void)s.root();
  random_history(s, rng, 20);  // leaves some buckets dirty
  const Hash32 expected = reference_root(s.entries());
  const WorldState copy = s;   // copies the dirty caches
  std::vector<Hash32> seen(4);
  std::vector<std::thread> readers;
  for (Hash32& out : seen) readers.emplace_back([&s, &out] { out = s.root(); });
  for (std::thread& t : readers) t.join();
  for (const Hash32& h : seen) EXPECT_EQ(h, expected);
  EXPECT_EQ(copy.root(), expected);
  WorldState moved = WorldState(copy);
  EXPECT_EQ(moved.root(), expected);
}

}  // namespace
}  // namespace okmpc::chain
