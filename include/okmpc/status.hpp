// Errors are values: okmpc::api::Error, Status and Result<T>. No exception
// crosses the public API (functions are noexcept in spirit; only std::bad_alloc
// may escape on memory exhaustion).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace okmpc::api {

// What went wrong. Values are stable (part of the ABI).
enum class ErrorCode : uint16_t {
  kInvalidArgument = 1,  // the caller passed something outside the contract
  kInvalidEncoding,      // malformed bytes: bad length, bad magic/version, trailing bytes
  kInvalidScalar,        // scalar >= group order, or zero where nonzero is required
  kInvalidPoint,         // off-curve, identity, small-order or non-canonical point
  kVerificationFailed,   // a signature, proof or share did not verify
  kProtocolAbort,        // a party cheated; Error::culprits names it
  kTimeout,              // a party did not answer in time; Error::culprits names it
  kReplay,               // a message of another session, or seen before
  kExpired,
  kNotFound,
  kAlreadyExists,
  kPermissionDenied,
  kPolicyViolation,
  kRateLimited,
  kIo,
  kCorrupted,            // stored data failed its integrity check (wrong key, tampering)
  kInternal,             // a bug in okmpc
};

// A failure: its class, a human-readable message, and the 1-based party
// identifiers that misbehaved (empty when nobody is to blame).
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::vector<uint32_t> culprits;
};

// Success, or an Error.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit by design
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Precondition: !ok().
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

// A value of type T, or an Error.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT
  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  // Preconditions: ok() for value(), !ok() for error().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T&& operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace okmpc::api
