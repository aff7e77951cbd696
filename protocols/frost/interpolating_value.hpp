// RFC 9591 §4.2 derive_interpolating_value without a field inversion per
// call. λ_i = Π_{j≠i} x_j / (x_j − x_i) over the signer set; identifiers are
// small public integers, so the denominator is a product of differences
// d with 1 ≤ |d| ≤ 255, each of which has its inverse in a table built once
// per curve (Montgomery's batch inversion: one field inversion for all 255).
// A signer's share then costs 2(t−1) multiplications instead of an inversion
// (a constant-time Fermat inversion is ~35 µs on secp256k1, a third of a
// 3-of-5 signer's round two). Identifiers outside 1..256 fall back to mpc's
// lagrange_coefficient. Public data only (the identifiers).
#pragma once

#include <array>
#include <span>

#include "mpc/lagrange.hpp"
#include "protocols/frost/types.hpp"

namespace okmpc::frost {

// inverse[k] = 1/k mod the group order for k = 1..255 (inverse[0] unused),
// or all zero when some k in 1..255 is zero modulo the order (toy curves),
// in which case callers must not use it.
template <Curve C>
const std::array<typename C::Scalar, 256>& small_inverses() {
  static const std::array<typename C::Scalar, 256> table = [] {
    using Scalar = typename C::Scalar;
    std::array<Scalar, 256> prefix{};  // prefix[k] = k!
    prefix[0] = Scalar::one();
    for (uint64_t k = 1; k < 256; ++k) {
      const Scalar x = Scalar::from_u64(k);
      if (x.is_zero()) return std::array<Scalar, 256>{};
      prefix[k] = prefix[k - 1] * x;
    }
    std::array<Scalar, 256> inverse{};
    Scalar running = prefix[255].invert();  // 1/255!
    for (uint64_t k = 255; k >= 1; --k) {
      inverse[k] = running * prefix[k - 1];  // (1/k!)·(k−1)! = 1/k
      running = running * Scalar::from_u64(k);
    }
    return inverse;
  }();
  return table;
}

// λ_id over the sorted, unique signer set `ids` (which must contain `id`).
// Errors as okmpc::lagrange_coefficient (kInvalidArgument for an invalid set
// or an id not in it).
template <Ciphersuite S>
Result<ScalarOf<S>> interpolating_value(PartyId id, std::span<const PartyId> ids) {
  using G = typename S::Group;
  const auto& inverse = small_inverses<G>();
  bool small = !inverse[1].is_zero() && id >= 1 && id <= 256;
  bool found = false;
  for (size_t k = 0; small && k < ids.size(); ++k) {
    small = ids[k] >= 1 && ids[k] <= 256 && (k == 0 || ids[k - 1] < ids[k]);
    found = found || ids[k] == id;
  }
  if (!small || !found) return lagrange_coefficient<G>(id, ids);
  ScalarOf<S> num = ScalarOf<S>::one();
  ScalarOf<S> den_inverse = ScalarOf<S>::one();
  bool negative = false;
  for (PartyId j : ids) {
    if (j == id) continue;
    num = num * ScalarOf<S>::from_u64(j);
    den_inverse = den_inverse * inverse[j > id ? j - id : id - j];
    negative = negative != (j < id);
  }
  const ScalarOf<S> lambda = num * den_inverse;
  return negative ? -lambda : lambda;
}

}  // namespace okmpc::frost
