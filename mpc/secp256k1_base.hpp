// Constant-time fixed-base multiplication k·G on secp256k1 (G the SEC 2
// §2.4.1 base point), for SECRET scalars: nonce commitments, verification
// shares, DKG coefficient commitments. Replaces libsecp256k1 0.2's
// secp256k1_ec_pubkey_create behind Secp256k1::Point::base_mul.
//
// Algorithm: a signed fixed-window comb, the secp256k1 analogue of
// mpc/ed25519_base.hpp (Bernstein, Duif, Lange, Schwabe, Yang, CHES 2011,
// §4). Write k = Σ_{i<D} e_i·2^(w·i) with signed digits e_i ∈ [-2^(w-1),
// 2^(w-1)] (D·w ≥ 257, so the top digit absorbs the last carry). With the
// digits split into kBaseSpacing interleaved groups, digit i = r·S + g
// contributes e_i·2^(w·g)·T_r, T_r = 2^(w·S·r)·G; Horner's rule over g costs
// w·(S − 1) doublings and D mixed additions, each addend ±j·T_r read from a
// precomputed affine table by a masked scan over the whole row (no memory
// index depends on k) and a conditional negation of y (no branch).
//
// Group law: the COMPLETE formulas of Renes, Costello, Batina, "Complete
// addition formulas for prime order elliptic curves", EUROCRYPT 2016, for
// a = 0 in homogeneous projective coordinates (X:Y:Z) ~ (X/Z, Y/Z):
// Algorithm 8 (mixed addition, 11M + 2·m_3b) and Algorithm 9 (doubling,
// 6M + 2S + 1·m_3b). They are correct for EVERY pair of inputs — the
// accumulator may be the identity (0:1:0), equal to the addend or its
// negative — so no recoding argument about exceptional cases is needed.
// A zero digit (which has no affine table entry) adds entry 1 and discards
// the sum with a conditional move.
//
// Conversion to affine (Z depends on k): a constant-time Fermat inversion
// Z^(p-2) by a fixed addition chain (255 squarings, 15 multiplications).
// Chosen over blinding (invert Z·b for a random b from the OS RNG with the
// variable-time GMP inversion) because it needs no randomness and leaves
// nothing for the constant-time check to declassify; it costs ≈ 2 µs more
// (≈ 4 vs 2 µs, papers/curves.md), about a tenth of a base_mul.
//
// The table (kBaseRows × kBaseColumns affine points) is computed once per
// process at the first call (thread-safe static initialisation) from G with
// the variable-time group law (public data) and one batched inversion;
// tests/mpc/secp256k1_base_test.cpp checks every product against
// libsecp256k1's secp256k1_ec_pubkey_create.
//
// Field: only the constant-time operations of mpc/secp256k1_field.hpp
// (fe_add, fe_sub, fe_negate, fe_mul_int, fe_mul, fe_sqr, fe_cmov) touch
// secret data here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "mpc/secp256k1.hpp"
#include "mpc/secp256k1_field.hpp"
#include "mpc/secp256k1_group.hpp"

namespace okmpc::secp256k1_base {

using secp256k1_vartime::Fe;

// (X:Y:Z) for the affine point (X/Z, Y/Z); the identity is (0:Y:0), Y ≠ 0.
// Coordinates weakly normalised (see mpc/secp256k1_field.hpp).
struct Projective {
  Fe x, y, z;
};

// The identity (0:1:0).
Projective identity();

// p + (x2, y2) for an affine point (x2, y2) on the curve (never the
// identity, which has no affine form): RCB 2016 Algorithm 8. Complete for
// every p, including the identity, (x2, y2) and −(x2, y2). Constant time.
Projective add_mixed(const Projective& p, const Fe& x2, const Fe& y2);

// 2p: RCB 2016 Algorithm 9. Complete (2·identity = identity). Constant time.
Projective dbl(const Projective& p);

// a^(p−2) = a^−1 for a ≠ 0, and 0 for a = 0: a fixed chain of 255
// squarings and 15 multiplications. Constant time.
Fe fe_invert(const Fe& a);

// Window width w (bits per signed digit), number of digits D, interleaved
// digit groups S (= doubling runs + 1), and the table's shape.
inline constexpr size_t kBaseWindow = 5;
inline constexpr size_t kBaseDigits = (257 + kBaseWindow - 1) / kBaseWindow;
inline constexpr size_t kBaseSpacing = 2;
inline constexpr size_t kBaseRows = (kBaseDigits + kBaseSpacing - 1) / kBaseSpacing;
inline constexpr size_t kBaseColumns = size_t{1} << (kBaseWindow - 1);

// Entry (row, j) of the table: (j + 1)·2^(w·S·row)·G, affine.
// Precondition: row < kBaseRows, j < kBaseColumns. Public data.
secp256k1_vartime::Affine base_table_entry(size_t row, size_t j);

// k·G in projective coordinates, for any k (0 gives the identity, Z = 0).
// Constant time in k: no branch and no memory index depends on it; the
// digits are wiped before returning.
Projective base_mul_projective(const Secp256k1::Scalar& k);

// The affine forms of `in`, written to `out` (out.size() must equal
// in.size()), with ONE constant-time inversion shared by all (Montgomery's
// trick, 3 multiplications per point). Precondition: no point is the
// identity (Z ≠ 0; k·G for k ≠ 0 mod n never is) — otherwise every output
// is (0, 0). Outputs have infinity = false and weakly normalised
// coordinates. Constant time in the coordinates.
void to_affine_batch(std::span<const Projective> in, std::span<secp256k1_vartime::Affine> out);

}  // namespace okmpc::secp256k1_base
