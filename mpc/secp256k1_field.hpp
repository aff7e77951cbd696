// The secp256k1 base field F_p, p = 2^256 - 2^32 - 977 (SEC 2 §2.4.1), in
// native code for the public-data curve arithmetic.
//
// Why it exists: libsecp256k1 0.2's public API has no projective points and no
// multi-scalar multiplication, so batched verification (FROST share checks,
// DKG commitment checks) would pay an inversion per addition and a full
// ecmult per term. mpc/secp256k1_group.hpp and mpc/secp256k1_msm.hpp build
// Jacobian points and Strauss/Pippenger multi-scalar multiplication on this
// field; see papers/curves.md.
//
// NOT CONSTANT TIME as a whole: fe_normalize, the comparisons, the
// inversion and the square root branch on the values; never pass them
// secret-derived data. The ring operations (fe_add, fe_sub, fe_sub_unreduced,
// fe_negate, fe_mul_int, fe_double, fe_mul, fe_sqr) and fe_cmov are
// branch-free with value-independent memory access, so a constant-time
// algorithm may build on them (mpc/secp256k1_base.hpp does).
//
// Representation: four 64-bit limbs (little-endian limb order) holding any
// value below 2^256 congruent to the element mod p — "weakly reduced": the
// 2^32 + 977 values p .. 2^256 − 1 are allowed everywhere as the second
// pattern of 0 .. 2^32 + 976. Comparisons (==, is_zero, is_odd) and
// encodings reduce fully first. Since 2^256 ≡ 2^32 + 977 (mod p), a carry
// out of the top limb folds back in as + (2^32 + 977).
//
// Multiplication: on x86-64 CPUs with BMI2 and ADX (mulx, adcx/adox; Intel
// Broadwell and AMD Zen onward) a 4×4-limb schoolbook product with two
// interleaved carry chains followed by the fold, in inline assembly; a
// portable C path (unsigned __int128) otherwise, chosen once per process
// from CPUID.
// Both are branch-free and give identical results.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace okmpc::secp256k1_vartime {

namespace field_detail {

__extension__ typedef unsigned __int128 u128;

// 2^256 mod p.
inline constexpr uint64_t kFold = 0x1000003D1ULL;
// p as 64-bit limbs: this low limb and three all-ones limbs.
inline constexpr uint64_t kP0 = 0xFFFFFFFEFFFFFC2FULL;

}  // namespace field_detail

// An element of F_p (weakly reduced, see above).
struct Fe {
  std::array<uint64_t, 4> n{};  // 64-bit limbs, little-endian

  // Equality of the field elements (not of the limb patterns).
  friend bool operator==(const Fe& a, const Fe& b);
  bool is_zero() const;
  // Parity of the canonical value (SEC 1 compressed-point prefix).
  bool is_odd() const;
};

