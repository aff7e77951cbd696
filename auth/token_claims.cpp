#include "auth/token_claims.hpp"

#include <algorithm>

#include "auth/length_prefixed.hpp"
#include "auth/strict_json.hpp"
#include "mpc/hash.hpp"

namespace okmpc::auth {
namespace {

constexpr AuthErrorCode kMalformed = AuthErrorCode::kMalformedToken;

AuthResult<std::vector<std::string>> read_audience(const boost::json::object& claims) {
  const boost::json::value* aud = claims.if_contains("aud");
  if (aud && aud->is_string()) return std::vector<std::string>{std::string(aud->as_string())};
  if (aud && aud->is_array() && !aud->as_array().empty()) {
    std::vector<std::string> out;
    for (const auto& v : aud->as_array()) {
      if (!v.is_string()) return auth_fail(kMalformed, "claim \"aud\" array must hold strings");
      out.emplace_back(v.as_string());
    }
    return out;
  }
  return auth_fail(kMalformed, "claim \"aud\" must be a string or a non-empty array of strings");
}

}  // namespace

AuthResult<TokenClaims> read_token_claims(const boost::json::object& claims) {
  TokenClaims c;
  OKMPC_AUTH_ASSIGN(c.iss, required_string(claims, "iss"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.sub, required_string(claims, "sub"), kMalformed);
  if (c.iss.empty() || c.sub.empty()) return auth_fail(kMalformed, "claims \"iss\" and \"sub\" must be non-empty");
  OKMPC_AUTH_ASSIGN(c.aud, read_audience(claims), kMalformed);
  OKMPC_AUTH_ASSIGN(c.azp, optional_string(claims, "azp"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.exp, required_uint(claims, "exp"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.iat, required_uint(claims, "iat"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.nonce, optional_string(claims, "nonce"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.jti, optional_string(claims, "jti"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.email, optional_string(claims, "email"), kMalformed);
  OKMPC_AUTH_ASSIGN(c.email_verified, optional_bool(claims, "email_verified"), kMalformed);
  return c;
}

AuthStatus check_token_claims(const TokenClaims& c, const ClaimPolicy& policy, uint64_t now,
                              std::string_view session_nonce) {
  if (std::find(policy.issuers.begin(), policy.issuers.end(), c.iss) == policy.issuers.end()) {
    return auth_fail(AuthErrorCode::kWrongIssuer, "issuer \"" + c.iss + "\" is not accepted");
  }
  if (policy.audience.empty() || std::find(c.aud.begin(), c.aud.end(), policy.audience) == c.aud.end()) {
    return auth_fail(AuthErrorCode::kWrongAudience, "token is not issued for audience \"" + policy.audience + "\"");
  }
  if (c.aud.size() > 1 && c.azp != policy.audience) {
    return auth_fail(AuthErrorCode::kWrongAudience, "multi-audience token without azp = our client id");
  }
  const uint64_t skew = policy.clock_skew_seconds;
  if (now >= c.exp && now - c.exp >= skew) {  // now >= exp + skew, without overflow
    return auth_fail(AuthErrorCode::kTokenExpired,
                     "token expired at " + std::to_string(c.exp) + " (now " + std::to_string(now) + ")");
  }
  if ((c.iat > now && c.iat - now > skew) || c.iat > c.exp) {
    return auth_fail(AuthErrorCode::kTokenNotYetValid,
                     "token issued in the future at " + std::to_string(c.iat) + " (now " + std::to_string(now) + ")");
  }
  if (c.email && c.email_verified != true) {
    return auth_fail(AuthErrorCode::kEmailNotVerified, "email claim without email_verified = true");
  }
  if (!c.nonce) {
    if (policy.require_nonce) return auth_fail(AuthErrorCode::kNonceMismatch, "token has no nonce claim");
    return ok_status();
  }
  if (!ct_equal(as_bytes(*c.nonce), as_bytes(session_nonce))) {
    return auth_fail(AuthErrorCode::kNonceMismatch, "token nonce does not bind this session key");
  }
  return ok_status();
}

AuthResult<VerifiedCredential> accept_verified_token(Provider provider, const CompactJws& jws,
                                                     const ClaimPolicy& policy, uint64_t now,
                                                     std::string_view session_nonce) {
  OKMPC_AUTH_ASSIGN(TokenClaims c, read_token_claims(jws.claims), kMalformed);
  auto checked = check_token_claims(c, policy, now, session_nonce);
  if (!checked) return tl::unexpected(std::move(checked).error());

  VerifiedCredential out;
  out.identity = UserIdentity{provider, subject_hash(provider, c.iss, c.sub)};
  out.issuer = c.iss;
  out.subject = c.sub;
  out.email = c.email;
  out.expires_at = c.exp;
  Bytes enc;
  if (c.jti) {
    append_field(enc, as_bytes("okmpc/auth/replay/jti/v1"));
    append_field(enc, as_bytes(c.iss));
    append_field(enc, as_bytes(*c.jti));
  } else {
    append_field(enc, as_bytes("okmpc/auth/replay/token/v1"));
    append_field(enc, as_bytes(jws.signing_input));
    append_field(enc, jws.signature);
  }
  out.replay_key = sha256(enc);
  return out;
}

}  // namespace okmpc::auth
