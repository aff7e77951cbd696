#include "protocols/runtime/round_party.hpp"

#include <algorithm>
#include <string>

#include "protocols/runtime/echo.hpp"

namespace okmpc::runtime {
namespace {

std::string party_name(PartyId p) { return "party " + std::to_string(p); }

bool contains(const std::vector<PartyId>& v, PartyId p) { return std::find(v.begin(), v.end(), p) != v.end(); }

}  // namespace

RoundParty::RoundParty(RunConfig config) : config_(std::move(config)) {
  std::sort(config_.parties.begin(), config_.parties.end());
}

std::vector<PartyId> RoundParty::others() const {
  std::vector<PartyId> out;
  for (PartyId p : config_.parties) {
    if (p != config_.self) out.push_back(p);
  }
  return out;
}

const RoundSpec& RoundParty::cached_spec(uint16_t round) {
  auto it = specs_.find(round);
  if (it == specs_.end()) it = specs_.emplace(round, spec(round)).first;
  return it->second;
}

tl::unexpected<Error> RoundParty::abort(Error e) {
  error_ = e;
  return tl::unexpected<Error>(std::move(e));
}

Result<std::vector<Message>> RoundParty::start(Rng& rng) {
  if (error_) return tl::unexpected<Error>(*error_);
  if (started_) return fail(ErrorCode::kInvalidArgument, party_name(config_.self) + ": start() called twice");
  if (config_.self == 0 || !contains(config_.parties, config_.self) ||
      std::adjacent_find(config_.parties.begin(), config_.parties.end()) != config_.parties.end() ||
      config_.parties.front() == 0) {
    return abort(Error(ErrorCode::kInvalidArgument, "party set must be distinct nonzero ids including self"));
  }
  started_ = true;
  auto first = first_round(rng);
  if (!first) return abort(std::move(first).error());
  std::vector<Message> out = stamp(1, std::move(*first));
  auto more = advance(rng);
  if (!more) return tl::unexpected<Error>(std::move(more).error());
  out.insert(out.end(), std::make_move_iterator(more->begin()), std::make_move_iterator(more->end()));
  return out;
}

Result<std::vector<Message>> RoundParty::handle(const Message& message, Rng& rng) {
  if (error_) return tl::unexpected<Error>(*error_);
  if (!started_) return fail(ErrorCode::kInvalidArgument, party_name(config_.self) + ": handle() before start()");
  if (auto st = accept(message); !st) return abort(std::move(st).error());
  return advance(rng);  // when finished: only answers evidence requests
}

Status RoundParty::accept(const Message& m) {
  const PartyId from = m.from;
  const std::string who = party_name(from);
  if (m.session != config_.session) {
    return fail(ErrorCode::kReplay, "message from " + who + " belongs to another session", {from});
  }
  const Kind kind = m.protocol == ProtocolId::kEcho           ? Kind::kEcho
                    : m.protocol == ProtocolId::kEchoEvidence ? Kind::kEvidence
                    : m.is_broadcast()                        ? Kind::kBroadcast
                                                              : Kind::kDirect;
  const bool runtime_step = kind == Kind::kEcho || kind == Kind::kEvidence;
  if (!runtime_step && m.protocol != config_.protocol) {
    return fail(ErrorCode::kProtocolAbort, "message from " + who + " is for another protocol", {from});
  }
  const uint16_t version = kind == Kind::kEcho       ? kEchoVersion
                           : kind == Kind::kEvidence ? kEvidenceVersion
                                                     : config_.version;
  if (m.version != version) {
    return fail(ErrorCode::kProtocolAbort, "message from " + who + " has protocol version " +
                                               std::to_string(m.version), {from});
  }
  if (m.to != kBroadcast && m.to != config_.self) {
    return fail(ErrorCode::kProtocolAbort,
                "message from " + who + " is addressed to party " + std::to_string(m.to), {from});
  }
  if (from == config_.self || !contains(config_.parties, from)) {
    return fail(ErrorCode::kProtocolAbort, "message from " + who + ", who is not a peer in this run", {from});
  }
  if (m.round == 0 || m.round > rounds()) {
    return fail(ErrorCode::kProtocolAbort,
                "message from " + who + " for round " + std::to_string(m.round) + ", which does not exist", {from});
  }
  const RoundSpec& spec = cached_spec(m.round);
  if (!contains(spec.senders, from)) {
    return fail(ErrorCode::kProtocolAbort,
                "message from " + who + ", who does not send in round " + std::to_string(m.round), {from});
  }
  const bool expected = runtime_step ? (spec.broadcast && spec.echo && m.is_broadcast())
                        : kind == Kind::kBroadcast ? spec.broadcast
                                                   : spec.direct;
  if (!expected) {
    static constexpr const char* kNames[] = {"broadcast", "point-to-point", "echo", "evidence"};
    return fail(ErrorCode::kProtocolAbort,
                "unexpected " + std::string(kNames[static_cast<int>(kind)]) + " message from " + who +
                    " in round " + std::to_string(m.round), {from});
  }
  const bool signed_kind = kind == Kind::kBroadcast && spec.echo && identity_.has_value();
  if (m.signature.has_value() != signed_kind) {
    return fail(ErrorCode::kProtocolAbort,
                (signed_kind ? "unsigned reliable broadcast from " : "unexpected signature on a message from ") + who +
                    " in round " + std::to_string(m.round),
                {from});
  }
  RoundBuffer& buf = buffer(m.round);
  auto& slot = kind == Kind::kEcho       ? buf.echo
               : kind == Kind::kEvidence ? buf.evidence
               : kind == Kind::kBroadcast ? buf.broadcast
                                          : buf.direct;
  auto [it, inserted] = slot.try_emplace(from, m);
  if (!inserted && !(it->second == m)) {
    return fail(ErrorCode::kProtocolAbort,
                "conflicting duplicate from " + who + " in round " + std::to_string(m.round), {from});
  }
  if (kind == Kind::kEvidence) buf.evidence_wanted = true;
  return ok();
}

bool RoundParty::broadcasts_in(const RoundSpec& spec, const RoundBuffer& buf) const {
  return buf.broadcast.size() == spec.senders.size() && (!spec.echo || buf.own.has_value());
}

bool RoundParty::round_complete(const RoundSpec& spec, const RoundBuffer& buf) const {
  const size_t n = spec.senders.size();
  if (spec.broadcast && !broadcasts_in(spec, buf)) return false;
  if (spec.direct && buf.direct.size() != n) return false;
  if (spec.broadcast && spec.echo && buf.echo.size() != n) return false;
  return true;
}

EchoContext RoundParty::echo_context(uint16_t round) const {
  return EchoContext{config_.protocol, config_.version, config_.session, round};
}

BroadcastView RoundParty::view(const RoundBuffer& buf) const {
  BroadcastView v;
  for (const auto& [from, m] : buf.broadcast) {
    v.emplace(from, SignedBroadcast{m.payload, m.signature.value_or(IdentitySignature{})});
  }
  if (buf.own) v.emplace(config_.self, *buf.own);
  return v;
}

Hash32 RoundParty::view_digest(uint16_t round, const RoundBuffer& buf) const {
  std::map<PartyId, Hash32> digests;
  for (const auto& [from, m] : buf.broadcast) digests.emplace(from, payload_digest(m.payload));
  if (buf.own) {
    digests.emplace(config_.self,
                    buf.own_payload_digest ? *buf.own_payload_digest : payload_digest(buf.own->payload));
  }
  return echo_digest(echo_context(round), digests);
}

Message RoundParty::runtime_message(ProtocolId protocol, uint16_t version, uint16_t round, Bytes payload) const {
  Message m;
  m.protocol = protocol;
  m.version = version;
  m.session = config_.session;
  m.round = round;
  m.from = config_.self;
  m.to = kBroadcast;
  m.payload = std::move(payload);
  return m;
}

Status RoundParty::check_echoes(uint16_t round) {
  RoundBuffer& buf = buffer(round);
  if (!buf.echo_digests.empty() || buf.echo.empty()) return ok();
  for (const auto& [echoer, msg] : buf.echo) {
    OKMPC_ASSIGN_OR_RETURN(Hash32 digest, decode_echo(msg.payload, config_.protocol, echoer));
    if (digest != *buf.own_digest) buf.mismatch = true;
    buf.echo_digests.emplace(echoer, digest);
  }
  if (buf.mismatch) buf.evidence_wanted = true;
  return ok();
}

Status RoundParty::answer_evidence(std::vector<Message>& out) {
  for (auto& [round, buf] : buffers_) {
    if (!buf.evidence_wanted || buf.evidence_sent || round > rounds()) continue;
    const RoundSpec& spec = cached_spec(round);
    if (!spec.broadcast || !spec.echo || !broadcasts_in(spec, buf)) continue;
    // Never vouch for a broadcast its sender did not sign: name the sender
    // instead (echo.hpp, step 3).
    const BroadcastView v = view(buf);
    if (identity_) {
      OKMPC_TRY(check_own_view(echo_context(round), config_.self, v, *identity_->directory));
    }
    buf.evidence_sent = true;
    out.push_back(runtime_message(ProtocolId::kEchoEvidence, kEvidenceVersion, round,
                                  encode_evidence(config_.protocol, v)));
  }
  return ok();
}

std::vector<Message> RoundParty::stamp(uint16_t round, Outgoing out) {
  std::vector<Message> msgs;
  auto make = [&](PartyId to, Bytes payload) {
    Message m = runtime_message(config_.protocol, config_.version, round, std::move(payload));
    m.to = to;
    return m;
  };
  if (out.broadcast) {
    if (rewriter_) rewriter_(config_.self, round, *out.broadcast);
    msgs.push_back(make(kBroadcast, std::move(*out.broadcast)));
    if (round <= rounds() && cached_spec(round).echo) {
      Message& m = msgs.back();
      RoundBuffer& buf = buffer(round);
      buf.own_payload_digest = payload_digest(m.payload);
      if (identity_) {
        m.signature = sign_broadcast_digest(echo_context(round), config_.self, *buf.own_payload_digest, identity_->key);
      }
      buf.own = SignedBroadcast{m.payload, m.signature.value_or(IdentitySignature{})};
    }
  }
  for (auto& [to, payload] : out.direct) msgs.push_back(make(to, std::move(payload)));
  return msgs;
}

Result<std::vector<Message>> RoundParty::advance(Rng& rng) {
  std::vector<Message> out;
  if (auto st = answer_evidence(out); !st) return abort(std::move(st).error());
  while (!finished_) {
    const RoundSpec& spec = cached_spec(round_);
    RoundBuffer& buf = buffer(round_);
    const bool reliable = spec.broadcast && spec.echo;
    if (reliable && !buf.own_digest && broadcasts_in(spec, buf)) {
      buf.own_digest = view_digest(round_, buf);
      if (!spec.senders.empty()) {
        out.push_back(runtime_message(ProtocolId::kEcho, kEchoVersion, round_,
                                      encode_echo(config_.protocol, *buf.own_digest)));
      }
    }
    if (!round_complete(spec, buf)) break;
    if (reliable) {
      if (auto st = check_echoes(round_); !st) return abort(std::move(st).error());
      if (buf.mismatch) {
        if (auto st = answer_evidence(out); !st) return abort(std::move(st).error());
        if (buf.evidence.size() != spec.senders.size()) break;
        std::map<PartyId, BroadcastView> evidence;
        for (const auto& [sender, msg] : buf.evidence) {
          auto v = decode_evidence(msg.payload, config_.protocol, sender);
          if (!v) return abort(std::move(v).error());
          evidence.emplace(sender, std::move(*v));
        }
        auto verdict = judge_evidence(echo_context(round_), config_.self, view(buf), buf.echo_digests, evidence,
                                      identity_ ? identity_->directory.get() : nullptr);
        if (!verdict) return abort(std::move(verdict).error());
        // Unreachable when the echoes really differed (echo.hpp): kept as a
        // typed error rather than going on with diverging views.
        return abort(Error(ErrorCode::kInternal, "echo mismatch in round " + std::to_string(round_) +
                                                     " that the evidence does not explain"));
      }
    }
    // A copy: the buffer keeps the messages to recognize late duplicates.
    Inbox inbox{buf.broadcast, buf.direct};
    const uint16_t done = round_;
    auto next = complete_round(done, std::move(inbox), rng);
    if (!next) return abort(std::move(next).error());
    if (done == rounds()) {
      if (next->broadcast || !next->direct.empty()) {
        return abort(Error(ErrorCode::kInternal, "last round returned messages"));
      }
      finished_ = true;
      break;
    }
    round_ = static_cast<uint16_t>(done + 1);
    auto msgs = stamp(round_, std::move(*next));
    out.insert(out.end(), std::make_move_iterator(msgs.begin()), std::make_move_iterator(msgs.end()));
    // The new round may already be wanted as evidence by a fast peer.
    if (auto st = answer_evidence(out); !st) return abort(std::move(st).error());
  }
  return out;
}

RoundParty::Step RoundParty::step(const RoundSpec& spec, const RoundBuffer& buf) const {
  for (PartyId p : spec.senders) {
    if ((spec.broadcast && !buf.broadcast.count(p)) || (spec.direct && !buf.direct.count(p))) return Step::kMessages;
  }
  if (!(spec.broadcast && spec.echo)) return Step::kMessages;
  if (buf.echo.size() != spec.senders.size() || !buf.mismatch) return Step::kEchoes;
  return Step::kEvidence;
}

uint32_t RoundParty::waiting_stage() const {
  auto sit = specs_.find(round_);
  auto bit = buffers_.find(round_);
  const uint32_t base = 4u * round_;
  if (sit == specs_.end() || bit == buffers_.end()) return base;
  return base + static_cast<uint32_t>(step(sit->second, bit->second));
}

std::vector<PartyId> RoundParty::waiting_for() const {
  if (finished_ || error_) return {};
  auto sit = specs_.find(round_);
  if (sit == specs_.end()) return {};
  const RoundSpec& spec = sit->second;
  auto bit = buffers_.find(round_);
  static const RoundBuffer kEmpty;
  const RoundBuffer& buf = bit == buffers_.end() ? kEmpty : bit->second;
  // Messages first: echoes can only come once every broadcast is out, and
  // evidence only after the echoes, so the earliest missing step is the
  // root cause to name.
  std::vector<PartyId> out;
  const Step st = step(spec, buf);
  for (PartyId p : spec.senders) {
    const bool missing = st == Step::kMessages ? (spec.broadcast && !buf.broadcast.count(p)) ||
                                                     (spec.direct && !buf.direct.count(p))
                         : st == Step::kEchoes ? !buf.echo.count(p)
                                               : !buf.evidence.count(p);
    if (missing) out.push_back(p);
  }
  return out;
}

}  // namespace okmpc::runtime
