// Hash functions from the libraries that do them well: SHA-256/SHA-512 from
// OpenSSL 3 (which uses the CPU's SHA extensions / AVX2 code where present;
// ≈ 5–8× libsodium's portable C on large inputs on this machine class,
// measurements in papers/dkg.md), Keccak-256 (Ethereum's, original padding)
// from Crypto++, HMAC-SHA-256 from libsodium.
//
// All functions are thread safe (each thread reuses its own OpenSSL digest
// context), never fail (an OpenSSL failure, which only a broken installation
// can cause, aborts the process), and run in time independent of the data's
// content (the length is public). Hash states that held data are reset after
// use, so no chaining value of a hashed secret stays in memory.
#pragma once

#include <initializer_list>
#include <memory>

#include "mpc/bytes.hpp"

namespace okmpc {

using Hash32 = ByteArray<32>;
using Hash64 = ByteArray<64>;

// SHA-256 / SHA-512 (FIPS 180-4), Keccak-256 of `data`.
Hash32 sha256(ByteView data);
Hash64 sha512(ByteView data);
Hash32 keccak256(ByteView data);
// Hash of the concatenation of several views (no length prefixes: use only
// where the format fixes the field sizes, e.g. ABI words).
Hash32 keccak256(std::initializer_list<ByteView> parts);
Hash32 sha256(std::initializer_list<ByteView> parts);
Hash64 sha512(std::initializer_list<ByteView> parts);

// HMAC-SHA-256 (libsodium).
Hash32 hmac_sha256(ByteView key, ByteView data);

// Incremental SHA-256 (FIPS 180-4) for data that arrives in pieces, e.g. a
// running digest of a whole transcript: update() any number of times, then
// finish() once. Move-only; the state is wiped by finish() and on
// destruction. Using an object after finish() (or after being moved from) is
// a precondition violation (checked by an assert in debug builds; otherwise
// the object restarts from the empty message).
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(ByteView data);
  Hash32 finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace okmpc
