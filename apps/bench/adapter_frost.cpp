// `okmpc bench --protocol frost`: FROST threshold Schnorr signing (RFC 9591,
// protocols/frost/) by the t signers 1..t of a t-of-n key. The key comes from
// the DKG on a fault-free network first and is not measured; the measured
// run is the signing (commit, sign, aggregate with share verification).
// Ed25519 signatures are also checked with libsodium before they count.
#include <sodium.h>

#include <span>

#include "apps/bench/protocol_adapter.hpp"
#include "apps/bench/simnet_trial.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/frost/ciphersuite.hpp"
#include "protocols/frost/sign_simulated.hpp"

namespace okmpc::bench {
namespace {

template <frost::Ciphersuite S>
Result<TrialMeasurement> run_frost(const TrialPoint& point, uint64_t seed) {
  using Group = typename S::Group;
  DeterministicRng key_rng = trial_rng(seed, "frost keys");
  OKMPC_ASSIGN_OR_RETURN(auto keys, dkg::generate_keys_simulated<Group>(point.threshold, point.parties, key_rng));
  keys.resize(point.threshold);  // the signers: parties 1..t
  std::vector<runtime::PartyId> signers;
  for (const auto& k : keys) signers.push_back(k.index);
  const runtime::SimConfig net = sim_config(point, seed, crashed_parties(signers, point.crash));
  const ByteView message = as_bytes("okmpc bench: FROST signing");
  DeterministicRng sign_rng = trial_rng(seed, "frost signing");
  OKMPC_ASSIGN_OR_RETURN(auto signed_run,
                         frost::sign_simulated<S>(std::span<const frost::KeyShareOf<S>>(keys), message, sign_rng, net));
  if constexpr (std::is_same_v<Group, Ed25519>) {
    const auto sig = signed_run.signature.to_bytes();
    const auto pk = keys.front().group_public_key.to_bytes();
    if (crypto_sign_verify_detached(sig.data(), message.data(), message.size(), pk.data()) != 0) {
      return fail(ErrorCode::kVerificationFailed, "FROST Ed25519 signature rejected by libsodium");
    }
  }
  return measurement_from(signed_run.report, point.threshold);
}

Result<TrialMeasurement> run(const TrialPoint& point, uint64_t seed) {
  if (point.curve == "ed25519") return run_frost<frost::FrostEd25519Sha512>(point, seed);
  return run_frost<frost::FrostSecp256k1Sha256>(point, seed);
}

}  // namespace

OKMPC_REGISTER_BENCH_ADAPTER("frost", {"secp256k1", "ed25519"}, {"sign"}, "signature",
                             "FROST signing, RFC 9591 (t signers of a DKG key; key generation not measured)", run);

}  // namespace okmpc::bench
