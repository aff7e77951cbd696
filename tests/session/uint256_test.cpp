#include "session/uint256.hpp"

#include <gtest/gtest.h>

#include "mpc/hex.hpp"

namespace okmpc {
namespace {

TEST(Uint256, ParsesDecimalAndHexToTheSameValue) {
  auto d = Uint256::parse("1802466136");
  auto h = Uint256::parse("0x6B6F7358");
  ASSERT_TRUE(d && h);
  EXPECT_EQ(*d, *h);
  EXPECT_EQ(d->to_u64(), 1802466136u);
  EXPECT_EQ(d->to_hex_string(), "0x6b6f7358");
  EXPECT_EQ(Uint256().to_hex_string(), "0x0");
  EXPECT_EQ(Uint256().to_decimal_string(), "0");
}

TEST(Uint256, MaxValueRoundTripsAndOneMoreOverflows) {
  const std::string max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
  auto v = Uint256::parse(max);
  ASSERT_TRUE(v);
  EXPECT_EQ(v->to_hex_string(), "0x" + std::string(64, 'f'));
  EXPECT_EQ(v->to_decimal_string(), max);
  EXPECT_EQ(v->bit_length(), 256u);
  EXPECT_FALSE(Uint256::parse("115792089237316195423570985008687907853269984665640564039457584007913129639936"));
  EXPECT_FALSE(Uint256::parse("0x1" + std::string(64, '0')));
  EXPECT_FALSE(v->checked_add(Uint256::from_u64(1)));
}

TEST(Uint256, RejectsMalformedText) {
  for (const char* bad : {"", "0x", "-1", "+1", " 1", "1 ", "12a", "0xg", "1e3", "0x 1"}) {
    EXPECT_FALSE(Uint256::parse(bad)) << bad;
  }
}

TEST(Uint256, UuidIsRead128BitBigEndian) {
  auto v = Uint256::from_uuid("123e4567-e89b-12d3-a456-426614174000");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->to_hex_string(), "0x123e4567e89b12d3a456426614174000");
  EXPECT_FALSE(Uint256::from_uuid("123e4567e89b-12d3-a456-426614174000-"));
  EXPECT_FALSE(Uint256::from_uuid("123e4567-e89b-12d3-a456-42661417400g"));
  EXPECT_FALSE(Uint256::from_uuid("123e4567-e89b-12d3-a456-4266141740000"));
}

TEST(Uint256, CheckedArithmetic) {
  auto a = Uint256::from_u64(1000), b = Uint256::from_u64(1);
  EXPECT_EQ(*a.checked_sub(b), Uint256::from_u64(999));
  EXPECT_FALSE(b.checked_sub(a));
  // Carry across the 64-bit boundary.
  auto big = *Uint256::parse("0xffffffffffffffff");
  EXPECT_EQ(big.checked_add(b)->to_hex_string(), "0x10000000000000000");
  EXPECT_EQ(Uint256::mul_u64(UINT64_MAX, UINT64_MAX).to_hex_string(), "0xfffffffffffffffe0000000000000001");
  EXPECT_EQ(Uint256::mul_u64(3, 7), Uint256::from_u64(21));
}

TEST(Uint256, NonceKeyAndSequenceSplit) {
  auto n = *Uint256::parse("0x0102030405060708090a0b0c0d0e0f101112131415161718" "00000000000000ff");
  EXPECT_EQ(n.low_u64(), 0xffu);
  EXPECT_EQ(n.shift_right_64().to_hex_string(), "0x102030405060708090a0b0c0d0e0f101112131415161718");
  EXPECT_EQ(*n.shift_right_64().shift_left_64(), *n.checked_sub(Uint256::from_u64(0xff)));
  EXPECT_FALSE(n.shift_left_64());
}

}  // namespace
}  // namespace okmpc
