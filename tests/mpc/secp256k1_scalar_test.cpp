// Secp256k1::Scalar against GMP mpz arithmetic on random and edge inputs.
#include <gmp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

using S = Secp256k1::Scalar;

constexpr const char* kOrderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

// RAII mpz for the reference computations.
struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  explicit Mpz(const char* hex) { mpz_init_set_str(v, hex, 16); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

void to_mpz(mpz_t out, ByteView be) { mpz_import(out, be.size(), 1, 1, 1, 0, be.data()); }

ByteArray<32> from_mpz(const mpz_t in) {
  ByteArray<32> out{};
  size_t count = 0;
  uint8_t buf[64] = {};
  mpz_export(buf, &count, 1, 1, 1, 0, in);
  EXPECT_LE(count, 32u);
  for (size_t i = 0; i < count; ++i) out[32 - count + i] = buf[i];
  return out;
}

class Secp256k1ScalarVsGmp : public ::testing::Test {
 protected:
  // Edge values (as scalars < n) plus random ones.
  std::vector<S> samples() {
    std::vector<S> out;
    Mpz n(kOrderHex);
    const char* edges[] = {"0", "1", "2", "ffffffffffffffff", "10000000000000000",
                           "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0",
                           "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a1"};
    for (const char* e : edges) {
      Mpz v(e);
      out.push_back(*S::from_bytes(from_mpz(v.v)));
    }
    for (unsigned k = 1; k <= 3; ++k) {  // n - 1, n - 2, n - 3
      Mpz v;
      mpz_sub_ui(v.v, n.v, k);
      out.push_back(*S::from_bytes(from_mpz(v.v)));
    }
    DeterministicRng rng(uint64_t{0x5ec9256});
    for (int i = 0; i < 40; ++i) out.push_back(S::random(rng));
    // Values with all-ones low limbs, to stress carries.
    out.push_back(*S::from_bytes(*from_hex("00000000ffffffffffffffffffffffffffffffffffffffffffffffffffffffff")));
    return out;
  }
};

TEST_F(Secp256k1ScalarVsGmp, AddSubMulNegInvertMatch) {
  Mpz n(kOrderHex);
  auto xs = samples();
  for (const S& a : xs) {
    Mpz ma, neg, inv;
    to_mpz(ma.v, a.to_bytes());
    mpz_neg(neg.v, ma.v);
    mpz_mod(neg.v, neg.v, n.v);
    EXPECT_EQ(to_hex((-a).to_bytes()), to_hex(from_mpz(neg.v)));
    if (mpz_sgn(ma.v) != 0) {
      ASSERT_NE(mpz_invert(inv.v, ma.v, n.v), 0);
      EXPECT_EQ(to_hex(a.invert().to_bytes()), to_hex(from_mpz(inv.v)));
      EXPECT_EQ(a * a.invert(), S::one());
    } else {
      EXPECT_TRUE(a.invert().is_zero());
    }
    for (const S& b : xs) {
      Mpz mb, r;
      to_mpz(mb.v, b.to_bytes());
      mpz_add(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, n.v);
      ASSERT_EQ(to_hex((a + b).to_bytes()), to_hex(from_mpz(r.v)));
      mpz_sub(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, n.v);
      ASSERT_EQ(to_hex((a - b).to_bytes()), to_hex(from_mpz(r.v)));
      mpz_mul(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, n.v);
      ASSERT_EQ(to_hex((a * b).to_bytes()), to_hex(from_mpz(r.v)));
    }
  }
}

// mul_small (a 256×32-bit product and two folds) against GMP for small,
// large and 2^32 − 1 multipliers on every sample, n − 1 included.
TEST_F(Secp256k1ScalarVsGmp, MulSmallMatches) {
  Mpz n(kOrderHex);
  auto xs = samples();
  xs.push_back(-S::one());
  for (const S& a : xs) {
    Mpz ma;
    to_mpz(ma.v, a.to_bytes());
    for (uint32_t x : {0u, 1u, 2u, 3u, 100u, 255u, 65537u, 0x80000000u, 0xFFFFFFFFu}) {
      Mpz r;
      mpz_mul_ui(r.v, ma.v, x);
      mpz_mod(r.v, r.v, n.v);
      ASSERT_EQ(to_hex(a.mul_small(x).to_bytes()), to_hex(from_mpz(r.v))) << x;
    }
  }
}

TEST(Secp256k1Scalar, ReduceMatchesGmpForEveryLength) {
  Mpz n(kOrderHex);
  DeterministicRng rng(uint64_t{77});
  for (size_t len = 0; len <= 100; ++len) {
    Bytes input(len);
    rng.fill(input);
    if (len > 0 && len % 7 == 0) std::fill(input.begin(), input.end(), 0xff);  // near 2^(8·len)
    Mpz m;
    to_mpz(m.v, input);
    mpz_mod(m.v, m.v, n.v);
    EXPECT_EQ(to_hex(S::reduce(input).to_bytes()), to_hex(from_mpz(m.v))) << "length " << len;
  }
}

TEST(Secp256k1Scalar, ReduceNear2To256) {
  // 2^256 - 1 ≡ c - 1 and 2^256 ≡ c (mod n), c = 2^256 - n.
  EXPECT_EQ(to_hex(S::reduce(Bytes(32, 0xff)).to_bytes()),
            "000000000000000000000000000000014551231950b75fc4402da1732fc9bebe");
  Bytes two_256(33, 0);
  two_256[0] = 1;
  EXPECT_EQ(to_hex(S::reduce(two_256).to_bytes()),
            "000000000000000000000000000000014551231950b75fc4402da1732fc9bebf");
  auto n = *from_hex(kOrderHex);
  EXPECT_TRUE(S::reduce(n).is_zero());
  Bytes n_plus_1 = n;
  n_plus_1[31] += 1;
  EXPECT_EQ(S::reduce(n_plus_1), S::one());
  Bytes two_n(64, 0);  // n·2^256 as 64 bytes ≡ 0
  std::copy(n.begin(), n.end(), two_n.begin());
  EXPECT_TRUE(S::reduce(two_n).is_zero());
}

TEST(Secp256k1Scalar, DecodeIsStrict) {
  auto n = from_hex(kOrderHex);
  ASSERT_TRUE(n);
  auto r = S::from_bytes(*n);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidScalar);

  Bytes all_ones(32, 0xff);
  r = S::from_bytes(all_ones);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidScalar);

  Bytes n_minus_1 = *n;
  n_minus_1[31] -= 1;
  ASSERT_TRUE(S::from_bytes(n_minus_1));
  EXPECT_EQ(*S::from_bytes(n_minus_1) + S::one(), S::zero());

  ASSERT_TRUE(S::from_bytes(Bytes(32, 0)));  // zero is accepted
  EXPECT_TRUE(S::from_bytes(Bytes(32, 0))->is_zero());

  for (size_t len : {0u, 31u, 33u, 64u}) {
    auto bad = S::from_bytes(Bytes(len, 1));
    ASSERT_FALSE(bad) << len;
    EXPECT_EQ(bad.error().code, ErrorCode::kInvalidEncoding) << len;
  }
}

