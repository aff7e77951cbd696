#include "session/session_key.hpp"

#include <secp256k1.h>

#include "session/signing_context.hpp"

namespace okmpc::session {

Result<PublicKey> public_key_of(const PrivateKey& key) {
  secp256k1_pubkey pk;
  if (secp256k1_ec_pubkey_create(signing_context(), &pk, key.expose().data()) != 1) {
    return fail(ErrorCode::kInvalidScalar, "secret key is zero or not below the group order");
  }
  PublicKey out{};
  size_t len = out.size();
  secp256k1_ec_pubkey_serialize(signing_context(), out.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  return out;
}

SessionKey SessionKey::generate(Rng& rng, uint64_t now, uint64_t lifetime_seconds) {
  for (;;) {
    PrivateKey candidate;
    rng.fill(candidate.expose_mut());
    // Rejection only on invalid candidates (probability < 2^-127).
    auto key = from_private_key(std::move(candidate), now, now + (lifetime_seconds == 0 ? 1 : lifetime_seconds));
    if (key) return std::move(*key);
  }
}

Result<SessionKey> SessionKey::from_private_key(PrivateKey key, uint64_t created_at, uint64_t expires_at) {
  if (expires_at <= created_at) {
    return fail(ErrorCode::kInvalidArgument, "session key must expire after it is created");
  }
  OKMPC_ASSIGN_OR_RETURN(PublicKey pk, public_key_of(key));
  OKMPC_ASSIGN_OR_RETURN(eth::Address addr, eth::address_from_public_key(pk));
  return SessionKey(std::move(key), pk, addr, created_at, expires_at);
}

Status SessionKey::check_usable(uint64_t now) const {
  if (revoked_) return fail(ErrorCode::kPermissionDenied, "session key " + eth::to_checksum(address_) + " is revoked");
  if (now < created_at_ || now >= expires_at_) {
    return fail(ErrorCode::kExpired, "session key " + eth::to_checksum(address_) + " is outside its lifetime [" +
                                         std::to_string(created_at_) + ", " + std::to_string(expires_at_) + ")");
  }
  return ok();
}

}  // namespace okmpc::session
