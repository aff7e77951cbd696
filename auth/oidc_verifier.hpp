// Google ID-token verification (OpenID Connect Core 1.0 §3.1.3.7, Google's
// "Authenticate with a backend server" rules; DOMAIN.md "OIDC (Google)").
//
// Order of checks, each with its own AuthErrorCode: structure
// (kMalformedToken) → alg must be exactly "RS256" (kUnsupportedAlgorithm:
// "none", HS256 — so the RSA-public-key-as-HMAC-secret trick never reaches
// any MAC code — and every other alg) → kid present and in the JWKS
// (kUnknownKey) → RS256 signature under that key via OpenSSL
// (kBadSignature) → claims (token_claims.hpp: issuer, audience, exp/iat
// with skew, email_verified, nonce = keccak256(sessionPk) hex).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "auth/credential_verifier.hpp"
#include "auth/jwks.hpp"
#include "auth/token_claims.hpp"

namespace okmpc::auth {

inline const std::vector<std::string>& google_issuers() {
  static const std::vector<std::string> kIssuers = {"https://accounts.google.com", "accounts.google.com"};
  return kIssuers;
}

struct OidcConfig {
  std::string audience;                             // our OAuth client id (required)
  std::vector<std::string> issuers = google_issuers();
  uint64_t clock_skew_seconds = 60;
};

class OidcVerifier final : public CredentialVerifier {
 public:
  OidcVerifier(Jwks jwks, OidcConfig config);

  // Swaps in a refreshed key set (provider key rotation); concurrent
  // verify() calls see either the old or the new set.
  void replace_jwks(Jwks jwks);

  Provider provider() const override { return Provider::kGoogle; }
  AuthResult<VerifiedCredential> verify(std::string_view token, std::string_view session_nonce,
                                        uint64_t now) const override;

 private:
  std::shared_ptr<const Jwks> jwks() const;

  mutable std::mutex mu_;
  std::shared_ptr<const Jwks> jwks_;
  ClaimPolicy policy_;
};

}  // namespace okmpc::auth
