#include "auth/session_binding.hpp"

#include <secp256k1.h>

#include "mpc/hash.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {

std::string session_nonce(ByteView session_pk) { return to_hex(keccak256(session_pk)); }

AuthResult<SessionBinding> bind_session(ByteView session_pk) {
  if (session_pk.size() != 65 || session_pk[0] != 0x04) {
    return auth_fail(AuthErrorCode::kBadRequest, "sessionPk must be 65 bytes 0x04||X||Y");
  }
  secp256k1_pubkey parsed;
  if (secp256k1_ec_pubkey_parse(secp256k1_context_static, &parsed, session_pk.data(), session_pk.size()) != 1) {
    return auth_fail(AuthErrorCode::kBadRequest, "sessionPk is not a point on secp256k1");
  }
  SessionBinding out;
  std::copy(session_pk.begin(), session_pk.end(), out.public_key.begin());
  auto address = eth::address_from_public_key(session_pk);
  if (!address) return auth_fail(AuthErrorCode::kBadRequest, address.error());
  out.address = *address;
  out.nonce = session_nonce(session_pk);
  return out;
}

}  // namespace okmpc::auth
