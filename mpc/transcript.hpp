// Transcript: the single road from protocol data to Fiat–Shamir challenges
// (STYLE.md §9). A running SHA-512 state absorbs framed fields; a challenge
// hashes a copy of the state and is then absorbed itself, so successive
// challenges differ and each depends on everything before it.
//
// Framing (unambiguous — no field can be confused with another):
//   init:      "okmpc/transcript/v1" absorbed raw, then append("domain", domain)
//   append:    0x01 ‖ u64be(|label|) ‖ label ‖ u64be(|data|) ‖ data
//   challenge: 0x02 ‖ u64be(|label|) ‖ label, then out = SHA-512(state so far),
//              then append("challenge", out)
// Callers bind the session: append the session id and the party set right
// after construction (or use the two-argument constructor).
#pragma once

#include <sodium.h>

#include <cstdint>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/curve.hpp"

namespace okmpc {

class Transcript {
 public:
  // A transcript for the protocol named by `domain` (e.g. "okmpc/frost/v1").
  explicit Transcript(std::string_view domain);
  // Same, then append("session-id", session_id).
  Transcript(std::string_view domain, ByteView session_id);
  // Copyable on purpose: a prover and a verifier may fork a common prefix.
  Transcript(const Transcript&) = default;
  Transcript& operator=(const Transcript&) = default;
  // The hash state is wiped on destruction.
  ~Transcript();

  // Absorbs one labelled, length-prefixed field.
  void append(std::string_view label, ByteView data);
  void append_u64(std::string_view label, uint64_t v);
  template <Curve C>
  void append_point(std::string_view label, const typename C::Point& p) {
    append(label, p.to_bytes());
  }
  template <Curve C>
  void append_scalar(std::string_view label, const typename C::Scalar& s) {
    append(label, s.to_bytes());
  }

  // 64 challenge bytes for `label` (then absorbed, see the framing above).
  ByteArray<64> challenge_wide(std::string_view label);
  // The first 32 bytes of challenge_wide(label).
  ByteArray<32> challenge_bytes(std::string_view label);
  // challenge_wide(label) reduced mod the group order of C (bias < 2^-250
  // for secp256k1 and Ed25519).
  template <Curve C>
  typename C::Scalar challenge(std::string_view label) {
    const ByteArray<64> wide = challenge_wide(label);
    return C::Scalar::reduce(wide);
  }

 private:
  void absorb(ByteView data);
  void absorb_framed(uint8_t op, std::string_view label);
  crypto_hash_sha512_state state_;
};

}  // namespace okmpc
