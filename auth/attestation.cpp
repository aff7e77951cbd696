#include "auth/attestation.hpp"

#include <sodium.h>

#include "auth/length_prefixed.hpp"

namespace okmpc::auth {

Bytes attestation_message(uint32_t node_id, const AttestationClaim& c) {
  Bytes out;
  out.reserve(160 + c.network_id.size() + c.request_nonce.size());
  append_field(out, as_bytes(kAttestationDomain));
  append_field(out, as_bytes(c.network_id));
  append_u32_be(out, node_id);
  append_u8(out, static_cast<uint8_t>(c.identity.provider));
  append(out, c.identity.subject_hash);
  append(out, c.session_address);
  append_field(out, as_bytes(c.request_nonce));
  append_u64_be(out, c.issued_at);
  append_u64_be(out, c.expires_at);
  return out;
}

NodeSigningKey NodeSigningKey::generate(Rng& rng) {
  Secret<ByteArray<32>> seed;
  rng.fill(seed.expose_mut());  // straight into wiped storage, no stray copy
  return NodeSigningKey(std::move(seed));
}

NodeSigningKey::NodeSigningKey(Secret<ByteArray<32>> seed) {
  crypto_sign_seed_keypair(public_key_.data(), secret_key_.expose_mut().data(), seed.expose().data());
}

Secret<ByteArray<32>> NodeSigningKey::seed() const {
  Secret<ByteArray<32>> out;
  crypto_sign_ed25519_sk_to_seed(out.expose_mut().data(), secret_key_.expose().data());
  return out;
}

Ed25519Signature NodeSigningKey::sign_raw(ByteView message) const {
  Ed25519Signature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secret_key_.expose().data());
  return sig;
}

Attestation NodeSigningKey::attest(uint32_t node_id, AttestationClaim claim) const {
  Attestation a{node_id, std::move(claim), {}};
  a.signature = sign_raw(attestation_message(node_id, a.claim));
  return a;
}

bool verify_attestation_signature_vartime(const Attestation& a, const Ed25519PublicKey& key) {
  const Bytes msg = attestation_message(a.node_id, a.claim);
  return crypto_sign_verify_detached(a.signature.data(), msg.data(), msg.size(), key.data()) == 0;
}

}  // namespace okmpc::auth
