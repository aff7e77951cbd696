// Exhaustive checks on the order-199 toy curve (in the spirit of
// libsecp256k1's exhaustive tests): the whole group and the whole scalar field.
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "mpc/toy_curve.hpp"

namespace okmpc {
namespace {

using S = ToyCurve::Scalar;
using P = ToyCurve::Point;
constexpr uint32_t kQ = ToyCurve::kOrder;
constexpr uint32_t kP = ToyCurve::kFieldPrime;

// multiples[k] = k·G built by repeated addition only.
std::vector<P> multiples() {
  std::vector<P> m;
  P acc = P::identity();
  for (uint32_t k = 0; k < kQ; ++k) {
    m.push_back(acc);
    acc = acc + P::generator();
  }
  EXPECT_TRUE(acc.is_identity()) << "199·G must be the identity";
  return m;
}

TEST(ToyCurveExhaustive, GeneratorEnumeratesEveryCurvePoint) {
  // Brute-force the curve's affine points and compare with {k·G}.
  std::set<std::pair<uint32_t, uint32_t>> affine;
  for (uint32_t x = 0; x < kP; ++x) {
    for (uint32_t y = 0; y < kP; ++y) {
      if ((y * y) % kP == (x * x % kP * x + ToyCurve::kB) % kP) affine.insert({x, y});
    }
  }
  EXPECT_EQ(affine.size() + 1, kQ);  // plus the identity
  auto m = multiples();
  std::set<std::pair<uint32_t, uint32_t>> generated;
  for (uint32_t k = 1; k < kQ; ++k) {
    ASSERT_FALSE(m[k].is_identity()) << k;
    generated.insert({m[k].x(), m[k].y()});
  }
  EXPECT_EQ(generated, affine);
}

TEST(ToyCurveExhaustive, AdditionTableIsZMod199) {
  // i·G + j·G == ((i + j) mod 199)·G for every pair: the group law is the
  // group Z/199, hence associative, commutative, with identity and inverses.
  auto m = multiples();
  for (uint32_t i = 0; i < kQ; ++i) {
    for (uint32_t j = 0; j < kQ; ++j) {
      ASSERT_EQ(m[i] + m[j], m[(i + j) % kQ]) << i << "+" << j;
      ASSERT_EQ(m[i] - m[j], m[(i + kQ - j) % kQ]) << i << "-" << j;
    }
    EXPECT_EQ(m[i] + P::identity(), m[i]);
    EXPECT_TRUE((m[i] + (-m[i])).is_identity());
  }
}

TEST(ToyCurveExhaustive, AssociativityOnAllTriplesOfASlice) {
  auto m = multiples();
  for (uint32_t i = 0; i < kQ; i += 7) {
    for (uint32_t j = 0; j < kQ; j += 3) {
      for (uint32_t k = 0; k < kQ; ++k) {
        ASSERT_EQ((m[i] + m[j]) + m[k], m[i] + (m[j] + m[k]));
      }
    }
  }
}

TEST(ToyCurveExhaustive, ScalarMultiplicationMatchesTable) {
  auto m = multiples();
  for (uint32_t k = 0; k < kQ; ++k) {
    ASSERT_EQ(P::base_mul(S::from_u64(k)), m[k]) << k;
    for (uint32_t j = 0; j < kQ; ++j) {
      ASSERT_EQ(S::from_u64(k) * m[j], m[(k * j) % kQ]) << k << "·" << j;
    }
  }
}

TEST(ToyCurveExhaustive, EncodingRoundTripsAndRejectsNonPoints) {
  auto m = multiples();
  for (uint32_t k = 1; k < kQ; ++k) {
    auto back = P::from_bytes(m[k].to_bytes());
    ASSERT_TRUE(back) << k;
    EXPECT_EQ(*back, m[k]);
  }
  // Every x without a point is rejected as kInvalidPoint; bad tags / x >= p as
  // kInvalidEncoding.
  size_t accepted = 0;
  for (uint32_t tag = 2; tag <= 3; ++tag) {
    for (uint32_t x = 0; x < 256; ++x) {
      const ByteArray<2> enc = {static_cast<uint8_t>(tag), static_cast<uint8_t>(x)};
      auto r = P::from_bytes(enc);
      if (r) {
        ++accepted;
        EXPECT_EQ(r->to_bytes(), enc);
      } else {
        EXPECT_EQ(r.error().code, x >= kP ? ErrorCode::kInvalidEncoding : ErrorCode::kInvalidPoint);
      }
    }
  }
  EXPECT_EQ(accepted, kQ - 1);
  EXPECT_EQ(P::from_bytes(ByteArray<2>{0, 0}).error().code, ErrorCode::kInvalidPoint);
  EXPECT_EQ(P::from_bytes(ByteArray<2>{4, 3}).error().code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(P::from_bytes(ByteArray<3>{2, 3, 0}).error().code, ErrorCode::kInvalidEncoding);
}

TEST(ToyCurveExhaustive, ScalarFieldIsZMod199) {
  for (uint32_t a = 0; a < kQ; ++a) {
    const S sa = S::from_u64(a);
    EXPECT_EQ((-sa).value(), (kQ - a) % kQ);
    if (a != 0) {
      EXPECT_EQ((sa * sa.invert()).value(), 1u) << a;
    }
    for (uint32_t b = 0; b < kQ; ++b) {
      const S sb = S::from_u64(b);
      ASSERT_EQ((sa + sb).value(), (a + b) % kQ);
      ASSERT_EQ((sa - sb).value(), (a + kQ - b) % kQ);
      ASSERT_EQ((sa * sb).value(), (a * b) % kQ);
    }
  }
  EXPECT_TRUE(S::zero().invert().is_zero());
  for (uint32_t v = 0; v < 256; ++v) {
    auto r = S::from_bytes(ByteArray<1>{static_cast<uint8_t>(v)});
    EXPECT_EQ(r.has_value(), v < kQ) << v;
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidScalar);
    }
  }
  EXPECT_EQ(S::reduce(ByteArray<2>{1, 0}).value(), 256u % kQ);
}

}  // namespace
}  // namespace okmpc
