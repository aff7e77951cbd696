// Proof that several points share one discrete logarithm: X = x·G and
// Y_k = x·B_k for every k (Chaum, Pedersen, "Wallet Databases with
// Observers", CRYPTO 1992, §3.2, with the bases extended from two to 1 + K),
// made non-interactive by Fiat–Shamir through a session-bound Transcript.
//
//   prove:  k ← random, T_0 = k·G, T_k = k·B_k,
//           e = H(transcript ‖ X ‖ B ‖ Y ‖ T), z = k − e·x; proof = (e, z)
//   verify: T_0 = z·G + e·X, T_k = z·B_k + e·Y_k, accept iff e = H(… T)
//
// Used by DKLs23 signing (sign.hpp) to bind a signer's last-round share to
// its inversion mask, so a wrong share can be attributed (papers/dkls23.md,
// "Naming a wrong last-round value"). The caller's transcript must already
// hold the domain, the session context and the prover's id; both sides must
// bring transcripts in the same state.
#pragma once

#include <span>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "mpc/transcript.hpp"

namespace okmpc::ecdsa {

struct DleqProof {
  Secp256k1::Scalar e;
  Secp256k1::Scalar z;

  static constexpr size_t kBytes = 64;
  // e ‖ z (fixed size kBytes).
  Bytes to_bytes() const;
  // Strict: exactly kBytes, both scalars < n, else kInvalidEncoding.
  static Result<DleqProof> from_bytes(ByteView bytes);
};

// Proves log_G X = log_{B_k} Y_k = x for all k. Preconditions: X = x·G,
// Y_k = x·B_k, bases.size() == images.size() (not checked: the proof would
// not verify). Constant time in x and the nonce.
DleqProof dleq_prove(Transcript transcript, const Secp256k1::Point& X, std::span<const Secp256k1::Point> bases,
                     std::span<const Secp256k1::Point> images, const Secret<Secp256k1::Scalar>& x, Rng& rng);

// The same proof when the prover also knows every base's logarithm,
// B_k = b_k·G (a signer's own R_i = r_i·G and pk_i = sk_i·G): T_k is computed
// as (k·b_k)·G, a fixed-base multiplication instead of a variable-base one,
// and all commitments T_0, T_1, … form one Point::base_mul_batch (one shared
// inversion).
// The proof is the one dleq_prove makes and dleq_verify_vartime checks.
// Preconditions: those of dleq_prove, base_logs.size() == bases.size() and
// B_k = base_logs[k]·G (not checked: the proof would not verify). Constant
// time in x, the nonce and the base logarithms.
DleqProof dleq_prove_known_bases(Transcript transcript, const Secp256k1::Point& X,
                                 std::span<const Secp256k1::Point> bases,
                                 std::span<const Secret<Secp256k1::Scalar>* const> base_logs,
                                 std::span<const Secp256k1::Point> images, const Secret<Secp256k1::Scalar>& x,
                                 Rng& rng);

// ok() iff the proof verifies for the statement; kVerificationFailed
// otherwise, or kInvalidArgument when the spans differ in size. Variable
// time (public data only).
Status dleq_verify_vartime(Transcript transcript, const Secp256k1::Point& X,
                           std::span<const Secp256k1::Point> bases, std::span<const Secp256k1::Point> images,
                           const DleqProof& proof);

}  // namespace okmpc::ecdsa
