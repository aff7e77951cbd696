// Strauss and Pippenger multi-scalar multiplication on secp256k1 for public
// inputs (mpc/secp256k1_msm.hpp).
#include "mpc/secp256k1_msm.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

#include "mpc/wide_mul.hpp"

namespace okmpc::secp256k1_vartime {
namespace {

using Limbs = Secp256k1::Scalar::Limbs;

constexpr int kScalarBits = 256;
constexpr int kStraussWindow = 5;  // 8 odd multiples per point
constexpr int kGWindow = 12;       // 1024 odd multiples of G, built once
// wNAF digits: one per bit position plus the final carry.
constexpr int kWnafLen = kScalarBits + 1;

// `count` (<= 31) bits of s starting at bit `pos`; bits past 255 read as 0.
uint32_t bits_at(const Limbs& s, int pos, int count) {
  if (pos >= kScalarBits) return 0;
  const int limb = pos / 64, off = pos % 64;
  uint64_t v = s[static_cast<size_t>(limb)] >> off;
  if (off + count > 64 && limb + 1 < 4) v |= s[static_cast<size_t>(limb + 1)] << (64 - off);
  return static_cast<uint32_t>(v & ((uint64_t{1} << count) - 1));
}

// Number of significant bits of k (0 for k = 0).
int bit_length(const Limbs& k) {
  for (size_t i = 4; i-- > 0;) {
    if (k[i] != 0) return static_cast<int>(64 * i) + 64 - __builtin_clzll(k[i]);
  }
  return 0;
}

// Width-w NAF of s into out[0..kWnafLen): every nonzero digit is odd with
// |digit| < 2^(w-1), any w consecutive digits hold at most one nonzero, and
// Σ out[i]·2^i = s. Returns 1 + the index of the highest nonzero digit (0 for
// s = 0).
int wnaf(const Limbs& s, int w, int16_t* out) {
  std::fill(out, out + kWnafLen, int16_t{0});
  int carry = 0, len = 0;
  const int bits = bit_length(s);  // past it only a pending carry is left
  for (int bit = 0; bit < kScalarBits && (bit < bits || carry != 0);) {
    if (static_cast<int>(bits_at(s, bit, 1)) == carry) {
      ++bit;
      continue;
    }
    const int now = std::min(w, kScalarBits - bit);
    int word = static_cast<int>(bits_at(s, bit, now)) + carry;
    carry = (word >> (w - 1)) & 1;
    word -= carry << w;
    out[bit] = static_cast<int16_t>(word);
    len = bit + 1;
    bit += now;
  }
  if (carry != 0) {
    out[kScalarBits] = 1;
    len = kScalarBits + 1;
  }
  return len;
}

// Odd multiples P, 3P, ..., (2^(w-1) - 1)P of a non-identity p, in Jacobian
// form, appended to out.
void append_odd_multiples(const Affine& p, int w, std::vector<Jacobian>& out) {
  const size_t count = size_t{1} << (w - 2);
  Jacobian cur = to_jacobian(p);
  const Jacobian twice = dbl(cur);
  out.push_back(cur);
  for (size_t i = 1; i < count; ++i) {
    cur = add(cur, twice);
    out.push_back(cur);
  }
}

// The affine odd multiples of G for the width-kGWindow wNAF. Built on first
// use (thread-safe static initialisation), read-only afterwards.
const std::vector<Affine>& generator_table() {
  static const std::vector<Affine> table = [] {
    std::vector<Jacobian> jac;
    append_odd_multiples(generator_affine(), kGWindow, jac);
    std::vector<Affine> aff(jac.size());
    batch_to_affine(jac, aff);
    return aff;
  }();
  return table;
}

// The GLV endomorphism (Gallant–Lambert–Vanstone, CRYPTO 2001; constants as
// in libsecp256k1's scalar splitting): λ·(x, y) = (β·x, y) for
//   λ = 0x5363AD4C...1B23BD72 (a cube root of 1 mod n),
//   β = 0x7AE96A2B...719501EE (a cube root of 1 mod p),
// and k = k1 + λ·k2 (mod n) with |k1|, |k2| < 2^128 from the rounded
// products c1 = ⌊k·g1 / 2^384⌉, c2 = ⌊k·g2 / 2^384⌉:
//   k2 = c1·(−b1) + c2·(−b2), k1 = k − λ·k2.
// Correctness needs only λ and β (any error there breaks every cross-check
// against libsecp256k1 in tests/mpc/secp256k1_msm_test.cpp); g1, g2,
// b1, b2 only make k1, k2 short, and the wNAF handles any length anyway.
// The scalar constants, as function-local statics (initialised on first use,
// so a call from another translation unit's static initialiser is safe too).
struct GlvScalars {
  Secp256k1::Scalar lambda, minus_b1, minus_b2;
};
const GlvScalars& glv_scalars() {
  static const GlvScalars c{
      Secp256k1::Scalar::from_limbs_unchecked(
          {0xDF02967C1B23BD72ULL, 0x122E22EA20816678ULL, 0xA5261C028812645AULL, 0x5363AD4CC05C30E0ULL}),
      Secp256k1::Scalar::from_limbs_unchecked({0x6F547FA90ABFE4C3ULL, 0xE4437ED6010E8828ULL, 0, 0}),
      Secp256k1::Scalar::from_limbs_unchecked(
          {0xD765CDA83DB1562CULL, 0x8A280AC50774346DULL, 0xFFFFFFFFFFFFFFFEULL, 0xFFFFFFFFFFFFFFFFULL})};
  return c;
}
constexpr Limbs kG1 = {0xE893209A45DBB031ULL, 0x3DAA8A1471E8CA7FULL, 0xE86C90E49284EB15ULL, 0x3086D221A7D46BCDULL};
constexpr Limbs kG2 = {0x1571B4AE8AC47F71ULL, 0x221208AC9DF506C6ULL, 0x6F547FA90ABFE4C4ULL, 0xE4437ED6010E8828ULL};

const Fe& beta() {
  static const Fe b =
      fe_from_limbs64({0xC1396C28719501EEULL, 0x9CF0497512F58995ULL, 0x6E64479EAC3434E9ULL, 0x7AE96A2B657C0710ULL});
  return b;
}

// ⌊a·b / 2^384⌉ for 256-bit a, b (< 2^129, so it is a valid scalar).
Secp256k1::Scalar mul_shift_384(const Limbs& a, const Limbs& b) {
  __extension__ typedef unsigned __int128 u128;
  const std::array<uint64_t, 8> w = mul_256x256(a, b);
  u128 t = static_cast<u128>(w[6]) + (w[5] >> 63);
  const uint64_t r0 = static_cast<uint64_t>(t);
  t = static_cast<u128>(w[7]) + static_cast<uint64_t>(t >> 64);
  return Secp256k1::Scalar::from_limbs_unchecked({r0, static_cast<uint64_t>(t), static_cast<uint64_t>(t >> 64), 0});
}

// k as at most two short nonnegative parts:
//   k ≡ (neg[0] ? −1 : 1)·part[0] + λ·(neg[1] ? −1 : 1)·part[1]  (mod n).
// count = 1 when k or −k is already below 2^128 (a 128-bit batch weight, a
// small integer): no λ part, part[1] unused. Otherwise count = 2 by the GLV
// split, both parts about 128 bits long.
struct Split {
  std::array<Limbs, 2> part{};
  std::array<bool, 2> neg{};
  int count = 0;
};

bool below_2_128(const Limbs& k) { return (k[2] | k[3]) == 0; }

Split split_scalar(const Secp256k1::Scalar& k) {
  Split s;
  if (below_2_128(k.limbs())) {
    s.part[0] = k.limbs();
    s.count = 1;
    return s;
  }
  const Secp256k1::Scalar minus_k = -k;
  if (below_2_128(minus_k.limbs())) {
    s.part[0] = minus_k.limbs();
    s.neg[0] = true;
    s.count = 1;
    return s;
  }
  const Secp256k1::Scalar c1 = mul_shift_384(k.limbs(), kG1);
  const Secp256k1::Scalar c2 = mul_shift_384(k.limbs(), kG2);
  const GlvScalars& g = glv_scalars();
  const Secp256k1::Scalar k2 = c1 * g.minus_b1 + c2 * g.minus_b2;
  const Secp256k1::Scalar k1 = k - k2 * g.lambda;
  s.neg = {k1.is_high(), k2.is_high()};
  s.part = {(s.neg[0] ? -k1 : k1).limbs(), (s.neg[1] ? -k2 : k2).limbs()};
  s.count = 2;
  return s;
}


// λ·P for every entry: (β·x, y).
std::vector<Affine> lambda_images(std::span<const Affine> points) {
  std::vector<Affine> out(points.begin(), points.end());
  for (Affine& a : out) {
    if (!a.infinity) a.x = fe_mul(a.x, beta());
  }
  return out;
}

const std::vector<Affine>& generator_lambda_table() {
  static const std::vector<Affine> table = lambda_images(generator_table());
  return table;
}

// acc + digit·(table entry for |digit|), for an odd nonzero digit.
Jacobian add_digit(const Jacobian& acc, int digit, const Affine* table) {
  if (digit > 0) return add_mixed(acc, table[(digit - 1) / 2]);
  return add_mixed(acc, negate(table[(-digit - 1) / 2]));
}

// Drops pairs with a zero scalar or an identity point.
struct Terms {
  std::vector<Secp256k1::Scalar> scalars;
  std::vector<Affine> points;
};

Terms live_terms(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points) {
  const size_t n = std::min(scalars.size(), points.size());
  Terms t;
  t.scalars.reserve(n);
  t.points.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    if (scalars[i].is_zero() || points[i].infinity) continue;
    t.scalars.push_back(scalars[i]);
    t.points.push_back(points[i]);
  }
  return t;
}

// Windows of c bits for signed digits of scalars below 2^bits: the top
// window must hold at most c − 1 value bits, so that its digit (plus the
// carry from below) never exceeds 2^(c−1) and leaves no carry out.
int pippenger_windows(int bits, int c) { return (bits + 1 + c - 1) / c; }

// Pippenger window c for n points with scalars of at most `bits` bits:
// minimises the operation count windows·(n batch-affine additions + 2^(c-1)
// mixed and 2^(c-1) Jacobian additions for the bucket sums), weighting them
// 7, 11 and 16 field multiplications.
int pippenger_window(size_t n, int bits) {
  int best = 2;
  double best_cost = std::numeric_limits<double>::max();
  for (int c = 2; c <= 16; ++c) {
    const double windows = pippenger_windows(bits, c);
    const double cost = windows * (7.0 * static_cast<double>(n) + 27.0 * static_cast<double>(1u << (c - 1)));
    if (cost < best_cost) {
      best_cost = cost;
      best = c;
    }
  }
  return best;
}

}  // namespace

