// Lagrange interpolation at x = 0 over the scalar field of a curve: the
// coefficients that turn t Shamir shares into the secret (Shamir 1979; used by
// FROST, RFC 9591 §4.2 "derive_interpolating_value").
//
// Party identifiers are public, so these functions may run in variable time.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/error.hpp"

namespace okmpc {

// 1/x for a PUBLIC x: the scalar type's variable-time inversion where it has
// one (identifiers are public), the constant-time one otherwise.
template <class Scalar>
Scalar invert_public(const Scalar& x) {
  if constexpr (requires { x.invert_vartime(); }) {
    return x.invert_vartime();
  } else {
    return x.invert();
  }
}

// Checks an identifier set: non-empty, every id nonzero and distinct modulo
// the group order of C (tiny test curves can alias large ids). kInvalidArgument
// naming the offending id (also as culprit) otherwise.
template <Curve C>
Status check_participant_ids(std::span<const uint32_t> ids) {
  if (ids.empty()) return fail(ErrorCode::kInvalidArgument, "participant set is empty");
  std::vector<typename C::Scalar> seen;
  seen.reserve(ids.size());
  for (uint32_t id : ids) {
    const auto x = C::Scalar::from_u64(id);
    if (x.is_zero()) {
      return fail(ErrorCode::kInvalidArgument,
                  "participant id " + std::to_string(id) + " is zero modulo the group order", {id});
    }
    for (const auto& s : seen) {
      if (s == x) {
        return fail(ErrorCode::kInvalidArgument,
                    "participant id " + std::to_string(id) + " appears twice", {id});
      }
    }
    seen.push_back(x);
  }
  return ok();
}

// λ_id = Π_{j ∈ ids, j ≠ id} x_j / (x_j − x_id), the coefficient of share `id`
// when interpolating at 0 from the shares of `ids`. `ids` must pass
// check_participant_ids and contain `id`; else kInvalidArgument.
template <Curve C>
Result<typename C::Scalar> lagrange_coefficient(uint32_t id, std::span<const uint32_t> ids) {
  OKMPC_TRY(check_participant_ids<C>(ids));
  using Scalar = typename C::Scalar;
  const Scalar xi = Scalar::from_u64(id);
  Scalar num = Scalar::one();
  Scalar den = Scalar::one();
  bool found = false;
  for (uint32_t j : ids) {
    if (j == id) {
      found = true;
      continue;
    }
    const Scalar xj = Scalar::from_u64(j);
    num = num * xj;
    den = den * (xj - xi);
  }
  if (!found) {
    return fail(ErrorCode::kInvalidArgument,
                "participant id " + std::to_string(id) + " is not in the signing set", {id});
  }
  return num * invert_public(den);
}

// All coefficients, in the order of `ids` (same errors as above), with ONE
// inversion for all of them (Montgomery's trick over the denominators)
// instead of one per coefficient.
template <Curve C>
Result<std::vector<typename C::Scalar>> lagrange_coefficients(std::span<const uint32_t> ids) {
  OKMPC_TRY(check_participant_ids<C>(ids));
  using Scalar = typename C::Scalar;
  const size_t t = ids.size();
  std::vector<Scalar> num(t, Scalar::one()), den(t, Scalar::one());
  for (size_t j = 0; j < t; ++j) {
    const Scalar xj = Scalar::from_u64(ids[j]);
    for (size_t k = 0; k < t; ++k) {
      if (k == j) continue;
      const Scalar xk = Scalar::from_u64(ids[k]);
      num[j] = num[j] * xk;
      den[j] = den[j] * (xk - xj);
    }
  }
  std::vector<Scalar> prefix(t + 1, Scalar::one());  // prefix[j] = Π_{k<j} den[k]
  for (size_t j = 0; j < t; ++j) prefix[j + 1] = prefix[j] * den[j];
  Scalar inv = invert_public(prefix[t]);  // at step j below: (Π_{k≤j} den[k])^-1
  std::vector<Scalar> out(t);
  for (size_t j = t; j-- > 0;) {
    out[j] = num[j] * (inv * prefix[j]);
    inv = inv * den[j];
  }
  return out;
}

}  // namespace okmpc
