// Input checks on a SigningPackage (RFC 9591 §5.2, §5.3): what a signer checks
// before using its nonces and what the coordinator checks before aggregating.
// All on public data.
#pragma once

#include <algorithm>
#include <span>
#include <string>

#include "protocols/frost/types.hpp"

namespace okmpc::frost {

// The commitment list must be non-empty, strictly increasing by identifier
// (sorted, unique), every identifier in 1..parties, at least `threshold`
// entries, and every element a non-identity group element.
// Errors: kInvalidArgument (order, size, range; culprits = the offending
// identifiers where there is one), kInvalidPoint (identity commitment,
// culprit = its signer).
template <Ciphersuite S>
Status validate_signing_package(const SigningPackage<S>& package, uint32_t threshold, uint32_t parties) {
  const auto& list = package.commitments;
  if (list.size() < threshold || list.empty()) {
    return fail(ErrorCode::kInvalidArgument, "signing package has " + std::to_string(list.size()) +
                                                 " signers, fewer than the threshold " +
                                                 std::to_string(threshold));
  }
  for (size_t k = 0; k < list.size(); ++k) {
    const PartyId id = list[k].identifier;
    if (id == 0 || id > parties) {
      return fail(ErrorCode::kInvalidArgument,
                  "signer identifier " + std::to_string(id) + " outside 1.." + std::to_string(parties), {id});
    }
    if (k > 0 && list[k - 1].identifier >= id) {
      return fail(ErrorCode::kInvalidArgument,
                  "signer list not sorted and unique at identifier " + std::to_string(id), {id});
    }
    if (list[k].hiding.is_identity() || list[k].binding.is_identity()) {
      return fail(ErrorCode::kInvalidPoint,
                  "commitment of signer " + std::to_string(id) + " is the identity element", {id});
    }
  }
  return ok();
}

// A signer's check that the coordinator asks it to sign what it agreed to:
// the same message and exactly the agreed signer set (sorted). kInvalidArgument
// naming nobody (the caller knows who sent the package).
template <Ciphersuite S>
Status check_package_matches(const SigningPackage<S>& package, ByteView expected_message,
                             std::span<const PartyId> expected_signers) {
  if (!std::equal(package.message.begin(), package.message.end(), expected_message.begin(),
                  expected_message.end())) {
    return fail(ErrorCode::kInvalidArgument, "signing package is for a different message");
  }
  const auto signers = package.signers();
  if (!std::equal(signers.begin(), signers.end(), expected_signers.begin(), expected_signers.end())) {
    return fail(ErrorCode::kInvalidArgument, "signing package is for a different signer set");
  }
  return ok();
}

}  // namespace okmpc::frost
