// Scalars mod the secp256k1 group order n on four 64-bit limbs.
//
// Reduction uses n = 2^256 - c with c = 0x1_45512319_50B75FC4_402DA173_2FC9BEBF
// (129 bits): a wide value H·2^256 + L is congruent to H·c + L, which is folded
// three times with fixed loop bounds and finished with one masked subtraction
// of n. No branch and no memory index depends on a scalar's value.
#include <sodium.h>

#include <string>

#include "mpc/ctime.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/mod_inverse.hpp"
#include "mpc/wide_mul.hpp"

namespace okmpc {
namespace {

__extension__ typedef unsigned __int128 u128;
using Limbs = Secp256k1::Scalar::Limbs;

constexpr Limbs kN = {0xBFD25E8CD0364141ULL, 0xBAAEDCE6AF48A03BULL, 0xFFFFFFFFFFFFFFFEULL,
                      0xFFFFFFFFFFFFFFFFULL};
constexpr Limbs kC = {0x402DA1732FC9BEBFULL, 0x4551231950B75FC4ULL, 0x1ULL, 0x0ULL};  // 2^256 - n
constexpr Limbs kHalfN = {0xDFE92F46681B20A0ULL, 0x5D576E7357A4501DULL, 0xFFFFFFFFFFFFFFFFULL,
                          0x7FFFFFFFFFFFFFFFULL};  // floor(n / 2)

// All-ones if bit is 1, zero if 0.
inline uint64_t mask_of(uint64_t bit) { return 0 - bit; }

// r = a + b mod 2^256; returns the carry out (0 or 1).
inline uint64_t add_limbs(Limbs& r, const Limbs& a, const Limbs& b) {
  u128 acc = 0;
  for (size_t i = 0; i < 4; ++i) {
    acc += static_cast<u128>(a[i]) + b[i];
    r[i] = static_cast<uint64_t>(acc);
    acc >>= 64;
  }
  return static_cast<uint64_t>(acc);
}

// r = a - b mod 2^256; returns the borrow out (0 or 1).
inline uint64_t sub_limbs(Limbs& r, const Limbs& a, const Limbs& b) {
  uint64_t borrow = 0;
  for (size_t i = 0; i < 4; ++i) {
    u128 d = static_cast<u128>(a[i]) - b[i] - borrow;
    r[i] = static_cast<uint64_t>(d);
    borrow = static_cast<uint64_t>(d >> 64) & 1;
  }
  return borrow;
}

inline Limbs and_mask(const Limbs& a, uint64_t mask) {
  return {a[0] & mask, a[1] & mask, a[2] & mask, a[3] & mask};
}

inline void cmov(Limbs& r, const Limbs& a, uint64_t mask) {
  for (size_t i = 0; i < 4; ++i) r[i] = (r[i] & ~mask) | (a[i] & mask);
}

// Given v < 2^256 + (something < n) encoded as (carry, v), returns v mod n
// assuming the true value is < 2n.
inline Limbs reduce_once(const Limbs& v, uint64_t carry) {
  Limbs t;
  uint64_t c2 = add_limbs(t, v, kC);  // t = v - n mod 2^256; carry iff v >= n
  Limbs r = v;
  cmov(r, t, mask_of(carry | c2));
  return r;
}

// r[0..7] = L + H·c where L = w[0..3], H = w[4..7]. The result fits 8 limbs
// for any 512-bit w.
inline void fold(std::array<uint64_t, 8>& w) {
  std::array<uint64_t, 8> r{w[0], w[1], w[2], w[3], 0, 0, 0, 0};
  for (size_t i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < 3; ++j) {
      u128 t = static_cast<u128>(w[4 + i]) * kC[j] + r[i + j] + carry;
      r[i + j] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    for (size_t k = i + 3; k < 8; ++k) {
      u128 t = static_cast<u128>(r[k]) + carry;
      r[k] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
  }
  w = r;
}

// Any 512-bit value mod n.
Limbs reduce_wide(std::array<uint64_t, 8> w) {
  // 512 bits -> < 2^386 -> < 2^260 -> < 2^256 + 2^133.
  fold(w);
  fold(w);
  fold(w);
  Limbs lo{w[0], w[1], w[2], w[3]};
  // w[4] is 0 or 1 here; if 1, lo < 2^133 so adding c cannot overflow.
  Limbs t;
  add_limbs(t, lo, and_mask(kC, mask_of(w[4])));
  return reduce_once(t, 0);
}

Limbs limbs_from_be(ByteView b32) {
  Limbs r{};
  for (size_t i = 0; i < 4; ++i) {
    uint64_t v = 0;
    for (size_t j = 0; j < 8; ++j) v = (v << 8) | b32[(3 - i) * 8 + j];
    r[i] = v;
  }
  return r;
}

}  // namespace

Secp256k1::Scalar Secp256k1::Scalar::from_u64(uint64_t v) {
  Scalar s;
  s.limbs_[0] = v;  // every u64 is < n
  return s;
}

Result<Secp256k1::Scalar> Secp256k1::Scalar::from_bytes(ByteView bytes) {
  if (bytes.size() != 32) {
    return fail(ErrorCode::kInvalidEncoding,
                "secp256k1 scalar: expected 32 bytes, got " + std::to_string(bytes.size()));
  }
  Limbs v = limbs_from_be(bytes);
  Limbs t;
  // v >= n iff v + (2^256 - n) carries. The bytes may be secret (a hashed OT
  // pad, a stored share); the carry is computed without a branch and then
  // declassified, since the caller learns it from the result anyway (as
  // libsecp256k1's secp256k1_ecdsa_sign declassifies its nonce's validity).
  const uint64_t overflow = add_limbs(t, v, kC);
  declassify(overflow);
  if (overflow != 0) {
    return fail(ErrorCode::kInvalidScalar, "secp256k1 scalar: value is not below the group order");
  }
  Scalar s;
  s.limbs_ = v;
  return s;
}

Secp256k1::Scalar Secp256k1::Scalar::reduce(ByteView bytes) {
  // Horner over 32-byte chunks, most significant first: acc = acc·2^256 + chunk.
  Limbs acc{};
  size_t first = bytes.size() % 32;
  if (first == 0 && !bytes.empty()) first = 32;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t len = pos == 0 ? first : 32;
    ByteArray<32> chunk{};
    for (size_t i = 0; i < len; ++i) chunk[32 - len + i] = bytes[pos + i];
    Limbs lo = limbs_from_be(chunk);
    acc = reduce_wide({lo[0], lo[1], lo[2], lo[3], acc[0], acc[1], acc[2], acc[3]});
    pos += len;
  }
  Scalar s;
  s.limbs_ = acc;
  return s;
}

Secp256k1::Scalar Secp256k1::Scalar::random(Rng& rng) {
  for (;;) {
    ByteArray<64> buf = rng.bytes<64>();
    Scalar s = reduce(buf);
    sodium_memzero(buf.data(), buf.size());
    if (!s.is_zero()) return s;
  }
}

ByteArray<32> Secp256k1::Scalar::to_bytes() const {
  ByteArray<32> out;
  for (size_t i = 0; i < 4; ++i) {
    for (size_t j = 0; j < 8; ++j) {
      out[(3 - i) * 8 + j] = static_cast<uint8_t>(limbs_[i] >> (56 - 8 * j));
    }
  }
  return out;
}

Secp256k1::Scalar operator+(const Secp256k1::Scalar& a, const Secp256k1::Scalar& b) {
  Limbs sum;
  uint64_t carry = add_limbs(sum, a.limbs_, b.limbs_);
  Secp256k1::Scalar r;
  r.limbs_ = reduce_once(sum, carry);
  return r;
}

Secp256k1::Scalar operator-(const Secp256k1::Scalar& a, const Secp256k1::Scalar& b) {
  Limbs d;
  uint64_t borrow = sub_limbs(d, a.limbs_, b.limbs_);
  Limbs fixed;
  add_limbs(fixed, d, and_mask(kN, mask_of(borrow)));
  Secp256k1::Scalar r;
  r.limbs_ = fixed;
  return r;
}

Secp256k1::Scalar Secp256k1::Scalar::operator-() const { return zero() - *this; }

Secp256k1::Scalar operator*(const Secp256k1::Scalar& a, const Secp256k1::Scalar& b) {
  Secp256k1::Scalar r;
  r.limbs_ = reduce_wide(mul_256x256(a.limbs_, b.limbs_));
  return r;
}

Secp256k1::Scalar Secp256k1::Scalar::mul_small(uint32_t x) const {
  // A 256×32-bit product r + top·2^256 (top < 2^32), two folds of the top
  // by 2^256 ≡ 2^256 − n (the first leaves a carry of at most 1, after which
  // the value is below 2^161 and the second cannot carry), then one masked
  // subtraction of n (the value is below 2^256 < 2n).
  Limbs r;
  uint64_t top = 0;
  for (size_t i = 0; i < 4; ++i) {
    const u128 t = static_cast<u128>(limbs_[i]) * x + top;
    r[i] = static_cast<uint64_t>(t);
    top = static_cast<uint64_t>(t >> 64);
  }
  auto fold = [&r](uint64_t v) {  // r += v·(2^256 − n) mod 2^256; returns the carry
    uint64_t carry = 0;
    for (size_t i = 0; i < 4; ++i) {
      const u128 t = static_cast<u128>(v) * kC[i] + r[i] + carry;
      r[i] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    return carry;
  };
  fold(fold(top));
  Scalar out;
  out.limbs_ = reduce_once(r, 0);
  return out;
}

Secp256k1::Scalar Secp256k1::Scalar::invert_vartime() const {
  // n is prime and 0 < a < n: always invertible (0 gives 0).
  Scalar out;
  out.limbs_ = mod_inverse_vartime(limbs_, kN);
  return out;
}

Secp256k1::Scalar Secp256k1::Scalar::invert() const {
  // a^(n-2) with a fixed 4-bit window over the public, constant exponent
  // n - 2: 252 squarings and 64 multiplications by table[window], where the
  // window values (hence the table indices) come from the exponent only, so
  // the sequence of operations and memory accesses never depends on a.
  Limbs e;
  sub_limbs(e, kN, {2, 0, 0, 0});
  std::array<Scalar, 16> table;
  table[0] = one();
  for (size_t i = 1; i < 16; ++i) table[i] = table[i - 1] * *this;
  Scalar r = one();
  for (int w = 63; w >= 0; --w) {
    if (w != 63) {
      for (int k = 0; k < 4; ++k) r = r.square();
    }
    const unsigned bit = static_cast<unsigned>(w) * 4;
    const size_t window = static_cast<size_t>((e[bit / 64] >> (bit % 64)) & 0xf);
    r = r * table[window];
  }
  sodium_memzero(table.data(), sizeof(table));
  return r;
}

bool Secp256k1::Scalar::is_zero() const {
  return (limbs_[0] | limbs_[1] | limbs_[2] | limbs_[3]) == 0;
}

bool Secp256k1::Scalar::is_high() const {
  Limbs d;
  return sub_limbs(d, kHalfN, limbs_) != 0;  // borrow iff value > n/2
}

Secp256k1::Scalar Secp256k1::Scalar::negate_if_high() const {
  return select(is_high(), *this, -*this);
}

Secp256k1::Scalar Secp256k1::Scalar::select(bool flag, const Scalar& a, const Scalar& b) {
  Scalar r = a;
  cmov(r.limbs_, b.limbs_, mask_of(static_cast<uint64_t>(flag)));
  return r;
}

bool operator==(const Secp256k1::Scalar& a, const Secp256k1::Scalar& b) {
  uint64_t diff = 0;
  for (size_t i = 0; i < 4; ++i) diff |= a.limbs_[i] ^ b.limbs_[i];
  return diff == 0;
}

}  // namespace okmpc
