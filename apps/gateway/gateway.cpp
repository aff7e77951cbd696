#include "apps/gateway/gateway.hpp"

#include <chrono>
#include <functional>

#include "apps/gateway/authenticate_request.hpp"
#include "apps/gateway/session_digests.hpp"
#include "apps/gateway/session_token.hpp"
#include "mpc/hex.hpp"
#include "session/personal_sign.hpp"

namespace okmpc::gateway {

namespace json = boost::json;

namespace {

int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

struct Gateway::Services {};

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
  if (config.dwn_threshold < 1 || config.dwn_threshold > config.dwn_nodes || config.dwn_nodes > 255) {
    return fail(ErrorCode::kInvalidArgument, "dwn threshold must be in 1..dwn-nodes (<= 255)");
  }
  ClientRegistry clients = ClientRegistry::demo();
  if (config.clients) {
    OKMPC_ASSIGN_OR_RETURN(clients, ClientRegistry::load(*config.clients));
  }
  OKMPC_ASSIGN_OR_RETURN(auto store, UserStore::open(config.data_dir / "gateway.db"));
  std::unique_ptr<Gateway> gw(new Gateway(config, std::move(clients), std::move(store)));
  gw->services_ = std::make_unique<Services>();
  gw->add_routes();
  return gw;
}

void Gateway::add_routes() {
  router_ = std::make_unique<Router>(ip_limiter_);
  using std::placeholders::_1;
  router_->add("POST", "/api/oc/v1/authenticate", std::bind(&Gateway::authenticate, this, _1));
  router_->add("GET", "/api/oc/v1/user-keys", std::bind(&Gateway::user_keys, this, _1));
  router_->add("GET", "/api/oc/v1/chain/sessions/{sessionAddress}", std::bind(&Gateway::chain_session, this, _1));
  router_->add("GET", "/api/oc/v1/chain/blocks/{n}", std::bind(&Gateway::chain_block, this, _1));
}

std::mutex& Gateway::identity_lock(const std::string& identity) {
  return identity_locks_[std::hash<std::string>{}(identity) % identity_locks_.size()];
}

ApiResult<json::value> Gateway::authenticate(const RouteContext& ctx) {
  auto parsed = parse_authenticate_request(ctx.request.body);
  if (!parsed) return tl::unexpected(parsed.error());
  const AuthenticateRequest& req = *parsed;

  auto signer = clients_.signer_of(req.client_swa);
  if (!signer) {
    return api_fail(ApiErrorCode::kUnknownClient, "clientSWA " + eth::to_checksum(req.client_swa) + " is not registered");
  }
  auto client_recovered =
      session::recover_personal_raw32(session_pk_client_digest(req.session_address), req.client_signature);
  if (!client_recovered || *client_recovered != *signer) {
    return api_fail(ApiErrorCode::kInvalidClientSignature,
                    "sessionPkClientSignature is not by the signer of clientSWA " + eth::to_checksum(req.client_swa));
  }
  auto user_recovered = session::recover_personal_raw32(
      session_data_digest(req.session_address, req.client_swa, req.nonce_word), req.user_signature);
  if (!user_recovered || *user_recovered != req.session_address) {
    return api_fail(ApiErrorCode::kInvalidSessionSignature,
                    "sessionDataUserSignature does not recover to the address of sessionPk");
  }
  auto used = store_->nonce_used(req.nonce);
  if (!used) return api_fail(ApiErrorCode::kInternal, "user store: " + used.error().message);
  if (*used) return api_fail(ApiErrorCode::kNonceReused, "sessionData.nonce " + req.nonce + " was used before");
  return api_fail(ApiErrorCode::kSignerUnavailable, "the registration signer is not available yet");
}

ApiResult<json::value> Gateway::user_keys(const RouteContext& ctx) {
  const std::string& auth = ctx.request.authorization;
  constexpr std::string_view kBearer = "Bearer ";
  if (!std::string_view(auth).starts_with(kBearer)) {
    return api_fail(ApiErrorCode::kUnauthorized, "missing Authorization: Bearer <session token>");
  }
  auto claims = session_token::parse(std::string_view(auth).substr(kBearer.size()), unix_now());
  if (!claims) {
    if (claims.error().code == ErrorCode::kExpired) {
      return api_fail(ApiErrorCode::kSessionExpired, "session token: " + claims.error().message);
    }
    return api_fail(ApiErrorCode::kUnauthorized, "session token: " + claims.error().message);
  }
  auto session = store_->find_session(eth::to_checksum(claims->session_address));
  if (!session) return api_fail(ApiErrorCode::kInternal, "user store: " + session.error().message);
  if (!*session) return api_fail(ApiErrorCode::kUnauthorized, "session is not registered");
  if ((*session)->valid_until <= unix_now()) return api_fail(ApiErrorCode::kSessionExpired, "session has expired");
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
  auto session = store_->find_session(eth::to_checksum(*address));
  if (!session) return api_fail(ApiErrorCode::kInternal, "user store: " + session.error().message);
  if (!*session) return api_fail(ApiErrorCode::kNotFound, "no session registered for " + ctx.param);
  auto user = store_->find_user((*session)->user_id);
  if (!user || !*user) return api_fail(ApiErrorCode::kInternal, "session without user");
  json::object out;
  out["userSWA"] = (*user)->user_swa;
  out["sessionAddress"] = (*session)->session_address;
  out["validUntil"] = (*session)->valid_until;
  out["blockNumber"] = (*session)->block_number;
  out["userOpHash"] = (*session)->user_op_hash;
  return out;
}

ApiResult<json::value> Gateway::chain_block(const RouteContext& ctx) {
  uint64_t n = 0;
  if (ctx.param.empty() || ctx.param.size() > 18) return api_fail(ApiErrorCode::kBadRequest, "block number expected");
  for (char c : ctx.param) {
    if (c < '0' || c > '9') return api_fail(ApiErrorCode::kBadRequest, "block number must be decimal digits");
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return api_fail(ApiErrorCode::kNotFound, "no block " + std::to_string(n));
}

}  // namespace okmpc::gateway
