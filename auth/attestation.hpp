// Auth-node attestations: "node i verified a credential for user U, who is
// opening session S with request nonce R; valid until T", signed by node i's
// Ed25519 key (libsodium) over a canonical, domain-separated encoding:
//
//   u32len‖"okmpc/auth/attestation/v1" ‖ u32len‖network_id ‖ u32 node_id ‖
//   u8 provider ‖ 32 subject_hash ‖ 20 session_address ‖ u32len‖request_nonce ‖
//   u64 issued_at ‖ u64 expires_at                         (all big-endian)
//
// Fixed-size fields are raw, variable-size fields length-prefixed, so two
// different attestations never share an encoding; the network id keeps
// attestations of one deployment from being replayed in another.
#pragma once

#include <cstdint>
#include <string>

#include "auth/ed25519_types.hpp"
#include "auth/identity.hpp"
#include "mpc/bytes.hpp"
#include "mpc/eth.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc::auth {

inline constexpr std::string_view kAttestationDomain = "okmpc/auth/attestation/v1";

// What a node asserts (everything but its id and signature).
struct AttestationClaim {
  std::string network_id;
  UserIdentity identity;
  eth::Address session_address{};
  std::string request_nonce;  // sessionData.nonce as the client sent it
  uint64_t issued_at = 0;     // unix seconds
  uint64_t expires_at = 0;

  // True iff both claims name the same user, session, request and network
  // (the timestamps are each node's own and may differ).
  bool same_subject(const AttestationClaim& other) const {
    return network_id == other.network_id && identity == other.identity &&
           session_address == other.session_address && request_nonce == other.request_nonce;
  }
};

struct Attestation {
  uint32_t node_id = 0;
  AttestationClaim claim;
  Ed25519Signature signature{};
};

// The canonical signed bytes (layout above).
Bytes attestation_message(uint32_t node_id, const AttestationClaim& claim);

// An auth node's Ed25519 signing key. Move-only; the secret is wiped.
class NodeSigningKey {
 public:
  // From 32 seed bytes drawn from `rng`.
  static NodeSigningKey generate(Rng& rng);
  // From a stored 32-byte seed.
  explicit NodeSigningKey(Secret<ByteArray<32>> seed);

  NodeSigningKey(NodeSigningKey&&) noexcept = default;
  NodeSigningKey& operator=(NodeSigningKey&&) noexcept = default;

  const Ed25519PublicKey& public_key() const { return public_key_; }
  // The seed, for persisting the key (callers store it with mode 0600).
  Secret<ByteArray<32>> seed() const;

  // Signs attestation_message(node_id, claim).
  Attestation attest(uint32_t node_id, AttestationClaim claim) const;
  // Signs arbitrary bytes (fault-injection tests only).
  Ed25519Signature sign_raw(ByteView message) const;

 private:
  Secret<ByteArray<64>> secret_key_;
  Ed25519PublicKey public_key_{};
};

// True iff `a.signature` is node key `key`'s Ed25519 signature of
// attestation_message(a.node_id, a.claim) (libsodium, rejects small-order
// keys and non-canonical signatures). Public data; variable time is fine.
bool verify_attestation_signature_vartime(const Attestation& a, const Ed25519PublicKey& key);

}  // namespace okmpc::auth
