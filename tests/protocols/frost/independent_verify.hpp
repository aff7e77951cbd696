// Signature checks that do not use okmpc's FROST code: libsodium's RFC 8032
// verifier for Ed25519, libsecp256k1 point arithmetic for the secp256k1
// equation z·G == R + c·PK (c = RFC 9591 H2, the one value computed by us).
#pragma once

#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include "protocols/frost/binding.hpp"

namespace okmpc::frost::testing {

inline bool libsodium_verifies(ByteView public_key, ByteView message, ByteView signature) {
  if (sodium_init() < 0 || public_key.size() != 32 || signature.size() != 64) return false;
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), public_key.data()) == 0;
}

inline bool libsecp256k1_verifies(ByteView public_key, ByteView message, ByteView signature) {
  using S = FrostSecp256k1Sha256;
  if (public_key.size() != 33 || signature.size() != 65) return false;
  auto R = PointOf<S>::from_bytes(signature.first(33));
  auto PK = PointOf<S>::from_bytes(public_key);
  if (!R || !PK) return false;
  const auto c = compute_challenge<S>(*R, *PK, message).to_bytes();
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey lhs, r, cpk, rhs;
  bool ok = secp256k1_ec_pubkey_create(ctx, &lhs, signature.subspan(33).data()) == 1 &&
            secp256k1_ec_pubkey_parse(ctx, &r, signature.data(), 33) == 1 &&
            secp256k1_ec_pubkey_parse(ctx, &cpk, public_key.data(), public_key.size()) == 1 &&
            secp256k1_ec_pubkey_tweak_mul(ctx, &cpk, c.data()) == 1;
  if (ok) {
    const secp256k1_pubkey* parts[2] = {&r, &cpk};
    ok = secp256k1_ec_pubkey_combine(ctx, &rhs, parts, 2) == 1 && secp256k1_ec_pubkey_cmp(ctx, &lhs, &rhs) == 0;
  }
  secp256k1_context_destroy(ctx);
  return ok;
}

// The reference verifier of the suite's signature format.
template <Ciphersuite S>
bool independently_verifies(const PointOf<S>& public_key, ByteView message, const Signature<S>& sig) {
  const auto pk = public_key.to_bytes();
  const auto bytes = sig.to_bytes();
  if constexpr (std::is_same_v<S, FrostEd25519Sha512>) {
    return libsodium_verifies(pk, message, bytes);
  } else {
    return libsecp256k1_verifies(pk, message, bytes);
  }
}

}  // namespace okmpc::frost::testing