Jacobian strauss_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                         const Secp256k1::Scalar* g_scalar) {
  const Terms t = live_terms(scalars, points);
  const size_t n = t.points.size();
  constexpr size_t kPerPoint = size_t{1} << (kStraussWindow - 2);

  // Odd multiples of every point, normalised together, and their λ-images.
  std::vector<Jacobian> jac;
  jac.reserve(n * kPerPoint);
  for (const Affine& p : t.points) append_odd_multiples(p, kStraussWindow, jac);
  std::vector<Affine> tables(jac.size());
  batch_to_affine(jac, tables);
  const std::vector<Affine> lambda_tables = lambda_images(tables);

  // Each scalar becomes one or two short wNAFs (split_scalar): part 0 on P,
  // part 1 on λ·P.
  const bool with_g = g_scalar != nullptr && !g_scalar->is_zero();
  const size_t max_terms = 2 * n + (with_g ? 2 : 0);
  // digits[bit·max_terms + term]: the main loop reads one bit position of
  // every term from one contiguous row.
  std::vector<int16_t> digits(kWnafLen * max_terms);
  std::array<int16_t, kWnafLen> one_term;
  std::vector<const Affine*> term_table;
  term_table.reserve(max_terms);
  int maxlen = 0;
  auto add_terms = [&](const Secp256k1::Scalar& k, int w, const Affine* table, const Affine* lambda_table) {
    const Split s = split_scalar(k);
    for (size_t j = 0; j < static_cast<size_t>(s.count); ++j) {
      const int len = wnaf(s.part[j], w, one_term.data());
      maxlen = std::max(maxlen, len);
      const size_t term = term_table.size();
      for (size_t bit = 0; bit < static_cast<size_t>(len); ++bit) {
        digits[bit * max_terms + term] = static_cast<int16_t>(s.neg[j] ? -one_term[bit] : one_term[bit]);
      }
      term_table.push_back(j == 0 ? table : lambda_table);
    }
  };
  for (size_t i = 0; i < n; ++i) {
    add_terms(t.scalars[i], kStraussWindow, &tables[i * kPerPoint], &lambda_tables[i * kPerPoint]);
  }
  if (with_g) add_terms(*g_scalar, kGWindow, generator_table().data(), generator_lambda_table().data());

  const size_t terms = term_table.size();
  Jacobian acc;
  for (int bit = maxlen - 1; bit >= 0; --bit) {
    acc = dbl(acc);
    const int16_t* row = &digits[static_cast<size_t>(bit) * max_terms];
    for (size_t i = 0; i < terms; ++i) {
      if (row[i] != 0) acc = add_digit(acc, row[i], term_table[i]);
    }
  }
  return acc;
}

