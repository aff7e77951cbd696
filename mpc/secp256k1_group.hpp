// secp256k1 group law on native field elements (mpc/secp256k1_field.hpp),
// VARIABLE TIME, for PUBLIC points only: affine and Jacobian coordinates on
// y^2 = x^3 + 7 (SEC 2 §2.4.1). Formulas: Jacobian doubling "dbl-2009-l" and
// addition "add-2007-bl" / mixed "madd-2007-bl" of the Explicit-Formulas
// Database (Bernstein–Lange, hyperelliptic.org/EFD/g1p/auto-shortw-jacobian-0),
// in their unscaled form.
//
// Used by mpc/secp256k1_msm.hpp and Secp256k1::Point's batched vartime
// operations. Secret-scalar multiplication stays on libsecp256k1.
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
Jacobian to_jacobian(const Affine& a);
// -a.
Affine negate(const Affine& a);
Jacobian negate(const Jacobian& a);

// 2a.
Jacobian dbl(const Jacobian& a);
// a + b, any inputs (equal points double, opposite points give the identity).
Jacobian add(const Jacobian& a, const Jacobian& b);
// a + b with b affine (cheaper), any inputs.
Jacobian add_mixed(const Jacobian& a, const Affine& b);

// The affine form of a (one field inversion).
Affine to_affine(const Jacobian& a);
// The affine forms of all of in, written to out (out.size() == in.size()),
// with one field inversion in total (Montgomery's trick).
void batch_to_affine(std::span<const Jacobian> in, std::span<Affine> out);

// True iff a is the identity or satisfies y^2 = x^3 + 7.
bool on_curve(const Affine& a);

// From libsecp256k1: the affine coordinates of pk, through its 65-byte
// uncompressed serialization (no square root).
Affine from_pubkey(const secp256k1_pubkey& pk);
// To libsecp256k1: pk for a non-identity affine point, through
// secp256k1_ec_pubkey_parse of 04‖X‖Y (which re-checks the curve equation).
// Returns false (and leaves pk unspecified) for the identity or an off-curve
// point.
bool to_pubkey(const Affine& a, secp256k1_pubkey& pk);

}  // namespace okmpc::secp256k1_vartime
