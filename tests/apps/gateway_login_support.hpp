// A test client for the gateway's onboarding routes: session keys, ID tokens
// from the simulated Google provider's dev endpoint, signed authenticate
// requests (apps/gateway/onboarding_client.hpp).
#pragma once

#include <boost/json.hpp>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "apps/gateway/http_client.hpp"
#include "apps/gateway/onboarding_client.hpp"
#include "mpc/rng.hpp"

namespace okmpc::gateway::testing {

inline int64_t unix_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline std::string demo_client_swa_checksum() {
  return eth::to_checksum(*eth::parse_address(demo_client::kClientSwa));
}

class LoginClient {
 public:
  explicit LoginClient(uint16_t port) : http_("127.0.0.1", port), client_(client::demo_registered_client()) {}

  HttpClient& http() { return http_; }
  const client::RegisteredClient& registered() const { return client_; }

  session::SessionKey new_session_key() {
    return session::SessionKey::generate(rng_, static_cast<uint64_t>(unix_seconds()));
  }

  // An ID token for `sub` bound to `key`; `extra` adds dev-endpoint fields
  // (aud, iat, lifetime). "" if issuance failed (the test then fails).
  std::string google_token(const std::string& sub, const std::string& email, const session::SessionKey& key,
                           boost::json::object extra = {}) {
    boost::json::object req{{"sub", sub}, {"sessionPk", to_hex_prefixed(key.public_key())}};
    if (!email.empty()) req["email"] = email;
    for (auto& kv : extra) req[kv.key()] = kv.value();
    auto r = http_.post("/dev/oidc/token", boost::json::serialize(req));
    EXPECT_TRUE(r.has_value());
    if (!r || r->status != 200) {
      ADD_FAILURE() << "token issuance failed: " << (r ? r->body : r.error().describe());
      return "";
    }
    return std::string(boost::json::parse(r->body).at("data").at("idToken").as_string());
  }

  boost::json::object body(const session::SessionKey& key, const std::string& token, std::string nonce = "",
                           const std::string& provider = "google") {
    if (nonce.empty()) nonce = client::new_uuid_v4(rng_);
    return client::authenticate_body(key, token, provider, nonce, client_);
  }

  ClientResponse post_authenticate(const boost::json::object& body) {
    auto r = http_.post("/api/oc/v1/authenticate", boost::json::serialize(body));
    EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().describe());
    return r ? *r : ClientResponse{};
  }

  ClientResponse authenticate(const session::SessionKey& key, const std::string& token, std::string nonce = "",
                              const std::string& provider = "google") {
    return post_authenticate(body(key, token, std::move(nonce), provider));
  }

  // A Google login of `sub` with a fresh session key (for tests that do not
  // need the key afterwards).
  ClientResponse login_as(const std::string& sub) {
    auto key = new_session_key();
    return authenticate(key, google_token(sub, "", key));
  }

 private:
  HttpClient http_;
  client::RegisteredClient client_;
  OsRng rng_;
};

}  // namespace okmpc::gateway::testing
