#include "auth/auth_error.hpp"

namespace okmpc::auth {

std::string_view public_code(AuthErrorCode code) {
  switch (code) {
    case AuthErrorCode::kBadRequest: return "BAD_REQUEST";
    case AuthErrorCode::kMalformedToken:
    case AuthErrorCode::kUnsupportedAlgorithm:
    case AuthErrorCode::kUnknownKey:
    case AuthErrorCode::kBadSignature:
    case AuthErrorCode::kWrongIssuer:
    case AuthErrorCode::kWrongAudience:
    case AuthErrorCode::kTokenNotYetValid:
    case AuthErrorCode::kEmailNotVerified:
    case AuthErrorCode::kNonceMismatch: return "INVALID_TOKEN";
    case AuthErrorCode::kTokenExpired: return "TOKEN_EXPIRED";
    case AuthErrorCode::kTokenReplayed: return "TOKEN_REPLAYED";
    case AuthErrorCode::kOtpInvalid: return "OTP_INVALID";
    case AuthErrorCode::kOtpExpired: return "OTP_EXPIRED";
    case AuthErrorCode::kOtpLocked: return "OTP_LOCKED";
    case AuthErrorCode::kRateLimited: return "RATE_LIMITED";
    case AuthErrorCode::kConsensusFailed: return "AUTH_CONSENSUS_FAILED";
    case AuthErrorCode::kQuorumNotMet: return "QUORUM_NOT_MET";
    case AuthErrorCode::kInternal: return "INTERNAL_ERROR";
  }
  return "INTERNAL_ERROR";
}

std::string_view to_string(AuthErrorCode code) {
  switch (code) {
    case AuthErrorCode::kBadRequest: return "bad_request";
    case AuthErrorCode::kMalformedToken: return "malformed_token";
    case AuthErrorCode::kUnsupportedAlgorithm: return "unsupported_algorithm";
    case AuthErrorCode::kUnknownKey: return "unknown_key";
    case AuthErrorCode::kBadSignature: return "bad_signature";
    case AuthErrorCode::kWrongIssuer: return "wrong_issuer";
    case AuthErrorCode::kWrongAudience: return "wrong_audience";
    case AuthErrorCode::kTokenExpired: return "token_expired";
    case AuthErrorCode::kTokenNotYetValid: return "token_not_yet_valid";
    case AuthErrorCode::kEmailNotVerified: return "email_not_verified";
    case AuthErrorCode::kNonceMismatch: return "nonce_mismatch";
    case AuthErrorCode::kTokenReplayed: return "token_replayed";
    case AuthErrorCode::kOtpInvalid: return "otp_invalid";
    case AuthErrorCode::kOtpExpired: return "otp_expired";
    case AuthErrorCode::kOtpLocked: return "otp_locked";
    case AuthErrorCode::kRateLimited: return "rate_limited";
    case AuthErrorCode::kConsensusFailed: return "consensus_failed";
    case AuthErrorCode::kQuorumNotMet: return "quorum_not_met";
    case AuthErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error AuthError::to_error() const {
  ErrorCode core = ErrorCode::kVerificationFailed;
  switch (code) {
    case AuthErrorCode::kBadRequest: core = ErrorCode::kInvalidArgument; break;
    case AuthErrorCode::kMalformedToken: core = ErrorCode::kInvalidEncoding; break;
    case AuthErrorCode::kTokenExpired:
    case AuthErrorCode::kOtpExpired: core = ErrorCode::kExpired; break;
    case AuthErrorCode::kTokenReplayed: core = ErrorCode::kReplay; break;
    case AuthErrorCode::kOtpLocked: core = ErrorCode::kPermissionDenied; break;
    case AuthErrorCode::kRateLimited: core = ErrorCode::kRateLimited; break;
    case AuthErrorCode::kConsensusFailed: core = ErrorCode::kProtocolAbort; break;
    case AuthErrorCode::kInternal: core = ErrorCode::kInternal; break;
    default: break;
  }
  return Error(core, std::string(public_code()) + ": " + message, culprits);
}

std::string AuthError::describe() const {
  std::string out(public_code());
  out += " (";
  out += to_string(code);
  out += "): ";
  out += message;
  if (!culprits.empty()) {
    out += " (culprits: ";
    for (size_t i = 0; i < culprits.size(); ++i) {
      if (i) out += ", ";
      out += std::to_string(culprits[i]);
    }
    out += ")";
  }
  return out;
}

std::ostream& operator<<(std::ostream& os, const AuthError& e) { return os << e.describe(); }

}  // namespace okmpc::auth
