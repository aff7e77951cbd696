#include "protocols/ecdsa/ot/transpose.hpp"

#include <sodium.h>

#include <array>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace okmpc::ecdsa::ot {
namespace {

constexpr size_t kColumns = 128;  // κ: one bit of every row per column

// Transposes the 8×8 bit matrix held in x (byte m, bit k) -> (byte k, bit m);
// branch-free.
inline uint64_t transpose8x8(uint64_t x) {
  uint64_t t = (x ^ (x >> 7)) & 0x00AA00AA00AA00AAull;
  x = x ^ t ^ (t << 7);
  t = (x ^ (x >> 14)) & 0x0000CCCC0000CCCCull;
  x = x ^ t ^ (t << 14);
  t = (x ^ (x >> 28)) & 0x00000000F0F0F0F0ull;
  return x ^ t ^ (t << 28);
}

}  // namespace

SecretBlocks transpose_columns_portable(ByteView columns, size_t rows) {
  const size_t col_bytes = rows / 8;
  SecretBlocks out(rows);
  for (size_t b = 0; b < col_bytes; ++b) {
    for (size_t group = 0; group < kColumns / 8; ++group) {
      uint64_t x = 0;
      for (size_t m = 0; m < 8; ++m) x |= static_cast<uint64_t>(columns[(8 * group + m) * col_bytes + b]) << (8 * m);
      x = transpose8x8(x);
      const size_t word = group / 8, shift = 8 * (group % 8);
      for (size_t k = 0; k < 8; ++k) out[8 * b + k].w[word] |= ((x >> (8 * k)) & 0xFFu) << shift;
    }
  }
  return out;
}

SecretBlocks transpose_columns(ByteView columns, size_t rows) {
#if defined(__SSE2__)
  // Byte b of 16 adjacent columns in one register; the sign bits of its
  // bytes (movemask) are bit 8b + 7 of those columns, i.e. 16 bits of row
  // 8b + 7; shifting every byte left by one brings the next bit up.
  const size_t col_bytes = rows / 8;
  SecretBlocks out(rows);
  alignas(16) std::array<uint8_t, 16> lanes;
  for (size_t b = 0; b < col_bytes; ++b) {
    for (size_t group = 0; group < kColumns / 16; ++group) {
      for (size_t m = 0; m < 16; ++m) lanes[m] = columns[(16 * group + m) * col_bytes + b];
      __m128i v = _mm_load_si128(reinterpret_cast<const __m128i*>(lanes.data()));
      const size_t word = group / 4, shift = 16 * (group % 4);
      for (size_t k = 8; k-- > 0;) {
        const auto bits = static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(v)));
        out[8 * b + k].w[word] |= bits << shift;
        v = _mm_slli_epi64(v, 1);
      }
    }
  }
  sodium_memzero(lanes.data(), lanes.size());
  return out;
#else
  return transpose_columns_portable(columns, rows);
#endif
}

}  // namespace okmpc::ecdsa::ot
