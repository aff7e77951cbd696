// Native Ed25519 point arithmetic (mpc/ed25519_group.hpp, mpc/ed25519_msm.hpp)
// next to the libsodium calls it replaced, in the same run: decoding with the
// subgroup check (crypto_core_ed25519_is_valid_point), addition
// (crypto_core_ed25519_add on encodings), and multi-scalar multiplication
// against the old loop of crypto_scalarmult_ed25519_noclamp + add. Strauss and
// Pippenger are also measured separately to place kPippengerThreshold.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <vector>

#include "mpc/ed25519.hpp"
#include "mpc/ed25519_base.hpp"
#include "mpc/ed25519_msm.hpp"
#include "mpc/rng.hpp"

namespace okmpc {
namespace {

using P = Ed25519::Point;
using S = Ed25519::Scalar;

struct MsmInputs {
  std::vector<S> scalars;
  std::vector<P> points;
  std::vector<ByteArray<32>> ks, encodings;
  std::vector<ed25519::GeP3> gs;
  explicit MsmInputs(size_t n) {
    DeterministicRng rng(uint64_t{0xED25519});
    for (size_t i = 0; i < n; ++i) {
      scalars.push_back(S::random(rng));
      points.push_back(P::base_mul(S::random(rng)));
      ks.push_back(scalars.back().to_bytes());
      encodings.push_back(points.back().to_bytes());
      ed25519::GeP3 g;
      (void)ed25519::ge_decode(encodings.back(), &g);
      gs.push_back(g);
    }
  }
};

void BM_Ed25519_Decode(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(P::from_bytes(in.encodings[0]));
}
void BM_Lib_Ed25519_IsValidPoint(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(crypto_core_ed25519_is_valid_point(in.encodings[0].data()));
}
void BM_Ed25519_Add(benchmark::State& st) {
  const MsmInputs in(2);
  P acc = in.points[0];
  for (auto _ : st) {
    acc += in.points[1];
    benchmark::DoNotOptimize(acc);
  }
}
void BM_Lib_Ed25519_Add(benchmark::State& st) {
  const MsmInputs in(2);
  ByteArray<32> acc = in.encodings[0];
  for (auto _ : st) {
    const int rc = crypto_core_ed25519_add(acc.data(), acc.data(), in.encodings[1].data());
    benchmark::DoNotOptimize(rc);
    benchmark::DoNotOptimize(acc);
  }
}
void BM_Ed25519_Encode(benchmark::State& st) {
  const MsmInputs in(2);
  const P sum = in.points[0] + in.points[1];  // holds no encoding
  for (auto _ : st) benchmark::DoNotOptimize(sum.to_bytes());
}
void BM_Ed25519_MulVartime(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(P::mul_vartime(in.scalars[0], in.points[0]));
}
void BM_Lib_Ed25519_ScalarmultNoclamp(benchmark::State& st) {
  const MsmInputs in(1);
  ByteArray<32> out;
  for (auto _ : st) {
    const int rc = crypto_scalarmult_ed25519_noclamp(out.data(), in.ks[0].data(), in.encodings[0].data());
    benchmark::DoNotOptimize(rc);
    benchmark::DoNotOptimize(out);
  }
}
// k·B on the constant-time comb (mpc/ed25519_base.hpp) without and with the
// encoding, next to libsodium's crypto_scalarmult_ed25519_base_noclamp (which
// encodes) — the old Point::base_mul also decoded that output again.
void BM_Ed25519_BaseMulComb(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(ed25519::ge_base_mul(in.ks[0]));
}
void BM_Ed25519_BaseMul(benchmark::State& st) {
  const MsmInputs in(1);
  for (auto _ : st) benchmark::DoNotOptimize(P::base_mul(in.scalars[0]));
}
void BM_Lib_Ed25519_BaseNoclamp(benchmark::State& st) {
  const MsmInputs in(1);
  ByteArray<32> out;
  for (auto _ : st) {
    const int rc = crypto_scalarmult_ed25519_base_noclamp(out.data(), in.ks[0].data());
    benchmark::DoNotOptimize(rc);
    benchmark::DoNotOptimize(out);
  }
}
// a·B + b·P (verification): the base-table double multiplication against a
// two-term Strauss multi-scalar multiplication.
void BM_Ed25519_DoubleMulBase(benchmark::State& st) {
  const MsmInputs in(2);
  for (auto _ : st) benchmark::DoNotOptimize(P::double_mul_vartime(in.scalars[0], in.scalars[1], in.points[1]));
}
void BM_Ed25519_DoubleMulStrauss(benchmark::State& st) {
  const MsmInputs in(2);
  const P points[] = {P::generator(), in.points[1]};
  for (auto _ : st) benchmark::DoNotOptimize(P::multi_mul_vartime(in.scalars, points));
}
void BM_Ed25519_Msm(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(P::multi_mul_vartime(in.scalars, in.points));
}
void BM_Ed25519_MsmStrauss(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(ed25519::ge_multi_mul_strauss_vartime(in.ks, in.gs));
}
void BM_Ed25519_MsmPippenger(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) benchmark::DoNotOptimize(ed25519::ge_multi_mul_pippenger_vartime(in.ks, in.gs));
}
// The pre-native multi_mul_vartime: constant-time products summed on encodings.
void BM_Lib_Ed25519_MsmLoop(benchmark::State& st) {
  const MsmInputs in(static_cast<size_t>(st.range(0)));
  for (auto _ : st) {
    ByteArray<32> acc{1}, term;
    for (size_t i = 0; i < in.ks.size(); ++i) {
      if (crypto_scalarmult_ed25519_noclamp(term.data(), in.ks[i].data(), in.encodings[i].data()) != 0) continue;
      if (crypto_core_ed25519_add(acc.data(), acc.data(), term.data()) != 0) st.SkipWithError("add failed");
    }
    benchmark::DoNotOptimize(acc);
  }
}
void BM_Ed25519_EvalPoly(benchmark::State& st) {
  // t = range coefficients evaluated at party indices 1..n, n = 2t - 1.
  const auto t = static_cast<size_t>(st.range(0));
  const MsmInputs in(t);
  std::vector<uint32_t> xs;
  for (uint32_t i = 1; i <= 2 * t - 1; ++i) xs.push_back(i);
  for (auto _ : st) benchmark::DoNotOptimize(P::eval_poly_vartime(in.points, xs));
}

BENCHMARK(BM_Ed25519_Decode);
BENCHMARK(BM_Lib_Ed25519_IsValidPoint);
BENCHMARK(BM_Ed25519_Add);
BENCHMARK(BM_Lib_Ed25519_Add);
BENCHMARK(BM_Ed25519_Encode);
BENCHMARK(BM_Ed25519_MulVartime);
BENCHMARK(BM_Lib_Ed25519_ScalarmultNoclamp);
BENCHMARK(BM_Ed25519_BaseMulComb);
BENCHMARK(BM_Ed25519_BaseMul);
BENCHMARK(BM_Lib_Ed25519_BaseNoclamp);
BENCHMARK(BM_Ed25519_DoubleMulBase);
BENCHMARK(BM_Ed25519_DoubleMulStrauss);
BENCHMARK(BM_Ed25519_Msm)->RangeMultiplier(4)->Range(1, 1024);
BENCHMARK(BM_Lib_Ed25519_MsmLoop)->RangeMultiplier(4)->Range(1, 1024);
BENCHMARK(BM_Ed25519_MsmStrauss)->Arg(32)->Arg(64)->Arg(128)->Arg(256)->Arg(512);
BENCHMARK(BM_Ed25519_MsmPippenger)->Arg(32)->Arg(64)->Arg(128)->Arg(256)->Arg(512);
BENCHMARK(BM_Ed25519_EvalPoly)->Arg(2)->Arg(3)->Arg(11)->Arg(67);

}  // namespace
}  // namespace okmpc
