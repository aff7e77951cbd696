// KeygenParty: the public face of dkg::DkgParty (protocols/dkg/dkg.hpp;
// Komlo–Goldberg Fig. 1, RFC 9591 Appendix C) for secp256k1 and Ed25519.
#include "okmpc/keygen.hpp"

#include "api/internal_error.hpp"
#include "api/key_share_data.hpp"
#include "api/party_core.hpp"
#include "protocols/dkg/dkg.hpp"

namespace okmpc::api {
namespace {

struct KeygenCore : PartyCore {
  virtual Result<KeyShare> take_key_share() = 0;
};

template <okmpc::Curve C>
struct DkgCore final : KeygenCore {
  explicit DkgCore(std::unique_ptr<dkg::DkgParty<C>> p) : dkg(std::move(p)) {}
  runtime::Party& party() override { return *dkg; }
  Result<KeyShare> take_key_share() override {
    auto share = dkg->take_key_share();
    if (!share) return to_public(share.error());
    return make_key_share<C>(std::move(*share));
  }
  std::unique_ptr<dkg::DkgParty<C>> dkg;
};

template <okmpc::Curve C>
Result<std::unique_ptr<PartyCore>> make_core(const dkg::DkgConfig& config) {
  auto party = dkg::DkgParty<C>::create(config);
  if (!party) return to_public(party.error());
  return std::unique_ptr<PartyCore>(std::make_unique<DkgCore<C>>(std::move(*party)));
}

}  // namespace

Result<KeygenParty> KeygenParty::create(Curve curve, uint32_t threshold, uint32_t parties, uint32_t self,
                                        const SessionId& session) {
  dkg::DkgConfig config;
  config.threshold = threshold;
  config.parties = parties;
  config.self = self;
  config.session = to_session(session);
  Result<std::unique_ptr<PartyCore>> core = make_error(okmpc::ErrorCode::kInvalidArgument, "keygen: unknown curve");
  switch (curve) {
    case Curve::kSecp256k1: core = make_core<Secp256k1>(config); break;
    case Curve::kEd25519: core = make_core<Ed25519>(config); break;
  }
  if (!core) return core.error();
  return KeygenParty(std::move(*core));
}

Result<KeyShare> KeygenParty::take_key_share() { return static_cast<KeygenCore&>(*core_).take_key_share(); }

}  // namespace okmpc::api
