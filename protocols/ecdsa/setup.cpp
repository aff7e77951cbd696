#include "protocols/ecdsa/setup.hpp"

#include <algorithm>
#include <set>

#include "mpc/codec.hpp"
#include "mpc/hash.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr std::string_view kSidLabel = "okmpc/ecdsa/setup/pair-sid/v1";
constexpr std::string_view kGadgetLabel = "okmpc/ecdsa/setup/gadget-seed/v1";
constexpr std::array<uint8_t, 8> kMagic = {'O', 'K', 'M', 'P', 'C', '-', 'E', 'S'};
constexpr uint8_t kFileVersion = 1;

Bytes id_bytes(PartyId a, PartyId b) {
  Bytes out;
  append_u32_be(out, a);
  append_u32_be(out, b);
  return out;
}

tl::unexpected<Error> blame(PartyId peer, const Error& e, std::string_view step) {
  return fail(e.code == ErrorCode::kInvalidEncoding ? ErrorCode::kInvalidEncoding : ErrorCode::kProtocolAbort,
              "ecdsa setup " + std::string(step) + " with party " + std::to_string(peer) + ": " + e.message,
              {peer});
}

}  // namespace

SecretBytes EcdsaSetup::serialize() const {
  ByteWriter w;
  w.write_bytes(kMagic).write_u8(kFileVersion).write_u32(self);
  w.write_point<Secp256k1>(group_public_key);
  w.write_u32(static_cast<uint32_t>(pairs.size()));
  for (const auto& [peer, p] : pairs) {
    w.write_u32(peer).write_bytes(p.gadget_seed).write_bytes(p.as_alice.expose().delta.to_bytes());
    for (const auto& s : p.as_alice.expose().seeds) w.write_bytes(s);
    for (const auto& s : p.as_bob.expose().seeds0) w.write_bytes(s);
    for (const auto& s : p.as_bob.expose().seeds1) w.write_bytes(s);
  }
  const Hash32 digest = sha256(w.bytes());
  w.write_bytes(digest);
  return SecretBytes(w.finish());
}

Result<EcdsaSetup> EcdsaSetup::parse(ByteView bytes) {
  if (bytes.size() < 32) return fail(ErrorCode::kInvalidEncoding, "ecdsa setup: too short");
  const ByteView body = bytes.first(bytes.size() - 32);
  if (!ct_equal(sha256(body), bytes.last(32))) {
    return fail(ErrorCode::kCorrupted, "ecdsa setup: checksum mismatch (file damaged or edited)");
  }
  ByteReader r(body, "ecdsa setup");
  OKMPC_ASSIGN_OR_RETURN(const auto magic, r.read_array<8>("magic"));
  if (magic != kMagic) return fail(ErrorCode::kInvalidEncoding, "ecdsa setup: bad magic");
  OKMPC_ASSIGN_OR_RETURN(const uint8_t version, r.read_u8("version"));
  if (version != kFileVersion) {
    return fail(ErrorCode::kInvalidEncoding, "ecdsa setup: unsupported version " + std::to_string(version));
  }
  EcdsaSetup out;
  OKMPC_ASSIGN_OR_RETURN(out.self, r.read_u32("self"));
  OKMPC_ASSIGN_OR_RETURN(out.group_public_key, r.read_point<Secp256k1>("group key"));
  OKMPC_ASSIGN_OR_RETURN(const uint32_t count, r.read_u32("pair count"));
  if (out.self == 0 || count > 254) return fail(ErrorCode::kInvalidEncoding, "ecdsa setup: bad header");
  for (uint32_t k = 0; k < count; ++k) {
    OKMPC_ASSIGN_OR_RETURN(const PartyId peer, r.read_u32("peer"));
    if (peer == 0 || peer == out.self || out.pairs.count(peer)) {
      return fail(ErrorCode::kInvalidEncoding, "ecdsa setup: bad or repeated peer " + std::to_string(peer));
    }
    PairSetup p;
    OKMPC_ASSIGN_OR_RETURN(p.gadget_seed, r.read_array<32>("gadget seed"));
    OKMPC_ASSIGN_OR_RETURN(const auto delta, r.read_array<16>("delta"));
    p.as_alice.expose_mut().delta = ot::Block::from_bytes(delta);
    for (auto& s : p.as_alice.expose_mut().seeds) {
      OKMPC_ASSIGN_OR_RETURN(s, r.read_array<32>("seed"));
    }
    for (auto& s : p.as_bob.expose_mut().seeds0) {
      OKMPC_ASSIGN_OR_RETURN(s, r.read_array<32>("seed0"));
    }
    for (auto& s : p.as_bob.expose_mut().seeds1) {
      OKMPC_ASSIGN_OR_RETURN(s, r.read_array<32>("seed1"));
    }
    out.pairs.emplace(peer, std::move(p));
  }
  OKMPC_TRY(r.finish());
  return out;
}

