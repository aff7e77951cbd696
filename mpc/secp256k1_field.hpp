// The secp256k1 base field F_p, p = 2^256 - 2^32 - 977 (SEC 2 §2.4.1), in
// native code for VARIABLE-TIME arithmetic on PUBLIC data only.
//
// Why it exists: libsecp256k1 0.2's public API has no projective points and no
// multi-scalar multiplication, so batched verification (FROST share checks,
// DKG commitment checks) would pay an inversion per addition and a full
// ecmult per term. mpc/secp256k1_group.hpp and mpc/secp256k1_msm.hpp build
// Jacobian points and Strauss/Pippenger multi-scalar multiplication on this
// field. Everything secret (base_mul, s·P with a secret s) stays on
// libsecp256k1 (ecmult_gen, ecmult_const); see papers/curves.md.
//
// NOT CONSTANT TIME as a whole: fe_normalize, the comparisons, the
// inversion and the square root branch on the values; never pass them
// secret-derived data. The ring operations (fe_add, fe_sub, fe_sub_unreduced,
// fe_negate, fe_mul_int, fe_double, fe_mul, fe_sqr) and fe_cmov are
// branch-free with value-independent memory access, so a constant-time
// algorithm may build on them (mpc/secp256k1_base.hpp does).
//
// Representation: five limbs in radix 2^52 (little-endian limb order) with
// lazy carries, so additions and subtractions are branch-free and cheap and a
// product is 25 64×64→128-bit multiplications plus a fold by 2^260 mod p.
// Every function returns a "weakly normalised" element: limbs 0..3 < 2^53,
// limb 4 < 2^49, value congruent mod p but not necessarily < p. Comparisons
// (==, is_zero, is_odd) and encodings normalise fully first.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>

namespace okmpc::secp256k1_vartime {

namespace field_detail {

__extension__ typedef unsigned __int128 u128;

inline constexpr uint64_t kM52 = (uint64_t{1} << 52) - 1;
inline constexpr uint64_t kM48 = (uint64_t{1} << 48) - 1;
// 2^256 mod p = 2^32 + 977, and 2^260 mod p = 16·(2^32 + 977).
inline constexpr uint64_t kFold256 = 0x1000003D1ULL;
inline constexpr uint64_t kFold260 = 0x1000003D10ULL;
// p in radix 2^52: limb 0, limbs 1..3 (all 2^52 - 1), limb 4 (2^48 - 1).
inline constexpr uint64_t kP0 = 0xFFFFEFFFFFC2FULL;

}  // namespace field_detail

// An element of F_p (weakly normalised, see above).
struct Fe {
  std::array<uint64_t, 5> n{};  // radix-2^52 limbs, little-endian

