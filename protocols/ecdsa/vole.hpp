// Random vector OLE of width ℓ = 2 between a sender "Alice" (inputs a_1, a_2)
// and a receiver "Bob" (a random input b he does not choose): Alice gets
// c_1, c_2 and Bob gets b, d_1, d_2 with c_k + d_k = a_k·b. DKLs23
// (ePrint 2023/765) Functionality 3.5 (F_RVOLE) realised by DKLs23
// Protocol 5.2 (the two-message random vOLE built on DKLs19 Protocol 1 with
// forced reuse): Bob's input is b = ⟨g, β⟩ over his random OT choice bits β,
// Alice uses one batch of ξ OTs for both inputs and ρ = 1 check value. Two
// messages:
//
//   Bob → Alice   nonce_B ‖ KOS extension of ξ = 416 random OTs with choices β
//   Alice → Bob   nonce_A ‖ ã (ξ × (ℓ+ρ) scalars) ‖ η (ρ) ‖ μ (hash)
//
// With OT pads α0_j, α1_j ∈ Z_q^{ℓ+ρ} (Alice) and γ_j = α_{β_j, j} (Bob):
// ã_j = α0_j − α1_j + (a_1, a_2, â); θ = H(sid ‖ ã) ∈ Z_q^ℓ;
// η = â + Σ θ_i·a_i; μ = H(sid ‖ (α0_{j,ℓ} + Σ θ_i·α0_{j,i})_j);
// c_i = −Σ_j g_j·α0_{j,i}. Bob: ḋ_j = γ_j + β_j·ã_j, checks
// μ = H(sid ‖ (ḋ_{j,ℓ} + Σ θ_i·ḋ_{j,i} − β_j·η)_j), d_i = Σ_j g_j·ḋ_{j,i}.
// A failed check means Alice used inconsistent correlations (the
// selective-failure attack on β): a wrong correlation δ ≠ 0 in any OT passes
// with probability 1/q (θ is fixed after ã). Mapping and parameters:
// papers/dkls23.md ("Multiplication").
//
// Freshness: the KOS session id includes nonce_B (so Bob never expands his
// seeds twice under one id) and the OT pads are hashed with nonce_A too (so
// Alice never reuses pads even if Bob replays a message). `sid` binds the
// signing context, the two parties and their roles.
#pragma once

#include <array>
#include <span>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "protocols/ecdsa/ot/kos.hpp"
#include "protocols/ecdsa/secret_vector.hpp"

namespace okmpc::ecdsa {

inline constexpr size_t kVoleWidth = 2;                 // ℓ in DKLs23 signing: (r_i, sk_i)
inline constexpr size_t kVoleCheck = 1;                 // ρ = ⌈κ/|q|⌉ check values (κ = |q| = 256)
inline constexpr size_t kVoleBatch = 256 + 2 * 80;      // ξ = κ + 2s (DKLs19 §3.1)
using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;
using VoleShares = std::array<Secret<Scalar>, kVoleWidth>;

// The public gadget vector g (DKLs19 Prot. 1) of kVoleBatch entries:
// g_j = 2^j for j < 256 (copied from a table computed once per process) and
// 2s = 160 pseudo-random scalars for the rest, so that b = ⟨g, β⟩ is
// statistically close to uniform. Derivation v2: K = SHA-256(
// "okmpc/ecdsa/vole/gadget/v2" ‖ seed), S = the first 160·64 bytes of
// ChaCha20-IETF (RFC 8439) under K with the all-zero nonce and counter 0,
// g_{256+k} = (S[64k .. 64k+63] as a big-endian integer) mod n. `seed` is
// public, fixed per pair at setup (setup.hpp), and both sides of a pair
// derive the same vector. Costs one hash, 10 kB of stream and 160
// reductions: the signing party derives it only for its signing peers.
std::vector<Scalar> gadget_vector(ByteView seed);

// Bob's state between his message and Alice's answer (secret, consumed).
struct VoleBob {
  Secret<Scalar> b;
  ot::SecretBlocks rows;  // t_j
  SecretBytes choices;    // β
  Bytes ext_sid;          // public
};

struct VoleBobStart {
  VoleBob state;
  Bytes message;
};

// Bob's message. In all three calls `gadget` is gadget_vector(seed) of the
// pair (kVoleBatch entries, the first 256 being 2^j; the sums rely on it).
VoleBobStart vole_bob_start(const ot::ReceiverSeeds& seeds, ByteView sid,
                            std::span<const Scalar> gadget, Rng& rng);

struct VoleAliceResult {
  VoleShares c;
  Bytes message;
};

// Alice's answer for inputs a (secret; constant time in a and the pads). Fails with kProtocolAbort when Bob's
// OT-extension check fails and kInvalidEncoding on a malformed message (the
// caller names Bob).
Result<VoleAliceResult> vole_alice(const ot::SenderSeeds& seeds, ByteView sid,
                                   std::span<const Scalar> gadget, ByteView bob_message,
                                   const std::array<const Scalar*, kVoleWidth>& a, Rng& rng);

// Bob's output d (with c_k + d_k = a_k·b). Fails with kProtocolAbort when the
// multiplication consistency check fails (the caller names Alice).
Result<VoleShares> vole_bob_finish(VoleBob&& bob, std::span<const Scalar> gadget, ByteView alice_message);

// Message sizes (fixed).
size_t vole_bob_message_bytes();
size_t vole_alice_message_bytes();

}  // namespace okmpc::ecdsa
