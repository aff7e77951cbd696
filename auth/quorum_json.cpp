// JSON codec of QuorumCertificate (declared in quorum.hpp).
#include <set>

#include <boost/json.hpp>

#include "auth/quorum.hpp"
#include "auth/strict_json.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

constexpr AuthErrorCode kBad = AuthErrorCode::kBadRequest;
constexpr size_t kMaxAttestations = 64;

AuthResult<Attestation> attestation_from_json(const boost::json::value& v) {
  if (!v.is_object()) return auth_fail(kBad, "attestation must be an object");
  const boost::json::object& o = v.as_object();
  static const std::set<std::string_view> kFields = {"nodeId", "networkId", "provider", "subjectHash", "sessionAddress",
                                                     "requestNonce", "issuedAt", "expiresAt", "signature"};
  for (const auto& kv : o) {
    if (!kFields.count(std::string_view(kv.key().data(), kv.key().size()))) {
      return auth_fail(kBad, "attestation has unknown field \"" + std::string(kv.key()) + "\"");
    }
  }
  Attestation a;
  OKMPC_AUTH_ASSIGN(uint64_t node_id, required_uint(o, "nodeId"), kBad);
  if (node_id == 0 || node_id > UINT32_MAX) return auth_fail(kBad, "nodeId out of range");
  a.node_id = static_cast<uint32_t>(node_id);
  OKMPC_AUTH_ASSIGN(a.claim.network_id, required_string(o, "networkId"), kBad);
  OKMPC_AUTH_ASSIGN(std::string provider, required_string(o, "provider"), kBad);
  auto p = parse_provider(provider);
  if (!p) return auth_fail(kBad, "unknown provider \"" + provider + "\"");
  a.claim.identity.provider = *p;
  OKMPC_AUTH_ASSIGN(std::string subject, required_string(o, "subjectHash"), kBad);
  OKMPC_AUTH_ASSIGN(std::string address, required_string(o, "sessionAddress"), kBad);
  OKMPC_AUTH_ASSIGN(std::string signature, required_string(o, "signature"), kBad);
  if (subject.rfind("0x", 0) == 0 || signature.rfind("0x", 0) == 0) return auth_fail(kBad, "hex fields carry no 0x");
  OKMPC_AUTH_ASSIGN(a.claim.identity.subject_hash, from_hex_fixed<32>(subject), kBad);
  OKMPC_AUTH_ASSIGN(a.signature, from_hex_fixed<64>(signature), kBad);
  if (address.size() != 42 || address.rfind("0x", 0) != 0) return auth_fail(kBad, "sessionAddress must be 0x + 40 hex");
  OKMPC_AUTH_ASSIGN(a.claim.session_address, from_hex_fixed<20>(address), kBad);
  OKMPC_AUTH_ASSIGN(a.claim.request_nonce, required_string(o, "requestNonce"), kBad);
  OKMPC_AUTH_ASSIGN(a.claim.issued_at, required_uint(o, "issuedAt"), kBad);
  OKMPC_AUTH_ASSIGN(a.claim.expires_at, required_uint(o, "expiresAt"), kBad);
  return a;
}

}  // namespace

boost::json::array to_json(const std::vector<NodeOutcome>& outcomes) {
  boost::json::array out;
  for (const NodeOutcome& o : outcomes) {
    boost::json::object entry{{"nodeId", o.node_id}, {"verdict", std::string(to_string(o.verdict))}};
    if (o.error) {
      entry["errorCode"] = std::string(o.error->public_code());
      entry["reason"] = std::string(to_string(o.error->code));
      entry["message"] = o.error->message;
    }
    out.push_back(std::move(entry));
  }
  return out;
}

std::string to_json(const QuorumCertificate& cert) {
  boost::json::array list;
  for (const Attestation& a : cert.attestations) {
    list.push_back(boost::json::object{{"nodeId", a.node_id},
                                       {"networkId", a.claim.network_id},
                                       {"provider", std::string(to_string(a.claim.identity.provider))},
                                       {"subjectHash", to_hex(a.claim.identity.subject_hash)},
                                       {"sessionAddress", to_hex_prefixed(a.claim.session_address)},
                                       {"requestNonce", a.claim.request_nonce},
                                       {"issuedAt", a.claim.issued_at},
                                       {"expiresAt", a.claim.expires_at},
                                       {"signature", to_hex(a.signature)}});
  }
  return boost::json::serialize(boost::json::object{{"attestations", std::move(list)}});
}

AuthResult<QuorumCertificate> quorum_certificate_from_json(std::string_view json) {
  OKMPC_AUTH_ASSIGN(boost::json::object doc, parse_strict_object(json), kBad);
  if (doc.size() != 1) return auth_fail(kBad, "certificate must have exactly the field \"attestations\"");
  const boost::json::value* list = doc.if_contains("attestations");
  if (!list || !list->is_array() || list->as_array().empty() || list->as_array().size() > kMaxAttestations) {
    return auth_fail(kBad, "\"attestations\" must be an array of 1.." + std::to_string(kMaxAttestations));
  }
  QuorumCertificate cert;
  for (const boost::json::value& v : list->as_array()) {
    OKMPC_AUTH_ASSIGN(Attestation a, attestation_from_json(v), kBad);
    cert.attestations.push_back(std::move(a));
  }
  return cert;
}

}  // namespace okmpc::auth
