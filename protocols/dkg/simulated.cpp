#include "protocols/dkg/simulated.hpp"

#include <memory>

#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/toy_curve.hpp"

namespace okmpc::dkg {

template <Curve C>
Result<SimulatedDkg<C>> run_dkg_simulated(uint32_t t, uint32_t n, const runtime::SessionId& session,
                                          const DkgOptions& options, const runtime::SimConfig& net,
                                          std::vector<runtime::Delivery>* transcript) {
  OKMPC_TRY(check_dkg_config(DkgConfig{t, n, 1, session, options}));
  std::vector<std::unique_ptr<DkgParty<C>>> parties;
  std::vector<runtime::Party*> ptrs;
  for (uint32_t i = 1; i <= n; ++i) {
    DkgConfig cfg{t, n, i, session, options};
    OKMPC_ASSIGN_OR_RETURN(auto party, DkgParty<C>::create(cfg));
    ptrs.push_back(party.get());
    parties.push_back(std::move(party));
  }
  OKMPC_ASSIGN_OR_RETURN(runtime::RunReport report, runtime::simulate(ptrs, net, transcript));
  SimulatedDkg<C> out;
  out.report = std::move(report);
  for (auto& p : parties) {
    auto share = p->take_key_share();
    if (!share) return tl::unexpected<Error>(runtime::missing_output(net, p->id(), "key share"));
    out.shares.push_back(std::move(*share));
  }
  return out;
}

template <Curve C>
Result<std::vector<KeyShare<C>>> generate_keys_simulated(uint32_t t, uint32_t n, Rng& rng) {
  runtime::SessionId session = rng.bytes<32>();
  runtime::SimConfig net;
  net.seed = rng.next_u64();  // scheduling only
  // Party coins from a full 256-bit seed, not from the 64-bit network seed.
  auto root = std::make_shared<const DeterministicRng>(ByteView(rng.bytes<32>()));
  net.party_rng = [root](runtime::PartyId id) -> std::unique_ptr<Rng> {
    return std::make_unique<DeterministicRng>(root->fork("dkg party", id));
  };
  OKMPC_ASSIGN_OR_RETURN(SimulatedDkg<C> run, run_dkg_simulated<C>(t, n, session, DkgOptions{}, net));
  return std::move(run.shares);
}

#define OKMPC_DKG_INSTANTIATE(C)                                                                              \
  template Result<SimulatedDkg<C>> run_dkg_simulated<C>(uint32_t, uint32_t, const runtime::SessionId&,     \
                                                        const DkgOptions&, const runtime::SimConfig&,     \
                                                        std::vector<runtime::Delivery>*);                  \
  template Result<std::vector<KeyShare<C>>> generate_keys_simulated<C>(uint32_t, uint32_t, Rng&);

OKMPC_DKG_INSTANTIATE(Secp256k1)
OKMPC_DKG_INSTANTIATE(Ed25519)
OKMPC_DKG_INSTANTIATE(ToyCurve)

}  // namespace okmpc::dkg
