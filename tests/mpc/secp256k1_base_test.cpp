// The constant-time fixed-base multiplication (mpc/secp256k1_base.hpp)
// against libsecp256k1's secp256k1_ec_pubkey_create, byte for byte (65-byte
// uncompressed encodings): 1, 2, n − 1, n − 2, every 2^k, scalars whose
// windows all sit at the digit maximum / minimum (longest carry chains),
// every window value in every digit position, and thousands of random
// scalars; base_mul_pair, base_mul_batch and base_mul_add_if against base_mul; the complete group law at its
// exceptional inputs for incomplete formulas (P + P, P + (−P), identity);
// the constant-time inversion against GMP's; the table against libsecp256k1.
#include <gtest/gtest.h>
#include <secp256k1.h>

#include <array>
#include <string>
#include <vector>

#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_base.hpp"

namespace okmpc {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;
namespace base = secp256k1_base;
namespace native = secp256k1_vartime;

constexpr size_t kW = base::kBaseWindow;

// libsecp256k1's k·G as 04‖X‖Y; 65 zero bytes for k = 0 (Point's convention).
ByteArray<65> reference(const Scalar& k) {
  ByteArray<65> out{};
  if (k.is_zero()) return out;
  const ByteArray<32> key = k.to_bytes();
  secp256k1_pubkey pk;
  EXPECT_EQ(secp256k1_ec_pubkey_create(secp256k1_ctx(), &pk, key.data()), 1);
  size_t len = out.size();
  EXPECT_EQ(secp256k1_ec_pubkey_serialize(secp256k1_ctx(), out.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED), 1);
  return out;
}

// 04‖X‖Y of an affine point.
ByteArray<65> encode(const native::Affine& a) {
  ByteArray<65> out{};
  out[0] = 0x04;
  native::fe_to_bytes(a.x, std::span<uint8_t, 32>(out.data() + 1, 32));
  native::fe_to_bytes(a.y, std::span<uint8_t, 32>(out.data() + 33, 32));
  return out;
}

// The low-level product, converted on its own (k ≠ 0).
ByteArray<65> low_level(const Scalar& k) {
  const base::Projective p = base::base_mul_projective(k);
  native::Affine a;
  base::to_affine_batch(std::span<const base::Projective>(&p, 1), std::span<native::Affine>(&a, 1));
  return encode(a);
}

// Checks both the low-level comb and Point::base_mul against libsecp256k1.
void expect_matches(const Scalar& k, const std::string& what) {
  const ByteArray<65> expected = reference(k);
  if (!k.is_zero()) {
    EXPECT_EQ(to_hex(low_level(k)), to_hex(expected)) << what;
  }
  EXPECT_EQ(to_hex(Point::base_mul(k).to_bytes_uncompressed()), to_hex(expected)) << what;
}

Scalar pow2(size_t k) {
  Scalar r = Scalar::one();
  for (size_t i = 0; i < k; ++i) r += r;
  return r;
}

// Σ_i windows[i]·2^(w·i) mod n: the scalar whose raw w-bit windows are
// `windows` (before the signed recoding).
Scalar from_windows(const std::vector<uint64_t>& windows) {
  Scalar r, weight = Scalar::one();
  const Scalar radix = Scalar::from_u64(uint64_t{1} << kW);
  for (uint64_t v : windows) {
    r += Scalar::from_u64(v) * weight;
    weight *= radix;
  }
  return r;
}

TEST(Secp256k1Base, SmallAndOrderAdjacentScalars) {
  const Scalar one = Scalar::one();
  for (uint64_t v = 1; v <= 40; ++v) expect_matches(Scalar::from_u64(v), "k = " + std::to_string(v));
  expect_matches(-one, "n - 1");
  expect_matches(-(one + one), "n - 2");
  expect_matches(-Scalar::from_u64(1ULL << (kW - 1)), "n - 2^(w-1)");
  EXPECT_EQ(Point::base_mul(one), Point::generator());
  EXPECT_EQ(Point::base_mul(-one), -Point::generator());
}

TEST(Secp256k1Base, ZeroIsTheIdentity) {
  EXPECT_TRUE(Point::base_mul(Scalar::zero()).is_identity());
  EXPECT_EQ(Point::base_mul(Scalar::zero()).to_bytes(), ByteArray<33>{});
  // The comb itself: Z = 0.
  EXPECT_TRUE(base::base_mul_projective(Scalar::zero()).z.is_zero());
  const auto [a, b] = Point::base_mul_pair(Scalar::zero(), Scalar::one());
  EXPECT_TRUE(a.is_identity());
  EXPECT_EQ(b, Point::generator());
  const auto [c, d] = Point::base_mul_pair(Scalar::from_u64(5), Scalar::zero());
  EXPECT_EQ(c, Point::base_mul(Scalar::from_u64(5)));
  EXPECT_TRUE(d.is_identity());
}

TEST(Secp256k1Base, EveryPowerOfTwo) {
  for (size_t k = 0; k < 256; ++k) {
    expect_matches(pow2(k), "2^" + std::to_string(k));
    expect_matches(-pow2(k), "n - 2^" + std::to_string(k));
  }
}

TEST(Secp256k1Base, WindowsAtTheDigitExtremes) {
  const uint64_t half = uint64_t{1} << (kW - 1);
  const uint64_t all = (uint64_t{1} << kW) - 1;
  // Every window half − 1 (largest digit without a carry), half (smallest
  // digit, −half, with a carry into every window), 2^w − 1 (digit −1 and a
  // carry everywhere), and alternations; for the number of windows that
  // fit below 2^256 and for every shorter prefix length.
  for (uint64_t v : {half - 1, half, half + 1, all}) {
    for (size_t len = 1; len <= base::kBaseDigits; ++len) {
      std::vector<uint64_t> windows(len, v);
      expect_matches(from_windows(windows), "windows " + std::to_string(v) + " x" + std::to_string(len));
    }
  }
  for (size_t len : {base::kBaseDigits - 1, base::kBaseDigits}) {
    std::vector<uint64_t> alternating(len);
    for (size_t i = 0; i < len; ++i) alternating[i] = i % 2 == 0 ? half : half - 1;
    expect_matches(from_windows(alternating), "alternating half / half - 1");
    for (size_t i = 0; i < len; ++i) alternating[i] = i % 2 == 0 ? all : 0;
    expect_matches(from_windows(alternating), "alternating all-ones / zero");
  }
  // 2^256 − 1 reduced, and n − 1 written as windows (its top window).
  expect_matches(Scalar::reduce(std::array<uint8_t, 32>{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}),
                 "2^256 - 1 mod n");
}

TEST(Secp256k1Base, EveryWindowValueInEveryPosition) {
  // v·2^(w·i): a single nonzero digit (or, for v ≥ half, a negative digit
  // and a carry into window i + 1), so every table row and column is used
  // alone, with both signs.
  for (size_t i = 0; i < base::kBaseDigits; ++i) {
    std::vector<uint64_t> windows(i + 1, 0);
    for (uint64_t v = 1; v < (uint64_t{1} << kW); ++v) {
      windows[i] = v;
      const Scalar k = from_windows(windows);
      if (k.is_zero()) continue;
      const ByteArray<65> expected = reference(k);
      ASSERT_EQ(to_hex(low_level(k)), to_hex(expected)) << "window " << i << " value " << v;
    }
  }
}

TEST(Secp256k1Base, RandomScalarsMatchLibsecp256k1) {
  DeterministicRng rng(uint64_t{0x5EC9});
  for (int i = 0; i < 2000; ++i) {
    const Scalar k = Scalar::random(rng);
    ASSERT_EQ(to_hex(Point::base_mul(k).to_bytes_uncompressed()), to_hex(reference(k))) << "scalar #" << i;
  }
}

TEST(Secp256k1Base, PairEqualsSingles) {
  DeterministicRng rng(uint64_t{0xFA1F});
  for (int i = 0; i < 200; ++i) {
    const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
    const auto [pa, pb] = Point::base_mul_pair(a, b);
    EXPECT_EQ(pa.to_bytes_uncompressed(), reference(a)) << "pair #" << i;
    EXPECT_EQ(pb.to_bytes_uncompressed(), reference(b)) << "pair #" << i;
  }
  const Scalar k = Scalar::from_u64(77);
  const auto [p, q] = Point::base_mul_pair(k, k);
  EXPECT_EQ(p, q);
  EXPECT_EQ(p.to_bytes_uncompressed(), reference(k));
}

// base_mul_batch against libsecp256k1 and base_mul, byte for byte, for
// batch sizes 0, 1, 2, 3 and 13 (one round of a 5-of-9 DKLs23 signer),
// with zero scalars (the identity, at the start, middle and end of a
// batch), repeated scalars, 1 and n − 1 mixed with random ones.
TEST(Secp256k1Base, BatchEqualsSinglesAndLibsecp256k1) {
  EXPECT_TRUE(Point::base_mul_batch({}).empty());
  DeterministicRng rng(uint64_t{0xBA7C4});
  for (size_t size : {size_t{1}, size_t{2}, size_t{3}, size_t{13}}) {
    for (int round = 0; round < 20; ++round) {
      std::vector<Scalar> ks(size);
      for (Scalar& k : ks) k = Scalar::random(rng);
      const std::vector<Point> batch = Point::base_mul_batch(ks);
      ASSERT_EQ(batch.size(), size);
      for (size_t i = 0; i < size; ++i) {
        EXPECT_EQ(to_hex(batch[i].to_bytes_uncompressed()), to_hex(reference(ks[i]))) << size << "/" << i;
        EXPECT_EQ(batch[i], Point::base_mul(ks[i])) << size << "/" << i;
      }
    }
  }
  const Scalar a = Scalar::random(rng);
  const std::vector<Scalar> edges = {Scalar::zero(), Scalar::one(), a, Scalar::zero(), -Scalar::one(), a,
                                     Scalar::zero()};
  const std::vector<Point> batch = Point::base_mul_batch(edges);
  ASSERT_EQ(batch.size(), edges.size());
  for (size_t i = 0; i < edges.size(); ++i) {
    EXPECT_EQ(batch[i].is_identity(), edges[i].is_zero()) << i;
    EXPECT_EQ(to_hex(batch[i].to_bytes_uncompressed()), to_hex(reference(edges[i]))) << i;
  }
  EXPECT_EQ(batch[2], batch[5]);
  EXPECT_TRUE(Point::base_mul_batch(std::vector<Scalar>{Scalar::zero()})[0].is_identity());
}

// base_mul_add_if against base_mul and libsecp256k1's point addition
// (Point::operator+, pubkey_combine): both choices, for random a and B, a
// B equal to a·G (the sum doubles) and to −a·G (the sum is the identity),
// B the identity, and a = 0.
TEST(Secp256k1Base, BaseMulAddIfIsTheChosenSum) {
  DeterministicRng rng(uint64_t{0xADD1F});
  for (int i = 0; i < 20; ++i) {
    const Scalar a = Scalar::random(rng);
    const Point b = Point::base_mul(Scalar::random(rng));
    EXPECT_EQ(Point::base_mul_add_if(a, b, false), Point::base_mul(a)) << i;
    EXPECT_EQ(Point::base_mul_add_if(a, b, true), Point::base_mul(a) + b) << i;
  }
  const Scalar a = Scalar::random(rng);
  const Point a_g = Point::base_mul(a);
  EXPECT_EQ(Point::base_mul_add_if(a, a_g, true), Point::base_mul(a + a));
  EXPECT_TRUE(Point::base_mul_add_if(a, -a_g, true).is_identity());
  EXPECT_EQ(Point::base_mul_add_if(a, -a_g, false), a_g);
  EXPECT_EQ(Point::base_mul_add_if(a, Point::identity(), true), a_g);
  EXPECT_EQ(Point::base_mul_add_if(Scalar::zero(), a_g, true), a_g);
  EXPECT_TRUE(Point::base_mul_add_if(Scalar::zero(), a_g, false).is_identity());
}

TEST(Secp256k1Base, BatchConversionMatchesSingleConversions) {
  DeterministicRng rng(uint64_t{0xBA7C});
  std::vector<Scalar> ks;
  std::vector<base::Projective> ps;
  for (int i = 0; i < 9; ++i) {
    ks.push_back(Scalar::random(rng));
    ps.push_back(base::base_mul_projective(ks.back()));
  }
  std::vector<native::Affine> out(ps.size());
  base::to_affine_batch(ps, out);
  for (size_t i = 0; i < ks.size(); ++i) EXPECT_EQ(to_hex(encode(out[i])), to_hex(reference(ks[i]))) << i;
}

// The projective form of an affine point, scaled by z (any nonzero z).
base::Projective scaled(const native::Affine& a, uint64_t z) {
  const native::Fe fz = native::fe_from_u64(z);
  return base::Projective{native::fe_mul(a.x, fz), native::fe_mul(a.y, fz), fz};
}

ByteArray<65> affine_encoding(const base::Projective& p) {
  native::Affine a;
  base::to_affine_batch(std::span<const base::Projective>(&p, 1), std::span<native::Affine>(&a, 1));
  return encode(a);
}

TEST(Secp256k1Base, CompleteFormulasAtExceptionalInputs) {
  const Scalar k = Scalar::from_u64(123456789);
  native::Affine q;
  base::to_affine_batch(std::vector<base::Projective>{base::base_mul_projective(k)},
                        std::span<native::Affine>(&q, 1));
  const std::string q_hex = to_hex(reference(k));
  const std::string two_q_hex = to_hex(reference(k + k));
  // identity + Q = Q.
  EXPECT_EQ(to_hex(affine_encoding(base::add_mixed(base::identity(), q.x, q.y))), q_hex);
  // Q + Q = 2Q (the doubling case incomplete formulas miss), from several Z.
  for (uint64_t z : {1ULL, 2ULL, 0xFFFFFFFFFFFFULL}) {
    EXPECT_EQ(to_hex(affine_encoding(base::add_mixed(scaled(q, z), q.x, q.y))), two_q_hex) << z;
    EXPECT_EQ(to_hex(affine_encoding(base::dbl(scaled(q, z)))), two_q_hex) << z;
    // Q + (−Q) = identity: Z = 0, Y ≠ 0.
    const base::Projective o = base::add_mixed(scaled(q, z), q.x, native::fe_negate(q.y));
    EXPECT_TRUE(o.z.is_zero()) << z;
    EXPECT_FALSE(o.y.is_zero()) << z;
    // The identity stays the identity, and adding Q to it still works.
    EXPECT_TRUE(base::dbl(o).z.is_zero()) << z;
    EXPECT_EQ(to_hex(affine_encoding(base::add_mixed(o, q.x, q.y))), q_hex) << z;
  }
  EXPECT_TRUE(base::dbl(base::identity()).z.is_zero());
}

TEST(Secp256k1Base, ConstantTimeInversionMatchesGmp) {
  DeterministicRng rng(uint64_t{0x1E7});
  EXPECT_TRUE(base::fe_invert(native::Fe{}).is_zero());
  EXPECT_EQ(base::fe_invert(native::fe_from_u64(1)), native::fe_from_u64(1));
  const native::Fe minus_one = native::fe_negate(native::fe_from_u64(1));
  EXPECT_EQ(base::fe_invert(minus_one), minus_one);
  for (int i = 0; i < 200; ++i) {
    std::array<uint8_t, 32> b;
    rng.fill(b);
    b[0] &= 0x7f;  // < p
    const native::Fe a = *native::fe_from_bytes(b);
    EXPECT_EQ(base::fe_invert(a), native::fe_inverse_vartime(a)) << i;
    EXPECT_EQ(native::fe_mul(base::fe_invert(a), a), native::fe_from_u64(1)) << i;
  }
}

TEST(Secp256k1Base, TableEntriesAreTheMultiplesOfTheRowBase) {
  for (size_t r = 0; r < base::kBaseRows; ++r) {
    const Scalar row_base = pow2(kW * base::kBaseSpacing * r);
    for (size_t j = 0; j < base::kBaseColumns; ++j) {
      EXPECT_EQ(to_hex(encode(base::base_table_entry(r, j))), to_hex(reference(Scalar::from_u64(j + 1) * row_base)))
          << "row " << r << " column " << j;
    }
  }
}

}  // namespace
}  // namespace okmpc
