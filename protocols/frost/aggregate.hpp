// FROST aggregation by the coordinator (RFC 9591 §5.3) with share
// verification (§5.4) on failure: the signature is verified once; only if it
// does not verify is every share checked, and the signers whose shares fail
// are all named in one kProtocolAbort. Two forms: an external coordinator
// computes R itself; a coordinator that is also a signer (§5) passes the
// GroupCommitment its round two computed. Public data only (variable time).
#pragma once

#include <algorithm>
#include <string>

#include "protocols/frost/binding.hpp"
#include "protocols/frost/group_commitment.hpp"
#include "protocols/frost/interpolating_value.hpp"
#include "protocols/frost/validate.hpp"
#include "protocols/frost/verify.hpp"

namespace okmpc::frost {

// §5.4 verify_signature_share: z_i·G == (D_i + rho_i·E_i) + (c·lambda_i)·PK_i,
// with the commitment share D_i + rho_i·E_i given (commitment_shares_vartime).
// Everything here is public (z_i was sent), so it is checked as
// z_i·G − (c·lambda_i)·PK_i == D_i + rho_i·E_i with one double_mul_vartime
// (a precomputed table for G) where the group has it.
template <Ciphersuite S>
bool verify_signature_share_vartime(const PointOf<S>& commitment_share, const ScalarOf<S>& challenge,
                                    const ScalarOf<S>& lambda, const PointOf<S>& verification_share,
                                    const SignatureShare<S>& share) {
  const ScalarOf<S> c_lambda = challenge * lambda;
  if constexpr (requires { PointOf<S>::double_mul_vartime(share.share, c_lambda, verification_share); }) {
    return PointOf<S>::double_mul_vartime(share.share, -c_lambda, verification_share) == commitment_share;
  } else {
    return PointOf<S>::base_mul(share.share) == commitment_share + mul_vartime<S>(c_lambda, verification_share);
  }
}

namespace detail {

// The shares in commitment-list order; a stray, duplicate or missing share is
// a kProtocolAbort naming the signer(s) concerned.
template <Ciphersuite S>
Result<std::vector<const SignatureShare<S>*>> order_shares(const SigningPackage<S>& package,
                                                           std::span<const SignatureShare<S>> shares) {
  const auto& list = package.commitments;
  const std::vector<PartyId> signers = package.signers();
  std::vector<const SignatureShare<S>*> ordered(list.size(), nullptr);
  for (const auto& share : shares) {
    const auto it = std::lower_bound(signers.begin(), signers.end(), share.identifier);
    if (it == signers.end() || *it != share.identifier) {
      return fail(ErrorCode::kProtocolAbort,
                  "signature share from " + std::to_string(share.identifier) + ", who is not a signer",
                  {share.identifier});
    }
    auto& slot = ordered[static_cast<size_t>(it - signers.begin())];
    if (slot != nullptr) {
      return fail(ErrorCode::kProtocolAbort, "two signature shares from signer " + std::to_string(share.identifier),
                  {share.identifier});
    }
    slot = &share;
  }
  std::vector<uint32_t> missing;
  for (size_t k = 0; k < list.size(); ++k) {
    if (ordered[k] == nullptr) missing.push_back(list[k].identifier);
  }
  if (!missing.empty()) {
    return fail(ErrorCode::kProtocolAbort, "missing signature shares", missing);
  }
  return ordered;
}

// §5.3 with R, c and rho already known (`gc`, computed for this package and
// key): sum, verify once, and on failure run §5.4 on every share.
template <Ciphersuite S>
Result<Signature<S>> aggregate_with(const SigningPackage<S>& package, std::span<const SignatureShare<S>> shares,
                                    const PublicKeyPackage<S>& keys, const GroupCommitment<S>& gc) {
  const auto& list = package.commitments;
  OKMPC_ASSIGN_OR_RETURN(const auto ordered, order_shares<S>(package, shares));
  ScalarOf<S> z = ScalarOf<S>::zero();
  for (const auto* share : ordered) z = z + share->share;
  const Signature<S> signature{gc.point(), z};
  if (signature_equation_holds_vartime<S>(keys.group_public_key, signature, gc.challenge())) return signature;

  // §5.4 for every share, to name the signers at fault.
  const std::vector<PartyId> signers = package.signers();
  const std::vector<PointOf<S>> commitment_shares = commitment_shares_vartime<S>(list, gc.binding_factors());
  std::vector<uint32_t> cheaters;
  for (size_t k = 0; k < list.size(); ++k) {
    const PartyId id = list[k].identifier;
    OKMPC_ASSIGN_OR_RETURN(const ScalarOf<S> lambda, interpolating_value<S>(id, signers));
    if (!verify_signature_share_vartime<S>(commitment_shares[k], gc.challenge(), lambda,
                                           keys.verification_shares[id - 1], *ordered[k])) {
      cheaters.push_back(id);
    }
  }
  if (cheaters.empty()) {
    return fail(ErrorCode::kInternal, "aggregated signature does not verify but every signature share does");
  }
  std::string names;
  for (uint32_t c : cheaters) names += (names.empty() ? "" : ", ") + std::to_string(c);
  return fail(ErrorCode::kProtocolAbort, "invalid signature share from signer(s) " + names, cheaters);
}

// The checks both aggregate forms start with.
template <Ciphersuite S>
Status check_aggregate_inputs(const SigningPackage<S>& package, const PublicKeyPackage<S>& keys) {
  OKMPC_TRY(validate_signing_package<S>(package, keys.threshold, keys.parties()));
  if (keys.group_public_key.is_identity()) {
    return fail(ErrorCode::kInvalidPoint, "group public key is the identity element");
  }
  return ok();
}

}  // namespace detail

// §5.3 aggregate by an external coordinator, in the order §5.4 allows
// ("aggregate, verify the signature, and only if it fails verify each
// share"): the group commitment is one multi-scalar multiplication, the
// signature (R, Σ z_i) is checked once against the group key, and only when
// that check fails is every share checked (§5.4) to name the signers at
// fault. Shares whose errors cancel in the sum leave a valid signature, which
// is returned: what is released is always a signature that verifies under
// the group key.
// `shares` may come in any order but must hold exactly one share per signer
// of `package`. Errors:
//  - invalid package: as validate_signing_package (threshold and n from keys);
//  - an identity group key or group commitment: kInvalidPoint;
//  - a missing, duplicate or unexpected share: kProtocolAbort naming the
//    signer(s) concerned;
//  - a signature that does not verify: kProtocolAbort naming every signer
//    whose share fails §5.4; kInternal if none does (cannot happen: a sum of
//    valid shares is a valid signature). A signature is never returned
//    unverified.
template <Ciphersuite S>
Result<Signature<S>> aggregate(const SigningPackage<S>& package, std::span<const SignatureShare<S>> shares,
                               const PublicKeyPackage<S>& keys) {
  OKMPC_TRY(detail::check_aggregate_inputs<S>(package, keys));
  OKMPC_ASSIGN_OR_RETURN(const GroupCommitment<S> gc,
                         detail::GroupCommitmentAccess::compute<S>(keys.group_public_key, package));
  return detail::aggregate_with<S>(package, shares, keys, gc);
}

// §5.3 aggregate by a coordinator that is also one of the signers (RFC 9591
// §5): `own` is what its signer's round2::sign_keep_commitment computed, so
// R, c and the binding factors are not recomputed. Everything else is as
// aggregate() above: the final signature is verified before release and,
// if it fails, every share is checked and the cheaters named.
// `own` must belong to this package and key: its group key must equal
// keys.group_public_key and its package digest (H4(msg) || H5(commitment
// list)) must equal this package's, else kInvalidArgument and nothing is
// aggregated. Other errors as aggregate().
template <Ciphersuite S>
Result<Signature<S>> aggregate(const SigningPackage<S>& package, std::span<const SignatureShare<S>> shares,
                               const PublicKeyPackage<S>& keys, const GroupCommitment<S>& own) {
  OKMPC_TRY(detail::check_aggregate_inputs<S>(package, keys));
  if (!(own.group_public_key() == keys.group_public_key)) {
    return fail(ErrorCode::kInvalidArgument, "group commitment was computed under another group key");
  }
  const Bytes digest = package_digest<S>(package.commitments, package.message);
  if (!std::equal(digest.begin(), digest.end(), own.digest().begin(), own.digest().end())) {
    return fail(ErrorCode::kInvalidArgument,
                "group commitment was computed for another signing package (message or commitments differ)");
  }
  return detail::aggregate_with<S>(package, shares, keys, own);
}

}  // namespace okmpc::frost
