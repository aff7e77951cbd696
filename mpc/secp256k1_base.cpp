// Fixed-base multiplication on secp256k1 (see mpc/secp256k1_base.hpp).
#include "mpc/secp256k1_base.hpp"

#include <sodium.h>

#include <array>
#include <vector>

namespace okmpc::secp256k1_base {
namespace {

namespace native = secp256k1_vartime;

// 3·b for the curve y^2 = x^3 + 7 (RCB 2016's b3).
constexpr uint32_t kB3 = 21;

// An affine table entry.
struct Entry {
  Fe x, y;
};

using Table = std::vector<Entry>;  // kBaseRows × kBaseColumns, row-major

// Every (j + 1)·T_r, T_r = 2^(w·S·r)·G, in Jacobian coordinates with the
// variable-time group law (public data), then all converted to affine with
// one inversion.
Table build_table() {
  constexpr size_t kCount = kBaseRows * kBaseColumns;
  std::vector<native::Jacobian> points(kCount);
  native::Jacobian row_base = native::to_jacobian(native::generator_affine());
  for (size_t r = 0; r < kBaseRows; ++r) {
    const native::Affine step = native::to_affine(row_base);
    native::Jacobian cur = row_base;
    for (size_t j = 0; j < kBaseColumns; ++j) {
      points[r * kBaseColumns + j] = cur;
      cur = native::add_mixed(cur, step);
    }
    for (size_t d = 0; d < kBaseWindow * kBaseSpacing; ++d) row_base = native::dbl(row_base);
  }
  std::vector<native::Affine> affine(kCount);
  native::batch_to_affine(points, affine);
  Table table(kCount);
  for (size_t i = 0; i < kCount; ++i) table[i] = Entry{affine[i].x, affine[i].y};
  return table;
}

const Table& base_table() {
  static const Table table = build_table();
  return table;
}

// 1 iff a == b, for a, b < 2^63; no branch.
uint64_t word_equal(uint64_t a, uint64_t b) { return ((a ^ b) - 1) >> 63; }

// magnitude·T_row for magnitude ∈ [1, kBaseColumns] by scanning the whole
// row with masks; magnitude 0 returns entry 1 (the caller discards the sum).
Entry select_multiple(const Table& table, size_t row, uint64_t magnitude) {
  const Entry* e = &table[row * kBaseColumns];
  Entry t = e[0];
  for (size_t j = 1; j < kBaseColumns; ++j) {
    const uint64_t mask = 0 - word_equal(magnitude, j + 1);
    native::fe_cmov(t.x, e[j].x, mask);
    native::fe_cmov(t.y, e[j].y, mask);
  }
  return t;
}

// kBaseWindow bits of k's limbs from bit `pos` (public) on.
uint64_t window_at(const Secp256k1::Scalar::Limbs& k, size_t pos) {
  const size_t limb = pos / 64, shift = pos % 64;
  if (limb >= k.size()) return 0;
  uint64_t bits = k[limb] >> shift;
  if (shift + kBaseWindow > 64 && limb + 1 < k.size()) bits |= k[limb + 1] << (64 - shift);
  return bits & ((uint64_t{1} << kBaseWindow) - 1);
}

// a^(2^n).
Fe sqr_n(Fe a, int n) {
  for (int i = 0; i < n; ++i) a = native::fe_sqr(a);
  return a;
}

}  // namespace

Projective identity() { return Projective{Fe{}, native::fe_from_u64(1), Fe{}}; }

Projective add_mixed(const Projective& p, const Fe& x2, const Fe& y2) {
  using native::fe_add;
  using native::fe_mul;
  // RCB 2016 Algorithm 8, step by step (t0..t4 as in the paper).
  Fe t0 = fe_mul(p.x, x2);                          // 1
  Fe t1 = fe_mul(p.y, y2);                          // 2
  Fe t3 = fe_add(x2, y2);                           // 3
  Fe t4 = fe_add(p.x, p.y);                         // 4
  t3 = fe_mul(t3, t4);                              // 5
  t4 = fe_add(t0, t1);                              // 6
  t3 = native::fe_sub_unreduced(t3, t4);            // 7 (only multiplied)
  t4 = fe_add(fe_mul(y2, p.z), p.y);                // 8, 9
  Fe y3 = fe_add(fe_mul(x2, p.z), p.x);             // 10, 11
  t0 = fe_add(fe_add(t0, t0), t0);                  // 12, 13
  Fe t2 = native::fe_mul_int(p.z, kB3);             // 14
  Fe z3 = fe_add(t1, t2);                           // 15
  t1 = native::fe_sub_unreduced(t1, t2);            // 16 (only multiplied)
  y3 = native::fe_mul_int(y3, kB3);                 // 17
  Fe x3 = fe_mul(t4, y3);                           // 18
  x3 = native::fe_sub(fe_mul(t3, t1), x3);          // 19, 20
  y3 = fe_add(fe_mul(t1, z3), fe_mul(y3, t0));      // 21, 22, 23
  z3 = fe_add(fe_mul(z3, t4), fe_mul(t0, t3));      // 24, 25, 26
  return Projective{x3, y3, z3};
}

Projective dbl(const Projective& p) {
  using native::fe_add;
  using native::fe_mul;
  // RCB 2016 Algorithm 9.
  Fe t0 = native::fe_sqr(p.y);                                   // 1
  Fe z3 = native::fe_mul_int(t0, 8);                             // 2, 3, 4
  Fe t1 = fe_mul(p.y, p.z);                                      // 5
  Fe t2 = native::fe_mul_int(native::fe_sqr(p.z), kB3);          // 6, 7
  Fe x3 = fe_mul(t2, z3);                                        // 8
  Fe y3 = fe_add(t0, t2);                                        // 9
  z3 = fe_mul(t1, z3);                                           // 10
  t2 = native::fe_mul_int(t2, 3);                                // 11, 12
  t0 = native::fe_sub(t0, t2);                                   // 13
  y3 = fe_add(x3, fe_mul(t0, y3));                               // 14, 15
  x3 = fe_mul(t0, fe_mul(p.x, p.y));                             // 16, 17
  return Projective{native::fe_double(x3), y3, z3};              // 18
}

Fe fe_invert(const Fe& a) {
  using native::fe_mul;
  // p − 2 = 2^256 − 2^32 − 979: 223 ones, a zero, 22 ones, 0000 1 0 11 0 1.
  // x_k = a^(2^k − 1) (k ones).
  const Fe x2 = fe_mul(native::fe_sqr(a), a);
  const Fe x3 = fe_mul(native::fe_sqr(x2), a);
  const Fe x6 = fe_mul(sqr_n(x3, 3), x3);
  const Fe x9 = fe_mul(sqr_n(x6, 3), x3);
  const Fe x11 = fe_mul(sqr_n(x9, 2), x2);
  const Fe x22 = fe_mul(sqr_n(x11, 11), x11);
  const Fe x44 = fe_mul(sqr_n(x22, 22), x22);
  const Fe x88 = fe_mul(sqr_n(x44, 44), x44);
  const Fe x176 = fe_mul(sqr_n(x88, 88), x88);
  const Fe x220 = fe_mul(sqr_n(x176, 44), x44);
  const Fe x223 = fe_mul(sqr_n(x220, 3), x3);
  Fe t = fe_mul(sqr_n(x223, 23), x22);
  t = fe_mul(sqr_n(t, 5), a);
  t = fe_mul(sqr_n(t, 3), x2);
  return fe_mul(sqr_n(t, 2), a);
}

native::Affine base_table_entry(size_t row, size_t j) {
  const Entry& e = base_table()[row * kBaseColumns + j];
  native::Affine a;
  a.x = e.x;
  a.y = e.y;
  a.infinity = false;
  return a;
}

Projective base_mul_projective(const Secp256k1::Scalar& k) {
  const Table& table = base_table();
  // Signed digits: window i plus the incoming carry, recentred into
  // [-2^(w-1), 2^(w-1)) with an outgoing carry, except the top digit, which
  // keeps the last carry (k < 2^256 and D·w ≥ 257 bound it by 2^(w-1)).
  // Stored as a sign mask and a magnitude.
  constexpr uint64_t kHalf = uint64_t{1} << (kBaseWindow - 1);
  std::array<uint64_t, kBaseDigits> magnitude;
  std::array<uint64_t, kBaseDigits> negative;
  uint64_t carry = 0;
  for (size_t i = 0; i < kBaseDigits; ++i) {
    const uint64_t d = window_at(k.limbs(), i * kBaseWindow) + carry;  // ≤ 2^w
    carry = i + 1 < kBaseDigits ? (d + kHalf) >> kBaseWindow : 0;     // public index test
    const uint64_t signed_d = d - (carry << kBaseWindow);             // two's complement
    negative[i] = 0 - (signed_d >> 63);
    magnitude[i] = (signed_d ^ negative[i]) - negative[i];
  }

  Projective acc = identity();
  for (size_t g = kBaseSpacing; g-- > 0;) {
    if (g + 1 < kBaseSpacing) {
      for (size_t d = 0; d < kBaseWindow; ++d) acc = dbl(acc);
    }
    for (size_t r = 0; r < kBaseRows; ++r) {
      const size_t i = r * kBaseSpacing + g;
      if (i >= kBaseDigits) continue;  // public: the shape of the table
      const Entry e = select_multiple(table, r, magnitude[i]);
      Fe y = e.y;
      native::fe_cmov(y, native::fe_negate(e.y), negative[i]);
      const Projective sum = add_mixed(acc, e.x, y);
      const uint64_t keep = 0 - word_equal(magnitude[i], 0);  // zero digit: discard the sum
      native::fe_cmov(acc.x, sum.x, ~keep);
      native::fe_cmov(acc.y, sum.y, ~keep);
      native::fe_cmov(acc.z, sum.z, ~keep);
    }
  }
  sodium_memzero(magnitude.data(), sizeof(magnitude));
  sodium_memzero(negative.data(), sizeof(negative));
  sodium_memzero(&carry, sizeof(carry));
  return acc;
}

void to_affine_batch(std::span<const Projective> in, std::span<native::Affine> out) {
  const size_t n = in.size();
  if (n == 0) return;
  // prefix[i] = Z_0 · … · Z_i; then walk back with the one inverse.
  std::vector<Fe> prefix(n);
  Fe acc = in[0].z;
  prefix[0] = acc;
  for (size_t i = 1; i < n; ++i) prefix[i] = acc = native::fe_mul(acc, in[i].z);
  Fe inv = fe_invert(acc);
  for (size_t i = n; i-- > 0;) {
    const Fe z_inv = i > 0 ? native::fe_mul(inv, prefix[i - 1]) : inv;
    if (i > 0) inv = native::fe_mul(inv, in[i].z);
    out[i].x = native::fe_mul(in[i].x, z_inv);
    out[i].y = native::fe_mul(in[i].y, z_inv);
    out[i].infinity = false;
  }
  sodium_memzero(prefix.data(), prefix.size() * sizeof(Fe));
  sodium_memzero(&acc, sizeof(acc));
  sodium_memzero(&inv, sizeof(inv));
}

}  // namespace okmpc::secp256k1_base
