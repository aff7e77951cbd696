// Fixed-base multiplication on Ed25519 (see mpc/ed25519_base.hpp).
#include "mpc/ed25519_base.hpp"

#include <sodium.h>

#include <array>
#include <vector>

namespace okmpc::ed25519 {
namespace {

using BaseTable = std::array<std::array<GePrecomp, kBaseColumns>, kBaseRows>;

// B's canonical encoding (RFC 8032 §5.1: y = 4/5, x positive).
constexpr ByteArray<32> kBaseEncoding = {0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

// Every (j + 1)·256^row·B in extended coordinates, then all converted to
// affine with one inversion.
BaseTable build_table() {
  constexpr size_t kCount = kBaseRows * kBaseColumns;
  std::array<GeP3, kCount> points;
  GeP3 row_base = ge_base_point();
  for (size_t r = 0; r < kBaseRows; ++r) {
    const GeCached step = ge_to_cached(row_base);
    GeP3 cur = row_base;
    for (size_t j = 0; j < kBaseColumns; ++j) {
      points[r * kBaseColumns + j] = cur;
      cur = ge_to_p3(ge_add(cur, step));
    }
    for (int d = 0; d < 8; ++d) row_base = ge_dbl(row_base);  // ·256
  }
  std::array<GePrecomp, kCount> flat;
  ge_to_precomp_batch(points, flat);
  BaseTable table;
  for (size_t i = 0; i < kCount; ++i) table[i / kBaseColumns][i % kBaseColumns] = flat[i];
  return table;
}

const BaseTable& base_table() {
  static const BaseTable table = build_table();
  return table;
}

// 1 iff a == b, for a, b < 256; no branch.
uint64_t byte_equal(uint64_t a, uint64_t b) { return ((a ^ b) - 1) >> 63; }

// digit·256^row·B for digit ∈ [-8, 8], by scanning the whole row with masks
// (the 15 limbs of an entry as one word array, so the compiler can keep the
// scan in vector registers).
GePrecomp select_multiple(const BaseTable& table, size_t row, int8_t digit) {
  static_assert(sizeof(GePrecomp) == 15 * sizeof(uint64_t));
  const uint64_t byte = static_cast<uint8_t>(digit);
  const uint64_t negative = byte >> 7;
  // |digit| = digit XOR sign-mask, minus sign-mask (two's complement).
  const uint64_t sign_mask = 0 - negative;
  const uint64_t magnitude = ((static_cast<uint64_t>(static_cast<int64_t>(digit)) ^ sign_mask) - sign_mask) & 0xff;
  uint64_t w[15] = {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0};  // the identity (1, 1, 0)
  for (size_t j = 0; j < kBaseColumns; ++j) {
    const uint64_t mask = 0 - byte_equal(magnitude, j + 1);
    const GePrecomp& e = table[row][j];
    for (size_t k = 0; k < 5; ++k) w[k] ^= mask & (w[k] ^ e.YplusX.v[k]);
    for (size_t k = 0; k < 5; ++k) w[5 + k] ^= mask & (w[5 + k] ^ e.YminusX.v[k]);
    for (size_t k = 0; k < 5; ++k) w[10 + k] ^= mask & (w[10 + k] ^ e.XY2d.v[k]);
  }
  GePrecomp t{};
  for (size_t k = 0; k < 5; ++k) {
    t.YplusX.v[k] = w[k];
    t.YminusX.v[k] = w[5 + k];
    t.XY2d.v[k] = w[10 + k];
  }
  // −(x, y) = (−x, y): swap y+x with y−x and negate 2d·x·y.
  const Fe neg_xy2d = fe_neg(t.XY2d);
  const uint64_t nmask = 0 - negative;
  for (size_t k = 0; k < 5; ++k) {
    const uint64_t swap = nmask & (t.YplusX.v[k] ^ t.YminusX.v[k]);
    t.YplusX.v[k] ^= swap;
    t.YminusX.v[k] ^= swap;
    t.XY2d.v[k] ^= nmask & (t.XY2d.v[k] ^ neg_xy2d.v[k]);
  }
  return t;
}

}  // namespace

const GeP3& ge_base_point() {
  static const GeP3 b = [] {
    GeP3 p;
    (void)ge_decode(kBaseEncoding, &p);  // a valid constant: always 1
    return p;
  }();
  return b;
}

void ge_to_precomp_batch(std::span<const GeP3> points, std::span<GePrecomp> out) {
  // prefix[i] = Z_0 · … · Z_i; then walk back with the one inverse.
  const size_t n = points.size();
  if (n == 0) return;
  std::vector<Fe> prefix(n);
  Fe acc = kFeOne;
  for (size_t i = 0; i < n; ++i) prefix[i] = acc = fe_mul(acc, points[i].Z);
  Fe inv = fe_invert(acc);
  for (size_t i = n; i-- > 0;) {
    const Fe z_inv = i > 0 ? fe_mul(inv, prefix[i - 1]) : inv;
    inv = fe_mul(inv, points[i].Z);
    const Fe x = fe_mul(points[i].X, z_inv);
    const Fe y = fe_mul(points[i].Y, z_inv);
    out[i] = GePrecomp{fe_carry(fe_add(y, x)), fe_sub(y, x), fe_mul(fe_mul(x, y), kFeD2)};
  }
}

const GePrecomp& ge_base_table_entry(size_t row, size_t j) { return base_table()[row][j]; }

GeP3 ge_base_mul(const ByteArray<32>& k) {
  const BaseTable& table = base_table();
  // Radix-16 digits in [0, 16), then recentred to [-8, 8) with a carry; the
  // top digit absorbs the last carry (k < 2^255 keeps it ≤ 8).
  std::array<int8_t, 64> e;
  for (size_t i = 0; i < 32; ++i) {
    e[2 * i] = static_cast<int8_t>(k[i] & 15);
    e[2 * i + 1] = static_cast<int8_t>((k[i] >> 4) & 15);
  }
  int8_t carry = 0;
  for (size_t i = 0; i < 63; ++i) {
    e[i] = static_cast<int8_t>(e[i] + carry);
    carry = static_cast<int8_t>((e[i] + 8) >> 4);
    e[i] = static_cast<int8_t>(e[i] - carry * 16);
  }
  e[63] = static_cast<int8_t>(e[63] + carry);

  GeP3 h = ge_identity();
  for (size_t i = 1; i < 64; i += 2) h = ge_to_p3(ge_madd(h, select_multiple(table, i / 2, e[i])));
  GeP1P1 t = ge_dbl(ge_to_p2(h));
  t = ge_dbl(ge_to_p2(t));
  t = ge_dbl(ge_to_p2(t));
  t = ge_dbl(ge_to_p2(t));
  h = ge_to_p3(t);
  for (size_t i = 0; i < 64; i += 2) h = ge_to_p3(ge_madd(h, select_multiple(table, i / 2, e[i])));
  sodium_memzero(e.data(), e.size());
  sodium_memzero(&carry, sizeof(carry));
  return h;
}

}  // namespace okmpc::ed25519
