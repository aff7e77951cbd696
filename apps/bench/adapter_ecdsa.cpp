// `okmpc bench --protocol ecdsa`: DKLs23 threshold ECDSA (protocols/ecdsa/,
// papers/dkls23.md) on secp256k1. Variants:
//   sign   the three-round signing by signers 1..t (measured); the DKG key and
//          the pairwise OT setup are made first on a fault-free network and
//          not measured
//   setup  the pairwise OT setup among all n parties of a DKG key (measured:
//          done once per key)
// Signatures are verified with libsecp256k1 (verify + recover) by every
// signer inside the protocol before release.
#include <numeric>
#include <span>

#include "apps/bench/protocol_adapter.hpp"
#include "apps/bench/simnet_trial.hpp"
#include "mpc/hash.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/run_simulated.hpp"

namespace okmpc::bench {
namespace {

using Share = dkg::KeyShare<Secp256k1>;

Result<TrialMeasurement> run(const TrialPoint& point, uint64_t seed) {
  DeterministicRng key_rng = trial_rng(seed, "ecdsa keys");
  OKMPC_ASSIGN_OR_RETURN(std::vector<Share> shares,
                         dkg::generate_keys_simulated<Secp256k1>(point.threshold, point.parties, key_rng));
  DeterministicRng setup_rng = trial_rng(seed, "ecdsa setup");
  if (point.variant == "setup") {
    std::vector<runtime::PartyId> ids(point.parties);
    std::iota(ids.begin(), ids.end(), runtime::PartyId{1});
    const runtime::SimConfig net = sim_config(point, seed, crashed_parties(ids, point.crash));
    OKMPC_ASSIGN_OR_RETURN(auto setup, ecdsa::setup_simulated(std::span<const Share>(shares), setup_rng, net));
    return measurement_from(setup.report, point.parties);
  }
  runtime::SimConfig clean;
  clean.seed = seed;
  OKMPC_ASSIGN_OR_RETURN(auto setup, ecdsa::setup_simulated(std::span<const Share>(shares), setup_rng, clean));
  shares.resize(point.threshold);  // the signers: parties 1..t
  std::vector<ecdsa::EcdsaSetup> setups;
  std::vector<runtime::PartyId> signers;
  for (size_t k = 0; k < point.threshold; ++k) {
    setups.push_back(std::move(setup.setups[k]));
    signers.push_back(shares[k].index);
  }
  const runtime::SimConfig net = sim_config(point, seed, crashed_parties(signers, point.crash));
  const Hash32 digest = sha256(as_bytes("okmpc bench: DKLs23 signing"));
  DeterministicRng sign_rng = trial_rng(seed, "ecdsa signing");
  OKMPC_ASSIGN_OR_RETURN(auto signed_run, ecdsa::sign_simulated(std::span<const Share>(shares),
                                                                std::span<const ecdsa::EcdsaSetup>(setups), digest,
                                                                sign_rng, net));
  return measurement_from(signed_run.report, point.threshold);
}

}  // namespace

OKMPC_REGISTER_BENCH_ADAPTER("ecdsa", {"secp256k1"}, {"sign", "setup"}, "signature",
                             "DKLs23 threshold ECDSA: signing by t parties, or the pairwise OT setup of n", run);

}  // namespace okmpc::bench
