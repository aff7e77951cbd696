// Micro benchmarks of the mpc/ core: scalar mul/add/invert, point mul (base
// and variable base), point add and Keccak-256, for secp256k1 and Ed25519.
// The library calls each operation wraps are measured in the same run
// (BM_Lib_*), so targets read as ratios: scalar mul within 3x of
// secp256k1_ec_seckey_tweak_mul, point ops within 10% of the wrapped call.
#include <benchmark/benchmark.h>
#include <secp256k1.h>
#include <secp256k1_ecdh.h>
#include <sodium.h>

#include <algorithm>

#include "mpc/ed25519.hpp"
#include "mpc/hash.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

template <class C>
struct Inputs {
  typename C::Scalar a, b;
  typename C::Point P, Q;
  Inputs() {
    DeterministicRng rng(uint64_t{0xBE7C4});
    a = C::Scalar::random(rng);
    b = C::Scalar::random(rng);
    P = C::Point::base_mul(C::Scalar::random(rng));
    Q = C::Point::base_mul(C::Scalar::random(rng));
  }
};

template <class C>
void BM_ScalarMul(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) {
    in.a = in.a * in.b;
    benchmark::DoNotOptimize(in.a);
  }
}
template <class C>
void BM_ScalarAdd(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) {
    in.a = in.a + in.b;
    benchmark::DoNotOptimize(in.a);
  }
}
template <class C>
void BM_ScalarInvert(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) {
    in.a = in.a.invert();
    benchmark::DoNotOptimize(in.a);
  }
}
template <class C>
void BM_PointBaseMul(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) benchmark::DoNotOptimize(C::Point::base_mul(in.a));
}
template <class C>
void BM_PointMul(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) benchmark::DoNotOptimize(in.a * in.P);
}
template <class C>
void BM_PointAdd(benchmark::State& st) {
  Inputs<C> in;
  for (auto _ : st) {
    in.P = in.P + in.Q;
    benchmark::DoNotOptimize(in.P);
  }
}

void BM_Secp256k1_PointMulVartime(benchmark::State& st) {
  Inputs<Secp256k1> in;
  for (auto _ : st) benchmark::DoNotOptimize(Secp256k1::Point::mul_vartime(in.a, in.P));
}
BENCHMARK(BM_Secp256k1_PointMulVartime);

BENCHMARK(BM_ScalarMul<Secp256k1>)->Name("BM_Secp256k1_ScalarMul");
BENCHMARK(BM_ScalarAdd<Secp256k1>)->Name("BM_Secp256k1_ScalarAdd");
BENCHMARK(BM_ScalarInvert<Secp256k1>)->Name("BM_Secp256k1_ScalarInvert");
BENCHMARK(BM_PointBaseMul<Secp256k1>)->Name("BM_Secp256k1_PointBaseMul");
BENCHMARK(BM_PointMul<Secp256k1>)->Name("BM_Secp256k1_PointMul");
BENCHMARK(BM_PointAdd<Secp256k1>)->Name("BM_Secp256k1_PointAdd");
BENCHMARK(BM_ScalarMul<Ed25519>)->Name("BM_Ed25519_ScalarMul");
BENCHMARK(BM_ScalarAdd<Ed25519>)->Name("BM_Ed25519_ScalarAdd");
BENCHMARK(BM_ScalarInvert<Ed25519>)->Name("BM_Ed25519_ScalarInvert");
BENCHMARK(BM_PointBaseMul<Ed25519>)->Name("BM_Ed25519_PointBaseMul");
BENCHMARK(BM_PointMul<Ed25519>)->Name("BM_Ed25519_PointMul");
BENCHMARK(BM_PointAdd<Ed25519>)->Name("BM_Ed25519_PointAdd");

// ---- the library calls we wrap, for the ratios ------------------------------

void BM_Lib_Secp256k1_SeckeyTweakMul(benchmark::State& st) {
  Inputs<Secp256k1> in;
  ByteArray<32> key = in.a.to_bytes();
  const ByteArray<32> tweak = in.b.to_bytes();
  for (auto _ : st) {
    benchmark::DoNotOptimize(secp256k1_ec_seckey_tweak_mul(secp256k1_ctx(), key.data(), tweak.data()));
  }
}
BENCHMARK(BM_Lib_Secp256k1_SeckeyTweakMul);

void BM_Lib_Secp256k1_PubkeyCreate(benchmark::State& st) {
  Inputs<Secp256k1> in;
  const ByteArray<32> key = in.a.to_bytes();
  secp256k1_pubkey pk;
  for (auto _ : st) {
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_create(secp256k1_ctx(), &pk, key.data()));
  }
}
BENCHMARK(BM_Lib_Secp256k1_PubkeyCreate);

