// The DKG's fast public-point arithmetic agrees with the plain group law on
// both of its paths (sum of copies for small identifiers, multiplication
// above kSumCopiesUpTo), and the batched evaluation (the curve's
// eval_poly_vartime or the generic fallback) with plain Horner.
#include <gtest/gtest.h>

#include "mpc/feldman.hpp"
#include "mpc/polynomial.hpp"
#include "mpc/toy_curve.hpp"
#include "protocols/dkg/point_sums.hpp"

namespace okmpc::dkg {
namespace {

template <class C>
class PointSums : public ::testing::Test {};
using Curves = ::testing::Types<Secp256k1, Ed25519, ToyCurve>;
TYPED_TEST_SUITE(PointSums, Curves);

TYPED_TEST(PointSums, EvaluateMatchesHorner) {
  using C = TypeParam;
  DeterministicRng rng(12);
  std::vector<typename C::Point> coeffs;
  for (int k = 0; k < 4; ++k) coeffs.push_back(C::Point::base_mul(C::Scalar::random(rng)));
  for (uint32_t x : {0u, 1u, 2u, 5u, kSumCopiesUpTo<C>, kSumCopiesUpTo<C> + 1, 200u, 255u}) {
    EXPECT_TRUE(evaluate_at_vartime<C>(coeffs, x) == evaluate_commitments_vartime<C>(coeffs, x)) << "x=" << x;
  }
  EXPECT_TRUE(evaluate_at_vartime<C>({}, 3).is_identity());
}

// Polynomial::evaluate (secp256k1: the small-multiplier path) against
// Horner's rule in full scalar products, with coefficients at the top of
// the range (−1, −2) and random ones, at x = 0, 1, 2, 255, 256 and 2^32 − 1.
TYPED_TEST(PointSums, PolynomialEvaluateMatchesScalarHorner) {
  using C = TypeParam;
  using Scalar = typename C::Scalar;
  DeterministicRng rng(31);
  for (size_t degree : {0u, 1u, 6u}) {
    std::vector<Secret<Scalar>> coeffs;
    std::vector<Scalar> plain;
    for (size_t k = 0; k <= degree; ++k) {
      const Scalar c = k == 0 ? -Scalar::one() : k == 1 ? -Scalar::from_u64(2) : Scalar::random(rng);
      coeffs.emplace_back(c);
      plain.push_back(c);
    }
    const auto poly = Polynomial<C>::from_coefficients(std::move(coeffs));
    for (uint32_t x : {0u, 1u, 2u, 255u, 256u, 4294967295u}) {
      Scalar want = plain.back();
      for (size_t k = plain.size() - 1; k-- > 0;) want = want * Scalar::from_u64(x) + plain[k];
      EXPECT_TRUE(poly.evaluate(x).expose() == want) << "degree " << degree << ", x = " << x;
    }
  }
}

// Polynomial::commitments (pairs through base_mul_pair where the curve has
// it, a last odd one alone) equal base_mul of each coefficient, for odd
// and even lengths, with a zero coefficient among them.
TYPED_TEST(PointSums, CommitmentsAreBaseMulOfEachCoefficient) {
  using C = TypeParam;
  using Scalar = typename C::Scalar;
  DeterministicRng rng(34);
  for (size_t length : {1u, 2u, 5u, 6u}) {
    std::vector<Secret<Scalar>> coeffs;
    std::vector<Scalar> plain;
    for (size_t k = 0; k < length; ++k) {
      const Scalar c = k == 2 ? Scalar::zero() : Scalar::random(rng);
      coeffs.emplace_back(c);
      plain.push_back(c);
    }
    const auto commitments = Polynomial<C>::from_coefficients(std::move(coeffs)).commitments();
    ASSERT_EQ(commitments.size(), length);
    for (size_t k = 0; k < length; ++k) {
      EXPECT_TRUE(commitments[k] == C::Point::base_mul(plain[k])) << "length " << length << ", k = " << k;
    }
  }
}

// weighted_power_sums_vartime (secp256k1's small-multiplier code, the
// generic loop elsewhere) against the definition Σ_i w_i·x_i^k.
TYPED_TEST(PointSums, WeightedPowerSumsMatchDefinition) {
  using C = TypeParam;
  using Scalar = typename C::Scalar;
  DeterministicRng rng(32);
  std::vector<Scalar> weights = {-Scalar::one()};
  for (int i = 0; i < 5; ++i) weights.push_back(random_batch_weight<C>(rng));
  const std::vector<uint32_t> xs = {255, 1, 2, 3, 100, 4294967295u};
  const std::vector<Scalar> got = weighted_power_sums_vartime<C>(weights, xs, 5);
  ASSERT_EQ(got.size(), 5u);
  for (size_t k = 0; k < 5; ++k) {
    Scalar want = Scalar::zero();
    for (size_t i = 0; i < weights.size(); ++i) {
      Scalar term = weights[i];
      for (size_t j = 0; j < k; ++j) term = term * Scalar::from_u64(xs[i]);
      want = want + term;
    }
    EXPECT_TRUE(got[k] == want) << "k = " << k;
  }
}

// sum_commitments_vartime (secp256k1: all columns in one batch-affine sum)
// against one plain sum per column, with an identity entry and a column
// that cancels.
TYPED_TEST(PointSums, SumCommitmentsMatchesColumnSums) {
  using C = TypeParam;
  using Point = typename C::Point;
  DeterministicRng rng(33);
  std::vector<std::vector<Point>> vectors(7);
  for (auto& v : vectors) {
    for (int k = 0; k < 4; ++k) v.push_back(C::Point::base_mul(C::Scalar::random(rng)));
  }
  vectors[2][1] = Point::identity();
  Point rest = Point::identity();
  for (size_t i = 0; i + 1 < vectors.size(); ++i) rest = rest + vectors[i][3];
  vectors.back()[3] = -rest;  // column 3 sums to the identity
  std::vector<const std::vector<Point>*> ptrs;
  for (const auto& v : vectors) ptrs.push_back(&v);
  const std::vector<Point> got = sum_commitments_vartime<C>(ptrs, 4);
  ASSERT_EQ(got.size(), 4u);
  for (size_t k = 0; k < 4; ++k) {
    Point want = Point::identity();
    for (const auto& v : vectors) want = want + v[k];
    EXPECT_TRUE(got[k] == want) << "column " << k;
  }
  EXPECT_TRUE(got[3].is_identity());
}

TYPED_TEST(PointSums, SumsAndMultiMul) {
  using C = TypeParam;
  DeterministicRng rng(13);
  std::vector<typename C::Scalar> s;
  std::vector<typename C::Point> p;
  auto expect = C::Point::identity();
  auto plain = C::Point::identity();
  for (int i = 0; i < 5; ++i) {
    s.push_back(C::Scalar::random(rng));
    p.push_back(C::Point::base_mul(C::Scalar::random(rng)));
    expect = expect + s.back() * p.back();
    plain = plain + p.back();
  }
  EXPECT_TRUE(multi_mul_vartime<C>(s, p) == expect);
  EXPECT_TRUE(sum_vartime<C>(p) == plain);
  std::vector<typename C::Point> a = {p[0], p[1]}, b = {p[2], p[3]};
  const std::vector<typename C::Point>* both[] = {&a, &b};
  auto summed = sum_commitments_vartime<C>(both, 2);
  EXPECT_TRUE(summed[0] == p[0] + p[2]);
  EXPECT_TRUE(summed[1] == p[1] + p[3]);
}

TYPED_TEST(PointSums, EvaluateManyMatchesPlainHornerForEveryIdentifier) {
  // Degrees 0..5, identifiers 1..n: the curve's eval_poly_vartime (where it
  // has one) or the generic fallback, against mpc's plain Horner.
  using C = TypeParam;
  DeterministicRng rng(14);
  std::vector<uint32_t> xs;
  for (uint32_t x = 1; x <= 40; ++x) xs.push_back(x);
  xs.push_back(255);
  for (size_t degree = 0; degree <= 5; ++degree) {
    std::vector<typename C::Point> coeffs;
    for (size_t k = 0; k <= degree; ++k) coeffs.push_back(C::Point::base_mul(C::Scalar::random(rng)));
    const auto many = evaluate_many_vartime<C>(coeffs, xs);
    ASSERT_EQ(many.size(), xs.size());
    for (size_t i = 0; i < xs.size(); ++i) {
      const auto plain = evaluate_commitments_vartime<C>(coeffs, xs[i]);
      EXPECT_TRUE(many[i] == plain) << "degree " << degree << " x=" << xs[i];
      EXPECT_TRUE(evaluate_one_vartime<C>(coeffs, xs[i]) == plain) << "degree " << degree << " x=" << xs[i];
    }
  }
  EXPECT_TRUE(evaluate_many_vartime<C>(std::vector<typename C::Point>{}, xs).front().is_identity());
}

TYPED_TEST(PointSums, MultiMulIsIdentityDecidesTheEquation) {
  using C = TypeParam;
  DeterministicRng rng(15);
  const auto a = C::Scalar::random(rng), b = C::Scalar::random(rng);
  const auto P = C::Point::base_mul(C::Scalar::random(rng));
  // a·P + b·G − (a·P + b·G) = O, and off by one G it is not.
  const auto Q = a * P + C::Point::base_mul(b);
  const std::vector<typename C::Scalar> s = {a, b, -C::Scalar::one()};
  std::vector<typename C::Point> p = {P, C::Point::generator(), Q};
  EXPECT_TRUE(multi_mul_is_identity_vartime<C>(s, p));
  p[2] = Q + C::Point::generator();
  EXPECT_FALSE(multi_mul_is_identity_vartime<C>(s, p));
}

}  // namespace
}  // namespace okmpc::dkg
