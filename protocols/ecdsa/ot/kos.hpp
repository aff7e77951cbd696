// Actively secure 1-out-of-2 random OT extension after Keller–Orsini–Scholl
// (KOS15, "Actively Secure OT Extension with Optimal Overhead", CRYPTO 2015,
// Fig. 7) with the correlation check made non-interactive by Fiat–Shamir, as
// DKLs23 (ePrint 2023/765) and its public implementations do to keep
// the extension non-interactive.
// Paper mapping and deviations: papers/dkls23.md ("OT extension").
//
// Roles: the extension *sender* holds Δ ∈ {0,1}^κ and the seeds k_i^{Δ_i}
// (it was the receiver of the κ base OTs); the extension *receiver* holds both
// seeds k_i^0, k_i^1 of every base OT. One extension produces m random OTs:
// the receiver learns rows t_j and its choice bits x_j; the sender learns rows
// q_j with q_j = t_j ⊕ x_j·Δ. Callers hash rows (with a fresh session id) to
// obtain the OT pads H(q_j), H(q_j ⊕ Δ) and H(t_j).
//
// Reuse: the same seeds are used for every extension; each extension MUST use
// a session id `sid` that the receiver never used before (the receiver's PRG
// output is a function of (seed, sid) only, so a repeated sid would reveal the
// XOR of two choice vectors). DKLs23 signing binds a fresh receiver nonce into
// `sid` (protocols/ecdsa/vole.hpp).
#pragma once

#include <array>
#include <cstddef>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"
#include "protocols/ecdsa/ot/block.hpp"
#include "protocols/ecdsa/ot/secret_blocks.hpp"

namespace okmpc::ecdsa::ot {

inline constexpr size_t kKappa = 128;       // number of base OTs; computational security
inline constexpr size_t kStatistical = 80;  // statistical security of the check (bits)
using Seed = ByteArray<32>;

// Rows actually extended for m useful OTs: m + κ + s, rounded up to a byte.
constexpr size_t padded_rows(size_t m) { return (m + kKappa + kStatistical + 7) / 8 * 8; }

// The extension sender's long-term state (secret).
struct SenderSeeds {
  Block delta;                         // Δ: the sender's base-OT choice bits
  std::array<Seed, kKappa> seeds;      // k_i^{Δ_i}
};
// The extension receiver's long-term state (secret).
struct ReceiverSeeds {
  std::array<Seed, kKappa> seeds0;     // k_i^0
  std::array<Seed, kKappa> seeds1;     // k_i^1
};

// Receiver -> sender: u_i = G(k_i^0) ⊕ G(k_i^1) ⊕ x (κ columns of
// padded_rows(m) bits, column-major) and the check values x̃ = Σ χ_j x_j,
// t̃ = Σ χ_j · t_j over GF(2^128).
struct ExtensionMessage {
  Bytes u;
  Block check_x;
  Block check_t;

  // u ‖ check_x ‖ check_t (fixed size for a given m).
  Bytes encode() const;
  // Strict: exactly encoded_size(m) bytes, else kInvalidEncoding.
  static Result<ExtensionMessage> decode(ByteView bytes, size_t m);
  static constexpr size_t encoded_size(size_t m) { return kKappa * padded_rows(m) / 8 + 32; }
};

struct ReceiverExtension {
  ExtensionMessage message;
  SecretBlocks rows;  // t_j, j < m
  SecretBytes choices;  // x_j, j < m: bit j = (choices[j/8] >> (j%8)) & 1 (secret)
};

// Receiver side of one extension of m OTs with fresh random choice bits drawn
// from rng. Constant time in the seeds and choice bits. m > 0.
ReceiverExtension kos_extend_receiver(const ReceiverSeeds& seeds, ByteView sid, size_t m, Rng& rng);

// Sender side: checks the receiver's message (KOS Fig. 7, "Consistency
// check"), returns rows q_j for j < m. A failed check is kProtocolAbort (the
// caller names the receiver); a malformed message is kInvalidEncoding.
Result<SecretBlocks> kos_extend_sender(const SenderSeeds& seeds, ByteView sid,
                                       const ExtensionMessage& message, size_t m);

}  // namespace okmpc::ecdsa::ot
