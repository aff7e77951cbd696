// Honest DKG runs over every curve: the KeyShare invariants, both share-check
// modes and both ways of obtaining verification shares, reproducibility.
#include <gtest/gtest.h>

#include "dkg_fixture.hpp"

namespace okmpc::dkg {
namespace {

using testing::expect_valid_shares;
using testing::session_of;

template <class C>
class DkgHonest : public ::testing::Test {};
using Curves = ::testing::Types<Secp256k1, Ed25519, ToyCurve>;
TYPED_TEST_SUITE(DkgHonest, Curves);

TYPED_TEST(DkgHonest, TwoOfThree) {
  auto run = run_dkg_simulated<TypeParam>(2, 3, session_of(1), DkgOptions{}, runtime::SimConfig{});
  ASSERT_TRUE(run) << run.error();
  expect_valid_shares<TypeParam>(run->shares, 2, 3);
  EXPECT_EQ(run->report.rounds, 3u);  // commitments, echo, shares (kAuto: local verification shares)
}

TEST(DkgModes, AutoPicksLocalForSmallAndExchangeForLargeSets) {
  EXPECT_EQ(resolve(VerificationShares::kAuto, 2, 3), VerificationShares::kLocal);
  EXPECT_EQ(resolve(VerificationShares::kAuto, 3, 5), VerificationShares::kLocal);
  EXPECT_EQ(resolve(VerificationShares::kAuto, 7, 10), VerificationShares::kExchange);
  EXPECT_EQ(resolve(VerificationShares::kAuto, 67, 100), VerificationShares::kExchange);
  EXPECT_EQ(resolve(VerificationShares::kAuto, 1, 255), VerificationShares::kLocal);
  EXPECT_EQ(resolve(VerificationShares::kLocal, 67, 100), VerificationShares::kLocal);
}

TYPED_TEST(DkgHonest, ThreeOfFiveEveryMode) {
  for (bool batch : {true, false}) {
    for (auto vs : {VerificationShares::kLocal, VerificationShares::kExchange}) {
      SCOPED_TRACE(::testing::Message() << "batch=" << batch << " local=" << (vs == VerificationShares::kLocal));
      runtime::SimConfig net;
      net.seed = 11;
      auto run = run_dkg_simulated<TypeParam>(3, 5, session_of(2), DkgOptions{batch, vs}, net);
      ASSERT_TRUE(run) << run.error();
      expect_valid_shares<TypeParam>(run->shares, 3, 5);
      EXPECT_EQ(run->report.rounds, vs == VerificationShares::kLocal ? 3u : 4u);
    }
  }
}

TYPED_TEST(DkgHonest, EdgeThresholds) {
  for (auto [t, n] : {std::pair{1u, 1u}, {1u, 4u}, {4u, 4u}}) {
    SCOPED_TRACE(::testing::Message() << t << "-of-" << n);
    runtime::SimConfig net;
    net.seed = 5;
    auto run = run_dkg_simulated<TypeParam>(t, n, session_of(3), DkgOptions{}, net);
    ASSERT_TRUE(run) << run.error();
    expect_valid_shares<TypeParam>(run->shares, t, n);
  }
}

TYPED_TEST(DkgHonest, ThreadPoolAndFaultsGiveTheSameKeys) {
  runtime::SimConfig a;
  a.seed = 21;
  a.faults.jitter_ms = 3;
  a.faults.duplicate = 0.3;
  runtime::SimConfig b = a;
  b.threads = 3;
  auto r1 = run_dkg_simulated<TypeParam>(3, 4, session_of(4), DkgOptions{}, a);
  auto r2 = run_dkg_simulated<TypeParam>(3, 4, session_of(4), DkgOptions{}, b);
  ASSERT_TRUE(r1 && r2);
  EXPECT_EQ(r1->report.transcript_digest, r2->report.transcript_digest);
  EXPECT_TRUE(r1->shares[0].group_public_key == r2->shares[0].group_public_key);
  expect_valid_shares<TypeParam>(r2->shares, 3, 4);
}

TEST(DkgReproducible, SameSeedByteIdenticalTranscript) {
  std::vector<runtime::Delivery> t1, t2, t3;
  runtime::SimConfig net;
  net.seed = 77;
  net.faults.jitter_ms = 2;
  auto r1 = run_dkg_simulated<Secp256k1>(2, 3, session_of(5), DkgOptions{}, net, &t1);
  auto r2 = run_dkg_simulated<Secp256k1>(2, 3, session_of(5), DkgOptions{}, net, &t2);
  ASSERT_TRUE(r1 && r2);
  ASSERT_EQ(t1.size(), t2.size());
  for (size_t i = 0; i < t1.size(); ++i) {
    EXPECT_EQ(t1[i].to, t2[i].to);
    EXPECT_EQ(t1[i].wire, t2[i].wire) << "delivery " << i;
  }
  EXPECT_EQ(r1->report.transcript_digest, r2->report.transcript_digest);
  EXPECT_EQ(r1->shares[1].secret_share.expose(), r2->shares[1].secret_share.expose());
  net.seed = 78;
  auto r3 = run_dkg_simulated<Secp256k1>(2, 3, session_of(5), DkgOptions{}, net, &t3);
  ASSERT_TRUE(r3);
  EXPECT_NE(r1->report.transcript_digest, r3->report.transcript_digest);
  EXPECT_FALSE(r1->shares[0].group_public_key == r3->shares[0].group_public_key);
}

TEST(DkgReport, CountsMessagesAndBytes) {
  DkgOptions exchange;
  exchange.verification_shares = VerificationShares::kExchange;
  auto run = run_dkg_simulated<Secp256k1>(2, 3, session_of(6), exchange, runtime::SimConfig{});
  ASSERT_TRUE(run);
  const auto& r = run->report;
  EXPECT_EQ(r.rounds, 4u);
  EXPECT_EQ(r.messages, 4u * 3 * 2);  // four rounds, each party to each peer
  // Commitments, the proof's R and verification shares travel as 65-byte
  // uncompressed points (protocol version 2), then z (32); the reliable
  // round-1 broadcast carries a 64-byte identity signature, its echo one
  // 32-byte digest.
  const uint64_t h = runtime::Message::kHeaderBytes;
  const uint64_t round1 = h + 4 + 2 * 65 + 65 + 32 + 64, echo = h + 2 + 32, share = h + 32, vshare = h + 65;
  EXPECT_EQ(r.bytes, 3u * 2 * (round1 + echo + share + vshare));
  EXPECT_GT(r.total_cpu_ms, 0.0);
}

TEST(DkgConfig, RejectsBadParameters) {
  for (auto [t, n] : {std::pair{0u, 3u}, {4u, 3u}, {2u, 256u}, {1u, 0u}}) {
    auto run = run_dkg_simulated<Secp256k1>(t, n, session_of(7), DkgOptions{}, runtime::SimConfig{});
    ASSERT_FALSE(run) << t << "-of-" << n;
    EXPECT_EQ(run.error().code, ErrorCode::kInvalidArgument);
  }
}

TEST(DkgGenerateKeys, ProducesValidShares) {
  DeterministicRng rng(9);
  auto shares = generate_keys_simulated<Secp256k1>(2, 3, rng);
  ASSERT_TRUE(shares) << shares.error();
  expect_valid_shares<Secp256k1>(*shares, 2, 3);
  auto copy = (*shares)[0].clone();
  EXPECT_EQ(copy.secret_share.expose(), (*shares)[0].secret_share.expose());
}

}  // namespace
}  // namespace okmpc::dkg
