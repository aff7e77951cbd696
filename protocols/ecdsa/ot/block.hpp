// 128-bit blocks for the OT extension: one row of the KOS matrix, an element
// of GF(2^128), a base-OT correlation Δ. Bit i of a Block is bit (i % 64) of
// word i / 64. All operations here are constant time.
// Paper: papers/dkls23.md ("OT extension").
#pragma once

#include <array>
#include <cstdint>

#include "mpc/bytes.hpp"

namespace okmpc::ecdsa::ot {

struct Block {
  std::array<uint64_t, 2> w{};

  friend Block operator^(const Block& a, const Block& b) { return {{a.w[0] ^ b.w[0], a.w[1] ^ b.w[1]}}; }
  Block& operator^=(const Block& b) {
    w[0] ^= b.w[0];
    w[1] ^= b.w[1];
    return *this;
  }
  friend bool operator==(const Block&, const Block&) = default;

  // All-ones if bit is 1, all-zeros if 0 (bit must be 0 or 1); no branch.
  static Block mask(uint64_t bit) {
    const uint64_t m = 0 - bit;
    return {{m, m}};
  }
  Block operator&(const Block& b) const { return {{w[0] & b.w[0], w[1] & b.w[1]}}; }
  uint64_t bit(size_t i) const { return (w[i / 64] >> (i % 64)) & 1u; }

  // Little-endian 16-byte encoding (word 0 first).
  ByteArray<16> to_bytes() const;
  static Block from_bytes(ByteView sixteen);  // exactly 16 bytes (checked by caller)
};

// Product in GF(2^128) = GF(2)[x] / (x^128 + x^7 + x^2 + x + 1), bit i being
// the coefficient of x^i. Constant time in both arguments. Uses the CPU's
// carry-less multiply (PCLMULQDQ) when present, else gf128_mul_portable.
Block gf128_mul(const Block& a, const Block& b);
// The same product by masked shift-and-xor (any CPU; also constant time).
Block gf128_mul_portable(const Block& a, const Block& b);

}  // namespace okmpc::ecdsa::ot
