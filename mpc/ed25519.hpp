// Ed25519's prime-order group (RFC 8032 §5.1) behind the okmpc::Curve concept
// (mpc/curve.hpp), on libsodium's crypto_core_ed25519_* and
// crypto_scalarmult_ed25519_*_noclamp primitives.
//
// Scalars are integers mod L = 2^252 + 27742317777372353535851937790883648493,
// stored as their canonical 32-byte little-endian encoding. Points are stored
// as their canonical 32-byte encoding (RFC 8032 §5.1.2) and always lie in the
// prime-order subgroup: from_bytes admits nothing else and the group law keeps
// it. Representation choices and the constant-time argument: papers/curves.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"

namespace okmpc {

struct Ed25519 {
  static constexpr std::string_view kName = "ed25519";
  static constexpr size_t kScalarBytes = 32;  // little-endian
  static constexpr size_t kPointBytes = 32;
  class Scalar;
  class Point;
};

// An integer mod L. Trivially copyable value type; wrap secrets in Secret<>.
// Arithmetic is libsodium's (constant time); results are always < L.
class Ed25519::Scalar {
 public:
  // Zero.
  constexpr Scalar() = default;

  static Scalar zero() { return Scalar(); }
  static Scalar one() { return from_u64(1); }
  static Scalar from_u64(uint64_t v);
  // Strict decode: exactly 32 little-endian bytes encoding a value < L (zero
  // is accepted). Wrong length -> kInvalidEncoding; value >= L -> kInvalidScalar.
  static Result<Scalar> from_bytes(ByteView bytes);
  // Any number of little-endian bytes (typically a 64-byte SHA-512 digest,
  // RFC 8032 §5.1.6) taken as one integer, reduced mod L. Constant time in the
  // content, not the length.
  static Scalar reduce(ByteView bytes);
  // Uniform nonzero scalar: 64 bytes from rng reduced mod L, drawn again in
  // the (negligible) event of zero.
  static Scalar random(Rng& rng);

  // Canonical 32-byte little-endian encoding.
  ByteArray<32> to_bytes() const { return bytes_; }

  friend Scalar operator+(const Scalar& a, const Scalar& b);
  friend Scalar operator-(const Scalar& a, const Scalar& b);
  friend Scalar operator*(const Scalar& a, const Scalar& b);
  Scalar operator-() const;
  Scalar& operator+=(const Scalar& b) { return *this = *this + b; }
  Scalar& operator-=(const Scalar& b) { return *this = *this - b; }
  Scalar& operator*=(const Scalar& b) { return *this = *this * b; }
  // Multiplicative inverse (crypto_core_ed25519_scalar_invert, constant
  // time). invert(0) = 0.
  Scalar invert() const;

  bool is_zero() const;
  // `flag ? b : a` without branching on flag.
  static Scalar select(bool flag, const Scalar& a, const Scalar& b);
  // Constant-time equality.
  friend bool operator==(const Scalar& a, const Scalar& b);

 private:
  ByteArray<32> bytes_{};
};

// An element of the prime-order subgroup, held as its canonical encoding.
class Ed25519::Point {
 public:
  // The identity.
  Point();

  static Point identity() { return Point(); }
  // B, the RFC 8032 base point.
  static Point generator();
  // s·B (crypto_scalarmult_ed25519_base_noclamp). Constant time in s;
  // 0·B = identity.
  static Point base_mul(const Scalar& s);
  // Strict decode: exactly 32 bytes (else kInvalidEncoding) forming a
  // canonical encoding (y < p) of a point on the curve, in the prime-order
  // subgroup and not of small order — which excludes the identity and the
  // eight torsion points (else kInvalidPoint). crypto_core_ed25519_is_valid_point.
  static Result<Point> from_bytes(ByteView bytes);

  // Canonical 32-byte encoding; the identity encodes as 01 00…00 (which
  // from_bytes rejects).
  ByteArray<32> to_bytes() const { return bytes_; }

  bool is_identity() const;

  friend Point operator+(const Point& p, const Point& q);
  friend Point operator-(const Point& p, const Point& q);
  Point operator-() const;
  Point& operator+=(const Point& q) { return *this = *this + q; }
  // s·P (crypto_scalarmult_ed25519_noclamp). Constant time in s; 0·P and
  // s·identity are the identity.
  friend Point operator*(const Scalar& s, const Point& p);

  friend bool operator==(const Point& p, const Point& q);

  // Σ points (identity for an empty span).
  static Point sum(std::span<const Point> points);
  // Σ scalars[i]·points[i]. Variable time: public inputs only (batched
  // verification). Precondition: equal span sizes (extra entries ignored).
  static Point multi_mul_vartime(std::span<const Scalar> scalars, std::span<const Point> points);

 private:
  ByteArray<32> bytes_;
};

}  // namespace okmpc
