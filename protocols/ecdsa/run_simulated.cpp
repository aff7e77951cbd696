#include "protocols/ecdsa/run_simulated.hpp"

#include <algorithm>
#include <iterator>
#include <memory>

namespace okmpc::ecdsa {
namespace {

void default_party_rng(runtime::SimConfig& config, Rng& rng) {
  if (config.party_rng) return;
  config.party_rng = [&rng](PartyId) -> std::unique_ptr<Rng> {
    const auto seed = rng.bytes<32>();
    return std::make_unique<DeterministicRng>(ByteView(seed));
  };
}

// Every signer ends with the (verified) signature: take the honest signers';
// only when no signer is honest, a misbehaving one's, naming it when it has
// none.
template <typename SignerParty>
Result<Signature65> agreed_signature(const std::vector<std::unique_ptr<SignerParty>>& parties,
                                     const runtime::SimConfig& config) {
  std::optional<Signature65> sig;
  for (const bool honest_pass : {true, false}) {
    for (const auto& p : parties) {
      const bool honest = !config.crashed.count(p->id()) && !config.corrupt.count(p->id());
      if (honest != honest_pass) continue;
      if (!p->signature()) return tl::unexpected<Error>(runtime::missing_output(config, p->id(), "ECDSA signature"));
      if (sig && *sig != *p->signature()) return fail(ErrorCode::kInternal, "signers disagree on the signature");
      sig = p->signature();
    }
    if (sig) break;
  }
  return *sig;
}

// One party per k < count from `make(k)` (the first error stops it), and the
// handles runtime::simulate takes.
template <typename P, typename Make>
Result<std::vector<std::unique_ptr<P>>> make_parties(size_t count, Make make, std::vector<runtime::Party*>& handles) {
  std::vector<std::unique_ptr<P>> parties;
  for (size_t k = 0; k < count; ++k) {
    OKMPC_ASSIGN_OR_RETURN(std::unique_ptr<P> p, make(k));
    handles.push_back(p.get());
    parties.push_back(std::move(p));
  }
  return parties;
}

}  // namespace

Result<SimulatedSetup> setup_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares, Rng& rng,
                                       runtime::SimConfig config) {
  if (shares.empty()) return fail(ErrorCode::kInvalidArgument, "no key shares");
  std::vector<PartyId> ids;
  for (const auto& s : shares) {
    if (!(s.group_public_key == shares.front().group_public_key) ||
        std::find(ids.begin(), ids.end(), s.index) != ids.end()) {
      return fail(ErrorCode::kInvalidArgument, "ecdsa setup needs distinct parties' shares of one key", {s.index});
    }
    ids.push_back(s.index);
  }
  SimulatedSetup out;
  if (shares.size() == 1) {  // nobody to pair with
    out.setups.push_back(EcdsaSetup{shares[0].index, shares[0].group_public_key, {}});
    return out;
  }
  const runtime::SessionId session = rng.bytes<32>();
  default_party_rng(config, rng);
  std::vector<runtime::Party*> handles;
  OKMPC_ASSIGN_OR_RETURN(auto parties, make_parties<SetupParty>(
                                           shares.size(), [&](size_t k) { return SetupParty::create(shares[k], session, ids); },
                                           handles));
  OKMPC_ASSIGN_OR_RETURN(out.report, runtime::simulate(handles, config));
  for (auto& p : parties) {
    auto setup = p->take_setup();
    if (!setup) return tl::unexpected<Error>(runtime::missing_output(config, p->id(), "OT setup"));
    out.setups.push_back(std::move(*setup));
  }
  return out;
}

Result<SimulatedEcdsaSignature> sign_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares,
                                               std::span<const EcdsaSetup> setups, const Hash32& digest,
                                               Rng& rng, runtime::SimConfig config, bool echo_last_round) {
  if (shares.empty()) return fail(ErrorCode::kInvalidArgument, "no signers");
  if (setups.size() != shares.size()) return fail(ErrorCode::kInvalidArgument, "one setup per signer needed");
  SignRequest request;
  request.digest = digest;
  for (const auto& s : shares) request.signers.push_back(s.index);
  request.session = rng.bytes<32>();
  request.echo_last_round = echo_last_round;
  default_party_rng(config, rng);
  std::vector<runtime::Party*> handles;
  OKMPC_ASSIGN_OR_RETURN(auto parties, make_parties<SignParty>(
                                           shares.size(), [&](size_t k) { return SignParty::create(shares[k], setups[k], request); },
                                           handles));
  OKMPC_ASSIGN_OR_RETURN(runtime::RunReport report, runtime::simulate(handles, config));
  OKMPC_ASSIGN_OR_RETURN(Signature65 sig, agreed_signature(parties, config));
  return SimulatedEcdsaSignature{sig, std::move(report)};
}

Result<SimulatedPresign> presign_simulated(std::span<const dkg::KeyShare<Secp256k1>> shares,
                                           std::span<const EcdsaSetup> setups, Rng& rng,
                                           runtime::SimConfig config) {
  if (shares.empty()) return fail(ErrorCode::kInvalidArgument, "no signers");
  if (setups.size() != shares.size()) return fail(ErrorCode::kInvalidArgument, "one setup per signer needed");
  PresignRequest request;
  for (const auto& s : shares) request.signers.push_back(s.index);
  request.session = rng.bytes<32>();
  default_party_rng(config, rng);
  std::vector<runtime::Party*> handles;
  OKMPC_ASSIGN_OR_RETURN(auto parties, make_parties<PresignParty>(
                                           shares.size(),
                                           [&](size_t k) { return PresignParty::create(shares[k], setups[k], request); },
                                           handles));
  SimulatedPresign out;
  OKMPC_ASSIGN_OR_RETURN(out.report, runtime::simulate(handles, config));
  for (auto& p : parties) {
    auto pre = p->take_presignature();
    if (!pre) return tl::unexpected<Error>(runtime::missing_output(config, p->id(), "ECDSA presignature"));
    out.presignatures.push_back(std::move(*pre));
  }
  return out;
}

Result<SimulatedEcdsaSignature> sign_presigned_simulated(std::span<Presignature> presignatures, const Hash32& digest,
                                                         Rng& rng, runtime::SimConfig config, bool echo_last_round) {
  if (presignatures.empty()) return fail(ErrorCode::kInvalidArgument, "no signers");
  OnlineSignRequest request;
  request.digest = digest;
  request.session = rng.bytes<32>();
  request.echo_last_round = echo_last_round;
  default_party_rng(config, rng);
  // Every presignature leaves the caller's span here, so a failure below
  // (e.g. one already consumed) destroys the others instead of leaving them
  // usable.
  std::vector<Presignature> owned(std::make_move_iterator(presignatures.begin()),
                                  std::make_move_iterator(presignatures.end()));
  std::vector<runtime::Party*> handles;
  OKMPC_ASSIGN_OR_RETURN(auto parties, make_parties<OnlineSignParty>(
                                           owned.size(),
                                           [&](size_t k) { return OnlineSignParty::create(std::move(owned[k]), request); },
                                           handles));
  OKMPC_ASSIGN_OR_RETURN(runtime::RunReport report, runtime::simulate(handles, config));
  OKMPC_ASSIGN_OR_RETURN(Signature65 sig, agreed_signature(parties, config));
  return SimulatedEcdsaSignature{sig, std::move(report)};
}

}  // namespace okmpc::ecdsa
