// Gateway request bodies (apps/gateway): arbitrary bytes as the body of
// POST /api/oc/v1/authenticate and of the OTP routes, parsed by the gateway's
// own parsers — parse_authenticate_request (authenticate_request.cpp) and
// parse_otp_request (otp_request.cpp).
// No network, no gateway object.
//
// Properties: nothing crashes; every reject is a typed BAD_REQUEST (HTTP 400)
// with a message, and its error body is the documented JSON; an accepted
// authenticate body re-encodes to a body that parses to the same request; an
// accepted OTP address is already normalised (normalising again changes
// nothing); an accepted sessionPk binds to keccak256(pk) as the token nonce.
//
// First byte: 0 = authenticate, 1 = send-otp email, 2 = send-otp phone,
// 3 = verify-otp email, 4 = verify-otp phone. The OTP bodies go through
// parse_otp_request (otp_request.cpp), the parser Gateway::send_otp /
// verify_otp call; the routes' rate limiting and code checks need a running
// gateway.
#include <boost/json.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "apps/gateway/authenticate_request.hpp"
#include "apps/gateway/json_shape.hpp"
#include "apps/gateway/otp_request.hpp"
#include "auth/otp_address.hpp"
#include "auth/session_binding.hpp"
#include "fuzz_check.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"

namespace {

using namespace okmpc;
using namespace okmpc::gateway;

// A reject must be a client error the gateway can answer as documented.
void check_rejected(const ApiError& error) {
  FUZZ_CHECK(error.code == ApiErrorCode::kBadRequest);
  FUZZ_CHECK(http_status(error.code) == 400);
  FUZZ_CHECK(!error.message.empty());
  boost::json::error_code ec;
  const boost::json::value body = boost::json::parse(error_body(error), ec);
  FUZZ_CHECK(!ec && body.is_object());
  FUZZ_CHECK(body.as_object().at("status") == "error");
  FUZZ_CHECK(body.as_object().at("error").as_object().at("errorCode") == "BAD_REQUEST");
}

// The canonical body of an accepted request (lowercase nonce, EIP-55
// addresses, 0x-hex bytes).
std::string encode(const AuthenticateRequest& r) {
  boost::json::object session;
  session["nonce"] = r.nonce;
  session["clientSWA"] = eth::to_checksum(r.client_swa);
  session["sessionPk"] = to_hex_prefixed(r.session_pk);
  if (r.paymaster) session["paymaster"] = eth::to_checksum(*r.paymaster);
  session["paymasterData"] = to_hex_prefixed(r.paymaster_data);
  boost::json::object body;
  body["authData"] = boost::json::object{{"idToken", r.id_token}, {"provider", r.provider}};
  body["sessionData"] = std::move(session);
  body["sessionPkClientSignature"] = to_hex_prefixed(r.client_signature);
  body["sessionDataUserSignature"] = to_hex_prefixed(r.user_signature);
  return boost::json::serialize(body);
}

void authenticate(std::string_view body) {
  auto request = parse_authenticate_request(body);
  if (!request) return check_rejected(request.error());
  FUZZ_CHECK(request->provider == "google" || request->provider == "okto");
  FUZZ_CHECK(!request->id_token.empty());
  FUZZ_CHECK(is_uuid_v4(request->nonce));
  FUZZ_CHECK(request->session_pk[0] == 0x04);
  auto address = eth::address_from_public_key(request->session_pk);
  FUZZ_CHECK(address.has_value() && *address == request->session_address);

  auto again = parse_authenticate_request(encode(*request));
  FUZZ_CHECK(again.has_value());
  FUZZ_CHECK(again->id_token == request->id_token && again->provider == request->provider);
  FUZZ_CHECK(again->nonce == request->nonce && again->nonce_word == request->nonce_word);
  FUZZ_CHECK(again->client_swa == request->client_swa && again->session_pk == request->session_pk);
  FUZZ_CHECK(again->paymaster == request->paymaster && again->paymaster_data == request->paymaster_data);
  FUZZ_CHECK(again->client_signature == request->client_signature);
  FUZZ_CHECK(again->user_signature == request->user_signature);
}

void otp(auth::OtpChannel channel, bool verify, std::string_view text) {
  auto request = parse_otp_request(text, channel, verify);
  if (!request) return check_rejected(request.error());
  // The address is already normalised: normalising again changes nothing.
  auto twice = auth::normalize_otp_address(channel, request->address);
  FUZZ_CHECK(twice.has_value() && *twice == request->address);
  FUZZ_CHECK(verify || (request->code.empty() && !request->session_nonce));
  FUZZ_CHECK(request->code.size() <= 16);
  if (!request->session_nonce) return;
  // A sessionPk was given and binds as keccak256(pk) in lowercase hex.
  const auto object = parse_json_object(text);
  FUZZ_CHECK(object.has_value());
  auto bytes = from_hex_prefixed(std::string(object->at("sessionPk").as_string()));
  FUZZ_CHECK(bytes.has_value());
  FUZZ_CHECK(*request->session_nonce == auth::session_nonce(*bytes));
  FUZZ_CHECK(request->session_nonce->size() == 64);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 5) {
    case 0:
      authenticate(body);
      break;
    case 1:
      otp(auth::OtpChannel::kEmail, false, body);
      break;
    case 2:
      otp(auth::OtpChannel::kPhone, false, body);
      break;
    case 3:
      otp(auth::OtpChannel::kEmail, true, body);
      break;
    default:
      otp(auth::OtpChannel::kPhone, true, body);
      break;
  }
  return 0;
}
