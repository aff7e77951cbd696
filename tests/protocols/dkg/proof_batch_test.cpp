// Batched verification of the DKG's proofs of knowledge
// (protocols/dkg/proof_batch.hpp): valid sets pass in both modes; any bad
// proof among many makes the batch fail and the per-proof fallback names
// exactly the bad dealers, the same set the per-dealer mode names.
#include <gtest/gtest.h>

#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/proof_batch.hpp"

namespace okmpc::dkg {
namespace {

template <class C>
class ProofBatch : public ::testing::Test {
 protected:
  // Honest claims of dealers 1..n, bound to `base_`.
  std::vector<PokClaim<C>> honest_claims(uint32_t n, Rng& rng) const {
    std::vector<PokClaim<C>> claims;
    for (runtime::PartyId dealer = 1; dealer <= n; ++dealer) {
      const Secret<typename C::Scalar> x(C::Scalar::random(rng));
      const auto X = C::Point::base_mul(x.expose());
      Transcript tr = pok_transcript(base_, dealer);
      claims.push_back(PokClaim<C>{dealer, X, prove<C>(tr, x, X, rng)});
    }
    return claims;
  }

  // The dealers named in both modes; fails the test if the modes disagree.
  std::vector<runtime::PartyId> named(const std::vector<PokClaim<C>>& claims, Rng& rng) const {
    auto batched = failing_proofs_vartime<C>(base_, claims, true, rng);
    auto single = failing_proofs_vartime<C>(base_, claims, false, rng);
    EXPECT_TRUE(batched) << batched.error();
    EXPECT_TRUE(single) << single.error();
    if (!batched || !single) return {0};
    EXPECT_EQ(*batched, *single);
    return *batched;
  }

