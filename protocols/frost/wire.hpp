// Wire payloads of the FROST signing run (protocols/frost/party.hpp), inside
// runtime::Message (whose header binds session, round, sender and receiver):
//   round 1, signer → coordinator:  SigningCommitments::to_bytes()  (D ‖ E)
//   round 2, coordinator → signers: the SigningPackage,
//       u32 count ‖ count × (u32 identifier ‖ D ‖ E) ‖ u32 len ‖ message
//   round 3, signer → coordinator:  SignatureShare::to_bytes()      (z_i)
// Decoding is strict (mpc/codec.hpp): truncation, trailing bytes, oversize
// counts and invalid or identity elements are errors.
#pragma once

#include <string>

#include "mpc/codec.hpp"
#include "protocols/frost/types.hpp"

namespace okmpc::frost {

inline constexpr size_t kMaxMessageBytes = 1u << 20;  // largest message a package may carry
inline constexpr size_t kMaxSigners = 65535;

template <Ciphersuite S>
Bytes encode_signing_package(const SigningPackage<S>& package) {
  using G = typename S::Group;
  ByteWriter w;
  w.write_u32(static_cast<uint32_t>(package.commitments.size()));
  for (const auto& c : package.commitments) {
    w.write_u32(c.identifier);
    w.write_point<G>(c.hiding);
    w.write_point<G>(c.binding);
  }
  w.write_var_bytes(package.message);
  return w.finish();
}

// Strict inverse of encode_signing_package. Errors: kInvalidEncoding
// (truncated, trailing bytes, count above kMaxSigners, message above
// kMaxMessageBytes), kInvalidPoint (an invalid or identity commitment). Does
// not check order or the threshold: that is validate_signing_package's job.
template <Ciphersuite S>
Result<SigningPackage<S>> decode_signing_package(ByteView bytes) {
  using G = typename S::Group;
  ByteReader r(bytes, "frost signing package");
  OKMPC_ASSIGN_OR_RETURN(const uint32_t count, r.read_u32("signer count"));
  if (count > kMaxSigners || count * (4 + 2 * G::kPointBytes) > r.remaining()) {
    return fail(ErrorCode::kInvalidEncoding, "frost signing package: signer count " + std::to_string(count) +
                                                 " does not fit the payload");
  }
  SigningPackage<S> package;
  package.commitments.reserve(count);
  for (uint32_t k = 0; k < count; ++k) {
    SigningCommitments<S> c;
    OKMPC_ASSIGN_OR_RETURN(c.identifier, r.read_u32("identifier"));
    OKMPC_ASSIGN_OR_RETURN(c.hiding, r.read_point<G>("hiding commitment"));
    OKMPC_ASSIGN_OR_RETURN(c.binding, r.read_point<G>("binding commitment"));
    package.commitments.push_back(c);
  }
  OKMPC_ASSIGN_OR_RETURN(const ByteView message, r.read_var_bytes(kMaxMessageBytes, "message"));
  package.message.assign(message.begin(), message.end());
  OKMPC_TRY(r.finish());
  return package;
}

}  // namespace okmpc::frost
