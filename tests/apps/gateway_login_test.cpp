// End-to-end onboarding over real HTTP on loopback: a first login runs the
// DKG and registers the session on the chain with a threshold-ECDSA-signed
// UserOp (checked here with libsecp256k1 directly), a returning login reuses
// the keys, and every rejection leaves the chain and the user store as they
// were.
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "apps/gateway/onboarding_client.hpp"
#include "apps/gateway/session_token.hpp"
#include "chain/account_factory.hpp"
#include "gateway_fixture.hpp"
#include "gateway_login_support.hpp"

namespace okmpc::gateway::testing {
namespace {

// Recovers the signer of a 65-byte r‖s‖v over `digest` with libsecp256k1
// alone and returns its 33-byte compressed public key as 0x-hex.
std::string recover_compressed(const Hash32& digest, const Bytes& sig) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_ecdsa_recoverable_signature rs;
  std::string out;
  if (sig.size() == 65 && (sig[64] == 27 || sig[64] == 28) &&
      secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rs, sig.data(), sig[64] - 27)) {
    secp256k1_pubkey pk;
    if (secp256k1_ecdsa_recover(ctx, &pk, &rs, digest.data())) {
      ByteArray<33> ser{};
      size_t len = ser.size();
      secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_COMPRESSED);
      out = to_hex_prefixed(ser);
    }
  }
  secp256k1_context_destroy(ctx);
  return out;
}

class GatewayLoginTest : public ::testing::Test {
 protected:
  void SetUp() override {
    gw_ = std::make_unique<GatewayProcess>(dir_.path());
    ASSERT_NE(gw_->port(), 0) << "gateway did not start";
  }
  TempDir dir_;
  std::unique_ptr<GatewayProcess> gw_;
  OsRng rng_;
};

TEST_F(GatewayLoginTest, FirstLoginRegistersASessionSignedByTheMpcKey) {
  LoginClient c(gw_->port());
  auto key = c.new_session_key();
  auto token = c.google_token("alice-sub", "alice@example.com", key);
  ASSERT_FALSE(token.empty());
  auto r = c.authenticate(key, token);
  ASSERT_EQ(r.status, 200u) << r.body;
  auto data = body_json(r)["data"].as_object();
  EXPECT_EQ(data["clientSWA"].as_string(), demo_client_swa_checksum());
  auto details = data["okmpc"].as_object();
  EXPECT_TRUE(details["firstLogin"].as_bool());
  EXPECT_TRUE(details.contains("dkg"));
  // All three nodes attested; the certificate carries exactly the quorum.
  auto quorum = details["authQuorum"].as_object();
  EXPECT_EQ(quorum["signers"].as_array().size(), 2u);
  ASSERT_EQ(quorum["nodes"].as_array().size(), 3u);
  for (const auto& n : quorum["nodes"].as_array()) EXPECT_EQ(n.at("verdict").as_string(), "attested");

  // The owner signature, checked with libsecp256k1 only.
  auto op_hash = *from_hex_fixed<32>(std::string(details["userOpHash"].as_string()));
  auto sig = *from_hex_prefixed(std::string(details["userOpSignature"].as_string()));
  EXPECT_EQ(recover_compressed(eth::personal_message_digest(op_hash), sig),
            std::string(details["ecdsaPublicKey"].as_string()));
  // The SWA is the factory's CREATE2 address of the MPC key's address.
  auto owner = *eth::parse_address(std::string(details["ownerAddress"].as_string()));
  EXPECT_EQ(std::string(data["userSWA"].as_string()), eth::to_checksum(chain::swa_address_for_owner(owner).address));

  // The chain records the session in the block the receipt names.
  auto s = c.http().get("/api/oc/v1/chain/sessions/" + eth::to_checksum(key.address()));
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->status, 200u) << s->body;
  auto record = body_json(*s)["data"].as_object();
  EXPECT_EQ(record["userSWA"], data["userSWA"]);
  EXPECT_EQ(record["validUntil"].as_int64(), data["sessionExpiry"].to_number<int64_t>());
  EXPECT_EQ(record["userOpHash"], details["userOpHash"]);
  auto block_number = record["blockNumber"].to_number<uint64_t>();
  auto b = c.http().get("/api/oc/v1/chain/blocks/" + std::to_string(block_number));
  ASSERT_TRUE(b.has_value());
  ASSERT_EQ(b->status, 200u) << b->body;
  bool found = false;
  auto block_body = body_json(*b);
  for (const auto& e : block_body["data"].as_object()["entries"].as_array()) {
    found |= e.as_object().at("hash") == details["userOpHash"];
  }
  EXPECT_TRUE(found);

  // user-keys with the session's Bearer token.
  auto bearer = "Bearer " + session_token::make(key, unix_seconds());
  auto k = c.http().get("/api/oc/v1/user-keys", bearer);
  ASSERT_TRUE(k.has_value());
  ASSERT_EQ(k->status, 200u) << k->body;
  auto keys = body_json(*k)["data"].as_object();
  EXPECT_EQ(keys["userSWA"], data["userSWA"]);
  EXPECT_EQ(keys["ecdsaPublicKey"], details["ecdsaPublicKey"]);
  EXPECT_EQ(keys["eddsaPublicKey"].as_string().size(), 2u + 64u);
  EXPECT_NE(keys["ecdsaKeyId"], keys["eddsaKeyId"]);
}

