// The native secp256k1 field (mpc/secp256k1_field.hpp) against GMP on random
// and edge-case elements: every operation's result equals mpz arithmetic mod p.
#include <gmp.h>
#include <gtest/gtest.h>

#include <vector>

#include "mpc/rng.hpp"
#include "mpc/secp256k1_field.hpp"

namespace okmpc::secp256k1_vartime {
namespace {

// p as an mpz, and conversions between Fe and mpz.
class Mpz {
 public:
  Mpz() { mpz_init(z_); }
  explicit Mpz(const Fe& a) : Mpz() {
    const std::array<uint64_t, 4> v = fe_to_limbs64(a);
    mpz_import(z_, 4, -1, sizeof(uint64_t), 0, 0, v.data());
  }
  // The value of the raw 64-bit limbs (not reduced mod p).
  static void raw_value(const Fe& a, mpz_ptr out) { mpz_import(out, 4, -1, sizeof(uint64_t), 0, 0, a.n.data()); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
  ~Mpz() { mpz_clear(z_); }
  mpz_ptr get() { return z_; }
  Fe to_fe() const {
    std::array<uint64_t, 4> v{};
    size_t count = 0;
    EXPECT_LE(mpz_sizeinbase(z_, 2), 256u);
    mpz_export(v.data(), &count, -1, sizeof(uint64_t), 0, 0, z_);
    return fe_from_limbs64(v);
  }

 private:
  mpz_t z_;
};

void set_p(Mpz& p) { mpz_set_str(p.get(), "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", 16); }

Fe random_fe(Rng& rng) {
  for (;;) {
    std::array<uint8_t, 32> b;
    rng.fill(b);
    if (auto f = fe_from_bytes(b)) return *f;
  }
}

// Elements that stress the reductions: 0, 1, 2, p-1, p-2, 2^256 - p ± 1,
// values just under p and 2^256 (reduced mod p), all-ones limbs.
std::vector<Fe> edge_values() {
  auto fe = [](uint64_t a, uint64_t b, uint64_t c, uint64_t d) { return fe_from_limbs64({a, b, c, d}); };
  const uint64_t m = ~uint64_t{0};
  return {fe(0, 0, 0, 0),
          fe(1, 0, 0, 0),
          fe(2, 0, 0, 0),
          fe(0xFFFFFFFEFFFFFC2EULL, m, m, m),  // p - 1
          fe(0xFFFFFFFEFFFFFC2DULL, m, m, m),  // p - 2
          fe(0x1000003D0ULL, 0, 0, 0),
          fe(0x1000003D1ULL, 0, 0, 0),
          fe(m, m, m, 0x7FFFFFFFFFFFFFFFULL),
          fe(0, 0, 0, 0x8000000000000000ULL),
          fe(m, m, m, m - 1),
          fe(0xFFFFFFFEFFFFFC2EULL, 0, m, m)};
}

class FieldVsGmp : public ::testing::Test {
 protected:
  void SetUp() override { set_p(p_); }

  void check(const Fe& a, const Fe& b) {
    Mpz za(a), zb(b), r;
    mpz_add(r.get(), za.get(), zb.get());
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_add(a, b), r.to_fe());
    mpz_sub(r.get(), za.get(), zb.get());
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_sub(a, b), r.to_fe());
    mpz_mul(r.get(), za.get(), zb.get());
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_mul(a, b), r.to_fe());
    mpz_mul(r.get(), za.get(), za.get());
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_sqr(a), r.to_fe());
    mpz_neg(r.get(), za.get());
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_negate(a), r.to_fe());
    mpz_mul_ui(r.get(), za.get(), 4294967295u);
    mpz_mod(r.get(), r.get(), p_.get());
    EXPECT_EQ(fe_mul_small(a, 4294967295u), r.to_fe());
    EXPECT_EQ(fe_to_limbs64(fe_normalize(a)), fe_to_limbs64(a));
    EXPECT_EQ(a.is_odd(), mpz_odd_p(za.get()) != 0);
    if (!a.is_zero()) {
      ASSERT_NE(mpz_invert(r.get(), za.get(), p_.get()), 0);
      EXPECT_EQ(fe_inverse_vartime(a), r.to_fe());
    }
  }

  Mpz p_;
};

