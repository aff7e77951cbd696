// secp256k1 (SEC 2 §2.4.1) behind the okmpc::Curve concept (mpc/curve.hpp).
//
// Scalars are integers mod the group order
//   n = 0xFFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141
// held in four 64-bit limbs and computed by okmpc itself (libsecp256k1 0.2 has
// no public scalar API). Points wrap libsecp256k1's `secp256k1_pubkey` plus an
// identity flag, because libsecp256k1 cannot represent the point at infinity.
// Representation choices and the constant-time argument: papers/curves.md.
#pragma once

#include <secp256k1.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"

namespace okmpc {

// The process-wide libsecp256k1 context every okmpc layer uses. Created once
// (thread-safe static initialization) and randomized with 32 bytes from the OS
// CSPRNG (blinding against side channels). Never destroyed; never null.
// Read-only use from any number of threads is safe.
const secp256k1_context* secp256k1_ctx();

struct Secp256k1 {
  static constexpr std::string_view kName = "secp256k1";
  static constexpr size_t kScalarBytes = 32;  // big-endian (SEC 1 §2.3.7)
  static constexpr size_t kPointBytes = 33;   // compressed (SEC 1 §2.3.3)
  class Scalar;
  class Point;
};

// An integer mod n. Trivially copyable value type; wrap secrets in Secret<>.
// Every operation below runs in constant time unless its name ends in
// _vartime; results are always fully reduced (< n).
class Secp256k1::Scalar {
 public:
  using Limbs = std::array<uint64_t, 4>;  // little-endian limb order

  // Zero.
  constexpr Scalar() = default;

  static Scalar zero() { return Scalar(); }
  static Scalar one() { return from_u64(1); }
  // v (always < n).
  static Scalar from_u64(uint64_t v);
  // Strict decode: exactly 32 big-endian bytes encoding a value < n (zero is
  // accepted). Wrong length -> kInvalidEncoding; value >= n -> kInvalidScalar.
  static Result<Scalar> from_bytes(ByteView bytes);
  // Any number of big-endian bytes (typically a 32- or 64-byte hash) taken as
  // one integer, reduced mod n. Constant time in the content, not the length.
  static Scalar reduce(ByteView bytes);
  // Uniform nonzero scalar: 64 bytes from rng reduced mod n (bias < 2^-256),
  // drawn again in the (negligible) event of zero.
  static Scalar random(Rng& rng);
  // The raw limbs, for tests and other low-level code. Must be < n.
  // Defined here so the unreduced-sum code that ends in it (thousands of
  // reductions per DKLs23 signature) does not pay a call per scalar.
  static Scalar from_limbs_unchecked(const Limbs& limbs) {
    Scalar s;
    s.limbs_ = limbs;
    return s;
  }

  // 32-byte big-endian encoding.
  ByteArray<32> to_bytes() const;
  const Limbs& limbs() const { return limbs_; }

  friend Scalar operator+(const Scalar& a, const Scalar& b);
  friend Scalar operator-(const Scalar& a, const Scalar& b);
  friend Scalar operator*(const Scalar& a, const Scalar& b);
  Scalar operator-() const;
  Scalar& operator+=(const Scalar& b) { return *this = *this + b; }
  Scalar& operator-=(const Scalar& b) { return *this = *this - b; }
  Scalar& operator*=(const Scalar& b) { return *this = *this * b; }
  // Multiplicative inverse by Fermat (a^(n-2)) with a fixed exponent: constant
  // time. invert(0) = 0.
  Scalar invert() const;
  // The same inverse for a PUBLIC value (a sum of published signature
  // shares): GMP's extended gcd, variable time, a fraction of invert()'s
  // cost. invert_vartime(0) = 0. Never for secret values.
  Scalar invert_vartime() const;
  // this^2.
  Scalar square() const { return *this * *this; }
  // this·x for a small PUBLIC x < 2^32, constant time in this: a fraction
  // of a full product (Horner steps at small identifiers, DKG weights).
  Scalar mul_small(uint32_t x) const;

  bool is_zero() const;
  // True iff the value is > n/2 (the "high" half; ECDSA low-s wants false).
  bool is_high() const;
  // -this if is_high(), else this (constant time). Result satisfies !is_high().
  Scalar negate_if_high() const;
  // `flag ? b : a` without branching on flag.
  static Scalar select(bool flag, const Scalar& a, const Scalar& b);

  // Constant-time equality.
  friend bool operator==(const Scalar& a, const Scalar& b);

 private:
  Limbs limbs_{};
};

// A point of the secp256k1 group: either the identity or a libsecp256k1 public
// key. Trivially copyable value type.
class Secp256k1::Point {
 public:
  // The identity.
  Point() = default;

