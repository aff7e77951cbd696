// okmpc::Error and Result<T>: errors are values. A protocol abort names the
// parties that misbehaved in `culprits` (1-based party identifiers).
#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace okmpc {

enum class ErrorCode : uint16_t {
  kInvalidArgument = 1,   // caller passed something outside the contract
  kInvalidEncoding,       // malformed bytes: bad length, bad hex, trailing bytes
  kInvalidScalar,         // scalar >= group order, or zero where nonzero is required
  kInvalidPoint,          // off-curve, identity, small-order or non-canonical point
  kVerificationFailed,    // a signature, proof or share did not verify
  kProtocolAbort,         // a party cheated; `culprits` names it
  kTimeout,               // a party did not answer in time; `culprits` names it
  kReplay,                // a message, token or nonce seen before
  kExpired,               // a credential or session past its lifetime
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kPolicyViolation,
  kRateLimited,
  kIo,                    // file system / database failure
  kCorrupted,             // stored data failed its integrity check
  kInternal,
};

std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<uint32_t> culprits;  // party identifiers that misbehaved

  Error() = default;
  Error(ErrorCode c, std::string msg, std::vector<uint32_t> who = {})
      : code(c), message(std::move(msg)), culprits(std::move(who)) {}

  // "kind: message (culprits: 2, 5)"
  std::string describe() const;
};

std::ostream& operator<<(std::ostream& os, const Error& e);

template <class T>
using Result = tl::expected<T, Error>;

using Status = tl::expected<void, Error>;

inline tl::unexpected<Error> fail(ErrorCode code, std::string message,
                                  std::vector<uint32_t> culprits = {}) {
  return tl::unexpected<Error>(Error(code, std::move(message), std::move(culprits)));
}

inline Status ok() { return {}; }

}  // namespace okmpc

#define OKMPC_CONCAT_INNER(a, b) a##b
#define OKMPC_CONCAT(a, b) OKMPC_CONCAT_INNER(a, b)

// OKMPC_TRY(expr): evaluates a Status/Result expression, returns its error
// from the enclosing function on failure.
#define OKMPC_TRY(expr)                                              \
  do {                                                               \
    auto&& okmpc_try_result_ = (expr);                               \
    if (!okmpc_try_result_) {                                        \
      return tl::unexpected<::okmpc::Error>(std::move(okmpc_try_result_).error()); \
    }                                                                \
  } while (0)

// OKMPC_ASSIGN_OR_RETURN(lhs, expr): `lhs = *expr` or return the error.
#define OKMPC_ASSIGN_OR_RETURN(lhs, expr) \
  OKMPC_ASSIGN_OR_RETURN_IMPL(OKMPC_CONCAT(okmpc_result_, __LINE__), lhs, expr)
#define OKMPC_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr)                  \
  auto tmp = (expr);                                                 \
  if (!tmp) {                                                        \
    return tl::unexpected<::okmpc::Error>(std::move(tmp).error());   \
  }                                                                  \
  lhs = std::move(*tmp)
