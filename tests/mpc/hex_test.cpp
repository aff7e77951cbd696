#include "mpc/hex.hpp"

#include <gtest/gtest.h>

namespace okmpc {
namespace {

TEST(Hex, RoundTrip) {
  Bytes b = {0x00, 0x01, 0xab, 0xff};
  EXPECT_EQ(to_hex(b), "0001abff");
  EXPECT_EQ(to_hex_prefixed(b), "0x0001abff");
  auto back = from_hex("0001ABff");
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(*back, b);
}

TEST(Hex, RejectsOddLength) {
  auto r = from_hex("abc");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
}

TEST(Hex, RejectsNonHex) {
  for (const char* bad : {"zz", "0g", " 1", "0x12"}) {
    auto r = from_hex(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding) << bad;
  }
}

TEST(Hex, PrefixedAndFixed) {
  EXPECT_EQ(*from_hex_prefixed("0x01"), Bytes{1});
  EXPECT_EQ(*from_hex_prefixed("01"), Bytes{1});
  EXPECT_FALSE(from_hex_prefixed("0x0x01").has_value());
  EXPECT_TRUE(from_hex_fixed<2>("0x0102").has_value());
  EXPECT_FALSE(from_hex_fixed<2>("010203").has_value());
}

TEST(Bytes, ConstantTimeEqual) {
  Bytes a = {1, 2, 3}, b = {1, 2, 3}, c = {1, 2, 4}, d = {1, 2};
  EXPECT_TRUE(ct_equal(a, b));
  EXPECT_FALSE(ct_equal(a, c));
  EXPECT_FALSE(ct_equal(a, d));
}

}  // namespace
}  // namespace okmpc
