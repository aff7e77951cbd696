// Protocol messages and their versioned wire format.
//
// Wire format (all integers big-endian), 53-byte header, payload, and for
// format 2 a signature trailer:
//   u8  format      = 1 (unsigned) or 2 (signed)
//   u16 protocol    (ProtocolId)
//   u16 version     (the protocol's own version)
//   u8[32] session  (session id: binds every message to one run)
//   u16 round       (1-based)
//   u32 from        (sender party id, 1..n)
//   u32 to          (receiver party id, or 0 = broadcast)
//   u32 length      (payload length)
//   u8[length] payload
//   u8[64] signature   (format 2 only: the sender's identity signature over
//                       the broadcast statement of echo.hpp)
// Reliable broadcasts (rounds with an echo exchange) travel as format 2,
// every other message as format 1. Decoding is strict: unknown format,
// truncated or trailing bytes are errors.
#pragma once

#include <cstdint>
#include <optional>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::runtime {

using PartyId = uint32_t;                 // 1..n; identifiers are the Shamir x-coordinates
inline constexpr PartyId kBroadcast = 0;  // `to` of a broadcast message
using SessionId = ByteArray<32>;

enum class ProtocolId : uint16_t {
  kEcho = 1,         // runtime: echo round of reliable broadcast
  kEchoEvidence = 6, // runtime: evidence step after an echo mismatch
  kDkg = 2,          // protocols/dkg
  kFrost = 3,        // protocols/frost
  kEcdsaSetup = 4,   // protocols/ecdsa: pairwise OT setup
  kEcdsaSign = 5,    // protocols/ecdsa: signing
  kEcdsaPresign = 7, // protocols/ecdsa: presigning (rounds 1-2 of signing, no message)
  kEcdsaOnline = 8,  // protocols/ecdsa: the online round of a presignature
  kTest = 0x7fff,    // tests of the runtime itself
};

struct Message {
  static constexpr uint8_t kFormat = 1;        // unsigned
  static constexpr uint8_t kSignedFormat = 2;  // payload followed by a 64-byte signature
  static constexpr size_t kSignatureBytes = 64;
  static constexpr size_t kHeaderBytes = 1 + 2 + 2 + 32 + 2 + 4 + 4 + 4;
  static constexpr size_t kMaxPayload = 16u << 20;  // 16 MiB

  ProtocolId protocol = ProtocolId::kTest;
  uint16_t version = 1;
  SessionId session{};
  uint16_t round = 0;
  PartyId from = 0;
  PartyId to = kBroadcast;
  Bytes payload;
  std::optional<ByteArray<kSignatureBytes>> signature;  // set: encoded as format 2

  bool is_broadcast() const { return to == kBroadcast; }
  size_t wire_size() const { return kHeaderBytes + payload.size() + (signature ? kSignatureBytes : 0); }
  Bytes encode() const;
  static Result<Message> decode(ByteView wire);

  friend bool operator==(const Message&, const Message&) = default;
};

}  // namespace okmpc::runtime
