// The same tests on every curve: group and scalar laws, Shamir split and
// reconstruct, Lagrange, Feldman share verification, the Schnorr proof of
// knowledge and the transcript, and codec round trips.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "mpc/codec.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/feldman.hpp"
#include "mpc/lagrange.hpp"
#include "mpc/polynomial.hpp"
#include "mpc/rng.hpp"
#include "mpc/schnorr_proof.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/toy_curve.hpp"
#include "mpc/transcript.hpp"

namespace okmpc {
namespace {

template <class C>
class TypedCurve : public ::testing::Test {
 protected:
  using Scalar = typename C::Scalar;
  using Point = typename C::Point;
  DeterministicRng rng{uint64_t{0xC0FFEE}};
};

using Curves = ::testing::Types<Secp256k1, Ed25519, ToyCurve>;
class CurveNames {
 public:
  template <class C>
  static std::string GetName(int) {
    return std::string(C::kName);
  }
};
TYPED_TEST_SUITE(TypedCurve, Curves, CurveNames);

TYPED_TEST(TypedCurve, ScalarFieldLaws) {
  using S = typename TypeParam::Scalar;
  for (int i = 0; i < 10; ++i) {
    S a = S::random(this->rng), b = S::random(this->rng), c = S::random(this->rng);
    EXPECT_EQ(a + b, b + a);
    EXPECT_EQ(a * (b + c), a * b + a * c);
    EXPECT_EQ((a - b) + b, a);
    EXPECT_EQ(a + (-a), S::zero());
    EXPECT_EQ(a * a.invert(), S::one());
    EXPECT_EQ(*S::from_bytes(a.to_bytes()), a);
  }
  EXPECT_TRUE(S::zero().invert().is_zero());
  EXPECT_EQ(S::from_u64(6), S::from_u64(2) * S::from_u64(3));
}

TYPED_TEST(TypedCurve, GroupLawsAndIdentityHandling) {
  using S = typename TypeParam::Scalar;
  using P = typename TypeParam::Point;
  const P G = P::generator();
  const P O = P::identity();
  EXPECT_EQ(P::base_mul(S::one()), G);
  EXPECT_TRUE(P::base_mul(S::zero()).is_identity());
  EXPECT_TRUE((S::zero() * G).is_identity());
  EXPECT_TRUE((S::from_u64(5) * O).is_identity());
  EXPECT_TRUE(mul_vartime<TypeParam>(S::zero(), G).is_identity());
  EXPECT_TRUE(mul_vartime<TypeParam>(S::from_u64(5), O).is_identity());
  EXPECT_TRUE((G - G).is_identity());
  EXPECT_TRUE((G + (-G)).is_identity());
  EXPECT_EQ(G + O, G);
  EXPECT_EQ(O + G, G);
  EXPECT_EQ(-O, O);
  EXPECT_EQ(G + G, S::from_u64(2) * G);
  EXPECT_TRUE((-S::one() * G + G).is_identity());
  for (int i = 0; i < 5; ++i) {
    S a = S::random(this->rng), b = S::random(this->rng);
    EXPECT_EQ(P::base_mul(a) + P::base_mul(b), P::base_mul(a + b));
    EXPECT_EQ(a * P::base_mul(b), P::base_mul(a * b));
    EXPECT_EQ(mul_vartime<TypeParam>(a, P::base_mul(b)), P::base_mul(a * b));
    P A = P::base_mul(a);
    EXPECT_EQ(*P::from_bytes(A.to_bytes()), A);
    EXPECT_FALSE(P::from_bytes(O.to_bytes()));
  }
}

TYPED_TEST(TypedCurve, SumAndMultiMul) {
  using S = typename TypeParam::Scalar;
  using P = typename TypeParam::Point;
  std::vector<S> ss;
  std::vector<P> ps;
  P expect_sum = P::identity(), expect_mm = P::identity();
  for (int i = 0; i < 6; ++i) {
    ss.push_back(i == 2 ? S::zero() : S::random(this->rng));
    ps.push_back(i == 4 ? P::identity() : P::base_mul(S::random(this->rng)));
    expect_sum += ps.back();
    expect_mm += ss.back() * ps.back();
  }
  EXPECT_EQ(P::sum(ps), expect_sum);
  EXPECT_EQ(P::multi_mul_vartime(ss, ps), expect_mm);
  EXPECT_TRUE(P::sum({}).is_identity());
  std::vector<P> cancel = {ps[0], -ps[0]};
  EXPECT_TRUE(P::sum(cancel).is_identity());
}

TYPED_TEST(TypedCurve, ShamirAnyTSharesReconstruct) {
  using C = TypeParam;
  using S = typename C::Scalar;
  const S secret = S::random(this->rng);
  const size_t t = 3, n = 5;
  auto shares = shamir_split<C>(secret, t, n, this->rng);
  ASSERT_EQ(shares.size(), n);
  // Every 3-subset reconstructs; 2 shares do not (with overwhelming
  // probability, and always on these fixed seeds).
  for (size_t a = 0; a < n; ++a) {
    for (size_t b = a + 1; b < n; ++b) {
      for (size_t c = b + 1; c < n; ++c) {
        std::vector<std::pair<uint32_t, S>> subset = {
            {shares[a].first, shares[a].second.expose()},
            {shares[b].first, shares[b].second.expose()},
            {shares[c].first, shares[c].second.expose()}};
        auto r = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, S>>(subset));
        ASSERT_TRUE(r);
        EXPECT_EQ(*r, secret);
      }
    }
  }
  auto all = shamir_reconstruct<C>(std::span<const ShamirShare<C>>(shares));
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, secret);
  std::vector<std::pair<uint32_t, S>> two = {{shares[0].first, shares[0].second.expose()},
                                             {shares[1].first, shares[1].second.expose()}};
  auto wrong = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, S>>(two));
  ASSERT_TRUE(wrong);
  EXPECT_NE(*wrong, secret);
}

