// Ephemeral secp256k1 session keys (the client side of Okto-style sessions,
// see ../shared/DOMAIN.md "Session key"): generation, `sessionPk` as the
// uncompressed point 0x04‖X‖Y, the Ethereum address of the key, a lifetime
// (default 10 days) and a revocation flag.
//
// The private key lives in a Secret<> (move-only, wiped on destruction);
// SessionKey itself is move-only. Signing is in session/personal_sign.hpp.
#pragma once

#include <cstdint>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc::session {

using PrivateKey = Secret<ByteArray<32>>;
using PublicKey = ByteArray<65>;  // 0x04 ‖ X ‖ Y

// Okto sessions live 10 days.
inline constexpr uint64_t kDefaultSessionLifetimeSeconds = 10ull * 24 * 3600;

class SessionKey {
 public:
  // A fresh key: 32-byte candidates from `rng` until one is a valid secret
  // key (1 <= k < n). Valid from `now` (unix seconds) for `lifetime_seconds`
  // (a lifetime of 0 is taken as 1 second).
  static SessionKey generate(Rng& rng, uint64_t now,
                             uint64_t lifetime_seconds = kDefaultSessionLifetimeSeconds);
  // Wraps an existing secret key; kInvalidScalar if it is zero or >= n,
  // kInvalidArgument if expires_at <= created_at.
  static Result<SessionKey> from_private_key(PrivateKey key, uint64_t created_at, uint64_t expires_at);

  SessionKey(SessionKey&&) noexcept = default;
  SessionKey& operator=(SessionKey&&) noexcept = default;
  SessionKey(const SessionKey&) = delete;
  SessionKey& operator=(const SessionKey&) = delete;

  // sessionPk: 65 bytes 0x04 ‖ X ‖ Y.
  const PublicKey& public_key() const { return public_key_; }
  // last 20 bytes of keccak256(X ‖ Y).
  const eth::Address& address() const { return address_; }
  const PrivateKey& private_key() const { return private_key_; }
  uint64_t created_at() const { return created_at_; }
  uint64_t expires_at() const { return expires_at_; }

  bool revoked() const { return revoked_; }
  // Irreversible.
  void revoke() { revoked_ = true; }
  // ok iff not revoked (else kPermissionDenied) and created_at <= now <
  // expires_at (else kExpired).
  Status check_usable(uint64_t now) const;

 private:
  SessionKey(PrivateKey key, PublicKey pk, eth::Address addr, uint64_t created_at, uint64_t expires_at)
      : private_key_(std::move(key)), public_key_(pk), address_(addr), created_at_(created_at), expires_at_(expires_at) {}

  PrivateKey private_key_;
  PublicKey public_key_{};
  eth::Address address_{};
  uint64_t created_at_ = 0;
  uint64_t expires_at_ = 0;
  bool revoked_ = false;
};

// The uncompressed public key of a secret key; kInvalidScalar if the secret
// is zero or >= n. Constant time in the secret (libsecp256k1).
Result<PublicKey> public_key_of(const PrivateKey& key);

}  // namespace okmpc::session
