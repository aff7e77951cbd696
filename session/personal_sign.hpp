// Ethereum signatures for session and owner keys: recoverable ECDSA over
// secp256k1 (SEC 1 §4.1, RFC 6979 nonces, both by libsecp256k1) serialized as
// 65 bytes r ‖ s ‖ v with low s (s <= n/2) and v = 27 + recovery id, and the
// EIP-191 version 0x45 "personal_sign" digest
//   keccak256("\x19Ethereum Signed Message:\n" ‖ decimal(len) ‖ message).
//
// Two personal-sign flavours, as viem names them:
//  - personal_sign(key, message): signMessage({message}) over the bytes given.
//  - personal_sign_raw32(key, hash32): signMessage({message: {raw: hash32}}),
//    i.e. the 32 bytes themselves are the message and the prefix says "32".
//    This is how smart accounts sign a userOpHash and how Okto signs
//    keccak256(abi.encode(sessionAddress)).
//
// Signing is constant time in the secret key (libsecp256k1). Recovery works
// on public data only.
#pragma once

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/session_key.hpp"

namespace okmpc::session {

using Signature = ByteArray<65>;  // r ‖ s ‖ v

// Signs a 32-byte digest as is (no prefix). kInvalidScalar if the secret key
// is zero or >= n. The result always has low s and v in {27, 28}.
Result<Signature> sign_digest(const PrivateKey& key, const Hash32& digest);

// EIP-191 personal_sign of `message` / of the 32 raw bytes `hash32`.
Signature personal_sign(const SessionKey& key, ByteView message);
Signature personal_sign_raw32(const SessionKey& key, const Hash32& hash32);
// The same with a bare private key (e.g. a wallet owner key in tests);
// kInvalidScalar if the key is invalid.
Result<Signature> personal_sign_raw32(const PrivateKey& key, const Hash32& hash32);

// The address whose key produced `sig` over `digest`. Strict: `sig` must be
// exactly 65 bytes (kInvalidEncoding), v must be 27 or 28 (kInvalidEncoding),
// r and s must be in [1, n) with s <= n/2 (kVerificationFailed), and the
// recovery must succeed (kVerificationFailed). Variable time (public data).
Result<eth::Address> recover_digest(const Hash32& digest, ByteView sig);
// recover_digest(personal_message_digest(message), sig).
Result<eth::Address> recover_personal(ByteView message, ByteView sig);
// recover_digest(personal_message_digest(hash32 as 32 raw bytes), sig).
Result<eth::Address> recover_personal_raw32(const Hash32& hash32, ByteView sig);

}  // namespace okmpc::session
