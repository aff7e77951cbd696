// Hidden handlers "sign:ecdsa" and "verify:ecdsa": threshold ECDSA (DKLs23,
// protocols/ecdsa) behind `okmpc sign` / `okmpc verify`, which dispatch here
// for --scheme ecdsa, --digest, --eip191 (sign) or --address (verify).
//
// Key material in DIR: the DKG's share files DIR/party-<i>.json
// (apps/keyshare_file.hpp) and, per party, the DKLs23 pairwise OT setup
// DIR/ecdsa-setup-<i>.bin (protocols/ecdsa/setup.hpp format, mode 0600).
// The setup runs once per key: on the first signing (or when a setup file is
// missing or belongs to another key) every party's share file must be present
// and all n setup files are (re)written; later signings need only the
// signers' files.
#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "apps/cli.hpp"
#include "apps/keyshare_file.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"
#include "protocols/ecdsa/run_simulated.hpp"

namespace okmpc::cli {
namespace {

namespace fs = std::filesystem;
using Shares = std::vector<dkg::KeyShare<Secp256k1>>;
using runtime::PartyId;

constexpr const char* kSignHelp =
    "usage: okmpc sign --keys DIR --signers 1,3 (--digest HEX32 | --eip191 TEXT) [--scheme ecdsa] [--json]\n\n"
    "Threshold ECDSA (DKLs23, three rounds) over secp256k1 with the DKG share files DIR/party-<i>.json.\n"
    "--digest signs a 32-byte digest as is; --eip191 signs keccak256(\"\\x19Ethereum Signed Message:\\n\" || len || TEXT)\n"
    "(personal_sign). The signers run on the simulated network; the first signing with a key runs the\n"
    "pairwise OT setup (needs every party's share file) and stores DIR/ecdsa-setup-<i>.bin.\n"
    "Prints the 65-byte signature r||s||v (low s, v in {27,28}), verified with libsecp256k1 and by\n"
    "recovery before it is printed. --json fields: scheme, curve, group_public_key, address, digest,\n"
    "signature, rounds, messages, bytes, ms (signing wall time), compute_ms, setup_ran.\n"
    "Exit 0 on success, 1 on failure (protocol abort, missing files), 2 on usage errors.\n";

constexpr const char* kVerifyHelp =
    "usage: okmpc verify (--public-key HEX | --address 0x...) (--digest HEX32 | --eip191 TEXT) --signature HEX65\n"
    "                    [--scheme ecdsa] [--curve secp256k1] [--json]\n\n"
    "Checks a 65-byte Ethereum ECDSA signature r||s||v by public-key recovery (libsecp256k1): it must be\n"
    "low-s and recover to the given 33/65-byte public key or address. Exit 0 if valid, 1 if not, 2 on usage errors.\n";

fs::path share_path(const fs::path& dir, PartyId i) { return dir / ("party-" + std::to_string(i) + ".json"); }
fs::path setup_path(const fs::path& dir, PartyId i) { return dir / ("ecdsa-setup-" + std::to_string(i) + ".bin"); }

Result<std::vector<PartyId>> parse_signers(const std::string& text) {
  std::vector<PartyId> out;
  std::stringstream ss(text);
  std::string item;
  while (std::getline(ss, item, ',')) {
    if (item.empty() || item.size() > 3 || item.find_first_not_of("0123456789") != std::string::npos) {
      return fail(ErrorCode::kInvalidArgument, "--signers must be a comma-separated list of party numbers");
    }
    out.push_back(static_cast<PartyId>(std::stoul(item)));
  }
  if (out.empty()) return fail(ErrorCode::kInvalidArgument, "--signers is empty");
  return out;
}

Result<Hash32> digest_from(const Args& args) {
  if (args.has("digest") == args.has("eip191")) {
    return fail(ErrorCode::kInvalidArgument, "give exactly one of --digest HEX32 or --eip191 TEXT");
  }
  if (auto text = args.get("eip191")) return eth::personal_message_digest(as_bytes(*text));
  auto d = from_hex_fixed<32>(*args.get("digest"));
  if (!d) return fail(ErrorCode::kInvalidArgument, "--digest must be 32 bytes (64 hex digits): " + d.error().message);
  return *d;
}

Status write_secret_file(const fs::path& path, ByteView bytes) {
  const fs::path tmp = path.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
  if (fd < 0) return fail(ErrorCode::kIo, tmp.string() + ": cannot create");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n <= 0) {
      ::close(fd);
      return fail(ErrorCode::kIo, tmp.string() + ": write failed");
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) return fail(ErrorCode::kIo, tmp.string() + ": write failed");
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return fail(ErrorCode::kIo, path.string() + ": " + ec.message());
  return ok();
}

Result<ecdsa::EcdsaSetup> read_setup(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(ErrorCode::kNotFound, path.string() + ": not found");
  SecretBytes bytes(Bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>()));
  auto setup = ecdsa::EcdsaSetup::parse(bytes.expose());
  if (!setup) return fail(setup.error().code, path.string() + ": " + setup.error().message);
  return setup;
}