TEST_F(GatewayLoginTest, ReturningLoginReusesTheKeysAndWallet) {
  LoginClient c(gw_->port());
  auto k1 = c.new_session_key();
  auto first = c.authenticate(k1, c.google_token("bob-sub", "bob@example.com", k1));
  ASSERT_EQ(first.status, 200u) << first.body;
  auto k2 = c.new_session_key();
  auto second = c.authenticate(k2, c.google_token("bob-sub", "bob@example.com", k2));
  ASSERT_EQ(second.status, 200u) << second.body;
  auto d1 = body_json(first)["data"].as_object();
  auto d2 = body_json(second)["data"].as_object();
  EXPECT_EQ(d1["userSWA"], d2["userSWA"]);
  EXPECT_FALSE(d2["okmpc"].as_object()["firstLogin"].as_bool());
  EXPECT_FALSE(d2["okmpc"].as_object().contains("dkg"));
  EXPECT_EQ(d1["okmpc"].as_object()["ecdsaPublicKey"], d2["okmpc"].as_object()["ecdsaPublicKey"]);
}

// After a login the DWN makes the key's next presignature in an idle
// moment; a later login then signs in one online round, and its UserOp
// signature still recovers (libsecp256k1) to the user's MPC key.
TEST_F(GatewayLoginTest, ReturningLoginSignsWithAPresignatureInOneRound) {
  LoginClient c(gw_->port());
  auto k1 = c.new_session_key();
  auto first = c.authenticate(k1, c.google_token("carol-sub", "carol@example.com", k1));
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_FALSE(body_json(first)["data"].as_object()["okmpc"].as_object()["signing"].as_object()["presigned"].as_bool());
  const std::string public_key(body_json(first)["data"].as_object()["okmpc"].as_object()["ecdsaPublicKey"].as_string());
  // The presignature is idle-time work: give the gateway idle moments.
  bool presigned = false;
  for (int attempt = 0; attempt < 20 && !presigned; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    auto k = c.new_session_key();
    auto r = c.authenticate(k, c.google_token("carol-sub", "carol@example.com", k));
    ASSERT_EQ(r.status, 200u) << r.body;
    auto details = body_json(r)["data"].as_object()["okmpc"].as_object();
    auto signing = details["signing"].as_object();
    presigned = signing["presigned"].as_bool();
    EXPECT_EQ(signing["rounds"].to_number<int>(), presigned ? 1 : 3);
    auto op_hash = *from_hex_fixed<32>(std::string(details["userOpHash"].as_string()));
    auto sig = *from_hex_prefixed(std::string(details["userOpSignature"].as_string()));
    EXPECT_EQ(recover_compressed(eth::personal_message_digest(op_hash), sig), public_key);
  }
  EXPECT_TRUE(presigned) << "no login used a presignature";
}

