#include "session/personal_sign.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "session/signing_context.hpp"

namespace okmpc::session {

Result<Signature> sign_digest(const PrivateKey& key, const Hash32& digest) {
  const secp256k1_context* ctx = signing_context();
  secp256k1_ecdsa_recoverable_signature rsig;
  // libsecp256k1 produces low-s signatures (it normalizes s during signing).
  if (secp256k1_ecdsa_sign_recoverable(ctx, &rsig, digest.data(), key.expose().data(), nullptr, nullptr) != 1) {
    return fail(ErrorCode::kInvalidScalar, "signing key is zero or not below the group order");
  }
  Signature out{};
  int recid = 0;
  secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, out.data(), &recid, &rsig);
  out[64] = static_cast<uint8_t>(27 + recid);
  return out;
}

Signature personal_sign(const SessionKey& key, ByteView message) {
  // A SessionKey always holds a valid secret key, so signing cannot fail.
  return *sign_digest(key.private_key(), eth::personal_message_digest(message));
}

Signature personal_sign_raw32(const SessionKey& key, const Hash32& hash32) {
  return personal_sign(key, hash32);
}

Result<Signature> personal_sign_raw32(const PrivateKey& key, const Hash32& hash32) {
  return sign_digest(key, eth::personal_message_digest(hash32));
}

Result<eth::Address> recover_digest(const Hash32& digest, ByteView sig) {
  if (sig.size() != 65) {
    return fail(ErrorCode::kInvalidEncoding, "signature must be 65 bytes r||s||v, got " + std::to_string(sig.size()));
  }
  if (sig[64] != 27 && sig[64] != 28) {
    return fail(ErrorCode::kInvalidEncoding, "signature v must be 27 or 28, got " + std::to_string(sig[64]));
  }
  const secp256k1_context* ctx = signing_context();
  secp256k1_ecdsa_signature plain;
  if (secp256k1_ecdsa_signature_parse_compact(ctx, &plain, sig.data()) != 1) {
    return fail(ErrorCode::kVerificationFailed, "signature r or s is not below the group order");
  }
  // normalize() returns 1 when s was high: Ethereum rejects malleable signatures.
  secp256k1_ecdsa_signature normalized;
  if (secp256k1_ecdsa_signature_normalize(ctx, &normalized, &plain) == 1) {
    return fail(ErrorCode::kVerificationFailed, "signature s is above n/2 (malleable form)");
  }
  secp256k1_ecdsa_recoverable_signature rsig;
  if (secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, sig.data(), sig[64] - 27) != 1) {
    return fail(ErrorCode::kVerificationFailed, "signature does not parse");
  }
  secp256k1_pubkey pk;
  if (secp256k1_ecdsa_recover(ctx, &pk, &rsig, digest.data()) != 1) {
    return fail(ErrorCode::kVerificationFailed, "no public key recovers from this signature");
  }
  PublicKey ser{};
  size_t len = ser.size();
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  return eth::address_from_public_key(ser);
}

Result<eth::Address> recover_personal(ByteView message, ByteView sig) {
  return recover_digest(eth::personal_message_digest(message), sig);
}

Result<eth::Address> recover_personal_raw32(const Hash32& hash32, ByteView sig) {
  return recover_personal(hash32, sig);
}

}  // namespace okmpc::session
