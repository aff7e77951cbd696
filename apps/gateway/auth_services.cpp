#include "apps/gateway/auth_services.hpp"

#include <cstring>

#include "apps/dwn/atomic_file.hpp"
#include "auth/malicious_node.hpp"

namespace okmpc::gateway {

namespace {

constexpr const char* kOktoIssuerKid = "okmpc-otp-1";

Result<auth::SimulatedGoogle> open_simulated_google(const std::filesystem::path& pem_path) {
  auto existing = dwn::read_file(pem_path);
  if (existing) {
    SecretBytes pem(std::move(*existing));
    std::string text(reinterpret_cast<const char*>(pem.expose().data()), pem.size());
    auto google = auth::SimulatedGoogle::from_pem_keys({text});
    sodium_memzero(text.data(), text.size());
    return google;
  }
  if (existing.error().code != ErrorCode::kNotFound) return tl::unexpected(existing.error());
  OKMPC_ASSIGN_OR_RETURN(auto google, auth::SimulatedGoogle::create());
  std::string pem = google.private_keys_pem().back();
  Status written = dwn::write_file_atomic(pem_path, as_bytes(pem), 0600);
  sodium_memzero(pem.data(), pem.size());
  OKMPC_TRY(written);
  return google;
}

}  // namespace

Result<std::unique_ptr<AuthServices>> open_auth_services(const GatewayConfig& config) {
  auto out = std::make_unique<AuthServices>();
  out->rng = std::make_unique<OsRng>();
  const auto& dir = config.data_dir;

  auth::AuthNetworkConfig net;
  net.nodes = config.auth_nodes;
  net.quorum = config.auth_quorum;
  net.oidc.audience = config.oidc_audience;
  net.data_dir = dir / "auth";
  std::error_code ec;
  std::filesystem::create_directories(*net.data_dir, ec);
  if (ec) return fail(ErrorCode::kIo, "cannot create " + net.data_dir->string());
  if (config.oidc_jwks) {
    OKMPC_ASSIGN_OR_RETURN(Bytes raw, dwn::read_file(*config.oidc_jwks));
    auto jwks = auth::Jwks::parse(std::string_view(reinterpret_cast<const char*>(raw.data()), raw.size()));
    if (!jwks) return fail(jwks.error().code, config.oidc_jwks->string() + ": " + jwks.error().message);
    net.google_jwks = std::move(*jwks);
  } else {
    OKMPC_ASSIGN_OR_RETURN(auto google, open_simulated_google(dir / "google-sim-key.pem"));
    net.google_jwks = google.jwks();
    out->google.emplace(std::move(google));
  }

  OKMPC_ASSIGN_OR_RETURN(SecretBytes issuer_seed, dwn::load_or_create_secret(dir / "otp-issuer.seed", 32));
  Secret<ByteArray<32>> seed;
  std::memcpy(seed.expose_mut().data(), issuer_seed.expose().data(), 32);
  auth::OktoTokenIssuer issuer(std::move(seed), kOktoIssuerKid);
  net.okto_issuer_keys.emplace(kOktoIssuerKid, issuer.public_key());
  net.okto = issuer.config();

  OKMPC_ASSIGN_OR_RETURN(out->network, auth::AuthNetwork::create(std::move(net), *out->rng));
  if (config.malicious_auth_node != 0) {
    // A compromised node that vouches for somebody else: it must be outvoted.
    auth::UserIdentity forged;
    forged.provider = auth::Provider::kGoogle;
    forged.subject_hash = auth::subject_hash(auth::Provider::kGoogle, "https://accounts.google.com", "attacker");
    OKMPC_TRY(out->network->compromise_node(config.malicious_auth_node, auth::Misbehavior::kForgeIdentity, forged));
  }

  out->outbox = std::make_unique<auth::FileOutbox>(dir / "outbox.jsonl");
  OKMPC_ASSIGN_OR_RETURN(SecretBytes hmac_key, dwn::load_or_create_secret(dir / "otp-hmac.key", 32));
  // Pending codes (HMACs only), attempt counters and lock-outs survive restarts.
  OKMPC_ASSIGN_OR_RETURN(auto otp_state, auth::SqliteOtpStateStore::open(dir / "otp-state.sqlite"));
  OKMPC_ASSIGN_OR_RETURN(out->otp, auth::OtpService::create({}, std::move(hmac_key), std::move(issuer), *out->outbox,
                                                            *out->rng, std::move(otp_state)));
  return out;
}

}  // namespace okmpc::gateway
