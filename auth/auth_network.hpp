// The auth network as one object for the gateway: N independent auth nodes
// (default 3), a quorum (default 2), and the aggregation of their answers
// into a QuorumCertificate (issue 10 "auth/"; papers/auth.md).
//
//   AuthNetworkConfig cfg;             // nodes, quorum, Google JWKS/audience, OTP issuer keys
//   auto net = AuthNetwork::create(cfg, rng);
//   AuthReport r = (*net)->authenticate({Provider::kGoogle, idToken, sessionPk, uuid}, now);
//   if (r.certificate) { ... r.certificate->identity() ... to_json(*r.certificate) ... }
//   else { r.certificate.error().public_code() /* e.g. "TOKEN_REPLAYED" */; r.nodes /* per node */ }
//   // later, anywhere: verify_quorum_certificate(cert, net->policy(), now)
//
// Each node gets its own verifier objects (its own copy of the JWKS and
// settings), its own replay store and its own Ed25519 key. With a data
// directory, node keys (auth-node-<id>.seed, mode 0600) and replay stores
// (auth-node-<id>-replay.sqlite) persist, so certificates stay verifiable
// and used tokens stay used across restarts.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "auth/auth_node.hpp"
#include "auth/jwks.hpp"
#include "auth/malicious_node.hpp"
#include "auth/okto_token.hpp"
#include "auth/oidc_verifier.hpp"
#include "auth/quorum.hpp"
#include "mpc/rng.hpp"

namespace okmpc::auth {

struct AuthNetworkConfig {
  uint32_t nodes = 3;
  uint32_t quorum = 2;
  std::string network_id = "okmpc-auth-v1";
  // Google sign-in is enabled when `google_jwks` is set (oidc.audience required).
  std::optional<Jwks> google_jwks;
  OidcConfig oidc;
  // OTP ("okto") tokens are enabled when at least one issuer key is given.
  std::map<std::string, Ed25519PublicKey, std::less<>> okto_issuer_keys;
  OktoTokenConfig okto;
  uint64_t attestation_ttl_seconds = 300;
  // Persistent node keys and replay stores; in memory when unset.
  std::optional<std::filesystem::path> data_dir;
};

struct AuthReport {
  std::vector<NodeOutcome> nodes;             // one per node, by node id
  AuthResult<QuorumCertificate> certificate;  // or the failure (AUTH_CONSENSUS_FAILED, INVALID_TOKEN, ...)
  std::vector<uint32_t> misbehaving;          // node ids caught lying (also the failure's culprits)
};

class AuthNetwork {
 public:
  // kInvalidArgument for an unusable configuration (quorum rules of
  // QuorumPolicy::validate, no provider enabled, Google without audience);
  // kIo if the data directory cannot be used. Node ids are 1..nodes.
  static Result<std::unique_ptr<AuthNetwork>> create(AuthNetworkConfig config, Rng& rng);

  // Asks every node, then aggregates (quorum.hpp). Thread-safe.
  AuthReport authenticate(const AuthRequest& request, uint64_t now);

  // The node keys and quorum, for verify_quorum_certificate anywhere.
  const QuorumPolicy& policy() const { return policy_; }

  // Replaces node `node_id`'s honest logic by `behavior`, keeping its
  // registered key (a compromised node). Fault injection for tests and the
  // demo; not thread-safe against authenticate(). kNotFound for an unknown
  // id, kInvalidArgument if the node was already replaced.
  Status compromise_node(uint32_t node_id, Misbehavior behavior, UserIdentity forged = {});

  // Installs a refreshed Google key set on every honest node (rotation).
  void replace_google_jwks(const Jwks& jwks);

 private:
  AuthNetwork() = default;

  QuorumPolicy policy_;
  std::vector<std::unique_ptr<Attester>> attesters_;            // index = node id - 1
  std::vector<std::shared_ptr<OidcVerifier>> google_verifiers_;  // per node (may be empty)
};

}  // namespace okmpc::auth
