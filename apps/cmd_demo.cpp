// `okmpc demo`: the whole onboarding story (apps/gateway/demo_story.hpp) on
// embedded defaults in a temporary data directory; `--users N` measures
// concurrent onboarding instead; `--self-check` only checks the crypto core.
#include <secp256k1.h>
#include <sodium.h>
#include <stdlib.h>

#include <charconv>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "apps/bench/baseline.hpp"
#include "apps/cli.hpp"
#include "apps/gateway/demo_story.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"

namespace okmpc::cli {
namespace {

namespace json = boost::json;

constexpr const char* kHelp = R"(usage: okmpc demo [--json] [--users N [--concurrency C] [--key-pool P] [--no-presign]] [--keep] [--self-check]

Runs the onboarding story end to end on loopback HTTP in a temporary data
directory: a session key, a Google ID token from the simulated provider,
authentication by the auth quorum, DKG of the user's secp256k1 and Ed25519
keys by the DWN nodes, the registration UserOp signed by threshold ECDSA and
included in a block, a FROST signature of the registration record by the
Ed25519 key, a TOKEN_TRANSFER signed by the session key — and checks
every result independently (libsodium, libsecp256k1, chain replay).
  --json           one JSON object on stdout
  --users N        onboard N users concurrently (then log them in again) and
                   print throughput and p50/p99 latency; each phase's session
                   keys, ID tokens and client signatures are prepared before
                   it starts, so the phase times the gateway's work only;
                   then one libsecp256k1 ECDSA signature is timed, so the
                   CPU per login reads as a ratio on a drifting machine
  --concurrency C  parallel clients for --users (default 8)
  --key-pool P     pre-generate P DWN key sets before the first logins and
                   report that generation rate separately (default N; 0 =
                   every first login runs its DKG and OT setup inline)
  --no-presign     returning logins sign all three DKLs23 rounds online; by
                   default the DWN makes each user's next presignature in
                   idle time after a login (in node memory only) and the
                   demo lets it finish between the phases, so a returning
                   login signs in one online round
  --keep           keep the data directory (its path is printed)
  --self-check     only the crypto-core known answers (keccak, address)
)";

int self_check() {
  const auto empty = keccak256(ByteView{});
  bool keccak_ok = to_hex(empty) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  ByteArray<32> one{};
  one[31] = 1;
  secp256k1_pubkey pk;
  ByteArray<65> ser{};
  size_t len = ser.size();
  bool ok = secp256k1_ec_pubkey_create(ctx, &pk, one.data()) == 1;
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  secp256k1_context_destroy(ctx);
  auto addr = eth::address_from_public_key(ser);
  bool addr_ok = ok && addr && eth::to_checksum(*addr) == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf";
  std::cout << "keccak256(\"\")            " << (keccak_ok ? "ok" : "WRONG") << "\n"
            << "address of private key 1 " << (addr_ok ? "ok" : "WRONG") << "\n";
  return keccak_ok && addr_ok ? kExitOk : kExitFailure;
}

std::string str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : json::serialize(v); }

json::object phase_json(double per_second, double p50_ms, double p99_ms, const gateway::demo::LoginBreakdown& m) {
  return json::object{{"perSecond", per_second}, {"p50Ms", p50_ms},        {"p99Ms", p99_ms},
                      {"keygenMsMean", m.keygen_ms}, {"signMsMean", m.sign_ms}, {"authMsMean", m.auth_ms},
                      {"chainMsMean", m.chain_ms},   {"cpuMsPerLogin", m.cpu_ms}};
}

std::string breakdown_text(const gateway::demo::LoginBreakdown& m) {
  std::ostringstream o;
  o << std::fixed << std::setprecision(1) << "keygen " << m.keygen_ms << " ms, threshold sign " << m.sign_ms
    << " ms, auth quorum " << m.auth_ms << " ms, chain " << m.chain_ms << " ms; process CPU " << m.cpu_ms
    << " ms per login";
  return o.str();
}

