// Ethereum helpers: addresses (keccak256 of the uncompressed public key),
// EIP-55 checksum case, CREATE2 (EIP-1014), EIP-191 personal-message digest.
#pragma once

#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/hash.hpp"

namespace okmpc::eth {

using Address = ByteArray<20>;

// Address of a secp256k1 public key given as 64 bytes X‖Y or 65 bytes 04‖X‖Y.
Result<Address> address_from_public_key(ByteView uncompressed);

// "0x" + EIP-55 mixed-case checksum encoding.
std::string to_checksum(const Address& a);
// Parses "0x" + 40 hex digits. All-lowercase and all-uppercase are accepted;
// mixed case must carry a valid EIP-55 checksum.
Result<Address> parse_address(std::string_view text);

// CREATE2: keccak256(0xff ‖ deployer ‖ salt ‖ init_code_hash)[12:].
Address create2(const Address& deployer, const Hash32& salt, const Hash32& init_code_hash);

// keccak256("\x19Ethereum Signed Message:\n" ‖ decimal(len) ‖ message).
Hash32 personal_message_digest(ByteView message);

}  // namespace okmpc::eth
