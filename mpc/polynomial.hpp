// Shamir secret sharing (Shamir, "How to share a secret", CACM 1979) over the
// scalar field of a curve, with Feldman commitments (Feldman, FOCS 1987) of
// the coefficients.
//
// Threshold convention used everywhere in okmpc: `t` is the number of shares
// needed to reconstruct (FROST's MIN_PARTICIPANTS, RFC 9591 §5); the
// polynomial has degree t − 1. Party identifiers are 1..n.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/error.hpp"
#include "mpc/lagrange.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc {

// f(x) = a_0 + a_1 x + … + a_d x^d with secret coefficients: move-only, every
// coefficient wiped on destruction (Secret<>).
template <Curve C>
class Polynomial {
 public:
  using Scalar = typename C::Scalar;
  using Point = typename C::Point;

  Polynomial(Polynomial&&) noexcept = default;
  Polynomial& operator=(Polynomial&&) noexcept = default;
  Polynomial(const Polynomial&) = delete;
  Polynomial& operator=(const Polynomial&) = delete;

  // a_0 = constant, a_1..a_degree uniform nonzero from rng.
  static Polynomial random(const Scalar& constant, size_t degree, Rng& rng) {
    std::vector<Secret<Scalar>> coeffs;
    coeffs.reserve(degree + 1);
    coeffs.emplace_back(constant);
    for (size_t i = 0; i < degree; ++i) coeffs.emplace_back(Scalar::random(rng));
    return Polynomial(std::move(coeffs));
  }
  // Takes ownership of given coefficients, a_0 first. An empty vector is the
  // zero polynomial (degree 0, a_0 = 0).
  static Polynomial from_coefficients(std::vector<Secret<Scalar>> coeffs) {
    if (coeffs.empty()) coeffs.emplace_back(Scalar::zero());
    return Polynomial(std::move(coeffs));
  }

  size_t degree() const { return coeffs_.size() - 1; }
  const Secret<Scalar>& coefficient(size_t i) const { return coeffs_.at(i); }
  const Secret<Scalar>& constant() const { return coeffs_.front(); }

  // f(x) by Horner's rule: degree() multiplications by x and additions
  // whatever the coefficients (constant time in the secret; x is public).
  // Where the scalar has mul_small (secp256k1), each multiplication is that
  // small-integer product.
  Secret<Scalar> evaluate(uint32_t x) const {
    Secret<Scalar> acc(coeffs_.back().expose());
    for (size_t i = coeffs_.size() - 1; i-- > 0;) {
      if constexpr (requires(const Scalar& a) { a.mul_small(x); }) {
        acc.expose_mut() = acc.expose().mul_small(x) + coeffs_[i].expose();
      } else {
        acc.expose_mut() = acc.expose() * Scalar::from_u64(x) + coeffs_[i].expose();
      }
    }
    return acc;
  }

  // Feldman commitments a_i·G, a_0's first (the public key share when a_0 is
  // a secret). Two at a time through the curve's base_mul_pair where it has
  // one (one shared inversion instead of two), else one base_mul each; the
  // commitments are published, as base_mul's contract requires.
  std::vector<Point> commitments() const {
    std::vector<Point> out;
    out.reserve(coeffs_.size());
    size_t i = 0;
    if constexpr (requires(const Scalar& a) { Point::base_mul_pair(a, a); }) {
      for (; i + 1 < coeffs_.size(); i += 2) {
        const auto pair = Point::base_mul_pair(coeffs_[i].expose(), coeffs_[i + 1].expose());
        out.push_back(pair[0]);
        out.push_back(pair[1]);
      }
    }
    for (; i < coeffs_.size(); ++i) out.push_back(Point::base_mul(coeffs_[i].expose()));
    return out;
  }

 private:
  explicit Polynomial(std::vector<Secret<Scalar>> coeffs) : coeffs_(std::move(coeffs)) {}
  std::vector<Secret<Scalar>> coeffs_;
};

template <Curve C>
using ShamirShare = std::pair<uint32_t, Secret<typename C::Scalar>>;

// Splits `secret` into n shares (ids 1..n), any t of which reconstruct it.
// Precondition 1 <= t <= n (and n below the group order); when violated the
// result is EMPTY — callers that take t, n from outside check first.
template <Curve C>
std::vector<ShamirShare<C>> shamir_split(const typename C::Scalar& secret, size_t t, size_t n,
                                         Rng& rng) {
  std::vector<ShamirShare<C>> out;
  if (t < 1 || t > n || n >= 0xffffffffu) return out;
  auto poly = Polynomial<C>::random(secret, t - 1, rng);
  out.reserve(n);
  for (uint32_t id = 1; id <= n; ++id) out.emplace_back(id, poly.evaluate(id));
  return out;
}
template <Curve C>
std::vector<ShamirShare<C>> shamir_split(const Secret<typename C::Scalar>& secret, size_t t,
                                         size_t n, Rng& rng) {
  return shamir_split<C>(secret.expose(), t, n, rng);
}

// Interpolates f(0) from (id, f(id)) pairs. Ids must be nonzero and distinct
// (kInvalidArgument naming the id). Given fewer than t shares the result is
// simply wrong (information-theoretically unrelated to the secret).
template <Curve C>
Result<typename C::Scalar> shamir_reconstruct(
    std::span<const std::pair<uint32_t, typename C::Scalar>> shares) {
  std::vector<uint32_t> ids;
  ids.reserve(shares.size());
  for (const auto& s : shares) ids.push_back(s.first);
  OKMPC_ASSIGN_OR_RETURN(auto lambdas, lagrange_coefficients<C>(ids));
  auto acc = C::Scalar::zero();
  for (size_t i = 0; i < shares.size(); ++i) acc = acc + lambdas[i] * shares[i].second;
  return acc;
}
template <Curve C>
Result<typename C::Scalar> shamir_reconstruct(std::span<const ShamirShare<C>> shares) {
  std::vector<uint32_t> ids;
  ids.reserve(shares.size());
  for (const auto& s : shares) ids.push_back(s.first);
  OKMPC_ASSIGN_OR_RETURN(auto lambdas, lagrange_coefficients<C>(ids));
  auto acc = C::Scalar::zero();
  for (size_t i = 0; i < shares.size(); ++i) acc = acc + lambdas[i] * shares[i].second.expose();
  return acc;
}

}  // namespace okmpc