TEST_F(FieldVsGmp, EdgeValues) {
  for (const Fe& a : edge_values()) {
    for (const Fe& b : edge_values()) check(a, b);
  }
}

TEST_F(FieldVsGmp, RandomValues) {
  DeterministicRng rng(uint64_t{0xF1E1D});
  for (int i = 0; i < 2000; ++i) check(random_fe(rng), random_fe(rng));
}

// Weakly reduced limb patterns (any value below 2^256, so p .. 2^256 − 1
// too) as operands: every operation equals GMP on the raw values mod p. The
// patterns reach both folds of fe_add / fe_mul_int (a carry out of 2^256,
// then one out of the folded value) and both of fe_sub (a borrow, then
// another for b ≥ a + p).
TEST_F(FieldVsGmp, WeakPatternsAsOperands) {
  const uint64_t m = ~uint64_t{0};
  const uint64_t fold = 0x1000003D1ULL;  // 2^256 mod p
  const uint64_t p0 = 0xFFFFFFFEFFFFFC2FULL;
  DeterministicRng rng(uint64_t{0x04ED});
  std::vector<Fe> weak = {Fe{{m, m, m, m}},          Fe{{p0, m, m, m}},      Fe{{p0 + 1, m, m, m}},
                          Fe{{p0 - 1, m, m, m}},     Fe{{m - fold, m, m, m}}, Fe{{m - fold + 1, m, m, m}},
                          Fe{{fold - 1, 0, 0, 0}},   Fe{{fold, 0, 0, 0}},    Fe{{m, 0, m, 0}},
                          Fe{{0, m, 0, m}},          Fe{},                   fe_from_u64(1)};
  for (int i = 0; i < 6; ++i) {
    std::array<uint8_t, 32> b;
    rng.fill(b);
    Fe r;
    for (size_t j = 0; j < 4; ++j) {
      for (size_t k = 0; k < 8; ++k) r.n[j] = (r.n[j] << 8) | b[8 * j + k];
    }
    weak.push_back(r);
  }
  auto expect_mod_p = [&](const Fe& got, mpz_srcptr want_raw) {
    Mpz r;
    mpz_mod(r.get(), want_raw, p_.get());
    EXPECT_EQ(got, r.to_fe());
    EXPECT_EQ(fe_to_limbs64(got), fe_to_limbs64(r.to_fe()));
  };
  for (const Fe& a : weak) {
    Mpz za, r;
    Mpz::raw_value(a, za.get());
    mpz_mod(r.get(), za.get(), p_.get());
    EXPECT_EQ(a.is_zero(), mpz_sgn(r.get()) == 0);
    EXPECT_EQ(a.is_odd(), mpz_odd_p(r.get()) != 0);
    mpz_mul(r.get(), za.get(), za.get());
    expect_mod_p(fe_sqr(a), r.get());
    mpz_neg(r.get(), za.get());
    expect_mod_p(fe_negate(a), r.get());
    for (uint32_t k : {2u, 3u, 4u, 8u, 4294967295u}) {
      mpz_mul_ui(r.get(), za.get(), k);
      expect_mod_p(fe_mul_int(a, k), r.get());
    }
    for (const Fe& b : weak) {
      Mpz zb;
      Mpz::raw_value(b, zb.get());
      mpz_mul(r.get(), za.get(), zb.get());
      expect_mod_p(fe_mul(a, b), r.get());
      mpz_add(r.get(), za.get(), zb.get());
      expect_mod_p(fe_add(a, b), r.get());
      mpz_sub(r.get(), za.get(), zb.get());
      expect_mod_p(fe_sub(a, b), r.get());
      expect_mod_p(fe_sub_unreduced(a, b), r.get());
    }
  }
  EXPECT_TRUE(weak[1].is_zero());  // the limbs of p
  EXPECT_TRUE(fe_add(weak[1], weak[1]).is_zero());
  EXPECT_EQ(fe_to_limbs64(weak[1]), (std::array<uint64_t, 4>{}));
  EXPECT_EQ(fe_normalize(weak[0]).n, (std::array<uint64_t, 4>{fold - 1, 0, 0, 0}));  // 2^256 − 1 − p
}

