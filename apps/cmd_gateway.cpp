// `okmpc gateway`: the HTTP gateway (docs/gateway.md). Prints
// "listening on HOST:PORT" once it accepts connections and serves until
// SIGINT/SIGTERM.
#include <signal.h>

#include <charconv>
#include <iostream>

#include "apps/cli.hpp"
#include "apps/gateway/gateway.hpp"
#include "apps/gateway/http_server.hpp"

namespace okmpc::cli {
namespace {

constexpr const char* kHelp = R"(usage: okmpc gateway --listen 127.0.0.1:PORT --data DIR
         [--oidc-jwks FILE --oidc-audience ID] [--clients FILE]
         [--auth-nodes 3 --auth-quorum 2 --dwn-nodes 3 --dwn-threshold 2]
         [--rate-ip PER_SECOND] [--rate-identity PER_MINUTE] [--threads N]
         [--malicious-auth-node I] [--dwn-down I[,J...]] [--key-pool N [--key-pool-fill]] [--no-presign] [--eddsa-receipts]

Serves the okmpc HTTP API (docs/gateway.md). PORT 0 picks a free port; the
chosen address is printed as "listening on HOST:PORT" once ready.
  --data DIR            users, sessions, chain, DWN shares (encrypted per node), OTP outbox
  --oidc-jwks FILE      Google's JWKS; without it a simulated Google provider runs in-process
                        and serves GET /dev/oidc/jwks and POST /dev/oidc/token
  --oidc-audience ID    the OAuth client id ID tokens must name (default okmpc-demo-client)
  --clients FILE        JSON [{"clientSWA":"0x…","signer":"0x…"}]; default: the demo client
  --rate-ip N           requests per second per client IP (default 1000; 0 = unlimited)
  --rate-identity N     authentications per minute per identity (default 60; 0 = unlimited)
  --malicious-auth-node I  auth node I attests falsely (fault injection for tests)
  --dwn-down I,J        DWN nodes I, J are down (fault injection for tests)
  --key-pool N          keep N pre-generated key sets for first logins, refilled in the
                        background at low priority (default 0: keys made at first login)
  --key-pool-fill       fill the key pool before listening (at normal priority)
  --no-presign          sign every UserOp in all three DKLs23 rounds; by default the DWN
                        makes each user's next presignature in idle time (memory only), so
                        a returning login signs in one online round
  --eddsa-receipts      also FROST-sign each registration record with the user's Ed25519 key
)";

bool parse_u32(const std::string& s, uint32_t& out) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool parse_double(const std::string& s, double& out) {
  try {
    size_t used = 0;
    out = std::stod(s, &used);
    return used == s.size() && out >= 0;
  } catch (...) {
    return false;
  }
}

int run_gateway(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv,
                          {"listen", "data", "oidc-jwks", "oidc-audience", "clients", "auth-nodes", "auth-quorum",
                           "dwn-nodes", "dwn-threshold", "rate-ip", "rate-identity", "threads",
                           "malicious-auth-node", "dwn-down", "key-pool"},
                          {"help", "eddsa-receipts", "key-pool-fill", "no-presign"}, &err);
  if (!args) return usage_error("gateway", err);
  if (args->flag("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error("gateway", "unexpected argument " + args->positional()[0]);
  auto listen = args->get("listen");
  auto data = args->get("data");
  if (!listen || !data) return usage_error("gateway", "--listen HOST:PORT and --data DIR are required");
  auto colon = listen->rfind(':');
  uint32_t port = 0;
  if (colon == std::string::npos || !parse_u32(listen->substr(colon + 1), port) || port > 65535) {
    return usage_error("gateway", "--listen must be HOST:PORT");
  }
  gateway::GatewayConfig config;
  config.data_dir = *data;
  if (auto v = args->get("oidc-jwks")) config.oidc_jwks = *v;
  if (auto v = args->get("oidc-audience")) config.oidc_audience = *v;
  if (auto v = args->get("clients")) config.clients = *v;
  struct U32Option {
    const char* name;
    uint32_t* target;
  };
  uint32_t threads = config.threads;
  for (auto [name, target] : {U32Option{"auth-nodes", &config.auth_nodes}, U32Option{"auth-quorum", &config.auth_quorum},
                              U32Option{"dwn-nodes", &config.dwn_nodes}, U32Option{"dwn-threshold", &config.dwn_threshold},
                              U32Option{"threads", &threads}, U32Option{"key-pool", &config.key_pool},
                              U32Option{"malicious-auth-node", &config.malicious_auth_node}}) {
    if (auto v = args->get(name); v && !parse_u32(*v, *target)) {
      return usage_error("gateway", std::string("--") + name + " must be a non-negative integer");
    }
  }
  config.threads = std::max(1u, threads);
  config.eddsa_receipts = args->flag("eddsa-receipts");
  config.key_pool_prefill = args->flag("key-pool-fill");
  config.presign = !args->flag("no-presign");
  if (auto v = args->get("rate-ip"); v && !parse_double(*v, config.ip_rate_per_second)) {
    return usage_error("gateway", "--rate-ip must be a non-negative number");
  }
  config.ip_burst = std::max(1.0, config.ip_rate_per_second * 2);
  if (auto v = args->get("rate-identity"); v && !parse_double(*v, config.identity_rate_per_minute)) {
    return usage_error("gateway", "--rate-identity must be a non-negative number");
  }
  config.identity_burst = std::max(1.0, std::min(20.0, config.identity_rate_per_minute));
  if (auto v = args->get("dwn-down")) {
    size_t start = 0;
    while (start <= v->size()) {
      size_t end = v->find(',', start);
      if (end == std::string::npos) end = v->size();
      uint32_t id = 0;
      if (!parse_u32(v->substr(start, end - start), id) || id < 1 || id > 32) {
        return usage_error("gateway", "--dwn-down takes node ids 1..32 separated by commas");
      }
      config.dwn_down_mask |= 1u << (id - 1);
      start = end + 1;
    }
  }
  if (config.auth_quorum < 1 || config.auth_quorum > config.auth_nodes) {
    return usage_error("gateway", "--auth-quorum must be between 1 and --auth-nodes");
  }
  if (config.dwn_threshold < 1 || config.dwn_threshold > config.dwn_nodes || config.dwn_nodes > 32) {
    return usage_error("gateway", "--dwn-threshold must be between 1 and --dwn-nodes, and --dwn-nodes at most 32 (the key pool tracks nodes in a 32-bit mask)");
  }

  // Block the stop signals before any thread starts so only sigwait sees them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  auto gw = gateway::Gateway::open(config);
  if (!gw) return failure("gateway", gw.error().describe());
  gateway::HttpServerOptions options;
  options.host = listen->substr(0, colon);
  options.port = static_cast<uint16_t>(port);
  options.threads = config.threads;
  options.max_body_bytes = config.max_body_bytes;
  gateway::Gateway* g = gw->get();
  auto server = gateway::HttpServer::start(options, [g](const gateway::HttpRequest& r) { return g->handle(r); });
  if (!server) return failure("gateway", server.error().describe());
  std::cout << "listening on " << options.host << ":" << (*server)->port() << std::endl;
  int sig = 0;
  sigwait(&stop_signals, &sig);
  (*server)->stop();
  return kExitOk;
}

}  // namespace

OKMPC_REGISTER_COMMAND("gateway", "serve the HTTP gateway (auth network, DWN, chain)", run_gateway);

}  // namespace okmpc::cli
