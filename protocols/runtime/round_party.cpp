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
  if (finished_) return std::vector<Message>{};
  return advance(rng);
}

Status RoundParty::accept(const Message& m) {
  const PartyId from = m.from;
  const std::string who = party_name(from);
  if (m.session != config_.session) {
    return fail(ErrorCode::kReplay, "message from " + who + " belongs to another session", {from});
  }
  const bool is_echo = m.protocol == ProtocolId::kEcho;
  if (!is_echo && m.protocol != config_.protocol) {
    return fail(ErrorCode::kProtocolAbort, "message from " + who + " is for another protocol", {from});
  }
  if (m.version != (is_echo ? 1 : config_.version)) {
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
  const Kind kind = is_echo ? Kind::kEcho : m.is_broadcast() ? Kind::kBroadcast : Kind::kDirect;
  const bool expected = kind == Kind::kEcho ? (spec.broadcast && spec.echo)
                        : kind == Kind::kBroadcast ? spec.broadcast
                                                   : spec.direct;
  if (!expected) {
    static constexpr const char* kNames[] = {"broadcast", "point-to-point", "echo"};
    return fail(ErrorCode::kProtocolAbort,
                "unexpected " + std::string(kNames[static_cast<int>(kind)]) + " message from " + who +
                    " in round " + std::to_string(m.round), {from});
  }
  RoundBuffer& buf = buffer(m.round);
  auto& slot = kind == Kind::kEcho ? buf.echo : kind == Kind::kBroadcast ? buf.broadcast : buf.direct;
  auto [it, inserted] = slot.try_emplace(from, m);
  if (!inserted && !(it->second == m)) {
    return fail(ErrorCode::kProtocolAbort,
                "conflicting duplicate from " + who + " in round " + std::to_string(m.round), {from});
  }
  if (inserted && kind == Kind::kBroadcast && spec.echo) buf.digests.emplace(from, broadcast_digest(m));
  return ok();
}

bool RoundParty::round_complete(const RoundSpec& spec, const RoundBuffer& buf) const {
  const size_t n = spec.senders.size();
  if (spec.broadcast && buf.broadcast.size() != n) return false;
  if (spec.direct && buf.direct.size() != n) return false;
  if (spec.broadcast && spec.echo && buf.echo.size() != n) return false;
  return true;
}

Message RoundParty::echo_message(uint16_t round, const RoundSpec& spec) {
  (void)spec;
  const RoundBuffer& buf = buffer(round);
  Message m;
  m.protocol = ProtocolId::kEcho;
  m.version = 1;
  m.session = config_.session;
  m.round = round;
  m.from = config_.self;
  m.to = kBroadcast;
  m.payload = encode_echo(config_.protocol, buf.digests);
  return m;
}

Status RoundParty::check_echoes(uint16_t round, const RoundSpec& spec) {
  (void)spec;
  const RoundBuffer& buf = buffer(round);
  std::map<PartyId, EchoTable> echoes;
  for (const auto& [echoer, msg] : buf.echo) {
    OKMPC_ASSIGN_OR_RETURN(EchoTable table, decode_echo(msg.payload, config_.protocol, echoer));
    echoes.emplace(echoer, std::move(table));
  }
  return judge_echoes(config_.self, round, buf.digests, echoes);
}

std::vector<Message> RoundParty::stamp(uint16_t round, Outgoing out) {
  std::vector<Message> msgs;
  auto make = [&](PartyId to, Bytes payload) {
    Message m;
    m.protocol = config_.protocol;
    m.version = config_.version;
    m.session = config_.session;
    m.round = round;
    m.from = config_.self;
    m.to = to;
    m.payload = std::move(payload);
    return m;
  };
  if (out.broadcast) {
    msgs.push_back(make(kBroadcast, std::move(*out.broadcast)));
    if (round <= rounds() && cached_spec(round).echo) {
      buffer(round).digests[config_.self] = broadcast_digest(msgs.back());
    }
  }
  for (auto& [to, payload] : out.direct) msgs.push_back(make(to, std::move(payload)));
  return msgs;
}

Result<std::vector<Message>> RoundParty::advance(Rng& rng) {
  std::vector<Message> out;
  while (!finished_) {
    const RoundSpec& spec = cached_spec(round_);
    RoundBuffer& buf = buffer(round_);
    const bool reliable = spec.broadcast && spec.echo;
    if (reliable && !buf.echo_sent && buf.broadcast.size() == spec.senders.size()) {
      buf.echo_sent = true;
      if (!spec.senders.empty()) out.push_back(echo_message(round_, spec));
    }
    if (!round_complete(spec, buf)) break;
    if (reliable) {
      if (auto st = check_echoes(round_, spec); !st) return abort(std::move(st).error());
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
  }
  return out;
}

std::vector<PartyId> RoundParty::waiting_for() const {
  if (finished_ || error_) return {};
  auto sit = specs_.find(round_);
  if (sit == specs_.end()) return {};
  const RoundSpec& spec = sit->second;
  auto bit = buffers_.find(round_);
  static const RoundBuffer kEmpty;
  const RoundBuffer& buf = bit == buffers_.end() ? kEmpty : bit->second;
  // Messages first: echoes can only come once every broadcast is out, so a
  // missing broadcast is the root cause to name.
  std::vector<PartyId> out;
  for (PartyId p : spec.senders) {
    if ((spec.broadcast && !buf.broadcast.count(p)) || (spec.direct && !buf.direct.count(p))) out.push_back(p);
  }
  if (out.empty() && spec.broadcast && spec.echo) {
    for (PartyId p : spec.senders) {
      if (!buf.echo.count(p)) out.push_back(p);
    }
  }
  return out;
}

}  // namespace okmpc::runtime
