// Ed25519 scalars and points on libsodium's core primitives. libsodium signals
// "the result is the identity" (and "the scalar is 0", and "the input point has
// small order", which for our points only happens for the identity) with -1;
// every such return is mapped to the identity here.
#include "mpc/ed25519.hpp"

#include <sodium.h>

#include "mpc/ed25519_base.hpp"
#include "mpc/ed25519_msm.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace okmpc {
namespace {

// L, little-endian (RFC 8032 §5.1).
constexpr ByteArray<32> kOrderL = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                   0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                   0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};
constexpr ByteArray<32> kIdentityEncoding = {1};

// 1 iff the little-endian value b is < L; the borrow of b - L, no branches.
bool below_order(ByteView b) {
  unsigned borrow = 0;
  for (size_t i = 0; i < 32; ++i) {
    unsigned d = static_cast<unsigned>(b[i]) - kOrderL[i] - borrow;
    borrow = (d >> 8) & 1;
  }
  return borrow == 1;
}

void cmov_bytes(ByteArray<32>& r, const ByteArray<32>& a, bool flag) {
  const uint8_t mask = static_cast<uint8_t>(0 - static_cast<uint8_t>(flag));
  for (size_t i = 0; i < 32; ++i) r[i] = static_cast<uint8_t>((r[i] & ~mask) | (a[i] & mask));
}

}  // namespace

// ---- Scalar -----------------------------------------------------------------

Ed25519::Scalar Ed25519::Scalar::from_u64(uint64_t v) {
  Scalar s;
  for (size_t i = 0; i < 8; ++i) s.bytes_[i] = static_cast<uint8_t>(v >> (8 * i));
  return s;
}

Result<Ed25519::Scalar> Ed25519::Scalar::from_bytes(ByteView bytes) {
  if (bytes.size() != 32) {
    return fail(ErrorCode::kInvalidEncoding,
                "ed25519 scalar: expected 32 bytes, got " + std::to_string(bytes.size()));
  }
  if (!below_order(bytes)) {
    return fail(ErrorCode::kInvalidScalar, "ed25519 scalar: value is not below the group order L");
  }
  Scalar s;
  std::copy(bytes.begin(), bytes.end(), s.bytes_.begin());
  return s;
}

Ed25519::Scalar Ed25519::Scalar::reduce(ByteView bytes) {
  // Horner over 32-byte chunks from the most significant (last) end:
  // acc = chunk + acc·2^256, which is the 64-byte little-endian chunk ‖ acc.
  Scalar acc;
  size_t top = bytes.size() % 32;
  if (top == 0 && !bytes.empty()) top = 32;
  size_t end = bytes.size();
  while (end > 0) {
    const size_t len = end == bytes.size() ? top : 32;
    ByteArray<64> wide{};
    std::copy(bytes.begin() + static_cast<std::ptrdiff_t>(end - len),
              bytes.begin() + static_cast<std::ptrdiff_t>(end), wide.begin());
    std::copy(acc.bytes_.begin(), acc.bytes_.end(), wide.begin() + 32);
    crypto_core_ed25519_scalar_reduce(acc.bytes_.data(), wide.data());
    sodium_memzero(wide.data(), wide.size());
    end -= len;
  }
  return acc;
}

Ed25519::Scalar Ed25519::Scalar::random(Rng& rng) {
  for (;;) {
    ByteArray<64> buf = rng.bytes<64>();
    Scalar s = reduce(buf);
    sodium_memzero(buf.data(), buf.size());
    if (!s.is_zero()) return s;
  }
}

