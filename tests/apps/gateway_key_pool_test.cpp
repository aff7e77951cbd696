// The DWN key pool over real HTTP (apps/dwn/key_pool.hpp): a first-time user
// onboards with one of three DWN nodes down, because the keys were made
// beforehand by all nodes; the two live nodes bind them and sign 2-of-3.
// The down node binds its shares at the user's first login after it is
// back, and then signs when another node is down. With the pool empty and a
// node down, a new user is refused (generation needs every node). And the DWN's FROST receipt of a
// registration verifies with libsodium.
#include <sodium.h>

#include <gtest/gtest.h>

#include <thread>

#include "gateway_fixture.hpp"
#include "gateway_login_support.hpp"
#include "mpc/hex.hpp"

namespace okmpc::gateway::testing {
namespace {

boost::json::object data_of(const ClientResponse& r) {
  auto body = body_json(r);
  return body.contains("data") && body["data"].is_object() ? body["data"].as_object() : boost::json::object{};
}

std::vector<uint32_t> signers_of(boost::json::object& data) {
  std::vector<uint32_t> out;
  for (const auto& s : data["okmpc"].as_object()["signing"].as_object()["signers"].as_array()) {
    out.push_back(s.to_number<uint32_t>());
  }
  return out;
}

// Polls GET /api/oc/v1/dwn/pool until `free` sets are ready (bounded; with
// --key-pool-fill they are ready when the gateway listens).
bool wait_for_pool(HttpClient& http, int64_t free) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
  while (std::chrono::steady_clock::now() < deadline) {
    auto r = http.get("/api/oc/v1/dwn/pool");
    if (r && r->status == 200 && data_of(*r)["free"].to_number<int64_t>() >= free) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

TEST(GatewayKeyPool, FirstLoginWithOneDwnNodeDownUsesAPooledKeySet) {
  TempDir dir;
  {
    GatewayProcess gw(dir.path(), {"--key-pool", "1", "--key-pool-fill"});
    ASSERT_NE(gw.port(), 0);
    LoginClient c(gw.port());
    ASSERT_TRUE(wait_for_pool(c.http(), 1)) << "the pool was not filled";
  }
  std::string swa;
  {
    GatewayProcess gw(dir.path(), {"--dwn-down", "2"});
    ASSERT_NE(gw.port(), 0);
    LoginClient c(gw.port());
    auto key = c.new_session_key();
    auto r = c.authenticate(key, c.google_token("pool-sub", "", key));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto data = data_of(r);
    auto& details = data["okmpc"].as_object();
    EXPECT_TRUE(details["firstLogin"].as_bool());
    EXPECT_TRUE(details["dkg"].as_object()["fromPool"].as_bool());
    EXPECT_EQ(signers_of(data), (std::vector<uint32_t>{1, 3}));
    swa = std::string(data["userSWA"].as_string());
    auto s = c.http().get("/api/oc/v1/chain/sessions/" + eth::to_checksum(key.address()));
    ASSERT_TRUE(s && s->status == 200u);
    EXPECT_EQ(std::string(data_of(*s)["userSWA"].as_string()), swa);
    // The pool is empty now and generation needs every node.
    auto k2 = c.new_session_key();
    auto fresh = c.authenticate(k2, c.google_token("pool-sub-2", "", k2));
    EXPECT_EQ(fresh.status, 503u) << fresh.body;
    EXPECT_EQ(error_code_of(fresh), "QUORUM_NOT_MET");
  }
  // Node 2 is back: it missed the claim, so the next login binds its shares
  // (it checks the quorum certificate itself) and says so.
  {
    GatewayProcess gw(dir.path());
    ASSERT_NE(gw.port(), 0);
    LoginClient c(gw.port());
    auto r = c.login_as("pool-sub");
    ASSERT_EQ(r.status, 200u) << r.body;
    auto data = data_of(r);
    auto& details = data["okmpc"].as_object();
    EXPECT_FALSE(details["firstLogin"].as_bool());
    EXPECT_EQ(std::string(data["userSWA"].as_string()), swa);
    ASSERT_TRUE(details.contains("dwnRebound")) << r.body;
    EXPECT_EQ(details["dwnRebound"], boost::json::value(boost::json::array{2}));
    // A later login has nothing left to bind.
    auto again = c.login_as("pool-sub");
    ASSERT_EQ(again.status, 200u) << again.body;
    EXPECT_FALSE(data_of(again)["okmpc"].as_object().contains("dwnRebound")) << again.body;
  }
  // Now node 1 is down: nodes 2 and 3 hold bound shares and sign 2-of-3.
  // Without the re-binding only node 3 would, and the login would fail.
  GatewayProcess gw(dir.path(), {"--dwn-down", "1"});
  ASSERT_NE(gw.port(), 0);
  LoginClient c(gw.port());
  auto r = c.login_as("pool-sub");
  ASSERT_EQ(r.status, 200u) << r.body;
  auto data = data_of(r);
  EXPECT_EQ(std::string(data["userSWA"].as_string()), swa);
  EXPECT_EQ(signers_of(data), (std::vector<uint32_t>{2, 3}));
}

TEST(GatewayKeyPool, FrostReceiptOfTheRegistrationVerifiesWithLibsodium) {
  TempDir dir;
  GatewayProcess gw(dir.path(), {"--eddsa-receipts"});
  ASSERT_NE(gw.port(), 0);
  LoginClient c(gw.port());
  auto key = c.new_session_key();
  auto r = c.authenticate(key, c.google_token("frost-sub", "", key));
  ASSERT_EQ(r.status, 200u) << r.body;
  auto data = data_of(r);
  auto& details = data["okmpc"].as_object();
  ASSERT_TRUE(details.contains("registrationReceipt")) << r.body;
  auto& receipt = details["registrationReceipt"].as_object();
  ASSERT_TRUE(receipt.contains("signature")) << r.body;
  const std::string message(receipt["message"].as_string());
  auto signature = from_hex_prefixed(std::string(receipt["signature"].as_string()));
  auto public_key = from_hex_prefixed(std::string(receipt["eddsaPublicKey"].as_string()));
  ASSERT_TRUE(signature && signature->size() == crypto_sign_BYTES);
  ASSERT_TRUE(public_key && public_key->size() == crypto_sign_PUBLICKEYBYTES);
  ASSERT_EQ(sodium_init() >= 0, true);
  EXPECT_EQ(crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                        message.size(), public_key->data()),
            0);
  // It signs this registration: the session, the UserOp and the block.
  auto record = boost::json::parse(message).as_object();
  EXPECT_EQ(record["sessionAddress"], boost::json::value(eth::to_checksum(key.address())));
  EXPECT_EQ(record["userOpHash"], details["userOpHash"]);
  EXPECT_EQ(record["blockNumber"], details["blockNumber"]);
  EXPECT_EQ(receipt["eddsaPublicKey"], details["eddsaPublicKey"]);
  // A flipped message byte no longer verifies.
  std::string forged = message;
  forged[forged.size() / 2] ^= 1;
  EXPECT_NE(crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(forged.data()),
                                        forged.size(), public_key->data()),
            0);
}

}  // namespace
}  // namespace okmpc::gateway::testing
