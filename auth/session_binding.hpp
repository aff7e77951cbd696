// Binding a credential to the session it opens (DOMAIN.md "Binding the token
// to the session"): the session key travels as sessionPk = 0x04‖X‖Y; the
// identity token's `nonce` claim must equal lowercase hex of
// keccak256(sessionPk), all 65 bytes. A token stolen in transit therefore
// cannot open a session for a key the thief holds.
#pragma once

#include <string>

#include "auth/auth_error.hpp"
#include "mpc/bytes.hpp"
#include "mpc/eth.hpp"

namespace okmpc::auth {

struct SessionBinding {
  ByteArray<65> public_key{};  // 0x04 ‖ X ‖ Y, a valid secp256k1 point
  eth::Address address{};      // last 20 bytes of keccak256(X ‖ Y)
  std::string nonce;           // lowercase hex of keccak256(public_key), 64 chars
};

// Validates `session_pk` (exactly 65 bytes, 0x04 prefix, on the curve, via
// libsecp256k1) and derives its address and token nonce. kBadRequest otherwise.
AuthResult<SessionBinding> bind_session(ByteView session_pk);

// The expected token nonce for a 65-byte session key (no validation).
std::string session_nonce(ByteView session_pk);

}  // namespace okmpc::auth
