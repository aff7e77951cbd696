#include "apps/gateway/auth_api_error.hpp"

namespace okmpc::gateway {

ApiError from_auth_error(const auth::AuthError& error) {
  using A = auth::AuthErrorCode;
  ApiErrorCode code = ApiErrorCode::kInvalidToken;
  switch (error.code) {
    case A::kBadRequest: code = ApiErrorCode::kBadRequest; break;
    case A::kTokenExpired: code = ApiErrorCode::kTokenExpired; break;
    case A::kTokenReplayed: code = ApiErrorCode::kTokenReplayed; break;
    case A::kOtpInvalid: code = ApiErrorCode::kOtpInvalid; break;
    case A::kOtpExpired: code = ApiErrorCode::kOtpExpired; break;
    case A::kOtpLocked: code = ApiErrorCode::kOtpLocked; break;
    case A::kRateLimited: code = ApiErrorCode::kRateLimited; break;
    case A::kConsensusFailed: code = ApiErrorCode::kAuthConsensusFailed; break;
    case A::kQuorumNotMet: code = ApiErrorCode::kQuorumNotMet; break;
    case A::kInternal: code = ApiErrorCode::kInternal; break;
    default: code = ApiErrorCode::kInvalidToken; break;  // every token check collapses to INVALID_TOKEN
  }
  return ApiError{code, error.message};
}

}  // namespace okmpc::gateway