  static Point identity() { return Point(); }
  // G, the SEC 2 base point (derived once, then copied).
  static Point generator();
  // s·G by okmpc's constant-time comb (mpc/secp256k1_base.hpp); the same
  // key libsecp256k1's secp256k1_ec_pubkey_create returns. Constant time in
  // s up to the product: s·G itself is treated as PUBLIC (it is encoded for
  // libsecp256k1 by variable-time code, and declassified for the
  // constant-time check), so never use base_mul where s·G must stay
  // secret. 0·G = identity.
  static Point base_mul(const Scalar& s);
  // {a·G, b·G} as base_mul twice, with one shared inversion (FROST's
  // hiding and binding nonce commitments). Same contract as base_mul.
  static std::array<Point, 2> base_mul_pair(const Scalar& a, const Scalar& b);
  // result[i] = scalars[i]·G as base_mul, with ONE constant-time inversion
  // shared by the whole batch (a protocol round's commitments and
  // evidence points): same results and the same contract as base_mul —
  // constant time in every scalar, each product public; zero scalars give
  // the identity. An empty span gives an empty vector.
  static std::vector<Point> base_mul_batch(std::span<const Scalar> scalars);
  // a·G + B when add, a·G otherwise, for a PUBLIC point B: the sum by the
  // comb's complete formulas and a masked choice, so a·G itself and `add`
  // never reach variable-time code — only the result does, which is public
  // by the same contract as base_mul. For a party that publishes one of
  // a·G and a·G + B and must keep which one secret (the Simplest-OT
  // receiver, protocols/ecdsa/ot/base_ot.cpp). Any a (0 included) and B
  // (the identity included).
  static Point base_mul_add_if(const Scalar& a, const Point& b, bool add);
  // Strict decode: 33 bytes 02/03‖X (compressed) or 65 bytes 04‖X‖Y
  // (uncompressed). Hybrid prefixes 06/07, other prefixes or lengths ->
  // kInvalidEncoding; the identity (33 zero bytes), X >= p or a point off the
  // curve -> kInvalidPoint.
  static Result<Point> from_bytes(ByteView bytes);
  // Wraps a libsecp256k1 public key (never the identity).
  static Point from_raw(const secp256k1_pubkey& pk);
  // from_bytes for PUBLIC encodings (received commitments, nonces): the same
  // results and errors, variable time. The uncompressed form is checked on
  // okmpc's native field (coordinates < p, y^2 = x^3 + 7) and stored
  // without libsecp256k1's parse, several times cheaper; every other input
  // goes to from_bytes.
  static Result<Point> from_bytes_vartime(ByteView bytes);

  // 33-byte compressed encoding; the identity encodes as 33 zero bytes (which
  // from_bytes rejects).
  ByteArray<33> to_bytes() const;
  // 65-byte 04‖X‖Y encoding (Ethereum addresses, DOMAIN.md); the identity
  // encodes as 65 zero bytes.
  ByteArray<65> to_bytes_uncompressed() const;
  // The libsecp256k1 public key. Precondition: !is_identity() (checked by an
  // assert in debug builds; in release the returned key is all zero, which
  // libsecp256k1 rejects as invalid).
  const secp256k1_pubkey& raw() const;

  bool is_identity() const { return identity_; }

  // Group law through secp256k1_ec_pubkey_combine / _negate; P + (-P) and
  // identity operands are handled here.
  friend Point operator+(const Point& p, const Point& q);
  friend Point operator-(const Point& p, const Point& q);
  Point operator-() const;
  Point& operator+=(const Point& q) { return *this = *this + q; }
  // s·P through secp256k1_ecdh (ecmult_const): constant time in s; 0·P and
  // s·identity are the identity.
  friend Point operator*(const Scalar& s, const Point& p);
  // s·P for a PUBLIC scalar s (verification, Feldman) through
  // secp256k1_ec_pubkey_tweak_mul, libsecp256k1's VARIABLE-time ecmult (for
  // a single term it beats the native Strauss, see papers/curves.md). Same
  // results as operator*; never for secret s. 0·P and s·identity = identity.
  static Point mul_vartime(const Scalar& s, const Point& p);
  // a·G + b·P for public a, b, P (Schnorr/FROST verification), one Strauss
  // pass with the precomputed table for G. Variable time.
  static Point double_mul_vartime(const Scalar& a, const Scalar& b, const Point& p);

  friend bool operator==(const Point& p, const Point& q);

  // Σ points (identity for an empty span): native Jacobian additions and one
  // inversion. Public points only (variable time).
  static Point sum(std::span<const Point> points);
  // result[k] = Σ_r rows[r][k] for k < width: the coefficient-wise sum of
  // equal-length vectors (the DKG's Feldman commitment vectors), all columns
  // at once by batch-affine tree addition (secp256k1_vartime::sum_groups:
  // one shared field inversion per tree level). Identity entries add
  // nothing; no rows give identities. Precondition: every row has at least
  // width entries. Public points only (variable time).
  static std::vector<Point> sum_columns_vartime(std::span<const std::span<const Point>> rows, size_t width);
  // Σ scalars[i]·points[i]. Variable time: public inputs only (batched
  // verification) on okmpc's native arithmetic (mpc/secp256k1_msm.hpp):
  // Strauss/wNAF with GLV below kPippengerThreshold terms, Pippenger from
  // there; occurrences of G share one term with a precomputed table; a single
  // remaining term goes to mul_vartime. Precondition: equal span sizes
  // (extra entries ignored).
  static Point multi_mul_vartime(std::span<const Scalar> scalars, std::span<const Point> points);
  // result[i] = Σ_k xs[i]^k · coeffs[k] (the DKG's verification shares from
  // the summed commitment polynomial): Horner's rule with small-integer
  // multiplications in Jacobian coordinates and one batch normalisation.
  // Empty coeffs give identities. Variable time: public inputs only.
  static std::vector<Point> eval_poly_vartime(std::span<const Point> coeffs, std::span<const uint32_t> xs);

 private:
  // Turns this point into the identity when flag is set, without a branch
  // on flag (base_mul's zero scalar).
  void make_identity_if(bool flag);

  secp256k1_pubkey pk_{};
  bool identity_ = true;
};

}  // namespace okmpc
