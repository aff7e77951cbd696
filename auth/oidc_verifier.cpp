#include "auth/oidc_verifier.hpp"

namespace okmpc::auth {

OidcVerifier::OidcVerifier(Jwks jwks, OidcConfig config)
    : jwks_(std::make_shared<const Jwks>(std::move(jwks))),
      policy_{std::move(config.issuers), std::move(config.audience), config.clock_skew_seconds, true} {}

void OidcVerifier::replace_jwks(Jwks jwks) {
  auto fresh = std::make_shared<const Jwks>(std::move(jwks));
  std::lock_guard<std::mutex> lock(mu_);
  jwks_ = std::move(fresh);
}

std::shared_ptr<const Jwks> OidcVerifier::jwks() const {
  std::lock_guard<std::mutex> lock(mu_);
  return jwks_;
}

AuthResult<VerifiedCredential> OidcVerifier::verify(std::string_view token, std::string_view session_nonce,
                                                    uint64_t now) const {
  OKMPC_AUTH_ASSIGN(CompactJws jws, parse_compact_jws(token), AuthErrorCode::kMalformedToken);
  if (jws.alg != "RS256") {
    return auth_fail(AuthErrorCode::kUnsupportedAlgorithm, "alg \"" + jws.alg + "\" refused; Google signs with RS256");
  }
  if (!jws.kid) return auth_fail(AuthErrorCode::kUnknownKey, "token header has no kid");
  const std::shared_ptr<const Jwks> keys = jwks();
  const RsaPublicKey* key = keys->find(*jws.kid);
  if (!key) return auth_fail(AuthErrorCode::kUnknownKey, "kid \"" + *jws.kid + "\" is not in the JWKS");
  if (!key->verify_rs256(as_bytes(jws.signing_input), jws.signature)) {
    return auth_fail(AuthErrorCode::kBadSignature, "RS256 signature does not verify under kid \"" + *jws.kid + "\"");
  }
  return accept_verified_token(Provider::kGoogle, jws, policy_, now, session_nonce);
}

}  // namespace okmpc::auth
