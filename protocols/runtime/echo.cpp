#include "protocols/runtime/echo.hpp"

#include <set>
#include <string>

#include "mpc/hex.hpp"

namespace okmpc::runtime {
namespace {

constexpr std::string_view kStatementLabel = "okmpc/runtime/broadcast-statement/v1";
constexpr std::string_view kEchoLabel = "okmpc/runtime/echo-digest/v2";

uint32_t read_be(ByteView in, size_t pos, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) v = v << 8 | in[pos + i];
  return v;
}

void append_context(Bytes& out, std::string_view label, const EchoContext& ctx) {
  append_u32_be(out, static_cast<uint32_t>(label.size()));
  out.insert(out.end(), label.begin(), label.end());
  append_u16_be(out, static_cast<uint16_t>(ctx.protocol));
  append_u16_be(out, ctx.version);
  append(out, ctx.session);
  append_u16_be(out, ctx.round);
}

std::string party_name(PartyId p) { return "party " + std::to_string(p); }

std::string join(const std::set<uint32_t>& ids) {
  std::string s;
  for (uint32_t p : ids) s += (s.empty() ? "" : ", ") + std::to_string(p);
  return s;
}

Status check_protocol(ByteView payload, ProtocolId protocol, const std::string& who, PartyId sender) {
  if (payload.size() < 2) return fail(ErrorCode::kInvalidEncoding, who + ": truncated header", {sender});
  if (read_be(payload, 0, 2) != static_cast<uint16_t>(protocol)) {
    return fail(ErrorCode::kInvalidEncoding, who + ": for another protocol", {sender});
  }
  return ok();
}

}  // namespace

Bytes broadcast_statement_from_digest(const EchoContext& ctx, PartyId sender, const Hash32& payload_digest) {
  Bytes out;
  append_context(out, kStatementLabel, ctx);
  append_u32_be(out, sender);
  append(out, payload_digest);
  return out;
}

Bytes broadcast_statement(const EchoContext& ctx, PartyId sender, ByteView payload) {
  return broadcast_statement_from_digest(ctx, sender, payload_digest(payload));
}

IdentitySignature sign_broadcast_digest(const EchoContext& ctx, PartyId sender, const Hash32& payload_digest,
                                        const IdentityKey& key) {
  return key.sign(broadcast_statement_from_digest(ctx, sender, payload_digest));
}

IdentitySignature sign_broadcast(const EchoContext& ctx, PartyId sender, ByteView payload, const IdentityKey& key) {
  return sign_broadcast_digest(ctx, sender, payload_digest(payload), key);
}

bool verify_broadcast_vartime(const EchoContext& ctx, PartyId sender, const SignedBroadcast& b,
                              const IdentityPublicKey& key) {
  return identity_verify_vartime(key, broadcast_statement(ctx, sender, b.payload), b.signature);
}

Hash32 echo_digest(const EchoContext& ctx, const std::map<PartyId, Hash32>& payload_digests) {
  Bytes in;
  append_context(in, kEchoLabel, ctx);
  append_u32_be(in, static_cast<uint32_t>(payload_digests.size()));
  for (const auto& [sender, digest] : payload_digests) {
    append_u32_be(in, sender);
    append(in, digest);
  }
  return sha256(in);
}

Hash32 echo_digest(const EchoContext& ctx, const BroadcastView& view) {
  std::map<PartyId, Hash32> digests;
  for (const auto& [sender, b] : view) digests.emplace(sender, payload_digest(b.payload));
  return echo_digest(ctx, digests);
}

Bytes encode_echo(ProtocolId protocol, const Hash32& digest) {
  Bytes out;
  append_u16_be(out, static_cast<uint16_t>(protocol));
  append(out, digest);
  return out;
}

Result<Hash32> decode_echo(ByteView payload, ProtocolId protocol, PartyId echoer) {
  const std::string who = "echo from " + party_name(echoer);
  OKMPC_TRY(check_protocol(payload, protocol, who, echoer));
  Hash32 digest{};
  if (payload.size() != 2 + digest.size()) {
    return fail(ErrorCode::kInvalidEncoding, who + ": must be 34 bytes", {echoer});
  }
  std::copy(payload.begin() + 2, payload.end(), digest.begin());
  return digest;
}

Bytes encode_evidence(ProtocolId protocol, const BroadcastView& view) {
  Bytes out;
  append_u16_be(out, static_cast<uint16_t>(protocol));
  append_u16_be(out, static_cast<uint16_t>(view.size()));
  for (const auto& [sender, b] : view) {
    append_u32_be(out, sender);
    append_u32_be(out, static_cast<uint32_t>(b.payload.size()));
    append(out, b.payload);
    append(out, b.signature);
  }
  return out;
}

