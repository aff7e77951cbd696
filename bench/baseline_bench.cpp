// Single-party floors: plain libsecp256k1 ECDSA and libsodium Ed25519 signing
// and verification. Every okmpc_bench run includes them so threshold-signing
// numbers read as ratios against these (STYLE.md §14).
#include <benchmark/benchmark.h>
#include <secp256k1.h>
#include <sodium.h>

#include "mpc/hash.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

struct EcdsaFixture {
  ByteArray<32> seckey;
  secp256k1_pubkey pubkey;
  Hash32 digest = sha256(as_bytes("okmpc baseline message"));
  secp256k1_ecdsa_signature sig;
  EcdsaFixture() {
    DeterministicRng rng(uint64_t{1});
    seckey = Secp256k1::Scalar::random(rng).to_bytes();
    if (secp256k1_ec_pubkey_create(secp256k1_ctx(), &pubkey, seckey.data()) != 1 ||
        secp256k1_ecdsa_sign(secp256k1_ctx(), &sig, digest.data(), seckey.data(), nullptr, nullptr) != 1) {
      std::abort();
    }
  }
};

void BM_Baseline_Secp256k1_EcdsaSign(benchmark::State& st) {
  EcdsaFixture f;
  secp256k1_ecdsa_signature sig;
  for (auto _ : st) {
    benchmark::DoNotOptimize(
        secp256k1_ecdsa_sign(secp256k1_ctx(), &sig, f.digest.data(), f.seckey.data(), nullptr, nullptr));
  }
}
BENCHMARK(BM_Baseline_Secp256k1_EcdsaSign);

void BM_Baseline_Secp256k1_EcdsaVerify(benchmark::State& st) {
  EcdsaFixture f;
  for (auto _ : st) {
    int ok = secp256k1_ecdsa_verify(secp256k1_ctx(), &f.sig, f.digest.data(), &f.pubkey);
    if (ok != 1) st.SkipWithError("baseline ECDSA signature did not verify");
    benchmark::DoNotOptimize(ok);
  }
}
BENCHMARK(BM_Baseline_Secp256k1_EcdsaVerify);

struct Ed25519Fixture {
  ByteArray<32> pk;
  ByteArray<64> sk;
  ByteArray<64> sig;
  Hash32 msg = sha256(as_bytes("okmpc baseline message"));
  Ed25519Fixture() {
    if (sodium_init() < 0) std::abort();
    ByteArray<32> seed{};
    seed[0] = 1;
    crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
    crypto_sign_detached(sig.data(), nullptr, msg.data(), msg.size(), sk.data());
  }
};

void BM_Baseline_Ed25519_Sign(benchmark::State& st) {
  Ed25519Fixture f;
  ByteArray<64> sig;
  for (auto _ : st) {
    benchmark::DoNotOptimize(crypto_sign_detached(sig.data(), nullptr, f.msg.data(), f.msg.size(), f.sk.data()));
  }
}
BENCHMARK(BM_Baseline_Ed25519_Sign);

void BM_Baseline_Ed25519_Verify(benchmark::State& st) {
  Ed25519Fixture f;
  for (auto _ : st) {
    int rc = crypto_sign_verify_detached(f.sig.data(), f.msg.data(), f.msg.size(), f.pk.data());
    if (rc != 0) st.SkipWithError("baseline Ed25519 signature did not verify");
    benchmark::DoNotOptimize(rc);
  }
}
BENCHMARK(BM_Baseline_Ed25519_Verify);

}  // namespace
}  // namespace okmpc
