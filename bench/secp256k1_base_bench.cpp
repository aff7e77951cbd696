// secp256k1 fixed-base multiplication (mpc/secp256k1_base.hpp) next to
// libsecp256k1's secp256k1_ec_pubkey_create (BM_Lib_Secp256k1_PubkeyCreate
// in bench/mpc_bench.cpp, same run):
//   BM_Secp256k1Base_BaseMul        Point::base_mul (comb + inversion + key)
//   BM_Secp256k1Base_BaseMulPair    Point::base_mul_pair (two products)
//   BM_Secp256k1Base_BaseMulBatch/n Point::base_mul_batch (n products)
//   BM_Secp256k1Base_Comb           the comb alone (projective result)
//   BM_Secp256k1Base_InvertFermat   the constant-time inversion
//   BM_Secp256k1Base_InvertBlinded  the alternative: a random b from the OS
//                                   RNG, GMP inversion of Z·b, one product
#include <benchmark/benchmark.h>

#include <array>
#include <vector>

#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_base.hpp"

namespace okmpc {
namespace {

namespace native = secp256k1_vartime;

Secp256k1::Scalar bench_scalar(uint64_t seed) {
  DeterministicRng rng(seed);
  return Secp256k1::Scalar::random(rng);
}

void BM_Secp256k1Base_BaseMul(benchmark::State& st) {
  Secp256k1::Scalar s = bench_scalar(1);
  for (auto _ : st) {
    benchmark::DoNotOptimize(Secp256k1::Point::base_mul(s));
    s += Secp256k1::Scalar::one();
  }
}
BENCHMARK(BM_Secp256k1Base_BaseMul);

void BM_Secp256k1Base_BaseMulPair(benchmark::State& st) {
  Secp256k1::Scalar a = bench_scalar(2), b = bench_scalar(3);
  for (auto _ : st) {
    benchmark::DoNotOptimize(Secp256k1::Point::base_mul_pair(a, b));
    a += Secp256k1::Scalar::one();
  }
}
BENCHMARK(BM_Secp256k1Base_BaseMulPair);

// n products as one batch (one shared inversion) — compare with n times
// BM_Secp256k1Base_BaseMul; items/s counts products.
void BM_Secp256k1Base_BaseMulBatch(benchmark::State& st) {
  std::vector<Secp256k1::Scalar> ks(static_cast<size_t>(st.range(0)));
  for (size_t i = 0; i < ks.size(); ++i) ks[i] = bench_scalar(10 + i);
  for (auto _ : st) {
    benchmark::DoNotOptimize(Secp256k1::Point::base_mul_batch(ks));
    ks[0] += Secp256k1::Scalar::one();
  }
  st.SetItemsProcessed(st.iterations() * st.range(0));
}
BENCHMARK(BM_Secp256k1Base_BaseMulBatch)->Arg(3)->Arg(7);

void BM_Secp256k1Base_Comb(benchmark::State& st) {
  Secp256k1::Scalar s = bench_scalar(4);
  for (auto _ : st) {
    benchmark::DoNotOptimize(secp256k1_base::base_mul_projective(s));
    s += Secp256k1::Scalar::one();
  }
}
BENCHMARK(BM_Secp256k1Base_Comb);

native::Fe bench_element() { return secp256k1_base::base_mul_projective(bench_scalar(5)).z; }

void BM_Secp256k1Base_InvertFermat(benchmark::State& st) {
  native::Fe z = bench_element();
  for (auto _ : st) {
    z = secp256k1_base::fe_invert(z);
    benchmark::DoNotOptimize(z);
  }
}
BENCHMARK(BM_Secp256k1Base_InvertFermat);

void BM_Secp256k1Base_InvertBlinded(benchmark::State& st) {
  native::Fe z = bench_element();
  OsRng os;
  for (auto _ : st) {
    std::array<uint8_t, 32> bytes;
    os.fill(bytes);
    bytes[0] &= 0x7f;  // < p (the measurement ignores b = 0)
    const native::Fe b = *native::fe_from_bytes(bytes);
    z = native::fe_mul(native::fe_inverse_vartime(native::fe_mul(z, b)), b);
    benchmark::DoNotOptimize(z);
  }
}
BENCHMARK(BM_Secp256k1Base_InvertBlinded);

}  // namespace
}  // namespace okmpc
