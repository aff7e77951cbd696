// Verification of all dealers' proofs of knowledge in DKG round 1
// (Komlo–Goldberg 2020, Fig. 1 round 1 step 5: "upon receiving ... verify
// σ_ℓ"; RFC 9591 Appendix C), batched: one multi-scalar check for every proof
// of the round instead of one check per dealer, per-proof checks only when
// the batch fails, to name the culprits. Design and measurements:
// papers/dkg.md §"Batched checks".
//
// Each proof (R_i, z_i) on statement X_i = C_{i,0} holds iff
//   z_i·G == R_i + c_i·X_i,  c_i = the Schnorr challenge drawn from
//   pok_transcript(base, i) (mpc/schnorr_proof.hpp).
// The batch checks the random linear combination (Bellare–Garay–Rabin 1998)
//   Σ_i ρ_i·R_i + Σ_i (ρ_i·c_i)·X_i − (Σ_i ρ_i·z_i)·G == identity
// with ρ_i = random_batch_weight (128 bits, the checking party's own Rng):
// a set holding a false proof passes with probability ≤ 2^-128. All inputs
// are public: variable time.
#pragma once

#include <span>
#include <vector>

#include "mpc/schnorr_proof.hpp"
#include "protocols/dkg/messages.hpp"
#include "protocols/dkg/point_sums.hpp"

namespace okmpc::dkg {

// One dealer's claim: its constant-term commitment and the proof for it.
template <Curve C>
struct PokClaim {
  runtime::PartyId dealer = 0;
  typename C::Point statement;  // X = C_{dealer,0}
  SchnorrProof<C> proof;
};

// The dealers (in claim order) whose proof does not verify against
// pok_transcript(base, dealer); empty when all verify.
//  - batch = true: the batched check above, weights from `rng`; only if it
//    fails, every proof is checked alone (mpc's verify) to name the culprits.
//    kInternal if the batch failed but every proof verifies alone (a bug:
//    a combination of true equations is true).
//  - batch = false: every proof checked alone; `rng` unused.
// An identity statement always fails (its discrete log is public).
template <Curve C>
Result<std::vector<runtime::PartyId>> failing_proofs_vartime(const Transcript& base,
                                                             std::span<const PokClaim<C>> claims, bool batch,
                                                             Rng& rng) {
  using Scalar = typename C::Scalar;
  using Point = typename C::Point;
  bool batch_holds = false;
  if (batch) {
    std::vector<Scalar> scalars;
    std::vector<Point> points;
    scalars.reserve(2 * claims.size() + 1);
    points.reserve(2 * claims.size() + 1);
    Scalar z_sum = Scalar::zero();
    bool identity_statement = false;
    for (const auto& claim : claims) {
      identity_statement = identity_statement || claim.statement.is_identity();
      Transcript tr = pok_transcript(base, claim.dealer);
      const Scalar c = schnorr_detail::challenge<C>(tr, claim.statement, claim.proof.R);
      const Scalar rho = random_batch_weight<C>(rng);
      scalars.push_back(rho);
      points.push_back(claim.proof.R);
      scalars.push_back(rho * c);
      points.push_back(claim.statement);
      z_sum = z_sum + rho * claim.proof.z;
    }
    scalars.push_back(-z_sum);
    points.push_back(Point::generator());
    batch_holds = !identity_statement && multi_mul_is_identity_vartime<C>(scalars, points);
  }
  std::vector<runtime::PartyId> bad;
  if (batch_holds) return bad;
  for (const auto& claim : claims) {
    Transcript tr = pok_transcript(base, claim.dealer);
    if (!verify<C>(tr, claim.statement, claim.proof)) bad.push_back(claim.dealer);
  }
  if (batch && bad.empty() && !claims.empty()) {
    return fail(ErrorCode::kInternal, "dkg: batched proof check failed but every proof verifies alone");
  }
  return bad;
}

}  // namespace okmpc::dkg
