// KeygenParty through the public API: 2-of-3 and 3-of-5 on both curves agree
// on one group key whose verification shares match; bad configurations,
// garbage bytes and foreign sessions are typed errors.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include "api_fixture.hpp"

namespace okmpc::api::testing {
namespace {

void expect_one_key(const std::vector<KeyShare>& shares, Curve curve, uint32_t t, uint32_t n) {
  ASSERT_EQ(shares.size(), n);
  const auto key = shares[0].group_public_key();
  ASSERT_EQ(key.size(), curve == Curve::kEd25519 ? 32u : 33u);
  for (uint32_t i = 0; i < n; ++i) {
    EXPECT_EQ(shares[i].curve(), curve);
    EXPECT_EQ(shares[i].index(), i + 1);
    EXPECT_EQ(shares[i].threshold(), t);
    EXPECT_EQ(shares[i].parties(), n);
    EXPECT_EQ(shares[i].group_public_key(), key);
    EXPECT_FALSE(shares[i].has_ecdsa_setup());
    for (uint32_t m = 1; m <= n; ++m) EXPECT_EQ(shares[i].verification_share(m), shares[0].verification_share(m));
  }
  EXPECT_TRUE(shares[0].verification_share(0).empty());
  EXPECT_TRUE(shares[0].verification_share(n + 1).empty());
}

TEST(ApiKeygen, Ed25519TwoOfThreeGivesAValidLibsodiumPublicKey) {
  const auto shares = run_keygen(Curve::kEd25519, 2, 3);
  expect_one_key(shares, Curve::kEd25519, 2, 3);
  // libsodium accepts it as an Ed25519 public key (converts to X25519).
  std::array<uint8_t, 32> x{};
  EXPECT_EQ(crypto_sign_ed25519_pk_to_curve25519(x.data(), shares[0].group_public_key().data()), 0);
}

TEST(ApiKeygen, Secp256k1ThreeOfFiveGivesAValidLibsecp256k1PublicKey) {
  const auto shares = run_keygen(Curve::kSecp256k1, 3, 5);
  expect_one_key(shares, Curve::kSecp256k1, 3, 5);
  secp256k1_pubkey pk;
  const auto key = shares[0].group_public_key();
  EXPECT_EQ(secp256k1_ec_pubkey_parse(secp256k1_context_static, &pk, key.data(), key.size()), 1);
}

TEST(ApiKeygen, RejectsBadConfigurations) {
  const SessionId s = random_session_id();
  for (auto [t, n, self] : std::vector<std::array<uint32_t, 3>>{{0, 3, 1}, {4, 3, 1}, {2, 3, 0}, {2, 3, 4}, {2, 256, 1}}) {
    auto p = KeygenParty::create(Curve::kSecp256k1, t, n, self, s);
    ASSERT_FALSE(p.ok()) << t << "-of-" << n << " self " << self;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
  }
  auto bad_curve = KeygenParty::create(static_cast<Curve>(9), 2, 3, 1, s);
  ASSERT_FALSE(bad_curve.ok());
  EXPECT_EQ(bad_curve.error().code, ErrorCode::kInvalidArgument);
}

TEST(ApiKeygen, NoKeyShareBeforeFinishedAndOnlyOnce) {
  auto p = KeygenParty::create(Curve::kEd25519, 1, 1, 1, random_session_id());
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->take_key_share().error().code, ErrorCode::kInvalidArgument);
  auto out = p->start();
  ASSERT_TRUE(out.ok()) << out.error().message;
  ASSERT_TRUE(p->finished());
  EXPECT_TRUE(p->take_key_share().ok());
  EXPECT_EQ(p->take_key_share().error().code, ErrorCode::kInvalidArgument);
}

TEST(ApiKeygen, HandleBeforeStartAndGarbageBytesAreErrorsAndFinal) {
  const SessionId s = random_session_id();
  auto a = KeygenParty::create(Curve::kSecp256k1, 2, 2, 1, s);
  auto b = KeygenParty::create(Curve::kSecp256k1, 2, 2, 2, s);
  ASSERT_TRUE(a.ok() && b.ok());
  auto first = b->start();
  ASSERT_TRUE(first.ok());
  ASSERT_FALSE(first->empty());
  auto early = a->handle((*first)[0].bytes);
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().code, ErrorCode::kInvalidArgument);

  auto c = KeygenParty::create(Curve::kSecp256k1, 2, 2, 1, s);
  ASSERT_TRUE(c->start().ok());
  const std::vector<uint8_t> garbage = {1, 2, 3};
  auto bad = c->handle(garbage);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidEncoding);
  // Final: a valid message afterwards gets the same error back.
  auto after = c->handle((*first)[0].bytes);
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kInvalidEncoding);
}

TEST(ApiKeygen, MessageOfAnotherSessionNamesItsSender) {
  auto a = KeygenParty::create(Curve::kEd25519, 2, 2, 1, random_session_id());
  auto b = KeygenParty::create(Curve::kEd25519, 2, 2, 2, random_session_id());
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a->start().ok());
  auto from_b = b->start();
  ASSERT_TRUE(from_b.ok());
  auto got = a->handle((*from_b)[0].bytes);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.error().code, ErrorCode::kReplay);
  EXPECT_EQ(got.error().culprits, std::vector<uint32_t>{2});
}

TEST(ApiKeygen, TamperedShareNamesTheDealer) {
  const SessionId s = random_session_id();
  std::vector<KeygenParty> parties;
  for (uint32_t i = 1; i <= 3; ++i) parties.push_back(std::move(*KeygenParty::create(Curve::kSecp256k1, 2, 3, i, s)));
  std::vector<Party*> handles;
  for (auto& p : parties) handles.push_back(&p);
  // Round 2 is point-to-point: flip a bit of the share party 3 sends to party 1
  // (wire header: round at bytes 37-38, receiver at 43-46; 51-byte header,
  // then the 32-byte big-endian scalar, whose last byte is flipped).
  InMemoryNetwork net(handles, [](Envelope& e) {
    if (e.from == 3 && e.to == 1 && e.bytes.size() == 51 + 32 && e.bytes[38] == 2 && e.bytes[46] == 1) {
      e.bytes.back() ^= 1;
    }
    return true;
  });
  uint32_t failed = 0;
  const Status st = net.run(&failed);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(failed, 1u);
  EXPECT_EQ(st.error().code, ErrorCode::kVerificationFailed) << st.error().message;
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{3});
}

}  // namespace
}  // namespace okmpc::api::testing
