// RoundParty header checks, buffering, duplicates and waiting_for, driven by
// hand (no network) with the SumParty test protocol.
#include <gtest/gtest.h>

#include "protocols/runtime/echo.hpp"
#include "sum_protocol.hpp"

namespace okmpc::runtime {
namespace {

using testing::SumParty;
using testing::sum_config;
using testing::u64_bytes;

Message from_peer(PartyId from, PartyId to, uint16_t round, Bytes payload) {
  Message m;
  m.protocol = ProtocolId::kTest;
  m.session.fill(7);
  m.round = round;
  m.from = from;
  m.to = to;
  m.payload = std::move(payload);
  return m;
}

class RoundPartyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto out = party.start(rng);
    ASSERT_TRUE(out) << out.error();
    ASSERT_EQ(out->size(), 1u);
    EXPECT_TRUE((*out)[0].is_broadcast());
    EXPECT_EQ((*out)[0].round, 1);
    EXPECT_EQ((*out)[0].from, 1u);
  }
  void expect_rejected(const Message& m, ErrorCode code, PartyId culprit) {
    auto r = party.handle(m, rng);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, code) << r.error();
    EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{culprit});
    // Final: the party stays aborted.
    auto again = party.handle(from_peer(2, 0, 1, u64_bytes(1)), rng);
    ASSERT_FALSE(again);
    EXPECT_EQ(again.error().code, code);
  }
  DeterministicRng rng{42};
  SumParty party{sum_config(1, 3)};
};

TEST_F(RoundPartyTest, WaitsForEveryPeer) {
  EXPECT_EQ(party.current_round(), 1);
  EXPECT_EQ(party.waiting_for(), (std::vector<PartyId>{2, 3}));
  auto r = party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng);
  ASSERT_TRUE(r);
  // Not all broadcasts in: no echo yet; the missing broadcast is named first.
  EXPECT_TRUE(r->empty());
  EXPECT_EQ(party.waiting_for(), std::vector<PartyId>{3});
  ASSERT_TRUE(party.handle(from_peer(3, 0, 1, u64_bytes(6)), rng));
  EXPECT_EQ(party.waiting_for(), (std::vector<PartyId>{2, 3}));  // now their echoes
}

TEST_F(RoundPartyTest, SendsEchoOnceBroadcastsAreIn) {
  ASSERT_TRUE(party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng));
  auto r = party.handle(from_peer(3, 0, 1, u64_bytes(6)), rng);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].protocol, ProtocolId::kEcho);
  auto table = decode_echo((*r)[0].payload, ProtocolId::kTest, 1);
  ASSERT_TRUE(table);
  EXPECT_EQ(table->size(), 3u);
  EXPECT_EQ(table->at(2), broadcast_digest(from_peer(2, 0, 1, u64_bytes(5))));
}

TEST_F(RoundPartyTest, IdenticalDuplicateIgnored) {
  const Message m = from_peer(2, 0, 1, u64_bytes(5));
  ASSERT_TRUE(party.handle(m, rng));
  auto r = party.handle(m, rng);
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST_F(RoundPartyTest, ConflictingDuplicateNamesSender) {
  ASSERT_TRUE(party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng));
  expect_rejected(from_peer(2, 0, 1, u64_bytes(6)), ErrorCode::kProtocolAbort, 2);
}

TEST_F(RoundPartyTest, OtherSessionIsReplay) {
  Message m = from_peer(3, 0, 1, u64_bytes(5));
  m.session[0] ^= 1;
  expect_rejected(m, ErrorCode::kReplay, 3);
}

TEST_F(RoundPartyTest, OtherProtocolRejected) {
  Message m = from_peer(3, 0, 1, u64_bytes(5));
  m.protocol = ProtocolId::kFrost;
  expect_rejected(m, ErrorCode::kProtocolAbort, 3);
}

TEST_F(RoundPartyTest, OtherVersionRejected) {
  Message m = from_peer(3, 0, 1, u64_bytes(5));
  m.version = 2;
  expect_rejected(m, ErrorCode::kProtocolAbort, 3);
}

TEST_F(RoundPartyTest, WrongReceiverRejected) {
  expect_rejected(from_peer(3, 2, 2, u64_bytes(5)), ErrorCode::kProtocolAbort, 3);
}

TEST_F(RoundPartyTest, OutsiderRejected) {
  expect_rejected(from_peer(4, 0, 1, u64_bytes(5)), ErrorCode::kProtocolAbort, 4);
}

TEST_F(RoundPartyTest, SpoofedSelfRejected) {
  expect_rejected(from_peer(1, 0, 1, u64_bytes(5)), ErrorCode::kProtocolAbort, 1);
}

TEST_F(RoundPartyTest, NonexistentRoundRejected) {
  expect_rejected(from_peer(2, 1, 3, u64_bytes(5)), ErrorCode::kProtocolAbort, 2);
}

TEST_F(RoundPartyTest, WrongKindRejected) {
  // Round 1 is broadcast-only; round 2 is point-to-point only.
  expect_rejected(from_peer(2, 1, 1, u64_bytes(5)), ErrorCode::kProtocolAbort, 2);
}

TEST_F(RoundPartyTest, BroadcastInDirectRoundRejected) {
  expect_rejected(from_peer(3, 0, 2, u64_bytes(5)), ErrorCode::kProtocolAbort, 3);
}

TEST_F(RoundPartyTest, FutureRoundIsBuffered) {
  // A round-2 message arriving early is kept, not rejected.
  auto r = party.handle(from_peer(2, 1, 2, u64_bytes(10)), rng);
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->empty());
  EXPECT_EQ(party.current_round(), 1);
}

TEST(RoundParty, SinglePartyFinishesAtStart) {
  DeterministicRng rng(1);
  SumParty solo(sum_config(1, 1));
  auto out = solo.start(rng);
  ASSERT_TRUE(out) << out.error();
  EXPECT_TRUE(solo.finished());
  ASSERT_TRUE(solo.sum());
  EXPECT_EQ(*solo.sum(), solo.value());
  EXPECT_TRUE(solo.waiting_for().empty());
}

TEST(RoundParty, SelfOutsidePartySetRejected) {
  DeterministicRng rng(1);
  auto cfg = sum_config(1, 3);
  cfg.self = 9;
  SumParty p(cfg);
  auto out = p.start(rng);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::runtime