TYPED_TEST(TypedCurve, ShamirRejectsBadIdsAndParameters) {
  using C = TypeParam;
  using S = typename C::Scalar;
  std::vector<std::pair<uint32_t, S>> dup = {{1, S::one()}, {2, S::one()}, {1, S::one()}};
  auto r = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, S>>(dup));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{1});
  std::vector<std::pair<uint32_t, S>> zero = {{0, S::one()}, {2, S::one()}};
  r = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, S>>(zero));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(shamir_split<C>(S::one(), 0, 3, this->rng).empty());
  EXPECT_TRUE(shamir_split<C>(S::one(), 4, 3, this->rng).empty());
  EXPECT_EQ(shamir_split<C>(S::one(), 1, 1, this->rng).size(), 1u);
}

TYPED_TEST(TypedCurve, LagrangeCoefficients) {
  using C = TypeParam;
  using S = typename C::Scalar;
  const std::vector<uint32_t> ids = {1, 3, 4};
  // λ_1 = (3·4)/((3−1)(4−1)) = 2 ; λ_3 = (1·4)/((1−3)(4−3)) = −2 ; λ_4 = (1·3)/((1−4)(3−4)) = 1
  EXPECT_EQ(*lagrange_coefficient<C>(1, ids), S::from_u64(2));
  EXPECT_EQ(*lagrange_coefficient<C>(3, ids), -S::from_u64(2));
  EXPECT_EQ(*lagrange_coefficient<C>(4, ids), S::one());
  auto missing = lagrange_coefficient<C>(2, ids);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kInvalidArgument);
  const std::vector<uint32_t> with_zero = {0, 1};
  EXPECT_FALSE(lagrange_coefficient<C>(1, with_zero));
  const std::vector<uint32_t> empty;
  EXPECT_FALSE(lagrange_coefficients<C>(empty));
  // All at once (one shared inversion): the same values, in the order of ids.
  const auto all = lagrange_coefficients<C>(ids);
  ASSERT_TRUE(all);
  EXPECT_EQ(*all, (std::vector<S>{S::from_u64(2), -S::from_u64(2), S::one()}));
  const std::vector<uint32_t> unsorted = {7, 2, 5, 11};
  const auto batch = lagrange_coefficients<C>(unsorted);
  ASSERT_TRUE(batch);
  for (size_t i = 0; i < unsorted.size(); ++i) EXPECT_EQ((*batch)[i], *lagrange_coefficient<C>(unsorted[i], unsorted));
  EXPECT_FALSE(lagrange_coefficients<C>(with_zero));
}

