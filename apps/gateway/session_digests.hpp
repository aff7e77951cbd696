// The two digests an authenticate request carries signatures over (Okto's
// session scheme, ../shared/DOMAIN.md "Authenticate"). Both are signed with
// EIP-191 personal_sign over the 32 raw bytes (session::personal_sign_raw32,
// viem `signMessage({message: {raw}})`), 65-byte r ‖ s ‖ v.
//
// Header-only: the gateway verifies with these, the demo and the end-to-end
// tests (which link no apps/ sources) sign with them.
#pragma once

#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/abi.hpp"
#include "session/uint256.hpp"

namespace okmpc::gateway {

// sessionDataUserSignature is over
// keccak256(abi.encode(address sessionAddress, address clientSWA, uint256 nonce))
// with the nonce UUID's 32 hex digits read as a uint256.
inline Hash32 session_data_digest(const eth::Address& session_address, const eth::Address& client_swa,
                                  const Uint256& nonce) {
  return keccak256(abi::encode_address_address_uint256(session_address, client_swa, nonce));
}

// sessionPkClientSignature is over keccak256(abi.encode(address sessionAddress)),
// signed by the registered client's signer key.
inline Hash32 session_pk_client_digest(const eth::Address& session_address) {
  return keccak256(abi::encode_address(session_address));
}

}  // namespace okmpc::gateway
