// RFC 9591 Appendix E known-answer tests for FROST(Ed25519, SHA-512) (E.1)
// and FROST(secp256k1, SHA-256) (E.5): every intermediate value byte for byte.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include "mpc/hex.hpp"
#include "protocols/frost/aggregate.hpp"
#include "protocols/frost/round1.hpp"
#include "protocols/frost/round2.hpp"
#include "rfc9591_vector.hpp"

namespace okmpc::frost {
namespace {

using testing::load_vector;
using testing::to_array;
using testing::vector_key_shares;

template <class S>
class FrostVectors : public ::testing::Test {};
using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(FrostVectors, Suites);

TYPED_TEST(FrostVectors, ConfigAndGroupKeyMatch) {
  using S = TypeParam;
  const auto v = load_vector<S>();
  EXPECT_EQ(v.context_string, S::kContextString);
  auto sk = ScalarOf<S>::from_bytes(v.group_secret_key);
  ASSERT_TRUE(sk);
  EXPECT_EQ(to_hex(PointOf<S>::base_mul(*sk).to_bytes()), to_hex(v.group_public_key));
}

TYPED_TEST(FrostVectors, NoncesFromGivenRandomness) {
  using S = TypeParam;
  const auto v = load_vector<S>();
  const auto keys = vector_key_shares<S>(v);
  for (const auto& r : v.round_one) {
    SCOPED_TRACE(r.identifier);
    const auto& key = keys[r.identifier - 1];
    const auto d = round1::nonce_generate<S>(to_array<32>(r.hiding_nonce_randomness), key.secret_share);
    const auto e = round1::nonce_generate<S>(to_array<32>(r.binding_nonce_randomness), key.secret_share);
    EXPECT_EQ(to_hex(d.expose().to_bytes()), to_hex(r.hiding_nonce));
    EXPECT_EQ(to_hex(e.expose().to_bytes()), to_hex(r.binding_nonce));
  }
}

TYPED_TEST(FrostVectors, CommitmentsBindingFactorsSharesAndSignature) {
  using S = TypeParam;
  const auto v = load_vector<S>();
  auto keys = vector_key_shares<S>(v);

  SigningPackage<S> package;
  package.message = v.message;
  std::vector<SigningNonces<S>> nonces;
  for (const auto& r : v.round_one) {
    SCOPED_TRACE(r.identifier);
    auto out = round1::commit_with_randomness<S>(keys[r.identifier - 1], to_array<32>(r.hiding_nonce_randomness),
                                                 to_array<32>(r.binding_nonce_randomness));
    EXPECT_EQ(to_hex(out.commitments.hiding.to_bytes()), to_hex(r.hiding_nonce_commitment));
    EXPECT_EQ(to_hex(out.commitments.binding.to_bytes()), to_hex(r.binding_nonce_commitment));
    EXPECT_EQ(out.nonces.commitments(), out.commitments);
    package.commitments.push_back(out.commitments);
    nonces.push_back(std::move(out.nonces));
  }
  ASSERT_EQ(package.signers(), v.participants);

  const auto& pk = keys[0].group_public_key;
  const auto inputs = binding_factor_inputs<S>(pk, package.commitments, package.message);
  const auto factors = compute_binding_factors<S>(pk, package.commitments, package.message);
  ASSERT_EQ(inputs.size(), v.round_one.size());
  for (size_t k = 0; k < inputs.size(); ++k) {
    EXPECT_EQ(to_hex(inputs[k]), to_hex(v.round_one[k].binding_factor_input));
    EXPECT_EQ(to_hex(factors[k].to_bytes()), to_hex(v.round_one[k].binding_factor));
  }

  std::vector<SignatureShare<S>> shares;
  for (size_t k = 0; k < nonces.size(); ++k) {
    const PartyId id = package.commitments[k].identifier;
    auto share = round2::sign<S>(package, std::move(nonces[k]), keys[id - 1]);
    ASSERT_TRUE(share) << share.error();
    EXPECT_TRUE(nonces[k].used());
    EXPECT_EQ(to_hex(share->to_bytes()), to_hex(v.signature_shares.at(id)));
    shares.push_back(*share);
  }

  auto sig = aggregate<S>(package, shares, PublicKeyPackage<S>::from_key_share(keys[0]));
  ASSERT_TRUE(sig) << sig.error();
  EXPECT_EQ(to_hex(sig->to_bytes()), to_hex(v.signature));
  EXPECT_TRUE(verify_signature_bytes_vartime<S>(v.group_public_key, v.message, v.signature));
}

// Independent check of the RFC's final signature: libsodium's RFC 8032
// verifier accepts it under the group key.
TEST(FrostVectorsEd25519, LibsodiumVerifiesFinalSignature) {
  ASSERT_GE(sodium_init(), 0);
  const auto v = load_vector<FrostEd25519Sha512>();
  ASSERT_EQ(v.signature.size(), crypto_sign_BYTES);
  EXPECT_EQ(crypto_sign_verify_detached(v.signature.data(), v.message.data(), v.message.size(),
                                        v.group_public_key.data()),
            0);
  Bytes other = v.message;
  other[0] ^= 1;
  EXPECT_NE(crypto_sign_verify_detached(v.signature.data(), other.data(), other.size(), v.group_public_key.data()),
            0);
}

// Independent check of the secp256k1 signature equation with libsecp256k1's
// own point arithmetic: z·G == R + c·PK (c from RFC 9591's H2).
TEST(FrostVectorsSecp256k1, LibsecpRecomputesVerificationEquation) {
  using S = FrostSecp256k1Sha256;
  const auto v = load_vector<S>();
  const Bytes r_bytes(v.signature.begin(), v.signature.begin() + 33);
  const Bytes z_bytes(v.signature.begin() + 33, v.signature.end());
  auto R = PointOf<S>::from_bytes(r_bytes);
  auto PK = PointOf<S>::from_bytes(v.group_public_key);
  ASSERT_TRUE(R && PK);
  const auto c = compute_challenge<S>(*R, *PK, v.message).to_bytes();

  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey lhs, r, cpk;
  ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &lhs, z_bytes.data()), 1);
  ASSERT_EQ(secp256k1_ec_pubkey_parse(ctx, &r, r_bytes.data(), r_bytes.size()), 1);
  ASSERT_EQ(secp256k1_ec_pubkey_parse(ctx, &cpk, v.group_public_key.data(), v.group_public_key.size()), 1);
  ASSERT_EQ(secp256k1_ec_pubkey_tweak_mul(ctx, &cpk, c.data()), 1);
  const secp256k1_pubkey* parts[2] = {&r, &cpk};
  secp256k1_pubkey rhs;
  ASSERT_EQ(secp256k1_ec_pubkey_combine(ctx, &rhs, parts, 2), 1);
  EXPECT_EQ(secp256k1_ec_pubkey_cmp(ctx, &lhs, &rhs), 0);
  secp256k1_context_destroy(ctx);
}

}  // namespace
}  // namespace okmpc::frost
