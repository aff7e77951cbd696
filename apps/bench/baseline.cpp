#include "apps/bench/baseline.hpp"

#include <secp256k1.h>
#include <sodium.h>

#include <array>
#include <chrono>
#include <functional>
#include <vector>

#include "apps/bench/summary_stats.hpp"

namespace okmpc::bench {
namespace {

constexpr int kWarmup = 16;
constexpr int kBatches = 7;
constexpr int kPerBatch = 64;

// Runs `sign_once` kBatches × kPerBatch times after a warm-up; `check` runs
// once after every batch, outside the timed region.
Result<Baseline> time_signing(std::string curve, std::string operation, const std::function<bool(int)>& sign_once,
                              const std::function<bool()>& check) {
  for (int i = 0; i < kWarmup; ++i) {
    if (!sign_once(i)) return fail(ErrorCode::kInternal, operation + " failed");
  }
  std::vector<double> per_op;
  for (int b = 0; b < kBatches; ++b) {
    const auto start = std::chrono::steady_clock::now();
    bool ok = true;
    for (int i = 0; i < kPerBatch; ++i) ok &= sign_once(b * kPerBatch + i);
    const auto stop = std::chrono::steady_clock::now();
    if (!ok || !check()) return fail(ErrorCode::kInternal, operation + " produced a signature that does not verify");
    per_op.push_back(std::chrono::duration<double, std::milli>(stop - start).count() / kPerBatch);
  }
  return Baseline{std::move(curve), std::move(operation), summarize(per_op).median,
                  static_cast<uint64_t>(kBatches) * kPerBatch};
}

// A fixed, public message; the index varies the first byte so every
// signature is a fresh computation.
std::array<uint8_t, 32> message_for(int i) {
  std::array<uint8_t, 32> m{};
  for (size_t k = 0; k < m.size(); ++k) m[k] = static_cast<uint8_t>(0x5a ^ k);
  m[0] = static_cast<uint8_t>(i);
  return m;
}

Result<Baseline> secp256k1_baseline() {
  struct Context {
    secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    ~Context() { secp256k1_context_destroy(ctx); }
  } c;
  std::array<uint8_t, 32> key{};
  key[31] = 7;  // a fixed public test key: the baseline times signing, it protects nothing
  secp256k1_pubkey pk;
  if (!secp256k1_ec_pubkey_create(c.ctx, &pk, key.data())) return fail(ErrorCode::kInternal, "secp256k1 key setup failed");
  secp256k1_ecdsa_signature sig;
  std::array<uint8_t, 32> last{};
  auto sign = [&](int i) {
    last = message_for(i);
    return secp256k1_ecdsa_sign(c.ctx, &sig, last.data(), key.data(), nullptr, nullptr) == 1;
  };
  auto verify = [&] { return secp256k1_ecdsa_verify(c.ctx, &sig, last.data(), &pk) == 1; };
  return time_signing("secp256k1", "libsecp256k1 secp256k1_ecdsa_sign", sign, verify);
}

Result<Baseline> ed25519_baseline() {
  if (sodium_init() < 0) return fail(ErrorCode::kInternal, "libsodium failed to initialize");
  std::array<uint8_t, crypto_sign_SEEDBYTES> seed{};
  seed[0] = 7;  // a fixed public test key
  std::array<uint8_t, crypto_sign_PUBLICKEYBYTES> pk{};
  std::array<uint8_t, crypto_sign_SECRETKEYBYTES> sk{};
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
  std::array<uint8_t, crypto_sign_BYTES> sig{};
  std::array<uint8_t, 32> last{};
  auto sign = [&](int i) {
    last = message_for(i);
    return crypto_sign_detached(sig.data(), nullptr, last.data(), last.size(), sk.data()) == 0;
  };
  auto verify = [&] { return crypto_sign_verify_detached(sig.data(), last.data(), last.size(), pk.data()) == 0; };
  auto result = time_signing("ed25519", "libsodium crypto_sign_detached (Ed25519)", sign, verify);
  sodium_memzero(sk.data(), sk.size());
  return result;
}

}  // namespace

Result<Baseline> measure_baseline(std::string_view curve) {
  if (curve == "secp256k1") return secp256k1_baseline();
  if (curve == "ed25519") return ed25519_baseline();
  return fail(ErrorCode::kInvalidArgument, "no single-party baseline for curve '" + std::string(curve) + "'");
}

}  // namespace okmpc::bench
