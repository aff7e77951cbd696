// Fault injection for tests and the demo: an auth node that misbehaves in a
// chosen way. It holds a real node key (typically the key of the honest node
// it replaces, i.e. a compromised node), so its lies carry valid signatures
// and must be caught by the quorum rules, not by signature checks alone.
#pragma once

#include "auth/auth_node.hpp"

namespace okmpc::auth {

enum class Misbehavior : uint8_t {
  kForgeIdentity,   // ignores the credential and attests `forged` as the user
  kWrongSession,    // attests `forged` (pass the real user) for a different session address
  kCorruptSignature,// attests honestly-looking data with a broken signature
  kRefuse,          // rejects every request (INVALID_TOKEN), like a node that is down
};

class MaliciousAuthNode final : public Attester {
 public:
  MaliciousAuthNode(uint32_t node_id, std::string network_id, NodeSigningKey key, Misbehavior behavior,
                    UserIdentity forged = {});

  uint32_t node_id() const override { return node_id_; }
  // Never consults a credential verifier or a replay store.
  AuthResult<Attestation> attest(const AuthRequest& request, uint64_t now) override;

 private:
  uint32_t node_id_;
  std::string network_id_;
  NodeSigningKey key_;
  Misbehavior behavior_;
  UserIdentity forged_;
};

}  // namespace okmpc::auth
