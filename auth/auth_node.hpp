// One auth node (issue 10, "N auth nodes ... each verifying the credential on
// its own, each with its own signing key"). A node checks the session key
// and the credential with its own verifiers and configuration, records the
// credential in its own replay store, and signs an attestation
// (attestation.hpp). Nodes share nothing; the quorum logic is in quorum.hpp.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "auth/attestation.hpp"
#include "auth/auth_error.hpp"
#include "auth/credential_verifier.hpp"
#include "auth/replay_store.hpp"

namespace okmpc::auth {

// What the gateway asks the network to attest (authData + sessionData).
struct AuthRequest {
  Provider provider = Provider::kGoogle;
  std::string id_token;
  Bytes session_pk;           // 65 bytes 0x04‖X‖Y
  std::string request_nonce;  // sessionData.nonce (UUIDv4 text)
};

// kBadRequest unless `nonce` is 1..128 printable ASCII characters.
AuthStatus check_request_nonce(std::string_view nonce);

// Anything that answers for a node id: an honest AuthNode, or a faulty one
// injected by tests (malicious_node.hpp). Implementations are thread-safe.
class Attester {
 public:
  virtual ~Attester() = default;
  virtual uint32_t node_id() const = 0;
  // The attestation, or the node's reason to refuse.
  virtual AuthResult<Attestation> attest(const AuthRequest& request, uint64_t now) = 0;
};

struct AuthNodeConfig {
  uint32_t node_id = 0;
  std::string network_id;
  uint64_t attestation_ttl_seconds = 300;  // attestations are acted on at once
  uint64_t replay_margin_seconds = 120;    // replay keys outlive the token by this much (>= clock skew)
};

class AuthNode final : public Attester {
 public:
  // One verifier per enabled provider (later duplicates are ignored).
  AuthNode(AuthNodeConfig config, NodeSigningKey key, std::vector<std::shared_ptr<const CredentialVerifier>> verifiers,
           std::unique_ptr<ReplayStore> replay);

  uint32_t node_id() const override { return config_.node_id; }
  const Ed25519PublicKey& public_key() const { return key_.public_key(); }

  // Checks in order: session key (bind_session: kBadRequest), request nonce
  // (kBadRequest), provider enabled on this node (kBadRequest), the
  // credential (its verifier's codes), then records it as used
  // (kTokenReplayed if seen before; kInternal if the store fails — nothing
  // is signed then). Only a fully valid, first-seen credential consumes a
  // replay slot.
  AuthResult<Attestation> attest(const AuthRequest& request, uint64_t now) override;

  // Hands the signing key over (fault injection: a compromised node keeps
  // its registered key). The node must not be used afterwards.
  NodeSigningKey release_signing_key() && { return std::move(key_); }

 private:
  AuthNodeConfig config_;
  NodeSigningKey key_;
  std::vector<std::shared_ptr<const CredentialVerifier>> verifiers_;
  std::unique_ptr<ReplayStore> replay_;
};

}  // namespace okmpc::auth
