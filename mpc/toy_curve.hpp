// ToyCurve: y² = x³ + 7 over F_211, a cyclic group of prime order 199 — small
// enough to check the whole group law exhaustively (the habit of
// libsecp256k1's exhaustive tests). It satisfies okmpc::Curve so every generic
// protocol can also be run on it.
//
// NOT FOR SECRETS: every operation here is variable time. Test use only.
//
// Encodings: a scalar is 1 byte (value < 199); a point is 2 bytes
// tag‖x with tag 02 (y even) or 03 (y odd), x < 211; the identity encodes as
// 00 00 (rejected by from_bytes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"

namespace okmpc {

struct ToyCurve {
  static constexpr std::string_view kName = "toy211";
  static constexpr size_t kScalarBytes = 1;
  static constexpr size_t kPointBytes = 2;
  static constexpr uint32_t kFieldPrime = 211;
  static constexpr uint32_t kOrder = 199;
  static constexpr uint32_t kB = 7;  // y² = x³ + kB
  class Scalar;
  class Point;
};

// An integer mod 199.
class ToyCurve::Scalar {
 public:
  constexpr Scalar() = default;

  static Scalar zero() { return Scalar(); }
  static Scalar one() { return from_u64(1); }
  static Scalar from_u64(uint64_t v);
  // Exactly 1 byte < 199, else kInvalidEncoding / kInvalidScalar.
  static Result<Scalar> from_bytes(ByteView bytes);
  // Big-endian bytes of any length, mod 199.
  static Scalar reduce(ByteView bytes);
  // Uniform in [1, 199).
  static Scalar random(Rng& rng);

  ByteArray<1> to_bytes() const { return {value_}; }
  uint32_t value() const { return value_; }

  friend Scalar operator+(const Scalar& a, const Scalar& b);
  friend Scalar operator-(const Scalar& a, const Scalar& b);
  friend Scalar operator*(const Scalar& a, const Scalar& b);
  Scalar operator-() const;
  // a^(197); invert(0) = 0.
  Scalar invert() const;
  bool is_zero() const { return value_ == 0; }
  friend bool operator==(const Scalar& a, const Scalar& b) { return a.value_ == b.value_; }

 private:
  uint8_t value_ = 0;
};

// An affine point with an identity flag.
class ToyCurve::Point {
 public:
  // The identity.
  constexpr Point() = default;

  static Point identity() { return Point(); }
  // The generator (3, 33); every non-identity point generates the group.
  static Point generator();
  static Point base_mul(const Scalar& s);
  // Exactly 2 bytes (else kInvalidEncoding); tag 02/03 and x < 211 (else
  // kInvalidEncoding); 00 00 is the identity and x with no square root of
  // x³ + 7 is off the curve (kInvalidPoint).
  static Result<Point> from_bytes(ByteView bytes);
  // Affine coordinates, both < 211; precondition: on the curve (tests).
  static Result<Point> from_affine(uint32_t x, uint32_t y);

  ByteArray<2> to_bytes() const;
  bool is_identity() const { return identity_; }
  uint32_t x() const { return x_; }
  uint32_t y() const { return y_; }

  friend Point operator+(const Point& p, const Point& q);
  friend Point operator-(const Point& p, const Point& q);
  Point operator-() const;
  Point& operator+=(const Point& q) { return *this = *this + q; }
  friend Point operator*(const Scalar& s, const Point& p);
  friend bool operator==(const Point& p, const Point& q);

  static Point sum(std::span<const Point> points);
  static Point multi_mul_vartime(std::span<const Scalar> scalars, std::span<const Point> points);

 private:
  uint8_t x_ = 0;
  uint8_t y_ = 0;
  bool identity_ = true;
};

}  // namespace okmpc