namespace field_detail {

// (l0, l1, l2, l3) + k·2^256 reduced to four limbs, for k < 2^63: folds
// k·kFold in, then the carry that may leave once more. That second fold
// cannot carry out: after a carry out of 2^256 the value left is below
// k·kFold < 2^97, so only limb 1 can take limb 0's carry.
inline Fe fold(uint64_t l0, uint64_t l1, uint64_t l2, uint64_t l3, uint64_t k) {
  u128 t = static_cast<u128>(k) * kFold + l0;
  l0 = static_cast<uint64_t>(t);
  t = (t >> 64) + l1;
  l1 = static_cast<uint64_t>(t);
  t = (t >> 64) + l2;
  l2 = static_cast<uint64_t>(t);
  t = (t >> 64) + l3;
  l3 = static_cast<uint64_t>(t);
  const uint64_t carry = static_cast<uint64_t>(t >> 64);  // 0 or 1
  t = static_cast<u128>(l0) + (kFold & (0 - carry));
  l0 = static_cast<uint64_t>(t);
  l1 += static_cast<uint64_t>(t >> 64);
  return Fe{{l0, l1, l2, l3}};
}

// The portable product (C with unsigned __int128), out of line.
Fe mul_portable(const Fe& a, const Fe& b);

// True when this CPU has BMI2 and ADX. Set during static initialisation; a
// read before that sees false, which only selects the portable path.
extern const bool kHasMulxAdx;

#if defined(__x86_64__) && defined(__GNUC__)
#define OKMPC_SECP256K1_FIELD_ASM 1
// The 512-bit product a·b into t0..t7: a 4×4-limb schoolbook product, row
// by row.
#define OKMPC_SECP256K1_MUL_ROWS_ASM \
  "movq 0(%[a]), %%rdx\n\t" \
  "mulxq 0(%[b]), %[t0], %[t1]\n\t" \
  "mulxq 8(%[b]), %[x], %[t2]\n\t" \
  "addq %[x], %[t1]\n\t" \
  "mulxq 16(%[b]), %[x], %[t3]\n\t" \
  "adcq %[x], %[t2]\n\t" \
  "mulxq 24(%[b]), %[x], %[t4]\n\t" \
  "adcq %[x], %[t3]\n\t" \
  "adcq $0, %[t4]\n\t" \
  /* Row 1: t1..t5 += a1·b, low halves on the CF chain, high on OF. */ \
  "movq 8(%[a]), %%rdx\n\t" \
  "xorl %k[x], %k[x]\n\t" \
  "mulxq 0(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t1]\n\t" \
  "adoxq %[y], %[t2]\n\t" \
  "mulxq 8(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t2]\n\t" \
  "adoxq %[y], %[t3]\n\t" \
  "mulxq 16(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t3]\n\t" \
  "adoxq %[y], %[t4]\n\t" \
  "mulxq 24(%[b]), %[x], %[t5]\n\t" \
  "adcxq %[x], %[t4]\n\t" \
  "movl $0, %%edx\n\t" \
  "adoxq %%rdx, %[t5]\n\t" \
  "adcxq %%rdx, %[t5]\n\t" \
  /* Row 2: t2..t6 += a2·b. */ \
  "movq 16(%[a]), %%rdx\n\t" \
  "xorl %k[x], %k[x]\n\t" \
  "mulxq 0(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t2]\n\t" \
  "adoxq %[y], %[t3]\n\t" \
  "mulxq 8(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t3]\n\t" \
  "adoxq %[y], %[t4]\n\t" \
  "mulxq 16(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t4]\n\t" \
  "adoxq %[y], %[t5]\n\t" \
  "mulxq 24(%[b]), %[x], %[t6]\n\t" \
  "adcxq %[x], %[t5]\n\t" \
  "movl $0, %%edx\n\t" \
  "adoxq %%rdx, %[t6]\n\t" \
  "adcxq %%rdx, %[t6]\n\t" \
  /* Row 3: t3..t7 += a3·b. */ \
  "movq 24(%[a]), %%rdx\n\t" \
  "xorl %k[x], %k[x]\n\t" \
  "mulxq 0(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t3]\n\t" \
  "adoxq %[y], %[t4]\n\t" \
  "mulxq 8(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t4]\n\t" \
  "adoxq %[y], %[t5]\n\t" \
  "mulxq 16(%[b]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t5]\n\t" \
  "adoxq %[y], %[t6]\n\t" \
  "mulxq 24(%[b]), %[x], %[t7]\n\t" \
  "adcxq %[x], %[t6]\n\t" \
  "movl $0, %%edx\n\t" \
  "adoxq %%rdx, %[t7]\n\t" \
  "adcxq %%rdx, %[t7]\n\t"

// The 512-bit square a^2 into t0..t7: the six cross products once, doubled,
// plus the four squares (10 multiplications instead of 16).
#define OKMPC_SECP256K1_SQR_ROWS_ASM \
  /* Cross products a_i·a_j, i < j, into t1..t6. */ \
  "movq 0(%[a]), %%rdx\n\t" \
  "mulxq 8(%[a]), %[t1], %[t2]\n\t" \
  "mulxq 16(%[a]), %[x], %[t3]\n\t" \
  "addq %[x], %[t2]\n\t" \
  "mulxq 24(%[a]), %[x], %[t4]\n\t" \
  "adcq %[x], %[t3]\n\t" \
  "adcq $0, %[t4]\n\t" \
  "movq 8(%[a]), %%rdx\n\t" \
  "xorl %k[x], %k[x]\n\t" \
  "mulxq 16(%[a]), %[x], %[y]\n\t" \
  "adcxq %[x], %[t3]\n\t" \
  "adoxq %[y], %[t4]\n\t" \
  "mulxq 24(%[a]), %[x], %[t5]\n\t" \
  "adcxq %[x], %[t4]\n\t" \
  "movl $0, %%edx\n\t" \
  "adoxq %%rdx, %[t5]\n\t" \
  "adcxq %%rdx, %[t5]\n\t" \
  "movq 16(%[a]), %%rdx\n\t" \
  "mulxq 24(%[a]), %[x], %[t6]\n\t" \
  "addq %[x], %[t5]\n\t" \
  "adcq $0, %[t6]\n\t" \
  /* Doubled on the CF chain (each limb before its square's part lands), */ \
  /* the squares a_i^2 added on the OF chain; t7 starts at zero. */ \
  "xorl %k[t7], %k[t7]\n\t" \
  "movq 0(%[a]), %%rdx\n\t" \
  "mulxq %%rdx, %[t0], %[x]\n\t" \
  "adcxq %[t1], %[t1]\n\t" \
  "adoxq %[x], %[t1]\n\t" \
  "movq 8(%[a]), %%rdx\n\t" \
  "mulxq %%rdx, %[x], %[y]\n\t" \
  "adcxq %[t2], %[t2]\n\t" \
  "adoxq %[x], %[t2]\n\t" \
  "adcxq %[t3], %[t3]\n\t" \
  "adoxq %[y], %[t3]\n\t" \
  "movq 16(%[a]), %%rdx\n\t" \
  "mulxq %%rdx, %[x], %[y]\n\t" \
  "adcxq %[t4], %[t4]\n\t" \
  "adoxq %[x], %[t4]\n\t" \
  "adcxq %[t5], %[t5]\n\t" \
  "adoxq %[y], %[t5]\n\t" \
  "movq 24(%[a]), %%rdx\n\t" \
  "mulxq %%rdx, %[x], %[y]\n\t" \
  "adcxq %[t6], %[t6]\n\t" \
  "adoxq %[x], %[t6]\n\t" \
  "adcxq %[t7], %[t7]\n\t" \
  "adoxq %[y], %[t7]\n\t"

// t0..t7 reduced to t0..t3 (weakly): t0..t3 += kFold·(t4..t7) with the part
// above 2^256 gathered in t4, then t0..t3 += kFold·t4 and fold()'s last step.
#define OKMPC_SECP256K1_REDUCE_ASM \
  "movabsq $0x1000003D1, %%rdx\n\t" \
  "xorl %k[x], %k[x]\n\t" \
  "mulxq %[t4], %[x], %[y]\n\t" \
  "adcxq %[x], %[t0]\n\t" \
  "adoxq %[y], %[t1]\n\t" \
  "mulxq %[t5], %[x], %[y]\n\t" \
  "adcxq %[x], %[t1]\n\t" \
  "adoxq %[y], %[t2]\n\t" \
  "mulxq %[t6], %[x], %[y]\n\t" \
  "adcxq %[x], %[t2]\n\t" \
  "adoxq %[y], %[t3]\n\t" \
  "mulxq %[t7], %[x], %[t4]\n\t" \
  "adcxq %[x], %[t3]\n\t" \
  "movl $0, %k[t5]\n\t" \
  "adoxq %[t5], %[t4]\n\t" \
  "adcxq %[t5], %[t4]\n\t" \
  /* Second fold: t0..t3 += kFold·t4 (t4 < 2^34), then as in fold(). */ \
  "mulxq %[t4], %[x], %[y]\n\t" \
  "addq %[x], %[t0]\n\t" \
  "adcq %[y], %[t1]\n\t" \
  "adcq $0, %[t2]\n\t" \
  "adcq $0, %[t3]\n\t" \
  "sbbq %[x], %[x]\n\t" \
  "andq %%rdx, %[x]\n\t" \
  "addq %[x], %[t0]\n\t" \
  "adcq $0, %[t1]\n\t"

// The operands the three macros above write: the eight product limbs, two
// scratch registers and rdx (mulx's implicit operand).
#define OKMPC_SECP256K1_ASM_OUTPUTS                                                                               \
  [t0] "=&r"(t0), [t1] "=&r"(t1), [t2] "=&r"(t2), [t3] "=&r"(t3), [t4] "=&r"(t4), [t5] "=&r"(t5), [t6] "=&r"(t6), \
      [t7] "=&r"(t7), [x] "=&r"(x), [y] "=&r"(y), "=&d"(rdx)

// a · b with mulx/adcx/adox (only when kHasMulxAdx).
inline Fe mul_mulx(const Fe& a, const Fe& b) {
  uint64_t t0, t1, t2, t3, t4, t5, t6, t7, x, y, rdx;
#if defined(__OPTIMIZE__) && !defined(__clang__)
  __asm__(OKMPC_SECP256K1_MUL_ROWS_ASM OKMPC_SECP256K1_REDUCE_ASM
          : OKMPC_SECP256K1_ASM_OUTPUTS
          : [a] "r"(a.n.data()), [b] "r"(b.n.data()), "m"(a.n), "m"(b.n)
          : "cc");
#else
  // Unoptimised GCC builds and Clang (whose sanitizer builds keep a frame
  // pointer) have too few free registers to also address the "m"
  // operands; a memory clobber says the same more bluntly.
  __asm__(OKMPC_SECP256K1_MUL_ROWS_ASM OKMPC_SECP256K1_REDUCE_ASM
          : OKMPC_SECP256K1_ASM_OUTPUTS
          : [a] "r"(a.n.data()), [b] "r"(b.n.data())
          : "cc", "memory");
#endif
  return Fe{{t0, t1, t2, t3}};
}

// a^2 with mulx/adcx/adox (only when kHasMulxAdx).
inline Fe sqr_mulx(const Fe& a) {
  uint64_t t0, t1, t2, t3, t4, t5, t6, t7, x, y, rdx;
#if defined(__OPTIMIZE__) && !defined(__clang__)
  __asm__(OKMPC_SECP256K1_SQR_ROWS_ASM OKMPC_SECP256K1_REDUCE_ASM
          : OKMPC_SECP256K1_ASM_OUTPUTS
          : [a] "r"(a.n.data()), "m"(a.n)
          : "cc");
#else
  __asm__(OKMPC_SECP256K1_SQR_ROWS_ASM OKMPC_SECP256K1_REDUCE_ASM
          : OKMPC_SECP256K1_ASM_OUTPUTS
          : [a] "r"(a.n.data())
          : "cc", "memory");
#endif
  return Fe{{t0, t1, t2, t3}};
}
#endif

}  // namespace field_detail

