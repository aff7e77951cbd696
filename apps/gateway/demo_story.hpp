// `okmpc demo`: the whole onboarding story against a gateway running
// in-process on a loopback port, with every result checked independently of
// the code that produced it:
//   session key → Google ID token (simulated provider) → POST authenticate →
//   auth quorum (each attestation re-verified with libsodium against the
//   published node keys) → DKG figures → registration UserOp (owner
//   signature recovered with libsecp256k1, SWA recomputed by CREATE2) → its
//   block → GET user-keys with a session Bearer token → the DWN's FROST
//   signature of the registration record (verified with libsodium against
//   the user's EdDSA key) → a TOKEN_TRANSFER
//   signed by the session key and included → the chain re-verified by
//   replaying every block from genesis after the gateway shut down.
#pragma once

#include <boost/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "mpc/error.hpp"

namespace okmpc::gateway::demo {

struct Check {
  std::string what;
  bool ok = false;
  std::string detail;
};

struct StoryResult {
  boost::json::object facts;  // everything shown, machine-readable
  std::vector<Check> checks;
  bool all_ok() const {
    for (const auto& c : checks) {
      if (!c.ok) return false;
    }
    return !checks.empty();
  }
};

// Runs the story in `data_dir` (which should be empty). Transport or setup
// failures are errors; a failed check is recorded in `checks`.
Result<StoryResult> run_story(const std::filesystem::path& data_dir);

// Where one phase's logins spent their time: the means of the gateway's
// per-request timing (okmpc.timing), and the process CPU time of the phase
// per login (gateway, DWN nodes, clients and the background key-pool refill
// together, from getrusage).
struct LoginBreakdown {
  double keygen_ms = 0, sign_ms = 0, auth_ms = 0, chain_ms = 0;
  double cpu_ms = 0;
};

struct ThroughputResult {
  uint32_t users = 0;
  uint32_t failures = 0;
  double first_per_second = 0, first_p50_ms = 0, first_p99_ms = 0;
  double returning_per_second = 0, returning_p50_ms = 0, returning_p99_ms = 0;
  LoginBreakdown first_mean, returning_mean;
  std::string first_error;  // the first failure's body, if any
  // The DWN key pool, filled before the first logins (GatewayConfig::key_pool):
  // sets generated, wall seconds, and so sets per second. Sustained first
  // logins cannot outrun this rate; the burst above it is served from the pool.
  uint32_t pool_sets = 0;
  double pool_seconds = 0, pool_sets_per_second = 0;
  uint32_t first_from_pool = 0;  // first logins that claimed a pooled set
  // DKLs23 presignatures made in the idle time between the phases (wall
  // seconds spent making them) and returning logins that used one; the
  // others signed all three rounds online.
  uint64_t presignatures_made = 0;
  double presign_seconds = 0;
  uint32_t returning_presigned = 0;
};

// Fills the DWN key pool with `key_pool` sets (timed), then onboards `users`
// users concurrently over HTTP (first logins), then — with `presign`, after
// the DWN has made the presignatures the first logins asked for in the idle
// time between the phases — logs each in again (returning logins). Draws a
// progress bar on stderr when it is a terminal.
Result<ThroughputResult> run_throughput(const std::filesystem::path& data_dir, uint32_t users, unsigned concurrency,
                                        uint32_t key_pool, bool presign = true);

}  // namespace okmpc::gateway::demo
