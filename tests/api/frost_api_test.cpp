// FrostSigner through the public API: 2-of-3 signatures verified by libsodium
// (Ed25519) and by the RFC 9591 equation (secp256k1); every signer subset
// signs; a signer created for another message names the coordinator.
#include <gtest/gtest.h>
#include <sodium.h>

#include <string_view>

#include "api_fixture.hpp"

namespace okmpc::api::testing {
namespace {

std::span<const uint8_t> bytes_of(std::string_view s) { return {reinterpret_cast<const uint8_t*>(s.data()), s.size()}; }

// Runs FrostSigner for `signers` (indices into `shares`, 1-based ids) with the
// lowest as coordinator; returns the coordinator's signature.
std::vector<uint8_t> frost_sign(const std::vector<KeyShare>& shares, std::vector<uint32_t> signers,
                                std::span<const uint8_t> message) {
  const SessionId s = random_session_id();
  std::vector<FrostSigner> parties;
  for (uint32_t id : signers) {
    auto p = FrostSigner::create(shares[id - 1], message, signers, signers.front(), s);
    EXPECT_TRUE(p.ok()) << p.error().message;
    parties.push_back(std::move(*p));
  }
  run_to_completion(parties);
  for (size_t k = 1; k < parties.size(); ++k) {
    EXPECT_TRUE(parties[k].finished());
    EXPECT_FALSE(parties[k].is_coordinator());
    EXPECT_EQ(parties[k].signature().error().code, ErrorCode::kNotFound);
  }
  EXPECT_TRUE(parties[0].is_coordinator());
  auto sig = parties[0].signature();
  EXPECT_TRUE(sig.ok()) << sig.error().message;
  return sig.ok() ? *sig : std::vector<uint8_t>{};
}

TEST(ApiFrost, Ed25519SignaturesVerifyWithLibsodiumForEverySignerPair) {
  const auto& keys = keys_2_of_3();
  const auto msg = bytes_of("embed me");
  const auto pk = keys.ed25519[0].group_public_key();
  for (auto signers : std::vector<std::vector<uint32_t>>{{1, 2}, {1, 3}, {2, 3}, {1, 2, 3}}) {
    const auto sig = frost_sign(keys.ed25519, signers, msg);
    ASSERT_EQ(sig.size(), 64u);
    EXPECT_EQ(crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), pk.data()), 0);
    EXPECT_TRUE(verify_ed25519(pk, msg, sig).ok());
    const auto other = bytes_of("embed mE");
    EXPECT_NE(crypto_sign_verify_detached(sig.data(), other.data(), other.size(), pk.data()), 0);
    EXPECT_EQ(verify_ed25519(pk, other, sig).error().code, ErrorCode::kVerificationFailed);
  }
}

TEST(ApiFrost, Secp256k1SignaturesVerifyAndFailOnAnotherMessage) {
  const auto shares = run_keygen(Curve::kSecp256k1, 2, 3);
  const auto msg = bytes_of("schnorr over secp256k1");
  const auto pk = shares[0].group_public_key();
  const auto sig = frost_sign(shares, {2, 3}, msg);
  ASSERT_EQ(sig.size(), 65u);
  EXPECT_TRUE(verify_frost_secp256k1(pk, msg, sig).ok());
  EXPECT_EQ(verify_frost_secp256k1(pk, bytes_of("another"), sig).error().code, ErrorCode::kVerificationFailed);
  auto flipped = sig;
  flipped.back() ^= 1;
  EXPECT_FALSE(verify_frost_secp256k1(pk, msg, flipped).ok());
}

TEST(ApiFrost, RejectsBadSignerSets) {
  const auto& keys = keys_2_of_3();
  const auto msg = bytes_of("m");
  const SessionId s = random_session_id();
  struct Case { std::vector<uint32_t> signers; uint32_t coordinator; };
  for (const auto& c : std::vector<Case>{{{1}, 1}, {{2, 1}, 1}, {{1, 4}, 1}, {{2, 3}, 2}, {{1, 2}, 3}, {{1, 1}, 1}}) {
    auto p = FrostSigner::create(keys.ed25519[0], msg, c.signers, c.coordinator, s);
    ASSERT_FALSE(p.ok());
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument) << p.error().message;
  }
}

TEST(ApiFrost, SignerAskedForAnotherMessageNamesTheCoordinator) {
  const auto& keys = keys_2_of_3();
  const SessionId s = random_session_id();
  auto coordinator = FrostSigner::create(keys.ed25519[0], bytes_of("pay 1"), {1, 2}, 1, s);
  auto signer = FrostSigner::create(keys.ed25519[1], bytes_of("pay 1000"), {1, 2}, 1, s);
  ASSERT_TRUE(coordinator.ok() && signer.ok());
  InMemoryNetwork net({&*coordinator, &*signer});
  uint32_t failed = 0;
  const Status st = net.run(&failed);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(failed, 2u);
  EXPECT_EQ(st.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{1});
  EXPECT_FALSE(coordinator->finished());
  EXPECT_EQ(coordinator->signature().error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::api::testing
