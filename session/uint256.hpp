// Uint256: the EVM's 256-bit unsigned integer as 32 big-endian bytes (the ABI
// word layout, so encoding is a copy). Parsing is strict; arithmetic is
// checked (overflow and underflow are errors, never wrap-around).
//
// All values handled here are public (amounts, nonces, gas), so nothing in
// this file is constant-time.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc {

class Uint256 {
 public:
  // Zero.
  constexpr Uint256() = default;
  explicit constexpr Uint256(const ByteArray<32>& be) : be_(be) {}

  static Uint256 from_u64(uint64_t v);
  // Strict text forms: "0x" + 1..64 hex digits, or 1..78 decimal digits
  // without sign, spaces or leading '+' (leading zeros are accepted). A value
  // >= 2^256 or any other character is kInvalidArgument.
  static Result<Uint256> parse(std::string_view text);
  // A UUID in its canonical 8-4-4-4-12 hex form (any case), read as a 128-bit
  // big-endian integer (how Okto turns job ids into UserOp nonces). Anything
  // else is kInvalidArgument.
  static Result<Uint256> from_uuid(std::string_view uuid);
  // A big-endian byte string of at most 32 bytes (kInvalidEncoding otherwise).
  static Result<Uint256> from_be_bytes(ByteView be);

  const ByteArray<32>& bytes() const { return be_; }
  // The value if it fits in 64 bits.
  std::optional<uint64_t> to_u64() const;
  // Number of significant bits (0 for zero).
  unsigned bit_length() const;
  bool is_zero() const { return bit_length() == 0; }
  // The low `n` bytes (n <= 32) big-endian; the caller must have checked
  // bit_length() <= 8n when truncation would be wrong.
  Bytes low_bytes(size_t n) const;

  // this >> 64 and this & (2^64-1): the ERC-4337 nonce key and sequence.
  Uint256 shift_right_64() const;
  uint64_t low_u64() const;
  // this << 64; kInvalidArgument if bits would be lost.
  Result<Uint256> shift_left_64() const;

  // Checked arithmetic: overflow past 2^256 / going below zero is
  // kInvalidArgument and leaves nothing changed.
  Result<Uint256> checked_add(const Uint256& b) const;
  Result<Uint256> checked_sub(const Uint256& b) const;
  // Full 64x64 -> 128-bit product (never overflows 256 bits).
  static Uint256 mul_u64(uint64_t a, uint64_t b);

  // "0x" + minimal lowercase hex ("0x0" for zero).
  std::string to_hex_string() const;
  std::string to_decimal_string() const;

  friend bool operator==(const Uint256&, const Uint256&) = default;
  friend std::strong_ordering operator<=>(const Uint256& a, const Uint256& b) {
    return a.be_ <=> b.be_;
  }

 private:
  ByteArray<32> be_{};
};

}  // namespace okmpc
