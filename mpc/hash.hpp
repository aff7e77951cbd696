// Hash functions from the libraries that do them well: SHA-256/SHA-512 from
// libsodium, Keccak-256 (Ethereum's, original padding) from Crypto++.
#pragma once

#include <initializer_list>

#include "mpc/bytes.hpp"

namespace okmpc {

using Hash32 = ByteArray<32>;
using Hash64 = ByteArray<64>;

Hash32 sha256(ByteView data);
Hash64 sha512(ByteView data);
Hash32 keccak256(ByteView data);
// Hash of the concatenation of several views (no length prefixes: use only
// where the format fixes the field sizes, e.g. ABI words).
Hash32 keccak256(std::initializer_list<ByteView> parts);
Hash32 sha256(std::initializer_list<ByteView> parts);
Hash64 sha512(std::initializer_list<ByteView> parts);

// HMAC-SHA-256 (libsodium).
Hash32 hmac_sha256(ByteView key, ByteView data);

}  // namespace okmpc
