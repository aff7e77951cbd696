#include "auth/strict_json.hpp"

#include <gtest/gtest.h>

namespace okmpc::auth {
namespace {

TEST(StrictJson, AcceptsPlainObjectsWithWhitespace) {
  auto o = parse_strict_object("{\"iss\":\"joe\",\r\n \"exp\":1300819380,\r\n \"nested\":{\"a\":[1,2,{\"b\":true}]}}");
  ASSERT_TRUE(o.has_value()) << o.error();
  EXPECT_EQ(*required_string(*o, "iss"), "joe");
  EXPECT_EQ(*required_uint(*o, "exp"), 1300819380u);
}

TEST(StrictJson, RejectsDuplicateKeysAtAnyDepth) {
  for (const char* bad : {R"({"alg":"RS256","alg":"none"})", R"({"a":{"x":1,"x":2}})", R"({"a":[{"k":1,"k":1}]})"}) {
    auto r = parse_strict_object(bad);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
    EXPECT_NE(r.error().message.find("duplicate"), std::string::npos) << r.error();
  }
  // Escapes are decoded before comparing: "al\u0067" is "alg".
  EXPECT_FALSE(parse_strict_object(R"({"alg":"RS256","al\u0067":"none"})").has_value());
  // The same key in sibling objects is fine.
  EXPECT_TRUE(parse_strict_object(R"({"a":{"x":1},"b":{"x":1}})").has_value());
}

TEST(StrictJson, RejectsNonObjectsTrailingDataCommentsAndDepth) {
  std::string deep = std::string(40, '[') + std::string(40, ']');
  for (std::string bad : {std::string("[1]"), std::string("\"s\""), std::string("{} {}"), std::string("{\"a\":1,}"),
                          std::string("{/*c*/}"), std::string("{\"a\":1"), std::string(""), std::string("{\"a\":\"\xff\"}"),
                          "{\"a\":" + deep + "}"}) {
    auto r = parse_strict_object(bad);
    EXPECT_FALSE(r.has_value()) << bad;
  }
}

TEST(StrictJson, TypedAccessorsNameTheMember) {
  auto o = *parse_strict_object(R"({"s":"x","n":-1,"f":1.5,"b":"true","u":7})");
  auto n = required_uint(o, "n");
  ASSERT_FALSE(n.has_value());
  EXPECT_NE(n.error().message.find("\"n\""), std::string::npos);
  EXPECT_FALSE(required_uint(o, "f").has_value());
  EXPECT_FALSE(optional_bool(o, "b").has_value());
  EXPECT_FALSE(required_string(o, "u").has_value());
  EXPECT_FALSE(required_string(o, "missing").has_value());
  EXPECT_FALSE(optional_string(o, "missing")->has_value());
  EXPECT_EQ(**optional_uint(o, "u"), 7u);
}

}  // namespace
}  // namespace okmpc::auth