void print_story(const gateway::demo::StoryResult& r) {
  const auto& f = r.facts;
  const auto& auth = f.at("authenticate").as_object();
  const auto& d = auth.at("okmpc").as_object();
  std::cout << "okmpc demo — one onboarding, end to end (gateway " << str(f.at("gateway")) << ")\n\n";
  std::cout << "1. session key          " << str(f.at("sessionAddress")) << "\n";
  std::cout << "2. Google ID token      sub=" << str(f.at("googleSubject")) << " (simulated provider, RS256, nonce = keccak256(sessionPk))\n";
  const auto& quorum = d.at("authQuorum").as_object();
  size_t attested = 0;
  for (const auto& n : quorum.at("nodes").as_array()) attested += str(n.at("verdict")) == "attested" ? 1 : 0;
  std::cout << "3. auth quorum          " << attested << " of " << quorum.at("nodes").as_array().size()
            << " nodes attested (quorum " << quorum.at("quorum").to_number<uint32_t>() << "):";
  for (const auto& n : quorum.at("nodes").as_array()) {
    std::cout << " node " << n.at("nodeId").to_number<uint32_t>() << "=" << str(n.at("verdict"));
  }
  std::cout << "; certificate carries nodes";
  for (const auto& id : quorum.at("signers").as_array()) std::cout << " " << id.to_number<uint32_t>();
  std::cout << "\n";
  if (d.contains("dkg")) {
    const auto& k = d.at("dkg").as_object();
    auto line = [](const char* name, const json::value& rep) {
      std::cout << "   " << std::left << std::setw(20) << name << "rounds " << rep.at("rounds").to_number<uint32_t>()
                << ", messages " << rep.at("messages").to_number<uint64_t>() << ", bytes "
                << rep.at("bytes").to_number<uint64_t>() << ", compute " << std::fixed << std::setprecision(1)
                << rep.at("computeMs").to_number<double>() << " ms\n";
    };
    std::cout << "4. DWN key generation   (2-of-3 by default) in " << std::fixed << std::setprecision(1)
              << k.at("ms").to_number<double>() << " ms\n";
    line("secp256k1 DKG", k.at("ecdsa"));
    line("DKLs23 OT setup", k.at("ecdsaOtSetup"));
    line("Ed25519 DKG", k.at("eddsa"));
    if (k.contains("fromPool") && k.at("fromPool").as_bool()) {
      std::cout << "   (keys pre-generated by all DWN nodes into the key pool; claimed and bound to this user)\n";
    }
  }
  const auto& s = d.at("signing").as_object();
  std::cout << "5. registration UserOp  " << str(d.at("userOpHash")) << "\n"
            << "   signed by threshold ECDSA (DKLs23), nodes";
  for (const auto& id : s.at("signers").as_array()) std::cout << " " << id.to_number<uint32_t>();
  std::cout << ": rounds " << s.at("rounds").to_number<uint32_t>() << ", bytes " << s.at("bytes").to_number<uint64_t>()
            << ", " << std::setprecision(1) << s.at("ms").to_number<double>() << " ms\n"
            << "   owner " << str(d.at("ownerAddress")) << "  userSWA " << str(auth.at("userSWA")) << "\n";
  const auto& b = f.at("registrationBlock").as_object();
  std::cout << "6. included in block    #" << b.at("number").to_number<uint64_t>() << " " << str(b.at("hash"))
            << " (session valid until " << auth.at("sessionExpiry").to_number<uint64_t>() << ")\n";
  if (f.contains("frostReceipt")) {
    const auto& fr = f.at("frostReceipt").as_object();
    std::cout << "6b. FROST (Ed25519)     registration record signed by the EdDSA key, nodes";
    for (const auto& id : fr.at("signers").as_array()) std::cout << " " << id.to_number<uint32_t>();
    std::cout << ": rounds " << fr.at("rounds").to_number<uint32_t>() << ", bytes "
              << fr.at("bytes").to_number<uint64_t>() << ", " << std::setprecision(1)
              << fr.at("ms").to_number<double>() << " ms\n"
              << "   message   " << str(fr.at("message")) << "\n"
              << "   signature " << str(fr.at("signature")) << "\n";
  }
  const auto& t = f.at("tokenTransfer").as_object();
  std::cout << "7. TOKEN_TRANSFER       250 tokens to " << str(t.at("to")) << ", signed by the session key, block #"
            << t.at("blockNumber").to_number<uint64_t>() << "\n";
  if (f.contains("chain")) {
    const auto& c = f.at("chain").as_object();
    std::cout << "8. chain replayed       " << c.at("blocks").to_number<uint64_t>() << " blocks, "
              << c.at("entries").to_number<uint64_t>() << " entries, head " << str(c.at("headHash")) << "\n";
  }
  std::cout << "\nindependent checks:\n";
  for (const auto& c : r.checks) {
    std::cout << "  [" << (c.ok ? " ok " : "FAIL") << "] " << c.what << (c.detail.empty() ? "" : ": " + c.detail)
              << "\n";
  }
  std::cout << (r.all_ok() ? "\nall checks passed\n" : "\nSOME CHECKS FAILED\n");
}

