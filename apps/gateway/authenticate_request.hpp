// The body of POST /api/oc/v1/authenticate, parsed strictly:
//   {authData:{idToken, provider:"google"|"okto"},
//    sessionData:{nonce (UUIDv4), clientSWA, sessionPk, paymaster?, paymasterData?},
//    sessionPkClientSignature, sessionDataUserSignature}
// Unknown fields, wrong types, a nonce that is not a lowercase-or-uppercase
// UUIDv4, an address that is not 0x + 40 hex (with a valid EIP-55 checksum
// when mixed case), a sessionPk that is not 0x04‖X‖Y of a point on secp256k1
// and a signature that is not 65 bytes are all BAD_REQUEST naming the field.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "apps/gateway/api_error.hpp"
#include "mpc/bytes.hpp"
#include "mpc/eth.hpp"
#include "session/uint256.hpp"

namespace okmpc::gateway {

struct AuthenticateRequest {
  std::string id_token;
  std::string provider;             // "google" or "okto"
  std::string nonce;                // canonical lowercase UUID text
  Uint256 nonce_word;               // the UUID's 32 hex digits read as a uint256
  eth::Address client_swa{};
  ByteArray<65> session_pk{};       // 0x04 ‖ X ‖ Y
  eth::Address session_address{};
  std::optional<eth::Address> paymaster;
  Bytes paymaster_data;
  ByteArray<65> client_signature{};  // sessionPkClientSignature, r ‖ s ‖ v
  ByteArray<65> user_signature{};    // sessionDataUserSignature, r ‖ s ‖ v
};

ApiResult<AuthenticateRequest> parse_authenticate_request(std::string_view body);

// True if `text` is a UUID (8-4-4-4-12 hex digits, any case) with version
// nibble 4 and the RFC 9562 variant.
bool is_uuid_v4(std::string_view text);

}  // namespace okmpc::gateway
