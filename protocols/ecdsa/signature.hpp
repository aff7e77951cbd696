// Ethereum-ready ECDSA signatures over secp256k1: 65 bytes r ‖ s ‖ v with
// low s (s ≤ n/2, BIP-62/EIP-2) and v = 27 + recovery id (yellow paper
// App. F; EIP-191 personal_sign). Finalization and verification go through
// libsecp256k1 (secp256k1_ecdsa_verify and the recovery module), never only
// through okmpc's own arithmetic.
#pragma once

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc::ecdsa {

using Signature65 = ByteArray<65>;

// From the nonce point R and the combined s of a threshold run: r = R.x mod n,
// s normalized to low-s, v from R.y's parity (flipped with s). The signature
// is released only if secp256k1_ecdsa_recover, given (r, s, v), yields
// `public_key`; otherwise kVerificationFailed. That is a full verification:
// the recovered key Q = r⁻¹(s·R' − H(m)·G) is the one key under which the
// signature verifies with the nonce point R' that v names (SEC 1 v2 §4.1.6),
// so Q = public_key both proves validity and pins v — one libsecp256k1
// operation instead of secp256k1_ecdsa_verify and a recovery. r = 0 or s = 0: kVerificationFailed. R.x ≥ n (v not
// representable, probability ~2^-128): kInternal.
Result<Signature65> finalize_signature(const Secp256k1::Point& R, const Secp256k1::Scalar& s,
                                       const Hash32& digest, const Secp256k1::Point& public_key);

// The public key that signed `digest` (recovery; s must be low, v ∈ {27,28}).
// kInvalidEncoding for a malformed signature, kVerificationFailed if nothing
// recovers.
Result<Secp256k1::Point> recover_public_key(const Signature65& sig, const Hash32& digest);

// ok() iff `sig` is a valid low-s signature of `digest` under `public_key`
// (verify and recover both agree); kVerificationFailed otherwise.
Status verify_signature(const Signature65& sig, const Hash32& digest, const Secp256k1::Point& public_key);

// ok() iff `sig` recovers to `address`; kVerificationFailed otherwise.
Status verify_signature_address(const Signature65& sig, const Hash32& digest, const eth::Address& address);

}  // namespace okmpc::ecdsa
