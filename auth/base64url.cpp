#include "auth/base64url.hpp"

#include <sodium.h>

namespace okmpc::auth {

std::string base64url_encode(ByteView bytes) {
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  out.resize(out.size() - 1);  // drop the terminating NUL libsodium writes
  return out;
}

Result<Bytes> base64url_decode(std::string_view text) {
  if (text.size() % 4 == 1) {
    return fail(ErrorCode::kInvalidEncoding, "base64url: impossible length " + std::to_string(text.size()));
  }
  Bytes out(text.size() / 4 * 3 + 3);
  size_t len = 0;
  const char* end = nullptr;
  // No `ignore` set and a non-null `end`: any character outside the alphabet
  // stops decoding before the end, which we reject below.
  int rc = sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &len, &end,
                             sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  if (rc != 0 || end != text.data() + text.size()) {
    return fail(ErrorCode::kInvalidEncoding, "base64url: invalid character, padding or trailing bits");
  }
  out.resize(len);
  if (base64url_encode(out) != text) {  // belt and braces: canonical form only
    return fail(ErrorCode::kInvalidEncoding, "base64url: non-canonical encoding");
  }
  return out;
}

}  // namespace okmpc::auth
