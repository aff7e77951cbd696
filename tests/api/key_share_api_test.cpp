// KeyShare serialization and sealing: round trips keep every public field and
// still sign; wrong keys, tampering, truncation, trailing bytes and
// inconsistent contents are typed errors.
#include <gtest/gtest.h>

#include "api_fixture.hpp"

namespace okmpc::api::testing {
namespace {

constexpr std::array<uint8_t, 32> kKey = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                          17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};

void expect_same_public(const KeyShare& a, const KeyShare& b) {
  EXPECT_EQ(a.curve(), b.curve());
  EXPECT_EQ(a.index(), b.index());
  EXPECT_EQ(a.threshold(), b.threshold());
  EXPECT_EQ(a.parties(), b.parties());
  EXPECT_EQ(a.group_public_key(), b.group_public_key());
  EXPECT_EQ(a.has_ecdsa_setup(), b.has_ecdsa_setup());
  for (uint32_t m = 1; m <= a.parties(); ++m) EXPECT_EQ(a.verification_share(m), b.verification_share(m));
}

TEST(ApiKeyShare, SerializeRoundTripsOnBothCurvesWithAndWithoutSetup) {
  const auto& keys = keys_2_of_3();
  const auto plain = run_keygen(Curve::kSecp256k1, 2, 3);
  for (const auto* set : {&keys.ed25519, &keys.secp256k1, &plain}) {
    for (const auto& share : *set) {
      auto bytes = share.serialize();
      auto back = KeyShare::deserialize(bytes);
      ASSERT_TRUE(back.ok()) << back.error().message;
      expect_same_public(share, *back);
      EXPECT_EQ(back->serialize(), bytes);  // byte-identical re-encoding
      wipe(bytes);
      EXPECT_TRUE(bytes.empty());
    }
  }
}

TEST(ApiKeyShare, DeserializedSharesStillSignEcdsa) {
  const auto& keys = keys_2_of_3();
  std::vector<KeyShare> loaded;
  for (const auto& s : keys.secp256k1) loaded.push_back(std::move(*KeyShare::open(s.seal(kKey), kKey)));
  const SessionId session = random_session_id();
  std::array<uint8_t, 32> digest{};
  digest[0] = 9;
  auto a = EcdsaSigner::create(loaded[0], digest, {1, 3}, session);
  auto c = EcdsaSigner::create(loaded[2], digest, {1, 3}, session);
  ASSERT_TRUE(a.ok() && c.ok());
  InMemoryNetwork net({&*a, &*c});
  ASSERT_TRUE(net.run().ok());
  EXPECT_TRUE(verify_ecdsa_secp256k1(loaded[0].group_public_key(), digest, *a->signature()).ok());
}

TEST(ApiKeyShare, SealUsesFreshNoncesAndOpensOnlyWithItsKey) {
  const auto& share = keys_2_of_3().ed25519[1];
  const auto sealed = share.seal(kKey);
  EXPECT_NE(sealed, share.seal(kKey));
  auto opened = KeyShare::open(sealed, kKey);
  ASSERT_TRUE(opened.ok()) << opened.error().message;
  expect_same_public(share, *opened);

  auto other_key = kKey;
  other_key[31] ^= 1;
  EXPECT_EQ(KeyShare::open(sealed, other_key).error().code, ErrorCode::kCorrupted);
  for (size_t at : {size_t{9}, size_t{40}, sealed.size() - 1}) {  // nonce, ciphertext, tag
    auto tampered = sealed;
    tampered[at] ^= 0x80;
    EXPECT_EQ(KeyShare::open(tampered, kKey).error().code, ErrorCode::kCorrupted) << at;
  }
  auto bad_version = sealed;
  bad_version[8] = 2;
  EXPECT_EQ(KeyShare::open(bad_version, kKey).error().code, ErrorCode::kInvalidEncoding);
  const std::vector<uint8_t> too_short(sealed.begin(), sealed.begin() + 40);
  EXPECT_EQ(KeyShare::open(too_short, kKey).error().code, ErrorCode::kInvalidEncoding);
}

TEST(ApiKeyShare, DeserializeRejectsMalformedBytes) {
  const auto& share = keys_2_of_3().ed25519[0];
  const auto good = share.serialize();
  auto expect_code = [](std::vector<uint8_t> bytes, ErrorCode code, const char* what) {
    auto r = KeyShare::deserialize(bytes);
    ASSERT_FALSE(r.ok()) << what;
    EXPECT_EQ(r.error().code, code) << what << ": " << r.error().message;
  };
  auto b = good;
  b[0] = 'X';
  expect_code(b, ErrorCode::kInvalidEncoding, "magic");
  b = good;
  b[8] = 2;
  expect_code(b, ErrorCode::kInvalidEncoding, "version");
  b = good;
  b[9] = 7;
  expect_code(b, ErrorCode::kInvalidEncoding, "curve");
  b = good;
  b[13] = 4;  // threshold 4 > parties 3
  expect_code(b, ErrorCode::kInvalidEncoding, "threshold");
  b = good;
  b.push_back(0);
  expect_code(b, ErrorCode::kInvalidEncoding, "trailing byte");
  b = good;
  b.pop_back();
  expect_code(b, ErrorCode::kInvalidEncoding, "truncated");
  b = good;
  std::fill(b.begin() + 22, b.begin() + 54, 0xff);  // secret scalar >= group order
  expect_code(b, ErrorCode::kInvalidScalar, "non-canonical scalar");
}

TEST(ApiKeyShare, DeserializeRejectsInconsistentContents) {
  const auto& keys = keys_2_of_3();
  const auto good = keys.ed25519[0].serialize();
  // Layout: 8 magic, 1 version, 1 curve, 3×4 header (t, n, index), 32 secret,
  // 32 group key, 3×32 verification shares, 4 setup length.
  const size_t secret_at = 22, group_at = 54, shares_at = 86;
  const auto other = keys.ed25519[1].serialize();
  auto b = good;  // another party's secret under party 1's index
  std::copy(other.begin() + secret_at, other.begin() + secret_at + 32, b.begin() + secret_at);
  EXPECT_EQ(KeyShare::deserialize(b).error().code, ErrorCode::kCorrupted);
  b = good;  // party 3's verification share replaced by party 2's (a valid point)
  std::copy(good.begin() + shares_at + 32, good.begin() + shares_at + 64, b.begin() + shares_at + 64);
  EXPECT_EQ(KeyShare::deserialize(b).error().code, ErrorCode::kCorrupted);
  b = good;  // the group key replaced by party 2's verification share
  std::copy(good.begin() + shares_at + 32, good.begin() + shares_at + 64, b.begin() + group_at);
  EXPECT_EQ(KeyShare::deserialize(b).error().code, ErrorCode::kCorrupted);
  // An ECDSA setup of party 2 glued to party 1's share.
  const auto s1 = keys.secp256k1[0].serialize();
  const auto s2 = keys.secp256k1[1].serialize();
  const size_t setup_at = 22 + 32 + 33 * 4;  // secp256k1: 33-byte points
  std::vector<uint8_t> mixed(s1.begin(), s1.begin() + setup_at);
  mixed.insert(mixed.end(), s2.begin() + setup_at, s2.end());
  EXPECT_EQ(KeyShare::deserialize(mixed).error().code, ErrorCode::kCorrupted);
}

TEST(ApiKeyShare, CloneIsIndependentAndEqual) {
  const auto& share = keys_2_of_3().secp256k1[2];
  KeyShare copy = share.clone();
  expect_same_public(share, copy);
  EXPECT_EQ(copy.serialize(), share.serialize());
}

}  // namespace
}  // namespace okmpc::api::testing
