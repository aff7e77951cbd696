// End-to-end tests of the gateway's HTTP surface over loopback: routing,
// strict request parsing (malformed, oversized, wrong types, unknown fields)
// and per-IP rate limiting. Each bad request gets a 4xx JSON error with a
// documented errorCode and the process keeps serving.
#include <boost/asio.hpp>

#include <string>

#include <gtest/gtest.h>

#include "gateway_fixture.hpp"

namespace okmpc::gateway::testing {
namespace {

class GatewayHttpTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gw_ = std::make_unique<GatewayProcess>(dir_.path());
    ASSERT_NE(gw_->port(), 0) << "gateway did not start";
  }
  TempDir dir_;
  std::unique_ptr<GatewayProcess> gw_;
};

void expect_error(const Result<ClientResponse>& r, unsigned status, const std::string& code) {
  ASSERT_TRUE(r.has_value()) << r.error().describe();
  EXPECT_EQ(r->status, status) << r->body;
  EXPECT_EQ(error_code_of(*r), code) << r->body;
  auto o = body_json(*r);
  EXPECT_EQ(o["status"], "error");
  EXPECT_EQ(o["error"].as_object()["code"], status);
  EXPECT_TRUE(o["error"].as_object()["message"].is_string());
}

TEST_F(GatewayHttpTest, UnknownRouteIs404AndWrongMethodIs405) {
  auto c = gw_->client();
  expect_error(c.get("/api/oc/v1/nothing-here"), 404, "NOT_FOUND");
  expect_error(c.get("/api/oc/v1/authenticate"), 405, "METHOD_NOT_ALLOWED");
  expect_error(c.post("/api/oc/v1/user-keys", "{}"), 405, "METHOD_NOT_ALLOWED");
}

TEST_F(GatewayHttpTest, MalformedAndWronglyTypedBodiesAre400) {
  auto c = gw_->client();
  const std::string route = "/api/oc/v1/authenticate";
  for (const std::string body : {"", "{", "[]", "42", "{\"authData\": }", "{\"a\":1} trailing", "\xff\xfe"}) {
    SCOPED_TRACE(body);
    expect_error(c.post(route, body), 400, "BAD_REQUEST");
  }
  // authData of the wrong type; idToken a number; unknown top-level field.
  expect_error(c.post(route, R"({"authData":"x"})"), 400, "BAD_REQUEST");
  expect_error(c.post(route, R"({"authData":{"idToken":5,"provider":"google"}})"), 400, "BAD_REQUEST");
  expect_error(c.post(route, R"({"authData":{"idToken":"t","provider":"google","extra":1}})"), 400, "BAD_REQUEST");
  expect_error(c.post(route, R"({"authData":{"idToken":"t","provider":"facebook"}})"), 400, "BAD_REQUEST");
  // Deep nesting is refused by the parser, not by a stack overflow.
  expect_error(c.post(route, std::string(10000, '[') + std::string(10000, ']')), 400, "BAD_REQUEST");
  // The server is still alive.
  expect_error(c.get("/api/oc/v1/nothing-here"), 404, "NOT_FOUND");
}

TEST_F(GatewayHttpTest, ErrorsNameTheOffendingField) {
  auto c = gw_->client();
  auto r = c.post("/api/oc/v1/authenticate",
                  R"({"authData":{"idToken":"t","provider":"google"},"sessionData":{"nonce":"not-a-uuid",)"
                  R"("clientSWA":"0x00000000000000000000000000000000000c11e7","sessionPk":"0x04"},)"
                  R"("sessionPkClientSignature":"0x","sessionDataUserSignature":"0x"})");
  expect_error(r, 400, "BAD_REQUEST");
  EXPECT_NE(r->body.find("sessionData.nonce"), std::string::npos) << r->body;
}

TEST_F(GatewayHttpTest, OversizedBodyIs400AndServerSurvives) {
  auto c = gw_->client();
  std::string big = "{\"authData\":\"" + std::string(200 * 1024, 'a') + "\"}";
  expect_error(c.post("/api/oc/v1/authenticate", big), 400, "BAD_REQUEST");
  auto again = gw_->client();
  expect_error(again.get("/api/oc/v1/nothing-here"), 404, "NOT_FOUND");
}

TEST_F(GatewayHttpTest, GarbageOnTheSocketDoesNotCrashTheServer) {
  namespace asio = boost::asio;
  asio::io_context io;
  asio::ip::tcp::socket s(io);
  s.connect({asio::ip::make_address("127.0.0.1"), gw_->port()});
  std::string junk = "\x01\x02 NOT HTTP AT ALL\r\n\r\n";
  asio::write(s, asio::buffer(junk));
  std::string reply(4096, '\0');
  boost::system::error_code ec;
  size_t n = s.read_some(asio::buffer(reply), ec);
  reply.resize(n);
  EXPECT_NE(reply.find("400"), std::string::npos) << reply;
  s.close();
  auto c = gw_->client();
  expect_error(c.get("/api/oc/v1/nothing-here"), 404, "NOT_FOUND");
}

TEST_F(GatewayHttpTest, BlockNumberMustBeDecimal) {
  auto c = gw_->client();
  expect_error(c.get("/api/oc/v1/chain/blocks/abc"), 400, "BAD_REQUEST");
  expect_error(c.get("/api/oc/v1/chain/sessions/0x1234"), 400, "BAD_REQUEST");
  expect_error(c.get("/api/oc/v1/chain/sessions/0x00000000000000000000000000000000000c11e7"), 404, "NOT_FOUND");
}

TEST_F(GatewayHttpTest, UserKeysNeedsABearerSessionToken) {
  auto c = gw_->client();
  expect_error(c.get("/api/oc/v1/user-keys"), 401, "UNAUTHORIZED");
  expect_error(c.get("/api/oc/v1/user-keys", "Bearer not.a-token"), 401, "UNAUTHORIZED");
  expect_error(c.get("/api/oc/v1/user-keys", "Basic dXNlcjpwYXNz"), 401, "UNAUTHORIZED");
}

TEST(GatewayRateLimit, PerIpLimitAnswers429) {
  TempDir dir;
  GatewayProcess gw(dir.path(), {"--rate-ip", "1"});  // burst 2, refill 1/s
  ASSERT_NE(gw.port(), 0);
  auto c = gw.client();
  int limited = 0;
  for (int i = 0; i < 6; ++i) {
    auto r = c.get("/api/oc/v1/nothing-here");
    ASSERT_TRUE(r.has_value());
    if (r->status == 429) {
      ++limited;
      EXPECT_EQ(error_code_of(*r), "RATE_LIMITED");
    } else {
      EXPECT_EQ(r->status, 404u);
    }
  }
  EXPECT_GE(limited, 3);
}

TEST(GatewayCli, BadArgumentsExit2) {
  for (const std::string args : {"", "--listen 127.0.0.1:0", "--listen nope --data /tmp/x",
                                 "--listen 127.0.0.1:0 --data /tmp/x --auth-nodes 3 --auth-quorum 4"}) {
    std::string cmd = std::string(OKMPC_BIN) + " gateway " + args + " >/dev/null 2>&1";
    int status = std::system(cmd.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << args;
    EXPECT_EQ(WEXITSTATUS(status), 2) << args;
  }
}

}  // namespace
}  // namespace okmpc::gateway::testing
