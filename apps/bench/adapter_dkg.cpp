// `okmpc bench --protocol dkg`: the Pedersen/Feldman DKG with proofs of
// knowledge (protocols/dkg/, papers/dkg.md) among n parties.
// Variants: batched (one multi-dealer share check per party, per-dealer
// fallback; verification shares exchanged in a third round — the DKG's
// defaults), per-dealer (every received share checked on its own), two-round
// (batched, verification shares computed locally as in RFC 9591 Appendix C).
#include <numeric>

#include "apps/bench/protocol_adapter.hpp"
#include "apps/bench/simnet_trial.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/simulated.hpp"

namespace okmpc::bench {
namespace {

dkg::DkgOptions options_for(const std::string& variant) {
  dkg::DkgOptions o;
  o.batch_verify = variant != "per-dealer";
  o.verification_shares =
      variant == "two-round" ? dkg::VerificationShares::kLocal : dkg::VerificationShares::kExchange;
  return o;
}

template <Curve C>
Result<TrialMeasurement> run_dkg(const TrialPoint& point, uint64_t seed) {
  std::vector<runtime::PartyId> ids(point.parties);
  std::iota(ids.begin(), ids.end(), runtime::PartyId{1});
  const runtime::SimConfig net = sim_config(point, seed, crashed_parties(ids, point.crash));
  const runtime::SessionId session = trial_rng(seed, "dkg session").bytes<32>();
  OKMPC_ASSIGN_OR_RETURN(auto run, dkg::run_dkg_simulated<C>(point.threshold, point.parties, session,
                                                             options_for(point.variant), net));
  if (run.shares.size() != point.parties) return fail(ErrorCode::kInternal, "DKG returned the wrong number of shares");
  return measurement_from(run.report, point.parties);
}

Result<TrialMeasurement> run(const TrialPoint& point, uint64_t seed) {
  if (point.curve == "ed25519") return run_dkg<Ed25519>(point, seed);
  return run_dkg<Secp256k1>(point, seed);
}

}  // namespace

OKMPC_REGISTER_BENCH_ADAPTER("dkg", {"secp256k1", "ed25519"}, {"batched", "per-dealer", "two-round"}, "key",
                             "Pedersen/Feldman DKG with proofs of knowledge (papers/dkg.md), all n parties", run);

}  // namespace okmpc::bench
