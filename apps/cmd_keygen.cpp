// `okmpc keygen`: runs the distributed key generation (protocols/dkg) among
// n parties on the simulated network and writes one key share file per party
// (apps/keyshare_file.hpp). Exit 0 ok, 1 failure (protocol abort, I/O,
// existing files without --force), 2 usage error.
#include <boost/json.hpp>
#include <filesystem>
#include <iostream>
#include <memory>

#include "apps/cli.hpp"
#include "apps/keyshare_file.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"
#include "protocols/dkg/simulated.hpp"

namespace okmpc::cli {
namespace {

constexpr const char* kUsage =
    "usage: okmpc keygen --curve secp256k1|ed25519 --parties N --threshold T --out DIR\n"
    "                    [--seed HEX] [--force] [--json] [--batch-verify on|off]\n\n"
    "Runs the Pedersen/Feldman DKG with proofs of knowledge (FROST KeyGen, RFC 9591 Appendix C)\n"
    "among N simulated parties and writes DIR/party-<i>.json (mode 0600) for i = 1..N.\n"
    "  --threshold T      parties needed to sign (t-of-n), 1 <= T <= N <= 255\n"
    "  --seed HEX         deterministic run (same seed, same keys); default: OS randomness\n"
    "  --force            overwrite existing share files\n"
    "  --batch-verify     check all received shares in one equation (on, default) or per dealer\n"
    "  --json             print one JSON object: curve, threshold, parties, group_public_key,\n"
    "                     address (secp256k1), rounds, messages, bytes, ms (simulated wall time)\n";

struct Options {
  std::string curve;
  uint32_t parties = 0;
  uint32_t threshold = 0;
  std::filesystem::path out;
  std::optional<Bytes> seed;
  bool force = false;
  bool json = false;
  bool batch = true;
};

// Decimal 0..999 without sign, spaces or leading '+'.
std::optional<uint32_t> parse_count(const std::string& s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  uint32_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  return v;
}

// Fills `o` or returns the usage error's message.
std::optional<std::string> parse_options(const Args& a, Options& o) {
  for (const char* required : {"curve", "parties", "threshold", "out"}) {
    if (!a.get(required)) return "missing --" + std::string(required);
  }
  if (!a.positional().empty()) return "unexpected argument '" + a.positional()[0] + "'";
  o.curve = *a.get("curve");
  if (o.curve != "secp256k1" && o.curve != "ed25519") {
    return "unknown curve '" + o.curve + "' (use secp256k1 or ed25519)";
  }
  auto n = parse_count(*a.get("parties"));
  auto t = parse_count(*a.get("threshold"));
  if (!n) return "--parties must be a number 1..255";
  if (!t) return "--threshold must be a number 1..parties";
  if (*n < 1 || *n > 255) return "--parties must be 1..255, got " + std::to_string(*n);
  if (*t < 1) return "--threshold must be at least 1";
  if (*t > *n) return "--threshold (" + std::to_string(*t) + ") exceeds --parties (" + std::to_string(*n) + ")";
  o.parties = *n;
  o.threshold = *t;
  o.out = *a.get("out");
  if (o.out.empty()) return "--out must name a directory";
  if (auto seed = a.get("seed")) {
    auto bytes = from_hex_prefixed(*seed);
    if (!bytes || bytes->empty()) return "--seed must be non-empty hex";
    o.seed = std::move(*bytes);
  }
  const std::string batch = a.get_or("batch-verify", "on");
  if (batch != "on" && batch != "off") return "--batch-verify must be on or off";
  o.batch = batch == "on";
  o.force = a.flag("force");
  o.json = a.flag("json");
  return std::nullopt;
}

std::filesystem::path share_path(const Options& o, uint32_t i) {
  return o.out / ("party-" + std::to_string(i) + ".json");
}

template <Curve C>
int keygen(const Options& o) {
  // Randomness: a seed makes the whole run (session id, scheduling, every
  // party's coins) reproducible; otherwise each party draws from the OS.
  runtime::SimConfig net;
  runtime::SessionId session{};
  if (o.seed) {
    auto root = std::make_shared<const DeterministicRng>(ByteView(*o.seed));
    DeterministicRng rng = root->fork("keygen session");
    session = rng.bytes<32>();
    net.seed = rng.next_u64();  // scheduling only; the parties' coins use the whole seed
    net.party_rng = [root](runtime::PartyId id) -> std::unique_ptr<Rng> {
      return std::make_unique<DeterministicRng>(root->fork("keygen party", id));
    };
  } else {
    OsRng rng;
    session = rng.bytes<32>();
    net.seed = rng.next_u64();
    net.party_rng = [](runtime::PartyId) -> std::unique_ptr<Rng> { return std::make_unique<OsRng>(); };
  }
  dkg::DkgOptions options;
  options.batch_verify = o.batch;
  auto run = dkg::run_dkg_simulated<C>(o.threshold, o.parties, session, options, net);
  if (!run) return failure("keygen", "key generation failed: " + run.error().describe());

  for (uint32_t i = 1; i <= o.parties; ++i) {
    if (auto st = keyshare::write_key_share<C>(share_path(o, i), run->shares[i - 1], o.force); !st) {
      return failure("keygen", st.error().message);
    }
  }
  // Read one file back through the loader `okmpc sign` uses.
  auto back = keyshare::load_key_share<C>(share_path(o, 1));
  if (!back || !(back->group_public_key == run->shares[0].group_public_key)) {
    return failure("keygen", "written share file does not load back: " +
                                 (back ? std::string("group key differs") : back.error().message));
  }

  const auto& report = run->report;
  const std::string gpk = to_hex(run->shares[0].group_public_key.to_bytes());
  std::optional<std::string> address;
  if constexpr (std::is_same_v<C, Secp256k1>) {
    auto a = eth::address_from_public_key(run->shares[0].group_public_key.to_bytes_uncompressed());
    if (a) address = eth::to_checksum(*a);
  }
  if (o.json) {
    boost::json::object j;
    j["curve"] = o.curve;
    j["threshold"] = o.threshold;
    j["parties"] = o.parties;
    j["group_public_key"] = gpk;
    if (address) j["address"] = *address;
    j["rounds"] = report.rounds;
    j["messages"] = report.messages;
    j["bytes"] = report.bytes;
    j["ms"] = report.simulated_ms;
    j["compute_ms"] = report.total_compute_ms;
    j["cpu_ms"] = report.total_cpu_ms;
    j["network_ms"] = report.network_ms;
    j["batch_verify"] = o.batch;
    j["out"] = o.out.string();
    std::cout << boost::json::serialize(j) << "\n";
    return kExitOk;
  }
  std::cout << "okmpc keygen: " << o.threshold << "-of-" << o.parties << " " << o.curve << " key generated\n"
            << "  group public key  " << gpk << "\n";
  if (address) std::cout << "  address           " << *address << "\n";
  std::cout << "  share files       " << share_path(o, 1).string()
            << (o.parties > 1 ? " .. " + share_path(o, o.parties).filename().string() : std::string()) << " (mode 0600)\n"
            << "  run               " << report.summary() << "\n"
            << "  share checks      " << (o.batch ? "batched" : "per dealer") << "\n";
  return kExitOk;
}

int run_keygen(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv, {"curve", "parties", "threshold", "out", "seed", "batch-verify"},
                          {"help", "json", "force"}, &err);
  if (!args) return usage_error("keygen", err);
  if (args->flag("help")) {
    std::cout << kUsage;
    return kExitOk;
  }
  Options o;
  if (auto problem = parse_options(*args, o)) return usage_error("keygen", *problem);

  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  if (ec || !std::filesystem::is_directory(o.out)) {
    return failure("keygen", "cannot use output directory " + o.out.string() + (ec ? ": " + ec.message() : ""));
  }
  if (!o.force) {
    for (uint32_t i = 1; i <= o.parties; ++i) {
      if (std::filesystem::exists(share_path(o, i))) {
        return failure("keygen", share_path(o, i).string() + " exists; refusing to overwrite (use --force)");
      }
    }
  }
  return o.curve == "secp256k1" ? keygen<Secp256k1>(o) : keygen<Ed25519>(o);
}

}  // namespace

OKMPC_REGISTER_COMMAND("keygen", "distributed key generation on the simulated network", run_keygen);

}  // namespace okmpc::cli
