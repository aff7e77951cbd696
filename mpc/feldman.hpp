// Feldman verifiable secret sharing (Feldman, "A practical scheme for
// non-interactive verifiable secret sharing", FOCS 1987): commitments
// C_k = a_k·G to the coefficients of f let anyone check a share s_x against
// s_x·G = Σ_k x^k·C_k. Used by Pedersen/FROST DKG (RFC 9591 Appendix C;
// Komlo–Goldberg 2020, Fig. 1 round 2).
#pragma once

#include <cstdint>
#include <span>

#include "mpc/curve.hpp"

namespace okmpc {

// Σ_k x^k·C_k by Horner's rule on points. Public inputs, variable time.
// Empty commitments give the identity.
template <Curve C>
typename C::Point evaluate_commitments_vartime(std::span<const typename C::Point> commitments,
                                               uint32_t x) {
  using Point = typename C::Point;
  Point acc = Point::identity();
  const auto xs = C::Scalar::from_u64(x);
  for (size_t k = commitments.size(); k-- > 0;) acc = mul_vartime<C>(xs, acc) + commitments[k];
  return acc;
}

// True iff share·G = Σ_k x^k·C_k. False for empty commitments or x = 0 (the
// share at 0 is the secret itself, never a participant's share). Variable time
// in the public commitments; the share enters only through base_mul.
template <Curve C>
bool verify_share(std::span<const typename C::Point> commitments, uint32_t x,
                  const typename C::Scalar& share) {
  if (commitments.empty() || C::Scalar::from_u64(x).is_zero()) return false;
  return C::Point::base_mul(share) == evaluate_commitments_vartime<C>(commitments, x);
}

}  // namespace okmpc