  // Equality of the field elements (not of the limb patterns).
  friend bool operator==(const Fe& a, const Fe& b);
  bool is_zero() const;
  // Parity of the canonical value (SEC 1 compressed-point prefix).
  bool is_odd() const;
};

namespace field_detail {

// Carries each limb into the next once and folds the bits above 2^256 back
// (2^256 ≡ kFold256). Input limbs < 2^63; output weakly normalised.
inline Fe weak(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3, uint64_t l4) {
  l1 += l0 >> 52;
  l0 &= kM52;
  l2 += l1 >> 52;
  l1 &= kM52;
  l3 += l2 >> 52;
  l2 &= kM52;
  l4 += l3 >> 52;
  l3 &= kM52;
  const uint64_t top = l4 >> 48;  // < 2^15
  l4 &= kM48;
  l0 += top * kFold256;
  return Fe{{l0, l1, l2, l3, l4}};
}

}  // namespace field_detail

// The canonical representative (value < p, limbs < 2^52, limb 4 < 2^48).
inline Fe fe_normalize(const Fe& a) {
  using field_detail::kFold256;
  using field_detail::kM48;
  using field_detail::kM52;
  using field_detail::kP0;
  // Two carry passes bring the value below 2^256 with every limb in range
  // (the second fold can only fire when the first pass left a small value).
  Fe r = field_detail::weak(a.n[0], a.n[1], a.n[2], a.n[3], a.n[4]);
  auto& l = r.n;
  l[1] += l[0] >> 52;
  l[0] &= kM52;
  l[2] += l[1] >> 52;
  l[1] &= kM52;
  l[3] += l[2] >> 52;
  l[2] &= kM52;
  l[4] += l[3] >> 52;
  l[3] &= kM52;
  if ((l[4] >> 48) != 0) {
    l[4] &= kM48;
    l[0] += kFold256;
    l[1] += l[0] >> 52;
    l[0] &= kM52;
  }
  // Now < 2^256; subtract p once if the value is in [p, 2^256).
  if (l[4] == kM48 && (l[3] & l[2] & l[1]) == kM52 && l[0] >= kP0) {
    l[0] -= kP0;
    l[1] = l[2] = l[3] = l[4] = 0;
  }
  return r;
}

inline bool Fe::is_zero() const {
  const Fe r = fe_normalize(*this);
  return (r.n[0] | r.n[1] | r.n[2] | r.n[3] | r.n[4]) == 0;
}


// a + b.
inline Fe fe_add(const Fe& a, const Fe& b) {
  return field_detail::weak(a.n[0] + b.n[0], a.n[1] + b.n[1], a.n[2] + b.n[2], a.n[3] + b.n[3], a.n[4] + b.n[4]);
}

// a - b, computed as a + 4p - b limb by limb (4p's limbs dominate any weakly
// normalised b's, so no limb underflows).
inline Fe fe_sub(const Fe& a, const Fe& b) {
  using field_detail::kM48;
  using field_detail::kM52;
  using field_detail::kP0;
  return field_detail::weak(a.n[0] + 4 * kP0 - b.n[0], a.n[1] + 4 * kM52 - b.n[1], a.n[2] + 4 * kM52 - b.n[2],
                            a.n[3] + 4 * kM52 - b.n[3], a.n[4] + 4 * kM48 - b.n[4]);
}

// a - b as a + 4p - b limb by limb WITHOUT the carry pass: limbs 0..3 stay
// below 2^53 + 2^54 and limb 4 below 2^49 + 2^50. Such an "unreduced"
// element is valid ONLY as an operand of fe_mul / fe_sqr (whose column sums
// stay below 2^112 for operands this large, so the reduction's top fold
// still fits 64 bits) or of fe_normalize / is_zero / ==; everything else
// wants weakly normalised inputs. Saves the carry chain where a difference
// is only multiplied (the group law's H, R and V − X3).
inline Fe fe_sub_unreduced(const Fe& a, const Fe& b) {
  using field_detail::kM48;
  using field_detail::kM52;
  using field_detail::kP0;
  return Fe{{a.n[0] + 4 * kP0 - b.n[0], a.n[1] + 4 * kM52 - b.n[1], a.n[2] + 4 * kM52 - b.n[2],
             a.n[3] + 4 * kM52 - b.n[3], a.n[4] + 4 * kM48 - b.n[4]}};
}

// r = mask ? a : r for mask all-ones or zero, without a branch or a
// mask-dependent memory access (constant time: usable on secret data).
inline void fe_cmov(Fe& r, const Fe& a, uint64_t mask) {
  for (size_t i = 0; i < r.n.size(); ++i) r.n[i] ^= mask & (r.n[i] ^ a.n[i]);
}

// -a.
inline Fe fe_negate(const Fe& a) { return fe_sub(Fe{}, a); }

// k·a for a small constant k <= 512 (limb-wise, one carry pass).
inline Fe fe_mul_int(const Fe& a, uint32_t k) {
  return field_detail::weak(a.n[0] * k, a.n[1] * k, a.n[2] * k, a.n[3] * k, a.n[4] * k);
}

// 2a.
inline Fe fe_double(const Fe& a) { return fe_mul_int(a, 2); }

namespace field_detail {

// Reduces Σ c[k]·2^(52k), k = 0..8 (each c[k] < 2^110), to a weakly
// normalised element. Column 5 + k has weight 2^260·2^(52k) ≡ kFold260·2^(52k),
// so it folds onto column k; split at bit 52, its low part lands on column k
// and its high part (< 2^58) on column k + 1, where it shares one 64-bit
// multiplier with the next column's low part. The five folds are
// independent, which leaves a single carry chain through the low columns
// (the latency that matters inside the group law's dependent products).
inline Fe reduce_columns(u128 c0, u128 c1, u128 c2, u128 c3, u128 c4, u128 c5, u128 c6, u128 c7, u128 c8) {
  auto low = [](u128 c) { return static_cast<uint64_t>(c) & kM52; };
  auto high = [](u128 c) { return static_cast<uint64_t>(c >> 52); };  // < 2^58
  // Each multiplier below is < 2^59 and kFold260 < 2^37: products < 2^96.
  c0 += static_cast<u128>(low(c5)) * kFold260;
  c1 += static_cast<u128>(high(c5) + low(c6)) * kFold260;
  c2 += static_cast<u128>(high(c6) + low(c7)) * kFold260;
  c3 += static_cast<u128>(high(c7) + low(c8)) * kFold260;
  c4 += static_cast<u128>(high(c8)) * kFold260;
  // One carry pass; every sum stays below 2^111.
  u128 t = c0;
  uint64_t r0 = static_cast<uint64_t>(t) & kM52;
  t = (t >> 52) + c1;
  const uint64_t r1 = static_cast<uint64_t>(t) & kM52;
  t = (t >> 52) + c2;
  const uint64_t r2 = static_cast<uint64_t>(t) & kM52;
  t = (t >> 52) + c3;
  const uint64_t r3 = static_cast<uint64_t>(t) & kM52;
  t = (t >> 52) + c4;
  const uint64_t r4 = static_cast<uint64_t>(t) & kM48;
  // Bits from 2^256 up (< 2^63): fold by kFold256 into limb 0, carrying
  // (< 2^43) into limb 1, which stays below 2^53.
  t = static_cast<u128>(static_cast<uint64_t>(t >> 48)) * kFold256 + r0;
  r0 = static_cast<uint64_t>(t) & kM52;
  return Fe{{r0, r1 + static_cast<uint64_t>(t >> 52), r2, r3, r4}};
}

}  // namespace field_detail

// a · b. Operands weakly normalised or unreduced (fe_sub_unreduced).
inline Fe fe_mul(const Fe& a, const Fe& b) {
  using field_detail::u128;
  const auto& x = a.n;
  const auto& y = b.n;
  auto m = [](uint64_t u, uint64_t v) { return static_cast<u128>(u) * v; };
  return field_detail::reduce_columns(
      m(x[0], y[0]), m(x[0], y[1]) + m(x[1], y[0]), m(x[0], y[2]) + m(x[1], y[1]) + m(x[2], y[0]),
      m(x[0], y[3]) + m(x[1], y[2]) + m(x[2], y[1]) + m(x[3], y[0]),
      m(x[0], y[4]) + m(x[1], y[3]) + m(x[2], y[2]) + m(x[3], y[1]) + m(x[4], y[0]),
      m(x[1], y[4]) + m(x[2], y[3]) + m(x[3], y[2]) + m(x[4], y[1]), m(x[2], y[4]) + m(x[3], y[3]) + m(x[4], y[2]),
      m(x[3], y[4]) + m(x[4], y[3]), m(x[4], y[4]));
}

// a^2 (the cross products computed once, doubled). Operand weakly
// normalised or unreduced (fe_sub_unreduced).
inline Fe fe_sqr(const Fe& a) {
  using field_detail::u128;
  const auto& x = a.n;
  auto m = [](uint64_t u, uint64_t v) { return static_cast<u128>(u) * v; };
  const uint64_t d0 = 2 * x[0], d1 = 2 * x[1], d2 = 2 * x[2], d3 = 2 * x[3];
  return field_detail::reduce_columns(m(x[0], x[0]), m(d0, x[1]), m(d0, x[2]) + m(x[1], x[1]), m(d0, x[3]) + m(d1, x[2]),
                                      m(d0, x[4]) + m(d1, x[3]) + m(x[2], x[2]), m(d1, x[4]) + m(d2, x[3]),
                                      m(d2, x[4]) + m(x[3], x[3]), m(d3, x[4]), m(x[4], x[4]));
}

// The field element with value x (any uint64_t).
inline Fe fe_from_u64(uint64_t x) { return Fe{{x & field_detail::kM52, x >> 52, 0, 0, 0}}; }

// a · k for a small public integer k.
inline Fe fe_mul_small(const Fe& a, uint32_t k) { return fe_mul(a, fe_from_u64(k)); }

// The element with value x mod p, for any x < 2^256 given as little-endian
// 64-bit limbs; and the canonical value (< p) as such limbs.
Fe fe_from_limbs64(const std::array<uint64_t, 4>& x);
std::array<uint64_t, 4> fe_to_limbs64(const Fe& a);

// Strict decode of 32 big-endian bytes: nullopt when the value is >= p.
std::optional<Fe> fe_from_bytes(std::span<const uint8_t, 32> in);
// 32-byte big-endian encoding of the canonical value.
void fe_to_bytes(const Fe& a, std::span<uint8_t, 32> out);

// a^-1 mod p, variable time (GMP's mpz_invert, an extended gcd). inverse(0) = 0.
Fe fe_inverse_vartime(const Fe& a);
// Inverts every element of xs in place with one inversion (Montgomery's
// trick: 3 multiplications per element). Zero entries stay zero.
void fe_batch_inverse_vartime(std::span<Fe> xs);
// A square root of a (a^((p+1)/4), valid since p ≡ 3 mod 4) when a is a
// square, else nullopt. The root returned is the one the exponentiation yields
// (either parity).
std::optional<Fe> fe_sqrt_vartime(const Fe& a);

}  // namespace okmpc::secp256k1_vartime