Result<BroadcastView> decode_evidence(ByteView payload, ProtocolId protocol, PartyId sender) {
  const std::string who = "evidence from " + party_name(sender);
  OKMPC_TRY(check_protocol(payload, protocol, who, sender));
  auto bad = [&](const char* what) { return fail(ErrorCode::kInvalidEncoding, who + ": " + what, {sender}); };
  if (payload.size() < 4) return bad("truncated header");
  const size_t count = read_be(payload, 2, 2);
  BroadcastView view;
  size_t pos = 4;
  PartyId previous = 0;
  for (size_t i = 0; i < count; ++i) {
    if (payload.size() - pos < 8) return bad("truncated entry");
    const PartyId from = read_be(payload, pos, 4);
    const size_t len = read_be(payload, pos + 4, 4);
    pos += 8;
    if (from <= previous) return bad("senders not strictly increasing");
    previous = from;
    if (payload.size() - pos < len + Message::kSignatureBytes) return bad("truncated entry");
    SignedBroadcast b;
    b.payload.assign(payload.begin() + static_cast<std::ptrdiff_t>(pos),
                     payload.begin() + static_cast<std::ptrdiff_t>(pos + len));
    pos += len;
    std::copy(payload.begin() + static_cast<std::ptrdiff_t>(pos),
              payload.begin() + static_cast<std::ptrdiff_t>(pos + Message::kSignatureBytes), b.signature.begin());
    pos += Message::kSignatureBytes;
    view.emplace(from, std::move(b));
  }
  if (pos != payload.size()) return bad("trailing bytes");
  return view;
}

Status check_own_view(const EchoContext& ctx, PartyId self, const BroadcastView& own,
                      const IdentityDirectory& directory) {
  std::set<uint32_t> culprits;
  for (const auto& [sender, b] : own) {
    if (sender == self) continue;
    auto key = directory.find(sender);
    if (key == directory.end() || !verify_broadcast_vartime(ctx, sender, b, key->second)) culprits.insert(sender);
  }
  if (culprits.empty()) return ok();
  return fail(ErrorCode::kProtocolAbort,
              "round " + std::to_string(ctx.round) + " broadcast without a valid identity signature from party " +
                  join(culprits),
              std::vector<uint32_t>(culprits.begin(), culprits.end()));
}

Status judge_evidence(const EchoContext& ctx, PartyId self, const BroadcastView& own,
                      const std::map<PartyId, Hash32>& echoes, const std::map<PartyId, BroadcastView>& evidence,
                      const IdentityDirectory* directory) {
  std::set<uint32_t> culprits;
  std::string detail, unresolved;
  auto blame = [&](PartyId who, const std::string& why) {
    culprits.insert(who);
    detail += "; " + why;
  };
  for (const auto& [k, view] : evidence) {
    auto echo = echoes.find(k);
    if (echo == echoes.end() || echo_digest(ctx, view) != echo->second) {
      blame(k, party_name(k) + "'s evidence does not match its echo");
      continue;
    }
    bool same_senders = view.size() == own.size();
    for (auto it = view.begin(), jt = own.begin(); same_senders && it != view.end(); ++it, ++jt) {
      same_senders = it->first == jt->first;
    }
    if (!same_senders) {
      blame(k, party_name(k) + " echoed the wrong set of senders");
      continue;
    }
    for (const auto& [j, shown] : view) {
      const SignedBroadcast& mine = own.at(j);
      if (shown.payload == mine.payload) continue;
      if (j == self) {
        blame(k, party_name(k) + " misreports party " + std::to_string(self) + "'s own broadcast");
      } else if (directory == nullptr) {
        unresolved += "; party " + std::to_string(k) + " and party " + std::to_string(self) +
                      " hold different broadcasts of party " + std::to_string(j);
      } else if (!verify_broadcast_vartime(ctx, j, shown, directory->at(j))) {
        blame(k, party_name(k) + " shows a broadcast of party " + std::to_string(j) + " that party " +
                     std::to_string(j) + " never signed");
      } else {
        blame(j, party_name(j) + " signed two different broadcasts (one shown by party " + std::to_string(k) +
                     ", one received by party " + std::to_string(self) + ")");
      }
    }
  }
  if (culprits.empty() && unresolved.empty()) return ok();
  if (culprits.empty()) {
    return fail(ErrorCode::kProtocolAbort, "inconsistent broadcast in round " + std::to_string(ctx.round) +
                                               " that unsigned broadcasts cannot pin on a party" + unresolved);
  }
  return fail(ErrorCode::kProtocolAbort,
              "equivocated broadcast in round " + std::to_string(ctx.round) + " by party " + join(culprits) + detail,
              std::vector<uint32_t>(culprits.begin(), culprits.end()));
}

}  // namespace okmpc::runtime
