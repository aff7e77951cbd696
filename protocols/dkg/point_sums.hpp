// Sums, multi-scalar products and polynomial evaluations of public points
// for the DKG's checks, through every curve's batched primitives
// (C::Point::sum, C::Point::multi_mul_vartime, the optional
// C::Point::eval_poly_vartime) and mpc's mul_vartime<C>, plus the random
// weights of batched checks. Public inputs only: variable time.
#pragma once

#include <concepts>
#include <type_traits>
#include <span>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_msm.hpp"

namespace okmpc::dkg {

// Σ points (identity when empty).
template <Curve C>
typename C::Point sum_vartime(std::span<const typename C::Point> points) {
  return C::Point::sum(points);
}

// Σ scalars[i]·points[i]. Precondition: equal sizes.
template <Curve C>
typename C::Point multi_mul_vartime(std::span<const typename C::Scalar> scalars,
                                    std::span<const typename C::Point> points) {
  return C::Point::multi_mul_vartime(scalars, points);
}

// The largest small multiplier x for which x·P + Q is cheaper as one
// C::Point::sum of x copies of P and Q than as a multiplication and an
// addition. Measured on the curve layer (papers/dkg.md §"Cost"): secp256k1
// sums at ~0.3 µs a point against ~37 µs a variable-time multiplication;
// Ed25519 adds at ~20 µs a point against ~165 µs. 0 = always multiply.
template <Curve C>
inline constexpr uint32_t kSumCopiesUpTo = 0;
template <>
inline constexpr uint32_t kSumCopiesUpTo<Secp256k1> = 100;
template <>
inline constexpr uint32_t kSumCopiesUpTo<Ed25519> = 6;

// Σ_k x^k·coeffs[k] for a small public x (a party identifier) by Horner's
// rule, each step x·acc + coeffs[k] done as one sum of copies when x is at
// most kSumCopiesUpTo<C>. Identity for empty coeffs.
template <Curve C>
typename C::Point evaluate_at_vartime(std::span<const typename C::Point> coeffs, uint32_t x) {
  using Point = typename C::Point;
  if (coeffs.empty()) return Point::identity();
  Point acc = coeffs.back();
  if (x <= kSumCopiesUpTo<C>) {
    std::vector<Point> terms;
    terms.reserve(x + 1);
    for (size_t k = coeffs.size() - 1; k-- > 0;) {
      terms.assign(x, acc);
      terms.push_back(coeffs[k]);
      acc = sum_vartime<C>(terms);
    }
    return acc;
  }
  const auto xs = C::Scalar::from_u64(x);
  for (size_t k = coeffs.size() - 1; k-- > 0;) acc = mul_vartime<C>(xs, acc) + coeffs[k];
  return acc;
}

// Whether the curve has the optional batched evaluation
//   static std::vector<Point> eval_poly_vartime(std::span<const Point> coeffs,
//                                               std::span<const uint32_t> xs);
// with result[i] = Σ_k xs[i]^k·coeffs[k] (one pass per x, one normalisation
// for all results).
template <Curve C>
inline constexpr bool kHasEvalPoly =
    requires(std::span<const typename C::Point> coeffs, std::span<const uint32_t> xs) {
      { C::Point::eval_poly_vartime(coeffs, xs) } -> std::same_as<std::vector<typename C::Point>>;
    };

// Σ_k x^k·coeffs[k] for every x in xs (small public identifiers), in the
// order of xs: the curve's eval_poly_vartime when it has one, else
// evaluate_at_vartime for each x. Identities for empty coeffs.
template <Curve C>
std::vector<typename C::Point> evaluate_many_vartime(std::span<const typename C::Point> coeffs,
                                                     std::span<const uint32_t> xs) {
  if constexpr (kHasEvalPoly<C>) {
    return C::Point::eval_poly_vartime(coeffs, xs);
  } else {
    std::vector<typename C::Point> out;
    out.reserve(xs.size());
    for (uint32_t x : xs) out.push_back(evaluate_at_vartime<C>(coeffs, x));
    return out;
  }
}

// Σ_k x^k·coeffs[k] at one x through the fastest available path
// (evaluate_many_vartime with a single x).
template <Curve C>
typename C::Point evaluate_one_vartime(std::span<const typename C::Point> coeffs, uint32_t x) {
  if constexpr (kHasEvalPoly<C>) {
    return C::Point::eval_poly_vartime(coeffs, std::span<const uint32_t>(&x, 1)).front();
  } else {
    return evaluate_at_vartime<C>(coeffs, x);
  }
}

// True iff Σ scalars[i]·points[i] is the identity: a batched equation
// checked as one multi-scalar multiplication. Precondition: equal sizes.
template <Curve C>
bool multi_mul_is_identity_vartime(std::span<const typename C::Scalar> scalars,
                                   std::span<const typename C::Point> points) {
  return C::Point::multi_mul_vartime(scalars, points).is_identity();
}

// A random weight for a batched check (Bellare–Garay–Rabin 1998, "small
// exponents" test): 128 uniform bits from `rng`, as a nonzero scalar. A batch
// holding a false equation passes with probability at most 2^-128 over the
// weights (1/q on a toy curve of order q < 2^128), provided the weights are
// drawn after the inputs are fixed: every caller draws them from the local
// party's own Rng once all messages of the round are in, so no other party
// knows or influences them. 128-bit weights keep the weighted terms of a
// multi-scalar multiplication half as long as full scalars.
template <Curve C>
typename C::Scalar random_batch_weight(Rng& rng) {
  for (;;) {
    const ByteArray<16> bits = rng.bytes<16>();
    const typename C::Scalar w = C::Scalar::reduce(bits);
    if (!w.is_zero()) return w;
  }
}

// out[k] = Σ_i weights[i]·xs[i]^k for k < count (the coefficients of a
// random linear combination of evaluations at small public points):
// secp256k1's weighted_power_sums_vartime (small-integer multiplications,
// lazy reduction), else full scalar products. Precondition: xs.size() >=
// weights.size(). Public inputs only.
template <Curve C>
std::vector<typename C::Scalar> weighted_power_sums_vartime(std::span<const typename C::Scalar> weights,
                                                            std::span<const uint32_t> xs, size_t count) {
  if constexpr (std::is_same_v<C, Secp256k1>) {
    return secp256k1_vartime::weighted_power_sums_vartime(weights, xs, count);
  } else {
    using Scalar = typename C::Scalar;
    std::vector<Scalar> out(count, Scalar::zero());
    for (size_t i = 0; i < weights.size(); ++i) {
      Scalar power = weights[i];
      const Scalar x = Scalar::from_u64(xs[i]);
      for (size_t k = 0; k < count; ++k) {
        out[k] = out[k] + power;
        if (k + 1 < count) power = power * x;
      }
    }
    return out;
  }
}

// Whether the curve has the optional all-columns sum
//   static std::vector<Point> sum_columns_vartime(
//       std::span<const std::span<const Point>> rows, size_t width);
// with result[k] = Σ_r rows[r][k] (secp256k1: batch-affine additions sharing
// one inversion per tree level across all columns).
template <Curve C>
inline constexpr bool kHasSumColumns =
    requires(std::span<const std::span<const typename C::Point>> rows, size_t width) {
      { C::Point::sum_columns_vartime(rows, width) } -> std::same_as<std::vector<typename C::Point>>;
    };

// Coefficient-wise sum of equal-length commitment vectors: the commitments
// of the sum of the dealers' polynomials (Feldman commitments are linear).
// The curve's sum_columns_vartime when it has one, else one sum per
// coefficient. Precondition: every vector has at least `length` entries.
template <Curve C>
std::vector<typename C::Point> sum_commitments_vartime(
    std::span<const std::vector<typename C::Point>* const> vectors, size_t length) {
  using Point = typename C::Point;
  if constexpr (kHasSumColumns<C>) {
    std::vector<std::span<const Point>> rows;
    rows.reserve(vectors.size());
    for (const auto* v : vectors) rows.emplace_back(*v);
    return C::Point::sum_columns_vartime(rows, length);
  } else {
    std::vector<Point> out;
    out.reserve(length);
    std::vector<Point> column;
    column.reserve(vectors.size());
    for (size_t k = 0; k < length; ++k) {
      column.clear();
      for (const auto* v : vectors) column.push_back((*v)[k]);
      out.push_back(sum_vartime<C>(column));
    }
    return out;
  }
}

}  // namespace okmpc::dkg
