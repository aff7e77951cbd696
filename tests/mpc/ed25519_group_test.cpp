// Native Ed25519 group law and variable-time multiplications against
// libsodium: add/sub/negate/compare against crypto_core_ed25519_add/sub,
// single and multi-scalar multiplication against
// crypto_scalarmult_ed25519_noclamp sums (both the Strauss and the Pippenger
// paths, sizes 0…200), and eval_poly_vartime against scalar Horner.
#include <gtest/gtest.h>
#include <sodium.h>

#include <vector>

#include "mpc/ed25519.hpp"
#include "mpc/ed25519_msm.hpp"
#include "mpc/rng.hpp"

namespace okmpc {
namespace {

using P = Ed25519::Point;
using S = Ed25519::Scalar;

ByteArray<32> sodium_add(const ByteArray<32>& a, const ByteArray<32>& b) {
  ByteArray<32> r{};
  EXPECT_EQ(crypto_core_ed25519_add(r.data(), a.data(), b.data()), 0);
  return r;
}

// Σ s_i·P_i with libsodium only (the old implementation), as bytes.
ByteArray<32> sodium_msm(const std::vector<S>& ss, const std::vector<P>& ps) {
  ByteArray<32> acc{1};
  for (size_t i = 0; i < ss.size(); ++i) {
    ByteArray<32> term{1};
    const ByteArray<32> k = ss[i].to_bytes(), pt = ps[i].to_bytes();
    if (crypto_scalarmult_ed25519_noclamp(term.data(), k.data(), pt.data()) != 0) term = ByteArray<32>{1};
    acc = sodium_add(acc, term);
  }
  return acc;
}

std::vector<P> random_points(Rng& rng, size_t n) {
  std::vector<P> ps;
  for (size_t i = 0; i < n; ++i) ps.push_back(P::base_mul(S::random(rng)));
  return ps;
}

std::vector<S> random_scalars(Rng& rng, size_t n) {
  std::vector<S> ss;
  for (size_t i = 0; i < n; ++i) ss.push_back(S::random(rng));
  return ss;
}

TEST(Ed25519Group, AddSubNegMatchLibsodium) {
  DeterministicRng rng(uint64_t{1});
  for (int i = 0; i < 20; ++i) {
    const P a = P::base_mul(S::random(rng)), b = P::base_mul(S::random(rng));
    ByteArray<32> diff{};
    ASSERT_EQ(crypto_core_ed25519_sub(diff.data(), a.to_bytes().data(), b.to_bytes().data()), 0);
    EXPECT_EQ((a + b).to_bytes(), sodium_add(a.to_bytes(), b.to_bytes()));
    EXPECT_EQ((a - b).to_bytes(), diff);
    EXPECT_EQ((a + b) - b, a);
    EXPECT_EQ((-a).to_bytes(), sodium_add(ByteArray<32>{1}, (P() - a).to_bytes()));
    EXPECT_TRUE((a + (-a)).is_identity());
    EXPECT_EQ((a + (-a)).to_bytes(), ByteArray<32>{1});
    EXPECT_FALSE(a == b);
    EXPECT_TRUE(a + b == b + a);
    EXPECT_EQ(a + P::identity(), a);
    EXPECT_EQ(P::sum(std::vector<P>{a, b, a}).to_bytes(), sodium_add(sodium_add(a.to_bytes(), b.to_bytes()), a.to_bytes()));
  }
  EXPECT_TRUE(P::sum({}).is_identity());
  EXPECT_FALSE(P::generator().is_identity());
}

TEST(Ed25519Group, MulVartimeMatchesLibsodium) {
  DeterministicRng rng(uint64_t{2});
  const P g = P::generator();
  for (int i = 0; i < 20; ++i) {
    const S s = S::random(rng);
    const P p = P::base_mul(S::random(rng));
    EXPECT_EQ(P::mul_vartime(s, p).to_bytes(), (s * p).to_bytes());
    EXPECT_EQ(P::mul_vartime(s, g).to_bytes(), P::base_mul(s).to_bytes());
  }
  EXPECT_TRUE(P::mul_vartime(S::zero(), g).is_identity());
  EXPECT_TRUE(P::mul_vartime(S::random(rng), P::identity()).is_identity());
  EXPECT_EQ(P::mul_vartime(-S::one(), g), -g);
  EXPECT_EQ(P::mul_vartime(S::from_u64(2), g), g + g);
}

TEST(Ed25519Group, MultiMulMatchesLibsodiumAcrossSizes) {
  DeterministicRng rng(uint64_t{3});
  for (size_t n : {0, 1, 2, 3, 7, 64, 200}) {
    const auto ss = random_scalars(rng, n);
    const auto ps = random_points(rng, n);
    const ByteArray<32> expect = sodium_msm(ss, ps);
    EXPECT_EQ(P::multi_mul_vartime(ss, ps).to_bytes(), expect) << n;
    // Both methods, whatever the threshold.
    std::vector<ByteArray<32>> ks;
    std::vector<ed25519::GeP3> gs;
    for (size_t i = 0; i < n; ++i) {
      ks.push_back(ss[i].to_bytes());
      ed25519::GeP3 g;
      ASSERT_EQ(ed25519::ge_decode(ps[i].to_bytes(), &g), 1u);
      gs.push_back(g);
    }
    EXPECT_EQ(ed25519::ge_encode(ed25519::ge_multi_mul_strauss_vartime(ks, gs)), expect) << n;
    EXPECT_EQ(ed25519::ge_encode(ed25519::ge_multi_mul_pippenger_vartime(ks, gs)), expect) << n;
  }
}

TEST(Ed25519Group, MultiMulEdgeCases) {
  DeterministicRng rng(uint64_t{4});
  const P a = P::base_mul(S::random(rng));
  const S s = S::random(rng);
  // Zero scalars, the identity, P and -P, repeated points, L-1 = -1.
  const std::vector<S> ss{S::zero(), s, s, S::random(rng), -S::one(), s};
  const std::vector<P> ps{a, P::identity(), a, a, a, -a};
  EXPECT_EQ(P::multi_mul_vartime(ss, ps).to_bytes(), sodium_msm(ss, ps));
  EXPECT_TRUE(P::multi_mul_vartime(std::vector<S>{s, s}, std::vector<P>{a, -a}).is_identity());
  // Extra entries of the longer span are ignored.
  EXPECT_EQ(P::multi_mul_vartime(std::vector<S>{s, s}, std::vector<P>{a}), s * a);
  // Pippenger with many identical scalars (every bucket collision path).
  std::vector<ByteArray<32>> ks(40, s.to_bytes());
  ed25519::GeP3 g;
  ASSERT_EQ(ed25519::ge_decode(a.to_bytes(), &g), 1u);
  std::vector<ed25519::GeP3> gs(40, g);
  EXPECT_EQ(ed25519::ge_encode(ed25519::ge_multi_mul_pippenger_vartime(ks, gs)),
            (S::from_u64(40) * s * a).to_bytes());
}

TEST(Ed25519Group, EvalPolyMatchesScalarHorner) {
  DeterministicRng rng(uint64_t{5});
  const auto coeff_scalars = random_scalars(rng, 4);
  std::vector<P> coeffs;
  for (const S& c : coeff_scalars) coeffs.push_back(P::base_mul(c));
  const std::vector<uint32_t> xs{0, 1, 2, 3, 15, 100, 65537, 0xffffffffu};
  const auto got = P::eval_poly_vartime(coeffs, xs);
  ASSERT_EQ(got.size(), xs.size());
  for (size_t i = 0; i < xs.size(); ++i) {
    S acc = S::zero();
    for (size_t k = coeff_scalars.size(); k-- > 0;) acc = acc * S::from_u64(xs[i]) + coeff_scalars[k];
    EXPECT_EQ(got[i].to_bytes(), P::base_mul(acc).to_bytes()) << xs[i];
  }
  const auto empty = P::eval_poly_vartime({}, xs);
  ASSERT_EQ(empty.size(), xs.size());
  for (const P& p : empty) EXPECT_TRUE(p.is_identity());
  EXPECT_TRUE(P::eval_poly_vartime(coeffs, {}).empty());
}

TEST(Ed25519Group, PointIsACopyableValue) {
  DeterministicRng rng(uint64_t{6});
  const P a = P::base_mul(S::random(rng));
  P b = a;
  b += a;
  EXPECT_EQ(a + a, b);
  EXPECT_NE(a.to_bytes(), b.to_bytes());
  P c = b;
  c = a;
  EXPECT_EQ(c.to_bytes(), a.to_bytes());
}

}  // namespace
}  // namespace okmpc
