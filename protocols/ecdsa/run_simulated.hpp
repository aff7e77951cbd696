// DKLs23 setup and signing runs on the simulated network
// (protocols/runtime/simnet): used by `okmpc sign --scheme ecdsa`, the tests
// and the benchmarks.
#pragma once

#include <span>
#include <vector>

#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/setup.hpp"
#include "protocols/ecdsa/presign.hpp"
#include "protocols/ecdsa/sign.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::ecdsa {

struct SimulatedSetup {
  std::vector<EcdsaSetup> setups;  // [k] belongs to shares[k]
  runtime::RunReport report;
};

// The pairwise OT setup among the holders of `shares` (one share per party,
// all of one key; normally every party of the key — a subset sets up only the
// pairs inside it). Session id and party randomness come from `rng` unless
// config.party_rng is set. Errors: kInvalidArgument for repeated parties or
// shares of different keys; otherwise the run's abort with its culprits; a
// crashed or corrupt party left without a setup is named
// (runtime::missing_output).
Result<SimulatedSetup> setup_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares, Rng& rng,
                                       runtime::SimConfig config = {});

struct SimulatedEcdsaSignature {
  Signature65 signature;      // verified with libsecp256k1 (verify + recover) by every signer
  runtime::RunReport report;  // rounds, messages, bytes, compute time
};

// Signs `digest` with the signers holding `shares` (their ids form the signer
// set) and their `setups` (same order). Errors: kInvalidArgument for a bad
// signer set or mismatched setups; otherwise the run's abort with culprits.
// The signature returned is an honest signer's; a crashed or corrupt signer
// without one is named only when no signer is honest
// (runtime::missing_output).
Result<SimulatedEcdsaSignature> sign_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares,
                                               std::span<const EcdsaSetup> setups, const Hash32& digest,
                                               Rng& rng, runtime::SimConfig config = {},
                                               bool echo_last_round = false);

struct SimulatedPresign {
  std::vector<Presignature> presignatures;  // [k] belongs to shares[k]
  runtime::RunReport report;                // 2 rounds
};

// Presigning (presign.hpp) by the holders of `shares` with their `setups`
// (same order); errors as sign_simulated.
Result<SimulatedPresign> presign_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares,
                                           std::span<const EcdsaSetup> setups, Rng& rng,
                                           runtime::SimConfig config = {});

// The online round for `digest` with one presignature per signer (of one
// presigning run). Consumes every presignature, whatever the outcome.
// Errors as sign_simulated; kInvalidArgument for a consumed presignature.
Result<SimulatedEcdsaSignature> sign_presigned_simulated(std::span<Presignature> presignatures, const Hash32& digest,
                                                         Rng& rng, runtime::SimConfig config = {},
                                                         bool echo_last_round = false);

}  // namespace okmpc::ecdsa