// Runs the pairwise setup among all n parties and writes their files.
Status run_setup(const fs::path& dir, const dkg::KeyShare<Secp256k1>& any, Rng& rng) {
  Shares all;
  for (PartyId i = 1; i <= any.parties; ++i) {
    auto s = keyshare::load_key_share<Secp256k1>(share_path(dir, i));
    if (!s) {
      return fail(s.error().code, "the one-time ECDSA setup needs every party's share file: " + s.error().message);
    }
    if (!(s->group_public_key == any.group_public_key)) {
      return fail(ErrorCode::kCorrupted, share_path(dir, i).string() + ": share of a different key");
    }
    all.push_back(std::move(*s));
  }
  OKMPC_ASSIGN_OR_RETURN(auto setup, ecdsa::setup_simulated(all, rng));
  for (const auto& s : setup.setups) OKMPC_TRY(write_secret_file(setup_path(dir, s.self), s.serialize().expose()));
  return ok();
}

int run_sign_ecdsa(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv, {"keys", "signers", "digest", "eip191", "scheme", "curve"}, {"help", "json"}, &err);
  if (!args) return usage_error("sign", err);
  if (args->flag("help")) {
    std::cout << kSignHelp;
    return kExitOk;
  }
  if (args->get_or("scheme", "ecdsa") != "ecdsa") return usage_error("sign", "--scheme must be ecdsa here");
  if (args->get_or("curve", "secp256k1") != "secp256k1") return usage_error("sign", "threshold ECDSA is secp256k1 only");
  if (!args->has("keys") || !args->has("signers")) return usage_error("sign", "--keys DIR and --signers LIST are required");
  auto digest = digest_from(*args);
  if (!digest) return usage_error("sign", digest.error().message);
  auto signers = parse_signers(*args->get("signers"));
  if (!signers) return usage_error("sign", signers.error().message);
  const fs::path dir = *args->get("keys");

  Shares shares;
  for (PartyId i : *signers) {
    auto s = keyshare::load_key_share<Secp256k1>(share_path(dir, i));
    if (!s) return failure("sign", "signer " + std::to_string(i) + ": " + s.error().message);
    shares.push_back(std::move(*s));
  }
  const auto& first = shares.front();
  for (const auto& s : shares) {
    if (!(s.group_public_key == first.group_public_key)) return failure("sign", "share files belong to different keys");
  }
  for (PartyId i : *signers) {
    if (i == 0 || i > first.parties) {
      return usage_error("sign", "unknown signer " + std::to_string(i) + " (parties are 1.." + std::to_string(first.parties) + ")");
    }
  }
  if (signers->size() < first.threshold) {
    return usage_error("sign", "need at least " + std::to_string(first.threshold) + " signers, got " +
                                   std::to_string(signers->size()));
  }

  OsRng rng;
  bool setup_ran = false;
  std::vector<ecdsa::EcdsaSetup> setups;
  for (int attempt = 0; attempt < 2 && setups.size() != shares.size(); ++attempt) {
    setups.clear();
    bool stale = false;
    for (const auto& s : shares) {
      auto st = read_setup(setup_path(dir, s.index));
      if (!st && st.error().code != ErrorCode::kNotFound) return failure("sign", st.error().message);
      if (!st || st->self != s.index || !(st->group_public_key == s.group_public_key)) {
        stale = true;
        break;
      }
      setups.push_back(std::move(*st));
    }
    if (stale) {
      setups.clear();
      if (attempt == 1) return failure("sign", "ECDSA setup files are inconsistent after running the setup");
      if (auto st = run_setup(dir, first, rng); !st) return failure("sign", st.error().describe());
      setup_ran = true;
    }
  }

  const auto t0 = std::chrono::steady_clock::now();
  auto out = ecdsa::sign_simulated(shares, setups, *digest, rng);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  if (!out) return failure("sign", out.error().describe());

  const auto address = eth::address_from_public_key(first.group_public_key.to_bytes_uncompressed());
  const std::string addr = address ? eth::to_checksum(*address) : "";
  if (args->flag("json")) {
    boost::json::object o{{"scheme", "ecdsa"},
                          {"curve", "secp256k1"},
                          {"group_public_key", to_hex(first.group_public_key.to_bytes())},
                          {"address", addr},
                          {"digest", to_hex_prefixed(*digest)},
                          {"signature", to_hex_prefixed(out->signature)},
                          {"rounds", out->report.rounds},
                          {"messages", out->report.messages},
                          {"bytes", out->report.bytes},
                          {"ms", ms},
                          {"compute_ms", out->report.total_compute_ms},
                          {"setup_ran", setup_ran}};
    std::cout << boost::json::serialize(o) << "\n";
  } else {
    std::cout << "threshold ECDSA (DKLs23) signature by parties " << *args->get("signers") << "\n"
              << "  address    " << addr << "\n"
              << "  digest     " << to_hex_prefixed(*digest) << "\n"
              << "  signature  " << to_hex_prefixed(out->signature) << "\n"
              << "  verified with libsecp256k1 (verify + recovery)\n"
              << "  " << out->report.rounds << " rounds, " << out->report.messages << " messages, "
              << out->report.bytes << " bytes, " << ms << " ms" << (setup_ran ? " (one-time OT setup ran first)" : "")
              << "\n";
  }
  return kExitOk;
}