Jacobian pippenger_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                           const Secp256k1::Scalar* g_scalar) {
  Terms t = live_terms(scalars, points);
  if (g_scalar != nullptr && !g_scalar->is_zero()) {
    t.scalars.push_back(*g_scalar);
    t.points.push_back(generator_affine());
  }
  // Short terms (split_scalar): part 0 on ±P, part 1 on ±λ·P, so the bucket
  // passes cover about 128 bits instead of 256.
  std::vector<Limbs> ks;
  std::vector<Affine> ps;
  ks.reserve(2 * t.points.size());
  ps.reserve(2 * t.points.size());
  int bits = 0;
  for (size_t i = 0; i < t.points.size(); ++i) {
    const Split s = split_scalar(t.scalars[i]);
    for (size_t j = 0; j < static_cast<size_t>(s.count); ++j) {
      Affine p = t.points[i];
      if (j == 1) p.x = fe_mul(p.x, beta());
      ks.push_back(s.part[j]);
      ps.push_back(s.neg[j] ? negate(p) : p);
      bits = std::max(bits, bit_length(s.part[j]));
    }
  }
  const size_t n = ps.size();
  if (n == 0) return Jacobian{};
  const int c = pippenger_window(n, bits);
  const int windows = pippenger_windows(bits, c);
  const int half = 1 << (c - 1);

  // Signed digits in [-2^(c-1), 2^(c-1)], Σ digit_w·2^(c·w) = part.
  std::vector<int32_t> digits(n * static_cast<size_t>(windows));
  for (size_t i = 0; i < n; ++i) {
    int carry = 0;
    for (int w = 0; w < windows; ++w) {
      int d = static_cast<int>(bits_at(ks[i], w * c, c)) + carry;
      carry = d > half ? 1 : 0;
      d -= carry << c;
      digits[i * static_cast<size_t>(windows) + static_cast<size_t>(w)] = d;
    }
  }

  // Buckets of every window at once: the signed points grouped by bucket
  // (a counting sort on the digits), each bucket summed by batch-affine
  // tree addition, all buckets sharing one inversion per tree level
  // (sum_groups).
  const size_t bucket_count = static_cast<size_t>(windows * half);
  auto bucket_of = [&](int w, int d) { return static_cast<size_t>(w * half + (d > 0 ? d : -d) - 1); };
  std::vector<size_t> offsets(bucket_count + 1, 0);
  for (size_t i = 0; i < n; ++i) {
    for (int w = 0; w < windows; ++w) {
      const int d = digits[i * static_cast<size_t>(windows) + static_cast<size_t>(w)];
      if (d != 0) ++offsets[bucket_of(w, d) + 1];
    }
  }
  for (size_t b = 0; b < bucket_count; ++b) offsets[b + 1] += offsets[b];
  std::vector<Affine> grouped(offsets.back());
  std::vector<size_t> fill(offsets.begin(), offsets.end() - 1);
  for (size_t i = 0; i < n; ++i) {
    for (int w = 0; w < windows; ++w) {
      const int d = digits[i * static_cast<size_t>(windows) + static_cast<size_t>(w)];
      if (d != 0) grouped[fill[bucket_of(w, d)]++] = d < 0 ? negate(ps[i]) : ps[i];
    }
  }
  const std::vector<Affine> buckets = sum_groups(std::move(grouped), offsets);

  Jacobian acc;
  for (int w = windows - 1; w >= 0; --w) {
    for (int k = 0; k < c; ++k) acc = dbl(acc);
    // Σ_k (k + 1)·bucket[k] as a running sum of running sums.
    Jacobian running, window_sum;
    for (size_t k = static_cast<size_t>(half); k-- > 0;) {
      running = add_mixed(running, buckets[static_cast<size_t>(w * half) + k]);
      window_sum = add(window_sum, running);
    }
    acc = add(acc, window_sum);
  }
  return acc;
}

