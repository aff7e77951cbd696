// Variable-time Ed25519 scalar multiplications for PUBLIC scalars and points
// (verification, DKG commitments, batched checks): width-w NAF single
// multiplication, Strauss' interleaved multi-scalar multiplication for small
// batches, Pippenger's bucket method for large ones, and Horner evaluation of
// a polynomial with point coefficients at small integers.
//
// References: Möller, "Algorithms for multi-exponentiation", SAC 2001
// (interleaved wNAF, "Strauss"); Bernstein, Doumen, Lange, Oosterwijk,
// "Faster batch forgery identification", INDOCRYPT 2012, §4 (Pippenger's
// bucket method with signed digits). Running time depends on the scalars:
// never pass secrets.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/ed25519_group.hpp"

namespace okmpc::ed25519 {

// The batch size from which ge_multi_mul_vartime switches from Strauss to
// Pippenger (measured crossover, bench/ed25519_msm_bench.cpp: at n = 64
// Strauss 1.08 ms vs Pippenger 0.94 ms, at n = 128 2.14 vs 1.56 ms).
inline constexpr size_t kPippengerThreshold = 64;

// k·p for a little-endian k < 2^253 (every reduced scalar mod L, and L).
GeP3 ge_mul_vartime(const ByteArray<32>& k, const GeP3& p);
// Σ ks[i]·ps[i] over the common length (the identity for none); each
// ks[i] < 2^253.
GeP3 ge_multi_mul_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps);
// Same, forcing the method (for tests and the benchmark).
GeP3 ge_multi_mul_strauss_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps);
GeP3 ge_multi_mul_pippenger_vartime(std::span<const ByteArray<32>> ks, std::span<const GeP3> ps);
// a·B + b·p (B the base point) for a, b < 2^253: Schnorr/EdDSA
// verification. One Strauss pass; B's part from a width-8 table of its odd
// multiples in affine form, computed once per process (about 28 mixed
// additions instead of 42 full ones).
GeP3 ge_double_mul_base_vartime(const ByteArray<32>& a, const ByteArray<32>& b, const GeP3& p);
// x·p for a small public integer x (double-and-add; 0·p = identity).
GeP3 ge_mul_small_vartime(const GeP3& p, uint32_t x);
// result[i] = Σ_k xs[i]^k · coeffs[k] by Horner's rule with small-integer
// multiplications (the identity for every i when coeffs is empty).
std::vector<GeP3> ge_eval_poly_vartime(std::span<const GeP3> coeffs, std::span<const uint32_t> xs);

}  // namespace okmpc::ed25519
