// Arithmetic in GF(p), p = 2^255 - 19, the field of Ed25519 (RFC 8032 §5.1),
// on five 51-bit limbs with 128-bit products (the "radix 2^51" representation
// of Bernstein et al., "High-speed high-security signatures", §4).
//
// Every function here runs in constant time: no branch and no memory index
// depends on a field value, so the same code serves secret-derived data (the
// point libsodium returns from a secret-scalar multiplication is decoded with
// it) and public data. Variable-time shortcuts live one layer up
// (mpc/ed25519_group.hpp) and carry the _vartime suffix.
//
// Limb bounds. An element is "reduced" when every limb is < 2^51 + 2^13:
// fe_mul, fe_sq, fe_sub, fe_neg, fe_from_bytes and the constants produce
// reduced elements. fe_add does not carry: the sum of two reduced elements
// has limbs < 2^53. fe_mul and fe_sq accept limbs < 2^54; fe_sub accepts a
// subtrahend with limbs < 2^54. The value of an element is only defined mod
// p; fe_to_bytes yields the unique canonical encoding.
#pragma once

#include <cstdint>

#include "mpc/bytes.hpp"

namespace okmpc::ed25519 {

// value = v[0] + v[1]·2^51 + v[2]·2^102 + v[3]·2^153 + v[4]·2^204 (mod p).
struct Fe {
  uint64_t v[5];
};

inline constexpr uint64_t kLimbMask = (uint64_t{1} << 51) - 1;
inline constexpr Fe kFeZero{{0, 0, 0, 0, 0}};
inline constexpr Fe kFeOne{{1, 0, 0, 0, 0}};
// d = -121665/121666, the Edwards curve constant (RFC 8032 §5.1).
inline constexpr Fe kFeD{{0x34dca135978a3, 0x1a8283b156ebd, 0x5e7a26001c029, 0x739c663a03cbb, 0x52036cee2b6ff}};
// 2·d, used by the extended-coordinates addition.
inline constexpr Fe kFeD2{{0x69b9426b2f159, 0x35050762add7a, 0x3cf44c0038052, 0x6738cc7407977, 0x2406d9dc56dff}};
// 2^((p-1)/4), a square root of -1.
inline constexpr Fe kFeSqrtM1{{0x61b274a0ea0b0, 0xd5a5fc8f189d, 0x7ef5e9cbd0c60, 0x78595a6804c9e, 0x2b8324804fc1d}};

// a + b, limbwise without carries (see the bounds above).
inline Fe fe_add(const Fe& a, const Fe& b) {
  return Fe{{a.v[0] + b.v[0], a.v[1] + b.v[1], a.v[2] + b.v[2], a.v[3] + b.v[3], a.v[4] + b.v[4]}};
}

// One carry pass: limbs < 2^64 in, reduced out.
inline Fe fe_carry(const Fe& a) {
  Fe r = a;
  r.v[1] += r.v[0] >> 51;
  r.v[0] &= kLimbMask;
  r.v[2] += r.v[1] >> 51;
  r.v[1] &= kLimbMask;
  r.v[3] += r.v[2] >> 51;
  r.v[2] &= kLimbMask;
  r.v[4] += r.v[3] >> 51;
  r.v[3] &= kLimbMask;
  r.v[0] += (r.v[4] >> 51) * 19;
  r.v[4] &= kLimbMask;
  r.v[1] += r.v[0] >> 51;
  r.v[0] &= kLimbMask;
  return r;
}

// a - b, computed as a + 16p - b and carried: a reduced, b limbs < 2^54.
inline Fe fe_sub(const Fe& a, const Fe& b) {
  constexpr uint64_t k16p0 = 16 * ((uint64_t{1} << 51) - 19);
  constexpr uint64_t k16pi = 16 * ((uint64_t{1} << 51) - 1);
  return fe_carry(Fe{{a.v[0] + k16p0 - b.v[0], a.v[1] + k16pi - b.v[1], a.v[2] + k16pi - b.v[2],
                      a.v[3] + k16pi - b.v[3], a.v[4] + k16pi - b.v[4]}});
}

// -a.
inline Fe fe_neg(const Fe& a) { return fe_sub(kFeZero, a); }

namespace detail {
// __extension__: the 128-bit integer is a GCC/Clang extension (-Wpedantic).
__extension__ typedef unsigned __int128 u128;
inline u128 mul64(uint64_t a, uint64_t b) { return static_cast<u128>(a) * b; }

// Carries the five 128-bit column sums of a product into a reduced element.
inline Fe fe_carry_wide(u128 c0, u128 c1, u128 c2, u128 c3, u128 c4) {
  Fe r;
  c1 += static_cast<uint64_t>(c0 >> 51);
  r.v[0] = static_cast<uint64_t>(c0) & kLimbMask;
  c2 += static_cast<uint64_t>(c1 >> 51);
  r.v[1] = static_cast<uint64_t>(c1) & kLimbMask;
  c3 += static_cast<uint64_t>(c2 >> 51);
  r.v[2] = static_cast<uint64_t>(c2) & kLimbMask;
  c4 += static_cast<uint64_t>(c3 >> 51);
  r.v[3] = static_cast<uint64_t>(c3) & kLimbMask;
  const uint64_t carry = static_cast<uint64_t>(c4 >> 51);
  r.v[4] = static_cast<uint64_t>(c4) & kLimbMask;
  r.v[0] += carry * 19;
  r.v[1] += r.v[0] >> 51;
  r.v[0] &= kLimbMask;
  return r;
}
}  // namespace detail

// a·b; limbs < 2^54 in, reduced out. 2^255 ≡ 19 folds the high columns.
inline Fe fe_mul(const Fe& a, const Fe& b) {
  using detail::mul64;
  const uint64_t b1 = b.v[1] * 19, b2 = b.v[2] * 19, b3 = b.v[3] * 19, b4 = b.v[4] * 19;
  const auto c0 = mul64(a.v[0], b.v[0]) + mul64(a.v[4], b1) + mul64(a.v[3], b2) + mul64(a.v[2], b3) +
                  mul64(a.v[1], b4);
  const auto c1 = mul64(a.v[1], b.v[0]) + mul64(a.v[0], b.v[1]) + mul64(a.v[4], b2) + mul64(a.v[3], b3) +
                  mul64(a.v[2], b4);
  const auto c2 = mul64(a.v[2], b.v[0]) + mul64(a.v[1], b.v[1]) + mul64(a.v[0], b.v[2]) +
                  mul64(a.v[4], b3) + mul64(a.v[3], b4);
  const auto c3 = mul64(a.v[3], b.v[0]) + mul64(a.v[2], b.v[1]) + mul64(a.v[1], b.v[2]) +
                  mul64(a.v[0], b.v[3]) + mul64(a.v[4], b4);
  const auto c4 = mul64(a.v[4], b.v[0]) + mul64(a.v[3], b.v[1]) + mul64(a.v[2], b.v[2]) +
                  mul64(a.v[1], b.v[3]) + mul64(a.v[0], b.v[4]);
  return detail::fe_carry_wide(c0, c1, c2, c3, c4);
}

// a²; limbs < 2^54 in, reduced out.
inline Fe fe_sq(const Fe& a) {
  using detail::mul64;
  const uint64_t a0_2 = a.v[0] * 2, a1_2 = a.v[1] * 2;
  const uint64_t a3_19 = a.v[3] * 19, a4_19 = a.v[4] * 19;
  const auto c0 = mul64(a.v[0], a.v[0]) + mul64(a1_2, a4_19) + mul64(a.v[2] * 2, a3_19);
  const auto c1 = mul64(a0_2, a.v[1]) + mul64(a.v[2] * 2, a4_19) + mul64(a.v[3], a3_19);
  const auto c2 = mul64(a0_2, a.v[2]) + mul64(a.v[1], a.v[1]) + mul64(a.v[3] * 2, a4_19);
  const auto c3 = mul64(a0_2, a.v[3]) + mul64(a1_2, a.v[2]) + mul64(a.v[4], a4_19);
  const auto c4 = mul64(a0_2, a.v[4]) + mul64(a1_2, a.v[3]) + mul64(a.v[2], a.v[2]);
  return detail::fe_carry_wide(c0, c1, c2, c3, c4);
}

// a^(2^n), n ≥ 1 squarings (n is public).
Fe fe_sq_n(Fe a, int n);
// a^(p-2) = 1/a for a ≠ 0; 0 for a = 0.
Fe fe_invert(const Fe& a);
// a^((p-5)/8) = a^(2^252-3), the exponent of the square-root-of-a-ratio
// computation (RFC 8032 §5.1.3 step 2).
Fe fe_pow22523(const Fe& a);

// The low 255 bits of 32 little-endian bytes (bit 255 is ignored); the value
// may be ≥ p (callers that need canonical input check fe_is_canonical).
Fe fe_from_bytes(const ByteArray<32>& s);
// 1 iff the low 255 bits of s encode a value < p, else 0.
uint64_t fe_is_canonical(const ByteArray<32>& s);
// The canonical little-endian encoding of a mod p (bit 255 clear).
ByteArray<32> fe_to_bytes(const Fe& a);
// 1 iff a ≡ 0 (mod p), else 0.
uint64_t fe_is_zero(const Fe& a);
// 1 iff a ≡ b (mod p), else 0.
uint64_t fe_equal(const Fe& a, const Fe& b);
// The low bit of the canonical value ("negative" in RFC 8032 §5.1.2).
uint64_t fe_is_negative(const Fe& a);
// flag (0 or 1) ? b : a, limb by limb with a mask.
Fe fe_select(const Fe& a, const Fe& b, uint64_t flag);

}  // namespace okmpc::ed25519
