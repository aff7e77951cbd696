#include "protocols/ecdsa/sign.hpp"

#include "mpc/codec.hpp"
#include "protocols/ecdsa/sign_core.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr std::string_view kContextLabel = "okmpc/ecdsa/sign/context/v1";

Hash32 context_hash(const runtime::SessionId& session, const Point& group_key, const Hash32& digest,
                    std::span<const PartyId> signers) {
  return sha256({as_bytes(kContextLabel), session, group_key.to_bytes(), digest, detail::signer_set_bytes(signers)});
}

}  // namespace

Result<std::unique_ptr<SignParty>> SignParty::create(const dkg::KeyShare<Secp256k1>& share,
                                                     const EcdsaSetup& setup, const SignRequest& request) {
  OKMPC_ASSIGN_OR_RETURN(std::vector<PartyId> signers, detail::checked_signers(share, setup, request.signers));
  const Hash32 ctx = context_hash(request.session, share.group_public_key, request.digest, signers);
  SignRequest req = request;
  req.signers = signers;
  runtime::RunConfig config;
  config.self = share.index;
  config.parties = signers;
  config.session = req.session;
  config.protocol = runtime::ProtocolId::kEcdsaSign;
  OKMPC_ASSIGN_OR_RETURN(auto core, detail::SignCore::create(share, setup, std::move(signers), ctx));
  return std::unique_ptr<SignParty>(new SignParty(std::move(config), std::move(req), std::move(core)));
}

SignParty::SignParty(runtime::RunConfig config, SignRequest request, std::unique_ptr<detail::SignCore> core)
    : RoundParty(std::move(config)), request_(std::move(request)), core_(std::move(core)) {}

SignParty::~SignParty() = default;

runtime::RoundSpec SignParty::spec(uint16_t round) const {
  runtime::RoundSpec s;
  s.senders = others();
  s.direct = round <= 2;
  s.broadcast = round == 3;
  s.echo = round == 3 && request_.echo_last_round;
  return s;
}

Result<runtime::Outgoing> SignParty::first_round(Rng& rng) { return core_->round1(rng); }

Result<runtime::Outgoing> SignParty::complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) {
  switch (round) {
    case 1:
      return core_->round2(inbox, rng);
    case 2: {
      // The whole run knows the digest: round 3 follows round 2 at once,
      // under the one context.
      OKMPC_TRY(core_->prepare(inbox, rng));
      OKMPC_ASSIGN_OR_RETURN(Bytes last, core_->last_round(request_.digest, core_->context()));
      runtime::Outgoing out;
      if (!last.empty()) out.broadcast = std::move(last);
      return out;
    }
    case 3: {
      OKMPC_ASSIGN_OR_RETURN(signature_, core_->finish(inbox));
      return runtime::Outgoing{};
    }
    default:
      return fail(ErrorCode::kInternal, "ecdsa sign: no round " + std::to_string(round));
  }
}

}  // namespace okmpc::ecdsa
