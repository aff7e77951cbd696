// Variable-time Ed25519 scalar multiplication: wNAF/Strauss and Pippenger
// (see mpc/ed25519_msm.hpp for the references).
#include "mpc/ed25519_msm.hpp"

#include "mpc/ed25519_base.hpp"

#include <algorithm>
#include <array>

namespace okmpc::ed25519 {
namespace {

// The Strauss window: 2^(w-2) = 8 precomputed odd multiples per point.
constexpr int kWnafWidth = 5;
constexpr size_t kWnafTable = size_t{1} << (kWnafWidth - 2);

using Wnaf = std::array<int8_t, 256>;
using OddMultiples = std::array<GeCached, kWnafTable>;

// The little-endian 64-bit words of k, zero-padded so a window may read past
// bit 255.
std::array<uint64_t, 6> load_words(const ByteArray<32>& k) {
  std::array<uint64_t, 6> x{};
  for (size_t i = 0; i < 32; ++i) x[i / 8] |= static_cast<uint64_t>(k[i]) << (8 * (i % 8));
  return x;
}

// `width` bits of x starting at bit `pos` (pos < 320, width ≤ 16).
uint64_t bits_at(const std::array<uint64_t, 6>& x, size_t pos, size_t width) {
  const size_t idx = pos / 64, bit = pos % 64;
  uint64_t buf = x[idx] >> bit;
  if (bit + width > 64) buf |= x[idx + 1] << (64 - bit);
  return buf & ((uint64_t{1} << width) - 1);
}

// Width-w NAF of k < 2^253: digits[i] ∈ {0, ±1, ±3, …, ±(2^(w-1) - 1)} with
// Σ digits[i]·2^i = k and at most one nonzero digit in any w consecutive
// positions. Returns one past the highest nonzero position (0 for k = 0).
// width ≤ 8 (digits fit in int8_t).
size_t wnaf(const ByteArray<32>& k, Wnaf& digits, int width = kWnafWidth) {
  const std::array<uint64_t, 6> x = load_words(k);
  const uint64_t kWidth = uint64_t{1} << width;
  digits.fill(0);
  size_t top = 0;
  uint64_t carry = 0;
  size_t pos = 0;
  while (pos < 256) {
    const uint64_t window = carry + bits_at(x, pos, static_cast<size_t>(width));
    if ((window & 1) == 0) {
      ++pos;
      continue;
    }
    if (window < kWidth / 2) {
      carry = 0;
      digits[pos] = static_cast<int8_t>(window);
    } else {
      carry = 1;
      digits[pos] = static_cast<int8_t>(static_cast<int64_t>(window) - static_cast<int64_t>(kWidth));
    }
    top = pos + 1;
    pos += static_cast<size_t>(width);
  }
  return top;
}

// table[i] = (2i + 1)·p.
void odd_multiples(const GeP3& p, OddMultiples& table) {
  const GeCached twice = ge_to_cached(ge_dbl(p));
  GeP3 cur = p;
  table[0] = ge_to_cached(p);
  for (size_t i = 1; i < kWnafTable; ++i) {
    cur = ge_to_p3(ge_add(cur, twice));
    table[i] = ge_to_cached(cur);
  }
}

// t + digit·(table's point), digit odd or zero.
GeP1P1 add_digit(const GeP1P1& t, int digit, const OddMultiples& table) {
  if (digit > 0) return ge_add(ge_to_p3(t), table[static_cast<size_t>(digit) / 2]);
  if (digit < 0) return ge_sub(ge_to_p3(t), table[static_cast<size_t>(-digit) / 2]);
  return t;
}

const GeP1P1 kP1P1Identity{kFeZero, kFeOne, kFeOne, kFeOne};

// B's odd multiples (2i + 1)·B, i < 2^(kBaseWnafWidth − 2), affine, built
// once per process.
constexpr int kBaseWnafWidth = 8;
constexpr size_t kBaseOddMultiples = size_t{1} << (kBaseWnafWidth - 2);
using BaseOddMultiples = std::array<GePrecomp, kBaseOddMultiples>;

const BaseOddMultiples& base_odd_multiples() {
  static const BaseOddMultiples table = [] {
    std::array<GeP3, kBaseOddMultiples> points;
    const GeP3& b = ge_base_point();
    const GeCached twice = ge_to_cached(ge_dbl(b));
    points[0] = b;
    for (size_t i = 1; i < kBaseOddMultiples; ++i) points[i] = ge_to_p3(ge_add(points[i - 1], twice));
    BaseOddMultiples out;
    ge_to_precomp_batch(points, out);
    return out;
  }();
  return table;
}

}  // namespace

GeP3 ge_double_mul_base_vartime(const ByteArray<32>& a, const ByteArray<32>& b, const GeP3& p) {
  Wnaf da, db;
  const size_t ta = wnaf(a, da, kBaseWnafWidth);
  const size_t tb = wnaf(b, db);
  OddMultiples tp;
  if (tb > 0) odd_multiples(p, tp);
  const BaseOddMultiples& tbl = base_odd_multiples();
  GeP1P1 t = kP1P1Identity;
  for (size_t pos = std::max(ta, tb); pos-- > 0;) {
    t = ge_dbl(ge_to_p2(t));
    const int d = da[pos];
    if (d > 0) t = ge_madd(ge_to_p3(t), tbl[static_cast<size_t>(d) / 2]);
    if (d < 0) t = ge_msub(ge_to_p3(t), tbl[static_cast<size_t>(-d) / 2]);
    t = add_digit(t, db[pos], tp);
  }
  return ge_to_p3(t);
}

GeP3 ge_multi_mul_strauss_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps) {
  const size_t n = std::min(ks.size(), ps.size());
  std::vector<Wnaf> digits(n);
  std::vector<OddMultiples> tables(n);
  size_t top = 0;
  for (size_t i = 0; i < n; ++i) {
    const size_t t = wnaf(ks[i], digits[i]);
    if (t == 0) continue;  // a zero scalar needs no table
    top = std::max(top, t);
    odd_multiples(ps[i], tables[i]);
  }
  GeP1P1 t = kP1P1Identity;
  for (size_t pos = top; pos-- > 0;) {
    t = ge_dbl(ge_to_p2(t));
    for (size_t i = 0; i < n; ++i) t = add_digit(t, digits[i][pos], tables[i]);
  }
  return ge_to_p3(t);
}

