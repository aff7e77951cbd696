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

// Appends the batched proof equation's terms to a multi-scalar check
//   Σ_i ρ_i·R_i + Σ_i (ρ_i·c_i)·X_i − (Σ_i ρ_i·z_i)·G
// (2·|claims| + 1 terms; nothing for no claims), with fresh weights ρ_i from
// `rng`: Σ scalars·points == identity then holds for every valid set and for
// a set holding an invalid proof only with probability ≤ 2^-128. Callers may
// add further independently weighted equations to the same check (dkg.hpp's
// round-3 check does). Returns false, appending nothing, when a statement is
// the identity (its discrete log is public: such a proof never passes).
template <Curve C>
bool append_proof_terms_vartime(const Transcript& base, std::span<const PokClaim<C>> claims, Rng& rng,
                                std::vector<typename C::Scalar>& scalars, std::vector<typename C::Point>& points) {
  using Scalar = typename C::Scalar;
  for (const auto& claim : claims) {
    if (claim.statement.is_identity()) return false;
  }
  if (claims.empty()) return true;
  Scalar z_sum = Scalar::zero();
  for (const auto& claim : claims) {
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
  points.push_back(C::Point::generator());
  return true;
}

// True iff one proof verifies against pok_transcript(base, claim.dealer):
// the same equation as mpc's verify (z·G == R + c·X, identity statement
// rejected), checked as one two-term multi-scalar multiplication
// z·G − c·X (the curve's table for G) instead of a constant-time base
// multiplication plus a variable-time one: every input is public.
template <Curve C>
bool proof_holds_vartime(const Transcript& base, const PokClaim<C>& claim) {
  using Scalar = typename C::Scalar;
  using Point = typename C::Point;
  if (claim.statement.is_identity()) return false;
  Transcript tr = pok_transcript(base, claim.dealer);
  const Scalar c = schnorr_detail::challenge<C>(tr, claim.statement, claim.proof.R);
  const Scalar scalars[2] = {claim.proof.z, -c};
  const Point points[2] = {Point::generator(), claim.statement};
  return multi_mul_vartime<C>(scalars, points) == claim.proof.R;
}

// The dealers (in claim order) whose proof does not verify alone
// (proof_holds_vartime); empty when all verify.
template <Curve C>
std::vector<runtime::PartyId> failing_proofs_each_vartime(const Transcript& base,
                                                          std::span<const PokClaim<C>> claims) {
  std::vector<runtime::PartyId> bad;
  for (const auto& claim : claims) {
    if (!proof_holds_vartime<C>(base, claim)) bad.push_back(claim.dealer);
  }
  return bad;
}

// The dealers (in claim order) whose proof does not verify against
// pok_transcript(base, dealer); empty when all verify.
//  - batch = true: the batched check above (append_proof_terms_vartime,
//    weights from `rng`); only if it fails, every proof is checked alone to
//    name the culprits. kInternal if the batch failed but every proof
//    verifies alone (a bug: a combination of true equations is true).
//  - batch = false: every proof checked alone; `rng` unused.
// An identity statement always fails (its discrete log is public).
template <Curve C>
Result<std::vector<runtime::PartyId>> failing_proofs_vartime(const Transcript& base,
                                                             std::span<const PokClaim<C>> claims, bool batch,
                                                             Rng& rng) {
  if (batch) {
    std::vector<typename C::Scalar> scalars;
    std::vector<typename C::Point> points;
    scalars.reserve(2 * claims.size() + 1);
    points.reserve(2 * claims.size() + 1);
    if (append_proof_terms_vartime<C>(base, claims, rng, scalars, points) &&
        multi_mul_is_identity_vartime<C>(scalars, points)) {
      return std::vector<runtime::PartyId>{};
    }
  }
  std::vector<runtime::PartyId> bad = failing_proofs_each_vartime<C>(base, claims);
  if (batch && bad.empty() && !claims.empty()) {
    return fail(ErrorCode::kInternal, "dkg: batched proof check failed but every proof verifies alone");
  }
  return bad;
}

}  // namespace okmpc::dkg
