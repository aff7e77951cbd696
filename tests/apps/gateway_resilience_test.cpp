// Faults over real HTTP: a gateway killed with SIGKILL loses nothing and
// creates no second wallet on restart; a compromised auth node that vouches
// for another identity is outvoted; with one of three DWN nodes down a
// returning user still gets a 2-of-3 threshold signature.
#include <gtest/gtest.h>

#include "gateway_fixture.hpp"
#include "gateway_login_support.hpp"

namespace okmpc::gateway::testing {
namespace {

boost::json::object data_of(const ClientResponse& r) {
  auto body = body_json(r);
  return body.contains("data") && body["data"].is_object() ? body["data"].as_object() : boost::json::object{};
}

TEST(GatewayResilience, RestartAfterSigkillLosesNothingAndMakesNoSecondWallet) {
  TempDir dir;
  boost::json::object first;
  std::string session_address;
  {
    GatewayProcess gw(dir.path());
    ASSERT_NE(gw.port(), 0);
    LoginClient c(gw.port());
    auto key = c.new_session_key();
    auto r = c.authenticate(key, c.google_token("restart-sub", "", key));
    ASSERT_EQ(r.status, 200u) << r.body;
    first = data_of(r);
    session_address = eth::to_checksum(key.address());
    int status = gw.stop(SIGKILL);
    ASSERT_TRUE(WIFSIGNALED(status));
  }
  GatewayProcess gw(dir.path());
  ASSERT_NE(gw.port(), 0) << "gateway did not restart on its data";
  LoginClient c(gw.port());
  // The acknowledged session and its block survived.
  auto s = c.http().get("/api/oc/v1/chain/sessions/" + session_address);
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->status, 200u) << s->body;
  EXPECT_EQ(data_of(*s)["userSWA"], first["userSWA"]);
  EXPECT_EQ(data_of(*s)["userOpHash"], first["okmpc"].as_object()["userOpHash"]);
  // The same user logs in again: same wallet and keys, no DKG.
  auto key = c.new_session_key();
  auto again = c.authenticate(key, c.google_token("restart-sub", "", key));
  ASSERT_EQ(again.status, 200u) << again.body;
  auto d = data_of(again);
  EXPECT_EQ(d["userSWA"], first["userSWA"]);
  EXPECT_FALSE(d["okmpc"].as_object()["firstLogin"].as_bool());
  EXPECT_EQ(d["okmpc"].as_object()["ecdsaPublicKey"], first["okmpc"].as_object()["ecdsaPublicKey"]);
}

TEST(GatewayResilience, MaliciousAuthNodeIsOutvoted) {
  TempDir dir;
  GatewayProcess gw(dir.path(), {"--malicious-auth-node", "3"});
  ASSERT_NE(gw.port(), 0);
  LoginClient c(gw.port());
  auto key = c.new_session_key();
  auto r = c.authenticate(key, c.google_token("mallory-target", "", key));
  ASSERT_EQ(r.status, 200u) << r.body;
  auto quorum = data_of(r)["okmpc"].as_object()["authQuorum"].as_object();
  std::vector<uint32_t> signers;
  for (const auto& s : quorum["signers"].as_array()) signers.push_back(s.to_number<uint32_t>());
  EXPECT_EQ(signers, (std::vector<uint32_t>{1, 2}));
  for (const auto& n : quorum["nodes"].as_array()) {
    if (n.at("nodeId").to_number<uint32_t>() == 3) {
      EXPECT_NE(std::string(n.at("verdict").as_string()), "attested");
    }
  }
}

TEST(GatewayResilience, OneDwnNodeDownStillSignsTwoOfThree) {
  TempDir dir;
  {
    GatewayProcess gw(dir.path());
    ASSERT_NE(gw.port(), 0);
    LoginClient c(gw.port());
    auto key = c.new_session_key();
    auto r = c.authenticate(key, c.google_token("dwn-sub", "", key));
    ASSERT_EQ(r.status, 200u) << r.body;
  }
  GatewayProcess gw(dir.path(), {"--dwn-down", "2"});
  ASSERT_NE(gw.port(), 0);
  LoginClient c(gw.port());
  auto key = c.new_session_key();
  auto r = c.authenticate(key, c.google_token("dwn-sub", "", key));
  ASSERT_EQ(r.status, 200u) << r.body;
  std::vector<uint32_t> signers;
  auto data = data_of(r);
  for (const auto& s : data["okmpc"].as_object()["signing"].as_object()["signers"].as_array()) {
    signers.push_back(s.to_number<uint32_t>());
  }
  EXPECT_EQ(signers, (std::vector<uint32_t>{1, 3}));
  // Key generation for a new user needs every node: refused, nothing created.
  auto k2 = c.new_session_key();
  auto fresh = c.authenticate(k2, c.google_token("dwn-new-sub", "", k2));
  EXPECT_EQ(fresh.status, 503u) << fresh.body;
  EXPECT_EQ(error_code_of(fresh), "QUORUM_NOT_MET");
}

}  // namespace
}  // namespace okmpc::gateway::testing
