// Shamir secret sharing (Shamir, "How to share a secret", CACM 1979) over the
// scalar field of a curve, with Feldman commitments (Feldman, FOCS 1987) of
// the coefficients.
//
// Threshold convention used everywhere in okmpc: `t` is the number of shares
// needed to reconstruct (FROST's MIN_PARTICIPANTS, RFC 9591 §5); the
// polynomial has degree t − 1. Party identifiers are 1..n.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/error.hpp"
#include "mpc/lagrange.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"

namespace okmpc {

namespace polynomial_detail {

// (a·x) mod n on secp256k1 for a SECRET a and a public x < 2^32, constant
// time in a: a 256×32-bit product, two folds of the part above 2^256 by
// 2^256 ≡ 2^256 − n (the first leaves a carry of at most 1, after which
// the value is below 2^161 and the second cannot carry), then one masked
// subtraction of n (the result is below 2^256 < 2n). No branch or memory
// index depends on a. A fraction of a full scalar product; Horner's rule
// at small identifiers multiplies by nothing larger.
inline Secp256k1::Scalar mul_small_ct(const Secp256k1::Scalar& a, uint32_t x) {
  __extension__ typedef unsigned __int128 u128;
  static constexpr std::array<uint64_t, 4> kTwo256ModN = {0x402DA1732FC9BEBFULL, 0x4551231950B75FC4ULL, 1, 0};
  static constexpr std::array<uint64_t, 4> kN = {0xBFD25E8CD0364141ULL, 0xBAAEDCE6AF48A03BULL,
                                                 0xFFFFFFFFFFFFFFFEULL, 0xFFFFFFFFFFFFFFFFULL};
  std::array<uint64_t, 4> r;
  uint64_t top = 0;
  for (size_t i = 0; i < 4; ++i) {
    const u128 t = static_cast<u128>(a.limbs()[i]) * x + top;
    r[i] = static_cast<uint64_t>(t);
    top = static_cast<uint64_t>(t >> 64);
  }
  auto fold = [&r](uint64_t v) {  // r += v·(2^256 − n) mod 2^256; returns the carry
    uint64_t carry = 0;
    for (size_t i = 0; i < 4; ++i) {
      const u128 t = static_cast<u128>(v) * kTwo256ModN[i] + r[i] + carry;
      r[i] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    return carry;
  };
  fold(fold(top));
  std::array<uint64_t, 4> d;
  uint64_t borrow = 0;
  for (size_t i = 0; i < 4; ++i) {
    const u128 t = static_cast<u128>(r[i]) - kN[i] - borrow;
    d[i] = static_cast<uint64_t>(t);
    borrow = static_cast<uint64_t>(t >> 64) & 1;
  }
  const uint64_t keep = 0 - borrow;  // all ones when r < n
  for (size_t i = 0; i < 4; ++i) r[i] = (r[i] & keep) | (d[i] & ~keep);
  return Secp256k1::Scalar::from_limbs_unchecked(r);
}

}  // namespace polynomial_detail

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
  // On secp256k1 each multiplication is polynomial_detail::mul_small_ct.
  Secret<Scalar> evaluate(uint32_t x) const {
    Secret<Scalar> acc(coeffs_.back().expose());
    for (size_t i = coeffs_.size() - 1; i-- > 0;) {
      if constexpr (std::is_same_v<C, Secp256k1>) {
        acc.expose_mut() = polynomial_detail::mul_small_ct(acc.expose(), x) + coeffs_[i].expose();
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
