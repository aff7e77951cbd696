// The auth quorum certificate, checked again by the parties that act on it
// (issue 10: "the chain/DWN check that quorum again before acting"):
//  - verify_authorization: decode the certificate (auth/quorum_json) and
//    verify it against the auth network's policy (auth/quorum.hpp
//    verify_quorum_certificate: distinct policy nodes, valid Ed25519
//    signatures, one subject, unexpired, >= quorum of them).
//  - make_registration_authorizer: the chain's admission check
//    (chain/registration_authorizer.hpp): a verified certificate whose
//    session is the registered one and whose identity owns the sender SWA.
// Each DWN node runs verify_authorization before it binds or signs.
// Header-only, so the tests can use it with the auth and chain libraries.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "auth/quorum.hpp"
#include "chain/registration_authorizer.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"

namespace okmpc::gateway {

struct AuthorizedSubject {
  std::string identity;          // "<provider>:<subject hash hex>", as the gateway names users
  eth::Address session_address{};
};

// The subject of `certificate` if it verifies against `policy` at unix time
// `now`; kPermissionDenied "authorization: <why>" for an undecodable
// certificate or one that fails verification.
inline Result<AuthorizedSubject> verify_authorization(ByteView certificate, const auth::QuorumPolicy& policy,
                                                      uint64_t now) {
  auto cert = auth::quorum_certificate_from_json(
      std::string_view(reinterpret_cast<const char*>(certificate.data()), certificate.size()));
  if (!cert) return fail(ErrorCode::kPermissionDenied, "authorization: " + cert.error().message);
  auto verified = auth::verify_quorum_certificate(*cert, policy, now);
  if (!verified) return fail(ErrorCode::kPermissionDenied, "authorization: " + verified.error().message);
  return AuthorizedSubject{
      std::string(auth::to_string(verified->identity.provider)) + ":" + to_hex(verified->identity.subject_hash),
      verified->session_address};
}

// The chain's registration check. `swa_of_identity` returns the SWA of a
// known identity (nullopt if unknown); `now` the unix time. Refusals are
// kPermissionDenied naming the mismatch. The policy is copied.
inline chain::RegistrationAuthorizer make_registration_authorizer(
    auth::QuorumPolicy policy, std::function<std::optional<eth::Address>(const std::string& identity)> swa_of_identity,
    std::function<uint64_t()> now) {
  return [policy = std::move(policy), swa_of_identity = std::move(swa_of_identity), now = std::move(now)](
             ByteView certificate, const chain::RegistrationClaim& claim) -> Status {
    OKMPC_ASSIGN_OR_RETURN(AuthorizedSubject subject, verify_authorization(certificate, policy, now()));
    if (subject.session_address != claim.session) {
      return fail(ErrorCode::kPermissionDenied, "certificate is for session " +
                                                    eth::to_checksum(subject.session_address) + ", not " +
                                                    eth::to_checksum(claim.session));
    }
    const auto swa = swa_of_identity(subject.identity);
    if (!swa || *swa != claim.swa) {
      return fail(ErrorCode::kPermissionDenied,
                  "the certified identity does not own SWA " + eth::to_checksum(claim.swa));
    }
    return ok();
  };
}

}  // namespace okmpc::gateway
