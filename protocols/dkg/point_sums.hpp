// Sums and multi-scalar products of public points for the DKG's checks,
// through every curve's batched primitives (C::Point::sum,
// C::Point::multi_mul_vartime) and mpc's mul_vartime<C>. Public inputs only:
// variable time.
#pragma once

#include <span>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"

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

// Coefficient-wise sum of equal-length commitment vectors: the commitments
// of the sum of the dealers' polynomials (Feldman commitments are linear).
template <Curve C>
std::vector<typename C::Point> sum_commitments_vartime(
    std::span<const std::vector<typename C::Point>* const> vectors, size_t length) {
  std::vector<typename C::Point> out;
  out.reserve(length);
  std::vector<typename C::Point> column;
  column.reserve(vectors.size());
  for (size_t k = 0; k < length; ++k) {
    column.clear();
    for (const auto* v : vectors) column.push_back((*v)[k]);
    out.push_back(sum_vartime<C>(column));
  }
  return out;
}

}  // namespace okmpc::dkg