// The canonical representative (value < p).
inline Fe fe_normalize(const Fe& a) {
  // v ≥ p iff v + kFold carries out of 2^256, and then v − p is that sum
  // modulo 2^256.
  using field_detail::u128;
  u128 t = static_cast<u128>(a.n[0]) + field_detail::kFold;
  const uint64_t s0 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[1];
  const uint64_t s1 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[2];
  const uint64_t s2 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[3];
  if ((t >> 64) != 0) return Fe{{s0, s1, s2, static_cast<uint64_t>(t)}};
  return a;
}

inline bool Fe::is_zero() const {
  const Fe r = fe_normalize(*this);
  return (r.n[0] | r.n[1] | r.n[2] | r.n[3]) == 0;
}

// a + b.
inline Fe fe_add(const Fe& a, const Fe& b) {
#if defined(OKMPC_SECP256K1_FIELD_ASM)
  // The sum, then kFold added for a carry out of 2^256, and once more for a
  // carry out of that (the value is then below kFold, so no third).
  uint64_t r0 = a.n[0], r1 = a.n[1], r2 = a.n[2], r3 = a.n[3], m, k;
  __asm__(
      "movabsq $0x1000003D1, %[k]\n\t"
      "addq %[b0], %[r0]\n\t"
      "adcq %[b1], %[r1]\n\t"
      "adcq %[b2], %[r2]\n\t"
      "adcq %[b3], %[r3]\n\t"
      "sbbq %[m], %[m]\n\t"
      "andq %[k], %[m]\n\t"
      "addq %[m], %[r0]\n\t"
      "adcq $0, %[r1]\n\t"
      "adcq $0, %[r2]\n\t"
      "adcq $0, %[r3]\n\t"
      "sbbq %[m], %[m]\n\t"
      "andq %[k], %[m]\n\t"
      "addq %[m], %[r0]\n\t"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [m] "=&r"(m), [k] "=&r"(k)
      : [b0] "rm"(b.n[0]), [b1] "rm"(b.n[1]), [b2] "rm"(b.n[2]), [b3] "rm"(b.n[3])
      : "cc");
  return Fe{{r0, r1, r2, r3}};
#else
  using field_detail::u128;
  u128 t = static_cast<u128>(a.n[0]) + b.n[0];
  const uint64_t l0 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[1] + b.n[1];
  const uint64_t l1 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[2] + b.n[2];
  const uint64_t l2 = static_cast<uint64_t>(t);
  t = (t >> 64) + a.n[3] + b.n[3];
  return field_detail::fold(l0, l1, l2, static_cast<uint64_t>(t), static_cast<uint64_t>(t >> 64));
#endif
}

