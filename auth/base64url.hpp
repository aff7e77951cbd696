// base64url without padding (RFC 4648 §5, as JOSE uses it, RFC 7515 §2).
// Decoding is strict: '=' padding, characters outside [A-Za-z0-9_-],
// whitespace, a length of 1 mod 4 and non-zero trailing bits are all
// kInvalidEncoding, so every byte string has exactly one accepted encoding.
// Backed by libsodium's constant-time codec.
#pragma once

#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::auth {

std::string base64url_encode(ByteView bytes);
inline std::string base64url_encode(std::string_view text) { return base64url_encode(as_bytes(text)); }

// Strict decode (see above). The empty string decodes to no bytes.
Result<Bytes> base64url_decode(std::string_view text);

}  // namespace okmpc::auth