Jacobian msm_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                     const Secp256k1::Scalar* g_scalar) {
  if (std::min(scalars.size(), points.size()) >= kPippengerThreshold) {
    return pippenger_vartime(scalars, points, g_scalar);
  }
  return strauss_vartime(scalars, points, g_scalar);
}

Jacobian mul_small(const Jacobian& a, uint32_t k) {
  if (k == 0 || a.infinity) return Jacobian{};
  int top = 31;
  while (((k >> top) & 1) == 0) --top;
  Jacobian r = a;
  for (int bit = top - 1; bit >= 0; --bit) {
    r = dbl(r);
    if ((k >> bit) & 1) r = add(r, a);
  }
  return r;
}

std::vector<Affine> eval_poly_vartime(std::span<const Affine> coeffs, std::span<const uint32_t> xs) {
  std::vector<Jacobian> jac(xs.size());
  if (!coeffs.empty()) {
    for (size_t i = 0; i < xs.size(); ++i) {
      Jacobian acc = to_jacobian(coeffs.back());
      for (size_t k = coeffs.size() - 1; k-- > 0;) acc = add_mixed(mul_small(acc, xs[i]), coeffs[k]);
      jac[i] = acc;
    }
  }
  std::vector<Affine> out(xs.size());
  batch_to_affine(jac, out);
  return out;
}

