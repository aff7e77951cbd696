// FROST round two, sign (RFC 9591 §5.2): a signer checks the coordinator's
// signing package, consumes its nonces and returns its signature share
//   z_i = d_i + e_i·rho_i + lambda_i·c·sk_i.
#pragma once

#include <algorithm>
#include <string>

#include "protocols/frost/binding.hpp"
#include "protocols/frost/interpolating_value.hpp"
#include "protocols/frost/validate.hpp"

namespace okmpc::frost::round2 {

// Consumes `nonces` (always, also on error: a nonce pair is never offered
// twice). Checks, before touching secrets:
//  - the nonces are unused and were made with this key (kInvalidArgument);
//  - validate_signing_package with the key's threshold and n;
//  - the package includes this signer (kInvalidArgument) with exactly the
//    commitments these nonces open (kProtocolAbort: the coordinator
//    substituted them; no culprit id is known at this layer).
// The share computation is constant time in the nonces and the secret share.
template <Ciphersuite S>
Result<SignatureShare<S>> sign(const SigningPackage<S>& package, SigningNonces<S>&& nonces_in,
                               const KeyShareOf<S>& key) {
  SigningNonces<S> nonces = std::move(nonces_in);
  if (nonces.used()) return fail(ErrorCode::kInvalidArgument, "signing nonces already used");
  if (nonces.commitments().identifier != key.index) {
    return fail(ErrorCode::kInvalidArgument, "signing nonces belong to signer " +
                                                 std::to_string(nonces.commitments().identifier) +
                                                 ", not to " + std::to_string(key.index));
  }
  OKMPC_TRY(validate_signing_package<S>(package, key.threshold, key.parties));
  const auto& list = package.commitments;
  const auto own = std::find_if(list.begin(), list.end(),
                                [&](const SigningCommitments<S>& c) { return c.identifier == key.index; });
  if (own == list.end()) {
    return fail(ErrorCode::kInvalidArgument,
                "signing package does not include signer " + std::to_string(key.index));
  }
  if (!(*own == nonces.commitments())) {
    return fail(ErrorCode::kProtocolAbort,
                "signing package carries commitments for signer " + std::to_string(key.index) +
                    " that it did not make");
  }

  const std::vector<ScalarOf<S>> factors =
      compute_binding_factors<S>(key.group_public_key, list, package.message);
  const PointOf<S> group_commitment = compute_group_commitment_vartime<S>(list, factors);
  if (group_commitment.is_identity()) {
    return fail(ErrorCode::kInvalidPoint, "group commitment is the identity element");
  }
  const ScalarOf<S> challenge = compute_challenge<S>(group_commitment, key.group_public_key, package.message);
  const std::vector<PartyId> signers = package.signers();
  OKMPC_ASSIGN_OR_RETURN(const ScalarOf<S> lambda, interpolating_value<S>(key.index, signers));
  const ScalarOf<S>& rho = factors[static_cast<size_t>(own - list.begin())];

  const Secret<ScalarOf<S>> z(detail::NonceAccess::hiding(nonces).expose() +
                              detail::NonceAccess::binding(nonces).expose() * rho +
                              lambda * challenge * key.secret_share.expose());
  return SignatureShare<S>{key.index, z.expose()};
}

}  // namespace okmpc::frost::round2