TYPED_TEST(TypedCurve, FeldmanAcceptsHonestSharesRejectsTampered) {
  using C = TypeParam;
  using S = typename C::Scalar;
  using P = typename C::Point;
  auto poly = Polynomial<C>::random(S::random(this->rng), 2, this->rng);
  EXPECT_EQ(poly.degree(), 2u);
  const std::vector<P> commitments = poly.commitments();
  ASSERT_EQ(commitments.size(), 3u);
  EXPECT_EQ(commitments[0], P::base_mul(poly.constant().expose()));
  for (uint32_t x = 1; x <= 5; ++x) {
    auto share = poly.evaluate(x);
    EXPECT_TRUE(verify_share<C>(commitments, x, share.expose())) << x;
    EXPECT_FALSE(verify_share<C>(commitments, x, share.expose() + S::one())) << x;
    EXPECT_FALSE(verify_share<C>(commitments, x + 1, share.expose())) << x;
  }
  EXPECT_FALSE(verify_share<C>(commitments, 0, poly.constant().expose()));
  EXPECT_FALSE(verify_share<C>(std::span<const P>(), 1, S::zero()));
  std::vector<P> tampered = commitments;
  tampered[2] = tampered[2] + P::generator();
  EXPECT_FALSE(verify_share<C>(tampered, 1, poly.evaluate(1).expose()));
  std::vector<P> short_vec(commitments.begin(), commitments.begin() + 2);
  EXPECT_FALSE(verify_share<C>(short_vec, 2, poly.evaluate(2).expose()));
}

TYPED_TEST(TypedCurve, PolynomialEvaluateMatchesDirectSum) {
  using C = TypeParam;
  using S = typename C::Scalar;
  std::vector<Secret<S>> coeffs;
  coeffs.emplace_back(S::from_u64(7));
  coeffs.emplace_back(S::from_u64(5));
  coeffs.emplace_back(S::from_u64(3));
  auto poly = Polynomial<C>::from_coefficients(std::move(coeffs));
  // f(10) = 7 + 50 + 300 = 357
  EXPECT_EQ(poly.evaluate(10).expose(), S::from_u64(357));
  EXPECT_EQ(poly.evaluate(0).expose(), S::from_u64(7));
  auto zero = Polynomial<C>::from_coefficients({});
  EXPECT_EQ(zero.degree(), 0u);
  EXPECT_TRUE(zero.evaluate(5).expose().is_zero());
}

