// Hex codec. Decoding is strict: odd length or a non-hex character is an
// error. An optional "0x" prefix is accepted only by decode_hex_prefixed.
#pragma once

#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc {

// Lowercase hex, no prefix.
std::string to_hex(ByteView bytes);
// "0x" + lowercase hex.
std::string to_hex_prefixed(ByteView bytes);

// Rejects odd length and non-hex characters (kInvalidEncoding).
Result<Bytes> from_hex(std::string_view hex);
// Like from_hex, but accepts (and strips) one leading "0x"/"0X".
Result<Bytes> from_hex_prefixed(std::string_view hex);
// Decodes exactly N bytes; any other length is kInvalidEncoding.
template <size_t N>
Result<ByteArray<N>> from_hex_fixed(std::string_view hex) {
  auto bytes = from_hex_prefixed(hex);
  if (!bytes) return tl::unexpected(bytes.error());
  if (bytes->size() != N) {
    return fail(ErrorCode::kInvalidEncoding,
                "expected " + std::to_string(N) + " bytes, got " + std::to_string(bytes->size()));
  }
  ByteArray<N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = (*bytes)[i];
  return out;
}

}  // namespace okmpc
