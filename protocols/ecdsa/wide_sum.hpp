// WideSum: an unreduced sum of secp256k1 scalars and scalar products, reduced
// mod n once at the end. The vOLE (vole.cpp) computes thousands of short
// inner products per signature — the check combinations
// μ_j = x_{j,ℓ} + Σ θ_i·x_{j,i}, the gadget sums ⟨g, x⟩ and the masked
// differences ã, ḋ — and reducing every partial sum dominated its cost
// (papers/dkls23.md, "Measured"). Here each term is added into a 576-bit
// integer with plain carries, and reduce() folds it back below n once.
//
// Constant time: no branch or memory index depends on a value. The only
// branches are on `shift` in add_shifted (a public position, e.g. the gadget
// index) and on whether a product or shifted term was ever added (which
// operations ran, not their operands).
//
// Capacity: the true (integer) sum must stay below 2^576 — e.g. up to 2^63
// products of two scalars, or any mix of fewer terms. Callers here add at
// most a few hundred terms.
#pragma once

#include <array>
#include <cstdint>

#include "mpc/bytes.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/wide_mul.hpp"

namespace okmpc::ecdsa {

class WideSum {
 public:
  using Scalar = Secp256k1::Scalar;

  WideSum() = default;

  // Raw values: any 256-bit integer as four little-endian limbs, not
  // necessarily < n (the hashed OT pads before reduction, vole.cpp). Every
  // operation below that takes a Scalar also takes a Raw; the sum mod n is
  // the same as for the reduced value.
  using Raw = Scalar::Limbs;

  // += a.
  void add(const Scalar& a) { add_limbs(a.limbs()); }
  void add(const Raw& a) { add_limbs(a); }
  // += (n − a) ≡ −a (mod n). a = 0 adds n, which reduce() removes.
  void add_neg(const Scalar& a) { add_limbs(neg_limbs(a)); }
  // += (2n − a) ≡ −a (mod n) for a raw a < 2^256 < 2n (five limbs).
  void add_neg(const Raw& a) {
    std::array<uint64_t, 5> r;
    uint64_t borrow = 0;
    for (size_t i = 0; i < 5; ++i) {
      const u128 d = static_cast<u128>(k2N[i]) - (i < 4 ? a[i] : 0) - borrow;
      r[i] = static_cast<uint64_t>(d);
      borrow = static_cast<uint64_t>(d >> 64) & 1;
    }
    add_span(r.data(), r.size(), 0);
  }
  // += a if bit = 1, += 0 if bit = 0 (bit must be 0 or 1), without a branch.
  void add_masked(const Scalar& a, uint64_t bit) {
    const uint64_t m = 0 - bit;
    const Scalar::Limbs& l = a.limbs();
    add_limbs(Scalar::Limbs{l[0] & m, l[1] & m, l[2] & m, l[3] & m});
  }
  // += the 64-byte big-endian integer in `be64` (any value < 2^512; exactly
  // 64 bytes, a precondition). With nothing else added, reduce() gives it mod
  // n in one reduction (the pseudo-random gadget entries, vole.hpp).
  void add_be64(ByteView be64) {
    std::array<uint64_t, 8> l{};
    for (size_t i = 0; i < 8; ++i) {
      for (size_t j = 0; j < 8; ++j) l[i] = (l[i] << 8) | be64[(7 - i) * 8 + j];
    }
    wide_ = true;
    add_span(l.data(), l.size(), 0);
  }
  // += a·b (the full 512-bit product).
  void add_mul(const Scalar& a, const Scalar& b) { add_mul(a, b.limbs()); }
  void add_mul(const Scalar& a, const Raw& b) {
    const std::array<uint64_t, 8> p = mul_256x256(a.limbs(), b);
    wide_ = true;
    add_span(p.data(), p.size(), 0);
  }
  // += a·2^shift for a PUBLIC shift < 256 (gadget entries 2^j).
  void add_shifted(const Scalar& a, unsigned shift) { add_shifted(a.limbs(), shift); }
  void add_shifted(const Raw& l, unsigned shift) {
    const unsigned q = shift / 64, r = shift % 64;
    std::array<uint64_t, 5> s{};
    if (r == 0) {  // public: shift is a position, not a value
      s = {l[0], l[1], l[2], l[3], 0};
    } else {
      s[0] = l[0] << r;
      for (size_t i = 1; i < 4; ++i) s[i] = (l[i] << r) | (l[i - 1] >> (64 - r));
      s[4] = l[3] >> (64 - r);
    }
    wide_ = true;
    add_span(s.data(), s.size(), q);
  }

  // The sum mod n (fully reduced). Constant time.
  Scalar reduce() const {
    if (!wide_) return finish(w_[0], w_[1], w_[2], w_[3], w_[4]);
    // w = L + H·2^256 ≡ L + H·c with c < 2^129: < 2^576 -> < 2^450
    // (8 limbs) -> < 2^323 (6 limbs) -> < 2^257 (5 limbs).
    Wide w = w_;
    fold<5, 8>(w);
    fold<4, 6>(w);
    fold<2, 5>(w);
    return finish(w[0], w[1], w[2], w[3], w[4]);
  }