void BM_Lib_Secp256k1_PubkeyTweakMul(benchmark::State& st) {
  Inputs<Secp256k1> in;
  const ByteArray<32> tweak = in.a.to_bytes();
  for (auto _ : st) {
    secp256k1_pubkey pk = in.P.raw();
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_tweak_mul(secp256k1_ctx(), &pk, tweak.data()));
    benchmark::DoNotOptimize(pk);
  }
}
BENCHMARK(BM_Lib_Secp256k1_PubkeyTweakMul);

// What Secp256k1 s·P wraps: secp256k1_ecdh (constant-time ecmult_const) with a
// callback returning the raw point, plus the re-parse into a pubkey.
int raw_xy(unsigned char* out, const unsigned char* x32, const unsigned char* y32, void*) {
  out[0] = 0x04;
  std::copy(x32, x32 + 32, out + 1);
  std::copy(y32, y32 + 32, out + 33);
  return 1;
}

void BM_Lib_Secp256k1_EcdhRawPoint(benchmark::State& st) {
  Inputs<Secp256k1> in;
  const ByteArray<32> key = in.a.to_bytes();
  const secp256k1_pubkey P = in.P.raw();
  ByteArray<65> xy;
  secp256k1_pubkey out;
  for (auto _ : st) {
    benchmark::DoNotOptimize(secp256k1_ecdh(secp256k1_ctx(), xy.data(), &P, key.data(), raw_xy, nullptr));
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_parse(secp256k1_ctx(), &out, xy.data(), xy.size()));
  }
}
BENCHMARK(BM_Lib_Secp256k1_EcdhRawPoint);

void BM_Lib_Secp256k1_PubkeyCombine(benchmark::State& st) {
  Inputs<Secp256k1> in;
  secp256k1_pubkey p = in.P.raw();
  const secp256k1_pubkey q = in.Q.raw();
  for (auto _ : st) {
    const secp256k1_pubkey* ins[2] = {&p, &q};
    secp256k1_pubkey r;
    benchmark::DoNotOptimize(secp256k1_ec_pubkey_combine(secp256k1_ctx(), &r, ins, 2));
    p = r;
  }
}
BENCHMARK(BM_Lib_Secp256k1_PubkeyCombine);

void BM_Lib_Ed25519_ScalarmultBaseNoclamp(benchmark::State& st) {
  Inputs<Ed25519> in;
  const ByteArray<32> k = in.a.to_bytes();
  ByteArray<32> q;
  for (auto _ : st) {
    benchmark::DoNotOptimize(crypto_scalarmult_ed25519_base_noclamp(q.data(), k.data()));
  }
}
BENCHMARK(BM_Lib_Ed25519_ScalarmultBaseNoclamp);

void BM_Lib_Ed25519_ScalarmultNoclamp(benchmark::State& st) {
  Inputs<Ed25519> in;
  const ByteArray<32> k = in.a.to_bytes(), p = in.P.to_bytes();
  ByteArray<32> q;
  for (auto _ : st) {
    benchmark::DoNotOptimize(crypto_scalarmult_ed25519_noclamp(q.data(), k.data(), p.data()));
  }
}
BENCHMARK(BM_Lib_Ed25519_ScalarmultNoclamp);

void BM_Lib_Ed25519_CoreAdd(benchmark::State& st) {
  Inputs<Ed25519> in;
  ByteArray<32> p = in.P.to_bytes();
  const ByteArray<32> q = in.Q.to_bytes();
  for (auto _ : st) {
    ByteArray<32> r;
    benchmark::DoNotOptimize(crypto_core_ed25519_add(r.data(), p.data(), q.data()));
    p = r;
  }
}
BENCHMARK(BM_Lib_Ed25519_CoreAdd);

void BM_Lib_Ed25519_ScalarMul(benchmark::State& st) {
  Inputs<Ed25519> in;
  ByteArray<32> a = in.a.to_bytes();
  const ByteArray<32> b = in.b.to_bytes();
  for (auto _ : st) {
    crypto_core_ed25519_scalar_mul(a.data(), a.data(), b.data());
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK(BM_Lib_Ed25519_ScalarMul);

// ---- Keccak-256 ---------------------------------------------------------------

void BM_Mpc_Keccak256(benchmark::State& st) {
  Bytes data(static_cast<size_t>(st.range(0)), 0xab);
  for (auto _ : st) benchmark::DoNotOptimize(keccak256(data));
  st.SetBytesProcessed(static_cast<int64_t>(st.iterations()) * st.range(0));
}
BENCHMARK(BM_Mpc_Keccak256)->Arg(32)->Arg(1024);

}  // namespace
}  // namespace okmpc