// a - b. A borrow out of 2^256 means the limbs hold a − b + 2^256; taking
// kFold off (modulo 2^256) makes that a − b + p, and a second borrow there
// (only for b ≥ a + p, possible with weakly reduced b) is met the same way
// (the limbs are then at least 2^256 − kFold, so no third).
inline Fe fe_sub(const Fe& a, const Fe& b) {
#if defined(OKMPC_SECP256K1_FIELD_ASM)
  uint64_t r0 = a.n[0], r1 = a.n[1], r2 = a.n[2], r3 = a.n[3], m, k;
  __asm__(
      "movabsq $0x1000003D1, %[k]\n\t"
      "subq %[b0], %[r0]\n\t"
      "sbbq %[b1], %[r1]\n\t"
      "sbbq %[b2], %[r2]\n\t"
      "sbbq %[b3], %[r3]\n\t"
      "sbbq %[m], %[m]\n\t"
      "andq %[k], %[m]\n\t"
      "subq %[m], %[r0]\n\t"
      "sbbq $0, %[r1]\n\t"
      "sbbq $0, %[r2]\n\t"
      "sbbq $0, %[r3]\n\t"
      "sbbq %[m], %[m]\n\t"
      "andq %[k], %[m]\n\t"
      "subq %[m], %[r0]\n\t"
      : [r0] "+&r"(r0), [r1] "+&r"(r1), [r2] "+&r"(r2), [r3] "+&r"(r3), [m] "=&r"(m), [k] "=&r"(k)
      : [b0] "rm"(b.n[0]), [b1] "rm"(b.n[1]), [b2] "rm"(b.n[2]), [b3] "rm"(b.n[3])
      : "cc");
  return Fe{{r0, r1, r2, r3}};
#else
  using field_detail::kFold;
  using field_detail::u128;
  auto borrow_of = [](u128 t) { return static_cast<uint64_t>(t >> 64) & 1; };
  u128 t = static_cast<u128>(a.n[0]) - b.n[0];
  uint64_t l0 = static_cast<uint64_t>(t);
  t = static_cast<u128>(a.n[1]) - b.n[1] - borrow_of(t);
  uint64_t l1 = static_cast<uint64_t>(t);
  t = static_cast<u128>(a.n[2]) - b.n[2] - borrow_of(t);
  uint64_t l2 = static_cast<uint64_t>(t);
  t = static_cast<u128>(a.n[3]) - b.n[3] - borrow_of(t);
  uint64_t l3 = static_cast<uint64_t>(t);
  for (int pass = 0; pass < 2; ++pass) {
    t = static_cast<u128>(l0) - (kFold & (0 - borrow_of(t)));
    l0 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l1) - borrow_of(t);
    l1 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l2) - borrow_of(t);
    l2 = static_cast<uint64_t>(t);
    t = static_cast<u128>(l3) - borrow_of(t);
    l3 = static_cast<uint64_t>(t);
  }
  return Fe{{l0, l1, l2, l3}};
