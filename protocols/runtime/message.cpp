#include "protocols/runtime/message.hpp"

#include <algorithm>
#include <string>

namespace okmpc::runtime {
namespace {

struct Reader {
  ByteView in;
  size_t pos = 0;
  bool take(size_t n) { return in.size() - pos >= n; }
  uint64_t be(size_t n) {
    uint64_t v = 0;
    for (size_t i = 0; i < n; ++i) v = v << 8 | in[pos++];
    return v;
  }
};

}  // namespace

Bytes Message::encode() const {
  Bytes out;
  out.reserve(wire_size());
  append_u8(out, signature ? kSignedFormat : kFormat);
  append_u16_be(out, static_cast<uint16_t>(protocol));
  append_u16_be(out, version);
  append(out, session);
  append_u16_be(out, round);
  append_u32_be(out, from);
  append_u32_be(out, to);
  append_u32_be(out, static_cast<uint32_t>(payload.size()));
  append(out, payload);
  if (signature) append(out, *signature);
  return out;
}

Result<Message> Message::decode(ByteView wire) {
  Reader r{wire};
  if (!r.take(kHeaderBytes)) {
    return fail(ErrorCode::kInvalidEncoding,
                "message shorter than its " + std::to_string(kHeaderBytes) + "-byte header");
  }
  const uint64_t format = r.be(1);
  if (format != kFormat && format != kSignedFormat) return fail(ErrorCode::kInvalidEncoding, "unknown message format");
  const size_t trailer = format == kSignedFormat ? kSignatureBytes : 0;
  Message m;
  m.protocol = static_cast<ProtocolId>(r.be(2));
  m.version = static_cast<uint16_t>(r.be(2));
  for (auto& b : m.session) b = static_cast<uint8_t>(r.be(1));
  m.round = static_cast<uint16_t>(r.be(2));
  m.from = static_cast<PartyId>(r.be(4));
  m.to = static_cast<PartyId>(r.be(4));
  const size_t len = static_cast<size_t>(r.be(4));
  if (len > kMaxPayload) return fail(ErrorCode::kInvalidEncoding, "payload too large", {m.from});
  if (wire.size() - r.pos != len + trailer) {
    return fail(ErrorCode::kInvalidEncoding,
                wire.size() - r.pos < len + trailer ? "truncated payload" : "trailing bytes after payload", {m.from});
  }
  if (m.from == 0) return fail(ErrorCode::kInvalidEncoding, "sender id 0 is reserved");
  if (m.round == 0) return fail(ErrorCode::kInvalidEncoding, "round 0 is reserved");
  const auto body = wire.begin() + static_cast<std::ptrdiff_t>(r.pos);
  m.payload.assign(body, body + static_cast<std::ptrdiff_t>(len));
  if (trailer != 0) {
    m.signature.emplace();
    std::copy(body + static_cast<std::ptrdiff_t>(len), wire.end(), m.signature->begin());
  }
  return m;
}

}  // namespace okmpc::runtime