TEST_F(GatewayLoginTest, RejectionsLeaveChainAndStoreUnchanged) {
  LoginClient c(gw_->port());
  auto key = c.new_session_key();
  auto good = c.authenticate(key, c.google_token("carol-sub", "carol@example.com", key));
  ASSERT_EQ(good.status, 200u) << good.body;
  const uint64_t head = body_json(good)["data"].as_object()["okmpc"].as_object()["blockNumber"].to_number<uint64_t>();
  const std::string nonce_used = std::string(body_json(good)["data"].as_object()["nonce"].as_string());

  struct Case {
    std::string name, expected;
    std::function<ClientResponse()> send;
  };
  auto other = c.new_session_key();
  std::vector<Case> cases = {
      {"replayed token", "TOKEN_REPLAYED",
       [&] {
         auto k = c.new_session_key();
         auto t = c.google_token("dave-sub", "dave@example.com", k);
         EXPECT_EQ(c.authenticate(k, t).status, 200u);
         return c.authenticate(k, t);
       }},
      {"reused nonce", "NONCE_REUSED",
       [&] {
         auto k = c.new_session_key();
         return c.authenticate(k, c.google_token("erin-sub", "", k), nonce_used);
       }},
      {"token bound to another session key", "INVALID_TOKEN",
       [&] {
         auto k = c.new_session_key();
         return c.authenticate(k, c.google_token("frank-sub", "", other));
       }},
      {"wrong audience", "INVALID_TOKEN",
       [&] {
         auto k = c.new_session_key();
         return c.authenticate(k, c.google_token("gina-sub", "", k, {{"aud", "someone-else"}}));
       }},
      {"expired token", "TOKEN_EXPIRED",
       [&] {
         auto k = c.new_session_key();
         return c.authenticate(k, c.google_token("hank-sub", "", k, {{"iat", unix_seconds() - 7200}, {"lifetime", 60}}));
       }},
      {"garbage token", "INVALID_TOKEN",
       [&] {
         auto k = c.new_session_key();
         return c.authenticate(k, "eyJhbGciOiJub25lIn0.e30.");
       }},
      {"session signature by another key", "INVALID_SESSION_SIGNATURE",
       [&] {
         auto k = c.new_session_key();
         auto body = c.body(k, c.google_token("ivan-sub", "", k));
         auto forged = c.body(other, "x");
         body["sessionDataUserSignature"] = forged["sessionDataUserSignature"];
         return c.post_authenticate(body);
       }},
      {"client signature by another key", "INVALID_CLIENT_SIGNATURE",
       [&] {
         auto k = c.new_session_key();
         auto body = c.body(k, c.google_token("judy-sub", "", k));
         body["sessionPkClientSignature"] = body["sessionDataUserSignature"];
         return c.post_authenticate(body);
       }},
      {"unknown client", "UNKNOWN_CLIENT",
       [&] {
         auto k = c.new_session_key();
         auto body = c.body(k, c.google_token("karl-sub", "", k));
         body["sessionData"].as_object()["clientSWA"] = "0x1111111111111111111111111111111111111111";
         return c.post_authenticate(body);
       }},
  };
  // carol: registration and faucet mint share block `head` (group commit);
  // the replay case logs dave in once more: one more block.
  const uint64_t expected_head = head + 1;
  for (auto& tc : cases) {
    SCOPED_TRACE(tc.name);
    ClientResponse r = tc.send();
    EXPECT_GE(r.status, 400u) << r.body;
    EXPECT_EQ(error_code_of(r), tc.expected) << r.body;
  }
  // No block beyond the ones the successful logins produced.
  auto next = c.http().get("/api/oc/v1/chain/blocks/" + std::to_string(expected_head + 1));
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->status, 404u) << next->body;
  auto last = c.http().get("/api/oc/v1/chain/blocks/" + std::to_string(expected_head));
  ASSERT_TRUE(last.has_value());
  EXPECT_EQ(last->status, 200u) << last->body;
}

}  // namespace
}  // namespace okmpc::gateway::testing
