// ToyCurve arithmetic in plain integers (affine short-Weierstrass formulas,
// SEC 1 §2.2.1). Variable time by design: test curve only.
#include "mpc/toy_curve.hpp"

#include <algorithm>
#include <string>

namespace okmpc {
namespace {

constexpr uint32_t kP = ToyCurve::kFieldPrime;
constexpr uint32_t kQ = ToyCurve::kOrder;

uint32_t pow_mod(uint32_t base, uint32_t exp, uint32_t mod) {
  uint32_t result = 1 % mod;
  base %= mod;
  while (exp > 0) {
    if (exp & 1) result = result * base % mod;
    base = base * base % mod;
    exp >>= 1;
  }
  return result;
}

uint32_t fadd(uint32_t a, uint32_t b) { return (a + b) % kP; }
uint32_t fsub(uint32_t a, uint32_t b) { return (a + kP - b) % kP; }
uint32_t fmul(uint32_t a, uint32_t b) { return a * b % kP; }
uint32_t finv(uint32_t a) { return pow_mod(a, kP - 2, kP); }
uint32_t rhs(uint32_t x) { return fadd(fmul(fmul(x, x), x), ToyCurve::kB); }

}  // namespace

// ---- Scalar -----------------------------------------------------------------

ToyCurve::Scalar ToyCurve::Scalar::from_u64(uint64_t v) {
  Scalar s;
  s.value_ = static_cast<uint8_t>(v % kQ);
  return s;
}

Result<ToyCurve::Scalar> ToyCurve::Scalar::from_bytes(ByteView bytes) {
  if (bytes.size() != 1) {
    return fail(ErrorCode::kInvalidEncoding,
                "toy scalar: expected 1 byte, got " + std::to_string(bytes.size()));
  }
  if (bytes[0] >= kQ) return fail(ErrorCode::kInvalidScalar, "toy scalar: value is not below 199");
  return from_u64(bytes[0]);
}

ToyCurve::Scalar ToyCurve::Scalar::reduce(ByteView bytes) {
  uint32_t acc = 0;
  for (uint8_t b : bytes) acc = (acc * 256 + b) % kQ;
  return from_u64(acc);
}

ToyCurve::Scalar ToyCurve::Scalar::random(Rng& rng) { return from_u64(1 + rng.uniform(kQ - 1)); }

ToyCurve::Scalar operator+(const ToyCurve::Scalar& a, const ToyCurve::Scalar& b) {
  return ToyCurve::Scalar::from_u64(uint64_t{a.value_} + b.value_);
}
ToyCurve::Scalar operator-(const ToyCurve::Scalar& a, const ToyCurve::Scalar& b) {
  return ToyCurve::Scalar::from_u64(uint64_t{a.value_} + kQ - b.value_);
}
ToyCurve::Scalar operator*(const ToyCurve::Scalar& a, const ToyCurve::Scalar& b) {
  return ToyCurve::Scalar::from_u64(uint64_t{a.value_} * b.value_);
}
ToyCurve::Scalar ToyCurve::Scalar::operator-() const { return zero() - *this; }
ToyCurve::Scalar ToyCurve::Scalar::invert() const { return from_u64(pow_mod(value_, kQ - 2, kQ)); }

// ---- Point ------------------------------------------------------------------

ToyCurve::Point ToyCurve::Point::generator() { return *from_affine(3, 33); }

ToyCurve::Point ToyCurve::Point::base_mul(const Scalar& s) { return s * generator(); }

Result<ToyCurve::Point> ToyCurve::Point::from_affine(uint32_t x, uint32_t y) {
  if (x >= kP || y >= kP || fmul(y, y) != rhs(x)) {
    return fail(ErrorCode::kInvalidPoint, "toy point: not on the curve");
  }
  Point p;
  p.x_ = static_cast<uint8_t>(x);
  p.y_ = static_cast<uint8_t>(y);
  p.identity_ = false;
  return p;
}

Result<ToyCurve::Point> ToyCurve::Point::from_bytes(ByteView bytes) {
  if (bytes.size() != 2) {
    return fail(ErrorCode::kInvalidEncoding,
                "toy point: expected 2 bytes, got " + std::to_string(bytes.size()));
  }
  if (bytes[0] == 0 && bytes[1] == 0) {
    return fail(ErrorCode::kInvalidPoint, "toy point: the identity is not accepted");
  }
  if ((bytes[0] != 2 && bytes[0] != 3) || bytes[1] >= kP) {
    return fail(ErrorCode::kInvalidEncoding, "toy point: bad tag or x >= 211");
  }
  const uint32_t x = bytes[1];
  const uint32_t want_odd = bytes[0] & 1;
  // p ≡ 3 (mod 4): the square root of a square r is r^((p+1)/4).
  const uint32_t r = rhs(x);
  uint32_t y = pow_mod(r, (kP + 1) / 4, kP);
  if (fmul(y, y) != r) return fail(ErrorCode::kInvalidPoint, "toy point: x is not on the curve");
  if ((y & 1) != want_odd) y = fsub(0, y);
  return from_affine(x, y);
}

ByteArray<2> ToyCurve::Point::to_bytes() const {
  if (identity_) return {0, 0};
  return {static_cast<uint8_t>(2 | (y_ & 1)), x_};
}

ToyCurve::Point operator+(const ToyCurve::Point& p, const ToyCurve::Point& q) {
  if (p.identity_) return q;
  if (q.identity_) return p;
  uint32_t lambda;
  if (p.x_ == q.x_) {
    if (fadd(p.y_, q.y_) == 0) return ToyCurve::Point::identity();  // q = -p (no 2-torsion)
    lambda = fmul(fmul(3, fmul(p.x_, p.x_)), finv(fmul(2, p.y_)));
  } else {
    lambda = fmul(fsub(q.y_, p.y_), finv(fsub(q.x_, p.x_)));
  }
  const uint32_t x = fsub(fsub(fmul(lambda, lambda), p.x_), q.x_);
  const uint32_t y = fsub(fmul(lambda, fsub(p.x_, x)), p.y_);
  ToyCurve::Point r;
  r.x_ = static_cast<uint8_t>(x);
  r.y_ = static_cast<uint8_t>(y);
  r.identity_ = false;
  return r;
}

ToyCurve::Point ToyCurve::Point::operator-() const {
  Point r = *this;
  if (!identity_) r.y_ = static_cast<uint8_t>(fsub(0, y_));
  return r;
}

ToyCurve::Point operator-(const ToyCurve::Point& p, const ToyCurve::Point& q) { return p + (-q); }

ToyCurve::Point operator*(const ToyCurve::Scalar& s, const ToyCurve::Point& p) {
  ToyCurve::Point acc;
  for (int bit = 7; bit >= 0; --bit) {
    acc = acc + acc;
    if ((s.value() >> bit) & 1) acc = acc + p;
  }
  return acc;
}

bool operator==(const ToyCurve::Point& p, const ToyCurve::Point& q) {
  if (p.identity_ || q.identity_) return p.identity_ == q.identity_;
  return p.x_ == q.x_ && p.y_ == q.y_;
}

ToyCurve::Point ToyCurve::Point::sum(std::span<const Point> points) {
  Point acc;
  for (const Point& p : points) acc += p;
  return acc;
}

ToyCurve::Point ToyCurve::Point::multi_mul_vartime(std::span<const Scalar> scalars,
                                                   std::span<const Point> points) {
  const size_t n = std::min(scalars.size(), points.size());
  Point acc;
  for (size_t i = 0; i < n; ++i) acc += scalars[i] * points[i];
  return acc;
}

}  // namespace okmpc
