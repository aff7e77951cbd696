// FROST aggregation by the coordinator (RFC 9591 §5.3) with share
// verification (§5.4): every share is checked, the signers whose shares fail
// are all named in one kProtocolAbort, and the final signature is verified
// before it is returned. Public data only (variable time).
#pragma once

#include <algorithm>
#include <string>

#include "mpc/lagrange.hpp"
#include "protocols/frost/binding.hpp"
#include "protocols/frost/validate.hpp"
#include "protocols/frost/verify.hpp"

namespace okmpc::frost {

// §5.4 verify_signature_share: z_i·G == (D_i + rho_i·E_i) + (c·lambda_i)·PK_i,
// with the commitment share D_i + rho_i·E_i given (commitment_shares_vartime).
template <Ciphersuite S>
bool verify_signature_share_vartime(const PointOf<S>& commitment_share, const ScalarOf<S>& challenge,
                                    const ScalarOf<S>& lambda, const PointOf<S>& verification_share,
                                    const SignatureShare<S>& share) {
  const PointOf<S> expected = commitment_share + mul_vartime<S>(challenge * lambda, verification_share);
  return PointOf<S>::base_mul(share.share) == expected;
}

// §5.3 aggregate. `shares` may come in any order but must hold exactly one
// share per signer of `package`. Errors:
//  - invalid package: as validate_signing_package (threshold and n from keys);
//  - a missing, duplicate or unexpected share: kProtocolAbort naming the
//    signer(s) concerned;
//  - shares that fail §5.4: kProtocolAbort naming every such signer;
//  - final signature not verifying (cannot happen when all shares verified):
//    kInternal. A signature is never returned unverified.
template <Ciphersuite S>
Result<Signature<S>> aggregate(const SigningPackage<S>& package, std::span<const SignatureShare<S>> shares,
                               const PublicKeyPackage<S>& keys) {
  OKMPC_TRY(validate_signing_package<S>(package, keys.threshold, keys.parties()));
  const auto& list = package.commitments;
  const std::vector<PartyId> signers = package.signers();

  // Order the shares like the commitment list; reject strays and duplicates.
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

  const std::vector<ScalarOf<S>> factors = compute_binding_factors<S>(keys.group_public_key, list, package.message);
  const std::vector<PointOf<S>> commitment_shares = commitment_shares_vartime<S>(list, factors);
  const PointOf<S> group_commitment = PointOf<S>::sum(commitment_shares);
  if (group_commitment.is_identity()) {
    return fail(ErrorCode::kInvalidPoint, "group commitment is the identity element");
  }
  const ScalarOf<S> challenge = compute_challenge<S>(group_commitment, keys.group_public_key, package.message);

  ScalarOf<S> z = ScalarOf<S>::zero();
  std::vector<uint32_t> cheaters;
  for (size_t k = 0; k < list.size(); ++k) {
    const PartyId id = list[k].identifier;
    OKMPC_ASSIGN_OR_RETURN(const ScalarOf<S> lambda, (lagrange_coefficient<typename S::Group>(id, signers)));
    if (!verify_signature_share_vartime<S>(commitment_shares[k], challenge, lambda,
                                           keys.verification_shares[id - 1], *ordered[k])) {
      cheaters.push_back(id);
    }
    z = z + ordered[k]->share;
  }
  if (!cheaters.empty()) {
    std::string names;
    for (uint32_t c : cheaters) names += (names.empty() ? "" : ", ") + std::to_string(c);
    return fail(ErrorCode::kProtocolAbort, "invalid signature share from signer(s) " + names, cheaters);
  }
  Signature<S> signature{group_commitment, z};
  if (auto st = verify_signature_vartime<S>(keys.group_public_key, package.message, signature); !st) {
    return fail(ErrorCode::kInternal, "aggregated signature does not verify: " + st.error().message);
  }
  return signature;
}

}  // namespace okmpc::frost
