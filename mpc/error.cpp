#include "mpc/error.hpp"

namespace okmpc {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidArgument: return "invalid argument";
    case ErrorCode::kInvalidEncoding: return "invalid encoding";
    case ErrorCode::kInvalidScalar: return "invalid scalar";
    case ErrorCode::kInvalidPoint: return "invalid point";
    case ErrorCode::kVerificationFailed: return "verification failed";
    case ErrorCode::kProtocolAbort: return "protocol abort";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kReplay: return "replay";
    case ErrorCode::kExpired: return "expired";
    case ErrorCode::kNotFound: return "not found";
    case ErrorCode::kAlreadyExists: return "already exists";
    case ErrorCode::kPermissionDenied: return "permission denied";
    case ErrorCode::kPolicyViolation: return "policy violation";
    case ErrorCode::kRateLimited: return "rate limited";
    case ErrorCode::kIo: return "i/o error";
    case ErrorCode::kCorrupted: return "corrupted data";
    case ErrorCode::kInternal: return "internal error";
  }
  return "unknown error";
}

std::string Error::describe() const {
  std::string out(to_string(code));
  out += ": ";
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

std::ostream& operator<<(std::ostream& os, const Error& e) { return os << e.describe(); }

}  // namespace okmpc
