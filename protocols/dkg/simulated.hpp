// Running the DKG among n in-process parties on the simulated network
// (protocols/runtime/simnet.hpp): for the CLI (`okmpc keygen`), the
// benchmarks, and tests of the signing protocols (generate_keys_simulated in
// key_share.hpp).
#pragma once

#include <vector>

#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/toy_curve.hpp"
#include "protocols/dkg/dkg.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::dkg {

template <Curve C>
struct SimulatedDkg {
  std::vector<KeyShare<C>> shares;  // [i-1] for party i
  runtime::RunReport report;
};

// Runs the DKG for parties 1..n with `options` on a network configured by
// `net` (its seed drives scheduling and, unless net.party_rng is set, every
// party's randomness). `transcript`, when given, receives every delivered
// message. Errors: check_dkg_config's; the network's (timeouts, aborts naming
// culprits: see runtime::simulate); a crashed or corrupt party left without
// a share is named (runtime::missing_output).
template <Curve C>
Result<SimulatedDkg<C>> run_dkg_simulated(uint32_t t, uint32_t n, const runtime::SessionId& session,
                                          const DkgOptions& options, const runtime::SimConfig& net,
                                          std::vector<runtime::Delivery>* transcript = nullptr);

// Instantiated in simulated.cpp for these curves.
#define OKMPC_DKG_DECLARE_SIMULATED(C)                                                                   \
  extern template Result<SimulatedDkg<C>> run_dkg_simulated<C>(                                          \
      uint32_t, uint32_t, const runtime::SessionId&, const DkgOptions&, const runtime::SimConfig&,     \
      std::vector<runtime::Delivery>*);
OKMPC_DKG_DECLARE_SIMULATED(Secp256k1)
OKMPC_DKG_DECLARE_SIMULATED(Ed25519)
OKMPC_DKG_DECLARE_SIMULATED(ToyCurve)
#undef OKMPC_DKG_DECLARE_SIMULATED

}  // namespace okmpc::dkg