int run_demo(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv, {"users", "concurrency", "key-pool"}, {"help", "json", "keep", "self-check", "no-presign"}, &err);
  if (!args) return usage_error("demo", err);
  if (args->flag("help")) {
    std::cout << kHelp;
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error("demo", "unexpected argument " + args->positional()[0]);
  if (sodium_init() < 0) return failure("demo", "libsodium failed to initialize");
  if (args->flag("self-check")) return self_check();
  uint32_t users = 0, concurrency = 8;
  for (auto [name, target] : {std::pair{"users", &users}, std::pair{"concurrency", &concurrency}}) {
    if (auto v = args->get(name)) {
      auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), *target);
      if (ec != std::errc() || p != v->data() + v->size() || *target == 0 || *target > 100000) {
        return usage_error("demo", std::string("--") + name + " must be an integer in 1..100000");
      }
    }
  }
  uint32_t key_pool = users;
  if (auto v = args->get("key-pool")) {
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), key_pool);
    if (ec != std::errc() || p != v->data() + v->size() || key_pool > 100000) {
      return usage_error("demo", "--key-pool must be an integer in 0..100000");
    }
  }
  std::string tmpl = (std::filesystem::temp_directory_path() / "okmpc-demo-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) return failure("demo", "cannot create a temporary directory");
  const std::filesystem::path dir = tmpl;
  struct Cleanup {
    std::filesystem::path dir;
    bool keep;
    ~Cleanup() {
      std::error_code ec;
      if (!keep) std::filesystem::remove_all(dir, ec);
    }
  } cleanup{dir, args->flag("keep")};
  if (args->flag("keep")) std::cerr << "data directory: " << dir.string() << "\n";

  if (users > 0) {
    auto r = gateway::demo::run_throughput(dir, users, concurrency, key_pool, !args->flag("no-presign"));
    if (!r) return failure("demo", r.error().describe());
    // This machine's speed right after the phases (it drifts): one
    // single-party libsecp256k1 signature, so the figures above can be read
    // as ratios, like every okmpc bench.
    auto reference = bench::measure_baseline("secp256k1");
    if (!reference) return failure("demo", reference.error().describe());
    const double ref_us = reference->ms_per_op * 1000;
    if (args->flag("json")) {
      json::object o{{"users", r->users},
                     {"failures", r->failures},
                     {"keyPool", json::object{{"sets", r->pool_sets},
                                              {"seconds", r->pool_seconds},
                                              {"setsPerSecond", r->pool_sets_per_second},
                                              {"firstLoginsFromPool", r->first_from_pool},
                                              {"note", "sustained first logins are bounded by setsPerSecond"}}},
                     {"presign", json::object{{"enabled", !args->flag("no-presign")},
                                              {"made", r->presignatures_made},
                                              {"seconds", r->presign_seconds},
                                              {"returningLoginsPresigned", r->returning_presigned},
                                              {"note", "made in idle time between the phases"}}},
                     {"firstLogin", phase_json(r->first_per_second, r->first_p50_ms, r->first_p99_ms,
                                               r->first_mean)},
                     {"returningLogin", phase_json(r->returning_per_second, r->returning_p50_ms,
                                                   r->returning_p99_ms, r->returning_mean)}};
      o["reference"] = json::object{{"operation", reference->operation},
                                    {"usPerOp", ref_us},
                                    {"returningCpuPerLoginInOps", r->returning_mean.cpu_ms * 1000 / ref_us}};
      if (!r->first_error.empty()) o["firstError"] = r->first_error;
      std::cout << json::serialize(o) << "\n";
    } else {
      std::cout << std::fixed << std::setprecision(1) << "onboarded " << r->users << " users over HTTP ("
                << concurrency << " concurrent clients), " << r->failures << " failures\n"
                << "  key pool:        " << r->pool_sets << " key sets pre-generated in " << r->pool_seconds
                << " s = " << std::setprecision(2) << r->pool_sets_per_second << std::setprecision(1)
                << " sets/s (DKG x2 + OT setup); " << r->first_from_pool << " first logins claimed a pooled set\n"
                << "                   sustained first logins cannot exceed the pool refill rate\n"
                << "  first login:     " << r->first_per_second << " /s   p50 " << r->first_p50_ms << " ms   p99 "
                << r->first_p99_ms << " ms\n"
                << "    mean per first login: " << breakdown_text(r->first_mean) << "\n"
                << "  presignatures:   " << r->presignatures_made << " made in idle time between the phases ("
                << r->presign_seconds << " s of presigning); " << r->returning_presigned << " of "
                << r->users << " returning logins signed in one online round\n"
                << "  returning login: " << r->returning_per_second << " /s   p50 " << r->returning_p50_ms
                << " ms   p99 " << r->returning_p99_ms << " ms\n"
                << "    mean per returning login: " << breakdown_text(r->returning_mean) << "\n"
                << "  this machine:    " << reference->operation << " " << ref_us
                << " us right after the runs; CPU per returning login = "
                << std::setprecision(0) << r->returning_mean.cpu_ms * 1000 / ref_us << std::setprecision(1)
                << " such signatures\n";
      if (!r->first_error.empty()) std::cout << "  first failure: " << r->first_error << "\n";
    }
    return r->failures == 0 ? kExitOk : kExitFailure;
  }

  auto story = gateway::demo::run_story(dir);
  if (!story) return failure("demo", story.error().describe());
  if (args->flag("json")) {
    json::array checks;
    for (const auto& c : story->checks) checks.push_back(json::object{{"check", c.what}, {"ok", c.ok}, {"detail", c.detail}});
    json::object o = story->facts;
    o["checks"] = std::move(checks);
    o["ok"] = story->all_ok();
    std::cout << json::serialize(o) << "\n";
  } else {
    print_story(*story);
  }
  return story->all_ok() ? kExitOk : kExitFailure;
}

}  // namespace

OKMPC_REGISTER_COMMAND("demo", "run the end-to-end onboarding demonstration", run_demo);

}  // namespace okmpc::cli
