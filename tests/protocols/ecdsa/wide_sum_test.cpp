// Tests of protocols/ecdsa/wide_sum.hpp: every unreduced sum equals the same
// sum computed term by term with reduced Scalar arithmetic, at the extremes
// (n − 1, zero, hundreds of maximal products, every shift) and at random.
#include <gtest/gtest.h>

#include <vector>

#include "mpc/rng.hpp"
#include "protocols/ecdsa/wide_sum.hpp"

namespace okmpc::ecdsa {
namespace {

using Scalar = Secp256k1::Scalar;

Scalar max_scalar() { return -Scalar::one(); }  // n − 1

Scalar pow2(unsigned j) {
  Scalar p = Scalar::one();
  for (unsigned k = 0; k < j; ++k) p = p + p;
  return p;
}

TEST(WideSum, EmptyIsZero) { EXPECT_TRUE(WideSum().reduce().is_zero()); }

TEST(WideSum, AddsAndNegationsMatchScalarArithmetic) {
  DeterministicRng rng(1);
  for (int round = 0; round < 50; ++round) {
    WideSum w;
    Scalar expect = Scalar::zero();
    for (int k = 0; k < 40; ++k) {
      const Scalar a = (k % 7 == 0) ? max_scalar() : (k % 11 == 0 ? Scalar::zero() : Scalar::random(rng));
      if (k % 3 == 0) {
        w.add_neg(a);
        expect -= a;
      } else {
        w.add(a);
        expect += a;
      }
    }
    EXPECT_EQ(w.reduce(), expect);
  }
}

TEST(WideSum, NegationOfZeroAndOfMaxReduce) {
  WideSum z;
  z.add_neg(Scalar::zero());  // adds n itself
  EXPECT_TRUE(z.reduce().is_zero());
  WideSum m;
  m.add_neg(max_scalar());  // n − (n − 1) = 1
  EXPECT_EQ(m.reduce(), Scalar::one());
}

TEST(WideSum, MaskedAddTakesTheBit) {
  DeterministicRng rng(2);
  const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
  WideSum w;
  w.add_masked(a, 1);
  w.add_masked(b, 0);
  EXPECT_EQ(w.reduce(), a);
}

TEST(WideSum, HundredsOfMaximalProducts) {
  // (n − 1)^2 · 500 + (n − 1) · 500 exercises every fold at its largest.
  const Scalar m = max_scalar();
  WideSum w;
  Scalar expect = Scalar::zero();
  for (int k = 0; k < 500; ++k) {
    w.add_mul(m, m);
    w.add(m);
    expect += m * m + m;
  }
  EXPECT_EQ(w.reduce(), expect);
}

TEST(WideSum, RandomProductsMatch) {
  DeterministicRng rng(3);
  for (int round = 0; round < 30; ++round) {
    WideSum w;
    Scalar expect = Scalar::zero();
    for (int k = 0; k < 1 + round * 7; ++k) {
      const Scalar a = Scalar::random(rng), b = Scalar::random(rng);
      w.add_mul(a, b);
      expect += a * b;
    }
    EXPECT_EQ(w.reduce(), expect);
  }
}

TEST(WideSum, EveryShiftIsAMultiplicationByItsPowerOfTwo) {
  DeterministicRng rng(4);
  WideSum all_max;
  Scalar all_max_expect = Scalar::zero();
  for (unsigned j = 0; j < 256; ++j) {
    const Scalar a = Scalar::random(rng);
    WideSum w;
    w.add_shifted(a, j);
    EXPECT_EQ(w.reduce(), a * pow2(j)) << "shift " << j;
    all_max.add_shifted(max_scalar(), j);
    all_max_expect += max_scalar() * pow2(j);
  }
  EXPECT_EQ(all_max.reduce(), all_max_expect);
}

TEST(WideSum, ReducesValuesJustAboveTheOrder) {
  // (n − 1) + 1 = n -> 0 and (n − 1) + 2 -> 1: the final conditional
  // subtraction at its boundary.
  WideSum a;
  a.add(max_scalar());
  a.add(Scalar::one());
  EXPECT_TRUE(a.reduce().is_zero());
  WideSum b;
  b.add(max_scalar());
  b.add(Scalar::from_u64(2));
  EXPECT_EQ(b.reduce(), Scalar::one());
}

// add_be64 against Scalar::reduce of the same 64 bytes: all ones (2^512 − 1),
// n·2^256 + n (≡ 0), zero, and random values, alone and after other terms.
TEST(WideSum, SixtyFourByteIntegersReduceLikeScalarReduce) {
  std::vector<Bytes> inputs = {Bytes(64, 0xFF), Bytes(64, 0x00)};
  const auto n_minus_1 = max_scalar().to_bytes();
  Bytes n_n(64);
  for (size_t half = 0; half < 2; ++half) {
    std::copy(n_minus_1.begin(), n_minus_1.end(), n_n.begin() + static_cast<std::ptrdiff_t>(32 * half));
    n_n[32 * half + 31] += 1;  // n − 1 ends in 0x40: no carry
  }
  inputs.push_back(n_n);
  DeterministicRng rng(64);
  for (int i = 0; i < 200; ++i) {
    Bytes r(64);
    rng.fill(r);
    inputs.push_back(r);
  }
  for (size_t i = 0; i < inputs.size(); ++i) {
    WideSum w;
    w.add_be64(inputs[i]);
    EXPECT_EQ(w.reduce(), Scalar::reduce(inputs[i])) << i;
    WideSum mixed;
    mixed.add(max_scalar());
    mixed.add_be64(inputs[i]);
    mixed.add_mul(max_scalar(), max_scalar());
    EXPECT_EQ(mixed.reduce(), max_scalar() + Scalar::reduce(inputs[i]) + max_scalar() * max_scalar()) << i;
  }
  WideSum zero;
  zero.add_be64(n_n);
  EXPECT_TRUE(zero.reduce().is_zero());
}

// Raw (unreduced) 256-bit values — what the hashed OT pads are before their
// reduction: each operation on a raw x gives the same sum mod n as on
// x mod n, for x in {0, n − 1, n, n + 5, 2^256 − 1} and random 256-bit x.
TEST(WideSum, RawValuesActLikeTheirReduction) {
  const Scalar::Limbs n = {0xBFD25E8CD0364141ULL, 0xBAAEDCE6AF48A03BULL, 0xFFFFFFFFFFFFFFFEULL, 0xFFFFFFFFFFFFFFFFULL};
  std::vector<WideSum::Raw> raws = {{0, 0, 0, 0}, max_scalar().limbs(), n, {n[0] + 5, n[1], n[2], n[3]},
                                    {~0ULL, ~0ULL, ~0ULL, ~0ULL}};
  DeterministicRng rng(65);
  for (int i = 0; i < 100; ++i) {
    Bytes r(32);
    rng.fill(r);
    WideSum::Raw l{};
    for (size_t k = 0; k < 4; ++k) {
      for (size_t j = 0; j < 8; ++j) l[k] = (l[k] << 8) | r[(3 - k) * 8 + j];
    }
    raws.push_back(l);
  }
  const Scalar a = Scalar::random(rng);
  for (size_t i = 0; i < raws.size(); ++i) {
    const WideSum::Raw& x = raws[i];
    Bytes be(32);
    for (size_t k = 0; k < 4; ++k) {
      for (size_t j = 0; j < 8; ++j) be[(3 - k) * 8 + j] = static_cast<uint8_t>(x[k] >> (56 - 8 * j));
    }
    const Scalar xr = Scalar::reduce(be);  // x mod n, computed by the scalar code
    WideSum plus, minus, times, shifted;
    plus.add(x);
    plus.add(a);
    minus.add(a);
    minus.add_neg(x);
    minus.add_neg(x);
    times.add_mul(a, x);
    times.add(x);
    shifted.add_shifted(x, 200);
    shifted.add_neg(x);
    EXPECT_EQ(plus.reduce(), xr + a) << i;
    EXPECT_EQ(minus.reduce(), a - xr - xr) << i;
    EXPECT_EQ(times.reduce(), a * xr + xr) << i;
    EXPECT_EQ(shifted.reduce(), xr * pow2(200) - xr) << i;
  }
}

}  // namespace
}  // namespace okmpc::ecdsa
