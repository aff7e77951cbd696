// The Ed25519 curve -x² + y² = 1 + d·x²·y² over GF(2^255 - 19) in extended
// twisted Edwards coordinates (Hisil, Wong, Carter, Dawson, "Twisted Edwards
// Curves Revisited", ASIACRYPT 2008, §3.1 with a = -1), with the completed
// ("P1P1") and cached forms of the ref10 implementation (Bernstein et al.,
// "High-speed high-security signatures", §4).
//
// The formulas are complete on the whole curve (no exceptional cases), so
// add/sub/dbl are correct for the identity, equal inputs and P + (-P). Unless
// named _vartime, every function here is constant time in the point values
// (field arithmetic of mpc/ed25519_field.hpp and masks, no branches).
// Encoding and decoding: RFC 8032 §5.1.2 and §5.1.3.
#pragma once

#include <cstdint>

#include "mpc/bytes.hpp"
#include "mpc/ed25519_field.hpp"

namespace okmpc::ed25519 {

// Extended coordinates: x = X/Z, y = Y/Z, x·y = T/Z, Z ≠ 0.
struct GeP3 {
  Fe X, Y, Z, T;
};
// Projective coordinates (x = X/Z, y = Y/Z): the doubling input.
struct GeP2 {
  Fe X, Y, Z;
};
// Completed coordinates: x = X/Z, y = Y/T; the output of add and double.
struct GeP1P1 {
  Fe X, Y, Z, T;
};
// An addend prepared for repeated additions: (Y+X, Y-X, Z, 2d·T).
struct GeCached {
  Fe YplusX, YminusX, Z, T2d;
};

// The identity (0, 1).
inline GeP3 ge_identity() { return GeP3{kFeZero, kFeOne, kFeOne, kFeZero}; }

inline GeP2 ge_to_p2(const GeP1P1& p) { return GeP2{fe_mul(p.X, p.T), fe_mul(p.Y, p.Z), fe_mul(p.Z, p.T)}; }
inline GeP2 ge_to_p2(const GeP3& p) { return GeP2{p.X, p.Y, p.Z}; }
inline GeP3 ge_to_p3(const GeP1P1& p) {
  return GeP3{fe_mul(p.X, p.T), fe_mul(p.Y, p.Z), fe_mul(p.Z, p.T), fe_mul(p.X, p.Y)};
}
inline GeCached ge_to_cached(const GeP3& p) {
  return GeCached{fe_add(p.Y, p.X), fe_sub(p.Y, p.X), p.Z, fe_mul(p.T, kFeD2)};
}

// 2·p (HWCD "dbl-2008-hwcd" for a = -1): 4 squarings.
inline GeP1P1 ge_dbl(const GeP2& p) {
  const Fe xx = fe_sq(p.X);
  const Fe yy = fe_sq(p.Y);
  const Fe zz = fe_sq(p.Z);
  const Fe xy2 = fe_sq(fe_add(p.X, p.Y));
  const Fe y_plus = fe_add(yy, xx);
  const Fe y_minus = fe_sub(yy, xx);
  return GeP1P1{fe_sub(xy2, y_plus), y_plus, y_minus, fe_sub(fe_add(zz, zz), y_minus)};
}

// p + q (HWCD "add-2008-hwcd-3", unified, a = -1).
inline GeP1P1 ge_add(const GeP3& p, const GeCached& q) {
  const Fe a = fe_mul(fe_sub(p.Y, p.X), q.YminusX);
  const Fe b = fe_mul(fe_add(p.Y, p.X), q.YplusX);
  const Fe c = fe_mul(p.T, q.T2d);
  const Fe zz = fe_mul(p.Z, q.Z);
  const Fe d = fe_add(zz, zz);
  return GeP1P1{fe_sub(b, a), fe_add(b, a), fe_add(d, c), fe_sub(d, c)};
}

// p - q: the addition with -q = (Y-X, Y+X, Z, -2d·T).
inline GeP1P1 ge_sub(const GeP3& p, const GeCached& q) {
  const Fe a = fe_mul(fe_sub(p.Y, p.X), q.YplusX);
  const Fe b = fe_mul(fe_add(p.Y, p.X), q.YminusX);
  const Fe c = fe_mul(p.T, q.T2d);
  const Fe zz = fe_mul(p.Z, q.Z);
  const Fe d = fe_add(zz, zz);
  return GeP1P1{fe_sub(b, a), fe_add(b, a), fe_sub(d, c), fe_add(d, c)};
}

inline GeP3 ge_add(const GeP3& p, const GeP3& q) { return ge_to_p3(ge_add(p, ge_to_cached(q))); }
inline GeP3 ge_sub(const GeP3& p, const GeP3& q) { return ge_to_p3(ge_sub(p, ge_to_cached(q))); }
inline GeP3 ge_dbl(const GeP3& p) { return ge_to_p3(ge_dbl(ge_to_p2(p))); }
// -p = (-x, y).
inline GeP3 ge_neg(const GeP3& p) { return GeP3{fe_neg(p.X), p.Y, p.Z, fe_neg(p.T)}; }

// 1 iff p and q are the same point (X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1), else 0.
uint64_t ge_equal(const GeP3& p, const GeP3& q);
// 1 iff p is the identity (X = 0 and Y = Z), else 0.
uint64_t ge_is_identity(const GeP3& p);
// The canonical encoding (RFC 8032 §5.1.2): y with the low bit of x in bit
// 255. One field inversion.
ByteArray<32> ge_encode(const GeP3& p);
// The same given z_inv = 1/p.Z (e.g. from one batched inversion): no
// inversion. Constant time.
ByteArray<32> ge_encode_with_inverse(const GeP3& p, const Fe& z_inv);
// Decodes s per RFC 8032 §5.1.3 into *out and returns 1, or returns 0 (and
// leaves *out the identity) when y ≥ p, when no x exists (not on the curve),
// or when x = 0 with the sign bit set. No subgroup check: the result may be
// any curve point, including the identity and points of small order.
// Constant time in s.
uint64_t ge_decode(const ByteArray<32>& s, GeP3* out);
// True iff [L]p is the identity, L the prime group order (RFC 8032 §5.1),
// i.e. p lies in the prime-order subgroup (the identity included).
// Variable time: public points only.
bool ge_is_torsion_free_vartime(const GeP3& p);

}  // namespace okmpc::ed25519
