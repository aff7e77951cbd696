// FROST round two, sign (RFC 9591 §5.2): a signer checks the coordinator's
// signing package, consumes its nonces and returns its signature share
//   z_i = d_i + e_i·rho_i + lambda_i·c·sk_i
// (and, for a signer that is also the coordinator, the GroupCommitment it
// computed on the way, see protocols/frost/group_commitment.hpp).
#pragma once

#include <algorithm>
#include <string>

#include "protocols/frost/binding.hpp"
#include "protocols/frost/group_commitment.hpp"
#include "protocols/frost/interpolating_value.hpp"
#include "protocols/frost/validate.hpp"

namespace okmpc::frost::round2 {

template <Ciphersuite S>
struct SignOutput {
  SignatureShare<S> share;         // send to the coordinator
  GroupCommitment<S> commitment;   // R, c and rho for this package (public)
};

// §5.2 sign, also returning the GroupCommitment it computed, for a
// coordinator that is itself one of the signers (RFC 9591 §5) to pass to
// aggregate(). Consumes `nonces` (always, also on error: a nonce pair is
// never offered twice). Checks, before touching secrets:
//  - the nonces are unused and were made with this key (kInvalidArgument);
//  - validate_signing_package with the key's threshold and n;
//  - the package includes this signer (kInvalidArgument) with exactly the
//    commitments these nonces open (kProtocolAbort: the coordinator
//    substituted them; no culprit id is known at this layer);
//  - R is not the identity (kInvalidPoint).
// The share computation is constant time in the nonces and the secret share.
template <Ciphersuite S>
Result<SignOutput<S>> sign_keep_commitment(const SigningPackage<S>& package, SigningNonces<S>&& nonces_in,
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

  OKMPC_ASSIGN_OR_RETURN(GroupCommitment<S> gc,
                         detail::GroupCommitmentAccess::compute<S>(key.group_public_key, package));
  const std::vector<PartyId> signers = package.signers();
  OKMPC_ASSIGN_OR_RETURN(const ScalarOf<S> lambda, interpolating_value<S>(key.index, signers));
  const ScalarOf<S>& rho = gc.binding_factors()[static_cast<size_t>(own - list.begin())];

  const Secret<ScalarOf<S>> z(detail::NonceAccess::hiding(nonces).expose() +
                              detail::NonceAccess::binding(nonces).expose() * rho +
                              lambda * gc.challenge() * key.secret_share.expose());
  return SignOutput<S>{SignatureShare<S>{key.index, z.expose()}, std::move(gc)};
}

// §5.2 sign: the signature share z_i alone (the signer is not the
// coordinator). Same checks and errors as sign_keep_commitment.
template <Ciphersuite S>
Result<SignatureShare<S>> sign(const SigningPackage<S>& package, SigningNonces<S>&& nonces,
                               const KeyShareOf<S>& key) {
  OKMPC_ASSIGN_OR_RETURN(SignOutput<S> out, sign_keep_commitment<S>(package, std::move(nonces), key));
  return out.share;
}

}  // namespace okmpc::frost::round2
