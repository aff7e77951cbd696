#include "chain/world_state.hpp"

#include <gtest/gtest.h>

namespace okmpc::chain {
namespace {

eth::Address addr(uint8_t v) {
  eth::Address a{};
  a[19] = v;
  return a;
}

TEST(WorldState, DiscardedTransactionChangesNothing) {
  WorldState s;
  const Hash32 empty = s.root();
  {
    StateTxn txn(s);
    txn.set_balance(addr(1), addr(2), Uint256::from_u64(5));
    EXPECT_EQ(txn.balance(addr(1), addr(2)), Uint256::from_u64(5));  // reads its own writes
  }
  EXPECT_EQ(s.root(), empty);
  EXPECT_TRUE(s.entries().empty());
  EXPECT_TRUE(s.take_dirty().empty());
}

TEST(WorldState, CommitAppliesAndZeroIsAbsent) {
  WorldState s;
  const Hash32 empty = s.root();
  StateTxn txn(s);
  txn.set_balance(addr(1), addr(2), Uint256::from_u64(5));
  txn.set_next_nonce(addr(2), NonceKey{}, 1);
  txn.commit();
  EXPECT_NE(s.root(), empty);
  EXPECT_EQ(s.take_dirty().size(), 2u);
  StateTxn back(s);
  back.set_balance(addr(1), addr(2), Uint256());
  back.set_next_nonce(addr(2), NonceKey{}, 0);
  back.commit();
  EXPECT_EQ(s.root(), empty);  // one encoding per state
  auto dirty = s.take_dirty();
  ASSERT_EQ(dirty.size(), 2u);
  EXPECT_FALSE(dirty[0].second.has_value());
}

TEST(WorldState, RecordsRoundTrip) {
  WorldState s;
  StateTxn txn(s);
  SessionRecord r{addr(9), 10, 20, true};
  txn.set_session(addr(3), r);
  SpendPolicy p{addr(1), Uint256::from_u64(100), Uint256::from_u64(40)};
  txn.set_policy(addr(3), p);
  txn.set_swa_owner(addr(9), addr(8));
  txn.set_paymaster_budget(addr(7), Uint256::from_u64(1000));
  txn.commit();
  const StateTxn view = StateTxn::read_only(s);
  EXPECT_EQ(*view.session(addr(3)), r);
  EXPECT_EQ(*view.policy(addr(3)), p);
  EXPECT_EQ(*view.swa_owner(addr(9)), addr(8));
  EXPECT_EQ(view.paymaster_budget(addr(7)), Uint256::from_u64(1000));
  EXPECT_FALSE(view.session(addr(4)).has_value());
}

TEST(WorldState, RootDependsOnEveryEntryAndLoadIsStrict) {
  WorldState a, b;
  StateTxn ta(a), tb(b);
  ta.set_balance(addr(1), addr(2), Uint256::from_u64(5));
  tb.set_balance(addr(1), addr(2), Uint256::from_u64(6));
  ta.commit();
  tb.commit();
  EXPECT_NE(a.root(), b.root());
  WorldState c;
  for (const auto& [k, v] : a.entries()) ASSERT_TRUE(c.load(k, v));
  EXPECT_EQ(c.root(), a.root());
  EXPECT_TRUE(c.take_dirty().empty());
  EXPECT_EQ(c.load(Bytes{0x05, 1, 2}, Bytes(32, 0)).error().code, ErrorCode::kCorrupted);
  EXPECT_EQ(c.load(Bytes{0x7f}, Bytes{}).error().code, ErrorCode::kCorrupted);
}

}  // namespace
}  // namespace okmpc::chain
