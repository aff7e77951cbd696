// Constant-time fixed-base multiplication k·B on Ed25519 (B the RFC 8032
// §5.1 base point), for SECRET scalars: nonce commitments, key shares'
// verification points, DKG coefficient commitments.
//
// Algorithm (Bernstein, Duif, Lange, Schwabe, Yang, "High-speed
// high-security signatures", CHES 2011, §4 "Fast fixed-base scalar
// multiplication"): write k = Σ_{i<64} e_i·16^i with signed digits
// e_i ∈ [-8, 8); then
//   k·B = Σ_{i odd} e_i·16^(i-1)·B·16 + Σ_{i even} e_i·16^i·B,
// where every term e_i·256^⌊i/2⌋·B is one of ±j·256^r·B (j = 0..8), read
// from a 32 × 8 table by a masked scan over all 8 entries (no secret memory
// index) and a conditional negation (no secret branch). Cost: 64 mixed
// additions, 4 doublings, 64 table scans; no inversion.
//
// The table holds the affine points in "precomputed" form
// (y+x, y−x, 2d·x·y). It is computed ONCE per process, at the first call,
// from B's RFC 8032 encoding (thread-safe static initialisation), with one
// batched inversion; tests/mpc/ed25519_base_test.cpp checks it and the
// multiplication against libsodium.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "mpc/bytes.hpp"
#include "mpc/ed25519_group.hpp"

namespace okmpc::ed25519 {

// An affine point prepared for mixed addition: (y+x, y−x, 2d·x·y). The
// identity is (1, 1, 0).
struct GePrecomp {
  Fe YplusX, YminusX, XY2d;
};

// p + q for an affine q (Z_q = 1): 3 multiplications instead of ge_add's 4.
// Complete (HWCD "madd-2008-hwcd-3", a = −1); constant time.
inline GeP1P1 ge_madd(const GeP3& p, const GePrecomp& q) {
  const Fe a = fe_mul(fe_sub(p.Y, p.X), q.YminusX);
  const Fe b = fe_mul(fe_add(p.Y, p.X), q.YplusX);
  const Fe c = fe_mul(p.T, q.XY2d);
  const Fe d = fe_add(p.Z, p.Z);
  return GeP1P1{fe_sub(b, a), fe_add(b, a), fe_add(d, c), fe_sub(d, c)};
}

// p − q for an affine q: the mixed addition with −q = (y−x, y+x, −2d·x·y).
inline GeP1P1 ge_msub(const GeP3& p, const GePrecomp& q) {
  const Fe a = fe_mul(fe_sub(p.Y, p.X), q.YplusX);
  const Fe b = fe_mul(fe_add(p.Y, p.X), q.YminusX);
  const Fe c = fe_mul(p.T, q.XY2d);
  const Fe d = fe_add(p.Z, p.Z);
  return GeP1P1{fe_sub(b, a), fe_add(b, a), fe_sub(d, c), fe_add(d, c)};
}

// B, decoded from its RFC 8032 encoding (once per process).
const GeP3& ge_base_point();

// Affine precomputed forms of `points` (all with Z ≠ 0) with one shared
// inversion (Montgomery's trick). out.size() must equal points.size().
void ge_to_precomp_batch(std::span<const GeP3> points, std::span<GePrecomp> out);

// Table dimensions: kBaseRows rows of kBaseColumns multiples.
inline constexpr size_t kBaseRows = 32;
inline constexpr size_t kBaseColumns = 8;

// Entry (row, j) of the table: (j + 1)·256^row·B in precomputed form.
// Precondition: row < kBaseRows, j < kBaseColumns. Public data.
const GePrecomp& ge_base_table_entry(size_t row, size_t j);

// k·B for a little-endian k whose top bit is clear (k < 2^255: every scalar
// reduced mod L, and L itself). Constant time in k: no branch and no memory
// index depends on it; the digit array is wiped before returning.
// 0·B is the identity.
GeP3 ge_base_mul(const ByteArray<32>& k);

}  // namespace okmpc::ed25519
