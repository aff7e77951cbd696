// Byte containers: owning `Bytes`, borrowed `ByteView`. Spans, never (ptr, len).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace okmpc {

using Bytes = std::vector<uint8_t>;
using ByteView = std::span<const uint8_t>;
template <size_t N>
using ByteArray = std::array<uint8_t, N>;

inline ByteView as_bytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}

inline void append(Bytes& out, ByteView in) { out.insert(out.end(), in.begin(), in.end()); }

// Big-endian fixed-width integer append/read helpers for wire formats.
inline void append_u8(Bytes& out, uint8_t v) { out.push_back(v); }
inline void append_u16_be(Bytes& out, uint16_t v) {
  out.push_back(static_cast<uint8_t>(v >> 8));
  out.push_back(static_cast<uint8_t>(v));
}
inline void append_u32_be(Bytes& out, uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<uint8_t>(v >> s));
}
inline void append_u64_be(Bytes& out, uint64_t v) {
  for (int s = 56; s >= 0; s -= 8) out.push_back(static_cast<uint8_t>(v >> s));
}

// Constant-time equality of two equal-length views (false if lengths differ;
// the length itself is treated as public).
bool ct_equal(ByteView a, ByteView b);

}  // namespace okmpc
