#include "api/internal_error.hpp"

#include <utility>

namespace okmpc::api {

static_assert(static_cast<uint16_t>(ErrorCode::kInvalidArgument) ==
              static_cast<uint16_t>(okmpc::ErrorCode::kInvalidArgument));
static_assert(static_cast<uint16_t>(ErrorCode::kProtocolAbort) ==
              static_cast<uint16_t>(okmpc::ErrorCode::kProtocolAbort));
static_assert(static_cast<uint16_t>(ErrorCode::kCorrupted) == static_cast<uint16_t>(okmpc::ErrorCode::kCorrupted));
static_assert(static_cast<uint16_t>(ErrorCode::kInternal) == static_cast<uint16_t>(okmpc::ErrorCode::kInternal));

Error to_public(const okmpc::Error& error) {
  return Error{static_cast<ErrorCode>(error.code), error.message, error.culprits};
}

Error make_error(okmpc::ErrorCode code, std::string message, std::vector<uint32_t> culprits) {
  return Error{static_cast<ErrorCode>(code), std::move(message), std::move(culprits)};
}

}  // namespace okmpc::api
