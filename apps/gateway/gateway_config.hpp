// Configuration of one gateway process (`okmpc gateway ...`, docs/gateway.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace okmpc::gateway {

struct GatewayConfig {
  std::filesystem::path data_dir;               // DATA: gateway.db, chain, dwn/, auth/, outbox.jsonl
  std::optional<std::filesystem::path> oidc_jwks;  // a JWKS file; absent → the simulated Google provider
  std::string oidc_audience = "okmpc-demo-client";
  std::optional<std::filesystem::path> clients;  // JSON [{clientSWA, signer}]; absent → the demo client
  uint32_t auth_nodes = 3;
  uint32_t auth_quorum = 2;
  uint32_t dwn_nodes = 3;
  uint32_t dwn_threshold = 2;
  // Rate limits (token buckets; 0 disables): requests per second per client
  // IP, and authentication attempts per minute per identity.
  double ip_rate_per_second = 1000;
  double ip_burst = 2000;
  double identity_rate_per_minute = 60;
  double identity_burst = 20;
  // Fault injection for tests and the demo: an auth node that attests falsely
  // (0 = none) and DWN nodes that are down (bit i-1 set = node i down).
  uint32_t malicious_auth_node = 0;
  uint32_t dwn_down_mask = 0;
  // DWN key pool (apps/dwn/key_pool.hpp): the refiller keeps `key_pool` free
  // pre-generated key sets (0 = no background refill: first logins generate
  // their keys on demand). key_pool_prefill: open() fills the pool before it
  // returns (the demo's throughput mode).
  uint32_t key_pool = 0;
  bool key_pool_prefill = false;
  // DKLs23 presignatures (apps/dwn/dwn_network.hpp): after each ECDSA
  // signature the DWN makes the key's next presignature in an idle moment,
  // so the user's next login signs in one online round. In memory only;
  // false = every signature runs all three rounds online.
  bool presign = true;
  // After inclusion the DWN also FROST-signs the registration record with the
  // user's Ed25519 key (the answer's okmpc.registrationReceipt).
  bool eddsa_receipts = false;
  // Group commit: how long the first request of a block waits for others to
  // join before the block is sealed and fsynced (apps/gateway/chain_batcher.hpp).
  unsigned chain_batch_window_us = 2000;
  unsigned threads = 4;
  size_t max_body_bytes = 64 * 1024;
};

}  // namespace okmpc::gateway
