#include "auth/base64url.hpp"

#include <gtest/gtest.h>

namespace okmpc::auth {
namespace {

std::string text(const Bytes& b) { return std::string(b.begin(), b.end()); }

TEST(Base64Url, Rfc4648Vectors) {
  // RFC 4648 §10 test vectors, without padding.
  const std::pair<std::string, std::string> vectors[] = {
      {"", ""}, {"f", "Zg"}, {"fo", "Zm8"}, {"foo", "Zm9v"}, {"foob", "Zm9vYg"}, {"fooba", "Zm9vYmE"}, {"foobar", "Zm9vYmFy"}};
  for (const auto& [plain, encoded] : vectors) {
    EXPECT_EQ(base64url_encode(std::string_view(plain)), encoded);
    auto back = base64url_decode(encoded);
    ASSERT_TRUE(back.has_value()) << encoded;
    EXPECT_EQ(text(*back), plain);
  }
}

TEST(Base64Url, UsesTheUrlAlphabet) {
  const Bytes b = {0xfb, 0xff, 0xbf};
  EXPECT_EQ(base64url_encode(b), "-_-_");
  EXPECT_EQ(*base64url_decode("-_-_"), b);
}

TEST(Base64Url, RejectsEverythingNonCanonical) {
  for (const char* bad : {"Zg==", "Zg=", "+/+/", "Zm9v\n", " Zm9v", "Zm 9v", "Z", "Zm9vY", "Zh", "Zm9=", "Zm9v!", "Zm8A."}) {
    auto r = base64url_decode(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding) << bad;
  }
}

}  // namespace
}  // namespace okmpc::auth
