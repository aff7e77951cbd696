// The DKG's fast public-point arithmetic agrees with the plain group law on
// both of its paths (sum of copies for small identifiers, multiplication
// above kSumCopiesUpTo), and the batched evaluation (the curve's
// eval_poly_vartime or the generic fallback) with plain Horner.
#include <gtest/gtest.h>

#include "mpc/feldman.hpp"
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