 private:
  __extension__ typedef unsigned __int128 u128;
  using Wide = std::array<uint64_t, 9>;
  // c = 2^256 − n (129 bits): 2^256 ≡ c (mod n).
  static constexpr Scalar::Limbs kC = {0x402DA1732FC9BEBFULL, 0x4551231950B75FC4ULL, 0x1ULL, 0x0ULL};
  static constexpr Scalar::Limbs kN = {0xBFD25E8CD0364141ULL, 0xBAAEDCE6AF48A03BULL, 0xFFFFFFFFFFFFFFFEULL,
                                       0xFFFFFFFFFFFFFFFFULL};
  // 2n (257 bits).
  static constexpr std::array<uint64_t, 5> k2N = {kN[0] << 1, (kN[1] << 1) | (kN[0] >> 63),
                                                  (kN[2] << 1) | (kN[1] >> 63), (kN[3] << 1) | (kN[2] >> 63),
                                                  kN[3] >> 63};

  // n − a as four limbs (n itself for a = 0; a < n so no borrow).
  static Scalar::Limbs neg_limbs(const Scalar& a) {
    const Scalar::Limbs& l = a.limbs();
    Scalar::Limbs r;
    uint64_t borrow = 0;
    for (size_t i = 0; i < 4; ++i) {
      const u128 d = static_cast<u128>(kN[i]) - l[i] - borrow;
      r[i] = static_cast<uint64_t>(d);
      borrow = static_cast<uint64_t>(d >> 64) & 1;
    }
    return r;
  }
  void add_limbs(const Scalar::Limbs& l) { add_span(l.data(), l.size(), 0); }
  // w_ += x·2^(64·at), carries propagated to the top limb in use: limb 4
  // while only scalars were added (their sum stays below 2^320 within the
  // capacity), limb 8 once a product or shifted term was (wide_ is set
  // before the call).
  void add_span(const uint64_t* x, size_t len, size_t at) {
    uint64_t carry = 0;
    for (size_t i = 0; i < len; ++i) {
      const u128 t = static_cast<u128>(w_[at + i]) + x[i] + carry;
      w_[at + i] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    const size_t top = wide_ ? w_.size() : 5;  // public: which operations ran
    for (size_t k = at + len; k < top; ++k) {
      const u128 t = static_cast<u128>(w_[k]) + carry;
      w_[k] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
  }
  // w ← L + H·c with L = limbs 0..3 and H = limbs 4..4+H−1 (limbs above
  // must be zero); the caller's bound says the result fits Out limbs, so
  // carries stop there.
  template <size_t H, size_t Out>
  static void fold(Wide& w) {
    static_assert(H + 2 <= Out && Out <= 9);
    Wide r{w[0], w[1], w[2], w[3], 0, 0, 0, 0, 0};
    for (size_t i = 0; i < H; ++i) {
      uint64_t carry = 0;
      for (size_t j = 0; j < 3; ++j) {
        const u128 t = static_cast<u128>(w[4 + i]) * kC[j] + r[i + j] + carry;
        r[i + j] = static_cast<uint64_t>(t);
        carry = static_cast<uint64_t>(t >> 64);
      }
      for (size_t k = i + 3; k < Out; ++k) {
        const u128 t = static_cast<u128>(r[k]) + carry;
        r[k] = static_cast<uint64_t>(t);
        carry = static_cast<uint64_t>(t >> 64);
      }
    }
    w = r;
  }

  // l0..l3 + h·2^256 (< 2^320) -> mod n. L + h·c < 2^256 + 2^193, so the
  // carry k out of limb 3 is 0 or 1 and, when it is 1, L < 2^193 and adding
  // k·c again cannot carry; the result is < 2^256 < 2n, so one masked
  // subtraction of n finishes. Word variables only (no arrays), so nothing
  // goes through memory.
  static Scalar finish(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3, uint64_t h) {
    u128 t = static_cast<u128>(h) * kC[0] + l0;
    l0 = static_cast<uint64_t>(t);
    t = static_cast<u128>(h) * kC[1] + l1 + static_cast<uint64_t>(t >> 64);
    l1 = static_cast<uint64_t>(t);
    t = static_cast<u128>(h) + l2 + static_cast<uint64_t>(t >> 64);  // kC[2] = 1
    l2 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l3) + static_cast<uint64_t>(t >> 64);
    l3 = static_cast<uint64_t>(t);
    const uint64_t k = 0 - static_cast<uint64_t>(t >> 64);
    t = static_cast<u128>(l0) + (kC[0] & k);
    l0 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l1) + (kC[1] & k) + static_cast<uint64_t>(t >> 64);
    l1 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l2) + (kC[2] & k) + static_cast<uint64_t>(t >> 64);
    l2 = static_cast<uint64_t>(t);
    l3 += static_cast<uint64_t>(t >> 64);
    // r = l + c mod 2^256 carries iff l ≥ n; then r = l − n.
    t = static_cast<u128>(l0) + kC[0];
    const uint64_t r0 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l1) + kC[1] + static_cast<uint64_t>(t >> 64);
    const uint64_t r1 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l2) + kC[2] + static_cast<uint64_t>(t >> 64);
    const uint64_t r2 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l3) + static_cast<uint64_t>(t >> 64);
    const uint64_t r3 = static_cast<uint64_t>(t);
    const uint64_t ge = 0 - static_cast<uint64_t>(t >> 64);
    return Scalar::from_limbs_unchecked({(l0 & ~ge) | (r0 & ge), (l1 & ~ge) | (r1 & ge), (l2 & ~ge) | (r2 & ge),
                                         (l3 & ~ge) | (r3 & ge)});
  }

  Wide w_{};
  bool wide_ = false;  // a product or shifted term was added (public)
};

}  // namespace okmpc::ecdsa
