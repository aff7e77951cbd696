// Reliable broadcast by echo ("broadcast with abort" of Goldwasser–Lindell,
// "Secure Multi-Party Computation without Agreement", J. Cryptology 18(3),
// 2005; the echo step of Bracha's reliable broadcast): after receiving every broadcast of a round, each
// party sends every other party the digest of each broadcast it received
// (and of its own). A sender that gave different payloads to different
// parties is caught because the digests disagree; the run aborts instead of
// going on with inconsistent views.
//
// Echo payload (kEcho messages, round = the echoed round), big-endian:
//   u16 protocol (of the echoed round)   u16 count
//   count × { u32 sender, u8[32] digest }   senders strictly increasing
// digest = SHA-256 of the broadcast message's full wire encoding (header
// included, so session, protocol, round and sender are bound).
//
// Blame. With authenticated point-to-point links but no signatures an echo
// mismatch about sender j reported by k means "j equivocated or k lied". The
// judge below names j when k's report about a third party j disagrees, names
// k when k's report about k's own message or about the judging party's own
// message disagrees (the judge knows what it sent and what it got from k).
// A lying echoer can therefore frame a third party, but never make honest
// parties proceed with different views: safety is abort, as in
// Goldwasser–Lindell's "abort with identifiable disagreement".
#pragma once

#include <map>
#include <vector>

#include "mpc/hash.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

using EchoTable = std::map<PartyId, Hash32>;  // sender -> digest of its broadcast

// SHA-256 of `broadcast.encode()`.
Hash32 broadcast_digest(const Message& broadcast);

// Encodes an echo table for `protocol`.
Bytes encode_echo(ProtocolId protocol, const EchoTable& table);

// Strict decode: exact length, sorted distinct nonzero senders, matching
// protocol. Errors are kInvalidEncoding naming `echoer`.
Result<EchoTable> decode_echo(ByteView payload, ProtocolId protocol, PartyId echoer);

// Compares every echoer's table with `own` (the judging party `self`'s view,
// own broadcast included). Tables must cover exactly the keys of `own`. On
// disagreement returns kProtocolAbort naming the culprits per the blame rule
// above (sorted, distinct) and saying who reported what.
Status judge_echoes(PartyId self, uint16_t round, const EchoTable& own,
                    const std::map<PartyId, EchoTable>& echoes);

}  // namespace okmpc::runtime
