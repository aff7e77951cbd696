#include "auth/hotp.hpp"

#include <sodium.h>

#include <openssl/evp.h>

namespace okmpc::auth {

Result<std::string> hotp(ByteView key, uint64_t counter, unsigned digits, HotpHash hash) {
  if (digits < 6 || digits > 9) return fail(ErrorCode::kInvalidArgument, "hotp: digits must be 6..9");
  const char* md = hash == HotpHash::kSha1 ? "SHA1" : hash == HotpHash::kSha256 ? "SHA256" : "SHA512";
  Bytes msg;
  append_u64_be(msg, counter);
  uint8_t mac[EVP_MAX_MD_SIZE];
  size_t mac_len = 0;
  if (!EVP_Q_mac(nullptr, "HMAC", nullptr, md, nullptr, key.data(), key.size(), msg.data(), msg.size(), mac,
                 sizeof(mac), &mac_len)) {
    return fail(ErrorCode::kInternal, "hotp: HMAC failed");
  }
  const size_t offset = mac[mac_len - 1] & 0x0f;  // dynamic truncation, RFC 4226 §5.3
  const uint32_t binary = (static_cast<uint32_t>(mac[offset] & 0x7f) << 24) |
                          (static_cast<uint32_t>(mac[offset + 1]) << 16) |
                          (static_cast<uint32_t>(mac[offset + 2]) << 8) | static_cast<uint32_t>(mac[offset + 3]);
  sodium_memzero(mac, sizeof(mac));
  uint32_t modulus = 1;
  for (unsigned i = 0; i < digits; ++i) modulus *= 10;
  uint32_t value = binary % modulus;
  std::string out(digits, '0');
  for (unsigned i = digits; i-- > 0; value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out;
}

Result<std::string> totp(ByteView key, uint64_t unix_time, unsigned digits, HotpHash hash, uint64_t step,
                         uint64_t t0) {
  if (step == 0 || unix_time < t0) return fail(ErrorCode::kInvalidArgument, "totp: need step > 0 and time >= t0");
  return hotp(key, (unix_time - t0) / step, digits, hash);
}

}  // namespace okmpc::auth