#endif
}

// a − b for a difference that is only multiplied. Every element is weakly
// reduced in this representation, so this is fe_sub; the name keeps the
// group law's call sites explicit about which differences feed products.
inline Fe fe_sub_unreduced(const Fe& a, const Fe& b) { return fe_sub(a, b); }

// r = mask ? a : r for mask all-ones or zero, without a branch or a
// mask-dependent memory access (constant time: usable on secret data).
inline void fe_cmov(Fe& r, const Fe& a, uint64_t mask) {
  for (size_t i = 0; i < r.n.size(); ++i) r.n[i] ^= mask & (r.n[i] ^ a.n[i]);
}

// -a.
inline Fe fe_negate(const Fe& a) { return fe_sub(Fe{}, a); }

// k·a for a small constant k < 2^32.
inline Fe fe_mul_int(const Fe& a, uint32_t k) {
  using field_detail::u128;
  u128 t = static_cast<u128>(a.n[0]) * k;
  const uint64_t l0 = static_cast<uint64_t>(t);
  t = (t >> 64) + static_cast<u128>(a.n[1]) * k;
  const uint64_t l1 = static_cast<uint64_t>(t);
  t = (t >> 64) + static_cast<u128>(a.n[2]) * k;
  const uint64_t l2 = static_cast<uint64_t>(t);
  t = (t >> 64) + static_cast<u128>(a.n[3]) * k;
  return field_detail::fold(l0, l1, l2, static_cast<uint64_t>(t), static_cast<uint64_t>(t >> 64));
}

