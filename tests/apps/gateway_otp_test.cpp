// OTP flows over HTTP: the code is "delivered" to DATA/outbox.jsonl, a right
// code yields an okto token that opens a session, wrong codes are refused
// and five of them lock the address out, a token works once.
#include <fstream>

#include <gtest/gtest.h>

#include "gateway_fixture.hpp"
#include "gateway_login_support.hpp"

namespace okmpc::gateway::testing {
namespace {

// The code of the last outbox line sent to `to`.
std::string last_code(const std::filesystem::path& outbox, const std::string& to) {
  std::ifstream in(outbox);
  std::string line, code;
  while (std::getline(in, line)) {
    auto v = boost::json::parse(line);
    if (v.at("to").as_string() == to) code = std::string(v.at("code").as_string());
  }
  return code;
}

class GatewayOtpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gw_ = std::make_unique<GatewayProcess>(dir_.path());
    ASSERT_NE(gw_->port(), 0);
  }
  ClientResponse post(LoginClient& c, const std::string& path, const boost::json::object& body) {
    auto r = c.http().post("/api/oc/v1/authenticate/" + path, boost::json::serialize(body));
    EXPECT_TRUE(r.has_value());
    return r ? *r : ClientResponse{};
  }
  TempDir dir_;
  std::unique_ptr<GatewayProcess> gw_;
};

TEST_F(GatewayOtpTest, EmailCodeOpensASessionOnce) {
  LoginClient c(gw_->port());
  auto key = c.new_session_key();
  const std::string email = "otp.user@example.com";
  ASSERT_EQ(post(c, "email/send-otp", {{"email", email}}).status, 200u);
  const std::string code = last_code(dir_.path() / "outbox.jsonl", email);
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  auto bad = post(c, "email/verify-otp", {{"email", email}, {"otp", wrong}});
  EXPECT_EQ(error_code_of(bad), "OTP_INVALID") << bad.body;
  auto good = post(c, "email/verify-otp",
                   {{"email", email}, {"otp", code}, {"sessionPk", to_hex_prefixed(key.public_key())}});
  ASSERT_EQ(good.status, 200u) << good.body;
  const std::string token(body_json(good)["data"].as_object()["token"].as_string());
  // The same code again is refused (single use).
  auto reuse = post(c, "email/verify-otp", {{"email", email}, {"otp", code}});
  EXPECT_EQ(error_code_of(reuse), "OTP_INVALID") << reuse.body;
  auto login = c.authenticate(key, token, "", "okto");
  ASSERT_EQ(login.status, 200u) << login.body;
  auto replay = c.authenticate(key, token, "", "okto");
  EXPECT_EQ(error_code_of(replay), "TOKEN_REPLAYED") << replay.body;
}

TEST_F(GatewayOtpTest, FiveWrongCodesLockTheAddress) {
  LoginClient c(gw_->port());
  const std::string phone = "+4915112345678";
  ASSERT_EQ(post(c, "whatsapp/send-otp", {{"phoneNumber", phone}}).status, 200u);
  const std::string code = last_code(dir_.path() / "outbox.jsonl", phone);
  ASSERT_EQ(code.size(), 6u);
  const std::string wrong = code == "000000" ? "111111" : "000000";
  std::string last;
  for (int i = 0; i < 5; ++i) last = error_code_of(post(c, "whatsapp/verify-otp", {{"phoneNumber", phone}, {"otp", wrong}}));
  EXPECT_EQ(last, "OTP_LOCKED");
  // Even the right code is refused now.
  auto r = post(c, "whatsapp/verify-otp", {{"phoneNumber", phone}, {"otp", code}});
  EXPECT_EQ(error_code_of(r), "OTP_LOCKED") << r.body;
}

TEST_F(GatewayOtpTest, MalformedAddressesAndBodiesAre400) {
  LoginClient c(gw_->port());
  EXPECT_EQ(error_code_of(post(c, "email/send-otp", {{"email", "not-an-email"}})), "BAD_REQUEST");
  EXPECT_EQ(error_code_of(post(c, "whatsapp/send-otp", {{"phoneNumber", "12345"}})), "BAD_REQUEST");
  EXPECT_EQ(error_code_of(post(c, "email/send-otp", {{"email", 5}})), "BAD_REQUEST");
  EXPECT_EQ(error_code_of(post(c, "email/verify-otp", {{"email", "a@example.com"}})), "BAD_REQUEST");
}

}  // namespace
}  // namespace okmpc::gateway::testing
