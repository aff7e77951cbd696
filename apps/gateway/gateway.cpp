#include "apps/gateway/gateway.hpp"

#include <functional>

#include "apps/gateway/registration_authority.hpp"
#include "apps/gateway/session_token.hpp"
#include "apps/gateway/unix_time.hpp"
#include "auth/quorum.hpp"
#include "chain/user_operation_json.hpp"
#include "mpc/hex.hpp"

namespace okmpc::gateway {

namespace json = boost::json;

Gateway::Gateway(GatewayConfig config, ClientRegistry clients, std::unique_ptr<UserStore> store)
    : config_(std::move(config)),
      clients_(std::move(clients)),
      store_(std::move(store)),
      ip_limiter_(config_.ip_rate_per_second, config_.ip_burst),
      identity_limiter_(config_.identity_rate_per_minute / 60.0, config_.identity_burst) {}

Gateway::~Gateway() = default;

Result<std::unique_ptr<Gateway>> Gateway::open(const GatewayConfig& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) return fail(ErrorCode::kIo, "cannot create data directory " + config.data_dir.string() + ": " + ec.message());
  if (config.auth_quorum < 1 || config.auth_quorum > config.auth_nodes) {
    return fail(ErrorCode::kInvalidArgument, "auth quorum must be in 1..auth-nodes");
  }
  if (config.dwn_threshold < 1 || config.dwn_threshold > config.dwn_nodes || config.dwn_nodes > 32) {
    return fail(ErrorCode::kInvalidArgument, "dwn threshold must be in 1..dwn-nodes, dwn-nodes <= 32 (32-bit node masks)");
  }
  ClientRegistry clients = ClientRegistry::demo();
  if (config.clients) {
    OKMPC_ASSIGN_OR_RETURN(clients, ClientRegistry::load(*config.clients));
  }
  OKMPC_ASSIGN_OR_RETURN(auto store, UserStore::open(config.data_dir / "gateway.db"));
  std::unique_ptr<Gateway> gw(new Gateway(config, std::move(clients), std::move(store)));
  OKMPC_ASSIGN_OR_RETURN(gw->auth_, open_auth_services(config));
  Gateway* self = gw.get();
  OKMPC_ASSIGN_OR_RETURN(
      gw->dwn_, dwn::DwnNetwork::open(config.data_dir / "dwn", config.dwn_nodes, config.dwn_threshold,
                                      config.dwn_down_mask,
                                      [self](ByteView cert, const std::string& identity, const eth::Address& session) {
                                        return self->check_authorization(cert, identity, session);
                                      }));
  OKMPC_ASSIGN_OR_RETURN(gw->pool_, dwn::KeyPool::open(config.data_dir / "dwn" / "pool.sqlite"));
  gw->refiller_ = std::make_unique<dwn::KeyPoolRefiller>(*gw->dwn_, *gw->pool_, config.key_pool);
  chain::ChainConfig chain_config;
  chain_config.ops_per_block = 256;  // blocks are sealed by the batcher (group commit)
  chain_config.registration_authorizer = make_registration_authorizer(
      gw->auth_->network->policy(),
      [self](const std::string& identity) -> std::optional<eth::Address> {
        auto user = self->store_->find_user_by_identity(identity);
        if (!user || !*user) return std::nullopt;
        auto swa = eth::parse_address((*user)->user_swa);
        return swa ? std::optional<eth::Address>(*swa) : std::nullopt;
      },
      [] { return static_cast<uint64_t>(unix_now()); });
  auto chain = chain::OktoChain::open(config.data_dir / "chain", std::move(chain_config));
  if (!chain) return fail(chain.error().code, "chain: " + chain.error().message);
  gw->chain_.emplace(std::move(*chain));
  // Every registered client's paymaster budget pays its users' registrations.
  for (const auto& [client, signer] : gw->clients_.all()) {
    if (gw->chain_->paymaster_budget(client).is_zero()) {
      OKMPC_TRY(gw->chain_->fund_paymaster(client, Uint256::from_u64(1'000'000'000'000'000'000ull)));
    }
  }
  OKMPC_TRY(gw->chain_->seal_block());
  gw->batcher_ = std::make_unique<ChainBatcher>(*gw->chain_, gw->chain_mutex_,
                                                std::chrono::microseconds(config.chain_batch_window_us));
  if (config.key_pool_prefill) OKMPC_TRY(gw->refiller_->fill(config.key_pool));
  // Pool refills are idle-time work (key_pool_refiller.hpp).
  gw->refiller_->set_busy_probe([g = gw.get()] { return g->logins_in_flight_.load(std::memory_order_relaxed) > 0; });
  gw->refiller_->set_presigning(config.presign);
  gw->refiller_->start();
  gw->add_routes();
  return gw;
}

