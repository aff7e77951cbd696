// FrostSigner: the public face of frost::FrostParty (protocols/frost/party.hpp,
// RFC 9591 §5) for FROST(secp256k1, SHA-256) and FROST(Ed25519, SHA-512).
#include "okmpc/frost.hpp"

#include "api/internal_error.hpp"
#include "api/key_share_data.hpp"
#include "api/party_core.hpp"
#include "protocols/frost/party.hpp"

namespace okmpc::api {
namespace {

struct SignerCore : PartyCore {
  virtual bool is_coordinator() const = 0;
  virtual std::optional<Bytes> signature() const = 0;
};

template <frost::Ciphersuite S>
struct FrostCore final : SignerCore {
  explicit FrostCore(std::unique_ptr<frost::FrostParty<S>> p) : frost(std::move(p)) {}
  runtime::Party& party() override { return *frost; }
  bool is_coordinator() const override { return frost->is_coordinator(); }
  std::optional<Bytes> signature() const override {
    if (!frost->signature()) return std::nullopt;
    const auto bytes = frost->signature()->to_bytes();
    return Bytes(bytes.begin(), bytes.end());
  }
  std::unique_ptr<frost::FrostParty<S>> frost;
};

template <frost::Ciphersuite S>
Result<std::unique_ptr<PartyCore>> make_core(const frost::KeyShareOf<S>& share, frost::SigningRequest request,
                                             const SessionId& session) {
  auto party = frost::FrostParty<S>::create(share.clone(), std::move(request), to_session(session));
  if (!party) return to_public(party.error());
  return std::unique_ptr<PartyCore>(std::make_unique<FrostCore<S>>(std::move(*party)));
}

}  // namespace

Result<FrostSigner> FrostSigner::create(const KeyShare& share, std::span<const uint8_t> message,
                                        std::vector<uint32_t> signers, uint32_t coordinator,
                                        const SessionId& session) {
  frost::SigningRequest request;
  request.message.assign(message.begin(), message.end());
  request.signers = std::move(signers);
  request.coordinator = coordinator;
  const auto& key = KeyShareAccess::data(share).share;
  Result<std::unique_ptr<PartyCore>> core =
      std::holds_alternative<dkg::KeyShare<Ed25519>>(key)
          ? make_core<frost::FrostEd25519Sha512>(std::get<dkg::KeyShare<Ed25519>>(key), std::move(request), session)
          : make_core<frost::FrostSecp256k1Sha256>(std::get<dkg::KeyShare<Secp256k1>>(key), std::move(request),
                                                   session);
  if (!core) return core.error();
  return FrostSigner(std::move(*core));
}

bool FrostSigner::is_coordinator() const { return static_cast<const SignerCore&>(*core_).is_coordinator(); }

Result<std::vector<uint8_t>> FrostSigner::signature() const {
  const auto& core = static_cast<const SignerCore&>(*core_);
  if (!core.is_coordinator()) {
    return make_error(okmpc::ErrorCode::kNotFound, "frost: only the coordinator holds the signature");
  }
  auto sig = core.signature();
  if (!finished() || !sig) return make_error(okmpc::ErrorCode::kInvalidArgument, "frost: signing not finished");
  return std::move(*sig);
}

}  // namespace okmpc::api