Result<std::unique_ptr<SetupParty>> SetupParty::create(const dkg::KeyShare<Secp256k1>& share,
                                                       const runtime::SessionId& session,
                                                       std::vector<PartyId> parties) {
  if (share.parties < 2 || share.index == 0 || share.index > share.parties) {
    return fail(ErrorCode::kInvalidArgument, "ecdsa setup needs a key share of a key with at least 2 parties");
  }
  if (parties.empty()) {
    for (PartyId i = 1; i <= share.parties; ++i) parties.push_back(i);
  }
  std::sort(parties.begin(), parties.end());
  for (size_t k = 0; k < parties.size(); ++k) {
    if (parties[k] == 0 || parties[k] > share.parties || (k > 0 && parties[k - 1] == parties[k])) {
      return fail(ErrorCode::kInvalidArgument, "ecdsa setup: bad or repeated party " + std::to_string(parties[k]),
                  {parties[k]});
    }
  }
  if (parties.size() < 2 || !std::binary_search(parties.begin(), parties.end(), share.index)) {
    return fail(ErrorCode::kInvalidArgument, "ecdsa setup needs at least 2 parties including this one");
  }
  runtime::RunConfig config;
  config.self = share.index;
  config.parties = std::move(parties);
  config.session = session;
  config.protocol = runtime::ProtocolId::kEcdsaSetup;
  return std::unique_ptr<SetupParty>(new SetupParty(std::move(config), share.group_public_key));
}

SetupParty::SetupParty(runtime::RunConfig config, Secp256k1::Point group_key)
    : RoundParty(std::move(config)), group_key_(group_key) {}

Bytes SetupParty::sid(PartyId alice, PartyId bob) const {
  const Hash32 h = sha256({as_bytes(kSidLabel), run_config().session, group_key_.to_bytes(), id_bytes(alice, bob)});
  return Bytes(h.begin(), h.end());
}

runtime::RoundSpec SetupParty::spec(uint16_t) const {
  runtime::RoundSpec s;
  s.senders = others();
  s.direct = true;
  return s;
}

Result<runtime::Outgoing> SetupParty::first_round(Rng& rng) {
  runtime::Outgoing out;
  for (PartyId peer : others()) {
    ot::Step1 s1 = ot::base_ot_sender_hello(sid(peer, id()), rng);
    as_sender_.emplace(peer, std::move(s1.state));
    out.direct.emplace_back(peer, std::move(s1.message));
  }
  return out;
}

Result<runtime::Outgoing> SetupParty::complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) {
  runtime::Outgoing out;
  if (round == 5) result_.emplace();
  for (PartyId peer : others()) {
    const ByteView msg = inbox.direct.at(peer).payload;
    switch (round) {
      case 1: {  // peer's hello for (alice = me, bob = peer)
        auto s2 = ot::base_ot_receiver_choose(sid(id(), peer), msg, rng);
        if (!s2) return blame(peer, s2.error(), "base OT message 1");
        as_receiver_.emplace(peer, std::move(s2->state));
        out.direct.emplace_back(peer, std::move(s2->message));
        break;
      }
      case 2: {
        auto m3 = ot::base_ot_sender_challenge(as_sender_.at(peer), sid(peer, id()), msg);
        if (!m3) return blame(peer, m3.error(), "base OT message 2");
        out.direct.emplace_back(peer, std::move(*m3));
        break;
      }
      case 3: {
        auto m4 = ot::base_ot_receiver_respond(as_receiver_.at(peer), msg);
        if (!m4) return blame(peer, m4.error(), "base OT message 3");
        out.direct.emplace_back(peer, std::move(*m4));
        break;
      }
      case 4: {
        auto m5 = ot::base_ot_sender_open(as_sender_.at(peer), msg);
        if (!m5) return blame(peer, m5.error(), "base OT message 4");
        out.direct.emplace_back(peer, std::move(*m5));
        break;
      }
      case 5: {
        auto seeds = ot::base_ot_receiver_finish(as_receiver_.at(peer), msg);
        if (!seeds) return blame(peer, seeds.error(), "base OT message 5");
        PairSetup p;
        p.as_alice = std::move(*seeds);
        p.as_bob = std::move(as_sender_.at(peer).pads);
        const PartyId lo = std::min(peer, id()), hi = std::max(peer, id());
        p.gadget_seed = sha256({as_bytes(kGadgetLabel), run_config().session, group_key_.to_bytes(), id_bytes(lo, hi)});
        result_->pairs.emplace(peer, std::move(p));
        break;
      }
      default:
        return fail(ErrorCode::kInternal, "ecdsa setup: no round " + std::to_string(round));
    }
  }
  if (round == 5) {
    result_->self = id();
    result_->group_public_key = group_key_;
    as_sender_.clear();
    as_receiver_.clear();
  }
  return out;
}

Result<EcdsaSetup> SetupParty::take_setup() {
  if (!finished() || !result_) return fail(ErrorCode::kInvalidArgument, "ecdsa setup is not finished");
  EcdsaSetup out = std::move(*result_);
  result_.reset();
  return out;
}

}  // namespace okmpc::ecdsa
