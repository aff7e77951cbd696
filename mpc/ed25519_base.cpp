// Fixed-base multiplication on Ed25519 (see mpc/ed25519_base.hpp).
#include "mpc/ed25519_base.hpp"

#include <sodium.h>

#include <array>

namespace okmpc::ed25519 {
namespace {

using BaseTable = std::array<std::array<GePrecomp, kBaseColumns>, kBaseRows>;

// B's canonical encoding (RFC 8032 §5.1: y = 4/5, x positive).
constexpr ByteArray<32> kBaseEncoding = {0x58, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66,
                                         0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66, 0x66};

// Every (j + 1)·256^row·B in extended coordinates, then all converted to
// affine with one inversion (Montgomery's simultaneous inversion).
BaseTable build_table() {
  constexpr size_t kCount = kBaseRows * kBaseColumns;
  std::array<GeP3, kCount> points;
  GeP3 row_base;
  (void)ge_decode(kBaseEncoding, &row_base);  // a valid constant: always 1
  for (size_t r = 0; r < kBaseRows; ++r) {
    const GeCached step = ge_to_cached(row_base);
    GeP3 cur = row_base;
    for (size_t j = 0; j < kBaseColumns; ++j) {
      points[r * kBaseColumns + j] = cur;
      cur = ge_to_p3(ge_add(cur, step));
    }
    for (int d = 0; d < 8; ++d) row_base = ge_dbl(row_base);  // ·256
  }
  // prefix[i] = Z_0 · … · Z_i; then walk back with the one inverse.
  std::array<Fe, kCount> prefix;
  Fe acc = kFeOne;
  for (size_t i = 0; i < kCount; ++i) prefix[i] = acc = fe_mul(acc, points[i].Z);
  Fe inv = fe_invert(acc);
  BaseTable table;
  for (size_t i = kCount; i-- > 0;) {
    const Fe z_inv = i > 0 ? fe_mul(inv, prefix[i - 1]) : inv;
    inv = fe_mul(inv, points[i].Z);
    const Fe x = fe_mul(points[i].X, z_inv);
    const Fe y = fe_mul(points[i].Y, z_inv);
    table[i / kBaseColumns][i % kBaseColumns] =
        GePrecomp{fe_carry(fe_add(y, x)), fe_sub(y, x), fe_mul(fe_mul(x, y), kFeD2)};
  }
  return table;
}

const BaseTable& base_table() {
  static const BaseTable table = build_table();
  return table;
}

// 1 iff a == b, for a, b < 256; no branch.
uint64_t byte_equal(uint64_t a, uint64_t b) { return ((a ^ b) - 1) >> 63; }

// digit·256^row·B for digit ∈ [-8, 8], by scanning the whole row with masks.
GePrecomp select_multiple(const BaseTable& table, size_t row, int8_t digit) {
  const uint64_t byte = static_cast<uint8_t>(digit);
  const uint64_t negative = byte >> 7;
  // |digit| = digit XOR sign-mask, minus sign-mask (two's complement).
  const uint64_t sign_mask = 0 - negative;
  const uint64_t magnitude = ((static_cast<uint64_t>(static_cast<int64_t>(digit)) ^ sign_mask) - sign_mask) & 0xff;
  GePrecomp t{kFeOne, kFeOne, kFeZero};
  for (size_t j = 0; j < kBaseColumns; ++j) {
    const uint64_t hit = byte_equal(magnitude, j + 1);
    const GePrecomp& e = table[row][j];
    t.YplusX = fe_select(t.YplusX, e.YplusX, hit);
    t.YminusX = fe_select(t.YminusX, e.YminusX, hit);
    t.XY2d = fe_select(t.XY2d, e.XY2d, hit);
  }
  // −(x, y) = (−x, y): swap y+x with y−x and negate 2d·x·y.
  const GePrecomp minus{t.YminusX, t.YplusX, fe_neg(t.XY2d)};
  t.YplusX = fe_select(t.YplusX, minus.YplusX, negative);
  t.YminusX = fe_select(t.YminusX, minus.YminusX, negative);
  t.XY2d = fe_select(t.XY2d, minus.XY2d, negative);
  return t;
}

}  // namespace

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
