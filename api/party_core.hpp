// The engine behind a public Party: one protocol state machine of the MPC
// core (protocols/runtime/party.hpp), its randomness (the OS CSPRNG) and the
// sticky failure. Each protocol's .cpp derives its own core to reach the
// protocol-specific output.
#pragma once

#include <optional>

#include "mpc/rng.hpp"
#include "okmpc/party.hpp"
#include "protocols/runtime/party.hpp"

namespace okmpc::api {

struct PartyCore {
  virtual ~PartyCore() = default;
  virtual runtime::Party& party() = 0;
  const runtime::Party& party() const { return const_cast<PartyCore*>(this)->party(); }

  OsRng rng;
  std::optional<Error> failure;  // first Error returned; every later call returns it
};

// The SessionId as the core's session type.
runtime::SessionId to_session(const SessionId& session);

}  // namespace okmpc::api
