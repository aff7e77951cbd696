// The gateway service: owns the durable stores under DATA, the auth network,
// the DWN nodes and the chain, and answers the HTTP API of docs/gateway.md.
// One onboarding (ARCHITECTURE.md "One onboarding, as data flows"):
//   parse + check the request's signatures → auth quorum certificate →
//   DWN DKG (first login only) → registration UserOp signed by the user's
//   threshold ECDSA key (each DWN node re-checks the certificate) →
//   chain inclusion → {userSWA, nonce, clientSWA, sessionExpiry}.
#pragma once

#include <array>
#include <atomic>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

#include "apps/dwn/dwn_network.hpp"
#include "apps/dwn/key_pool.hpp"
#include "apps/dwn/key_pool_refiller.hpp"
#include "apps/gateway/api_error.hpp"
#include "apps/gateway/auth_services.hpp"
#include "apps/gateway/chain_batcher.hpp"
#include "apps/gateway/client_registry.hpp"
#include "apps/gateway/gateway_config.hpp"
#include "apps/gateway/http_server.hpp"
#include "apps/gateway/rate_limiter.hpp"
#include "apps/gateway/router.hpp"
#include "apps/gateway/user_store.hpp"
#include "chain/okto_chain.hpp"

namespace okmpc::gateway {

// The token every session may spend under its policy, and what a new SWA is
// credited with by the simulated chain's faucet (so the demo can transfer).
inline constexpr eth::Address kDemoToken = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x4f, 0x4b, 0x54};
inline constexpr uint64_t kWelcomeBalance = 1'000'000;
inline constexpr uint64_t kSessionSpendLimit = 100'000;

class Gateway {
 public:
  // Opens (creating) everything under config.data_dir. Errors name the file
  // or component that failed (kIo, kCorrupted, kInvalidArgument).
  static Result<std::unique_ptr<Gateway>> open(const GatewayConfig& config);
  ~Gateway();

  // The HTTP entry point (thread-safe).
  HttpResponse handle(const HttpRequest& request) const { return router_->handle(request); }

  // The key pool's state (also GET /api/oc/v1/dwn/pool).
  dwn::PoolStats pool_stats() const { return refiller_->stats(); }
  dwn::PresignStats presign_stats() const { return dwn_->presign_stats(); }

 private:
  Gateway(GatewayConfig config, ClientRegistry clients, std::unique_ptr<UserStore> store);
  void add_routes();

  // gateway_onboarding.cpp
  ApiResult<boost::json::value> authenticate(const RouteContext& ctx);
  // The user of `identity`, creating keys and wallet on first login.
  struct UserAndKeygen;
  // Binds the user's shares on DWN nodes that were down when its pooled set
  // was claimed and are up now; returns the nodes newly bound (0: none).
  ApiResult<uint32_t> rebind_missing_nodes(const std::string& identity, const std::string& certificate_json,
                                           const eth::Address& session_address);
  // Claims a pooled key set (or generates one) and has the DWN nodes bind it
  // to `identity` under the quorum certificate before the user is recorded;
  // for a known user, re-binds nodes that missed the claim.
  ApiResult<UserAndKeygen> find_or_create_user(const std::string& identity, const std::string& certificate_json,
                                               const eth::Address& session_address);
  // The FROST-signed registration record (GatewayConfig::eddsa_receipts).
  ApiResult<boost::json::value> registration_receipt(const UserRecord& user, const std::string& identity,
                                                     const std::string& certificate_json,
                                                     const eth::Address& session_address, uint64_t valid_until,
                                                     const Hash32& user_op_hash, uint64_t block_number);

  // gateway_otp.cpp
  ApiResult<boost::json::value> send_otp(const RouteContext& ctx, auth::OtpChannel channel);
  ApiResult<boost::json::value> verify_otp(const RouteContext& ctx, auth::OtpChannel channel);
  ApiResult<boost::json::value> dev_jwks(const RouteContext& ctx);
  ApiResult<boost::json::value> dev_token(const RouteContext& ctx);

  // gateway.cpp
  ApiResult<boost::json::value> user_keys(const RouteContext& ctx);
  ApiResult<boost::json::value> chain_session(const RouteContext& ctx);
  ApiResult<boost::json::value> chain_block(const RouteContext& ctx);
  ApiResult<boost::json::value> execute(const RouteContext& ctx);
  ApiResult<boost::json::value> auth_nodes(const RouteContext& ctx);
  ApiResult<boost::json::value> dwn_pool(const RouteContext& ctx);

  // Serializes work on one identity (first logins of the same user never run
  // two DKGs): a fixed set of striped mutexes.
  std::mutex& identity_lock(const std::string& identity);
  // Checks an auth quorum certificate (JSON) for identity and session: what
  // every DWN node runs before it signs.
  Status check_authorization(ByteView certificate, const std::string& identity,
                             const eth::Address& session_address) const;

  GatewayConfig config_;
  ClientRegistry clients_;
  std::unique_ptr<UserStore> store_;
  RateLimiter ip_limiter_;
  RateLimiter identity_limiter_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<AuthServices> auth_;
  std::unique_ptr<dwn::DwnNetwork> dwn_;
  std::unique_ptr<dwn::KeyPool> pool_;
  // authenticate() calls running now; the key-pool refiller waits while any
  // is (declared before refiller_, which is stopped first).
  std::atomic<uint32_t> logins_in_flight_{0};
  std::unique_ptr<dwn::KeyPoolRefiller> refiller_;  // after dwn_ and pool_: stopped first
  mutable std::mutex chain_mutex_;  // OktoChain is single-threaded
  std::optional<chain::OktoChain> chain_;
  std::unique_ptr<ChainBatcher> batcher_;  // group commit of chain blocks
  std::array<std::mutex, 64> identity_locks_;
  // Identities whose pooled set every DWN node has bound (a set's bound mask
  // only grows): their returning logins skip the key-pool lookup.
  std::mutex fully_bound_mutex_;
  std::unordered_set<std::string> fully_bound_;
  // Owners whose SWA deployment this gateway saw included in a durable
  // block (a deployment is never undone): their registrations skip the
  // chain lookup, so they do not wait on the chain lock while a block is
  // being sealed.
  std::mutex deployed_mutex_;
  std::unordered_set<std::string> deployed_owners_;
};

}  // namespace okmpc::gateway
