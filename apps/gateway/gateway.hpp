// The gateway service: owns the durable stores under DATA, the auth network,
// the DWN nodes and the chain, and answers the HTTP API of docs/gateway.md.
// One onboarding (ARCHITECTURE.md "One onboarding, as data flows"):
//   parse + check the request's signatures → auth quorum certificate →
//   DWN DKG (first login only) → registration UserOp signed by the user's
//   threshold ECDSA key (each DWN node re-checks the certificate) →
//   chain inclusion → {userSWA, nonce, clientSWA, sessionExpiry}.
#pragma once

#include <array>
#include <memory>
#include <mutex>

#include "apps/gateway/api_error.hpp"
#include "apps/gateway/client_registry.hpp"
#include "apps/gateway/gateway_config.hpp"
#include "apps/gateway/http_server.hpp"
#include "apps/gateway/rate_limiter.hpp"
#include "apps/gateway/router.hpp"
#include "apps/gateway/user_store.hpp"

namespace okmpc::gateway {

class Gateway {
 public:
  // Opens (creating) everything under config.data_dir. Errors name the file
  // or component that failed (kIo, kCorrupted, kInvalidArgument).
  static Result<std::unique_ptr<Gateway>> open(const GatewayConfig& config);
  ~Gateway();

  // The HTTP entry point (thread-safe).
  HttpResponse handle(const HttpRequest& request) const { return router_->handle(request); }

  struct Services;  // auth network, DWN, chain (gateway.cpp)

 private:
  Gateway(GatewayConfig config, ClientRegistry clients, std::unique_ptr<UserStore> store);
  void add_routes();

  ApiResult<boost::json::value> authenticate(const RouteContext& ctx);
  ApiResult<boost::json::value> user_keys(const RouteContext& ctx);
  ApiResult<boost::json::value> chain_session(const RouteContext& ctx);
  ApiResult<boost::json::value> chain_block(const RouteContext& ctx);

  // Serializes work on one identity (first logins of the same user never run
  // two DKGs): a fixed set of striped mutexes.
  std::mutex& identity_lock(const std::string& identity);

  GatewayConfig config_;
  ClientRegistry clients_;
  std::unique_ptr<UserStore> store_;
  RateLimiter ip_limiter_;
  RateLimiter identity_limiter_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<Services> services_;
  std::array<std::mutex, 64> identity_locks_;
};

}  // namespace okmpc::gateway
