// Who may register a session key: the chain's admission check for
// registerSession UserOps. The auth network's quorum certificate lives in
// auth/, which chain/ must not include (the layers are siblings), so the
// chain takes the check as a callback supplied by the layer that knows both
// (apps/gateway): it decodes the certificate, verifies the quorum of node
// signatures against the auth network's keys, and checks that the attested
// identity owns `swa` and that the certificate binds `session`.
//
// With an authorizer configured (ChainConfig::registration_authorizer), a
// registerSession UserOp is admitted only together with a certificate the
// authorizer accepts; the check runs before execution, so a rejection
// changes no state. It is an admission rule of this chain, not part of the
// state transition: verify_by_replay does not re-run it.
#pragma once

#include <cstdint>
#include <functional>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"

namespace okmpc::chain {

// What a registration asks for, as decoded from the UserOp.
struct RegistrationClaim {
  eth::Address swa{};       // the UserOp's sender
  eth::Address session{};   // the session key's address
  uint64_t valid_until = 0;
};

// ok() to admit; an Error saying why not otherwise (its message is passed on).
using RegistrationAuthorizer = std::function<Status(ByteView certificate, const RegistrationClaim& claim)>;

}  // namespace okmpc::chain
