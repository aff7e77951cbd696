// Ed25519::Scalar against GMP mpz arithmetic on random and edge inputs.
#include <gmp.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "mpc/ed25519.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"

namespace okmpc {
namespace {

using S = Ed25519::Scalar;

struct Mpz {
  mpz_t v;
  Mpz() { mpz_init(v); }
  ~Mpz() { mpz_clear(v); }
  Mpz(const Mpz&) = delete;
  Mpz& operator=(const Mpz&) = delete;
};

void order(mpz_t l) {
  mpz_set_str(l, "27742317777372353535851937790883648493", 10);
  mpz_t two252;
  mpz_init(two252);
  mpz_ui_pow_ui(two252, 2, 252);
  mpz_add(l, l, two252);
  mpz_clear(two252);
}

void to_mpz(mpz_t out, ByteView le) { mpz_import(out, le.size(), -1, 1, 0, 0, le.data()); }

ByteArray<32> from_mpz(const mpz_t in) {
  ByteArray<32> out{};
  size_t count = 0;
  uint8_t buf[64] = {};
  mpz_export(buf, &count, -1, 1, 0, 0, in);
  EXPECT_LE(count, 32u);
  std::copy(buf, buf + count, out.begin());
  return out;
}

std::vector<S> samples() {
  Mpz l;
  order(l.v);
  std::vector<S> out = {S::zero(), S::one(), S::from_u64(2), S::from_u64(~uint64_t{0})};
  for (unsigned k = 1; k <= 3; ++k) {
    Mpz v;
    mpz_sub_ui(v.v, l.v, k);
    out.push_back(*S::from_bytes(from_mpz(v.v)));
  }
  DeterministicRng rng(uint64_t{25519});
  for (int i = 0; i < 30; ++i) out.push_back(S::random(rng));
  return out;
}

TEST(Ed25519ScalarVsGmp, AddSubMulNegInvertMatch) {
  Mpz l;
  order(l.v);
  auto xs = samples();
  for (const S& a : xs) {
    Mpz ma, r;
    to_mpz(ma.v, a.to_bytes());
    mpz_neg(r.v, ma.v);
    mpz_mod(r.v, r.v, l.v);
    EXPECT_EQ(to_hex((-a).to_bytes()), to_hex(from_mpz(r.v)));
    if (!a.is_zero()) {
      ASSERT_NE(mpz_invert(r.v, ma.v, l.v), 0);
      EXPECT_EQ(to_hex(a.invert().to_bytes()), to_hex(from_mpz(r.v)));
    } else {
      EXPECT_TRUE(a.invert().is_zero());
    }
    for (const S& b : xs) {
      Mpz mb;
      to_mpz(mb.v, b.to_bytes());
      mpz_add(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, l.v);
      ASSERT_EQ(to_hex((a + b).to_bytes()), to_hex(from_mpz(r.v)));
      mpz_sub(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, l.v);
      ASSERT_EQ(to_hex((a - b).to_bytes()), to_hex(from_mpz(r.v)));
      mpz_mul(r.v, ma.v, mb.v);
      mpz_mod(r.v, r.v, l.v);
      ASSERT_EQ(to_hex((a * b).to_bytes()), to_hex(from_mpz(r.v)));
    }
  }
}

TEST(Ed25519ScalarVsGmp, ReduceMatchesForEveryLength) {
  Mpz l;
  order(l.v);
  DeterministicRng rng(uint64_t{64});
  for (size_t len = 0; len <= 100; ++len) {
    Bytes input(len);
    rng.fill(input);
    if (len > 0 && len % 5 == 0) std::fill(input.begin(), input.end(), 0xff);
    Mpz m;
    to_mpz(m.v, input);
    mpz_mod(m.v, m.v, l.v);
    EXPECT_EQ(to_hex(S::reduce(input).to_bytes()), to_hex(from_mpz(m.v))) << "length " << len;
  }
}

TEST(Ed25519Scalar, DecodeIsStrict) {
  Mpz l, v;
  order(l.v);
  const ByteArray<32> l_bytes = from_mpz(l.v);
  auto r = S::from_bytes(l_bytes);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidScalar);
  mpz_add_ui(v.v, l.v, 1);
  EXPECT_EQ(S::from_bytes(from_mpz(v.v)).error().code, ErrorCode::kInvalidScalar);
  EXPECT_EQ(S::from_bytes(Bytes(32, 0xff)).error().code, ErrorCode::kInvalidScalar);
  mpz_sub_ui(v.v, l.v, 1);
  auto top = S::from_bytes(from_mpz(v.v));
  ASSERT_TRUE(top);
  EXPECT_EQ(*top + S::one(), S::zero());
  EXPECT_TRUE(S::from_bytes(Bytes(32, 0))->is_zero());
  for (size_t len : {0u, 31u, 33u, 64u}) {
    EXPECT_EQ(S::from_bytes(Bytes(len, 1)).error().code, ErrorCode::kInvalidEncoding) << len;
  }
  EXPECT_EQ(to_hex(S::from_u64(0x0102).to_bytes()),
            "0201000000000000000000000000000000000000000000000000000000000000");
}

}  // namespace
}  // namespace okmpc
