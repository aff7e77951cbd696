// The Curve concept: protocols are written once, generic over a curve C with
// value types C::Scalar (integers mod the prime group order) and C::Point
// (elements of the prime-order group). Implementations: Secp256k1
// (mpc/secp256k1.hpp), Ed25519 (mpc/ed25519.hpp), ToyCurve (mpc/toy_curve.hpp,
// order 199, for exhaustive tests).
//
// Contracts shared by every curve:
//  - Scalar arithmetic (+, -, *, unary -, invert) runs in constant time.
//    invert(0) = 0. Scalars are always reduced.
//  - Scalar::from_bytes is strict: exactly kScalarBytes, canonical (< order),
//    else kInvalidScalar/kInvalidEncoding. Zero is accepted (callers that need
//    nonzero check is_zero()).
//  - Scalar::reduce(bytes) maps up to 64 bytes (curve byte order) to a scalar
//    mod the order: the hash-to-scalar primitive.
//  - Point::from_bytes is strict: rejects wrong length, off-curve,
//    non-canonical, the identity, and (Ed25519) points outside the prime-order
//    subgroup, with kInvalidPoint/kInvalidEncoding. to_bytes() of the identity
//    yields the curve's identity encoding (never accepted by from_bytes).
//  - s * P and base_mul(s) are constant time in s. Functions named *_vartime
//    are variable time and only for public inputs.
#pragma once

#include <concepts>
#include <cstddef>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc {

template <class C>
concept Curve = requires(const typename C::Scalar& a, const typename C::Scalar& b,
                         const typename C::Point& P, const typename C::Point& Q, ByteView bytes,
                         Rng& rng) {
  { C::kName } -> std::convertible_to<std::string_view>;
  { C::kScalarBytes } -> std::convertible_to<size_t>;
  { C::kPointBytes } -> std::convertible_to<size_t>;

  { C::Scalar::zero() } -> std::same_as<typename C::Scalar>;
  { C::Scalar::one() } -> std::same_as<typename C::Scalar>;
  { C::Scalar::from_u64(uint64_t{}) } -> std::same_as<typename C::Scalar>;
  { C::Scalar::from_bytes(bytes) } -> std::same_as<Result<typename C::Scalar>>;
  { C::Scalar::reduce(bytes) } -> std::same_as<typename C::Scalar>;
  { C::Scalar::random(rng) } -> std::same_as<typename C::Scalar>;          // uniform, nonzero
  { a.to_bytes() } -> std::same_as<ByteArray<C::kScalarBytes>>;
  { a + b } -> std::same_as<typename C::Scalar>;
  { a - b } -> std::same_as<typename C::Scalar>;
  { a * b } -> std::same_as<typename C::Scalar>;
  { -a } -> std::same_as<typename C::Scalar>;
  { a.invert() } -> std::same_as<typename C::Scalar>;
  { a.is_zero() } -> std::same_as<bool>;
  { a == b } -> std::same_as<bool>;

  { C::Point::identity() } -> std::same_as<typename C::Point>;
  { C::Point::generator() } -> std::same_as<typename C::Point>;
  { C::Point::from_bytes(bytes) } -> std::same_as<Result<typename C::Point>>;
  { C::Point::base_mul(a) } -> std::same_as<typename C::Point>;
  { P.to_bytes() } -> std::same_as<ByteArray<C::kPointBytes>>;
  { P + Q } -> std::same_as<typename C::Point>;
  { P - Q } -> std::same_as<typename C::Point>;
  { -P } -> std::same_as<typename C::Point>;
  { a * P } -> std::same_as<typename C::Point>;
  { P.is_identity() } -> std::same_as<bool>;
  { P == Q } -> std::same_as<bool>;
};

// A secret scalar of curve C (a key share, a nonce): move-only, wiped on
// destruction, printed as <secret> (mpc/secret.hpp).
template <Curve C>
using SecretScalar = Secret<typename C::Scalar>;

// s·P for a PUBLIC scalar s: the curve's faster variable-time
// Point::mul_vartime when it has one (secp256k1), else the constant-time s·P.
template <Curve C>
typename C::Point mul_vartime(const typename C::Scalar& s, const typename C::Point& p) {
  if constexpr (requires { C::Point::mul_vartime(s, p); }) {
    return C::Point::mul_vartime(s, p);
  } else {
    return s * p;
  }
}

}  // namespace okmpc
