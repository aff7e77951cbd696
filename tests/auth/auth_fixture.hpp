// Shared fixtures for tests/auth: a process-wide simulated Google provider
// (RSA key generation is slow under sanitizers, so it is made once), session
// keys from fixed secrets via libsecp256k1, and a fixed clock.
#pragma once

#include <secp256k1.h>

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "auth/session_binding.hpp"
#include "auth/simulated_google.hpp"
#include "mpc/bytes.hpp"
#include "mpc/rng.hpp"

namespace okmpc::auth::testing {

inline constexpr uint64_t kNow = 1'790'000'000;  // a fixed "now" (2026-09)
inline const std::string kAudience = "okmpc-test-client.apps.googleusercontent.com";

// The uncompressed public key (0x04‖X‖Y) of the secret scalar `k` (1 <= k < 256).
inline Bytes session_pk(uint8_t k) {
  ByteArray<32> secret{};
  secret[31] = k;
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey pk;
  EXPECT_EQ(secp256k1_ec_pubkey_create(ctx, &pk, secret.data()), 1);
  Bytes out(65);
  size_t len = out.size();
  secp256k1_ec_pubkey_serialize(ctx, out.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  secp256k1_context_destroy(ctx);
  return out;
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Fixed RSA-2048 test keys (tests/auth/data), so tests skip key generation.
inline std::string test_key_pem(int which) {
  return read_text(std::string(OKMPC_SOURCE_DIR) + "/tests/auth/data/google_test_key_" + std::to_string(which) + ".pem");
}

// The provider every test trusts: key 1 as kid "sim-google-1".
inline SimulatedGoogle& google() {
  static SimulatedGoogle* g = [] {
    auto made = SimulatedGoogle::from_pem_keys({test_key_pem(1)});
    EXPECT_TRUE(made.has_value());
    return new SimulatedGoogle(std::move(*made));
  }();
  return *g;
}

// An impostor: key 2 published under the same kid "sim-google-1".
inline SimulatedGoogle& impostor() {
  static SimulatedGoogle* g = [] {
    auto made = SimulatedGoogle::from_pem_keys({test_key_pem(2)});
    EXPECT_TRUE(made.has_value());
    return new SimulatedGoogle(std::move(*made));
  }();
  return *g;
}

// A Google login for `subject` bound to the session key of secret `k`.
inline GoogleLogin login_for(const std::string& subject, uint8_t k, uint64_t issued_at = kNow - 10) {
  return GoogleLogin{kAudience, subject, subject + "@gmail.com", session_nonce(session_pk(k)), issued_at, 3600};
}

}  // namespace okmpc::auth::testing
