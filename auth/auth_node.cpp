#include "auth/auth_node.hpp"

#include "auth/session_binding.hpp"

namespace okmpc::auth {

AuthStatus check_request_nonce(std::string_view nonce) {
  if (nonce.empty() || nonce.size() > 128) return auth_fail(AuthErrorCode::kBadRequest, "request nonce must be 1..128 characters");
  for (char c : nonce) {
    if (c < 0x21 || c > 0x7e) return auth_fail(AuthErrorCode::kBadRequest, "request nonce must be printable ASCII");
  }
  return ok_status();
}

AuthNode::AuthNode(AuthNodeConfig config, NodeSigningKey key,
                   std::vector<std::shared_ptr<const CredentialVerifier>> verifiers, std::unique_ptr<ReplayStore> replay)
    : config_(std::move(config)), key_(std::move(key)), verifiers_(std::move(verifiers)), replay_(std::move(replay)) {}

AuthResult<Attestation> AuthNode::attest(const AuthRequest& request, uint64_t now) {
  OKMPC_AUTH_ASSIGN(SessionBinding session, bind_session(request.session_pk), AuthErrorCode::kBadRequest);
  auto nonce_ok = check_request_nonce(request.request_nonce);
  if (!nonce_ok) return tl::unexpected(std::move(nonce_ok).error());
  const CredentialVerifier* verifier = nullptr;
  for (const auto& v : verifiers_) {
    if (v && v->provider() == request.provider) {
      verifier = v.get();
      break;
    }
  }
  if (!verifier) {
    return auth_fail(AuthErrorCode::kBadRequest, "provider \"" + std::string(to_string(request.provider)) +
                                                     "\" is not enabled on node " + std::to_string(config_.node_id));
  }
  OKMPC_AUTH_ASSIGN(VerifiedCredential cred, verifier->verify(request.id_token, session.nonce, now),
                    AuthErrorCode::kInternal);
  auto fresh = replay_->insert_if_absent(cred.replay_key, cred.expires_at + config_.replay_margin_seconds);
  if (!fresh) return auth_fail(AuthErrorCode::kInternal, fresh.error());
  if (!*fresh) return auth_fail(AuthErrorCode::kTokenReplayed, "this credential was already used");

  AttestationClaim claim{config_.network_id, cred.identity, session.address, request.request_nonce, now,
                         now + config_.attestation_ttl_seconds};
  return key_.attest(config_.node_id, std::move(claim));
}

}  // namespace okmpc::auth
