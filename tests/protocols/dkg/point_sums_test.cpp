// The DKG's fast public-point arithmetic agrees with the plain group law on
// both of its paths (sum of copies for small identifiers, multiplication
// above kSumCopiesUpTo).
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

}  // namespace
}  // namespace okmpc::dkg
