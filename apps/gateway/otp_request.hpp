// The bodies of the OTP routes, parsed strictly:
//   send-otp    {"email"} or {"phoneNumber"}
//   verify-otp  {"email" | "phoneNumber", "otp", "sessionPk"?}
// Unknown fields, wrong types, over-long strings, an address that does not
// normalise (auth/otp_address.hpp) and a sessionPk that is not 0x04‖X‖Y of a
// secp256k1 point are all BAD_REQUEST naming the field. Whether the code is
// right, and rate limits, are the OTP service's business, not this parser's.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "apps/gateway/api_error.hpp"
#include "apps/gateway/json_shape.hpp"
#include "auth/otp_address.hpp"

namespace okmpc::gateway {

struct OtpRequest {
  std::string address;                       // normalised email or E.164 phone number
  std::string code;                          // verify-otp only: the code as sent (not checked here)
  std::optional<std::string> session_nonce;  // verify-otp: lowercase hex keccak256(sessionPk), if given
};

// `verify` selects the verify-otp shape (else send-otp).
ApiResult<OtpRequest> parse_otp_request(std::string_view body, auth::OtpChannel channel, bool verify);

// The optional "sessionPk" of a body (verify-otp, the development token
// endpoint) as the token nonce that binds an identity token to it.
ApiResult<std::optional<std::string>> session_nonce_of(ObjectReader& body);

}  // namespace okmpc::gateway
