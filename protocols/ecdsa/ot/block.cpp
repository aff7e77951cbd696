#include "protocols/ecdsa/ot/block.hpp"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace okmpc::ecdsa::ot {
namespace {

// Reduces a 256-bit carry-less product (little-endian words) modulo
// x^128 + x^7 + x^2 + x + 1.
Block reduce256(const uint64_t acc[4]) {
  const uint64_t h0 = acc[2], h1 = acc[3];
  uint64_t l0 = h0 ^ (h0 << 1) ^ (h0 << 2) ^ (h0 << 7);
  uint64_t l1 = h1 ^ ((h1 << 1) | (h0 >> 63)) ^ ((h1 << 2) | (h0 >> 62)) ^ ((h1 << 7) | (h0 >> 57));
  const uint64_t over = (h1 >> 63) ^ (h1 >> 62) ^ (h1 >> 57);  // degrees 128..134
  l0 ^= over ^ (over << 1) ^ (over << 2) ^ (over << 7);
  return {{acc[0] ^ l0, acc[1] ^ l1}};
}

#if defined(__x86_64__)
__attribute__((target("pclmul,sse4.1"))) Block gf128_mul_clmul(const Block& a, const Block& b) {
  const __m128i A = _mm_set_epi64x(static_cast<long long>(a.w[1]), static_cast<long long>(a.w[0]));
  const __m128i B = _mm_set_epi64x(static_cast<long long>(b.w[1]), static_cast<long long>(b.w[0]));
  const __m128i lo = _mm_clmulepi64_si128(A, B, 0x00);
  const __m128i hi = _mm_clmulepi64_si128(A, B, 0x11);
  const __m128i mid = _mm_xor_si128(_mm_clmulepi64_si128(A, B, 0x01), _mm_clmulepi64_si128(A, B, 0x10));
  uint64_t acc[4];
  acc[0] = static_cast<uint64_t>(_mm_extract_epi64(lo, 0));
  acc[1] = static_cast<uint64_t>(_mm_extract_epi64(lo, 1)) ^ static_cast<uint64_t>(_mm_extract_epi64(mid, 0));
  acc[2] = static_cast<uint64_t>(_mm_extract_epi64(hi, 0)) ^ static_cast<uint64_t>(_mm_extract_epi64(mid, 1));
  acc[3] = static_cast<uint64_t>(_mm_extract_epi64(hi, 1));
  return reduce256(acc);
}

bool has_clmul() {
  static const bool yes = __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("sse4.1");
  return yes;
}
#endif

}  // namespace

ByteArray<16> Block::to_bytes() const {
  ByteArray<16> out{};
  for (size_t i = 0; i < 16; ++i) out[i] = static_cast<uint8_t>(w[i / 8] >> (8 * (i % 8)));
  return out;
}

Block Block::from_bytes(ByteView sixteen) {
  Block b;
  for (size_t i = 0; i < 16 && i < sixteen.size(); ++i) {
    b.w[i / 8] |= static_cast<uint64_t>(sixteen[i]) << (8 * (i % 8));
  }
  return b;
}

Block gf128_mul(const Block& a, const Block& b) {
#if defined(__x86_64__)
  if (has_clmul()) return gf128_mul_clmul(a, b);
#endif
  return gf128_mul_portable(a, b);
}

Block gf128_mul_portable(const Block& a, const Block& b) {
  // Carry-less 128x128 -> 256-bit product by masked shift-and-xor (no
  // secret-dependent branches or indices).
  uint64_t acc[4] = {0, 0, 0, 0};
  uint64_t sh[4] = {b.w[0], b.w[1], 0, 0};  // b * x^i
  for (size_t i = 0; i < 128; ++i) {
    const uint64_t m = 0 - ((a.w[i / 64] >> (i % 64)) & 1u);
    for (int k = 0; k < 4; ++k) acc[k] ^= sh[k] & m;
    sh[3] = (sh[3] << 1) | (sh[2] >> 63);
    sh[2] = (sh[2] << 1) | (sh[1] >> 63);
    sh[1] = (sh[1] << 1) | (sh[0] >> 63);
    sh[0] <<= 1;
  }
  return reduce256(acc);
}

}  // namespace okmpc::ecdsa::ot
