// The registered claims every identity token must satisfy (RFC 7519 §4.1,
// OpenID Connect Core 1.0 §3.1.3.7 steps 2-3, 9-11), shared by the Google
// verifier and the okto OTP-token verifier, after each has checked the
// signature its own way.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json.hpp>

#include "auth/auth_error.hpp"
#include "auth/identity.hpp"
#include "auth/jws.hpp"

namespace okmpc::auth {

struct ClaimPolicy {
  std::vector<std::string> issuers;  // accepted `iss` values (exact match)
  std::string audience;              // our client id; must appear in `aud`
  uint64_t clock_skew_seconds = 60;  // tolerance on exp and iat
  bool require_nonce = true;         // false: `nonce` optional, checked if present
};

struct TokenClaims {
  std::string iss;
  std::string sub;
  std::vector<std::string> aud;      // a string `aud` becomes a one-element list
  std::optional<std::string> azp;
  uint64_t exp = 0;
  uint64_t iat = 0;
  std::optional<std::string> nonce;
  std::optional<std::string> jti;
  std::optional<std::string> email;
  std::optional<bool> email_verified;
};

// Reads and type-checks the claims. kMalformedToken when iss/sub (non-empty
// strings), aud (string or non-empty array of strings), exp/iat
// (non-negative integers) are missing or mistyped, or an optional claim has
// the wrong type (email_verified must be a JSON boolean).
AuthResult<TokenClaims> read_token_claims(const boost::json::object& claims);

// Checks, in this order: iss ∈ policy.issuers (kWrongIssuer); audience ∈ aud,
// and azp == audience when aud has several entries (kWrongAudience);
// now < exp + skew (kTokenExpired); iat <= now + skew and iat <= exp
// (kTokenNotYetValid); email present ⇒ email_verified == true
// (kEmailNotVerified); nonce == session_nonce (kNonceMismatch; a missing
// nonce fails only when policy.require_nonce). The nonce comparison is
// constant time. `now` is unix seconds from the caller's clock.
AuthStatus check_token_claims(const TokenClaims& claims, const ClaimPolicy& policy, uint64_t now,
                              std::string_view session_nonce);

// Reads, checks and summarises a token whose signature the caller has
// already verified: the VerifiedCredential for `provider`, with replay_key =
// sha256("okmpc/auth/replay/jti/v1" ‖ iss ‖ jti) when the token has a jti,
// else sha256("okmpc/auth/replay/token/v1" ‖ signing input ‖ signature).
AuthResult<VerifiedCredential> accept_verified_token(Provider provider, const CompactJws& jws,
                                                     const ClaimPolicy& policy, uint64_t now,
                                                     std::string_view session_nonce);

}  // namespace okmpc::auth
