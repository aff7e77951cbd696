// The round-3 broadcast of DKLs23 signing (ePrint 2023/765, Protocol 3.6,
// round 3: "broadcast (u_i, w_i)") together with the public evidence that
// lets every other signer check P_i's pair (u_i, w_i) on its own, so that a
// signer whose values make the signature fail is named without an extra
// round or an echo broadcast. This is okmpc's addition (the paper has no
// identifiable abort); why it is sound: papers/dkls23.md, "Naming a wrong
// last-round value".
//
// With φ'_i = φ_i + Σ_j ψ_{j,i}, for every other signer j:
//   u_i·G = φ'_i·R_i + Σ_j (Γ^u_{i,j} + D^u_{i,j})
//   w_i·G = H(m)·Φ_i + r_x·(φ'_i·pk_i + Σ_j (Γ^v_{i,j} + D^v_{i,j}))
// where Φ_i = φ_i·G, Γ_{i,j} = c_{i,j}·G (sent to j in round 2) and
// D_{i,j} = d_{i,j}·G (P_i's vOLE receiver outputs toward j). P_i sends
// A_i = φ'_i·R_i, B_i = φ'_i·pk_i and a DLEQ proof that they and
// Φ'_i = Φ_i + (Σ_j ψ_{j,i})·G share φ'_i. The per-pair values that only P_j
// can check (ψ_{j,i}, Γ_{i,j}, D_{i,j}) are checked by P_j (sign.cpp).
#pragma once

#include <map>
#include <span>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/hash.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/transcript.hpp"
#include "protocols/ecdsa/dleq.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::ecdsa {

// What P_i reports about its pair with P_j (public values).
struct PairEvidence {
  Secp256k1::Scalar psi_in;   // ψ_{j,i}, as P_i received it from P_j in round 2
  Secp256k1::Point gamma_u;   // Γ^u_{i,j} = c^u_{i,j}·G, as P_i sent it to P_j
  Secp256k1::Point gamma_v;   // Γ^v_{i,j}
  Secp256k1::Point d_u;       // D^u_{i,j} = d^u_{i,j}·G (P_i as vOLE receiver toward P_j)
  Secp256k1::Point d_v;       // D^v_{i,j}
};

struct LastRoundShare {
  Secp256k1::Scalar u, w;     // the paper's broadcast values
  Secp256k1::Point phi;       // Φ_i = φ_i·G
  Secp256k1::Point a;         // A_i = φ'_i·R_i
  Secp256k1::Point b;         // B_i = φ'_i·pk_i
  DleqProof proof;            // log_G Φ'_i = log_{R_i} A_i = log_{pk_i} B_i
  std::map<runtime::PartyId, PairEvidence> pairs;  // one entry per other signer

  // context ‖ u ‖ w ‖ Φ ‖ A ‖ B ‖ proof ‖ pairs in ascending peer order
  // (ψ ‖ Γ^u ‖ Γ^v ‖ D^u ‖ D^v each); points uncompressed (65 bytes 04‖X‖Y,
  // dkg::write_wide_point: checking X‖Y on the curve is much cheaper than
  // decompressing). u and w stay at offsets 32 and 64.
  Bytes encode(const Hash32& context) const;
  // Strict decode of the bytes after the context: exactly one pair entry for
  // each id in `others` (ascending), no trailing bytes. A short, long or
  // malformed body -> kInvalidEncoding; a scalar >= n -> kInvalidScalar; an
  // off-curve point or the identity -> kInvalidPoint (the codec's classes).
  static Result<LastRoundShare> decode(ByteView body, std::span<const runtime::PartyId> others);
  // Φ'_i = Φ_i + (Σ_j ψ_{j,i})·G.
  Secp256k1::Point phi_prime_vartime() const;
};

// The transcript the DLEQ proof of signer `who` is bound to.
Transcript share_proof_transcript(const Hash32& context, runtime::PartyId who);

// The checks any signer can run on P_who's share (its proof and the two
// equations above), given P_who's R_who and pk_who, h = H(m) and r_x.
// kProtocolAbort with culprits {who} on failure. Variable time (public data).
Status check_share_vartime(const Hash32& context, runtime::PartyId who, const LastRoundShare& share,
                           const Secp256k1::Point& R_who, const Secp256k1::Point& pk_who,
                           const Secp256k1::Scalar& h, const Secp256k1::Scalar& rx);

}  // namespace okmpc::ecdsa