int run_verify_ecdsa(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv, {"public-key", "address", "digest", "eip191", "signature", "scheme", "curve"},
                          {"help", "json"}, &err);
  if (!args) return usage_error("verify", err);
  if (args->flag("help")) {
    std::cout << kVerifyHelp;
    return kExitOk;
  }
  if (args->get_or("scheme", "ecdsa") != "ecdsa") return usage_error("verify", "--scheme must be ecdsa here");
  if (args->get_or("curve", "secp256k1") != "secp256k1") return usage_error("verify", "ECDSA is secp256k1 only");
  if (args->has("public-key") == args->has("address")) {
    return usage_error("verify", "give exactly one of --public-key HEX or --address 0x...");
  }
  auto digest = digest_from(*args);
  if (!digest) return usage_error("verify", digest.error().message);
  if (!args->has("signature")) return usage_error("verify", "--signature HEX65 is required");
  auto sig = from_hex_fixed<65>(*args->get("signature"));
  if (!sig) return usage_error("verify", "--signature must be 65 bytes r||s||v: " + sig.error().message);

  Status verdict;
  if (auto pk_hex = args->get("public-key")) {
    auto bytes = from_hex_prefixed(*pk_hex);
    if (!bytes) return usage_error("verify", "--public-key: " + bytes.error().message);
    auto pk = Secp256k1::Point::from_bytes(*bytes);
    if (!pk) return usage_error("verify", "--public-key: " + pk.error().message);
    verdict = ecdsa::verify_signature(*sig, *digest, *pk);
  } else {
    auto addr = eth::parse_address(*args->get("address"));
    if (!addr) return usage_error("verify", "--address: " + addr.error().message);
    verdict = ecdsa::verify_signature_address(*sig, *digest, *addr);
  }
  if (args->flag("json")) {
    boost::json::object o{{"scheme", "ecdsa"}, {"curve", "secp256k1"}, {"valid", verdict.has_value()}};
    if (!verdict) o["reason"] = verdict.error().message;
    std::cout << boost::json::serialize(o) << "\n";
  } else {
    std::cout << (verdict ? "valid" : "INVALID: " + verdict.error().message) << "\n";
  }
  return verdict ? kExitOk : kExitFailure;
}

}  // namespace

OKMPC_REGISTER_COMMAND("sign:ecdsa", "", run_sign_ecdsa);
OKMPC_REGISTER_COMMAND("verify:ecdsa", "", run_verify_ecdsa);

}  // namespace okmpc::cli
