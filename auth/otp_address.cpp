#include "auth/otp_address.hpp"

#include <algorithm>
#include <cctype>

namespace okmpc::auth {
namespace {

bool is_local_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view(".!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}
bool is_domain_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-'; }

AuthResult<std::string> normalize_email(std::string_view in) {
  const size_t at = in.find('@');
  if (in.size() > 254 || at == std::string_view::npos || in.find('@', at + 1) != std::string_view::npos) {
    return auth_fail(AuthErrorCode::kBadRequest, "email must contain exactly one '@' and be at most 254 characters");
  }
  std::string_view local = in.substr(0, at), domain = in.substr(at + 1);
  if (local.empty() || local.size() > 64 || !std::all_of(local.begin(), local.end(), is_local_char)) {
    return auth_fail(AuthErrorCode::kBadRequest, "email local part is empty, too long or has invalid characters");
  }
  if (domain.size() < 3 || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
      domain.back() == '.' || domain.find("..") != std::string_view::npos ||
      !std::all_of(domain.begin(), domain.end(), is_domain_char)) {
    return auth_fail(AuthErrorCode::kBadRequest, "email domain is not a dotted host name");
  }
  std::string out(in);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return out;
}

AuthResult<std::string> normalize_phone(std::string_view in) {
  const std::string_view digits = in.empty() ? in : in.substr(1);
  if (in.empty() || in[0] != '+' || digits.size() < 8 || digits.size() > 15 || digits[0] == '0' ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return auth_fail(AuthErrorCode::kBadRequest, "phone number must be E.164: '+' and 8..15 digits");
  }
  return std::string(in);
}

}  // namespace

std::string_view to_string(OtpChannel channel) { return channel == OtpChannel::kEmail ? "email" : "whatsapp"; }

AuthResult<std::string> normalize_otp_address(OtpChannel channel, std::string_view address) {
  return channel == OtpChannel::kEmail ? normalize_email(address) : normalize_phone(address);
}

}  // namespace okmpc::auth
