// HOTP (RFC 4226) and TOTP (RFC 6238): HMAC-based one-time passwords, via
// OpenSSL's HMAC (EVP_Q_mac). Known answers in DOMAIN.md / RFC 4226
// Appendix D and RFC 6238 Appendix B. Constant time in the key and counter
// (the dynamic-truncation offset is derived from the MAC, as the RFC
// prescribes; it reveals nothing about the key).
#pragma once

#include <cstdint>
#include <string>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::auth {

enum class HotpHash : uint8_t { kSha1, kSha256, kSha512 };

// HOTP(K, C) = Truncate(HMAC(K, C)) mod 10^digits, zero-padded to `digits`
// characters (RFC 4226 §5.3). kInvalidArgument unless 6 <= digits <= 9.
Result<std::string> hotp(ByteView key, uint64_t counter, unsigned digits = 6, HotpHash hash = HotpHash::kSha1);

// TOTP: HOTP with counter floor((unix_time - t0) / step) (RFC 6238 §4).
// kInvalidArgument for step == 0 or unix_time < t0.
Result<std::string> totp(ByteView key, uint64_t unix_time, unsigned digits = 8, HotpHash hash = HotpHash::kSha1,
                         uint64_t step = 30, uint64_t t0 = 0);

}  // namespace okmpc::auth
