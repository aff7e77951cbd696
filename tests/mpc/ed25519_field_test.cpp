// GF(2^255 - 19) arithmetic (mpc/ed25519_field.hpp) against GMP on random and
// edge-case inputs, including non-canonical byte strings and elements whose
// limbs sit at the documented upper bounds.
#include <gmp.h>
#include <gtest/gtest.h>

#include <vector>

#include "mpc/ed25519_field.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"

namespace okmpc::ed25519 {
namespace {

// An mpz_t with RAII, enough for these checks.
class Mpz {
 public:
  Mpz() { mpz_init(v_); }
  ~Mpz() { mpz_clear(v_); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  mpz_ptr get() { return v_; }

 private:
  mpz_t v_;
};

struct FieldRef {
  Mpz p;
  FieldRef() {
    mpz_ui_pow_ui(p.get(), 2, 255);
    mpz_sub_ui(p.get(), p.get(), 19);
  }
};

// The value Σ v[i]·2^(51i), not reduced.
void to_mpz(const Fe& a, mpz_ptr out) {
  mpz_set_ui(out, 0);
  for (int i = 4; i >= 0; --i) {
    mpz_mul_2exp(out, out, 51);
    mpz_add_ui(out, out, a.v[i]);
  }
}

ByteArray<32> mpz_to_le(mpz_ptr x) {
  ByteArray<32> out{};
  size_t count = 0;
  mpz_export(out.data(), &count, -1, 1, -1, 0, x);
  return out;
}

// A field element with arbitrary limbs below 2^bits.
Fe random_fe(Rng& rng, int bits) {
  Fe a;
  for (auto& limb : a.v) {
    ByteArray<8> b = rng.bytes<8>();
    uint64_t w = 0;
    for (uint8_t x : b) w = (w << 8) | x;
    limb = w >> (64 - bits);
  }
  return a;
}

// Canonical encoding of (a op b) mod p computed by GMP.
ByteArray<32> reference(const Fe& a, const Fe& b, char op) {
  FieldRef f;
  Mpz x, y, r;
  to_mpz(a, x.get());
  to_mpz(b, y.get());
  switch (op) {
    case '+': mpz_add(r.get(), x.get(), y.get()); break;
    case '-': mpz_sub(r.get(), x.get(), y.get()); break;
    case '*': mpz_mul(r.get(), x.get(), y.get()); break;
    case 'i': {  // x^(p-2)
      Mpz e;
      mpz_sub_ui(e.get(), f.p.get(), 2);
      mpz_powm(r.get(), x.get(), e.get(), f.p.get());
      break;
    }
    case 'q': {  // x^((p-5)/8)
      Mpz e;
      mpz_sub_ui(e.get(), f.p.get(), 5);
      mpz_fdiv_q_2exp(e.get(), e.get(), 3);
      mpz_powm(r.get(), x.get(), e.get(), f.p.get());
      break;
    }
  }
  mpz_mod(r.get(), r.get(), f.p.get());
  return mpz_to_le(r.get());
}

TEST(Ed25519Field, ArithmeticMatchesGmp) {
  DeterministicRng rng(uint64_t{25519});
  for (int i = 0; i < 200; ++i) {
    // mul/sq accept limbs < 2^54, add's inputs are reduced (< 2^51 + 2^13),
    // sub's subtrahend < 2^54.
    const Fe big_a = random_fe(rng, 54), big_b = random_fe(rng, 54);
    const Fe a = random_fe(rng, 51), b = random_fe(rng, 51);
    EXPECT_EQ(fe_to_bytes(fe_mul(big_a, big_b)), reference(big_a, big_b, '*'));
    EXPECT_EQ(fe_to_bytes(fe_sq(big_a)), reference(big_a, big_a, '*'));
    EXPECT_EQ(fe_to_bytes(fe_add(a, b)), reference(a, b, '+'));
    EXPECT_EQ(fe_to_bytes(fe_sub(a, big_b)), reference(a, big_b, '-'));
    EXPECT_EQ(fe_to_bytes(fe_neg(big_b)), reference(kFeZero, big_b, '-'));
    EXPECT_EQ(fe_to_bytes(fe_invert(a)), reference(a, a, 'i'));
    EXPECT_EQ(fe_to_bytes(fe_pow22523(big_a)), reference(big_a, big_a, 'q'));
  }
}

TEST(Ed25519Field, LimbsAtTheirBounds) {
  const uint64_t top54 = (uint64_t{1} << 54) - 1;
  const Fe m{{top54, top54, top54, top54, top54}};
  EXPECT_EQ(fe_to_bytes(fe_mul(m, m)), reference(m, m, '*'));
  EXPECT_EQ(fe_to_bytes(fe_sq(m)), reference(m, m, '*'));
  EXPECT_EQ(fe_to_bytes(fe_sub(kFeZero, m)), reference(kFeZero, m, '-'));
  const Fe r{{kLimbMask + (1 << 13), kLimbMask + (1 << 13), kLimbMask + (1 << 13), kLimbMask + (1 << 13),
              kLimbMask + (1 << 13)}};
  EXPECT_EQ(fe_to_bytes(fe_add(r, r)), reference(r, r, '+'));
  EXPECT_EQ(fe_to_bytes(fe_sub(r, m)), reference(r, m, '-'));
}

TEST(Ed25519Field, CanonicalEncoding) {
  // p - 1, p, p + 1 and 2^255 - 1 as 255-bit byte strings.
  ByteArray<32> pm1 = *from_hex_fixed<32>("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  ByteArray<32> p = *from_hex_fixed<32>("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  ByteArray<32> p18 = *from_hex_fixed<32>("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
  EXPECT_EQ(fe_is_canonical(pm1), 1u);
  EXPECT_EQ(fe_is_canonical(p), 0u);
  EXPECT_EQ(fe_is_canonical(p18), 0u);
  pm1[31] |= 0x80;  // bit 255 is not part of the value
  EXPECT_EQ(fe_is_canonical(pm1), 1u);
  p[31] |= 0x80;
  EXPECT_EQ(fe_is_canonical(p), 0u);
  EXPECT_EQ(fe_is_zero(fe_from_bytes(p)), 1u);                         // p ≡ 0
  EXPECT_EQ(fe_to_bytes(fe_from_bytes(p18)), *from_hex_fixed<32>(    // 2^255 - 1 ≡ 18
                                                 "1200000000000000000000000000000000000000000000000000000000000000"));
  pm1[31] &= 0x7f;
  EXPECT_EQ(fe_to_bytes(fe_from_bytes(pm1)), pm1);
  EXPECT_EQ(fe_is_negative(fe_from_bytes(pm1)), 0u);  // p - 1 is even
  EXPECT_EQ(fe_is_negative(kFeOne), 1u);
  EXPECT_EQ(fe_equal(fe_sq(kFeSqrtM1), fe_neg(kFeOne)), 1u);
  EXPECT_EQ(fe_equal(kFeD2, fe_add(kFeD, kFeD)), 1u);
  // d·121666 = -121665.
  const Fe c121666{{121666, 0, 0, 0, 0}}, c121665{{121665, 0, 0, 0, 0}};
  EXPECT_EQ(fe_equal(fe_mul(kFeD, c121666), fe_neg(c121665)), 1u);
  EXPECT_EQ(fe_to_bytes(fe_select(kFeOne, kFeD, 1)), fe_to_bytes(kFeD));
  EXPECT_EQ(fe_to_bytes(fe_select(kFeOne, kFeD, 0)), fe_to_bytes(kFeOne));
}

TEST(Ed25519Field, BytesRoundTrip) {
  DeterministicRng rng(uint64_t{7});
  for (int i = 0; i < 100; ++i) {
    ByteArray<32> s = rng.bytes<32>();
    s[31] &= 0x7f;
    if (fe_is_canonical(s) == 0) continue;
    EXPECT_EQ(fe_to_bytes(fe_from_bytes(s)), s);
  }
}

}  // namespace
}  // namespace okmpc::ed25519
