// `okmpc demo --users N`: concurrent onboarding throughput over loopback HTTP.
#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <mutex>
#include <thread>

#include "apps/bench/progress_bar.hpp"
#include "apps/gateway/demo_story.hpp"
#include "apps/gateway/http_client.hpp"
#include "apps/gateway/in_process_gateway.hpp"
#include "apps/gateway/onboarding_client.hpp"
#include "apps/gateway/unix_time.hpp"

namespace okmpc::gateway::demo {

namespace json = boost::json;

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  size_t idx = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(idx, v.size() - 1)];
}

struct PhaseResult {
  std::vector<double> latencies_ms;
  double seconds = 0;
  double cpu_seconds = 0;  // process CPU (user + system) during the phase
  uint32_t failures = 0;
  std::string first_error;
  LoginBreakdown sums;  // cpu_ms unused
  uint32_t from_pool = 0;
  uint32_t presigned = 0;  // logins whose signature used a presignature

  // The means per successful login.
  LoginBreakdown means() const {
    LoginBreakdown m;
    const auto ok = static_cast<double>(latencies_ms.size());
    if (ok == 0) return m;
    m.keygen_ms = sums.keygen_ms / ok;
    m.sign_ms = sums.sign_ms / ok;
    m.auth_ms = sums.auth_ms / ok;
    m.chain_ms = sums.chain_ms / ok;
    m.cpu_ms = 1000.0 * cpu_seconds / ok;
    return m;
  }
};

// User + system CPU seconds of the whole process so far.
double process_cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

// Runs work(http, i) for i in [0, n) on `concurrency` threads, each with its
// own keep-alive connection to the gateway.
template <class Work>
void for_each_login(uint16_t port, uint32_t n, unsigned concurrency, Work work) {
  std::atomic<uint32_t> next{0};
  auto worker = [&] {
    HttpClient http("127.0.0.1", port);
    for (uint32_t i = next++; i < n; i = next++) work(http, i);
  };
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < std::max(1u, concurrency); ++i) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
}

// One login's authenticate body (a fresh session key, a Google ID token
// bound to it, the client's and the session key's signatures), or why it
// could not be prepared.
struct PreparedLogin {
  std::string body;
  std::string failure;
};

// The client side of logins for users [0, n), made before the timed phase:
// the ID tokens come from the simulated Google provider, a third party
// whose RSA signing is not gateway work, and the session keys and their
// signatures are the clients' own work. The gateway's side — token checks
// by every auth node, DWN signing, chain inclusion — is what run_phase times.
std::vector<PreparedLogin> prepare_logins(uint16_t port, uint32_t n, unsigned concurrency, const std::string& tag) {
  std::vector<PreparedLogin> out(n);
  const auto registered = client::demo_registered_client();
  for_each_login(port, n, concurrency, [&](HttpClient& http, uint32_t i) {
    OsRng rng;
    auto key = session::SessionKey::generate(rng, static_cast<uint64_t>(unix_now()));
    json::object token_req{{"sub", tag + "-user-" + std::to_string(i)},
                           {"sessionPk", to_hex_prefixed(key.public_key())}};
    auto token = http.post("/dev/oidc/token", json::serialize(token_req));
    if (!token || token->status != 200) {
      out[i].failure = token ? token->body : token.error().describe();
      return;
    }
    std::string id_token(json::parse(token->body).at("data").at("idToken").as_string());
    out[i].body = json::serialize(client::authenticate_body(key, id_token, "google", client::new_uuid_v4(rng), registered));
  });
  return out;
}