  const Transcript base_ = pok_base_transcript<C>(runtime::SessionId{7}, 5, 24);
};
using Curves = ::testing::Types<Secp256k1, Ed25519>;
TYPED_TEST_SUITE(ProofBatch, Curves);

TYPED_TEST(ProofBatch, HonestProofsPass) {
  DeterministicRng rng(1);
  EXPECT_TRUE(this->named(this->honest_claims(24, rng), rng).empty());
  EXPECT_TRUE(this->named({}, rng).empty());
}

TYPED_TEST(ProofBatch, EachKindOfBadProofAmongManyIsNamed) {
  using C = TypeParam;
  DeterministicRng rng(2);
  auto claims = this->honest_claims(24, rng);
  claims[3].proof.z = claims[3].proof.z + C::Scalar::one();              // dealer 4: wrong response
  claims[10].proof.R = claims[10].proof.R + C::Point::generator();       // dealer 11: wrong nonce commitment
  claims[16].statement = claims[16].statement + C::Point::generator();   // dealer 17: rogue key
  claims[20].dealer = 22;                                                // proof of dealer 21 replayed as 22
  claims[21].dealer = 21;                                                //   and 22's as 21
  EXPECT_EQ(this->named(claims, rng), (std::vector<runtime::PartyId>{4, 11, 17, 22, 21}));
}

TYPED_TEST(ProofBatch, ASingleBadProofIsNeverMissed) {
  // Any position, many weight draws: the batch never lets it through.
  using C = TypeParam;
  DeterministicRng rng(3);
  const auto honest = this->honest_claims(8, rng);
  for (size_t bad = 0; bad < honest.size(); ++bad) {
    auto claims = honest;
    claims[bad].proof.z = claims[bad].proof.z - C::Scalar::from_u64(bad + 1);
    for (int draw = 0; draw < 4; ++draw) {
      auto r = failing_proofs_vartime<C>(this->base_, claims, true, rng);
      ASSERT_TRUE(r) << r.error();
      EXPECT_EQ(*r, std::vector<runtime::PartyId>{claims[bad].dealer});
    }
  }
}

TYPED_TEST(ProofBatch, ProofsForAnotherSessionFail) {
  using C = TypeParam;
  DeterministicRng rng(4);
  const auto claims = this->honest_claims(6, rng);
  const Transcript other = pok_base_transcript<C>(runtime::SessionId{8}, 5, 24);
  auto r = failing_proofs_vartime<C>(other, claims, true, rng);
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(*r, (std::vector<runtime::PartyId>{1, 2, 3, 4, 5, 6}));
}

TYPED_TEST(ProofBatch, IdentityStatementFails) {
  using C = TypeParam;
  DeterministicRng rng(5);
  auto claims = this->honest_claims(3, rng);
  claims[1].statement = C::Point::identity();
  EXPECT_EQ(this->named(claims, rng), std::vector<runtime::PartyId>{2});
}

// The single-proof check (a two-term multi-scalar multiplication) decides
// exactly like mpc's verify (constant-time base multiplication) on good and
// bad proofs.
TYPED_TEST(ProofBatch, SingleCheckAgreesWithMpcVerify) {
  using C = TypeParam;
  DeterministicRng rng(7);
  auto claims = this->honest_claims(6, rng);
  claims[1].proof.z = claims[1].proof.z + C::Scalar::one();
  claims[2].proof.R = claims[2].proof.R + C::Point::generator();
  claims[3].statement = claims[3].statement + C::Point::generator();
  claims[4].dealer = 1;  // a proof bound to dealer 5 claimed by dealer 1
  for (const auto& claim : claims) {
    Transcript tr = pok_transcript(this->base_, claim.dealer);
    EXPECT_EQ(proof_holds_vartime<C>(this->base_, claim), static_cast<bool>(verify<C>(tr, claim.statement, claim.proof)))
        << "claim of dealer " << claim.dealer;
  }
  EXPECT_EQ(failing_proofs_each_vartime<C>(this->base_, claims), (std::vector<runtime::PartyId>{2, 3, 4, 1}));
}

// The terms append_proof_terms_vartime adds make an identity sum exactly for
// valid sets, also when another weighted equation shares the check.
TYPED_TEST(ProofBatch, AppendedTermsComposeWithOtherEquations) {
  using C = TypeParam;
  DeterministicRng rng(8);
  auto claims = this->honest_claims(5, rng);
  const auto x = C::Scalar::random(rng);
  std::vector<typename C::Scalar> scalars{x, -x};  // x·G − x·G: another true equation
  std::vector<typename C::Point> points{C::Point::generator(), C::Point::generator()};
  ASSERT_TRUE(append_proof_terms_vartime<C>(this->base_, claims, rng, scalars, points));
  EXPECT_EQ(scalars.size(), 2u + 2 * 5 + 1);
  EXPECT_TRUE(multi_mul_is_identity_vartime<C>(scalars, points));

  claims[2].proof.z = claims[2].proof.z + C::Scalar::one();
  scalars.resize(2);
  points.resize(2);
  ASSERT_TRUE(append_proof_terms_vartime<C>(this->base_, claims, rng, scalars, points));
  EXPECT_FALSE(multi_mul_is_identity_vartime<C>(scalars, points));

  claims[0].statement = C::Point::identity();
  scalars.resize(2);
  points.resize(2);
  EXPECT_FALSE(append_proof_terms_vartime<C>(this->base_, claims, rng, scalars, points));
  EXPECT_EQ(scalars.size(), 2u);
}

TYPED_TEST(ProofBatch, WeightsAreNonzero128BitScalars) {
  using C = TypeParam;
  DeterministicRng rng(6);
  for (int i = 0; i < 64; ++i) {
    const auto w = random_batch_weight<C>(rng);
    EXPECT_FALSE(w.is_zero());
    const auto bytes = w.to_bytes();
    // The 16 most significant bytes are zero (big-endian secp256k1,
    // little-endian Ed25519).
    const bool big_endian = std::is_same_v<C, Secp256k1>;
    for (size_t k = 0; k < 16; ++k) EXPECT_EQ(bytes[big_endian ? k : 31 - k], 0) << i;
  }
}

}  // namespace
}  // namespace okmpc::dkg