Ed25519::Scalar operator+(const Ed25519::Scalar& a, const Ed25519::Scalar& b) {
  Ed25519::Scalar r;
  crypto_core_ed25519_scalar_add(r.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return r;
}

Ed25519::Scalar operator-(const Ed25519::Scalar& a, const Ed25519::Scalar& b) {
  Ed25519::Scalar r;
  crypto_core_ed25519_scalar_sub(r.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return r;
}

Ed25519::Scalar operator*(const Ed25519::Scalar& a, const Ed25519::Scalar& b) {
  Ed25519::Scalar r;
  crypto_core_ed25519_scalar_mul(r.bytes_.data(), a.bytes_.data(), b.bytes_.data());
  return r;
}

Ed25519::Scalar Ed25519::Scalar::operator-() const {
  Scalar r;
  crypto_core_ed25519_scalar_negate(r.bytes_.data(), bytes_.data());
  return r;
}

Ed25519::Scalar Ed25519::Scalar::invert() const {
  Scalar r;
  // Returns -1 for 0 and still writes 0^(L-2) = 0, which is our contract.
  (void)crypto_core_ed25519_scalar_invert(r.bytes_.data(), bytes_.data());
  return r;
}

bool Ed25519::Scalar::is_zero() const { return sodium_is_zero(bytes_.data(), bytes_.size()) == 1; }

Ed25519::Scalar Ed25519::Scalar::select(bool flag, const Scalar& a, const Scalar& b) {
  Scalar r = a;
  cmov_bytes(r.bytes_, b.bytes_, flag);
  return r;
}

bool operator==(const Ed25519::Scalar& a, const Ed25519::Scalar& b) {
  return sodium_memcmp(a.bytes_.data(), b.bytes_.data(), a.bytes_.size()) == 0;
}

// ---- Point ------------------------------------------------------------------

Ed25519::Point::Point() : p_(ed25519::ge_identity()), encoding_(kIdentityEncoding), has_encoding_(true) {}

Ed25519::Point Ed25519::Point::from_trusted_encoding(const ByteArray<32>& bytes) {
  Point p;
  (void)ed25519::ge_decode(bytes, &p.p_);  // always 1 for libsodium's outputs
  p.encoding_ = bytes;
  p.has_encoding_ = true;
  return p;
}

Ed25519::Point Ed25519::Point::generator() {
  static const Point b = base_mul(Scalar::one());  // computed once per process
  return b;
}

Ed25519::Point Ed25519::Point::base_mul(const Scalar& s) {
  ByteArray<32> k = s.to_bytes();
  Point p(ed25519::ge_base_mul(k));
  sodium_memzero(k.data(), k.size());
  p.encoding_ = ed25519::ge_encode(p.p_);
  p.has_encoding_ = true;
  return p;
}

std::array<Ed25519::Point, 2> Ed25519::Point::base_mul_pair(const Scalar& a, const Scalar& b) {
  ByteArray<32> k = a.to_bytes();
  Point pa(ed25519::ge_base_mul(k));
  k = b.to_bytes();
  Point pb(ed25519::ge_base_mul(k));
  sodium_memzero(k.data(), k.size());
  // 1/Z_a = Z_b/(Z_a·Z_b), 1/Z_b = Z_a/(Z_a·Z_b): Z is never 0.
  const ed25519::Fe inv = ed25519::fe_invert(ed25519::fe_mul(pa.p_.Z, pb.p_.Z));
  pa.encoding_ = ed25519::ge_encode_with_inverse(pa.p_, ed25519::fe_mul(inv, pb.p_.Z));
  pb.encoding_ = ed25519::ge_encode_with_inverse(pb.p_, ed25519::fe_mul(inv, pa.p_.Z));
  pa.has_encoding_ = pb.has_encoding_ = true;
  return {pa, pb};
}

Result<Ed25519::Point> Ed25519::Point::from_bytes(ByteView bytes) {
  if (bytes.size() != 32) {
    return fail(ErrorCode::kInvalidEncoding,
                "ed25519 point: expected 32 bytes, got " + std::to_string(bytes.size()));
  }
  ByteArray<32> s;
  std::copy(bytes.begin(), bytes.end(), s.begin());
  Point p;
  // Small order and nonzero means [L]P ≠ identity (L is odd, the torsion
  // has order 8), so "identity excluded, [L]P = identity" is exactly
  // "prime order".
  if (ed25519::ge_decode(s, &p.p_) != 1 || ed25519::ge_is_identity(p.p_) == 1 ||
      !ed25519::ge_is_torsion_free_vartime(p.p_)) {
    return fail(ErrorCode::kInvalidPoint,
                "ed25519 point: non-canonical, off the curve, of small order (incl. the identity) "
                "or outside the prime-order subgroup");
  }
  p.encoding_ = s;
  p.has_encoding_ = true;
  return p;
}

ByteArray<32> Ed25519::Point::to_bytes() const { return has_encoding_ ? encoding_ : ed25519::ge_encode(p_); }

bool Ed25519::Point::is_identity() const { return ed25519::ge_is_identity(p_) == 1; }

Ed25519::Point operator+(const Ed25519::Point& p, const Ed25519::Point& q) {
  return Ed25519::Point(ed25519::ge_add(p.p_, q.p_));
}

Ed25519::Point operator-(const Ed25519::Point& p, const Ed25519::Point& q) {
  return Ed25519::Point(ed25519::ge_sub(p.p_, q.p_));
}

Ed25519::Point Ed25519::Point::operator-() const { return Point(ed25519::ge_neg(p_)); }

Ed25519::Point operator*(const Ed25519::Scalar& s, const Ed25519::Point& p) {
  ByteArray<32> out = kIdentityEncoding;
  const ByteArray<32> in = p.to_bytes();
  ByteArray<32> k = s.to_bytes();
  const bool inf = crypto_scalarmult_ed25519_noclamp(out.data(), k.data(), in.data()) != 0;
  sodium_memzero(k.data(), k.size());
  cmov_bytes(out, kIdentityEncoding, inf);
  return Ed25519::Point::from_trusted_encoding(out);
}

Ed25519::Point Ed25519::Point::mul_vartime(const Scalar& s, const Point& p) {
  return Point(ed25519::ge_mul_vartime(s.to_bytes(), p.p_));
}

Ed25519::Point Ed25519::Point::double_mul_vartime(const Scalar& a, const Scalar& b, const Point& p) {
  return Point(ed25519::ge_double_mul_base_vartime(a.to_bytes(), b.to_bytes(), p.p_));
}

bool operator==(const Ed25519::Point& p, const Ed25519::Point& q) { return ed25519::ge_equal(p.p_, q.p_) == 1; }

Ed25519::Point Ed25519::Point::sum(std::span<const Point> points) {
  ed25519::GeP3 acc = ed25519::ge_identity();
  for (const Point& p : points) acc = ed25519::ge_add(acc, p.p_);
  return Point(acc);
}

Ed25519::Point Ed25519::Point::multi_mul_vartime(std::span<const Scalar> scalars,
                                                 std::span<const Point> points) {
  const size_t n = std::min(scalars.size(), points.size());
  std::vector<ByteArray<32>> ks(n);
  std::vector<ed25519::GeP3> ps(n);
  for (size_t i = 0; i < n; ++i) {
    ks[i] = scalars[i].to_bytes();
    ps[i] = points[i].p_;
  }
  return Point(ed25519::ge_multi_mul_vartime(ks, ps));
}

std::vector<Ed25519::Point> Ed25519::Point::eval_poly_vartime(std::span<const Point> coeffs,
                                                              std::span<const uint32_t> xs) {
  std::vector<ed25519::GeP3> cs(coeffs.size());
  for (size_t k = 0; k < coeffs.size(); ++k) cs[k] = coeffs[k].p_;
  std::vector<Point> out;
  out.reserve(xs.size());
  for (const ed25519::GeP3& r : ed25519::ge_eval_poly_vartime(cs, xs)) out.push_back(Point(r));
  return out;
}

}  // namespace okmpc
