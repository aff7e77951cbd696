// secp256k1 multi-scalar multiplication for public inputs
// (mpc/secp256k1_msm.hpp) next to the loop it replaced in the same run:
// one secp256k1_ec_pubkey_tweak_mul per term plus one _combine
// (BM_Secp256k1Msm_NaiveLibsecp). Counters: ns_per_point.
// double_mul_vartime (a·G + b·P) is shown beside secp256k1_ecdsa_verify, the
// library's own a·G + b·P plus a little. The Strauss/Pippenger pair at each n
// is how kPippengerThreshold was chosen.
#include <benchmark/benchmark.h>
#include <secp256k1.h>

#include <vector>

#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_msm.hpp"

namespace okmpc {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;
namespace native = secp256k1_vartime;

struct MsmInputs {
  std::vector<Scalar> scalars;
  std::vector<Point> points;
  std::vector<native::Affine> affine;
  explicit MsmInputs(size_t n) {
    DeterministicRng rng(uint64_t{0x5EC9} + n);
    for (size_t i = 0; i < n; ++i) {
      scalars.push_back(Scalar::random(rng));
      points.push_back(Point::base_mul(Scalar::random(rng)));
      affine.push_back(native::from_pubkey(points.back().raw()));
    }
  }
};

void per_point(benchmark::State& st, size_t n) {
  st.counters["ns_per_point"] = benchmark::Counter(static_cast<double>(n) * 1e-9,
                                                   benchmark::Counter::kIsIterationInvariantRate |
                                                       benchmark::Counter::kInvert);
}

void BM_Secp256k1Msm_Native(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(Point::multi_mul_vartime(in.scalars, in.points));
  per_point(st, in.points.size());
}

void BM_Secp256k1Msm_Strauss(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(native::strauss_vartime(in.scalars, in.affine));
  per_point(st, in.points.size());
}

void BM_Secp256k1Msm_Pippenger(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(native::pippenger_vartime(in.scalars, in.affine));
  per_point(st, in.points.size());
}

// The replaced implementation: tweak_mul per term, one combine.
void BM_Secp256k1Msm_NaiveLibsecp(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  std::vector<ByteArray<32>> tweaks;
  for (const Scalar& s : in.scalars) tweaks.push_back(s.to_bytes());
  std::vector<secp256k1_pubkey> terms(in.points.size());
  std::vector<const secp256k1_pubkey*> ptrs;
  for (const secp256k1_pubkey& t : terms) ptrs.push_back(&t);
  for (auto _ : st) {
    for (size_t i = 0; i < terms.size(); ++i) {
      terms[i] = in.points[i].raw();
      benchmark::DoNotOptimize(secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &terms[i], tweaks[i].data()));
    }
    secp256k1_pubkey out;
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_combine(secp256k1_ctx(), &out, ptrs.data(), ptrs.size()));
  }
  per_point(st, in.points.size());
}

void msm_sizes(benchmark::internal::Benchmark* b) {
  for (int n : {1, 2, 3, 4, 8, 16, 24, 32, 48, 64, 128, 256, 1024}) b->Arg(n);
}

BENCHMARK(BM_Secp256k1Msm_Native)->Apply(msm_sizes);
BENCHMARK(BM_Secp256k1Msm_Strauss)->Apply(msm_sizes);
BENCHMARK(BM_Secp256k1Msm_Pippenger)->Apply(msm_sizes);
BENCHMARK(BM_Secp256k1Msm_NaiveLibsecp)->Apply(msm_sizes);

void BM_Secp256k1_DoubleMulVartime(benchmark::State& st) {
  const MsmInputs in(2);
  for (auto _ : st) benchmark::DoNotOptimize(Point::double_mul_vartime(in.scalars[0], in.scalars[1], in.points[0]));
}
BENCHMARK(BM_Secp256k1_DoubleMulVartime);

void BM_Secp256k1_Lib_EcdsaVerify(benchmark::State& st) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  ByteArray<32> key{}, msg{};
  key[31] = 7;
  msg[0] = 1;
  secp256k1_ecdsa_signature sig;
  secp256k1_pubkey pk;
  if (secp256k1_ecdsa_sign(ctx, &sig, msg.data(), key.data(), nullptr, nullptr) != 1 ||
      secp256k1_ec_pubkey_create(ctx, &pk, key.data()) != 1) {
    st.SkipWithError("libsecp256k1 setup failed");
  }
  for (auto _ : st) benchmark::DoNotOptimize(secp256k1_ecdsa_verify(ctx, &sig, msg.data(), &pk));
  secp256k1_context_destroy(ctx);
}
BENCHMARK(BM_Secp256k1_Lib_EcdsaVerify);

void BM_Secp256k1_MulVartime(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(Point::mul_vartime(in.scalars[0], in.points[0]));
}
BENCHMARK(BM_Secp256k1_MulVartime);

void BM_Secp256k1_Lib_TweakMul(benchmark::State& st) {
  const MsmInputs in(1);
  const ByteArray<32> tweak = in.scalars[0].to_bytes();
  for (auto _ : st) {
    secp256k1_pubkey r = in.points[0].raw();
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &r, tweak.data()));
  }
}
BENCHMARK(BM_Secp256k1_Lib_TweakMul);

void BM_Secp256k1_Sum(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(Point::sum(in.points));
}
BENCHMARK(BM_Secp256k1_Sum)->Arg(2)->Arg(5)->Arg(100);

void BM_Secp256k1_Lib_Combine(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  std::vector<const secp256k1_pubkey*> ptrs;
  for (const Point& p : in.points) ptrs.push_back(&p.raw());
  for (auto _ : st) {
    secp256k1_pubkey out;
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_combine(secp256k1_ctx(), &out, ptrs.data(), ptrs.size()));
  }
}
BENCHMARK(BM_Secp256k1_Lib_Combine)->Arg(2)->Arg(5)->Arg(100);

// Verification shares of a 67-of-100 DKG: 100 evaluations of a degree-66
// polynomial with point coefficients.
void BM_Secp256k1_EvalPoly(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  std::vector<uint32_t> xs;
  for (uint32_t i = 1; i <= static_cast<uint32_t>(st.range(1)); ++i) xs.push_back(i);
  for (auto _ : st) benchmark::DoNotOptimize(Point::eval_poly_vartime(in.points, xs));
}
BENCHMARK(BM_Secp256k1_EvalPoly)->Args({3, 5})->Args({67, 100});

}  // namespace
}  // namespace okmpc
