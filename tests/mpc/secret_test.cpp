// Secret<> and SecretBytes: printed as <secret>, move-only, moved-from wiped.
#include <gtest/gtest.h>

#include <sstream>
#include <type_traits>

#include "mpc/curve.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"

namespace okmpc {
namespace {

using S = Secp256k1::Scalar;

static_assert(!std::is_copy_constructible_v<Secret<S>>);
static_assert(!std::is_copy_assignable_v<Secret<S>>);
static_assert(std::is_nothrow_move_constructible_v<Secret<S>>);
static_assert(!std::is_copy_constructible_v<SecretBytes>);
static_assert(std::is_same_v<SecretScalar<Ed25519>, Secret<Ed25519::Scalar>>);
static_assert(!std::is_copy_constructible_v<SecretScalar<Ed25519>>);

TEST(Secret, PrintsPlaceholderNeverTheValue) {
  Secret<S> s(S::from_u64(0x1234));
  std::ostringstream os;
  os << s;
  EXPECT_EQ(os.str(), "<secret>");
  SecretBytes b(Bytes{1, 2, 3});
  std::ostringstream ob;
  ob << b;
  EXPECT_EQ(ob.str(), "<secret>");
}

TEST(Secret, MovedFromIsZeroized) {
  Secret<S> a(S::from_u64(42));
  Secret<S> b(std::move(a));
  EXPECT_TRUE(a.expose().is_zero());  // NOLINT(bugprone-use-after-move): checking the wipe
  EXPECT_EQ(b.expose(), S::from_u64(42));
  Secret<S> c;
  c = std::move(b);
  EXPECT_TRUE(b.expose().is_zero());  // NOLINT(bugprone-use-after-move)
  EXPECT_EQ(c.expose(), S::from_u64(42));
  Secret<S> d = c.clone();
  EXPECT_EQ(d.expose(), c.expose());

  SecretBytes x(Bytes{9, 9, 9});
  SecretBytes y(std::move(x));
  EXPECT_EQ(x.size(), 0u);  // NOLINT(bugprone-use-after-move)
  ASSERT_EQ(y.size(), 3u);
  EXPECT_EQ(y.expose()[0], 9);
}

}  // namespace
}  // namespace okmpc
