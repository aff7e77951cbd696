// DKG on the simulated network (protocols/dkg, papers/dkg.md): all n parties
// in one process, single-threaded. The benchmark time is the whole run;
// counters report the sum of every party's compute time (steady clock, and
// thread CPU time, which other processes on the machine do not inflate), the
// simulated wall
// time (1 ms links, 1 Gbit/s, compute included), rounds, messages, bytes
// (all parties) and bytes sent per party.
//
// Arguments: t, n, share checks (1 batched, 0 per dealer), verification
// shares (0 kAuto, 1 computed locally, 2 exchanged in round 3).
#include <benchmark/benchmark.h>

#include "mpc/ed25519.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/point_sums.hpp"
#include "protocols/dkg/simulated.hpp"

namespace okmpc::dkg {
namespace {

template <Curve C>
void BM_Dkg(benchmark::State& state) {
  const auto t = static_cast<uint32_t>(state.range(0));
  const auto n = static_cast<uint32_t>(state.range(1));
  DkgOptions options;
  options.batch_verify = state.range(2) != 0;
  options.verification_shares = static_cast<VerificationShares>(state.range(3));
  runtime::RunReport last;
  double compute = 0, cpu = 0;
  uint64_t seed = 1;
  for (auto _ : state) {
    runtime::SimConfig net;
    net.seed = seed++;
    runtime::SessionId session{};
    session[0] = static_cast<uint8_t>(seed);
    auto run = run_dkg_simulated<C>(t, n, session, options, net);
    if (!run) {
      state.SkipWithError(run.error().describe().c_str());
      return;
    }
    compute += run->report.total_compute_ms;
    cpu += run->report.total_cpu_ms;
    last = run->report;
  }
  state.counters["compute_ms"] = compute / static_cast<double>(state.iterations());
  state.counters["cpu_ms"] = cpu / static_cast<double>(state.iterations());
  state.counters["wall_ms"] = last.simulated_ms;
  state.counters["rounds"] = last.rounds;
  state.counters["messages"] = static_cast<double>(last.messages);
  state.counters["bytes"] = static_cast<double>(last.bytes);
  state.counters["bytes_per_party"] = static_cast<double>(last.bytes) / n;
}

// Small sets: every variant. Large sets: batched (kAuto = exchange) and
// per-dealer, plus 67-of-100 with local verification shares (n·(t−1) small
// multiplications) to check kAuto's cost model; the per-dealer Ed25519 runs
// are dominated by point decoding and left to manual runs
// (--benchmark_filter, papers/dkg.md).
void Small(benchmark::internal::Benchmark* b) {
  for (auto [t, n] : {std::pair{2, 3}, {3, 5}}) {
    for (int batch : {1, 0}) b->Args({t, n, batch, 0});
    b->Args({t, n, 1, 1});
    b->Args({t, n, 1, 2});
  }
  b->ArgNames({"t", "n", "batch", "vshares"})->Unit(benchmark::kMillisecond)->Iterations(20)->Repetitions(3);
}

void Large(benchmark::internal::Benchmark* b, bool per_dealer) {
  for (auto [t, n] : {std::pair{67, 100}, {134, 200}}) {
    b->Args({t, n, 1, 0});
    if (per_dealer) b->Args({t, n, 0, 0});
  }
  if (per_dealer) b->Args({67, 100, 1, 1});  // local verification shares, for the kAuto cost model
  b->ArgNames({"t", "n", "batch", "vshares"})->Unit(benchmark::kMillisecond)->Iterations(1);
}

// One party's share of round 2 at t-of-n: summing the n dealers' commitment
// vectors coefficient by coefficient (Ĉ_k = Σ_i C_{i,k}), through the
// DKG's own sum_commitments_vartime. Counter: ns per point added.
template <Curve C>
void BM_SumCommitments(benchmark::State& state) {
  const auto t = static_cast<size_t>(state.range(0));
  const auto n = static_cast<size_t>(state.range(1));
  DeterministicRng rng(uint64_t{0x5C0});
  std::vector<std::vector<typename C::Point>> vectors(n);
  for (auto& v : vectors) {
    for (size_t k = 0; k < t; ++k) v.push_back(C::Point::base_mul(C::Scalar::random(rng)));
  }
  std::vector<const std::vector<typename C::Point>*> ptrs;
  for (const auto& v : vectors) ptrs.push_back(&v);
  for (auto _ : state) benchmark::DoNotOptimize(sum_commitments_vartime<C>(ptrs, t));
  state.counters["ns_per_point"] = benchmark::Counter(static_cast<double>(state.iterations() * n * t),
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

BENCHMARK(BM_SumCommitments<Secp256k1>)->Name("dkg_sum_commitments/secp256k1")->Args({3, 5})->Args({67, 100});

BENCHMARK(BM_Dkg<Secp256k1>)->Name("dkg/secp256k1")->Apply(Small);
BENCHMARK(BM_Dkg<Ed25519>)->Name("dkg/ed25519")->Apply(Small);
BENCHMARK(BM_Dkg<Secp256k1>)->Name("dkg/secp256k1")->Apply([](auto* b) { Large(b, true); });
BENCHMARK(BM_Dkg<Ed25519>)->Name("dkg/ed25519")->Apply([](auto* b) { Large(b, false); });

}  // namespace
}  // namespace okmpc::dkg