GeP3 ge_multi_mul_pippenger_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps) {
  const size_t n = std::min(ks.size(), ps.size());
  // Window c: buckets 2^(c-1) against ⌈253/c⌉ rounds of n additions.
  const size_t c = n < 500 ? 6 : n < 800 ? 7 : 8;
  const size_t rounds = (253 + c - 1) / c + 1;  // +1 for the last carry
  const size_t buckets = size_t{1} << (c - 1);
  // Signed radix-2^c digits in [-2^(c-1), 2^(c-1)), digit j of scalar i at
  // digits[i·rounds + j].
  std::vector<int32_t> digits(n * rounds);
  for (size_t i = 0; i < n; ++i) {
    const std::array<uint64_t, 6> x = load_words(ks[i]);
    int64_t carry = 0;
    for (size_t j = 0; j < rounds; ++j) {
      const int64_t v = static_cast<int64_t>(bits_at(x, j * c, c)) + carry;
      carry = (v + static_cast<int64_t>(buckets)) >> c;
      digits[i * rounds + j] = static_cast<int32_t>(v - (carry << c));
    }
  }
  std::vector<GeCached> cached(n);
  for (size_t i = 0; i < n; ++i) cached[i] = ge_to_cached(ps[i]);

  std::vector<GeP3> bucket(buckets);
  std::vector<uint8_t> used(buckets);
  GeP3 acc = ge_identity();
  for (size_t j = rounds; j-- > 0;) {
    if (j + 1 < rounds) {
      GeP1P1 t = ge_dbl(ge_to_p2(acc));
      for (size_t k = 1; k < c; ++k) t = ge_dbl(ge_to_p2(t));
      acc = ge_to_p3(t);
    }
    std::fill(used.begin(), used.end(), 0);
    for (size_t i = 0; i < n; ++i) {
      const int32_t d = digits[i * rounds + j];
      if (d == 0) continue;
      const size_t b = static_cast<size_t>(d > 0 ? d : -d) - 1;
      if (!used[b]) {
        bucket[b] = d > 0 ? ps[i] : ge_neg(ps[i]);
        used[b] = 1;
      } else {
        bucket[b] = ge_to_p3(d > 0 ? ge_add(bucket[b], cached[i]) : ge_sub(bucket[b], cached[i]));
      }
    }
    // Σ (b+1)·bucket[b] as a running sum from the top bucket down.
    GeP3 running = ge_identity();
    GeP3 total = ge_identity();
    bool any = false;
    for (size_t b = buckets; b-- > 0;) {
      if (used[b]) {
        running = any ? ge_add(running, bucket[b]) : bucket[b];
        any = true;
      }
      if (any) total = ge_add(total, running);
    }
    if (any) acc = ge_add(acc, total);
  }
  return acc;
}

GeP3 ge_multi_mul_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps) {
  const size_t n = std::min(ks.size(), ps.size());
  if (n < kPippengerThreshold) return ge_multi_mul_strauss_vartime(ks, ps);
  return ge_multi_mul_pippenger_vartime(ks, ps);
}

GeP3 ge_mul_vartime(const ByteArray<32>& k, const GeP3& p) {
  return ge_multi_mul_strauss_vartime(std::span<const ByteArray<32>>(&k, 1), std::span<const GeP3>(&p, 1));
}

GeP3 ge_mul_small_vartime(const GeP3& p, uint32_t x) {
  if (x == 0) return ge_identity();
  const GeCached addend = ge_to_cached(p);
  int bit = 31;
  while (((x >> bit) & 1) == 0) --bit;
  GeP3 r = p;
  for (--bit; bit >= 0; --bit) {
    GeP1P1 t = ge_dbl(ge_to_p2(r));
    if ((x >> bit) & 1) t = ge_add(ge_to_p3(t), addend);
    r = ge_to_p3(t);
  }
  return r;
}

std::vector<GeP3> ge_eval_poly_vartime(std::span<const GeP3> coeffs, std::span<const uint32_t> xs) {
  std::vector<GeP3> out(xs.size(), ge_identity());
  if (coeffs.empty()) return out;
  std::vector<GeCached> cached(coeffs.size());
  for (size_t k = 0; k < coeffs.size(); ++k) cached[k] = ge_to_cached(coeffs[k]);
  for (size_t i = 0; i < xs.size(); ++i) {
    GeP3 acc = coeffs.back();
    for (size_t k = coeffs.size() - 1; k-- > 0;) acc = ge_to_p3(ge_add(ge_mul_small_vartime(acc, xs[i]), cached[k]));
    out[i] = acc;
  }
  return out;
}

}  // namespace okmpc::ed25519
