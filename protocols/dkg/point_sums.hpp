// Sums and multi-scalar products of public points for the DKG's checks, using
// a curve's batched primitives (C::Point::sum, C::Point::multi_mul_vartime)
// when it has them and the group law otherwise. Public inputs only: variable
// time.
#pragma once

#include <span>
#include <vector>

#include "mpc/curve.hpp"

namespace okmpc::dkg {

// Σ points (identity when empty).
template <Curve C>
typename C::Point sum_vartime(std::span<const typename C::Point> points) {
  if constexpr (requires { C::Point::sum(points); }) {
    return C::Point::sum(points);
  } else {
    auto acc = C::Point::identity();
    for (const auto& p : points) acc = acc + p;
    return acc;
  }
}

// Σ scalars[i]·points[i]. Precondition: equal sizes.
template <Curve C>
typename C::Point multi_mul_vartime(std::span<const typename C::Scalar> scalars,
                                    std::span<const typename C::Point> points) {
  if constexpr (requires { C::Point::multi_mul_vartime(scalars, points); }) {
    return C::Point::multi_mul_vartime(scalars, points);
  } else {
    std::vector<typename C::Point> terms;
    terms.reserve(points.size());
    for (size_t i = 0; i < points.size(); ++i) terms.push_back(scalars[i] * points[i]);
    return sum_vartime<C>(terms);
  }
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
