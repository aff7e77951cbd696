// The gateway's side of the auth network (auth/): the AuthNetwork of N
// nodes, the OTP service with its outbox, and — when no Google JWKS is
// configured — the simulated Google provider. All their keys persist under
// DATA (mode 0600), so tokens and certificates issued before a restart stay
// verifiable and used tokens stay used:
//   DATA/auth/                    node seeds and replay stores (auth/)
//   DATA/google-sim-key.pem       the simulated provider's RSA key
//   DATA/otp-hmac.key             the OTP code HMAC key
//   DATA/otp-issuer.seed          the okto token issuer's Ed25519 seed
//   DATA/outbox.jsonl             delivered OTP codes
#pragma once

#include <memory>
#include <optional>

#include "apps/gateway/api_error.hpp"
#include "apps/gateway/auth_api_error.hpp"
#include "apps/gateway/gateway_config.hpp"
#include "auth/auth_error.hpp"
#include "auth/auth_network.hpp"
#include "auth/otp_outbox.hpp"
#include "auth/otp_service.hpp"
#include "auth/simulated_google.hpp"
#include "mpc/rng.hpp"

namespace okmpc::gateway {

struct AuthServices {
  std::unique_ptr<OsRng> rng;
  std::optional<auth::SimulatedGoogle> google;  // only without --oidc-jwks
  std::unique_ptr<auth::AuthNetwork> network;
  std::unique_ptr<auth::FileOutbox> outbox;
  std::unique_ptr<auth::OtpService> otp;
};

// Builds everything above from the configuration. Errors name the file or
// setting at fault.
Result<std::unique_ptr<AuthServices>> open_auth_services(const GatewayConfig& config);

}  // namespace okmpc::gateway
