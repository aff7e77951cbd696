// The constant-time fixed-base multiplication (mpc/ed25519_base.hpp) against
// libsodium's crypto_scalarmult_ed25519_base_noclamp, byte for byte: random
// scalars, 0, 1, L − 1, scalars whose radix-16 digits are all 15 or all 0
// except one (maximal carry chains, single-row lookups), every digit value
// in every table row, and the precomputed table itself against independent
// small multiples of B.
#include <gtest/gtest.h>
#include <sodium.h>

#include "mpc/ed25519.hpp"
#include "mpc/ed25519_base.hpp"
#include "mpc/ed25519_msm.hpp"
#include "mpc/rng.hpp"

namespace okmpc {
namespace {

using P = Ed25519::Point;
using S = Ed25519::Scalar;

// L − 1, little-endian.
constexpr ByteArray<32> kOrderMinusOne = {0xec, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                          0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                          0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// libsodium's k·B as an encoding; the identity's encoding when it refuses
// (k = 0 or the result is the identity).
ByteArray<32> sodium_base_mul(const ByteArray<32>& k) {
  ByteArray<32> out{};
  if (crypto_scalarmult_ed25519_base_noclamp(out.data(), k.data()) != 0) return ByteArray<32>{1};
  return out;
}

// B decoded from its RFC 8032 encoding, independently of the table.
ed25519::GeP3 decoded_base() {
  ByteArray<32> enc;
  enc.fill(0x66);
  enc[0] = 0x58;
  ed25519::GeP3 b;
  EXPECT_EQ(ed25519::ge_decode(enc, &b), 1u);
  return b;
}

ByteArray<32> ours(const ByteArray<32>& k) { return ed25519::ge_encode(ed25519::ge_base_mul(k)); }

TEST(Ed25519Base, RandomScalarsMatchLibsodium) {
  DeterministicRng rng(uint64_t{0xBA5E});
  for (int i = 0; i < 64; ++i) {
    const S s = S::random(rng);
    const ByteArray<32> expected = sodium_base_mul(s.to_bytes());
    EXPECT_EQ(ours(s.to_bytes()), expected) << "scalar #" << i;
    EXPECT_EQ(P::base_mul(s).to_bytes(), expected) << "scalar #" << i;
    EXPECT_EQ(P::base_mul(s), P::mul_vartime(s, P::generator())) << "scalar #" << i;
  }
}

TEST(Ed25519Base, EdgeScalars) {
  const ByteArray<32> zero{};
  EXPECT_EQ(ours(zero), (ByteArray<32>{1}));
  EXPECT_TRUE(P::base_mul(S::zero()).is_identity());
  EXPECT_EQ(P::base_mul(S::zero()).to_bytes(), (ByteArray<32>{1}));

  const ByteArray<32> one{1};
  EXPECT_EQ(ours(one), sodium_base_mul(one));
  EXPECT_EQ(P::base_mul(S::one()), P::generator());

  EXPECT_EQ(ours(kOrderMinusOne), sodium_base_mul(kOrderMinusOne));
  EXPECT_EQ(P::base_mul(*S::from_bytes(kOrderMinusOne)), -P::generator());

  // L itself (not a reduced scalar, but < 2^255): the identity.
  ByteArray<32> order = kOrderMinusOne;
  order[0] = 0xed;
  EXPECT_EQ(ours(order), (ByteArray<32>{1}));
}

TEST(Ed25519Base, AllOnesAndAllZeroNibbles) {
  // 2^252 − 1: 63 digits of 15, the longest carry chain a reduced scalar has.
  ByteArray<32> ones{};
  for (size_t i = 0; i < 31; ++i) ones[i] = 0xff;
  ones[31] = 0x0f;
  EXPECT_EQ(ours(ones), sodium_base_mul(ones));
  // 2^255 − 1 (top bit clear): the largest input the contract admits; the
  // top digit absorbs a carry into 8.
  ones[31] = 0x7f;
  EXPECT_EQ(ours(ones), sodium_base_mul(ones));
  // One nonzero nibble, every position and every value: exercises each row
  // and each column of the table, positive and negative digits.
  for (size_t nibble = 0; nibble < 63; ++nibble) {
    for (uint8_t v = 1; v < 16; ++v) {
      ByteArray<32> k{};
      k[nibble / 2] = static_cast<uint8_t>(nibble % 2 == 0 ? v : v << 4);
      ASSERT_EQ(ours(k), sodium_base_mul(k)) << "nibble " << nibble << " value " << int{v};
    }
  }
}

TEST(Ed25519Base, TableEntriesAreSmallMultiples) {
  // Entry (row, j) must be (j + 1)·256^row·B: compare its affine (y+x, y−x,
  // 2d·x·y) with the independently computed multiple.
  ed25519::GeP3 row_base = decoded_base();
  for (size_t row = 0; row < ed25519::kBaseRows; ++row) {
    for (size_t j = 0; j < ed25519::kBaseColumns; ++j) {
      const ed25519::GeP3 m = ed25519::ge_mul_small_vartime(row_base, static_cast<uint32_t>(j + 1));
      const ed25519::Fe z_inv = ed25519::fe_invert(m.Z);
      const ed25519::Fe x = ed25519::fe_mul(m.X, z_inv), y = ed25519::fe_mul(m.Y, z_inv);
      const ed25519::GePrecomp& e = ed25519::ge_base_table_entry(row, j);
      EXPECT_EQ(ed25519::fe_equal(e.YplusX, ed25519::fe_add(y, x)), 1u) << row << "," << j;
      EXPECT_EQ(ed25519::fe_equal(e.YminusX, ed25519::fe_sub(y, x)), 1u) << row << "," << j;
      EXPECT_EQ(ed25519::fe_equal(e.XY2d, ed25519::fe_mul(ed25519::fe_mul(x, y), ed25519::kFeD2)), 1u)
          << row << "," << j;
    }
    row_base = ed25519::ge_mul_small_vartime(row_base, 256);
  }
}

TEST(Ed25519Base, MixedAdditionMatchesFullAddition) {
  DeterministicRng rng(uint64_t{0xADD});
  for (int i = 0; i < 8; ++i) {
    const P a = P::base_mul(S::random(rng));
    ed25519::GeP3 pa;
    ASSERT_EQ(ed25519::ge_decode(a.to_bytes(), &pa), 1u);
    const ed25519::GePrecomp& q = ed25519::ge_base_table_entry(static_cast<size_t>(i), 3);
    ed25519::GeP3 qa = ed25519::ge_mul_small_vartime(decoded_base(), 4);
    for (int r = 0; r < i; ++r) qa = ed25519::ge_mul_small_vartime(qa, 256);
    EXPECT_EQ(ed25519::ge_equal(ed25519::ge_to_p3(ed25519::ge_madd(pa, q)), ed25519::ge_add(pa, qa)), 1u);
  }
}

TEST(Ed25519Base, PairSharesOneInversionAndMatchesLibsodium) {
  DeterministicRng rng(uint64_t{0xFA12});
  for (int i = 0; i < 16; ++i) {
    const S a = i == 0 ? S::zero() : S::random(rng), b = i == 1 ? S::one() : S::random(rng);
    const auto [pa, pb] = P::base_mul_pair(a, b);
    EXPECT_EQ(pa.to_bytes(), sodium_base_mul(a.to_bytes())) << i;
    EXPECT_EQ(pb.to_bytes(), sodium_base_mul(b.to_bytes())) << i;
    EXPECT_EQ(pa, P::base_mul(a)) << i;
    EXPECT_EQ(pb, P::base_mul(b)) << i;
  }
}

// a·B + b·P (verification) against libsodium's products summed, including
// zero scalars, L − 1, and the identity as P.
TEST(Ed25519Base, DoubleMulBaseMatchesLibsodium) {
  DeterministicRng rng(uint64_t{0xD0B1});
  const S l_minus_1 = *S::from_bytes(kOrderMinusOne);
  for (int i = 0; i < 24; ++i) {
    const S a = i == 0 ? S::zero() : i == 1 ? l_minus_1 : S::random(rng);
    const S b = i == 2 ? S::zero() : i == 3 ? l_minus_1 : S::random(rng);
    const P p = i == 4 ? P::identity() : P::base_mul(S::random(rng));
    ByteArray<32> bp{1};
    const ByteArray<32> kb = b.to_bytes(), pe = p.to_bytes();
    if (!p.is_identity() && crypto_scalarmult_ed25519_noclamp(bp.data(), kb.data(), pe.data()) != 0) {
      bp = ByteArray<32>{1};
    }
    ByteArray<32> expected{};
    ASSERT_EQ(crypto_core_ed25519_add(expected.data(), sodium_base_mul(a.to_bytes()).data(), bp.data()), 0);
    EXPECT_EQ(P::double_mul_vartime(a, b, p).to_bytes(), expected) << i;
  }
}

}  // namespace
}  // namespace okmpc