TEST(Secp256k1Scalar, RoundTripAndFromU64) {
  DeterministicRng rng(uint64_t{5});
  for (int i = 0; i < 20; ++i) {
    S a = S::random(rng);
    EXPECT_FALSE(a.is_zero());
    EXPECT_EQ(*S::from_bytes(a.to_bytes()), a);
  }
  EXPECT_EQ(to_hex(S::from_u64(0x0102030405060708ULL).to_bytes()),
            "0000000000000000000000000000000000000000000000000102030405060708");
  EXPECT_EQ(S::from_u64(2) * S::from_u64(3), S::from_u64(6));
  EXPECT_NE(S::from_u64(2), S::from_u64(3));
}

TEST(Secp256k1Scalar, LowSHelpers) {
  auto half = *S::from_bytes(*from_hex("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0"));
  EXPECT_FALSE(half.is_high());
  EXPECT_TRUE((half + S::one()).is_high());
  EXPECT_EQ((half + S::one()).negate_if_high(), half);  // n - (n/2 + 1) = n/2 (n odd)
  EXPECT_FALSE(S::zero().is_high());
  EXPECT_TRUE((-S::one()).is_high());
  EXPECT_EQ((-S::one()).negate_if_high(), S::one());
  EXPECT_EQ(S::one().negate_if_high(), S::one());
  EXPECT_EQ(S::select(false, S::one(), S::zero()), S::one());
  EXPECT_EQ(S::select(true, S::one(), S::zero()), S::zero());
}

TEST(Secp256k1Scalar, MulMatchesLibsecp256k1TweakMul) {
  DeterministicRng rng(uint64_t{9});
  for (int i = 0; i < 20; ++i) {
    S a = S::random(rng), b = S::random(rng);
    ByteArray<32> key = a.to_bytes();
    ByteArray<32> tweak = b.to_bytes();
    ASSERT_EQ(secp256k1_ec_seckey_tweak_mul(secp256k1_ctx(), key.data(), tweak.data()), 1);
    EXPECT_EQ(to_hex(key), to_hex((a * b).to_bytes()));
  }
}

}  // namespace
}  // namespace okmpc
