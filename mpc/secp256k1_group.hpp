// secp256k1 group law on native field elements (mpc/secp256k1_field.hpp),
// VARIABLE TIME, for PUBLIC points only: affine and Jacobian coordinates on
// y^2 = x^3 + 7 (SEC 2 §2.4.1). Formulas: Jacobian doubling "dbl-2009-l" and
// addition "add-2007-bl" / mixed "madd-2007-bl" of the Explicit-Formulas
// Database (Bernstein–Lange, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0),
// in their unscaled form.
//
// Used by mpc/secp256k1_msm.hpp and Secp256k1::Point's batched vartime
// operations. Secret scalars never come here: s·G runs on the constant-time
// comb (mpc/secp256k1_base.hpp), s·P on libsecp256k1's ECDH ladder.
#pragma once

#include <secp256k1.h>

#include <span>
#include <vector>

#include "mpc/secp256k1_field.hpp"

namespace okmpc::secp256k1_vartime {

// An affine point (x, y), or the identity when infinity is set (x, y unused).
struct Affine {
  Fe x, y;
  bool infinity = true;

  friend bool operator==(const Affine& a, const Affine& b) {
    if (a.infinity || b.infinity) return a.infinity == b.infinity;
    return a.x == b.x && a.y == b.y;
  }
};

// A Jacobian point (X : Y : Z) for the affine point (X/Z^2, Y/Z^3), or the
// identity when infinity is set (X, Y, Z unused). Z is never zero otherwise.
struct Jacobian {
  Fe x, y, z;
  bool infinity = true;
};

// G, the SEC 2 base point.
const Affine& generator_affine();

// The Jacobian form of a (Z = 1).
inline Jacobian to_jacobian(const Affine& a) {
  Jacobian j;
  if (a.infinity) return j;
  j.x = a.x;
  j.y = a.y;
  j.z = fe_from_u64(1);
  j.infinity = false;
  return j;
}

// -a.
inline Affine negate(const Affine& a) {
  Affine r = a;
  if (!r.infinity) r.y = fe_negate(r.y);
  return r;
}
inline Jacobian negate(const Jacobian& a) {
  Jacobian r = a;
  if (!r.infinity) r.y = fe_negate(r.y);
  return r;
}

// The group law is inline: the multi-scalar loops call it hundreds of times
// per result, and a call per operation (with 128-byte points passed through
// memory) measurably cost time there.

// 2a: dbl-2009-l for curve coefficient a = 0, 3M + 4S. secp256k1 has no point
// of order 2, so Y is never zero for a non-identity point.
inline Jacobian dbl(const Jacobian& a) {
  if (a.infinity) return a;
  const Fe A = fe_sqr(a.x);
  const Fe B = fe_sqr(a.y);
  const Fe C = fe_sqr(B);
  const Fe D = fe_mul_int(fe_mul(a.x, B), 4);  // = 2((X + B)^2 - A - C)
  const Fe E = fe_mul_int(A, 3);
  const Fe F = fe_sqr(E);
  Jacobian r;
  r.infinity = false;
  r.x = fe_sub(F, fe_double(D));
  r.y = fe_sub(fe_mul(E, fe_sub_unreduced(D, r.x)), fe_mul_int(C, 8));
  r.z = fe_double(fe_mul(a.y, a.z));
  return r;
}

namespace group_detail {

// The common tail of add and add_mixed: given U1, S1 (the first point scaled
// to the common denominator), H = U2 - U1 != 0, R = S2 - S1 (both possibly
// unreduced: they are only multiplied) and Z3 / H.
inline Jacobian finish_add(const Fe& u1, const Fe& s1, const Fe& h, const Fe& r, const Fe& z_without_h) {
  const Fe hh = fe_sqr(h);
  const Fe hhh = fe_mul(h, hh);
  const Fe v = fe_mul(u1, hh);
  Jacobian out;
  out.infinity = false;
  out.x = fe_sub(fe_sub(fe_sqr(r), hhh), fe_double(v));
  out.y = fe_sub(fe_mul(r, fe_sub_unreduced(v, out.x)), fe_mul(s1, hhh));
  out.z = fe_mul(z_without_h, h);
  return out;
}

}  // namespace group_detail

// a + b, any inputs (equal points double, opposite points give the
// identity): add-2007-bl, 11M + 5S.
inline Jacobian add(const Jacobian& a, const Jacobian& b) {
  if (a.infinity) return b;
  if (b.infinity) return a;
  const Fe z1z1 = fe_sqr(a.z);
  const Fe z2z2 = fe_sqr(b.z);
  const Fe u1 = fe_mul(a.x, z2z2);
  const Fe u2 = fe_mul(b.x, z1z1);
  const Fe s1 = fe_mul(fe_mul(a.y, b.z), z2z2);
  const Fe s2 = fe_mul(fe_mul(b.y, a.z), z1z1);
  const Fe h = fe_sub_unreduced(u2, u1);
  const Fe r = fe_sub_unreduced(s2, s1);
  if (h.is_zero()) {
    if (r.is_zero()) return dbl(a);
    return Jacobian{};  // b = -a
  }
  return group_detail::finish_add(u1, s1, h, r, fe_mul(a.z, b.z));
}

// a + b with b affine (madd-2007-bl, 8M + 3S), any inputs.
inline Jacobian add_mixed(const Jacobian& a, const Affine& b) {
  if (b.infinity) return a;
  if (a.infinity) return to_jacobian(b);
  const Fe z1z1 = fe_sqr(a.z);
  const Fe u2 = fe_mul(b.x, z1z1);
  const Fe s2 = fe_mul(fe_mul(b.y, a.z), z1z1);
  const Fe h = fe_sub_unreduced(u2, a.x);
  const Fe r = fe_sub_unreduced(s2, a.y);
  if (h.is_zero()) {
    if (r.is_zero()) return dbl(a);
    return Jacobian{};
  }
  return group_detail::finish_add(a.x, a.y, h, r, a.z);
}

// The affine form of a (one field inversion).
Affine to_affine(const Jacobian& a);
// The affine forms of all of in, written to out (out.size() == in.size()),
// with one field inversion in total (Montgomery's trick).
void batch_to_affine(std::span<const Jacobian> in, std::span<Affine> out);

// Group sums by batch-affine tree addition: group g holds
// points[offsets[g] .. offsets[g+1]), and result[g] is its sum (the identity
// for an empty group or one that cancels). Each level of the trees adds
// disjoint pairs of every group at once in affine coordinates,
// λ = (y2 − y1)/(x2 − x1), x3 = λ² − x1 − x2, y3 = λ(x1 − x3) − y1, all
// the levels' x-differences inverted together (Montgomery's trick: 3M per
// element plus one inversion per level), so an addition costs 5M + 1S
// against 8M + 3S mixed Jacobian, and ⌈log2(largest group)⌉ inversions in
// total. Equal x (a doubling, or P + (−P)) is handled on the spot. Many
// groups of similar size (DKG commitment columns, Pippenger buckets) gain
// the most; once few points are left (small inputs from the start) the
// remaining sums are finished in Jacobian coordinates with a single
// normalisation, which then costs fewer inversions. `points` is the working buffer (taken by value, overwritten).
// Preconditions: offsets nonempty and nondecreasing, offsets.back() ==
// points.size().
std::vector<Affine> sum_groups(std::vector<Affine> points, std::span<const size_t> offsets);

// True iff a is the identity or satisfies y^2 = x^3 + 7.
bool on_curve(const Affine& a);

// From libsecp256k1: the affine coordinates of pk (no square root). Reads
// the key's internal storage (x‖y as little-endian 64-bit limbs) when a
// once-per-process check against secp256k1_ec_pubkey_serialize confirms that
// layout, else goes through the 65-byte uncompressed serialization.
Affine from_pubkey(const secp256k1_pubkey& pk);
// To libsecp256k1: pk for a non-identity affine point on the curve (checked
// here, on_curve), written straight into the key's storage when
// from_pubkey has confirmed its layout, else through
// secp256k1_ec_pubkey_parse of 04‖X‖Y. Returns false (and leaves pk
// unspecified) for the identity or an off-curve point.
bool to_pubkey(const Affine& a, secp256k1_pubkey& pk);

}  // namespace okmpc::secp256k1_vartime
