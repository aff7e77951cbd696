// The verification helpers against signatures made by libsodium and
// libsecp256k1 themselves (not by okmpc), and their length checks.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <sodium.h>

#include "okmpc/verify.hpp"

namespace okmpc::api {
namespace {

TEST(ApiVerify, Ed25519AcceptsLibsodiumSignaturesOnly) {
  ASSERT_GE(sodium_init(), 0);
  std::array<uint8_t, 32> pk{};
  std::array<uint8_t, 64> sk{};
  std::array<uint8_t, 32> seed{};
  seed.fill(0x42);
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
  const std::vector<uint8_t> msg = {'h', 'i'};
  std::array<uint8_t, 64> sig{};
  crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), sk.data());
  EXPECT_TRUE(verify_ed25519(pk, msg, sig).ok());
  auto bad = sig;
  bad[10] ^= 1;
  EXPECT_EQ(verify_ed25519(pk, msg, bad).error().code, ErrorCode::kVerificationFailed);
  EXPECT_EQ(verify_ed25519(std::span(pk).first(31), msg, sig).error().code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(verify_ed25519(pk, msg, std::span(sig).first(63)).error().code, ErrorCode::kInvalidEncoding);
}

TEST(ApiVerify, EcdsaAcceptsLibsecp256k1SignaturesWithTheirRecoveryId) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  std::array<uint8_t, 32> seckey{};
  seckey.fill(0x11);
  std::array<uint8_t, 32> digest{};
  digest.fill(0xab);
  secp256k1_pubkey pub;
  ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &pub, seckey.data()), 1);
  std::array<uint8_t, 33> pk{};
  size_t len = pk.size();
  secp256k1_ec_pubkey_serialize(ctx, pk.data(), &len, &pub, SECP256K1_EC_COMPRESSED);
  secp256k1_ecdsa_recoverable_signature rec;
  ASSERT_EQ(secp256k1_ecdsa_sign_recoverable(ctx, &rec, digest.data(), seckey.data(), nullptr, nullptr), 1);
  std::array<uint8_t, 65> sig{};
  int recid = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, sig.data(), &recid, &rec);
  sig[64] = static_cast<uint8_t>(27 + recid);
  secp256k1_context_destroy(ctx);

  EXPECT_TRUE(verify_ecdsa_secp256k1(pk, digest, sig).ok());
  auto wrong_v = sig;
  wrong_v[64] = static_cast<uint8_t>(27 + (1 - recid));
  EXPECT_EQ(verify_ecdsa_secp256k1(pk, digest, wrong_v).error().code, ErrorCode::kVerificationFailed);
  auto other = digest;
  other[0] ^= 1;
  EXPECT_EQ(verify_ecdsa_secp256k1(pk, other, sig).error().code, ErrorCode::kVerificationFailed);
  EXPECT_EQ(verify_ecdsa_secp256k1(pk, digest, std::span(sig).first(64)).error().code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(verify_ecdsa_secp256k1(pk, std::span(digest).first(31), sig).error().code, ErrorCode::kInvalidEncoding);
  auto bad_key = pk;
  bad_key[0] = 0x05;
  EXPECT_FALSE(verify_ecdsa_secp256k1(bad_key, digest, sig).ok());
}

TEST(ApiVerify, FrostSecp256k1RejectsMalformedInputs) {
  const std::vector<uint8_t> msg = {1};
  const std::vector<uint8_t> zeros65(65, 0);
  const std::vector<uint8_t> zeros33(33, 0);
  EXPECT_FALSE(verify_frost_secp256k1(zeros33, msg, zeros65).ok());
  EXPECT_FALSE(verify_frost_secp256k1(std::vector<uint8_t>(32, 2), msg, zeros65).ok());
}

}  // namespace
}  // namespace okmpc::api
