// Ed25519's prime-order group (RFC 8032 §5.1) behind the okmpc::Curve concept
// (mpc/curve.hpp): scalar arithmetic and s·P for a secret s on libsodium's
// crypto_core_ed25519_* and crypto_scalarmult_ed25519_noclamp; s·B for a
// secret s on okmpc's constant-time fixed-base comb (mpc/ed25519_base.hpp);
// point decoding, addition, comparison and public-scalar multiplication on
// okmpc's own field and group arithmetic (mpc/ed25519_field.hpp,
// mpc/ed25519_group.hpp, mpc/ed25519_msm.hpp).
//
// Scalars are integers mod L = 2^252 + 27742317777372353535851937790883648493,
// stored as their canonical 32-byte little-endian encoding. Points are stored
// decoded, in extended coordinates, plus their canonical 32-byte encoding
// (RFC 8032 §5.1.2) when it is known (after from_bytes, base_mul and s·P);
// they always lie in the prime-order subgroup: from_bytes admits nothing else
// and the group law keeps it. Representation choices and the constant-time
// argument: papers/curves.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/ed25519_group.hpp"
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

// An element of the prime-order subgroup, held in extended coordinates.
// Copyable value type. Unless named _vartime, functions are constant time in
// the point and scalar values.
class Ed25519::Point {
 public:
  // The identity.
  Point();

  static Point identity() { return Point(); }
  // B, the RFC 8032 base point (derived once, then copied).
  static Point generator();
  // s·B by okmpc's fixed-base comb (mpc/ed25519_base.hpp), with the
  // encoding computed at once (one inversion). Constant time in s;
  // 0·B = identity.
  static Point base_mul(const Scalar& s);
  // {a·B, b·B} as base_mul twice, but both encodings from one shared
  // inversion (a signer's hiding and binding nonce commitments, RFC 9591
  // §5.1). Constant time in a and b.
  static std::array<Point, 2> base_mul_pair(const Scalar& a, const Scalar& b);
  // Strict decode: exactly 32 bytes (else kInvalidEncoding) forming a
  // canonical encoding (y < p) of a point on the curve, in the prime-order
  // subgroup and not of small order — which excludes the identity and the
  // eight torsion points (else kInvalidPoint). Accepts exactly what
  // crypto_core_ed25519_is_valid_point accepts. Variable time (the input is
  // public): decoding per RFC 8032 §5.1.3, then [L]P = identity.
  static Result<Point> from_bytes(ByteView bytes);

  // Canonical 32-byte encoding; the identity encodes as 01 00…00 (which
  // from_bytes rejects). Costs one field inversion unless the encoding is
  // already held (points from from_bytes, base_mul and s·P).
  ByteArray<32> to_bytes() const;

  bool is_identity() const;

  // Complete addition formulas: no re-decoding, no encoding.
  friend Point operator+(const Point& p, const Point& q);
  friend Point operator-(const Point& p, const Point& q);
  Point operator-() const;
  Point& operator+=(const Point& q) { return *this = *this + q; }
  // s·P (crypto_scalarmult_ed25519_noclamp). Constant time in s; 0·P and
  // s·identity are the identity.
  friend Point operator*(const Scalar& s, const Point& p);
  // s·P for a PUBLIC s (width-5 NAF). Variable time.
  static Point mul_vartime(const Scalar& s, const Point& p);
  // a·B + b·P for PUBLIC a, b, P (signature verification): one Strauss pass
  // with a precomputed width-8 table for B (mpc/ed25519_msm.hpp). Variable
  // time.
  static Point double_mul_vartime(const Scalar& a, const Scalar& b, const Point& p);

  // Projective comparison (no inversion).
  friend bool operator==(const Point& p, const Point& q);

  // Σ points (identity for an empty span), without intermediate encodings.
  static Point sum(std::span<const Point> points);
  // Σ scalars[i]·points[i]. Variable time: public inputs only (batched
  // verification). Strauss/wNAF below kPippengerThreshold points, Pippenger
  // above (mpc/ed25519_msm.hpp). Precondition: equal span sizes (extra
  // entries ignored).
  static Point multi_mul_vartime(std::span<const Scalar> scalars, std::span<const Point> points);
  // result[i] = Σ_k xs[i]^k · coeffs[k] (Horner with small-integer
  // multiplications; all identities for empty coeffs): Feldman commitments
  // evaluated at party indices. Variable time: public inputs only.
  static std::vector<Point> eval_poly_vartime(std::span<const Point> coeffs, std::span<const uint32_t> xs);

 private:
  explicit Point(const ed25519::GeP3& p) : p_(p) {}
  // The point libsodium returned as `bytes` (a valid encoding, or the
  // identity's), decoded in constant time.
  static Point from_trusted_encoding(const ByteArray<32>& bytes);

  ed25519::GeP3 p_;
  ByteArray<32> encoding_{};
  bool has_encoding_ = false;
};

}  // namespace okmpc
