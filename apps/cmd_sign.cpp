// `okmpc sign`: threshold signing with the share files written by
// `okmpc keygen`. The default scheme is FROST (RFC 9591, protocols/frost): the
// listed signers run on the simulated network and the coordinator's verified
// signature is printed. ECDSA (`--scheme ecdsa`, `--digest`, `--eip191`) is
// handed to the hidden "sign:ecdsa" handler with the same arguments.
// Exit 0: signed; 1: failure (missing or tampered share file, too few
// signers, protocol abort); 2: usage error.
#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "apps/cli.hpp"
#include "apps/keyshare_file.hpp"
#include "mpc/hex.hpp"
#include "protocols/frost/sign_simulated.hpp"

namespace okmpc::cli {
namespace {

namespace fs = std::filesystem;
using runtime::PartyId;

constexpr const char* kSignUsage =
    "usage: okmpc sign --keys DIR --signers 1,3,5 --message-hex HEX [--scheme frost|ecdsa] [--json]\n"
    "       okmpc sign --scheme ecdsa ... | --digest HEX32 ... | --eip191 TEXT ...   (threshold ECDSA)\n\n"
    "FROST (RFC 9591) signing with the key share files DIR/party-<i>.json written by `okmpc keygen`:\n"
    "FROST(Ed25519, SHA-512) for ed25519 keys (a standard 64-byte RFC 8032 signature), FROST(secp256k1,\n"
    "SHA-256) for secp256k1 keys (65 bytes, SerializeElement(R)||SerializeScalar(z)). The signers (at\n"
    "least the threshold, listed by identifier) run the two FROST rounds on the simulated network, the\n"
    "lowest identifier coordinating; every share and the signature are verified before printing.\n"
    "--json prints: scheme, curve, group_public_key, message, signature, rounds, messages, bytes, ms\n"
    "(signing wall time), compute_ms (all parties' compute). Exit 0 on success, 1 on failure, 2 on usage.\n";

bool wants_ecdsa(const std::vector<std::string>& argv) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    for (const char* opt : {"--digest", "--eip191"}) {
      if (a == opt || a.rfind(std::string(opt) + "=", 0) == 0) return true;
    }
    if (a == "--scheme=ecdsa" || (a == "--scheme" && i + 1 < argv.size() && argv[i + 1] == "ecdsa")) return true;
  }
  return false;
}

// "1,3,5" → {1, 3, 5} sorted; identifiers 1..255, no duplicates.
Result<std::vector<PartyId>> parse_signers(const std::string& text) {
  std::vector<PartyId> ids;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty() || item.size() > 3 || item.find_first_not_of("0123456789") != std::string::npos ||
        std::stoul(item) == 0 || std::stoul(item) > 255) {
      return fail(ErrorCode::kInvalidArgument, "--signers must list identifiers 1..255 separated by commas, got '" +
                                                   text + "'");
    }
    ids.push_back(static_cast<PartyId>(std::stoul(item)));
  }
  if (ids.empty() || text.back() == ',') {
    return fail(ErrorCode::kInvalidArgument, "--signers must list identifiers, e.g. 1,3,5");
  }
  std::sort(ids.begin(), ids.end());
  if (auto dup = std::adjacent_find(ids.begin(), ids.end()); dup != ids.end()) {
    return fail(ErrorCode::kInvalidArgument, "signer " + std::to_string(*dup) + " listed twice");
  }
  return ids;
}

fs::path share_path(const fs::path& dir, PartyId id) { return dir / ("party-" + std::to_string(id) + ".json"); }

// Loads the signers' share files and checks they belong to one key and that
// there are enough of them.
template <frost::Ciphersuite S>
Result<std::vector<frost::KeyShareOf<S>>> load_signers(const fs::path& dir, const std::vector<PartyId>& ids) {
  std::vector<frost::KeyShareOf<S>> keys;
  for (PartyId id : ids) {
    OKMPC_ASSIGN_OR_RETURN(auto key, keyshare::load_key_share<typename S::Group>(share_path(dir, id)));
    if (key.index != id) {
      return fail(ErrorCode::kCorrupted, share_path(dir, id).string() + " holds the share of party " +
                                             std::to_string(key.index) + ", not " + std::to_string(id));
    }
    if (!keys.empty() && (!(key.group_public_key == keys[0].group_public_key) ||
                          key.threshold != keys[0].threshold || key.parties != keys[0].parties)) {
      return fail(ErrorCode::kCorrupted, share_path(dir, id).string() + " belongs to another key than " +
                                             share_path(dir, ids[0]).string());
    }
    keys.push_back(std::move(key));
  }
  const uint32_t t = keys[0].threshold;
  if (keys.size() < t) {
    return fail(ErrorCode::kInvalidArgument, "the key needs at least " + std::to_string(t) + " signers (" +
                                                 std::to_string(t) + "-of-" + std::to_string(keys[0].parties) +
                                                 "), got " + std::to_string(keys.size()));
  }
  return keys;
}

