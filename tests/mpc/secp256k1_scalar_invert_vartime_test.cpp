// Secp256k1::Scalar::invert_vartime (GMP's gcd, for public values) against
// the constant-time Fermat invert() and the defining property a·a⁻¹ = 1:
// 1, 2, n − 1, n − 2, 2^255 and random scalars; 0 maps to 0 like invert().
#include <gtest/gtest.h>

#include <vector>

#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

using Scalar = Secp256k1::Scalar;

TEST(Secp256k1ScalarInvertVartime, MatchesFermatInversion) {
  Scalar two_255 = Scalar::one();
  for (int i = 0; i < 255; ++i) two_255 += two_255;
  std::vector<Scalar> xs = {Scalar::one(), Scalar::from_u64(2), -Scalar::one(), -Scalar::from_u64(2), two_255};
  DeterministicRng rng(uint64_t{0x1A7});
  for (int i = 0; i < 300; ++i) xs.push_back(Scalar::random(rng));
  for (size_t i = 0; i < xs.size(); ++i) {
    const Scalar inv = xs[i].invert_vartime();
    EXPECT_EQ(to_hex(inv.to_bytes()), to_hex(xs[i].invert().to_bytes())) << i;
    EXPECT_EQ(xs[i] * inv, Scalar::one()) << i;
  }
  // (n − 1)⁻¹ = n − 1, written out.
  EXPECT_EQ(to_hex((-Scalar::one()).invert_vartime().to_bytes()),
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140");
  EXPECT_TRUE(Scalar::zero().invert_vartime().is_zero());
}

}  // namespace
}  // namespace okmpc
