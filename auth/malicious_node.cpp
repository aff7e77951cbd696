#include "auth/malicious_node.hpp"

#include "auth/session_binding.hpp"

namespace okmpc::auth {

MaliciousAuthNode::MaliciousAuthNode(uint32_t node_id, std::string network_id, NodeSigningKey key,
                                     Misbehavior behavior, UserIdentity forged)
    : node_id_(node_id), network_id_(std::move(network_id)), key_(std::move(key)), behavior_(behavior), forged_(forged) {}

AuthResult<Attestation> MaliciousAuthNode::attest(const AuthRequest& request, uint64_t now) {
  if (behavior_ == Misbehavior::kRefuse) return auth_fail(AuthErrorCode::kBadSignature, "refused (injected fault)");
  OKMPC_AUTH_ASSIGN(SessionBinding session, bind_session(request.session_pk), AuthErrorCode::kBadRequest);
  AttestationClaim claim{network_id_, forged_, session.address, request.request_nonce, now, now + 300};
  if (behavior_ == Misbehavior::kWrongSession) claim.session_address[0] ^= 0x01;
  Attestation a = key_.attest(node_id_, std::move(claim));
  if (behavior_ == Misbehavior::kCorruptSignature) a.signature[10] ^= 0x40;
  return a;
}

}  // namespace okmpc::auth
