// Signature verification for the outputs of FrostSigner and EcdsaSigner.
// All functions take public inputs only and run in variable time. Each
// returns an ok Status iff the signature is valid; kInvalidEncoding for wrong
// lengths or unparsable bytes, kInvalidPoint for a key or R that is not a
// valid point (or is the identity), kInvalidScalar for an out-of-range
// scalar; kVerificationFailed when well-formed inputs do not verify.
#pragma once

#include <cstdint>
#include <span>

#include "okmpc/export.hpp"
#include "okmpc/status.hpp"

namespace okmpc::api {

// RFC 8032 Ed25519 through libsodium (crypto_sign_verify_detached):
// 32-byte public key, 64-byte signature, message of any length.
OKMPC_API Status verify_ed25519(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                                std::span<const uint8_t> signature);

// ECDSA over secp256k1 through libsecp256k1: 33-byte compressed public key,
// 32-byte digest, 65-byte r ‖ s ‖ v signature. Accepts only low-s signatures
// (BIP-62) whose v (27 or 28) recovers `public_key`.
OKMPC_API Status verify_ecdsa_secp256k1(std::span<const uint8_t> public_key, std::span<const uint8_t> digest,
                                        std::span<const uint8_t> signature);

// FROST(secp256k1, SHA-256) Schnorr signatures (RFC 9591 §6.5): 33-byte
// compressed group key, 65-byte signature (compressed R ‖ z); accepts iff
// z·G == R + c·PK with c = H2(R ‖ PK ‖ message). Rejects the identity as key
// or R (kInvalidPoint) and z >= n (kInvalidScalar).
OKMPC_API Status verify_frost_secp256k1(std::span<const uint8_t> public_key, std::span<const uint8_t> message,
                                        std::span<const uint8_t> signature);

}  // namespace okmpc::api
