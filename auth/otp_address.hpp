// Addresses an OTP can be sent to, normalised so that one mailbox or phone
// is one identity: e-mail lower-cased (RFC 5321 local-part/domain
// characters, one '@', local part <= 64, total <= 254, a dotted domain);
// phone numbers in E.164 ('+', 8..15 digits, no leading 0).
#pragma once

#include <string>
#include <string_view>

#include "auth/auth_error.hpp"
#include "auth/okto_token.hpp"

namespace okmpc::auth {

// The outbox channel name: "email" or "whatsapp" (phone codes go by WhatsApp,
// as the gateway's /whatsapp/send-otp route says).
std::string_view to_string(OtpChannel channel);

// The normalised address, or kBadRequest naming what is wrong.
AuthResult<std::string> normalize_otp_address(OtpChannel channel, std::string_view address);

}  // namespace okmpc::auth
