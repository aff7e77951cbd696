#include "protocols/frost/expand_message_xmd.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "mpc/hash.hpp"

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
  // (SHA-256 through mpc/hash.hpp: OpenSSL, with the CPU's SHA extensions).
  Sha256 h0;
  h0.update(z_pad);
  for (ByteView part : msg_parts) h0.update(part);
  h0.update(len_and_zero);
  h0.update(dst);
  h0.update(dst_len);
  Hash32 b0 = h0.finish();

  // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime);
  // b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) || DST_prime).
  std::array<uint8_t, kHashBytes> chain{};
  Hash32 prev{};
  for (size_t i = 1; i <= ell; ++i) {
    for (size_t k = 0; k < kHashBytes; ++k) chain[k] = static_cast<uint8_t>(b0[k] ^ prev[k]);
    const std::array<uint8_t, 1> counter{static_cast<uint8_t>(i)};
    prev = sha256({chain, counter, dst, dst_len});
    const size_t offset = (i - 1) * kHashBytes;
    const size_t take = std::min(kHashBytes, len - offset);
    std::copy_n(prev.begin(), take, out.begin() + static_cast<std::ptrdiff_t>(offset));
  }
  sodium_memzero(b0.data(), b0.size());
  sodium_memzero(chain.data(), chain.size());
  sodium_memzero(prev.data(), prev.size());
  return ok();
}

}  // namespace okmpc::frost
