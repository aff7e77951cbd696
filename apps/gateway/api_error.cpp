#include "apps/gateway/api_error.hpp"

#include <boost/json.hpp>

namespace okmpc::gateway {

std::string_view error_code_name(ApiErrorCode code) {
  switch (code) {
    case ApiErrorCode::kBadRequest: return "BAD_REQUEST";
    case ApiErrorCode::kNotFound: return "NOT_FOUND";
    case ApiErrorCode::kMethodNotAllowed: return "METHOD_NOT_ALLOWED";
    case ApiErrorCode::kUnauthorized: return "UNAUTHORIZED";
    case ApiErrorCode::kInvalidToken: return "INVALID_TOKEN";
    case ApiErrorCode::kTokenExpired: return "TOKEN_EXPIRED";
    case ApiErrorCode::kTokenReplayed: return "TOKEN_REPLAYED";
    case ApiErrorCode::kInvalidSessionSignature: return "INVALID_SESSION_SIGNATURE";
    case ApiErrorCode::kInvalidClientSignature: return "INVALID_CLIENT_SIGNATURE";
    case ApiErrorCode::kUnknownClient: return "UNKNOWN_CLIENT";
    case ApiErrorCode::kNonceReused: return "NONCE_REUSED";
    case ApiErrorCode::kSessionExpired: return "SESSION_EXPIRED";
    case ApiErrorCode::kOtpInvalid: return "OTP_INVALID";
    case ApiErrorCode::kOtpExpired: return "OTP_EXPIRED";
    case ApiErrorCode::kOtpLocked: return "OTP_LOCKED";
    case ApiErrorCode::kRateLimited: return "RATE_LIMITED";
    case ApiErrorCode::kAuthConsensusFailed: return "AUTH_CONSENSUS_FAILED";
    case ApiErrorCode::kQuorumNotMet: return "QUORUM_NOT_MET";
    case ApiErrorCode::kSignerUnavailable: return "SIGNER_UNAVAILABLE";
    case ApiErrorCode::kKeygenFailed: return "KEYGEN_FAILED";
    case ApiErrorCode::kChainRejected: return "CHAIN_REJECTED";
    case ApiErrorCode::kInternal: return "INTERNAL_ERROR";
  }
  return "INTERNAL_ERROR";
}

unsigned http_status(ApiErrorCode code) {
  switch (code) {
    case ApiErrorCode::kBadRequest: return 400;
    case ApiErrorCode::kNotFound: return 404;
    case ApiErrorCode::kMethodNotAllowed: return 405;
    case ApiErrorCode::kUnauthorized:
    case ApiErrorCode::kInvalidToken:
    case ApiErrorCode::kTokenExpired:
    case ApiErrorCode::kTokenReplayed:
    case ApiErrorCode::kInvalidSessionSignature:
    case ApiErrorCode::kInvalidClientSignature:
    case ApiErrorCode::kSessionExpired:
    case ApiErrorCode::kOtpInvalid:
    case ApiErrorCode::kOtpExpired:
    case ApiErrorCode::kAuthConsensusFailed: return 401;
    case ApiErrorCode::kUnknownClient:
    case ApiErrorCode::kOtpLocked: return 403;
    case ApiErrorCode::kNonceReused: return 409;
    case ApiErrorCode::kRateLimited: return 429;
    case ApiErrorCode::kKeygenFailed:
    case ApiErrorCode::kInternal: return 500;
    case ApiErrorCode::kChainRejected: return 502;
    case ApiErrorCode::kQuorumNotMet:
    case ApiErrorCode::kSignerUnavailable: return 503;
  }
  return 500;
}

std::string error_body(const ApiError& error) {
  boost::json::object inner;
  inner["code"] = http_status(error.code);
  inner["errorCode"] = error_code_name(error.code);
  inner["message"] = error.message;
  boost::json::object body;
  body["status"] = "error";
  body["error"] = std::move(inner);
  return boost::json::serialize(body);
}

ApiError from_error(const Error& error, ApiErrorCode fallback) {
  switch (error.code) {
    case ErrorCode::kRateLimited: return {ApiErrorCode::kRateLimited, error.message};
    case ErrorCode::kReplay: return {ApiErrorCode::kTokenReplayed, error.message};
    case ErrorCode::kExpired: return {ApiErrorCode::kTokenExpired, error.message};
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kInvalidEncoding: return {ApiErrorCode::kBadRequest, error.message};
    default: return {fallback, error.message};
  }
}

}  // namespace okmpc::gateway
