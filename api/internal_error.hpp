// Conversion of the MPC core's okmpc::Error into the public okmpc::api::Error
// (same codes, same numeric values, same message and culprits).
#pragma once

#include "mpc/error.hpp"
#include "okmpc/status.hpp"

namespace okmpc::api {

Error to_public(const okmpc::Error& error);

// A public Error with `code` and `message` (no culprits unless given).
Error make_error(okmpc::ErrorCode code, std::string message, std::vector<uint32_t> culprits = {});

}  // namespace okmpc::api
