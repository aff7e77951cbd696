#include "auth/quorum.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

constexpr uint64_t kIssueSkewSeconds = 60;

// The checks every counted attestation passes; kQuorumNotMet naming the node.
AuthStatus check_attestation(const Attestation& a, const QuorumPolicy& policy, uint64_t now) {
  const std::vector<uint32_t> who{a.node_id};
  const NodeInfo* node = policy.find(a.node_id);
  if (!node) return auth_fail(AuthErrorCode::kQuorumNotMet, "attestation by unknown node " + std::to_string(a.node_id), who);
  if (a.claim.network_id != policy.network_id) {
    return auth_fail(AuthErrorCode::kQuorumNotMet, "attestation for another network", who);
  }
  if (!verify_attestation_signature_vartime(a, node->public_key)) {
    return auth_fail(AuthErrorCode::kQuorumNotMet, "attestation signature does not verify", who);
  }
  if (a.claim.expires_at <= now || a.claim.issued_at > now + kIssueSkewSeconds || a.claim.issued_at > a.claim.expires_at) {
    return auth_fail(AuthErrorCode::kQuorumNotMet, "attestation is not current", who);
  }
  return ok_status();
}

std::vector<uint32_t> sorted_unique(std::vector<uint32_t> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

Status QuorumPolicy::validate() const {
  if (network_id.empty()) return fail(ErrorCode::kInvalidArgument, "quorum policy: empty network id");
  std::set<uint32_t> ids;
  std::set<Ed25519PublicKey> keys;
  for (const NodeInfo& n : nodes) {
    if (n.node_id == 0 || !ids.insert(n.node_id).second || !keys.insert(n.public_key).second) {
      return fail(ErrorCode::kInvalidArgument, "quorum policy: node ids must be distinct and non-zero, keys distinct");
    }
  }
  if (quorum == 0 || quorum > nodes.size() || 2 * static_cast<size_t>(quorum) <= nodes.size()) {
    return fail(ErrorCode::kInvalidArgument, "quorum policy: need n/2 < quorum <= n (n = " +
                                                 std::to_string(nodes.size()) + ", quorum = " + std::to_string(quorum) + ")");
  }
  return ok();
}

const NodeInfo* QuorumPolicy::find(uint32_t node_id) const {
  for (const NodeInfo& n : nodes) {
    if (n.node_id == node_id) return &n;
  }
  return nullptr;
}

uint64_t QuorumCertificate::expires_at() const {
  uint64_t out = UINT64_MAX;
  for (const Attestation& a : attestations) out = std::min(out, a.claim.expires_at);
  return attestations.empty() ? 0 : out;
}

AuthResult<VerifiedQuorum> verify_quorum_certificate(const QuorumCertificate& cert, const QuorumPolicy& policy,
                                                     uint64_t now) {
  if (auto valid = policy.validate(); !valid) return auth_fail(AuthErrorCode::kInternal, valid.error());
  if (cert.attestations.size() < policy.quorum) {
    return auth_fail(AuthErrorCode::kQuorumNotMet, std::to_string(cert.attestations.size()) + " attestations, quorum is " +
                                                       std::to_string(policy.quorum));
  }
  std::set<uint32_t> seen;
  VerifiedQuorum out;
  const AttestationClaim& first = cert.attestations.front().claim;
  for (const Attestation& a : cert.attestations) {
    if (!seen.insert(a.node_id).second) {
      return auth_fail(AuthErrorCode::kQuorumNotMet, "node " + std::to_string(a.node_id) + " counted twice", {a.node_id});
    }
    auto checked = check_attestation(a, policy, now);
    if (!checked) return tl::unexpected(std::move(checked).error());
    if (!a.claim.same_subject(first)) {
      return auth_fail(AuthErrorCode::kQuorumNotMet, "attestations disagree on the user or session", {a.node_id});
    }
    out.signers.push_back(a.node_id);
  }
  out.identity = first.identity;
  out.session_address = first.session_address;
  out.request_nonce = first.request_nonce;
  out.expires_at = cert.expires_at();
  std::sort(out.signers.begin(), out.signers.end());
  return out;
}

std::string_view to_string(NodeVerdict v) {
  switch (v) {
    case NodeVerdict::kAttested: return "attested";
    case NodeVerdict::kRejected: return "rejected";
    case NodeVerdict::kInvalidAttestation: return "invalid_attestation";
    case NodeVerdict::kConflicting: return "conflicting";
    case NodeVerdict::kOutvoted: return "outvoted";
  }
  return "unknown";
}

AggregateResult aggregate_attestations(const QuorumPolicy& policy, const eth::Address& session_address,
                                       std::string_view request_nonce, std::vector<NodeAnswer> answers,
                                       uint64_t now) {
  AggregateResult result{{}, auth_fail(AuthErrorCode::kInternal, "not aggregated"), {}};
  if (auto valid = policy.validate(); !valid) {
    result.certificate = auth_fail(AuthErrorCode::kInternal, valid.error());
    return result;
  }
  std::vector<Attestation> valid;  // parallel to the indices in `valid_at`
  std::vector<size_t> valid_at;
  std::set<uint32_t> answered;
  for (NodeAnswer& ans : answers) {
    NodeOutcome outcome{ans.node_id, NodeVerdict::kRejected, std::nullopt};
    if (!ans.answer) {
      outcome.error = ans.answer.error();
    } else {
      const Attestation& a = *ans.answer;
      AuthStatus checked = ok_status();
      if (a.node_id != ans.node_id || !answered.insert(ans.node_id).second) {
        checked = auth_fail(AuthErrorCode::kQuorumNotMet, "answer signed under another node id or a repeated node", {ans.node_id});
      } else if (a.claim.session_address != session_address || a.claim.request_nonce != request_nonce) {
        checked = auth_fail(AuthErrorCode::kQuorumNotMet, "attestation names another session or request", {ans.node_id});
      } else {
        checked = check_attestation(a, policy, now);
      }
      if (!checked) {
        outcome.verdict = NodeVerdict::kInvalidAttestation;
        outcome.error = checked.error();
        result.misbehaving.push_back(ans.node_id);
      } else {
        outcome.verdict = NodeVerdict::kAttested;
        valid.push_back(a);
        valid_at.push_back(result.nodes.size());
      }
    }
    result.nodes.push_back(std::move(outcome));
  }

  // Count valid attestations per identity; n/2 < quorum makes the winner unique.
  std::map<std::pair<uint8_t, Hash32>, uint32_t> votes;
  for (const Attestation& a : valid) ++votes[{static_cast<uint8_t>(a.claim.identity.provider), a.claim.identity.subject_hash}];
  const UserIdentity* winner = nullptr;
  for (const Attestation& a : valid) {
    if (votes[{static_cast<uint8_t>(a.claim.identity.provider), a.claim.identity.subject_hash}] >= policy.quorum) {
      winner = &a.claim.identity;
      break;
    }
  }

  if (winner) {
    QuorumCertificate cert;
    for (size_t i = 0; i < valid.size(); ++i) {
      if (valid[i].claim.identity == *winner) {
        cert.attestations.push_back(valid[i]);
      } else {
        NodeOutcome& o = result.nodes[valid_at[i]];
        o.verdict = NodeVerdict::kConflicting;
        o.error = AuthError(AuthErrorCode::kConsensusFailed, "attested a different identity than the quorum", {o.node_id});
        result.misbehaving.push_back(o.node_id);
      }
    }
    std::sort(cert.attestations.begin(), cert.attestations.end(),
              [](const Attestation& x, const Attestation& y) { return x.node_id < y.node_id; });
    // Exactly a quorum travels on: every later verifier (each DWN node, the
    // chain) checks each signature it carries, and more than a quorum proves
    // nothing more.
    cert.attestations.resize(policy.quorum);
    result.misbehaving = sorted_unique(std::move(result.misbehaving));
    result.certificate = std::move(cert);
    return result;
  }

  // No quorum for any identity: a quorum of equal refusals is the answer.
  std::map<std::string_view, std::vector<const NodeOutcome*>> refusals;
  for (const NodeOutcome& o : result.nodes) {
    if (o.verdict == NodeVerdict::kRejected) refusals[o.error->public_code()].push_back(&o);
  }
  for (const auto& [code, who] : refusals) {
    if (who.size() < policy.quorum) continue;
    for (NodeOutcome& o : result.nodes) {
      if (o.verdict == NodeVerdict::kAttested) {
        o.verdict = NodeVerdict::kOutvoted;
        o.error = AuthError(AuthErrorCode::kConsensusFailed, "attested a credential a quorum of nodes refused", {o.node_id});
        result.misbehaving.push_back(o.node_id);
      }
    }
    result.misbehaving = sorted_unique(std::move(result.misbehaving));
    const AuthError& first = *who.front()->error;
    result.certificate = auth_fail(first.code, std::to_string(who.size()) + " of " + std::to_string(policy.nodes.size()) +
                                                   " nodes refused: " + first.message,
                                   result.misbehaving);
    return result;
  }
  result.misbehaving = sorted_unique(std::move(result.misbehaving));
  std::string summary;
  for (const NodeOutcome& o : result.nodes) {
    if (!summary.empty()) summary += "; ";
    summary += "node " + std::to_string(o.node_id) + " " + std::string(to_string(o.verdict));
    if (o.error) summary += " (" + std::string(o.error->public_code()) + ")";
  }
  result.certificate = auth_fail(AuthErrorCode::kConsensusFailed, "no quorum of " + std::to_string(policy.quorum) + ": " + summary,
                                 result.misbehaving);
  return result;
}

}  // namespace okmpc::auth
