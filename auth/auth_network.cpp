#include "auth/auth_network.hpp"

#include <sys/stat.h>

#include <fstream>

#include "auth/session_binding.hpp"

namespace okmpc::auth {
namespace {

// Loads node `id`'s seed from `dir`, or creates it from `rng` (mode 0600).
Result<NodeSigningKey> load_or_create_key(const std::filesystem::path& dir, uint32_t id, Rng& rng) {
  const std::filesystem::path path = dir / ("auth-node-" + std::to_string(id) + ".seed");
  Secret<ByteArray<32>> seed;
  if (std::filesystem::exists(path)) {
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(seed.expose_mut().data()), 32);
    if (in.gcount() != 32 || in.peek() != std::ifstream::traits_type::eof()) {
      return fail(ErrorCode::kCorrupted, path.string() + ": a node seed is exactly 32 bytes");
    }
    return NodeSigningKey(std::move(seed));
  }
  rng.fill(seed.expose_mut());
  const std::filesystem::path tmp = path.string() + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(seed.expose().data()), 32);
    if (!out) return fail(ErrorCode::kIo, "cannot write " + tmp.string());
  }
  ::chmod(tmp.c_str(), 0600);
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);  // atomic: a crash leaves either no key or the whole key
  if (ec) return fail(ErrorCode::kIo, "cannot create " + path.string() + ": " + ec.message());
  return NodeSigningKey(std::move(seed));
}

}  // namespace

Result<std::unique_ptr<AuthNetwork>> AuthNetwork::create(AuthNetworkConfig config, Rng& rng) {
  if (!config.google_jwks && config.okto_issuer_keys.empty()) {
    return fail(ErrorCode::kInvalidArgument, "auth network: enable Google (JWKS) or OTP tokens (issuer key)");
  }
  if (config.google_jwks && config.oidc.audience.empty()) {
    return fail(ErrorCode::kInvalidArgument, "auth network: Google sign-in needs the OAuth client id (audience)");
  }
  if (config.data_dir) {
    std::error_code ec;
    std::filesystem::create_directories(*config.data_dir, ec);
    if (ec) return fail(ErrorCode::kIo, "auth network: " + config.data_dir->string() + ": " + ec.message());
  }
  std::unique_ptr<AuthNetwork> net(new AuthNetwork());
  net->policy_.network_id = config.network_id;
  net->policy_.quorum = config.quorum;
  for (uint32_t id = 1; id <= config.nodes; ++id) {
    NodeSigningKey key = NodeSigningKey::generate(rng);
    std::unique_ptr<ReplayStore> replay = std::make_unique<MemoryReplayStore>();
    if (config.data_dir) {
      OKMPC_ASSIGN_OR_RETURN(key, load_or_create_key(*config.data_dir, id, rng));
      OKMPC_ASSIGN_OR_RETURN(replay, SqliteReplayStore::open(*config.data_dir / ("auth-node-" + std::to_string(id) +
                                                                                 "-replay.sqlite")));
    }
    std::vector<std::shared_ptr<const CredentialVerifier>> verifiers;
    std::shared_ptr<OidcVerifier> google;
    if (config.google_jwks) {
      google = std::make_shared<OidcVerifier>(*config.google_jwks, config.oidc);
      verifiers.push_back(google);
    }
    if (!config.okto_issuer_keys.empty()) {
      verifiers.push_back(std::make_shared<OktoTokenVerifier>(config.okto_issuer_keys, config.okto));
    }
    net->policy_.nodes.push_back(NodeInfo{id, key.public_key()});
    AuthNodeConfig node_config{id, config.network_id, config.attestation_ttl_seconds, 2 * config.oidc.clock_skew_seconds};
    net->attesters_.push_back(std::make_unique<AuthNode>(node_config, std::move(key), std::move(verifiers), std::move(replay)));
    net->google_verifiers_.push_back(std::move(google));
  }
  OKMPC_TRY(net->policy_.validate());
  return net;
}

AuthReport AuthNetwork::authenticate(const AuthRequest& request, uint64_t now) {
  auto session = bind_session(request.session_pk);
  if (!session) {
    return AuthReport{{}, tl::unexpected(session.error()), {}};
  }
  std::vector<NodeAnswer> answers;
  for (const auto& node : attesters_) answers.push_back(NodeAnswer{node->node_id(), node->attest(request, now)});
  AggregateResult agg = aggregate_attestations(policy_, session->address, request.request_nonce, std::move(answers), now);
  return AuthReport{std::move(agg.nodes), std::move(agg.certificate), std::move(agg.misbehaving)};
}

Status AuthNetwork::compromise_node(uint32_t node_id, Misbehavior behavior, UserIdentity forged) {
  if (node_id == 0 || node_id > attesters_.size()) return fail(ErrorCode::kNotFound, "no auth node " + std::to_string(node_id));
  auto* honest = dynamic_cast<AuthNode*>(attesters_[node_id - 1].get());
  if (!honest) return fail(ErrorCode::kInvalidArgument, "auth node " + std::to_string(node_id) + " is already compromised");
  NodeSigningKey key = std::move(*honest).release_signing_key();
  attesters_[node_id - 1] = std::make_unique<MaliciousAuthNode>(node_id, policy_.network_id, std::move(key), behavior, forged);
  google_verifiers_[node_id - 1].reset();
  return ok();
}

void AuthNetwork::replace_google_jwks(const Jwks& jwks) {
  for (auto& v : google_verifiers_) {
    if (v) v->replace_jwks(jwks);
  }
}

}  // namespace okmpc::auth
