// Our point operations agree with direct calls into libsecp256k1 and
// libsodium, and with independent known answers.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include <algorithm>

#include "mpc/ed25519.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

TEST(Secp256k1PointCrossCheck, KnownAnswers) {
  EXPECT_EQ(to_hex(Secp256k1::Point::generator().to_bytes()),
            "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
  // Private key 1 -> 0x7E5F…5Bdf (DOMAIN.md).
  auto addr = eth::address_from_public_key(Secp256k1::Point::base_mul(Secp256k1::Scalar::one()).to_bytes_uncompressed());
  ASSERT_TRUE(addr);
  EXPECT_EQ(eth::to_checksum(*addr), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  EXPECT_EQ(to_hex(Secp256k1::Point::identity().to_bytes()), std::string(66, '0'));
}

TEST(Secp256k1PointCrossCheck, MatchesLibsecp256k1) {
  const secp256k1_context* ctx = secp256k1_ctx();
  ASSERT_NE(ctx, nullptr);
  EXPECT_EQ(ctx, secp256k1_ctx());  // one process-wide context
  DeterministicRng rng(uint64_t{256});
  for (int i = 0; i < 10; ++i) {
    auto a = Secp256k1::Scalar::random(rng), b = Secp256k1::Scalar::random(rng);
    const ByteArray<32> ab = a.to_bytes(), bb = b.to_bytes();
    secp256k1_pubkey A, B, sum, prod;
    ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &A, ab.data()), 1);
    ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &B, bb.data()), 1);
    const secp256k1_pubkey* ins[2] = {&A, &B};
    ASSERT_EQ(secp256k1_ec_pubkey_combine(ctx, &sum, ins, 2), 1);
    prod = A;
    ASSERT_EQ(secp256k1_ec_pubkey_tweak_mul(ctx, &prod, bb.data()), 1);

    auto ser = [&](const secp256k1_pubkey& pk) {
      ByteArray<33> out;
      size_t len = out.size();
      EXPECT_EQ(secp256k1_ec_pubkey_serialize(ctx, out.data(), &len, &pk, SECP256K1_EC_COMPRESSED), 1);
      return out;
    };
    const auto PA = Secp256k1::Point::base_mul(a);
    const auto PB = Secp256k1::Point::base_mul(b);
    EXPECT_EQ(PA.to_bytes(), ser(A));
    EXPECT_EQ((PA + PB).to_bytes(), ser(sum));
    EXPECT_EQ((b * PA).to_bytes(), ser(prod));
    EXPECT_EQ(Secp256k1::Point::mul_vartime(b, PA).to_bytes(), ser(prod));
    EXPECT_EQ(Secp256k1::Point::from_raw(A), PA);
    EXPECT_EQ(ser(PA.raw()), ser(A));
  }
}

TEST(Secp256k1PointCrossCheck, EcdsaWithOurKeyVerifiesUnderLibsecp256k1) {
  DeterministicRng rng(uint64_t{1});
  const auto x = Secp256k1::Scalar::random(rng);
  const ByteArray<32> xb = x.to_bytes();
  const Hash32 msg = sha256(as_bytes("okmpc"));
  secp256k1_ecdsa_signature sig;
  ASSERT_EQ(secp256k1_ecdsa_sign(secp256k1_ctx(), &sig, msg.data(), xb.data(), nullptr, nullptr), 1);
  const auto X = Secp256k1::Point::base_mul(x);
  EXPECT_EQ(secp256k1_ecdsa_verify(secp256k1_ctx(), &sig, msg.data(), &X.raw()), 1);
}

TEST(Ed25519PointCrossCheck, BaseMulMatchesLibsodium) {
  DeterministicRng rng(uint64_t{25519});
  for (int i = 0; i < 10; ++i) {
    auto a = Ed25519::Scalar::random(rng), b = Ed25519::Scalar::random(rng);
    const ByteArray<32> ab = a.to_bytes(), bb = b.to_bytes();
    ByteArray<32> A, B, sum, prod;
    ASSERT_EQ(crypto_scalarmult_ed25519_base_noclamp(A.data(), ab.data()), 0);
    ASSERT_EQ(crypto_scalarmult_ed25519_base_noclamp(B.data(), bb.data()), 0);
    ASSERT_EQ(crypto_core_ed25519_add(sum.data(), A.data(), B.data()), 0);
    ASSERT_EQ(crypto_scalarmult_ed25519_noclamp(prod.data(), bb.data(), A.data()), 0);
    const auto PA = Ed25519::Point::base_mul(a);
    EXPECT_EQ(PA.to_bytes(), A);
    EXPECT_EQ((PA + Ed25519::Point::base_mul(b)).to_bytes(), sum);
    EXPECT_EQ((b * PA).to_bytes(), prod);
  }
}

TEST(Ed25519PointCrossCheck, PublicKeyOfASeedMatchesCryptoSign) {
  // RFC 8032 §5.1.5: pk = clamp(SHA-512(seed)[0..32])·B. The clamped value is
  // < 2^255; reducing it mod L does not change the point in the prime-order group.
  for (uint8_t fill : {0x00, 0x01, 0x7f, 0xff}) {
    ByteArray<32> seed;
    seed.fill(fill);
    ByteArray<32> pk;
    ByteArray<64> sk;
    ASSERT_EQ(crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data()), 0);
    Hash64 h = sha512(seed);
    h[0] &= 248;
    h[31] &= 127;
    h[31] |= 64;
    const auto a = Ed25519::Scalar::reduce(ByteView(h).first(32));
    EXPECT_EQ(Ed25519::Point::base_mul(a).to_bytes(), pk);
    // And a signature made by libsodium verifies against our point's bytes.
    ByteArray<64> sig;
    const auto msg = as_bytes("okmpc");
    crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), sk.data());
    const auto ours = Ed25519::Point::base_mul(a).to_bytes();
    EXPECT_EQ(crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), ours.data()), 0);
  }
}

TEST(Ed25519PointCrossCheck, KnownAnswers) {
  EXPECT_EQ(to_hex(Ed25519::Point::generator().to_bytes()),
            "5866666666666666666666666666666666666666666666666666666666666666");
  EXPECT_EQ(to_hex(Ed25519::Point::identity().to_bytes()),
            "0100000000000000000000000000000000000000000000000000000000000000");
}

}  // namespace
}  // namespace okmpc
