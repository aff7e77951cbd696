// Transcript framing and challenge derivation; the format is specified in transcript.hpp.
#include "mpc/transcript.hpp"

#include <algorithm>

namespace okmpc {
namespace {

constexpr std::string_view kProtocolTag = "okmpc/transcript/v1";
constexpr uint8_t kOpAppend = 0x01;
constexpr uint8_t kOpChallenge = 0x02;

}  // namespace

Transcript::Transcript(std::string_view domain) {
  crypto_hash_sha512_init(&state_);
  absorb(as_bytes(kProtocolTag));
  append("domain", as_bytes(domain));
}

Transcript::Transcript(std::string_view domain, ByteView session_id) : Transcript(domain) {
  append("session-id", session_id);
}

Transcript::~Transcript() { sodium_memzero(&state_, sizeof(state_)); }

void Transcript::absorb(ByteView data) {
  crypto_hash_sha512_update(&state_, data.data(), data.size());
}

void Transcript::absorb_framed(uint8_t op, std::string_view label) {
  Bytes head;
  head.reserve(9 + label.size());
  append_u8(head, op);
  append_u64_be(head, label.size());
  okmpc::append(head, as_bytes(label));
  absorb(head);
}

void Transcript::append(std::string_view label, ByteView data) {
  absorb_framed(kOpAppend, label);
  Bytes len;
  append_u64_be(len, data.size());
  absorb(len);
  absorb(data);
}

void Transcript::append_u64(std::string_view label, uint64_t v) {
  Bytes be;
  append_u64_be(be, v);
  append(label, be);
}

ByteArray<64> Transcript::challenge_wide(std::string_view label) {
  absorb_framed(kOpChallenge, label);
  crypto_hash_sha512_state copy = state_;
  ByteArray<64> out;
  crypto_hash_sha512_final(&copy, out.data());
  sodium_memzero(&copy, sizeof(copy));
  append("challenge", out);
  return out;
}

ByteArray<32> Transcript::challenge_bytes(std::string_view label) {
  const ByteArray<64> wide = challenge_wide(label);
  ByteArray<32> out;
  std::copy(wide.begin(), wide.begin() + 32, out.begin());
  return out;
}

}  // namespace okmpc