void Gateway::add_routes() {
  router_ = std::make_unique<Router>(ip_limiter_);
  using std::placeholders::_1;
  const std::string v1 = "/api/oc/v1";
  router_->add("POST", v1 + "/authenticate", std::bind(&Gateway::authenticate, this, _1));
  router_->add("POST", v1 + "/authenticate/email/send-otp",
               [this](const RouteContext& c) { return send_otp(c, auth::OtpChannel::kEmail); });
  router_->add("POST", v1 + "/authenticate/email/verify-otp",
               [this](const RouteContext& c) { return verify_otp(c, auth::OtpChannel::kEmail); });
  router_->add("POST", v1 + "/authenticate/whatsapp/send-otp",
               [this](const RouteContext& c) { return send_otp(c, auth::OtpChannel::kPhone); });
  router_->add("POST", v1 + "/authenticate/whatsapp/verify-otp",
               [this](const RouteContext& c) { return verify_otp(c, auth::OtpChannel::kPhone); });
  router_->add("GET", v1 + "/user-keys", std::bind(&Gateway::user_keys, this, _1));
  router_->add("GET", v1 + "/chain/sessions/{sessionAddress}", std::bind(&Gateway::chain_session, this, _1));
  router_->add("GET", v1 + "/chain/blocks/{n}", std::bind(&Gateway::chain_block, this, _1));
  router_->add("POST", v1 + "/execute", std::bind(&Gateway::execute, this, _1));
  router_->add("GET", v1 + "/auth/nodes", std::bind(&Gateway::auth_nodes, this, _1));
  router_->add("GET", v1 + "/dwn/pool", std::bind(&Gateway::dwn_pool, this, _1));
  if (auth_->google) {
    router_->add("GET", "/dev/oidc/jwks", std::bind(&Gateway::dev_jwks, this, _1));
    router_->add("POST", "/dev/oidc/token", std::bind(&Gateway::dev_token, this, _1));
  }
}

std::mutex& Gateway::identity_lock(const std::string& identity) {
  return identity_locks_[std::hash<std::string>{}(identity) % identity_locks_.size()];
}

Status Gateway::check_authorization(ByteView certificate, const std::string& identity,
                                    const eth::Address& session_address) const {
  OKMPC_ASSIGN_OR_RETURN(AuthorizedSubject subject, verify_authorization(certificate, auth_->network->policy(),
                                                                         static_cast<uint64_t>(unix_now())));
  if (subject.identity != identity) return fail(ErrorCode::kPermissionDenied, "authorization is for another identity");
  if (subject.session_address != session_address) {
    return fail(ErrorCode::kPermissionDenied, "authorization is for another session");
  }
  return ok();
}

ApiResult<json::value> Gateway::dwn_pool(const RouteContext&) {
  const dwn::PoolStats st = refiller_->stats();
  json::object out;
  out["target"] = st.target;
  out["free"] = st.free;
  out["generated"] = st.generated;
  out["generationSeconds"] = st.generation_seconds;
  out["setsPerSecond"] = st.generation_seconds > 0 ? static_cast<double>(st.generated) / st.generation_seconds : 0.0;
  if (!st.last_error.empty()) out["lastError"] = st.last_error;
  return out;
}

ApiResult<json::value> Gateway::user_keys(const RouteContext& ctx) {
  const std::string& header = ctx.request.authorization;
  constexpr std::string_view kBearer = "Bearer ";
  if (!std::string_view(header).starts_with(kBearer)) {
    return api_fail(ApiErrorCode::kUnauthorized, "missing Authorization: Bearer <session token>");
  }
  const int64_t now = unix_now();
  auto claims = session_token::parse(std::string_view(header).substr(kBearer.size()), now);
  if (!claims) {
    if (claims.error().code == ErrorCode::kExpired) {
      return api_fail(ApiErrorCode::kSessionExpired, "session token: " + claims.error().message);
    }
    return api_fail(ApiErrorCode::kUnauthorized, "session token: " + claims.error().message);
  }
  auto session = store_->find_session(eth::to_checksum(claims->session_address));
  if (!session) return api_fail(ApiErrorCode::kInternal, "user store: " + session.error().message);
  if (!*session) return api_fail(ApiErrorCode::kUnauthorized, "session is not registered");
  if ((*session)->valid_until <= now) return api_fail(ApiErrorCode::kSessionExpired, "session has expired");
  auto user = store_->find_user((*session)->user_id);
  if (!user || !*user) return api_fail(ApiErrorCode::kInternal, "session without user");
  const UserRecord& u = **user;
  json::object out;
  out["userId"] = u.user_id;
  out["userSWA"] = u.user_swa;
  out["ecdsaPublicKey"] = u.ecdsa_public_key;
  out["eddsaPublicKey"] = u.eddsa_public_key;
  out["ecdsaKeyId"] = u.ecdsa_key_id;
  out["eddsaKeyId"] = u.eddsa_key_id;
  return out;
}

