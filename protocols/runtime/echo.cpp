#include "protocols/runtime/echo.hpp"

#include <set>
#include <string>

#include "mpc/hex.hpp"

namespace okmpc::runtime {
namespace {

constexpr size_t kEntryBytes = 4 + 32;

uint32_t read_be(ByteView in, size_t pos, size_t n) {
  uint32_t v = 0;
  for (size_t i = 0; i < n; ++i) v = v << 8 | in[pos + i];
  return v;
}

std::string short_digest(const Hash32& d) { return to_hex(ByteView(d).first(4)); }

}  // namespace

Hash32 broadcast_digest(const Message& broadcast) { return sha256(broadcast.encode()); }

Bytes encode_echo(ProtocolId protocol, const EchoTable& table) {
  Bytes out;
  out.reserve(4 + table.size() * kEntryBytes);
  append_u16_be(out, static_cast<uint16_t>(protocol));
  append_u16_be(out, static_cast<uint16_t>(table.size()));
  for (const auto& [sender, digest] : table) {
    append_u32_be(out, sender);
    append(out, digest);
  }
  return out;
}

Result<EchoTable> decode_echo(ByteView payload, ProtocolId protocol, PartyId echoer) {
  const std::string who = "echo from party " + std::to_string(echoer);
  if (payload.size() < 4) return fail(ErrorCode::kInvalidEncoding, who + ": truncated header", {echoer});
  if (read_be(payload, 0, 2) != static_cast<uint16_t>(protocol)) {
    return fail(ErrorCode::kInvalidEncoding, who + ": echoes another protocol", {echoer});
  }
  const size_t count = read_be(payload, 2, 2);
  if (payload.size() != 4 + count * kEntryBytes) {
    return fail(ErrorCode::kInvalidEncoding, who + ": length does not match its entry count", {echoer});
  }
  EchoTable table;
  PartyId previous = 0;
  for (size_t i = 0; i < count; ++i) {
    const size_t pos = 4 + i * kEntryBytes;
    const PartyId sender = read_be(payload, pos, 4);
    if (sender <= previous) {
      return fail(ErrorCode::kInvalidEncoding, who + ": senders not strictly increasing", {echoer});
    }
    previous = sender;
    Hash32 digest{};
    for (size_t b = 0; b < digest.size(); ++b) digest[b] = payload[pos + 4 + b];
    table.emplace(sender, digest);
  }
  return table;
}

Status judge_echoes(PartyId self, uint16_t round, const EchoTable& own,
                    const std::map<PartyId, EchoTable>& echoes) {
  std::set<uint32_t> culprits;
  std::string detail;
  for (const auto& [echoer, table] : echoes) {
    bool same_keys = table.size() == own.size();
    for (auto it = table.begin(), jt = own.begin(); same_keys && it != table.end(); ++it, ++jt) {
      same_keys = it->first == jt->first;
    }
    if (!same_keys) {
      culprits.insert(echoer);
      detail += "; party " + std::to_string(echoer) + " echoed the wrong set of senders";
      continue;
    }
    for (const auto& [sender, digest] : table) {
      const Hash32& mine = own.at(sender);
      if (digest == mine) continue;
      // The judge knows its own message and what it received from the echoer
      // itself; about a third party only "sender or echoer" is known, and the
      // sender is blamed (see header).
      const PartyId blamed = (sender == self || sender == echoer) ? echoer : sender;
      culprits.insert(blamed);
      detail += "; party " + std::to_string(echoer) + " saw " + short_digest(digest) + ".. from party " +
                std::to_string(sender) + ", party " + std::to_string(self) + " saw " + short_digest(mine) +
                "..";
    }
  }
  if (culprits.empty()) return ok();
  std::string names;
  for (uint32_t c : culprits) names += (names.empty() ? "" : ", ") + std::to_string(c);
  return fail(ErrorCode::kProtocolAbort,
              "equivocated broadcast in round " + std::to_string(round) + " by party " + names + detail,
              std::vector<uint32_t>(culprits.begin(), culprits.end()));
}

}  // namespace okmpc::runtime
