// Schnorr signature verification for a FROST ciphersuite (RFC 9591 §6,
// prime-order group check): accept iff z·G == R + c·PK with
// c = H2(SerializeElement(R) || SerializeElement(PK) || msg).
// For Ed25519 this is RFC 8032 verification (our points are always in the
// prime-order subgroup, so the cofactored and cofactorless equations agree).
#pragma once

#include "protocols/frost/binding.hpp"

namespace okmpc::frost {

// The Schnorr equation z·G == R + c·PK for a given challenge c, checked as
// one two-term multiplication z·G − c·PK == R: the curve's
// double_mul_vartime (precomputed table for G) where it has one, else a
// two-term multi-scalar multiplication. Public inputs only (variable time).
template <Ciphersuite S>
bool signature_equation_holds_vartime(const PointOf<S>& group_public_key, const Signature<S>& signature,
                                      const ScalarOf<S>& challenge) {
  if constexpr (requires { PointOf<S>::double_mul_vartime(signature.z, challenge, group_public_key); }) {
    return PointOf<S>::double_mul_vartime(signature.z, -challenge, group_public_key) == signature.R;
  } else {
    const ScalarOf<S> scalars[] = {signature.z, -challenge};
    const PointOf<S> points[] = {PointOf<S>::generator(), group_public_key};
    return PointOf<S>::multi_mul_vartime(scalars, points) == signature.R;
  }
}

// Variable time (public inputs). kInvalidPoint if PK or R is the identity;
// kVerificationFailed if the equation does not hold.
template <Ciphersuite S>
Status verify_signature_vartime(const PointOf<S>& group_public_key, ByteView message,
                                const Signature<S>& signature) {
  if (group_public_key.is_identity() || signature.R.is_identity()) {
    return fail(ErrorCode::kInvalidPoint, "public key or R is the identity element");
  }
  const ScalarOf<S> c = compute_challenge<S>(signature.R, group_public_key, message);
  if (!signature_equation_holds_vartime<S>(group_public_key, signature, c)) {
    return fail(ErrorCode::kVerificationFailed, std::string(S::kName) + " signature does not verify");
  }
  return ok();
}

// Decodes (strictly) and verifies. Errors as Signature/Point::from_bytes and
// verify_signature_vartime.
template <Ciphersuite S>
Status verify_signature_bytes_vartime(ByteView public_key, ByteView message, ByteView signature) {
  OKMPC_ASSIGN_OR_RETURN(const PointOf<S> pk, PointOf<S>::from_bytes(public_key));
  OKMPC_ASSIGN_OR_RETURN(const Signature<S> sig, Signature<S>::from_bytes(signature));
  return verify_signature_vartime<S>(pk, message, sig);
}

}  // namespace okmpc::frost
