// What one DWN node keeps per key, as the plaintext its ShareVault encrypts:
// the owner identity the key was generated for, the DKG key share, and (for
// the ECDSA key) the node's serialized DKLs23 pairwise OT setup.
//
// Encoding v1 (mpc/codec.hpp, big-endian, strict, no trailing bytes):
//   u8 version=1 ‖ string owner ‖ string curve name ‖ u32 t ‖ u32 n ‖ u32 index ‖
//   scalar secret_share ‖ point group key ‖ u32 n ‖ n × point verification share ‖
//   var_bytes extra (the ECDSA setup, empty for Ed25519)
#pragma once

#include <string>

#include "mpc/codec.hpp"
#include "mpc/secret.hpp"
#include "protocols/dkg/key_share.hpp"

namespace okmpc::dwn {

template <Curve C>
struct StoredShare {
  std::string owner;  // gateway identity, e.g. "google:<subject hash hex>"
  dkg::KeyShare<C> share;
  SecretBytes extra;
};

template <Curve C>
SecretBytes encode_stored_share(const std::string& owner, const dkg::KeyShare<C>& share, ByteView extra) {
  ByteWriter w;
  w.write_u8(1).write_string(owner).write_string(C::kName);
  w.write_u32(share.threshold).write_u32(share.parties).write_u32(share.index);
  w.write_scalar<C>(share.secret_share.expose());
  w.write_point<C>(share.group_public_key);
  w.write_points<C>(share.verification_shares);
  w.write_var_bytes(extra);
  return SecretBytes(w.finish());
}

// Strict decode; errors are kInvalidEncoding / kInvalidScalar / kInvalidPoint
// naming the field, or kCorrupted if the share does not match its own
// verification share.
template <Curve C>
Result<StoredShare<C>> decode_stored_share(ByteView bytes) {
  ByteReader r(bytes, "stored share");
  StoredShare<C> out;
  OKMPC_ASSIGN_OR_RETURN(uint8_t version, r.read_u8("version"));
  if (version != 1) return fail(ErrorCode::kInvalidEncoding, "stored share: unknown version");
  OKMPC_ASSIGN_OR_RETURN(out.owner, r.read_string(512, "owner"));
  OKMPC_ASSIGN_OR_RETURN(std::string curve, r.read_string(32, "curve"));
  if (curve != C::kName) return fail(ErrorCode::kInvalidEncoding, "stored share: curve " + curve + " not expected");
  OKMPC_ASSIGN_OR_RETURN(out.share.threshold, r.read_u32("threshold"));
  OKMPC_ASSIGN_OR_RETURN(out.share.parties, r.read_u32("parties"));
  OKMPC_ASSIGN_OR_RETURN(out.share.index, r.read_u32("index"));
  if (out.share.parties < 1 || out.share.parties > 255 || out.share.threshold < 1 ||
      out.share.threshold > out.share.parties || out.share.index < 1 || out.share.index > out.share.parties) {
    return fail(ErrorCode::kInvalidEncoding, "stored share: t, n or index out of range");
  }
  OKMPC_ASSIGN_OR_RETURN(auto secret, r.read_scalar<C>("secret share"));
  out.share.secret_share = Secret<typename C::Scalar>(secret);
  sodium_memzero(static_cast<void*>(&secret), sizeof secret);
  OKMPC_ASSIGN_OR_RETURN(out.share.group_public_key, r.read_point<C>("group key"));
  OKMPC_ASSIGN_OR_RETURN(out.share.verification_shares, r.read_points<C>(out.share.parties, "verification shares"));
  OKMPC_ASSIGN_OR_RETURN(ByteView extra, r.read_var_bytes(16u << 20, "extra"));
  out.extra = SecretBytes(Bytes(extra.begin(), extra.end()));
  OKMPC_TRY(r.finish());
  if (!(C::Point::base_mul(out.share.secret_share.expose()) == out.share.verification_shares[out.share.index - 1])) {
    return fail(ErrorCode::kCorrupted, "stored share does not match its verification share", {out.share.index});
  }
  return out;
}

}  // namespace okmpc::dwn