// Posts the prepared logins, `concurrency` at a time, timing the phase, each
// request and the process CPU.
PhaseResult run_phase(uint16_t port, const std::vector<PreparedLogin>& logins, unsigned concurrency,
                      const char* label) {
  PhaseResult out;
  std::mutex mu;  // out, done and the bar
  uint32_t done = 0;
  const auto n = static_cast<uint32_t>(logins.size());
  bench::ProgressBar bar(std::cerr, bench::stderr_is_terminal());
  auto start = Clock::now();
  const double cpu_start = process_cpu_seconds();
  for_each_login(port, n, concurrency, [&](HttpClient& http, uint32_t i) {
    std::string failure = logins[i].failure;
    double latency = 0;
    json::object timing;
    if (failure.empty()) {
      auto t1 = Clock::now();
      auto r = http.post("/api/oc/v1/authenticate", logins[i].body);
      latency = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
      if (!r || r->status != 200) {
        failure = r ? r->body : r.error().describe();
      } else {
        const json::value answer = json::parse(r->body);
        timing = answer.at("data").at("okmpc").at("timing").as_object();
        const json::object& details = answer.at("data").at("okmpc").as_object();
        if (const json::value* dkg = details.if_contains("dkg"); dkg != nullptr && dkg->as_object().contains("fromPool") &&
                                                                   dkg->at("fromPool").as_bool()) {
          std::lock_guard lock(mu);
          ++out.from_pool;
        }
        if (details.at("signing").at("presigned").as_bool()) {
          std::lock_guard lock(mu);
          ++out.presigned;
        }
      }
    }
    {
      std::lock_guard lock(mu);
      if (failure.empty()) {
        out.latencies_ms.push_back(latency);
        out.sums.keygen_ms += timing["keygenMs"].to_number<double>();
        out.sums.sign_ms += timing["signMs"].to_number<double>();
        out.sums.auth_ms += timing["authMs"].to_number<double>();
        out.sums.chain_ms += timing["chainMs"].to_number<double>();
      } else {
        ++out.failures;
        if (out.first_error.empty()) out.first_error = failure;
      }
      bar.update(++done, n, label);
    }
  });
  out.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  out.cpu_seconds = process_cpu_seconds() - cpu_start;
  bar.finish();
  return out;
}

// Waits until the DWN has made every presignature asked for (idle-time
// work, see GatewayConfig::presign) or `limit` passes.
void wait_for_presignatures(const Gateway& gw, std::chrono::seconds limit) {
  const auto deadline = Clock::now() + limit;
  while (gw.presign_stats().pending > 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

}  // namespace

Result<ThroughputResult> run_throughput(const std::filesystem::path& data_dir, uint32_t users, unsigned concurrency,
                                        uint32_t key_pool, bool presign) {
  GatewayConfig config;
  config.presign = presign;
  config.key_pool = key_pool;
  config.key_pool_prefill = key_pool > 0;
  config.data_dir = data_dir;
  config.ip_rate_per_second = 0;        // a load test from one IP
  config.identity_rate_per_minute = 0;
  config.threads = std::max(4u, concurrency);
  if (key_pool > 0 && bench::stderr_is_terminal()) {
    std::fprintf(stderr, "filling the DWN key pool with %u key sets...\n", key_pool);
  }
  OKMPC_ASSIGN_OR_RETURN(auto gw, InProcessGateway::start(config));
  OsRng rng;
  const std::string tag = to_hex(rng.bytes<4>());
  ThroughputResult out;
  out.users = users;
  const dwn::PoolStats pool = gw->gateway().pool_stats();
  out.pool_sets = static_cast<uint32_t>(pool.generated);
  out.pool_seconds = pool.generation_seconds;
  out.pool_sets_per_second = pool.generation_seconds > 0 ? static_cast<double>(pool.generated) / pool.generation_seconds : 0;
  // Each phase's logins (fresh session keys and tokens for the same users)
  // are prepared before it starts; see prepare_logins.
  PhaseResult first = run_phase(gw->port(), prepare_logins(gw->port(), users, concurrency, tag), concurrency, "first");
  std::vector<PreparedLogin> returning = prepare_logins(gw->port(), users, concurrency, tag);
  // Between the phases the gateway is idle: the DWN makes the presignatures
  // the first logins asked for (while the logins above were prepared, and
  // here), as a deployment does between bursts.
  if (presign) {
    if (bench::stderr_is_terminal()) std::fprintf(stderr, "DWN nodes presigning in idle time...\n");
    wait_for_presignatures(gw->gateway(), std::chrono::seconds(300));
  }
  const dwn::PresignStats presigned = gw->gateway().presign_stats();
  out.presignatures_made = presigned.made;
  out.presign_seconds = presigned.seconds;
  PhaseResult again = run_phase(gw->port(), returning, concurrency, "returning");
  out.returning_presigned = again.presigned;
  out.failures = first.failures + again.failures;
  out.first_from_pool = first.from_pool;
  out.first_error = !first.first_error.empty() ? first.first_error : again.first_error;
  auto ok_first = static_cast<double>(first.latencies_ms.size());
  auto ok_again = static_cast<double>(again.latencies_ms.size());
  out.first_per_second = first.seconds > 0 ? ok_first / first.seconds : 0;
  out.first_p50_ms = percentile(first.latencies_ms, 0.50);
  out.first_p99_ms = percentile(first.latencies_ms, 0.99);
  out.returning_per_second = again.seconds > 0 ? ok_again / again.seconds : 0;
  out.returning_p50_ms = percentile(again.latencies_ms, 0.50);
  out.returning_p99_ms = percentile(again.latencies_ms, 0.99);
  out.first_mean = first.means();
  out.returning_mean = again.means();
  return out;
}

}  // namespace okmpc::gateway::demo
