// Signature verification helpers: Ed25519 through libsodium, ECDSA through
// libsecp256k1 (ecdsa::verify_signature: verify + recover), FROST secp256k1
// through the RFC 9591 equation (frost::verify_signature_bytes_vartime).
#include "okmpc/verify.hpp"

#include <sodium.h>

#include <algorithm>
#include <string>

#include "api/internal_error.hpp"
#include "protocols/ecdsa/signature.hpp"
#include "protocols/frost/verify.hpp"

namespace okmpc::api {
namespace {

Status check_size(std::string_view what, std::span<const uint8_t> bytes, size_t expected) {
  if (bytes.size() == expected) return {};
  return make_error(okmpc::ErrorCode::kInvalidEncoding, std::string(what) + " must be " + std::to_string(expected) +
                                                            " bytes, got " + std::to_string(bytes.size()));
}

Status to_status(const okmpc::Status& st) {
  if (st) return {};
  return to_public(st.error());
}

}  // namespace

Status verify_ed25519(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                      std::span<const uint8_t> signature) {
  if (auto st = check_size("ed25519 public key", public_key, crypto_sign_PUBLICKEYBYTES); !st) return st;
  if (auto st = check_size("ed25519 signature", signature, crypto_sign_BYTES); !st) return st;
  if (sodium_init() < 0) return make_error(okmpc::ErrorCode::kInternal, "libsodium failed to initialize");
  if (crypto_sign_verify_detached(signature.data(), message.data(), message.size(), public_key.data()) != 0) {
    return make_error(okmpc::ErrorCode::kVerificationFailed, "ed25519 signature does not verify");
  }
  return {};
}

Status verify_ecdsa_secp256k1(std::span<const uint8_t> public_key, std::span<const uint8_t> digest,
                              std::span<const uint8_t> signature) {
  if (auto st = check_size("secp256k1 public key", public_key, Secp256k1::kPointBytes); !st) return st;
  if (auto st = check_size("digest", digest, 32); !st) return st;
  if (auto st = check_size("ecdsa signature", signature, 65); !st) return st;
  auto key = Secp256k1::Point::from_bytes(public_key);
  if (!key) return to_public(key.error());
  ecdsa::Signature65 sig;
  Hash32 hash;
  std::copy(signature.begin(), signature.end(), sig.begin());
  std::copy(digest.begin(), digest.end(), hash.begin());
  return to_status(ecdsa::verify_signature(sig, hash, *key));
}

Status verify_frost_secp256k1(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                              std::span<const uint8_t> signature) {
  return to_status(frost::verify_signature_bytes_vartime<frost::FrostSecp256k1Sha256>(public_key, message, signature));
}

}  // namespace okmpc::api
