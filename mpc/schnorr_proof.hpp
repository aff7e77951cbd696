// Non-interactive proof of knowledge of a discrete logarithm (Schnorr, "Efficient
// signature generation by smart cards", J. Cryptology 1991), made
// non-interactive by Fiat–Shamir through a session-bound Transcript. This is the
// proof each DKG participant attaches to its a_0 commitment (Komlo–Goldberg
// FROST 2020, Fig. 1 round 1 step 2; RFC 9591 Appendix C).
//
//   prove:  k ← random, R = k·G, c = H(transcript ‖ X ‖ R), z = k + c·x
//   verify: z·G == R + c·X
//
// The caller's transcript must already hold the domain, the session id, and
// the prover's identity (the context that stops a proof from being replayed
// elsewhere); prove/verify then append "schnorr-pok/X" and "schnorr-pok/R"
// and draw the challenge "schnorr-pok/c". Both sides must bring transcripts in
// the same state.
#pragma once

#include "mpc/bytes.hpp"
#include "mpc/codec.hpp"
#include "mpc/curve.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"
#include "mpc/transcript.hpp"

namespace okmpc {

template <Curve C>
struct SchnorrProof {
  typename C::Point R;
  typename C::Scalar z;

  static constexpr size_t kBytes = C::kPointBytes + C::kScalarBytes;

  // R ‖ z, fixed size kBytes.
  Bytes to_bytes() const {
    ByteWriter w;
    w.write_point<C>(R).template write_scalar<C>(z);
    return w.finish();
  }
  // Strict: exactly kBytes; R a valid non-identity point, z < order.
  static Result<SchnorrProof> from_bytes(ByteView bytes) {
    ByteReader r(bytes, "schnorr proof");
    SchnorrProof p;
    OKMPC_ASSIGN_OR_RETURN(p.R, r.read_point<C>("R"));
    OKMPC_ASSIGN_OR_RETURN(p.z, r.read_scalar<C>("z"));
    OKMPC_TRY(r.finish());
    return p;
  }
};

namespace schnorr_detail {
template <Curve C>
typename C::Scalar challenge(Transcript& t, const typename C::Point& X, const typename C::Point& R) {
  t.append_point<C>("schnorr-pok/X", X);
  t.append_point<C>("schnorr-pok/R", R);
  return t.challenge<C>("schnorr-pok/c");
}
}  // namespace schnorr_detail

// Proves knowledge of x with X = x·G. Precondition: X == x·G (not checked: the
// proof would simply not verify). Constant time in x and the nonce.
template <Curve C>
SchnorrProof<C> prove(Transcript& transcript, const Secret<typename C::Scalar>& x,
                      const typename C::Point& X, Rng& rng) {
  Secret<typename C::Scalar> k(C::Scalar::random(rng));
  SchnorrProof<C> proof;
  proof.R = C::Point::base_mul(k.expose());
  const auto c = schnorr_detail::challenge<C>(transcript, X, proof.R);
  proof.z = k.expose() + c * x.expose();
  return proof;
}

// ok() iff z·G == R + c·X for the challenge c drawn from `transcript`;
// kVerificationFailed otherwise (and kInvalidPoint for an identity X, whose
// discrete log is public). Variable time (public data only).
template <Curve C>
Status verify(Transcript& transcript, const typename C::Point& X, const SchnorrProof<C>& proof) {
  if (X.is_identity()) {
    return fail(ErrorCode::kInvalidPoint, "schnorr proof: the statement X is the identity");
  }
  const auto c = schnorr_detail::challenge<C>(transcript, X, proof.R);
  if (!(C::Point::base_mul(proof.z) == proof.R + mul_vartime<C>(c, X))) {
    return fail(ErrorCode::kVerificationFailed, "schnorr proof of knowledge does not verify");
  }
  return ok();
}

}  // namespace okmpc
