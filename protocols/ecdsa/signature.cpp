#include "protocols/ecdsa/signature.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>

namespace okmpc::ecdsa {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

// n, big-endian, to decide whether R.x overflowed the group order.
constexpr ByteArray<32> kOrder = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                  0xFF, 0xFF, 0xFF, 0xFF, 0xFE, 0xBA, 0xAE, 0xDC, 0xE6, 0xAF, 0x48,
                                  0xA0, 0x3B, 0xBF, 0xD2, 0x5E, 0x8C, 0xD0, 0x36, 0x41, 0x41};

}  // namespace

Result<Point> recover_public_key(const Signature65& sig, const Hash32& digest) {
  const uint8_t v = sig[64];
  if (v != 27 && v != 28) return fail(ErrorCode::kInvalidEncoding, "signature: v must be 27 or 28");
  const secp256k1_context* ctx = secp256k1_ctx();
  secp256k1_ecdsa_recoverable_signature rsig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, sig.data(), v - 27)) {
    return fail(ErrorCode::kInvalidEncoding, "signature: r or s out of range");
  }
  secp256k1_ecdsa_signature plain;
  secp256k1_ecdsa_recoverable_signature_convert(ctx, &plain, &rsig);
  secp256k1_ecdsa_signature normalized;
  if (secp256k1_ecdsa_signature_normalize(ctx, &normalized, &plain)) {
    return fail(ErrorCode::kVerificationFailed, "signature: s is high (not low-s normalized)");
  }
  secp256k1_pubkey pk;
  if (!secp256k1_ecdsa_recover(ctx, &pk, &rsig, digest.data())) {
    return fail(ErrorCode::kVerificationFailed, "signature: no public key recovers");
  }
  return Point::from_raw(pk);
}

Status verify_signature(const Signature65& sig, const Hash32& digest, const Point& public_key) {
  if (public_key.is_identity()) return fail(ErrorCode::kInvalidPoint, "public key is the identity");
  const secp256k1_context* ctx = secp256k1_ctx();
  secp256k1_ecdsa_signature plain;
  if (!secp256k1_ecdsa_signature_parse_compact(ctx, &plain, sig.data())) {
    return fail(ErrorCode::kInvalidEncoding, "signature: r or s out of range");
  }
  // secp256k1_ecdsa_verify rejects high s itself.
  if (!secp256k1_ecdsa_verify(ctx, &plain, digest.data(), &public_key.raw())) {
    return fail(ErrorCode::kVerificationFailed, "signature does not verify under the public key");
  }
  OKMPC_ASSIGN_OR_RETURN(const Point recovered, recover_public_key(sig, digest));
  if (!(recovered == public_key)) {
    return fail(ErrorCode::kVerificationFailed, "signature's recovery id does not recover the public key");
  }
  return ok();
}

Status verify_signature_address(const Signature65& sig, const Hash32& digest, const eth::Address& address) {
  OKMPC_ASSIGN_OR_RETURN(const Point recovered, recover_public_key(sig, digest));
  OKMPC_ASSIGN_OR_RETURN(const eth::Address got, eth::address_from_public_key(recovered.to_bytes_uncompressed()));
  if (got != address) {
    return fail(ErrorCode::kVerificationFailed,
                "signature recovers to " + eth::to_checksum(got) + ", not " + eth::to_checksum(address));
  }
  return ok();
}

Result<Signature65> finalize_signature(const Point& R, const Scalar& s, const Hash32& digest,
                                       const Point& public_key) {
  if (R.is_identity()) return fail(ErrorCode::kVerificationFailed, "nonce point is the identity");
  const ByteArray<33> rc = R.to_bytes();
  ByteView x(rc.data() + 1, 32);
  if (!std::lexicographical_compare(x.begin(), x.end(), kOrder.begin(), kOrder.end())) {
    return fail(ErrorCode::kInternal, "R.x >= n: recovery id not representable as v; sign again");
  }
  const Scalar r = Scalar::reduce(x);
  if (r.is_zero() || s.is_zero()) return fail(ErrorCode::kVerificationFailed, "r or s is zero");
  uint8_t recid = rc[0] == 0x03 ? 1 : 0;
  const bool high = s.is_high();
  const Scalar low = s.negate_if_high();
  if (high) recid ^= 1;
  Signature65 sig;
  const auto rb = r.to_bytes(), sb = low.to_bytes();
  std::copy(rb.begin(), rb.end(), sig.begin());
  std::copy(sb.begin(), sb.end(), sig.begin() + 32);
  sig[64] = static_cast<uint8_t>(27 + recid);
  // Recovery to the group key = verification (see the header).
  OKMPC_ASSIGN_OR_RETURN(const Point recovered, recover_public_key(sig, digest));
  if (!(recovered == public_key)) {
    return fail(ErrorCode::kVerificationFailed, "signature does not verify under the public key (recovers another key)");
  }
  return sig;
}

}  // namespace okmpc::ecdsa
