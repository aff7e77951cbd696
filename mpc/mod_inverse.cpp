#include "mpc/mod_inverse.hpp"

#include <gmp.h>

namespace okmpc {

std::array<uint64_t, 4> mod_inverse_vartime(const std::array<uint64_t, 4>& a, const std::array<uint64_t, 4>& m) {
  static_assert(sizeof(mp_limb_t) == sizeof(uint64_t), "GMP with 64-bit limbs");
  std::array<uint64_t, 4> out{};
  // mpz_invert over read-only views of the limbs.
  mpz_t x, mod, r;
  mpz_roinit_n(x, reinterpret_cast<const mp_limb_t*>(a.data()), 4);
  if (mpz_sgn(x) == 0) return out;
  mpz_roinit_n(mod, reinterpret_cast<const mp_limb_t*>(m.data()), 4);
  mpz_init2(r, 320);
  if (mpz_invert(r, x, mod) != 0) {
    const size_t n = mpz_size(r);
    for (size_t i = 0; i < n && i < 4; ++i) out[i] = mpz_getlimbn(r, static_cast<mp_size_t>(i));
  }
  mpz_clear(r);
  return out;
}

}  // namespace okmpc
