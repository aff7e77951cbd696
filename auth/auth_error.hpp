// Typed failures of the auth network. Each AuthErrorCode is one rejection
// class (tests assert it exactly); public_code() maps it to the documented
// gateway `errorCode` string (INVALID_TOKEN, TOKEN_EXPIRED, ...), which is
// deliberately coarser so that clients cannot probe which check failed.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "mpc/error.hpp"

namespace okmpc::auth {

enum class AuthErrorCode : uint16_t {
  kBadRequest = 1,         // malformed request field (session key, provider, address, ...)
  kMalformedToken,         // not a compact JWS, bad base64url, bad JSON, wrong claim types
  kUnsupportedAlgorithm,   // alg other than the one the provider uses (none, HS256, ...)
  kUnknownKey,             // kid absent from the JWKS / issuer key set
  kBadSignature,           // signature does not verify under the kid's key
  kWrongIssuer,
  kWrongAudience,
  kTokenExpired,           // exp (plus skew) is in the past
  kTokenNotYetValid,       // iat (minus skew) is in the future
  kEmailNotVerified,       // email claim present but email_verified is not true
  kNonceMismatch,          // nonce claim does not bind the session key of the request
  kTokenReplayed,          // the token (jti or hash) was accepted before
  kOtpInvalid,             // wrong code, or no code pending for that identity
  kOtpExpired,
  kOtpLocked,              // too many wrong attempts
  kRateLimited,
  kConsensusFailed,        // the auth nodes did not reach a quorum
  kQuorumNotMet,           // a quorum certificate lacks enough valid attestations
  kInternal,               // storage failure and similar; not the caller's fault
};

// The documented gateway string for `code` (e.g. "INVALID_TOKEN").
std::string_view public_code(AuthErrorCode code);
// A stable identifier of the fine-grained class (e.g. "unsupported_algorithm").
std::string_view to_string(AuthErrorCode code);

struct AuthError {
  AuthErrorCode code = AuthErrorCode::kInternal;
  std::string message;
  std::vector<uint32_t> culprits;  // auth node ids that misbehaved or dissented

  AuthError() = default;
  AuthError(AuthErrorCode c, std::string msg, std::vector<uint32_t> who = {})
      : code(c), message(std::move(msg)), culprits(std::move(who)) {}

  std::string_view public_code() const { return auth::public_code(code); }
  // The closest okmpc::Error (kReplay, kExpired, kVerificationFailed, ...).
  Error to_error() const;
  // "INVALID_TOKEN (bad_signature): message (culprits: 3)"
  std::string describe() const;
};

std::ostream& operator<<(std::ostream& os, const AuthError& e);

template <class T>
using AuthResult = tl::expected<T, AuthError>;
using AuthStatus = tl::expected<void, AuthError>;

inline tl::unexpected<AuthError> auth_fail(AuthErrorCode code, std::string message,
                                           std::vector<uint32_t> culprits = {}) {
  return tl::unexpected<AuthError>(AuthError(code, std::move(message), std::move(culprits)));
}

inline AuthStatus ok_status() { return {}; }

// Re-labels a core Error as an auth failure of class `as`, keeping its text.
inline tl::unexpected<AuthError> auth_fail(AuthErrorCode as, const Error& cause) {
  return auth_fail(as, cause.describe(), cause.culprits);
}

}  // namespace okmpc::auth

// OKMPC_AUTH_ASSIGN(lhs, expr, code): `lhs = *expr`, or return the failure
// re-labelled as `code` (expr over okmpc::Error) / unchanged (expr over AuthError).
#define OKMPC_AUTH_ASSIGN(lhs, expr, code) \
  OKMPC_AUTH_ASSIGN_IMPL(OKMPC_CONCAT(okmpc_auth_r_, __LINE__), lhs, expr, code)
#define OKMPC_AUTH_ASSIGN_IMPL(tmp, lhs, expr, code)                         \
  auto tmp = (expr);                                                         \
  if (!tmp) return ::okmpc::auth::detail::relabel(std::move(tmp).error(), (code)); \
  lhs = std::move(*tmp)

namespace okmpc::auth::detail {
inline tl::unexpected<AuthError> relabel(Error e, AuthErrorCode code) { return auth_fail(code, e); }
inline tl::unexpected<AuthError> relabel(AuthError e, AuthErrorCode) {
  return tl::unexpected<AuthError>(std::move(e));
}
}  // namespace okmpc::auth::detail
