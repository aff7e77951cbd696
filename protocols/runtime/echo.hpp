// Reliable broadcast with identifiable abort: signed broadcasts, one echo
// digest per party, and an evidence step that runs only on disagreement.
// "Broadcast with abort" of Goldwasser–Lindell, "Secure Multi-Party
// Computation without Agreement", J. Cryptology 18(3), 2005 (§3, the
// authenticated variant with a PKI); the echo step is Bracha's.
//
// Steps of one reliable round r among parties P (every party broadcasts):
//  1. Broadcast. Sender j sends every peer the same payload m_j with its
//     identity signature (identity.hpp) over the broadcast statement
//     (broadcast_statement below: protocol, version, session, round, j,
//     SHA-256(m_j)). Receivers do NOT verify it yet (lazy verification).
//  2. Echo. Once party i holds all broadcasts of r (its own included) it
//     sends every peer one digest e_i = echo_digest(view_i), a hash of the
//     list (j, SHA-256(m_j)) over all j in P: 34 payload bytes, so O(n)
//     per party and O(n²) in total. If every echo equals its own digest,
//     i runs the round function: every honest party that goes on holds the
//     same payloads (collision resistance). No signature was verified.
//  3. Evidence (only after a mismatch). A party that saw an echo differ
//     from its own digest, or that received someone's evidence for r,
//     verifies the signatures of the broadcasts it received; if one is
//     invalid (or the header is not the sender's) it aborts naming that
//     sender — the link is authenticated, so the sender sent it — and sends
//     no evidence. Otherwise it sends every peer its whole view (all
//     signed broadcasts of r). A party that saw a mismatch judges once it
//     has everybody's evidence (judge_evidence):
//       - k's evidence does not hash to the echo k sent it: k lied;
//       - k's evidence shows a different message of the judge's own: k lied
//         (links are authenticated and the judge sent one message);
//       - k's evidence shows, for sender j, a payload that differs from the
//         judge's and whose signature does not verify: k lied (an honest k
//         never sends evidence with an invalid signature, see above);
//       - it differs and verifies: j signed two payloads for one (session,
//         round) — j equivocated (the judge's own copy was verified).
//     A mismatch always has one of these explanations, so the judge names
//     at least one party, and each rule names only a party that provably
//     misbehaved. A party that withholds its echo or evidence is named by
//     the driver's timeout.
// Cases. Malicious sender, honest echoers: different signed payloads are
// caught as equivocation; a corrupted copy on one link fails its signature
// at its receiver, who names the sender. Honest sender, malicious echoer:
// the echoer cannot sign for the sender, so its evidence either does not
// back its echo or carries an invalid signature — the echoer is named.
// Both malicious: every rule above is sound whatever the others do, so only
// the malicious are named; they can force an abort (never disagreement).
//
// Without a PKI (a driver that never called Party::bind_identity, e.g. the
// embedding API in include/okmpc): broadcasts travel unsigned and steps 1–3
// run the same, but a differing third-party entry proves nothing ("sender
// j or echoer k"), so the judge names only parties the unsigned rules
// convict (evidence not backing the echo, the judge's own broadcast
// misreported) and otherwise aborts naming nobody — never an honest party.
//
// Wire payloads (big-endian; kEcho version 2, kEchoEvidence version 1; the
// message header carries session and round r):
//   echo      u16 protocol ‖ u8[32] e_i
//   evidence  u16 protocol ‖ u16 count ‖ count × {u32 sender ‖ u32 length ‖
//             u8[length] payload ‖ u8[64] signature}, senders strictly
//             increasing
// Decoding is strict (exact lengths, sorted distinct nonzero senders, the
// protocol of the run); errors are kInvalidEncoding naming the sender.
#pragma once

#include <map>

#include "mpc/hash.hpp"
#include "protocols/runtime/identity.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

inline constexpr uint16_t kEchoVersion = 2;
inline constexpr uint16_t kEvidenceVersion = 1;

