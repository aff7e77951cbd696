// One FROST signing run on the simulated network (protocols/runtime/simnet):
// the signers' FrostParty state machines, the lowest identifier acting as
// coordinator. Used by `okmpc sign`, the tests and the benchmarks.
#pragma once

#include <algorithm>
#include <memory>
#include <span>
#include <vector>

#include "protocols/frost/party.hpp"
#include "protocols/frost/verify.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::frost {

template <Ciphersuite S>
struct SimulatedSignature {
  Signature<S> signature;     // verified by the coordinator before release
  runtime::RunReport report;  // rounds, messages, bytes, compute time
};

// Signs `message` with the signers holding `keys` (one key share per signer,
// any order; their identifiers form the signer set). The session id and every
// party's nonce randomness are drawn from `rng` (pass OsRng in production);
// `config` sets the network model, faults and Byzantine hook (its party_rng,
// when unset, is seeded from `rng`). Errors: kInvalidArgument for a bad
// signer set (fewer than t, duplicates), otherwise the run's abort with its
// culprits. A coordinator that crashed or is corrupt and holds no verifying
// signature is named (runtime::missing_output); the signature returned is
// checked here against the group key, whoever computed it.
template <Ciphersuite S>
Result<SimulatedSignature<S>> sign_simulated(std::span<const KeyShareOf<S>> keys, ByteView message, Rng& rng,
                                             runtime::SimConfig config = {}) {
  if (keys.empty()) return fail(ErrorCode::kInvalidArgument, "no signers");
  SigningRequest request;
  request.message.assign(message.begin(), message.end());
  for (const auto& k : keys) request.signers.push_back(k.index);
  std::sort(request.signers.begin(), request.signers.end());
  request.coordinator = request.signers.front();
  const runtime::SessionId session = rng.bytes<32>();
  if (!config.party_rng) {
    config.party_rng = [&rng](PartyId) -> std::unique_ptr<Rng> {
      const auto seed = rng.bytes<32>();
      return std::make_unique<DeterministicRng>(ByteView(seed));
    };
  }

  std::vector<std::unique_ptr<FrostParty<S>>> parties;
  std::vector<runtime::Party*> handles;
  FrostParty<S>* coordinator = nullptr;
  for (const auto& k : keys) {
    OKMPC_ASSIGN_OR_RETURN(auto party, FrostParty<S>::create(k.clone(), request, session));
    if (party->is_coordinator()) coordinator = party.get();
    handles.push_back(party.get());
    parties.push_back(std::move(party));
  }
  OKMPC_ASSIGN_OR_RETURN(runtime::RunReport report, runtime::simulate(handles, config));
  if (coordinator == nullptr || !coordinator->signature() ||
      !verify_signature_vartime<S>(keys.front().group_public_key, message, *coordinator->signature())) {
    return tl::unexpected<Error>(runtime::missing_output(config, request.coordinator, "FROST signature"));
  }
  return SimulatedSignature<S>{*coordinator->signature(), std::move(report)};
}

}  // namespace okmpc::frost
