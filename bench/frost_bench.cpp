// FROST (RFC 9591) signing cost, both ciphersuites, t-of-n = 2-of-3, 3-of-5,
// 11-of-15, 67-of-100. Views of one signing:
//   BM_FrostSign      all parties' compute summed, with the coordinator being
//                     signer 1 (RFC 9591 §5 allows it; FrostParty deploys it
//                     so): t × round1::commit, t × round2::sign (signer 1 via
//                     sign_keep_commitment) and aggregate reusing signer 1's
//                     group commitment R;
//   BM_FrostSignExternal  the same with an external coordinator, whose
//                     aggregate recomputes R (one more multi-scalar product);
//   BM_FrostSigners   the signers' rounds alone (no aggregation);
//   BM_FrostAggregate aggregation alone, external coordinator (computes R,
//                     verifies the signature once; shares only on failure);
//   BM_FrostAggregateAsSigner  aggregation alone with signer 1's R reused.
// Counters rounds/messages/bytes come from one run of the same signing on
// the simulated network. The single-party floors (BM_Baseline_*) are in
// bench/baseline_bench.cpp, same binary, same run.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>
#include <optional>
#include <utility>

#include "protocols/dkg/key_share.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::frost {
namespace {

template <Ciphersuite S>
struct Setup {
  std::vector<KeyShareOf<S>> signers;  // the first t key shares
  PublicKeyPackage<S> public_keys;
  runtime::RunReport report;
  Bytes message = Bytes(32, 0x42);
};

// Keys from the DKG, cached per (t, n): key generation is not measured.
template <Ciphersuite S>
const Setup<S>& setup(uint32_t t, uint32_t n) {
  static std::map<std::pair<uint32_t, uint32_t>, std::unique_ptr<Setup<S>>> cache;
  auto& slot = cache[{t, n}];
  if (!slot) {
    DeterministicRng rng(uint64_t{0xF7057} + t * 1000 + n);
    auto keys = dkg::generate_keys_simulated<typename S::Group>(t, n, rng);
    if (!keys) std::abort();
    slot = std::make_unique<Setup<S>>();
    slot->public_keys = PublicKeyPackage<S>::from_key_share((*keys)[0]);
    for (uint32_t i = 0; i < t; ++i) slot->signers.push_back((*keys)[i].clone());
    auto run = sign_simulated<S>(slot->signers, slot->message, rng);
    if (!run) std::abort();
    slot->report = run->report;
  }
  return *slot;
}

template <Ciphersuite S>
void add_counters(benchmark::State& st, const Setup<S>& s) {
  st.counters["t"] = static_cast<double>(s.signers.size());
  st.counters["rounds"] = s.report.rounds;
  st.counters["messages"] = static_cast<double>(s.report.messages);
  st.counters["bytes"] = static_cast<double>(s.report.bytes);
}

// Rounds one and two of every signer. Signer 1 (the first key) keeps its
// GroupCommitment for a coordinator that is also a signer.
template <Ciphersuite S>
struct SignedRound {
  SigningPackage<S> package;
  std::vector<SignatureShare<S>> shares;
  std::optional<GroupCommitment<S>> first_signer_commitment;
};

template <Ciphersuite S>
SignedRound<S> sign_all(const Setup<S>& s, Rng& rng) {
  SignedRound<S> r;
  r.package.message = s.message;
  std::vector<SigningNonces<S>> nonces;
  nonces.reserve(s.signers.size());
  for (const auto& key : s.signers) {
    auto out = round1::commit<S>(key, rng);
    r.package.commitments.push_back(out.commitments);
    nonces.push_back(std::move(out.nonces));
  }
  for (size_t k = 0; k < s.signers.size(); ++k) {
    if (k == 0) {
      auto out = round2::sign_keep_commitment<S>(r.package, std::move(nonces[k]), s.signers[k]);
      if (!out) std::abort();
      r.shares.push_back(out->share);
      r.first_signer_commitment.emplace(std::move(out->commitment));
      continue;
    }
    auto share = round2::sign<S>(r.package, std::move(nonces[k]), s.signers[k]);
    if (!share) std::abort();
    r.shares.push_back(*share);
  }
  return r;
}

// Who aggregates: signer 1 reusing its round-two R, or an external
// coordinator that computes R itself.
enum class Coordinator { kSigner, kExternal };

template <Ciphersuite S>
Result<Signature<S>> aggregate_as(Coordinator who, const SignedRound<S>& r, const Setup<S>& s) {
  if (who == Coordinator::kSigner) return aggregate<S>(r.package, r.shares, s.public_keys, *r.first_signer_commitment);
  return aggregate<S>(r.package, r.shares, s.public_keys);
}

// Both rounds of every signer plus aggregation, per iteration.
template <Ciphersuite S, Coordinator kWho>
void BM_FrostSignWith(benchmark::State& st) {
  const auto& s = setup<S>(static_cast<uint32_t>(st.range(0)), static_cast<uint32_t>(st.range(1)));
  DeterministicRng rng(uint64_t{kWho == Coordinator::kSigner ? 1u : 4u});
  for (auto _ : st) {
    auto sig = aggregate_as<S>(kWho, sign_all<S>(s, rng), s);
    if (!sig) std::abort();
    benchmark::DoNotOptimize(sig->z);
  }
  add_counters(st, s);
}

// Aggregation alone, on one fixed signing.
template <Ciphersuite S, Coordinator kWho>
void BM_FrostAggregateWith(benchmark::State& st) {
  const auto& s = setup<S>(static_cast<uint32_t>(st.range(0)), static_cast<uint32_t>(st.range(1)));
  DeterministicRng rng(uint64_t{kWho == Coordinator::kSigner ? 5u : 3u});
  const auto r = sign_all<S>(s, rng);
  for (auto _ : st) {
    auto sig = aggregate_as<S>(kWho, r, s);
    if (!sig) std::abort();
    benchmark::DoNotOptimize(sig->z);
  }
  add_counters(st, s);
}

template <Ciphersuite S>
void BM_FrostSign(benchmark::State& st) { BM_FrostSignWith<S, Coordinator::kSigner>(st); }
template <Ciphersuite S>
void BM_FrostSignExternal(benchmark::State& st) { BM_FrostSignWith<S, Coordinator::kExternal>(st); }
template <Ciphersuite S>
void BM_FrostAggregate(benchmark::State& st) { BM_FrostAggregateWith<S, Coordinator::kExternal>(st); }
template <Ciphersuite S>
void BM_FrostAggregateAsSigner(benchmark::State& st) { BM_FrostAggregateWith<S, Coordinator::kSigner>(st); }

template <Ciphersuite S>
void BM_FrostSigners(benchmark::State& st) {
  const auto& s = setup<S>(static_cast<uint32_t>(st.range(0)), static_cast<uint32_t>(st.range(1)));
  DeterministicRng rng(uint64_t{2});
  for (auto _ : st) {
    auto r = sign_all<S>(s, rng);
    benchmark::DoNotOptimize(r.shares.data());
  }
  add_counters(st, s);
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Args({2, 3})->Args({3, 5})->Args({11, 15})->Args({67, 100})->Unit(benchmark::kMillisecond);
}

BENCHMARK_TEMPLATE(BM_FrostSign, FrostEd25519Sha512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostSign, FrostSecp256k1Sha256)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostSignExternal, FrostEd25519Sha512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostSignExternal, FrostSecp256k1Sha256)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostSigners, FrostEd25519Sha512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostSigners, FrostSecp256k1Sha256)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostAggregate, FrostEd25519Sha512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostAggregate, FrostSecp256k1Sha256)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostAggregateAsSigner, FrostEd25519Sha512)->Apply(sizes);
BENCHMARK_TEMPLATE(BM_FrostAggregateAsSigner, FrostSecp256k1Sha256)->Apply(sizes);

}  // namespace
}  // namespace okmpc::frost
