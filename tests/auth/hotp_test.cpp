#include "auth/hotp.hpp"

#include <gtest/gtest.h>

namespace okmpc::auth {
namespace {

const std::string kSecret = "12345678901234567890";  // RFC 4226 Appendix D / RFC 6238 Appendix B

TEST(Hotp, Rfc4226AppendixD) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (uint64_t c = 0; c < 10; ++c) {
    auto code = hotp(as_bytes(kSecret), c);
    ASSERT_TRUE(code.has_value());
    EXPECT_EQ(*code, expected[c]) << "counter " << c;
  }
}

TEST(Totp, Rfc6238AppendixBSha1) {
  EXPECT_EQ(*totp(as_bytes(kSecret), 59), "94287082");
  EXPECT_EQ(*totp(as_bytes(kSecret), 1111111109), "07081804");
  EXPECT_EQ(*totp(as_bytes(kSecret), 1111111111), "14050471");
  EXPECT_EQ(*totp(as_bytes(kSecret), 1234567890), "89005924");
  EXPECT_EQ(*totp(as_bytes(kSecret), 2000000000), "69279037");
}

TEST(Totp, Rfc6238AppendixBSha256AndSha512) {
  const std::string k32 = "12345678901234567890123456789012";
  const std::string k64 = "1234567890123456789012345678901234567890123456789012345678901234";
  EXPECT_EQ(*totp(as_bytes(k32), 59, 8, HotpHash::kSha256), "46119246");
  EXPECT_EQ(*totp(as_bytes(k64), 59, 8, HotpHash::kSha512), "90693936");
}

TEST(Hotp, RejectsUnsupportedParameters) {
  EXPECT_EQ(hotp(as_bytes(kSecret), 0, 5).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(hotp(as_bytes(kSecret), 0, 10).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(totp(as_bytes(kSecret), 10, 8, HotpHash::kSha1, 0).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(totp(as_bytes(kSecret), 10, 8, HotpHash::kSha1, 30, 20).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::auth