// The portable product (the path CPUs without BMI2/ADX take) equals the
// one fe_mul picked, on random and weak operands.
TEST(Secp256k1Field, PortableProductMatchesSelected) {
  DeterministicRng rng(uint64_t{0x9047});
  const uint64_t m = ~uint64_t{0};
  std::vector<Fe> xs = {Fe{{m, m, m, m}}, Fe{{0xFFFFFFFEFFFFFC2FULL, m, m, m}}, Fe{}, fe_from_u64(1)};
  for (int i = 0; i < 200; ++i) xs.push_back(random_fe(rng));
  for (const Fe& a : xs) {
    for (const Fe& b : {xs[0], xs[1], xs[4], a}) {
      EXPECT_EQ(field_detail::mul_portable(a, b).n, fe_mul(a, b).n);
    }
  }
}

TEST(Secp256k1Field, BytesRoundTripAndStrictDecode) {
  DeterministicRng rng(uint64_t{0xB17E5});
  for (int i = 0; i < 100; ++i) {
    const Fe a = random_fe(rng);
    std::array<uint8_t, 32> b;
    fe_to_bytes(a, b);
    EXPECT_EQ(fe_from_bytes(b), a);
  }
  // p itself and 2^256 - 1 are not canonical.
  std::array<uint8_t, 32> p;
  p.fill(0xFF);
  EXPECT_FALSE(fe_from_bytes(p).has_value());
  p[27] = 0xFE;
  p[28] = 0xFF;
  p[29] = 0xFF;
  p[30] = 0xFC;
  p[31] = 0x2F;
  EXPECT_FALSE(fe_from_bytes(p).has_value());
  p[31] = 0x2E;  // p - 1
  const auto pm1 = fe_from_bytes(p);
  ASSERT_TRUE(pm1.has_value());
  EXPECT_EQ(fe_add(*pm1, fe_from_u64(1)), Fe{});
  // Big-endian: the last byte is the least significant.
  std::array<uint8_t, 32> one{};
  one[31] = 1;
  EXPECT_EQ(fe_from_bytes(one), fe_from_u64(1));
}

TEST(Secp256k1Field, BatchInverseMatchesSingleInverses) {
  DeterministicRng rng(uint64_t{0xBA7C});
  std::vector<Fe> xs;
  for (int i = 0; i < 33; ++i) xs.push_back(i % 7 == 3 ? Fe{} : random_fe(rng));
  std::vector<Fe> inv = xs;
  fe_batch_inverse_vartime(inv);
  for (size_t i = 0; i < xs.size(); ++i) {
    if (xs[i].is_zero()) {
      EXPECT_TRUE(inv[i].is_zero());
    } else {
      EXPECT_EQ(inv[i], fe_inverse_vartime(xs[i]));
      EXPECT_EQ(fe_mul(inv[i], xs[i]), fe_from_u64(1));
    }
  }
  std::vector<Fe> empty;
  fe_batch_inverse_vartime(empty);  // no inversion of an empty product
  EXPECT_EQ(fe_inverse_vartime(Fe{}), Fe{});
}

TEST(Secp256k1Field, SqrtOfSquaresAndNonSquares) {
  DeterministicRng rng(uint64_t{0x5917});
  int non_squares = 0;
  for (int i = 0; i < 40; ++i) {
    const Fe a = random_fe(rng);
    const auto r = fe_sqrt_vartime(fe_sqr(a));
    ASSERT_TRUE(r.has_value());
    EXPECT_TRUE(*r == a || *r == fe_negate(a));
    // Exactly one of b and -b is a square (p ≡ 3 mod 4), b != 0.
    const Fe b = random_fe(rng);
    const bool sb = fe_sqrt_vartime(b).has_value();
    const bool snb = fe_sqrt_vartime(fe_negate(b)).has_value();
    EXPECT_NE(sb, snb);
    non_squares += sb ? 0 : 1;
  }
  EXPECT_GT(non_squares, 0);
  // 7 = y^2 - x^3 at x = 0 is not a square (no point with x = 0 on secp256k1).
  EXPECT_FALSE(fe_sqrt_vartime(fe_from_u64(7)).has_value());
  EXPECT_EQ(fe_sqrt_vartime(Fe{}), Fe{});
}

}  // namespace
}  // namespace okmpc::secp256k1_vartime
