// Multi-scalar multiplication on secp256k1 for PUBLIC scalars and points,
// VARIABLE TIME: batched verification (FROST share checks, DKG commitment
// checks), never secrets. Built on the native Jacobian group law of
// mpc/secp256k1_group.hpp; Secp256k1::Point::multi_mul_vartime,
// double_mul_vartime and eval_poly_vartime call it. Results are exact group elements, so they
// equal libsecp256k1's (tweak_mul + combine) bit for bit after encoding; the
// tests in tests/mpc/secp256k1_msm_test.cpp cross-check that.
//
// Algorithms:
//  - Both algorithms first make every scalar short: a scalar below 2^128
//    (or whose negation is, e.g. a 128-bit batch weight) stays one term;
//    any other is split by the GLV endomorphism (Gallant–Lambert–Vanstone,
//    CRYPTO 2001) into two ~128-bit halves on P and λ·P = (β·x, y).
//  - Strauss (interleaved wNAF, "Shamir's trick" generalised; Möller,
//    "Algorithms for multi-exponentiation", SAC 2001): width-5 wNAF per
//    short term, odd-multiple tables batch-normalised to affine with one
//    inversion, and a fixed width-12 table for G (built once) when G's
//    coefficient is given separately.
//  - Pippenger's bucket method (signed base-2^c digits, as described in
//    Bernstein et al., "Faster batch forgery identification", INDOCRYPT
//    2012) for many points, over the short terms (so ~128-bit windows), with
//    c chosen from the number of terms and their bit length by an operation
//    count. The points are grouped by bucket (all windows at once) and each
//    bucket is summed by a batch-affine tree, every tree level sharing one
//    field inversion across all buckets (Montgomery's trick;
//    sum_groups in mpc/secp256k1_group.hpp); the buckets are then combined
//    per window in Jacobian coordinates.
// msm_vartime picks Strauss below kPippengerThreshold points and Pippenger
// from there on (crossover measured: bench/secp256k1_msm_bench.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_group.hpp"

namespace okmpc::secp256k1_vartime {

// Number of points from which msm_vartime switches to Pippenger.
inline constexpr size_t kPippengerThreshold = 24;

// g_scalar·G + Σ scalars[i]·points[i] over the first min(sizes) pairs; a null
// g_scalar means no G term. Identity points and zero scalars contribute
// nothing; an empty sum is the identity. Strauss or Pippenger by size.
Jacobian msm_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                     const Secp256k1::Scalar* g_scalar = nullptr);
// The same sum always by Strauss / always by Pippenger (tests, benchmarks).
Jacobian strauss_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                         const Secp256k1::Scalar* g_scalar = nullptr);
Jacobian pippenger_vartime(std::span<const Secp256k1::Scalar> scalars, std::span<const Affine> points,
                           const Secp256k1::Scalar* g_scalar = nullptr);

// k·a for a small public integer k (double-and-add); 0·a is the identity.
Jacobian mul_small(const Jacobian& a, uint32_t k);

// result[i] = Σ_k xs[i]^k · coeffs[k] (the polynomial with point coefficients
// coeffs, evaluated at each xs[i]) by Horner's rule with small-integer
// multiplications, then one batch normalisation. Empty coeffs give the
// identity everywhere; xs[i] = 0 gives coeffs[0].
std::vector<Affine> eval_poly_vartime(std::span<const Affine> coeffs, std::span<const uint32_t> xs);

// out[k] = Σ_i weights[i]·xs[i]^k (mod n) for k < count: the coefficients
// of a random linear combination of polynomial evaluations at small public
// points (the DKG's batched verification-share check, Σ_m ρ_m·m^k). Each
// power comes from the previous one by a 256×32-bit multiplication and a
// short fold (2^256 ≡ 2^256 − n), the sums stay unreduced in five limbs
// and are reduced once per coefficient: about a tenth of the cost of full
// scalar products. xs[i] = 0 contributes weights[i] to out[0] only.
// Precondition: xs.size() >= weights.size() (extra xs ignored). Variable
// time: public inputs only.
std::vector<Secp256k1::Scalar> weighted_power_sums_vartime(std::span<const Secp256k1::Scalar> weights,
                                                           std::span<const uint32_t> xs, size_t count);

}  // namespace okmpc::secp256k1_vartime