ApiResult<json::value> Gateway::chain_session(const RouteContext& ctx) {
  auto address = eth::parse_address(ctx.param);
  if (!address) return api_fail(ApiErrorCode::kBadRequest, "sessionAddress is not an address");
  std::optional<chain::SessionRecord> on_chain;
  {
    std::lock_guard lock(chain_mutex_);
    on_chain = chain_->session(*address);
  }
  auto record = store_->find_session(eth::to_checksum(*address));
  if (!record) return api_fail(ApiErrorCode::kInternal, "user store: " + record.error().message);
  if (!on_chain || !*record) return api_fail(ApiErrorCode::kNotFound, "no session registered for " + ctx.param);
  json::object out;
  out["userSWA"] = eth::to_checksum(on_chain->swa);
  out["sessionAddress"] = eth::to_checksum(*address);
  out["validAfter"] = on_chain->valid_after;
  out["validUntil"] = on_chain->valid_until;
  out["revoked"] = on_chain->revoked;
  out["blockNumber"] = (*record)->block_number;
  out["userOpHash"] = (*record)->user_op_hash;
  return out;
}

ApiResult<json::value> Gateway::chain_block(const RouteContext& ctx) {
  uint64_t n = 0;
  if (ctx.param.empty() || ctx.param.size() > 18) return api_fail(ApiErrorCode::kBadRequest, "block number expected");
  for (char c : ctx.param) {
    if (c < '0' || c > '9') return api_fail(ApiErrorCode::kBadRequest, "block number must be decimal digits");
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  Result<std::optional<chain::Block>> block;
  {
    std::lock_guard lock(chain_mutex_);
    block = chain_->block(n);
  }
  if (!block) return api_fail(ApiErrorCode::kInternal, "chain: " + block.error().message);
  if (!*block) return api_fail(ApiErrorCode::kNotFound, "no block " + std::to_string(n));
  const chain::Block& b = **block;
  json::object out;
  out["number"] = b.number;
  out["hash"] = to_hex_prefixed(b.hash);
  out["parentHash"] = to_hex_prefixed(b.parent_hash);
  out["timestamp"] = b.timestamp;
  out["stateRoot"] = to_hex_prefixed(b.state_root);
  out["opsRoot"] = to_hex_prefixed(b.ops_root);
  json::array entries;
  for (const auto& e : b.entries) {
    json::object entry;
    entry["kind"] = chain::to_string(e.kind);
    entry["hash"] = to_hex_prefixed(e.hash);
    if (e.kind == chain::EntryKind::kUserOp) {
      boost::json::error_code ec;
      auto op = json::parse(std::string_view(reinterpret_cast<const char*>(e.body.data()), e.body.size()), ec);
      if (!ec) entry["userOp"] = std::move(op);
    }
    entries.push_back(std::move(entry));
  }
  out["entries"] = std::move(entries);
  return out;
}

ApiResult<json::value> Gateway::auth_nodes(const RouteContext&) {
  const auth::QuorumPolicy& policy = auth_->network->policy();
  json::object out;
  out["networkId"] = policy.network_id;
  out["quorum"] = policy.quorum;
  json::array nodes;
  for (const auto& n : policy.nodes) {
    json::object node;
    node["nodeId"] = n.node_id;
    node["publicKey"] = to_hex_prefixed(n.public_key);
    nodes.push_back(std::move(node));
  }
  out["nodes"] = std::move(nodes);
  return out;
}

ApiResult<json::value> Gateway::execute(const RouteContext& ctx) {
  auto op = chain::user_operation_from_json(ctx.request.body);
  if (!op) return api_fail(ApiErrorCode::kBadRequest, "userOp: " + op.error().message);
  auto receipt = batcher_->include([&] { return chain_->submit(*op); });
  if (!receipt) return api_fail(ApiErrorCode::kChainRejected, receipt.error().message);
  json::object out;
  out["userOpHash"] = to_hex_prefixed(receipt->hash);
  out["blockNumber"] = receipt->block_number;
  out["included"] = receipt->included;
  return out;
}

}  // namespace okmpc::gateway
