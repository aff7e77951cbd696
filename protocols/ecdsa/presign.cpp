#include "protocols/ecdsa/presign.hpp"

#include "mpc/codec.hpp"
#include "protocols/ecdsa/sign_core.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr std::string_view kPresignLabel = "okmpc/ecdsa/presign/context/v1";
constexpr std::string_view kOnlineLabel = "okmpc/ecdsa/presign/online/v1";

Hash32 presign_context(const runtime::SessionId& session, const Point& group_key, std::span<const PartyId> signers) {
  return sha256({as_bytes(kPresignLabel), session, group_key.to_bytes(), detail::signer_set_bytes(signers)});
}

}  // namespace

Presignature::Presignature(std::unique_ptr<detail::SignCore> core) : core_(std::move(core)) {}
Presignature::Presignature(Presignature&&) noexcept = default;
Presignature& Presignature::operator=(Presignature&&) noexcept = default;
Presignature::~Presignature() = default;
const Hash32& Presignature::id() const { return core_->context(); }
PartyId Presignature::self() const { return core_->self(); }
const std::vector<PartyId>& Presignature::signers() const { return core_->signers(); }
const Secp256k1::Point& Presignature::group_public_key() const { return core_->group_key(); }

Result<std::unique_ptr<PresignParty>> PresignParty::create(const dkg::KeyShare<Secp256k1>& share,
                                                           const EcdsaSetup& setup, const PresignRequest& request) {
  OKMPC_ASSIGN_OR_RETURN(std::vector<PartyId> signers, detail::checked_signers(share, setup, request.signers));
  const Hash32 ctx = presign_context(request.session, share.group_public_key, signers);
  runtime::RunConfig config;
  config.self = share.index;
  config.parties = signers;
  config.session = request.session;
  config.protocol = runtime::ProtocolId::kEcdsaPresign;
  OKMPC_ASSIGN_OR_RETURN(auto core, detail::SignCore::create(share, setup, std::move(signers), ctx));
  return std::unique_ptr<PresignParty>(new PresignParty(std::move(config), std::move(core)));
}

PresignParty::PresignParty(runtime::RunConfig config, std::unique_ptr<detail::SignCore> core)
    : RoundParty(std::move(config)), core_(std::move(core)) {}
PresignParty::~PresignParty() = default;

runtime::RoundSpec PresignParty::spec(uint16_t) const {
  runtime::RoundSpec s;
  s.senders = others();
  s.direct = true;
  return s;
}

Result<runtime::Outgoing> PresignParty::first_round(Rng& rng) { return core_->round1(rng); }

Result<runtime::Outgoing> PresignParty::complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) {
  switch (round) {
    case 1:
      return core_->round2(inbox, rng);
    case 2:
      OKMPC_TRY(core_->prepare(inbox, rng));
      done_ = true;
      return runtime::Outgoing{};
    default:
      return fail(ErrorCode::kInternal, "ecdsa presign: no round " + std::to_string(round));
  }
}

std::optional<Presignature> PresignParty::take_presignature() {
  if (!done_ || !finished() || core_ == nullptr) return std::nullopt;
  return Presignature(std::move(core_));
}

Result<std::unique_ptr<OnlineSignParty>> OnlineSignParty::create(Presignature&& presignature,
                                                                 const OnlineSignRequest& request) {
  std::unique_ptr<detail::SignCore> core = std::move(presignature.core_);
  if (core == nullptr) {
    return fail(ErrorCode::kInvalidArgument, "ecdsa sign: this presignature was already used");
  }
  runtime::RunConfig config;
  config.self = core->self();
  config.parties = core->signers();
  config.session = request.session;
  config.protocol = runtime::ProtocolId::kEcdsaOnline;
  return std::unique_ptr<OnlineSignParty>(new OnlineSignParty(std::move(config), request, std::move(core)));
}

OnlineSignParty::OnlineSignParty(runtime::RunConfig config, OnlineSignRequest request,
                                 std::unique_ptr<detail::SignCore> core)
    : RoundParty(std::move(config)), request_(request), core_(std::move(core)) {}
OnlineSignParty::~OnlineSignParty() = default;

runtime::RoundSpec OnlineSignParty::spec(uint16_t) const {
  runtime::RoundSpec s;
  s.senders = others();
  s.broadcast = true;
  s.echo = request_.echo_last_round;
  return s;
}

Result<runtime::Outgoing> OnlineSignParty::first_round(Rng&) {
  // The final context binds the presignature to this one digest: a signer
  // using the same presignature for another digest is named (context
  // mismatch), and the core refuses a second last_round.
  const Hash32 final_context = sha256({as_bytes(kOnlineLabel), core_->context(), request_.digest});
  OKMPC_ASSIGN_OR_RETURN(Bytes last, core_->last_round(request_.digest, final_context));
  runtime::Outgoing out;
  if (!last.empty()) out.broadcast = std::move(last);
  return out;
}

Result<runtime::Outgoing> OnlineSignParty::complete_round(uint16_t round, runtime::Inbox inbox, Rng&) {
  if (round != 1) return fail(ErrorCode::kInternal, "ecdsa online sign: no round " + std::to_string(round));
  OKMPC_ASSIGN_OR_RETURN(signature_, core_->finish(inbox));
  core_.reset();  // the presignature's secrets go with it
  return runtime::Outgoing{};
}

}  // namespace okmpc::ecdsa
