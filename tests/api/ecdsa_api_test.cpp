// EcdsaSetupParty + EcdsaSigner through the public API: 2-of-3 signatures
// checked with libsecp256k1 directly (verify and recovery), every signer
// outputs the same signature, and bad requests are typed errors.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "api_fixture.hpp"

namespace okmpc::api::testing {
namespace {

std::array<uint8_t, 32> digest_of(uint8_t fill) {
  std::array<uint8_t, 32> d{};
  for (size_t i = 0; i < d.size(); ++i) d[i] = static_cast<uint8_t>(fill + i);
  return d;
}

std::vector<std::vector<uint8_t>> ecdsa_sign(const std::vector<KeyShare>& shares, const std::vector<uint32_t>& signers,
                                             std::span<const uint8_t> digest) {
  const SessionId s = random_session_id();
  std::vector<EcdsaSigner> parties;
  for (uint32_t id : signers) {
    auto p = EcdsaSigner::create(shares[id - 1], digest, signers, s);
    EXPECT_TRUE(p.ok()) << p.error().message;
    parties.push_back(std::move(*p));
  }
  run_to_completion(parties);
  std::vector<std::vector<uint8_t>> out;
  for (auto& p : parties) {
    auto sig = p.signature();
    EXPECT_TRUE(sig.ok()) << sig.error().message;
    if (sig.ok()) out.push_back(*sig);
  }
  return out;
}

// libsecp256k1 alone: parse r‖s, verify, and recover the key from v.
void expect_libsecp256k1_accepts(const std::vector<uint8_t>& sig, std::span<const uint8_t> digest,
                                 const std::vector<uint8_t>& pubkey) {
  ASSERT_EQ(sig.size(), 65u);
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey pk;
  ASSERT_EQ(secp256k1_ec_pubkey_parse(ctx, &pk, pubkey.data(), pubkey.size()), 1);
  secp256k1_ecdsa_signature parsed;
  ASSERT_EQ(secp256k1_ecdsa_signature_parse_compact(ctx, &parsed, sig.data()), 1);
  EXPECT_EQ(secp256k1_ecdsa_signature_normalize(ctx, nullptr, &parsed), 0) << "s must already be low";
  EXPECT_EQ(secp256k1_ecdsa_verify(ctx, &parsed, digest.data(), &pk), 1);
  ASSERT_TRUE(sig[64] == 27 || sig[64] == 28);
  secp256k1_ecdsa_recoverable_signature rec;
  ASSERT_EQ(secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rec, sig.data(), sig[64] - 27), 1);
  secp256k1_pubkey recovered;
  ASSERT_EQ(secp256k1_ecdsa_recover(ctx, &recovered, &rec, digest.data()), 1);
  std::array<uint8_t, 33> ser{};
  size_t len = ser.size();
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &recovered, SECP256K1_EC_COMPRESSED);
  EXPECT_EQ(std::vector<uint8_t>(ser.begin(), ser.end()), pubkey);
  secp256k1_context_destroy(ctx);
}

TEST(ApiEcdsa, SetupAttachesToEveryShare) {
  const auto& keys = keys_2_of_3();
  ASSERT_EQ(keys.secp256k1.size(), 3u);
  for (const auto& k : keys.secp256k1) EXPECT_TRUE(k.has_ecdsa_setup());
}

TEST(ApiEcdsa, TwoOfThreeSignaturesVerifyWithLibsecp256k1) {
  const auto& keys = keys_2_of_3();
  const auto pk = keys.secp256k1[0].group_public_key();
  uint8_t fill = 1;
  for (auto signers : std::vector<std::vector<uint32_t>>{{1, 2}, {3, 1}, {2, 3}}) {
    const auto digest = digest_of(fill++);
    const auto sigs = ecdsa_sign(keys.secp256k1, signers, digest);
    ASSERT_EQ(sigs.size(), 2u);
    EXPECT_EQ(sigs[0], sigs[1]);
    expect_libsecp256k1_accepts(sigs[0], digest, pk);
    EXPECT_TRUE(verify_ecdsa_secp256k1(pk, digest, sigs[0]).ok());
    const auto other = digest_of(200);
    EXPECT_EQ(verify_ecdsa_secp256k1(pk, other, sigs[0]).error().code, ErrorCode::kVerificationFailed);
  }
}

TEST(ApiEcdsa, RejectsBadRequests) {
  const auto& keys = keys_2_of_3();
  const SessionId s = random_session_id();
  const auto digest = digest_of(7);
  const std::vector<uint8_t> short_digest(31, 1);
  EXPECT_EQ(EcdsaSigner::create(keys.secp256k1[0], short_digest, {1, 2}, s).error().code,
            ErrorCode::kInvalidArgument);
  EXPECT_EQ(EcdsaSigner::create(keys.ed25519[0], digest, {1, 2}, s).error().code, ErrorCode::kInvalidArgument);
  const auto no_setup = run_keygen(Curve::kSecp256k1, 2, 2);
  EXPECT_EQ(EcdsaSigner::create(no_setup[0], digest, {1, 2}, s).error().code, ErrorCode::kInvalidArgument);
  auto too_few = EcdsaSigner::create(keys.secp256k1[0], digest, {1}, s);
  ASSERT_FALSE(too_few.ok());
  EXPECT_EQ(too_few.error().code, ErrorCode::kInvalidArgument);
  auto unknown = EcdsaSigner::create(keys.secp256k1[0], digest, {1, 4}, s);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().culprits, std::vector<uint32_t>{4});
  EXPECT_EQ(EcdsaSetupParty::create(keys.ed25519[0].clone(), s).error().code, ErrorCode::kInvalidArgument);
}

TEST(ApiEcdsa, SignerWithAnotherDigestIsNamed) {
  const auto& keys = keys_2_of_3();
  const SessionId s = random_session_id();
  const auto d1 = digest_of(1);
  const auto d2 = digest_of(2);
  auto a = EcdsaSigner::create(keys.secp256k1[0], d1, {1, 2}, s);
  auto b = EcdsaSigner::create(keys.secp256k1[1], d2, {1, 2}, s);
  ASSERT_TRUE(a.ok() && b.ok());
  InMemoryNetwork net({&*a, &*b});
  const Status st = net.run();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().code, ErrorCode::kProtocolAbort) << st.error().message;
  ASSERT_EQ(st.error().culprits.size(), 1u);
  EXPECT_EQ(a->signature().error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::api::testing