// 2a.
inline Fe fe_double(const Fe& a) { return fe_add(a, a); }

// a · b.
inline Fe fe_mul(const Fe& a, const Fe& b) {
#if defined(OKMPC_SECP256K1_FIELD_ASM)
  if (__builtin_expect(field_detail::kHasMulxAdx, 1)) return field_detail::mul_mulx(a, b);
#endif
  return field_detail::mul_portable(a, b);
}

// a^2.
inline Fe fe_sqr(const Fe& a) {
#if defined(OKMPC_SECP256K1_FIELD_ASM)
  if (__builtin_expect(field_detail::kHasMulxAdx, 1)) return field_detail::sqr_mulx(a);
#endif
  return field_detail::mul_portable(a, a);
}

// The field element with value x (any uint64_t).
inline Fe fe_from_u64(uint64_t x) { return Fe{{x, 0, 0, 0}}; }

// a · k for a small public integer k.
inline Fe fe_mul_small(const Fe& a, uint32_t k) { return fe_mul_int(a, k); }

// The element with value x mod p, for any x < 2^256 given as little-endian
// 64-bit limbs; and the canonical value (< p) as such limbs.
inline Fe fe_from_limbs64(const std::array<uint64_t, 4>& x) { return Fe{x}; }
inline std::array<uint64_t, 4> fe_to_limbs64(const Fe& a) { return fe_normalize(a).n; }

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
