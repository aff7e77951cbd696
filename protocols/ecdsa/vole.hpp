// Random vector OLE of width L = 2 between a sender "Alice" (inputs a_1, a_2)
// and a receiver "Bob" (a random input b he does not choose): Alice gets
// c_1, c_2 and Bob gets b, d_1, d_2 with c_k + d_k = a_k·b. DKLs23
// (ePrint 2023/765) Functionality 3.5 (F_RVOLE), realised as their §5
// suggests by DKLs19 (ePrint 2019/523) Protocol 1 with ℓ = 1 per input,
// "forced reuse" of one batch of Bob's OTs for both inputs (DKLs23 p. 8),
// Bob's input fixed to the random b = ⟨g, β⟩ (no adjustment message from Bob),
// and the consistency check sent as a hash (DKLs23 §5.1). Two messages:
//
//   Bob → Alice   nonce_B ‖ KOS extension of ξ = 416 random OTs with choices β
//   Alice → Bob   nonce_A ‖ τ (ξ × 2L scalars) ‖ H(r) ‖ u (L) ‖ γ (L)
//
// where Alice's correlation per OT is (ã_1, ã_2, â_1, â_2) (pads ã and check
// values â), τ_j = v1_j − v0_j + corr, χ̃, χ̂ are Fiat–Shamir challenges over
// τ, r_{k,j} = χ̃_k·z̃_{k,j} + χ̂_k·ẑ_{k,j}, u_k = χ̃_k·ã_k + χ̂_k·â_k and
// γ_k = a_k − ã_k (DKLs19 Prot. 1 steps 2–8). Bob recomputes r from his OT
// outputs and u and aborts if the hash differs: Alice used inconsistent
// correlations (the selective-failure attack on β). Mapping and parameters:
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

inline constexpr size_t kVoleWidth = 2;                 // L in DKLs23 signing: (r_i, sk_i)
inline constexpr size_t kVoleBatch = 256 + 2 * 80;      // ξ = κ + 2s (DKLs19 §3.1)
using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;
using VoleShares = std::array<Secret<Scalar>, kVoleWidth>;

// The public gadget vector g (DKLs19 Prot. 1): g_j = 2^j for j < 256 and
// pseudo-random scalars H(seed, j) for the last 2s entries, so that
// b = ⟨g, β⟩ is statistically close to uniform. `seed` is fixed per pair at
// setup.
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

// Bob's message. `gadget` has kVoleBatch entries.
VoleBobStart vole_bob_start(const ot::ReceiverSeeds& seeds, ByteView sid,
                            std::span<const Scalar> gadget, Rng& rng);

struct VoleAliceResult {
  VoleShares c;
  Bytes message;
};

// Alice's answer for inputs a (secret). Fails with kProtocolAbort when Bob's
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
