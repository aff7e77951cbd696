// The gateway's error vocabulary: every failed request is answered with an
// HTTP 4xx/5xx status and the body
//   {"status":"error","error":{"code":<http status>,"errorCode":"<NAME>","message":"..."}}
// where <NAME> is one of ApiErrorCode (documented in docs/gateway.md).
#pragma once

#include <string>
#include <string_view>

#include "mpc/error.hpp"

namespace okmpc::gateway {

enum class ApiErrorCode {
  kBadRequest,               // 400 malformed JSON, wrong types, unknown fields, oversized body
  kNotFound,                 // 404 unknown route or record
  kMethodNotAllowed,         // 405
  kUnauthorized,             // 401 missing/invalid Bearer session token
  kInvalidToken,             // 401 ID token / OTP token fails verification
  kTokenExpired,             // 401
  kTokenReplayed,            // 401 token already used
  kInvalidSessionSignature,  // 401 sessionDataUserSignature does not recover to sessionPk
  kInvalidClientSignature,   // 401 sessionPkClientSignature not by the client's signer
  kUnknownClient,            // 403 clientSWA not registered
  kNonceReused,              // 409 sessionData.nonce seen before
  kSessionExpired,           // 401 Bearer session past its validity
  kOtpInvalid,               // 401 wrong code
  kOtpExpired,               // 401
  kOtpLocked,                // 403 too many wrong attempts
  kRateLimited,              // 429 per-IP or per-identity limit
  kAuthConsensusFailed,      // 401 auth nodes answered but no quorum agreed
  kQuorumNotMet,             // 503 too few auth nodes / DWN nodes reachable
  kSignerUnavailable,        // 503 threshold signing not available
  kKeygenFailed,             // 500 DKG aborted
  kChainRejected,            // 502 the chain refused the registration UserOp
  kInternal,                 // 500
};

// "BAD_REQUEST", "INVALID_TOKEN", ...
std::string_view error_code_name(ApiErrorCode code);
// The HTTP status that goes with `code`.
unsigned http_status(ApiErrorCode code);

// An API failure: the code plus a message for the client. The message never
// contains secret material.
struct ApiError {
  ApiErrorCode code = ApiErrorCode::kInternal;
  std::string message;
};

// The JSON body described above.
std::string error_body(const ApiError& error);

// Default mapping from a library Error to an API error (used when a layer
// below reports a generic failure; callers map specific cases themselves).
ApiError from_error(const Error& error, ApiErrorCode fallback);

template <class T>
using ApiResult = tl::expected<T, ApiError>;

inline tl::unexpected<ApiError> api_fail(ApiErrorCode code, std::string message) {
  return tl::unexpected<ApiError>(ApiError{code, std::move(message)});
}

}  // namespace okmpc::gateway
