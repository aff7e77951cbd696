// Every curve satisfies the Curve concept, and its value types can be wrapped
// by Secret<> (trivially copyable).
#include <gtest/gtest.h>

#include <type_traits>

#include "mpc/curve.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/toy_curve.hpp"

namespace okmpc {
namespace {

static_assert(Curve<Secp256k1> && Curve<Ed25519> && Curve<ToyCurve>);
static_assert(std::is_trivially_copyable_v<Secp256k1::Scalar>);
static_assert(std::is_trivially_copyable_v<Secp256k1::Point>);
static_assert(std::is_trivially_copyable_v<Ed25519::Scalar>);
static_assert(std::is_trivially_copyable_v<Ed25519::Point>);
static_assert(std::is_trivially_copyable_v<ToyCurve::Scalar>);
static_assert(std::is_trivially_copyable_v<ToyCurve::Point>);

TEST(CurveConcept, GeneratorsAreNotIdentity) {
  EXPECT_FALSE(Secp256k1::Point::generator().is_identity());
  EXPECT_FALSE(Ed25519::Point::generator().is_identity());
  EXPECT_FALSE(ToyCurve::Point::generator().is_identity());
  EXPECT_TRUE(Secp256k1::Point::identity().is_identity());
  EXPECT_TRUE(Ed25519::Point::identity().is_identity());
  EXPECT_TRUE(ToyCurve::Point::identity().is_identity());
}

}  // namespace
}  // namespace okmpc
