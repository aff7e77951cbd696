// EcdsaSetupParty and EcdsaSigner: the public faces of ecdsa::SetupParty
// (DKLs23 §3 pairwise OT setup, protocols/ecdsa/setup.hpp) and
// ecdsa::SignParty (DKLs23 Protocol 3.6, protocols/ecdsa/sign.hpp).
#include "okmpc/ecdsa.hpp"

#include <algorithm>

#include "api/internal_error.hpp"
#include "api/key_share_data.hpp"
#include "api/party_core.hpp"
#include "protocols/ecdsa/sign.hpp"

namespace okmpc::api {
namespace {

struct SetupCore final : PartyCore {
  SetupCore(std::unique_ptr<ecdsa::SetupParty> p, KeyShare s) : setup(std::move(p)), share(std::move(s)) {}
  runtime::Party& party() override { return *setup; }
  std::unique_ptr<ecdsa::SetupParty> setup;
  std::optional<KeyShare> share;  // handed back with the setup attached
};

struct SignCore final : PartyCore {
  explicit SignCore(std::unique_ptr<ecdsa::SignParty> p) : sign(std::move(p)) {}
  runtime::Party& party() override { return *sign; }
  std::unique_ptr<ecdsa::SignParty> sign;
};

const dkg::KeyShare<Secp256k1>* secp256k1_share(const KeyShare& share) {
  return std::get_if<dkg::KeyShare<Secp256k1>>(&KeyShareAccess::data(share).share);
}

}  // namespace

Result<EcdsaSetupParty> EcdsaSetupParty::create(KeyShare share, const SessionId& session) {
  const auto* key = secp256k1_share(share);
  if (key == nullptr) return make_error(okmpc::ErrorCode::kInvalidArgument, "ecdsa setup: needs a secp256k1 key share");
  auto party = ecdsa::SetupParty::create(*key, to_session(session));
  if (!party) return to_public(party.error());
  return EcdsaSetupParty(std::make_unique<SetupCore>(std::move(*party), std::move(share)));
}

Result<KeyShare> EcdsaSetupParty::take_key_share() {
  auto& core = static_cast<SetupCore&>(*core_);
  if (!core.share) return make_error(okmpc::ErrorCode::kInvalidArgument, "ecdsa setup: key share already taken");
  auto setup = core.setup->take_setup();
  if (!setup) return to_public(setup.error());
  KeyShare out = std::move(*core.share);
  core.share.reset();
  KeyShareAccess::data(out).ecdsa_setup.emplace(std::move(*setup));
  return out;
}

Result<EcdsaSigner> EcdsaSigner::create(const KeyShare& share, std::span<const uint8_t> digest,
                                        std::vector<uint32_t> signers, const SessionId& session) {
  const auto* key = secp256k1_share(share);
  if (key == nullptr) return make_error(okmpc::ErrorCode::kInvalidArgument, "ecdsa: needs a secp256k1 key share");
  const auto& setup = KeyShareAccess::data(share).ecdsa_setup;
  if (!setup) {
    return make_error(okmpc::ErrorCode::kInvalidArgument, "ecdsa: the key share has no ECDSA setup (run EcdsaSetupParty)");
  }
  if (digest.size() != 32) {
    return make_error(okmpc::ErrorCode::kInvalidArgument,
                      "ecdsa: the digest must be 32 bytes, got " + std::to_string(digest.size()));
  }
  ecdsa::SignRequest request;
  std::copy(digest.begin(), digest.end(), request.digest.begin());
  request.signers = std::move(signers);
  request.session = to_session(session);
  auto party = ecdsa::SignParty::create(*key, *setup, request);
  if (!party) return to_public(party.error());
  return EcdsaSigner(std::make_unique<SignCore>(std::move(*party)));
}

Result<std::vector<uint8_t>> EcdsaSigner::signature() const {
  const auto& core = static_cast<const SignCore&>(*core_);
  if (!finished() || !core.sign->signature()) {
    return make_error(okmpc::ErrorCode::kInvalidArgument, "ecdsa: signing not finished");
  }
  const auto& sig = *core.sign->signature();
  return std::vector<uint8_t>(sig.begin(), sig.end());
}

}  // namespace okmpc::api
