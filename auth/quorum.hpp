// Quorum of auth-node attestations (issue 10: "the gateway proceeds only with
// a quorum of signed attestations (AUTH_CONSENSUS_FAILED otherwise), and the
// chain/DWN check that quorum again before acting").
//
// A QuorumPolicy names the network, every node's Ed25519 key and the quorum
// t, with n/2 < t <= n so that at most one claim can gather t honest-or-not
// signatures from distinct nodes (a node signing two claims would be needed
// for two quorums). aggregate_attestations() turns the nodes' answers into a
// QuorumCertificate or a failure naming the culprits;
// verify_quorum_certificate() is the stand-alone check every later consumer
// repeats.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "auth/attestation.hpp"
#include "auth/auth_error.hpp"

namespace okmpc::auth {

struct NodeInfo {
  uint32_t node_id = 0;
  Ed25519PublicKey public_key{};
};

struct QuorumPolicy {
  std::string network_id;
  std::vector<NodeInfo> nodes;
  uint32_t quorum = 0;

  // kInvalidArgument unless: network_id non-empty, node ids distinct and
  // non-zero, keys distinct, n/2 < quorum <= n.
  Status validate() const;
  const NodeInfo* find(uint32_t node_id) const;
};

// At least `quorum` attestations by distinct nodes over the same subject
// (AttestationClaim::same_subject), sorted by node id. aggregate_attestations
// emits exactly `quorum` (the lowest node ids among the winning ones);
// verify_quorum_certificate accepts any number >= quorum.
struct QuorumCertificate {
  std::vector<Attestation> attestations;

  // The common claim fields (of the first attestation; the verifier checks
  // they agree). expires_at() is the earliest expiry of all attestations.
  // The accessors need a non-empty list (aggregation and JSON parsing only
  // produce non-empty ones).
  const UserIdentity& identity() const { return attestations.front().claim.identity; }
  const eth::Address& session_address() const { return attestations.front().claim.session_address; }
  const std::string& request_nonce() const { return attestations.front().claim.request_nonce; }
  uint64_t expires_at() const;
};

// What a verified certificate establishes.
struct VerifiedQuorum {
  UserIdentity identity;
  eth::Address session_address{};
  std::string request_nonce;
  uint64_t expires_at = 0;         // earliest attestation expiry
  std::vector<uint32_t> signers;   // node ids, ascending
};

// Verifies `cert` against `policy` at unix time `now`. Every attestation
// must be by a distinct node of the policy, carry a valid signature, the
// policy's network id, the same subject as the others, issued_at <= now +
// 60 s and expires_at > now; and there must be at least policy.quorum of
// them. Any violation fails the whole certificate with kQuorumNotMet naming
// the offending node ids (a certificate is only ever assembled from valid
// attestations, so an invalid one means tampering). kInvalidArgument from an
// invalid policy is reported as kInternal.
AuthResult<VerifiedQuorum> verify_quorum_certificate(const QuorumCertificate& cert, const QuorumPolicy& policy,
                                                     uint64_t now);

// What happened at one node during aggregation.
enum class NodeVerdict : uint8_t {
  kAttested,            // valid attestation of the winning identity (the certificate carries the first `quorum` of them)
  kRejected,            // the node refused the credential (see error)
  kInvalidAttestation,  // bad signature, wrong node id, network, session, nonce or times: misbehaving
  kConflicting,         // valid signature on a different identity than the quorum's: misbehaving
  kOutvoted,            // attested while a quorum of nodes rejected the credential
};
std::string_view to_string(NodeVerdict v);

struct NodeOutcome {
  uint32_t node_id = 0;
  NodeVerdict verdict = NodeVerdict::kRejected;
  std::optional<AuthError> error;  // the node's refusal, or why its answer was discarded
};

struct AggregateResult {
  std::vector<NodeOutcome> nodes;            // one per answer, in answer order
  AuthResult<QuorumCertificate> certificate; // or the failure (culprits = misbehaving node ids)
  std::vector<uint32_t> misbehaving;         // kInvalidAttestation / kConflicting / kOutvoted nodes
};

struct NodeAnswer {
  uint32_t node_id = 0;
  AuthResult<Attestation> answer;
};

// Aggregates the answers to one request for session `session_address` and
// request nonce `request_nonce`:
//  - an attestation counts only if it is by the answering node, signed with
//    its policy key, and names the policy network, this session and nonce,
//    and is current at `now`; otherwise kInvalidAttestation;
//  - the identity attested by >= quorum valid attestations wins; valid
//    attestations of any other identity are kConflicting; the certificate
//    holds the winning attestations of the `quorum` lowest node ids;
//  - with no winner: if >= quorum nodes refused with the same public error
//    code, that refusal is returned (e.g. TOKEN_EXPIRED) and any attesting
//    node is kOutvoted; otherwise kConsensusFailed.
// Failures list the misbehaving nodes as culprits.
AggregateResult aggregate_attestations(const QuorumPolicy& policy, const eth::Address& session_address,
                                       std::string_view request_nonce, std::vector<NodeAnswer> answers,
                                       uint64_t now);

// Per-node outcomes for logs, the demo and API answers:
// [{"nodeId":1,"verdict":"attested"|"rejected"|...,["errorCode":"INVALID_TOKEN","reason":"bad_signature","message":"..."]}]
boost::json::array to_json(const std::vector<NodeOutcome>& outcomes);

// JSON form for transport (gateway → DWN / chain):
// {"attestations":[{"nodeId":1,"networkId":"...","provider":"google",
//   "subjectHash":"<64 hex>","sessionAddress":"0x<40 hex>","requestNonce":"...",
//   "issuedAt":n,"expiresAt":n,"signature":"<128 hex>"}]}
std::string to_json(const QuorumCertificate& cert);
// Strict inverse of to_json (kBadRequest on any deviation). Parsing checks
// no signatures: call verify_quorum_certificate next.
AuthResult<QuorumCertificate> quorum_certificate_from_json(std::string_view json);

}  // namespace okmpc::auth