std::vector<Secp256k1::Scalar> weighted_power_sums_vartime(std::span<const Secp256k1::Scalar> weights,
                                                           std::span<const uint32_t> xs, size_t count) {
  // Five-limb sums: each addend is below 2^256, so 2^64 − 1 of them fit.
  std::vector<std::array<uint64_t, 5>> sums(count, std::array<uint64_t, 5>{});
  for (size_t i = 0; i < weights.size(); ++i) {
    Secp256k1::Scalar power = weights[i];
    for (size_t k = 0; k < count; ++k) {
      std::array<uint64_t, 5>& s = sums[k];
      uint64_t carry = 0;
      for (size_t j = 0; j < 4; ++j) {
        __extension__ typedef unsigned __int128 u128;
        const u128 t = static_cast<u128>(s[j]) + power.limbs()[j] + carry;
        s[j] = static_cast<uint64_t>(t);
        carry = static_cast<uint64_t>(t >> 64);
      }
      s[4] += carry;
      if (k + 1 < count) power = power.mul_small(xs[i]);
    }
  }
  std::vector<Secp256k1::Scalar> out;
  out.reserve(count);
  for (const std::array<uint64_t, 5>& s : sums) {
    std::array<uint8_t, 40> be{};
    for (size_t j = 0; j < 5; ++j) {
      for (size_t b = 0; b < 8; ++b) be[39 - 8 * j - b] = static_cast<uint8_t>(s[j] >> (8 * b));
    }
    out.push_back(Secp256k1::Scalar::reduce(be));
  }
  return out;
}

}  // namespace okmpc::secp256k1_vartime
