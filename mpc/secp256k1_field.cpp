// F_p arithmetic (mpc/secp256k1_field.hpp): the out-of-line parts — the CPU
// check, the portable product, byte codecs, inversion through GMP, batch
// inversion, square root.
#include "mpc/secp256k1_field.hpp"

#if defined(OKMPC_SECP256K1_FIELD_ASM)
#include <cpuid.h>
#endif

#include <vector>

#include "mpc/mod_inverse.hpp"
#include "mpc/wide_mul.hpp"

namespace okmpc::secp256k1_vartime {

using field_detail::kP0;
using field_detail::u128;

namespace field_detail {

namespace {

// CPUID leaf 7, subleaf 0: EBX bit 8 = BMI2 (mulx), bit 19 = ADX
// (adcx/adox). Plain integer instructions: no OS support to check.
bool cpu_has_mulx_adx() {
#if defined(OKMPC_SECP256K1_FIELD_ASM)
  unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
  if (__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) == 0) return false;
  return ((ebx >> 8) & 1u) != 0 && ((ebx >> 19) & 1u) != 0;
#else
  return false;
#endif
}

}  // namespace

const bool kHasMulxAdx = cpu_has_mulx_adx();

Fe mul_portable(const Fe& a, const Fe& b) {
  // The 512-bit product, then t[0..3] + kFold·t[4..7] and fold().
  const std::array<uint64_t, 8> t = mul_256x256(a.n, b.n);
  std::array<uint64_t, 4> r{};
  u128 acc = 0;
  for (size_t i = 0; i < 4; ++i) {
    acc += static_cast<u128>(t[i + 4]) * kFold + t[i];
    r[i] = static_cast<uint64_t>(acc);
    acc >>= 64;
  }
  return fold(r[0], r[1], r[2], r[3], static_cast<uint64_t>(acc));
}

}  // namespace field_detail

bool operator==(const Fe& a, const Fe& b) { return fe_normalize(a).n == fe_normalize(b).n; }

bool Fe::is_odd() const { return (fe_normalize(*this).n[0] & 1) != 0; }

std::optional<Fe> fe_from_bytes(std::span<const uint8_t, 32> in) {
  std::array<uint64_t, 4> v{};
  for (size_t i = 0; i < 4; ++i) {
    for (size_t j = 0; j < 8; ++j) v[i] = (v[i] << 8) | in[8 * (3 - i) + j];
  }
  // Canonical iff < p: p's 64-bit limbs are 0xFFFFFFFEFFFFFC2F and three all-ones.
  if ((v[3] & v[2] & v[1]) == ~uint64_t{0} && v[0] >= kP0) return std::nullopt;
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
  static constexpr std::array<uint64_t, 4> kP = {kP0, ~uint64_t{0}, ~uint64_t{0}, ~uint64_t{0}};
  // p is prime and 0 < a < p: always invertible.
  return fe_from_limbs64(mod_inverse_vartime(fe_to_limbs64(a), kP));
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
