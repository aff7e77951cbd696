#include "protocols/frost/expand_message_xmd.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace okmpc::frost {

namespace {
constexpr size_t kHashBytes = 32;   // b_in_bytes for SHA-256
constexpr size_t kBlockBytes = 64;  // s_in_bytes for SHA-256
}  // namespace

Status expand_message_xmd_sha256(std::initializer_list<ByteView> msg_parts, ByteView dst,
                                 std::span<uint8_t> out) {
  const size_t len = out.size();
  const size_t ell = (len + kHashBytes - 1) / kHashBytes;
  if (dst.empty() || dst.size() > 255) {
    return fail(ErrorCode::kInvalidArgument, "expand_message_xmd: DST must be 1..255 bytes");
  }
  if (len == 0 || ell > 255) {
    return fail(ErrorCode::kInvalidArgument, "expand_message_xmd: output must be 1..8160 bytes");
  }
  const std::array<uint8_t, 1> dst_len{static_cast<uint8_t>(dst.size())};
  const std::array<uint8_t, kBlockBytes> z_pad{};
  const std::array<uint8_t, 3> len_and_zero{static_cast<uint8_t>(len >> 8),
                                            static_cast<uint8_t>(len), 0};

  // b_0 = H(Z_pad || msg || I2OSP(len, 2) || I2OSP(0, 1) || DST_prime)
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  crypto_hash_sha256_update(&st, z_pad.data(), z_pad.size());
  for (ByteView part : msg_parts) crypto_hash_sha256_update(&st, part.data(), part.size());
  crypto_hash_sha256_update(&st, len_and_zero.data(), len_and_zero.size());
  crypto_hash_sha256_update(&st, dst.data(), dst.size());
  crypto_hash_sha256_update(&st, dst_len.data(), dst_len.size());
  std::array<uint8_t, kHashBytes> b0;
  crypto_hash_sha256_final(&st, b0.data());

  // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime);
  // b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) || DST_prime).
  std::array<uint8_t, kHashBytes> chain{};
  std::array<uint8_t, kHashBytes> prev{};
  for (size_t i = 1; i <= ell; ++i) {
    for (size_t k = 0; k < kHashBytes; ++k) chain[k] = static_cast<uint8_t>(b0[k] ^ prev[k]);
    const std::array<uint8_t, 1> counter{static_cast<uint8_t>(i)};
    crypto_hash_sha256_init(&st);
    crypto_hash_sha256_update(&st, chain.data(), chain.size());
    crypto_hash_sha256_update(&st, counter.data(), counter.size());
    crypto_hash_sha256_update(&st, dst.data(), dst.size());
    crypto_hash_sha256_update(&st, dst_len.data(), dst_len.size());
    crypto_hash_sha256_final(&st, prev.data());
    const size_t offset = (i - 1) * kHashBytes;
    const size_t take = std::min(kHashBytes, len - offset);
    std::copy_n(prev.begin(), take, out.begin() + static_cast<std::ptrdiff_t>(offset));
  }
  sodium_memzero(b0.data(), b0.size());
  sodium_memzero(chain.data(), chain.size());
  sodium_memzero(prev.data(), prev.size());
  sodium_memzero(&st, sizeof st);
  return ok();
}

}  // namespace okmpc::frost
