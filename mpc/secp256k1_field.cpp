// F_p arithmetic for public data (mpc/secp256k1_field.hpp): the out-of-line
// parts — byte codecs, inversion through GMP, batch inversion, square root.
#include "mpc/secp256k1_field.hpp"

#include <gmp.h>

#include <vector>

namespace okmpc::secp256k1_vartime {

using field_detail::kFold256;
using field_detail::kM48;
using field_detail::kM52;
using field_detail::kP0;

bool operator==(const Fe& a, const Fe& b) { return fe_normalize(a).n == fe_normalize(b).n; }

bool Fe::is_odd() const { return (fe_normalize(*this).n[0] & 1) != 0; }

Fe fe_from_limbs64(const std::array<uint64_t, 4>& x) {
  const Fe r{{x[0] & kM52, ((x[0] >> 52) | (x[1] << 12)) & kM52, ((x[1] >> 40) | (x[2] << 24)) & kM52,
              ((x[2] >> 28) | (x[3] << 36)) & kM52, x[3] >> 16}};
  return fe_normalize(r);
}

std::array<uint64_t, 4> fe_to_limbs64(const Fe& a) {
  const Fe r = fe_normalize(a);
  const auto& l = r.n;
  return {l[0] | (l[1] << 52), (l[1] >> 12) | (l[2] << 40), (l[2] >> 24) | (l[3] << 28), (l[3] >> 36) | (l[4] << 16)};
}

std::optional<Fe> fe_from_bytes(std::span<const uint8_t, 32> in) {
  std::array<uint64_t, 4> v{};
  for (size_t i = 0; i < 4; ++i) {
    for (size_t j = 0; j < 8; ++j) v[i] = (v[i] << 8) | in[8 * (3 - i) + j];
  }
  // Canonical iff < p: p's 64-bit limbs are 0xFFFFFFFEFFFFFC2F and three all-ones.
  if ((v[3] & v[2] & v[1]) == ~uint64_t{0} && v[0] >= 0xFFFFFFFEFFFFFC2FULL) return std::nullopt;
  return fe_from_limbs64(v);
}

void fe_to_bytes(const Fe& a, std::span<uint8_t, 32> out) {
  const std::array<uint64_t, 4> v = fe_to_limbs64(a);
  for (size_t i = 0; i < 4; ++i) {
    for (size_t j = 0; j < 8; ++j) out[8 * (3 - i) + j] = static_cast<uint8_t>(v[i] >> (56 - 8 * j));
  }
}

Fe fe_inverse_vartime(const Fe& a) {
  if (a.is_zero()) return Fe{};
  static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "GMP with 64-bit limbs");
  static const std::array<mp_limb_t, 4> kP = {0xFFFFFFFEFFFFFC2FULL, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}};
  const std::array<uint64_t, 4> x64 = fe_to_limbs64(a);
  // mpz_invert over read-only views of the limbs: GMP's (variable-time) gcd.
  mpz_t x, m, r;
  mpz_roinit_n(x, reinterpret_cast<const mp_limb_t*>(x64.data()), 4);
  mpz_roinit_n(m, kP.data(), 4);
  mpz_init2(r, 320);
  const int ok = mpz_invert(r, x, m);  // p is prime and 0 < a < p: always invertible
  std::array<uint64_t, 4> out{};
  if (ok != 0) {
    const size_t n = mpz_size(r);
    for (size_t i = 0; i < n && i < 4; ++i) out[i] = mpz_getlimbn(r, static_cast<mp_size_t>(i));
  }
  mpz_clear(r);
  return fe_from_limbs64(out);
}

void fe_batch_inverse_vartime(std::span<Fe> xs) {
  // prefix[i] = product of the nonzero xs[0..i).
  std::vector<Fe> prefix(xs.size());
  Fe acc = fe_from_u64(1);
  for (size_t i = 0; i < xs.size(); ++i) {
    prefix[i] = acc;
    if (!xs[i].is_zero()) acc = fe_mul(acc, xs[i]);
  }
  Fe inv = fe_inverse_vartime(acc);
  for (size_t i = xs.size(); i-- > 0;) {
    if (xs[i].is_zero()) continue;
    const Fe xi = xs[i];
    xs[i] = fe_mul(inv, prefix[i]);
    inv = fe_mul(inv, xi);
  }
}

namespace {

// a^e for a public exponent given as little-endian limbs (square and
// multiply, most significant bit first).
Fe pow_vartime(const Fe& a, const std::array<uint64_t, 4>& e) {
  Fe r = fe_from_u64(1);
  for (int bit = 255; bit >= 0; --bit) {
    r = fe_sqr(r);
    if ((e[static_cast<size_t>(bit / 64)] >> (bit % 64)) & 1) r = fe_mul(r, a);
  }
  return r;
}

}  // namespace

std::optional<Fe> fe_sqrt_vartime(const Fe& a) {
  // (p + 1) / 4 = 0x3FFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF BFFFFF0C
  static constexpr std::array<uint64_t, 4> kExp = {0xFFFFFFFFBFFFFF0CULL, ~uint64_t{0}, ~uint64_t{0},
                                                   0x3FFFFFFFFFFFFFFFULL};
  const Fe r = pow_vartime(a, kExp);
  if (!(fe_sqr(r) == a)) return std::nullopt;
  return r;
}

}  // namespace okmpc::secp256k1_vartime
