// Threshold ECDSA (DKLs23, protocols/ecdsa) cost on the simulated network:
//   BM_EcdsaSetup/n   the one-time pairwise OT setup of an n-party key
//                     (n(n-1)/2 pairs, base OTs in both directions);
//   BM_EcdsaSign/t/n  one t-of-n signing (three rounds);
//   BM_EcdsaPresign/t/n, BM_EcdsaOnlineSign/t/n  the same signature split
//                     at the message (presign.hpp): two rounds ahead of
//                     time, then one online round;
//   BM_EcdsaSetupParse, BM_EcdsaGadgetVector  a returning login's per-node
//                     preparation (stored setup parse, one pair's gadget).
// The reported time is the compute of ALL parties summed (the RunReport's
// total_compute_ms, measured around every start/handle call), set as manual
// time; counters give rounds, messages, total bytes, bytes sent per party and
// party_cpu_ms, the mean over iterations of total_cpu_ms (the parties' thread
// CPU time summed: not inflated when other processes share the cores).
// The single-party floor BM_Baseline_Secp256k1_EcdsaSign is in
// bench/baseline_bench.cpp, same binary, same run.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/run_simulated.hpp"

namespace okmpc::ecdsa {
namespace {

struct Key {
  std::vector<dkg::KeyShare<Secp256k1>> shares;
  std::vector<EcdsaSetup> setups;
};

// DKG keys and their OT setup, cached per (t, n): not measured by BM_EcdsaSign.
const Key& key(uint32_t t, uint32_t n) {
  static std::map<std::pair<uint32_t, uint32_t>, std::unique_ptr<Key>> cache;
  auto& slot = cache[{t, n}];
  if (!slot) {
    DeterministicRng rng(uint64_t{0xEC05A} + t * 1000 + n);
    auto shares = dkg::generate_keys_simulated<Secp256k1>(t, n, rng);
    if (!shares) std::abort();
    auto setup = setup_simulated(*shares, rng);
    if (!setup) std::abort();
    slot = std::make_unique<Key>(Key{std::move(*shares), std::move(setup->setups)});
  }
  return *slot;
}

void add_counters(benchmark::State& st, const runtime::RunReport& r, size_t parties) {
  st.counters["rounds"] = r.rounds;
  st.counters["messages"] = static_cast<double>(r.messages);
  st.counters["bytes"] = static_cast<double>(r.bytes);
  st.counters["bytes_per_party"] = static_cast<double>(r.bytes) / static_cast<double>(parties);
}

void BM_EcdsaSetup(benchmark::State& st) {
  const uint32_t n = static_cast<uint32_t>(st.range(0));
  DeterministicRng rng(uint64_t{0x5E7});
  auto shares = dkg::generate_keys_simulated<Secp256k1>(2, n, rng);
  if (!shares) std::abort();
  runtime::RunReport last;
  double cpu_ms = 0;
  for (auto _ : st) {
    auto setup = setup_simulated(*shares, rng);
    if (!setup) std::abort();
    st.SetIterationTime(setup->report.total_compute_ms / 1000.0);
    cpu_ms += setup->report.total_cpu_ms;
    last = setup->report;
  }
  add_counters(st, last, n);
  st.counters["party_cpu_ms"] = cpu_ms / static_cast<double>(st.iterations());
  st.counters["pairs"] = n * (n - 1) / 2.0;
}
BENCHMARK(BM_EcdsaSetup)->Arg(3)->Arg(5)->UseManualTime()->Unit(benchmark::kMillisecond);

// The first t parties' shares and (re-parsed) setups of a cached key.
struct SignerSet {
  std::vector<dkg::KeyShare<Secp256k1>> shares;
  std::vector<EcdsaSetup> setups;
};
SignerSet first_signers(uint32_t t, uint32_t n) {
  const Key& k = key(t, n);
  SignerSet out;
  for (uint32_t i = 0; i < t; ++i) {
    out.shares.push_back(k.shares[i].clone());
    out.setups.push_back(EcdsaSetup::parse(k.setups[i].serialize().expose()).value());
  }
  return out;
}

void BM_EcdsaSign(benchmark::State& st) {
  const uint32_t t = static_cast<uint32_t>(st.range(0)), n = static_cast<uint32_t>(st.range(1));
  const SignerSet set = first_signers(t, n);
  const auto& signers = set.shares;
  const auto& setups = set.setups;
  DeterministicRng rng(uint64_t{0x516});
  const Hash32 digest = sha256(as_bytes("okmpc threshold ecdsa bench"));
  runtime::RunReport last;
  double cpu_ms = 0;
  for (auto _ : st) {
    auto out = sign_simulated(signers, setups, digest, rng);
    if (!out) std::abort();
    st.SetIterationTime(out->report.total_compute_ms / 1000.0);
    cpu_ms += out->report.total_cpu_ms;
    last = out->report;
  }
  add_counters(st, last, t);
  st.counters["party_cpu_ms"] = cpu_ms / static_cast<double>(st.iterations());
}
BENCHMARK(BM_EcdsaSign)->Args({2, 3})->Args({3, 5})->Args({5, 9})->UseManualTime()->Unit(benchmark::kMillisecond);

// Presigning (timed) or the online round (timed; a fresh presignature is
// made untimed before each iteration).
void ecdsa_split_bench(benchmark::State& st, bool online) {
  const uint32_t t = static_cast<uint32_t>(st.range(0)), n = static_cast<uint32_t>(st.range(1));
  const SignerSet set = first_signers(t, n);
  DeterministicRng rng(uint64_t{0x9125});
  const Hash32 digest = sha256(as_bytes("okmpc threshold ecdsa bench"));
  runtime::RunReport last;
  double cpu_ms = 0;
  for (auto _ : st) {
    auto pre = presign_simulated(set.shares, set.setups, rng);
    if (!pre) std::abort();
    runtime::RunReport report = pre->report;
    if (online) {
      auto out = sign_presigned_simulated(pre->presignatures, digest, rng);
      if (!out) std::abort();
      report = out->report;
    }
    st.SetIterationTime(report.total_compute_ms / 1000.0);
    cpu_ms += report.total_cpu_ms;
    last = report;
  }
  add_counters(st, last, t);
  st.counters["party_cpu_ms"] = cpu_ms / static_cast<double>(st.iterations());
}
void BM_EcdsaPresign(benchmark::State& st) { ecdsa_split_bench(st, false); }
void BM_EcdsaOnlineSign(benchmark::State& st) { ecdsa_split_bench(st, true); }
BENCHMARK(BM_EcdsaPresign)->Args({2, 3})->Args({3, 5})->UseManualTime()->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EcdsaOnlineSign)->Args({2, 3})->Args({3, 5})->UseManualTime()->Unit(benchmark::kMillisecond);

// What a returning login pays before signing: parsing one stored setup
// (checksum, seeds; a 2-of-3 key's setup holds two pairs) and deriving one
// pair's gadget vector (done once per signing peer, sign.hpp).
void BM_EcdsaSetupParse(benchmark::State& st) {
  const SecretBytes stored = key(2, 3).setups[0].serialize();
  for (auto _ : st) {
    auto parsed = EcdsaSetup::parse(stored.expose());
    if (!parsed) std::abort();
    benchmark::DoNotOptimize(parsed->pairs.size());
  }
}
BENCHMARK(BM_EcdsaSetupParse)->Unit(benchmark::kMicrosecond);

void BM_EcdsaGadgetVector(benchmark::State& st) {
  ByteArray<32> seed{};
  for (auto _ : st) {
    benchmark::DoNotOptimize(gadget_vector(seed));
    ++seed[0];
  }
}
BENCHMARK(BM_EcdsaGadgetVector)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace okmpc::ecdsa
