// The API error (apps/gateway/api_error.hpp) for a failure of the auth
// layer (auth/auth_error.hpp): its public code, e.g. TOKEN_REPLAYED.
#pragma once

#include "apps/gateway/api_error.hpp"
#include "auth/auth_error.hpp"

namespace okmpc::gateway {

// Every token check collapses to INVALID_TOKEN; the other auth codes map to
// the API code of the same name.
ApiError from_auth_error(const auth::AuthError& error);

}  // namespace okmpc::gateway
