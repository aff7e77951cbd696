// RoundParty header checks, buffering, duplicates and waiting_for, driven by
// hand (no network) with the SumParty test protocol.
#include <gtest/gtest.h>

#include "protocols/runtime/echo.hpp"
#include "sum_protocol.hpp"

namespace okmpc::runtime {
namespace {

using testing::bind_sim_identity;
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
  // Round 1 is the reliable broadcast: signed by the sender's identity.
  if (round == 1 && to == kBroadcast) {
    const EchoContext ctx{ProtocolId::kTest, 1, m.session, 1};
    m.signature = sign_broadcast(ctx, from, m.payload, simnet_identity(1, from));
  }
  return m;
}

class RoundPartyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    bind_sim_identity(party, 3);
    auto out = party.start(rng);
    ASSERT_TRUE(out) << out.error();
    ASSERT_EQ(out->size(), 1u);
    EXPECT_TRUE((*out)[0].is_broadcast());
    EXPECT_EQ((*out)[0].round, 1);
    EXPECT_EQ((*out)[0].from, 1u);
    own = (*out)[0];
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
  Message own;
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
  EXPECT_EQ(party.waiting_stage(), 4u * 1 + 1);                  // round 1, echo step
}

TEST_F(RoundPartyTest, OwnReliableBroadcastIsSignedAndVerifies) {
  ASSERT_TRUE(own.signature);
  const EchoContext ctx{ProtocolId::kTest, 1, own.session, 1};
  EXPECT_TRUE(verify_broadcast_vartime(ctx, 1, SignedBroadcast{own.payload, *own.signature},
                                       simnet_identity(1, 1).public_key()));
  EXPECT_FALSE(verify_broadcast_vartime(ctx, 2, SignedBroadcast{own.payload, *own.signature},
                                        simnet_identity(1, 1).public_key()));
}

TEST_F(RoundPartyTest, SendsEchoOnceBroadcastsAreIn) {
  ASSERT_TRUE(party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng));
  auto r = party.handle(from_peer(3, 0, 1, u64_bytes(6)), rng);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].protocol, ProtocolId::kEcho);
  EXPECT_EQ((*r)[0].payload.size(), 34u);  // one digest, whatever n
  auto digest = decode_echo((*r)[0].payload, ProtocolId::kTest, 1);
  ASSERT_TRUE(digest);
  BroadcastView view;
  view[1] = SignedBroadcast{own.payload, *own.signature};
  for (auto [from, value] : {std::pair<PartyId, uint64_t>{2, 5}, {3, 6}}) {
    const Message m = from_peer(from, 0, 1, u64_bytes(value));
    view[from] = SignedBroadcast{m.payload, *m.signature};
  }
  EXPECT_EQ(*digest, echo_digest(EchoContext{ProtocolId::kTest, 1, own.session, 1}, view));
}

TEST_F(RoundPartyTest, UnsignedReliableBroadcastNamesSender) {
  Message m = from_peer(2, 0, 1, u64_bytes(5));
  m.signature.reset();
  expect_rejected(m, ErrorCode::kProtocolAbort, 2);
}

TEST_F(RoundPartyTest, SignedPointToPointMessageRejected) {
  Message m = from_peer(3, 1, 2, u64_bytes(5));
  m.signature.emplace();
  expect_rejected(m, ErrorCode::kProtocolAbort, 3);
}

TEST_F(RoundPartyTest, EvidenceRequestAnsweredWithTheSignedView) {
  ASSERT_TRUE(party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng));
  ASSERT_TRUE(party.handle(from_peer(3, 0, 1, u64_bytes(6)), rng));
  // Party 3 asks for evidence (it saw a mismatch): party 1 answers once with
  // all three signed broadcasts, though its own echoes are not even in.
  Message ask;
  ask.protocol = ProtocolId::kEchoEvidence;
  ask.version = kEvidenceVersion;
  ask.session = own.session;
  ask.round = 1;
  ask.from = 3;
  ask.payload = encode_evidence(ProtocolId::kTest, {});
  auto r = party.handle(ask, rng);
  ASSERT_TRUE(r) << r.error();
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].protocol, ProtocolId::kEchoEvidence);
  auto view = decode_evidence((*r)[0].payload, ProtocolId::kTest, 1);
  ASSERT_TRUE(view) << view.error();
  EXPECT_EQ(view->size(), 3u);
  EXPECT_EQ(view->at(1).payload, own.payload);
  EXPECT_EQ(view->at(2).payload, u64_bytes(5));
}

TEST_F(RoundPartyTest, EvidenceNeverVouchesForAForgedBroadcast) {
  ASSERT_TRUE(party.handle(from_peer(2, 0, 1, u64_bytes(5)), rng));
  Message forged = from_peer(3, 0, 1, u64_bytes(6));
  forged.payload = u64_bytes(7);  // signature no longer matches
  ASSERT_TRUE(party.handle(forged, rng));  // lazy: not verified on receipt
  Message ask;
  ask.protocol = ProtocolId::kEchoEvidence;
  ask.version = kEvidenceVersion;
  ask.session = own.session;
  ask.round = 1;
  ask.from = 2;
  ask.payload = encode_evidence(ProtocolId::kTest, {});
  auto r = party.handle(ask, rng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3}) << r.error();
}

TEST(RoundParty, WithoutAnIdentityTheReliableBroadcastIsUnsigned) {
  // Drivers without a PKI (the embedding API) keep working: unsigned
  // broadcasts, and a signed one from a peer is then unexpected.
  DeterministicRng rng(1);
  SumParty p(sum_config(1, 3));
  auto out = p.start(rng);
  ASSERT_TRUE(out) << out.error();
  ASSERT_EQ(out->size(), 1u);
  EXPECT_FALSE((*out)[0].signature);
  auto r = p.handle(from_peer(2, 0, 1, u64_bytes(5)), rng);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
}

TEST(RoundParty, SinglePartyFinishesAtStart) {
  DeterministicRng rng(1);
  SumParty solo(sum_config(1, 1));
  bind_sim_identity(solo, 1);
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