template <frost::Ciphersuite S>
int sign_with(const std::string& curve, const fs::path& dir, const std::vector<PartyId>& ids, const Bytes& message,
              bool json) {
  auto keys = load_signers<S>(dir, ids);
  if (!keys) return failure("sign", keys.error().message);
  OsRng rng;
  const auto start = std::chrono::steady_clock::now();
  auto run = frost::sign_simulated<S>(*keys, message, rng);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!run) return failure("sign", "FROST signing failed: " + run.error().describe());

  const std::string pk = to_hex((*keys)[0].group_public_key.to_bytes());
  const std::string sig = to_hex(run->signature.to_bytes());
  const auto& report = run->report;
  if (json) {
    boost::json::object out{{"scheme", "frost"},
                            {"curve", curve},
                            {"ciphersuite", std::string(S::kName)},
                            {"group_public_key", pk},
                            {"message", to_hex(message)},
                            {"signature", sig},
                            {"signers", boost::json::array(ids.begin(), ids.end())},
                            {"rounds", report.rounds},
                            {"messages", report.messages},
                            {"bytes", report.bytes},
                            {"ms", ms},
                            {"compute_ms", report.total_compute_ms}};
    std::cout << boost::json::serialize(out) << "\n";
  } else {
    std::cout << S::kName << " signature by signers";
    for (PartyId id : ids) std::cout << " " << id;
    std::cout << "\n  group public key: " << pk << "\n  message:          " << to_hex(message)
              << "\n  signature:        " << sig << "\n  " << report.summary() << ", " << ms << " ms\n";
  }
  return kExitOk;
}

int run_sign(const std::vector<std::string>& argv) {
  if (wants_ecdsa(argv)) {
    const auto& all = commands();
    const auto it = all.find("sign:ecdsa");
    if (it == all.end()) return failure("sign", "threshold ECDSA signing is not available in this build");
    return it->second.run(argv);
  }
  std::string err;
  auto args = Args::parse(argv, {"keys", "signers", "message-hex", "scheme"}, {"help", "json"}, &err);
  if (!args) return usage_error("sign", err);
  if (args->flag("help")) {
    std::cout << kSignUsage;
    return kExitOk;
  }
  if (args->get_or("scheme", "frost") != "frost") return usage_error("sign", "--scheme must be frost or ecdsa");
  for (const char* required : {"keys", "signers", "message-hex"}) {
    if (!args->has(required)) return usage_error("sign", std::string("missing --") + required);
  }
  if (!args->positional().empty()) return usage_error("sign", "unexpected argument '" + args->positional()[0] + "'");
  auto ids = parse_signers(*args->get("signers"));
  if (!ids) return usage_error("sign", ids.error().message);
  auto message = from_hex_prefixed(*args->get("message-hex"));
  if (!message) return usage_error("sign", "--message-hex: " + message.error().message);
  if (message->size() > frost::kMaxMessageBytes) return usage_error("sign", "--message-hex: message above 1 MiB");
  const fs::path dir = *args->get("keys");
  if (!fs::is_directory(dir)) return failure("sign", "--keys: no directory " + dir.string());
  for (PartyId id : *ids) {
    if (!fs::exists(share_path(dir, id))) {
      return failure("sign", "signer " + std::to_string(id) + " has no share file " + share_path(dir, id).string());
    }
  }
  if (sodium_init() < 0) return failure("sign", "libsodium failed to initialize");
  auto curve = keyshare::peek_curve(share_path(dir, ids->front()));
  if (!curve) return failure("sign", curve.error().message);
  if (*curve == "ed25519") return sign_with<frost::FrostEd25519Sha512>(*curve, dir, *ids, *message, args->flag("json"));
  return sign_with<frost::FrostSecp256k1Sha256>(*curve, dir, *ids, *message, args->flag("json"));
}

}  // namespace

OKMPC_REGISTER_COMMAND("sign", "threshold-sign a message: FROST (default) or, with --scheme ecdsa, threshold ECDSA",
                       run_sign);

}  // namespace okmpc::cli
