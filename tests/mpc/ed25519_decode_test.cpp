// Ed25519::Point::from_bytes (native RFC 8032 §5.1.3 decoding and the [L]P
// subgroup test) accepts exactly what libsodium's
// crypto_core_ed25519_is_valid_point accepts: random valid points, the eight
// torsion points, P + torsion, non-canonical encodings, x = 0 with the sign
// bit, and thousands of random strings. Encoding round-trips byte for byte.
#include <gtest/gtest.h>
#include <sodium.h>

#include <vector>

#include "mpc/ed25519.hpp"
#include "mpc/ed25519_group.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"

namespace okmpc {
namespace {

using ed25519::GeP3;

// A point of order 8 (libsodium's small-order list).
GeP3 order8_point() {
  GeP3 t;
  const auto s = *from_hex_fixed<32>("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");
  EXPECT_EQ(ed25519::ge_decode(s, &t), 1u);
  return t;
}

// The eight torsion points k·T8, k = 0..7.
std::vector<GeP3> torsion_points() {
  const GeP3 t8 = order8_point();
  std::vector<GeP3> out{ed25519::ge_identity()};
  for (int k = 1; k < 8; ++k) out.push_back(ed25519::ge_add(out.back(), t8));
  return out;
}

// from_bytes and libsodium agree on s; returns the shared verdict.
bool agree(const ByteArray<32>& s) {
  const bool sodium = crypto_core_ed25519_is_valid_point(s.data()) == 1;
  auto ours = Ed25519::Point::from_bytes(s);
  EXPECT_EQ(ours.has_value(), sodium) << to_hex(s);
  if (ours) {
    EXPECT_EQ(ours->to_bytes(), s);
  } else {
    EXPECT_EQ(ours.error().code, ErrorCode::kInvalidPoint);
  }
  return sodium;
}

TEST(Ed25519Decode, RandomValidPointsRoundTrip) {
  DeterministicRng rng(uint64_t{85});
  for (int i = 0; i < 30; ++i) {
    const auto p = Ed25519::Point::base_mul(Ed25519::Scalar::random(rng));
    EXPECT_TRUE(agree(p.to_bytes()));
    auto q = Ed25519::Point::from_bytes(p.to_bytes());
    ASSERT_TRUE(q);
    EXPECT_EQ(*q, p);
    // The native encoder (a sum never carries a cached encoding) agrees.
    const auto doubled = p + p;
    ByteArray<32> sodium_sum;
    ASSERT_EQ(crypto_core_ed25519_add(sodium_sum.data(), p.to_bytes().data(), p.to_bytes().data()), 0);
    EXPECT_EQ(doubled.to_bytes(), sodium_sum);
  }
}

TEST(Ed25519Decode, TorsionPointsAreRejected) {
  const auto torsion = torsion_points();
  EXPECT_EQ(ed25519::ge_is_identity(ed25519::ge_add(torsion[7], order8_point())), 1u);  // order 8
  EXPECT_EQ(ed25519::ge_is_identity(torsion[4]), 0u);                                    // not order 4
  for (size_t k = 0; k < torsion.size(); ++k) {
    ByteArray<32> s = ed25519::ge_encode(torsion[k]);
    EXPECT_FALSE(agree(s)) << k;
    s[31] ^= 0x80;  // the other sign (x = 0 with sign 1 for k = 0, 4)
    EXPECT_FALSE(agree(s)) << k;
    GeP3 decoded;
    // Encoding of a torsion point decodes to itself when the sign is right.
    s[31] ^= 0x80;
    ASSERT_EQ(ed25519::ge_decode(s, &decoded), 1u);
    EXPECT_EQ(ed25519::ge_equal(decoded, torsion[k]), 1u);
  }
}

TEST(Ed25519Decode, PointPlusTorsionIsRejected) {
  DeterministicRng rng(uint64_t{86});
  const auto torsion = torsion_points();
  for (int i = 0; i < 4; ++i) {
    const auto p = Ed25519::Point::base_mul(Ed25519::Scalar::random(rng));
    GeP3 pp;
    ASSERT_EQ(ed25519::ge_decode(p.to_bytes(), &pp), 1u);
    for (size_t k = 0; k < torsion.size(); ++k) {
      const ByteArray<32> s = ed25519::ge_encode(ed25519::ge_add(pp, torsion[k]));
      EXPECT_EQ(agree(s), k == 0) << k;
    }
  }
}

TEST(Ed25519Decode, NonCanonicalEncodingsAreRejected) {
  // y = p + j for j = 0..18 (y ≥ p), both signs; y = p + 1 would be the
  // identity's y, p - 1 + 2^255... are all non-canonical.
  for (int j = 0; j <= 18; ++j) {
    for (uint8_t sign : {uint8_t{0}, uint8_t{0x80}}) {
      ByteArray<32> s;
      s.fill(0xff);
      s[0] = static_cast<uint8_t>(0xed + j);
      s[31] = static_cast<uint8_t>(0x7f | sign);
      EXPECT_FALSE(agree(s)) << j;
      GeP3 out;
      EXPECT_EQ(ed25519::ge_decode(s, &out), 0u) << j;
    }
  }
  // The identity with the sign bit (x = 0, x_0 = 1): RFC 8032 §5.1.3 step 4.
  ByteArray<32> neg_zero{};
  neg_zero[0] = 1;
  neg_zero[31] = 0x80;
  GeP3 out;
  EXPECT_EQ(ed25519::ge_decode(neg_zero, &out), 0u);
  EXPECT_FALSE(agree(neg_zero));
  // A valid point whose y is re-encoded as y + p (possible when y < 19).
  EXPECT_FALSE(agree(*from_hex_fixed<32>("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")));
}

TEST(Ed25519Decode, RandomStringsMatchLibsodium) {
  DeterministicRng rng(uint64_t{87});
  int accepted = 0;
  int on_curve = 0;
  for (int i = 0; i < 2000; ++i) {
    const ByteArray<32> s = rng.bytes<32>();
    GeP3 out;
    on_curve += ed25519::ge_decode(s, &out) == 1;
    accepted += agree(s);
  }
  // About half of all y have an x; of those, 1 in 8 are in the subgroup.
  EXPECT_GT(on_curve, 850);
  EXPECT_LT(on_curve, 1150);
  EXPECT_GT(accepted, 70);
  EXPECT_LT(accepted, 180);
}

TEST(Ed25519Decode, WrongLengthIsAnEncodingError) {
  const ByteArray<32> g = Ed25519::Point::generator().to_bytes();
  auto r = Ed25519::Point::from_bytes(ByteView(g).first(31));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(to_hex(g), "5866666666666666666666666666666666666666666666666666666666666666");
}

}  // namespace
}  // namespace okmpc