TYPED_TEST(TypedCurve, SchnorrProofBindsTranscript) {
  using C = TypeParam;
  using S = typename C::Scalar;
  using P = typename C::Point;
  Secret<S> x(S::random(this->rng));
  const P X = P::base_mul(x.expose());
  const Bytes sid = {1, 2, 3};
  Transcript tp("okmpc/test/pok", sid);
  tp.append_u64("prover", 2);
  auto proof = prove<C>(tp, x, X, this->rng);

  auto fresh = [&](uint64_t prover, ByteView session) {
    Transcript t("okmpc/test/pok", session);
    t.append_u64("prover", prover);
    return t;
  };
  {
    auto tv = fresh(2, sid);
    EXPECT_TRUE(verify<C>(tv, X, proof));
  }
  {
    auto tv = fresh(3, sid);  // another prover's context
    auto st = verify<C>(tv, X, proof);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kVerificationFailed);
  }
  {
    const Bytes other = {1, 2, 4};
    auto tv = fresh(2, other);  // another session
    EXPECT_FALSE(verify<C>(tv, X, proof));
  }
  {
    auto tv = fresh(2, sid);
    EXPECT_FALSE(verify<C>(tv, X + P::generator(), proof));  // another statement
  }
  {
    auto tv = fresh(2, sid);
    SchnorrProof<C> bad = proof;
    bad.z = bad.z + S::one();
    EXPECT_FALSE(verify<C>(tv, X, bad));
  }
  {
    auto tv = fresh(2, sid);
    auto st = verify<C>(tv, P::identity(), proof);
    ASSERT_FALSE(st);
    EXPECT_EQ(st.error().code, ErrorCode::kInvalidPoint);
  }
  // Wire round trip, strict length.
  const Bytes wire = proof.to_bytes();
  ASSERT_EQ(wire.size(), SchnorrProof<C>::kBytes);
  auto back = SchnorrProof<C>::from_bytes(wire);
  ASSERT_TRUE(back);
  {
    auto tv = fresh(2, sid);
    EXPECT_TRUE(verify<C>(tv, X, *back));
  }
  Bytes longer = wire;
  longer.push_back(0);
  auto trailing = SchnorrProof<C>::from_bytes(longer);
  ASSERT_FALSE(trailing);
  EXPECT_EQ(trailing.error().code, ErrorCode::kInvalidEncoding);
  EXPECT_FALSE(SchnorrProof<C>::from_bytes(ByteView(wire).first(wire.size() - 1)));
}

TYPED_TEST(TypedCurve, TranscriptChallengesAreDeterministicAndDistinct) {
  using C = TypeParam;
  Transcript a("okmpc/test/transcript");
  Transcript b("okmpc/test/transcript");
  a.append_point<C>("P", C::Point::generator());
  b.append_point<C>("P", C::Point::generator());
  auto ca = a.template challenge<C>("c");
  auto cb = b.template challenge<C>("c");
  EXPECT_EQ(ca, cb);
  EXPECT_NE(a.template challenge<C>("c"), ca);  // successive challenges differ
  Transcript d("okmpc/test/transcript-other");
  d.append_point<C>("P", C::Point::generator());
  EXPECT_NE(d.template challenge<C>("c"), ca);  // domain separation
}

TYPED_TEST(TypedCurve, CodecRoundTripAndStrictness) {
  using C = TypeParam;
  using S = typename C::Scalar;
  using P = typename C::Point;
  const S s = S::random(this->rng);
  const std::vector<P> ps = {P::base_mul(S::random(this->rng)), P::generator()};
  ByteWriter w;
  w.write_u32(7).write_point<C>(ps[0]).template write_scalar<C>(s).template write_points<C>(ps);
  const Bytes wire = w.finish();
  {
    ByteReader r(wire, "test payload");
    EXPECT_EQ(*r.read_u32(), 7u);
    EXPECT_EQ(*r.template read_point<C>(), ps[0]);
    EXPECT_EQ(*r.template read_scalar<C>(), s);
    auto back = r.template read_points<C>(2);
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, ps);
    EXPECT_TRUE(r.finish());
  }
  {
    ByteReader r(wire, "test payload");
    (void)r.read_u32();
    (void)r.template read_point<C>();
    (void)r.template read_scalar<C>();
    auto wrong_len = r.template read_points<C>(3);  // commitments of the wrong length
    ASSERT_FALSE(wrong_len);
    EXPECT_EQ(wrong_len.error().code, ErrorCode::kInvalidEncoding);
  }
  {
    ByteReader r(wire, "test payload");
    (void)r.read_u32();
    (void)r.template read_point<C>();
    EXPECT_FALSE(r.finish());  // trailing bytes
  }
  {
    Bytes bad = wire;
    std::fill(bad.begin() + 4, bad.begin() + 4 + static_cast<long>(C::kPointBytes), 0);
    ByteReader r(bad, "test payload");
    (void)r.read_u32();
    auto p = r.template read_point<C>("commitment");
    ASSERT_FALSE(p);
    EXPECT_NE(p.error().message.find("commitment at offset 4"), std::string::npos)
        << p.error().message;
  }
}

}  // namespace
}  // namespace okmpc
