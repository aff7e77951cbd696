#include "session/personal_sign.hpp"

#include <gtest/gtest.h>
#include <secp256k1.h>

#include <type_traits>

#include "mpc/hex.hpp"
#include "session/abi.hpp"

namespace okmpc::session {
namespace {

static_assert(!std::is_copy_constructible_v<SessionKey>);
static_assert(std::is_nothrow_move_constructible_v<SessionKey>);

PrivateKey key_from_u64(uint64_t v) {
  ByteArray<32> k{};
  for (size_t i = 0; i < 8; ++i) k[31 - i] = static_cast<uint8_t>(v >> (8 * i));
  return PrivateKey(k);
}

// Independent check with libsecp256k1's plain verifier (no recovery code).
bool libsecp_verifies(const PublicKey& pk65, const Hash32& digest, const Signature& sig) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey pk;
  secp256k1_ecdsa_signature s;
  bool ok = secp256k1_ec_pubkey_parse(ctx, &pk, pk65.data(), pk65.size()) == 1 &&
            secp256k1_ecdsa_signature_parse_compact(ctx, &s, sig.data()) == 1 &&
            secp256k1_ecdsa_verify(ctx, &s, digest.data(), &pk) == 1;
  secp256k1_context_destroy(ctx);
  return ok;
}

TEST(SessionKey, PrivateKeyOneKnownAddressAndSessionPk) {
  auto key = SessionKey::from_private_key(key_from_u64(1), 100, 200);
  ASSERT_TRUE(key);
  EXPECT_EQ(eth::to_checksum(key->address()), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  // 1·G, SEC 2 §2.4.1.
  EXPECT_EQ(to_hex(key->public_key()),
            "0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
            "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
}

TEST(SessionKey, RejectsInvalidSecretsAndLifetimes) {
  EXPECT_EQ(SessionKey::from_private_key(key_from_u64(0), 0, 10).error().code, ErrorCode::kInvalidScalar);
  ByteArray<32> n{};  // the group order n itself
  n = *from_hex_fixed<32>("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  EXPECT_EQ(SessionKey::from_private_key(PrivateKey(n), 0, 10).error().code, ErrorCode::kInvalidScalar);
  EXPECT_EQ(SessionKey::from_private_key(key_from_u64(5), 10, 10).error().code, ErrorCode::kInvalidArgument);
}

TEST(SessionKey, DefaultLifetimeIsTenDaysAndRevocationSticks) {
  DeterministicRng rng(7);
  SessionKey key = SessionKey::generate(rng, 1'000'000);
  EXPECT_EQ(key.expires_at() - key.created_at(), 864000u);
  EXPECT_TRUE(key.check_usable(1'000'000));
  EXPECT_TRUE(key.check_usable(1'000'000 + 863999));
  EXPECT_EQ(key.check_usable(1'000'000 + 864000).error().code, ErrorCode::kExpired);
  EXPECT_EQ(key.check_usable(999'999).error().code, ErrorCode::kExpired);
  key.revoke();
  EXPECT_EQ(key.check_usable(1'000'001).error().code, ErrorCode::kPermissionDenied);
}

TEST(PersonalSign, DigestKnownAnswer) {
  // web3.js documentation: hashMessage("Hello World").
  EXPECT_EQ(to_hex(eth::personal_message_digest(as_bytes("Hello World"))),
            "a1de988600a42c4b4ab089b619297c17d53cffae5d5120d82d8a92d0bb3b78f2");
}

TEST(PersonalSign, MessageSignatureVerifiesWithLibsecpAndRecovers) {
  DeterministicRng rng(11);
  SessionKey key = SessionKey::generate(rng, 0);
  Signature sig = personal_sign(key, as_bytes("okmpc session"));
  EXPECT_TRUE(sig[64] == 27 || sig[64] == 28);
  EXPECT_TRUE(libsecp_verifies(key.public_key(), eth::personal_message_digest(as_bytes("okmpc session")), sig));
  auto who = recover_personal(as_bytes("okmpc session"), sig);
  ASSERT_TRUE(who);
  EXPECT_EQ(*who, key.address());
  auto other = recover_personal(as_bytes("okmpc sessioN"), sig);
  EXPECT_TRUE(!other || *other != key.address());
}

TEST(PersonalSign, Raw32UsesLengthPrefix32LikeViemRaw) {
  DeterministicRng rng(12);
  SessionKey key = SessionKey::generate(rng, 0);
  // Okto: personal_sign over keccak256(abi.encode(sessionAddress)).
  Hash32 h = keccak256(abi::encode_address(key.address()));
  Signature sig = personal_sign_raw32(key, h);
  std::string prefix = "\x19" "Ethereum Signed Message:\n32";
  Hash32 expected_digest = keccak256({as_bytes(prefix), h});
  EXPECT_TRUE(libsecp_verifies(key.public_key(), expected_digest, sig));
  EXPECT_EQ(*recover_personal_raw32(h, sig), key.address());
  // Signing the digest directly (no prefix) is a different signature.
  EXPECT_FALSE(libsecp_verifies(key.public_key(), h, sig));
}

TEST(PersonalSign, RecoveryIsStrict) {
  DeterministicRng rng(13);
  SessionKey key = SessionKey::generate(rng, 0);
  Hash32 h = keccak256(as_bytes("x"));
  Signature sig = personal_sign_raw32(key, h);
  EXPECT_EQ(recover_personal_raw32(h, ByteView(sig).first(64)).error().code, ErrorCode::kInvalidEncoding);
  Signature v01 = sig;
  v01[64] -= 27;
  EXPECT_EQ(recover_personal_raw32(h, v01).error().code, ErrorCode::kInvalidEncoding);
  // The malleable twin (r, n - s, flipped v) must be refused.
  auto n = *from_hex_fixed<32>("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
  Signature high = sig;
  int borrow = 0;
  for (size_t i = 32; i-- > 0;) {
    int d = int{n[i]} - int{sig[32 + i]} - borrow;
    borrow = d < 0;
    high[32 + i] = static_cast<uint8_t>(d + (borrow ? 256 : 0));
  }
  high[64] = sig[64] == 27 ? 28 : 27;
  auto r = recover_personal_raw32(h, high);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kVerificationFailed);
  Signature zero{};
  zero[64] = 27;
  EXPECT_FALSE(recover_personal_raw32(h, zero));
}

TEST(PersonalSign, BarePrivateKeyMatchesSessionKeySigning) {
  auto key = SessionKey::from_private_key(key_from_u64(42), 0, 1);
  ASSERT_TRUE(key);
  Hash32 h = keccak256(as_bytes("same"));
  EXPECT_EQ(*personal_sign_raw32(key_from_u64(42), h), personal_sign_raw32(*key, h));
  EXPECT_FALSE(personal_sign_raw32(key_from_u64(0), h));
}

}  // namespace
}  // namespace okmpc::session