// The round whose broadcasts are echoed.
struct EchoContext {
  ProtocolId protocol = ProtocolId::kTest;
  uint16_t version = 1;
  SessionId session{};
  uint16_t round = 0;
};

struct SignedBroadcast {
  Bytes payload;
  IdentitySignature signature{};
  friend bool operator==(const SignedBroadcast&, const SignedBroadcast&) = default;
};
// Every broadcast of one round as one party holds it, by sender.
using BroadcastView = std::map<PartyId, SignedBroadcast>;

// SHA-256(payload): the digest of a broadcast that statements and echo
// digests hold. Callers that need it twice (sign, then echo) compute it once
// and use the *_digest forms below.
inline Hash32 payload_digest(ByteView payload) { return sha256(payload); }

// The bytes a sender signs: a domain label, then protocol, version,
// session, round, sender and SHA-256(payload), fixed-length fields.
Bytes broadcast_statement(const EchoContext& ctx, PartyId sender, ByteView payload);
// The same statement from payload_digest(payload).
Bytes broadcast_statement_from_digest(const EchoContext& ctx, PartyId sender, const Hash32& payload_digest);

// Signs `payload` as `sender`'s broadcast of ctx's round.
IdentitySignature sign_broadcast(const EchoContext& ctx, PartyId sender, ByteView payload, const IdentityKey& key);
// The same signature from payload_digest(payload).
IdentitySignature sign_broadcast_digest(const EchoContext& ctx, PartyId sender, const Hash32& payload_digest,
                                        const IdentityKey& key);

// True iff `b` carries `sender`'s valid signature for ctx's round.
bool verify_broadcast_vartime(const EchoContext& ctx, PartyId sender, const SignedBroadcast& b,
                              const IdentityPublicKey& key);

// e = SHA-256(label ‖ ctx ‖ u32 count ‖ count × {u32 sender ‖ SHA-256(payload)}).
// Signatures are not hashed: two valid signatures of one payload are the
// same broadcast.
Hash32 echo_digest(const EchoContext& ctx, const BroadcastView& view);
// The same digest from each sender's payload_digest (sender -> digest): what
// a party that already hashed every payload once computes, without copying
// the payloads into a BroadcastView.
Hash32 echo_digest(const EchoContext& ctx, const std::map<PartyId, Hash32>& payload_digests);

Bytes encode_echo(ProtocolId protocol, const Hash32& digest);
// Strict decode of an echo payload from `echoer`.
Result<Hash32> decode_echo(ByteView payload, ProtocolId protocol, PartyId echoer);

Bytes encode_evidence(ProtocolId protocol, const BroadcastView& view);
// Strict decode of an evidence payload from `sender` (any sender set; the
// judge checks it against the run's).
Result<BroadcastView> decode_evidence(ByteView payload, ProtocolId protocol, PartyId sender);

// Step 3's own check: every broadcast in `own` from a party other than
// `self` verifies under its key in `directory`. Otherwise kProtocolAbort
// naming the senders of the invalid ones (sorted).
Status check_own_view(const EchoContext& ctx, PartyId self, const BroadcastView& own,
                      const IdentityDirectory& directory);

// Step 3's judgment by `self`, whose own view `own` passed check_own_view
// (`directory` null: the unsigned mode above, no signature is checked).
// `echoes` and `evidence` hold, for every other party k of the round, the
// echo digest and the evidence k sent `self`. Returns ok() when no rule
// applies (no mismatch to explain), else kProtocolAbort naming the culprits
// (sorted, distinct) with what each did. Verifies signatures only of
// entries that differ from `own`.
Status judge_evidence(const EchoContext& ctx, PartyId self, const BroadcastView& own,
                      const std::map<PartyId, Hash32>& echoes, const std::map<PartyId, BroadcastView>& evidence,
                      const IdentityDirectory* directory);

}  // namespace okmpc::runtime
