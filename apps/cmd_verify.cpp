// `okmpc verify`: checks a Schnorr signature made by `okmpc sign` (FROST,
// RFC 9591). Ed25519 signatures are verified by libsodium's RFC 8032 verifier,
// secp256k1 ones by the RFC 9591 equation. ECDSA (`--scheme ecdsa`,
// `--address` or `--digest`) is handed to the hidden "verify:ecdsa" handler.
// Exit 0: valid; 1: invalid; 2: usage error.
#include <sodium.h>

#include <boost/json.hpp>
#include <iostream>

#include "apps/cli.hpp"
#include "mpc/hex.hpp"
#include "protocols/frost/verify.hpp"

namespace okmpc::cli {
namespace {

constexpr const char* kVerifyUsage =
    "usage: okmpc verify --curve ed25519|secp256k1 --public-key HEX --message-hex HEX --signature HEX\n"
    "                    [--scheme frost|ecdsa] [--json]\n"
    "       okmpc verify --scheme ecdsa ... | --address 0x... ...   (threshold ECDSA, see the ECDSA help)\n\n"
    "Verifies a FROST signature: ed25519 = 64-byte RFC 8032 signature R||z checked with libsodium\n"
    "under the 32-byte group key; secp256k1 = 65-byte SerializeElement(R)||SerializeScalar(z)\n"
    "(RFC 9591) under the 33-byte compressed group key. Exit 0 if valid, 1 if not, 2 on usage errors.\n";

bool wants_ecdsa(const std::vector<std::string>& argv) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--address" || a.rfind("--address=", 0) == 0 || a == "--digest" || a.rfind("--digest=", 0) == 0) {
      return true;
    }
    if (a == "--scheme=ecdsa" || (a == "--scheme" && i + 1 < argv.size() && argv[i + 1] == "ecdsa")) return true;
  }
  return false;
}

// Verifies with the curve's reference: libsodium for Ed25519, the RFC 9591
// equation for secp256k1. Returns the reason on rejection.
Status verify_frost(std::string_view curve, ByteView public_key, ByteView message, ByteView signature) {
  if (curve == "ed25519") {
    if (public_key.size() != crypto_sign_PUBLICKEYBYTES) {
      return fail(ErrorCode::kInvalidEncoding, "ed25519 public key must be 32 bytes");
    }
    if (signature.size() != crypto_sign_BYTES) {
      return fail(ErrorCode::kInvalidEncoding, "ed25519 signature must be 64 bytes");
    }
    if (crypto_sign_verify_detached(signature.data(), message.data(), message.size(), public_key.data()) != 0) {
      return fail(ErrorCode::kVerificationFailed, "ed25519 signature does not verify");
    }
    return ok();
  }
  return frost::verify_signature_bytes_vartime<frost::FrostSecp256k1Sha256>(public_key, message, signature);
}

int run_verify(const std::vector<std::string>& argv) {
  if (wants_ecdsa(argv)) {
    const auto& all = commands();
    const auto it = all.find("verify:ecdsa");
    if (it == all.end()) return failure("verify", "threshold ECDSA verification is not available in this build");
    return it->second.run(argv);
  }
  std::string err;
  auto args = Args::parse(argv, {"curve", "public-key", "message-hex", "signature", "scheme"}, {"help", "json"}, &err);
  if (!args) return usage_error("verify", err);
  if (args->flag("help")) {
    std::cout << kVerifyUsage;
    return kExitOk;
  }
  if (args->get_or("scheme", "frost") != "frost") return usage_error("verify", "--scheme must be frost or ecdsa");
  for (const char* required : {"curve", "public-key", "message-hex", "signature"}) {
    if (!args->has(required)) return usage_error("verify", std::string("missing --") + required);
  }
  const std::string curve = *args->get("curve");
  if (curve != "ed25519" && curve != "secp256k1") {
    return usage_error("verify", "--curve must be ed25519 or secp256k1, got '" + curve + "'");
  }
  auto public_key = from_hex_prefixed(*args->get("public-key"));
  if (!public_key) return usage_error("verify", "--public-key: " + public_key.error().message);
  auto message = from_hex_prefixed(*args->get("message-hex"));
  if (!message) return usage_error("verify", "--message-hex: " + message.error().message);
  auto signature = from_hex_prefixed(*args->get("signature"));
  if (!signature) return usage_error("verify", "--signature: " + signature.error().message);
  if (sodium_init() < 0) return failure("verify", "libsodium failed to initialize");

  const Status verdict = verify_frost(curve, *public_key, *message, *signature);
  if (args->flag("json")) {
    boost::json::object out{{"scheme", "frost"}, {"curve", curve}, {"valid", verdict.has_value()}};
    if (!verdict) out["reason"] = verdict.error().message;
    std::cout << boost::json::serialize(out) << "\n";
  } else {
    std::cout << (verdict ? "valid" : "INVALID: " + verdict.error().message) << "\n";
  }
  return verdict ? kExitOk : kExitFailure;
}

}  // namespace

OKMPC_REGISTER_COMMAND("verify", "verify a FROST (or, with --scheme ecdsa, threshold ECDSA) signature", run_verify);

}  // namespace okmpc::cli
