#include "apps/gateway/otp_request.hpp"

#include "apps/gateway/auth_api_error.hpp"
#include "auth/session_binding.hpp"
#include "mpc/hex.hpp"

namespace okmpc::gateway {

ApiResult<std::optional<std::string>> session_nonce_of(ObjectReader& body) {
  auto pk = body.optional_string("sessionPk", 160);
  if (!pk) return tl::unexpected(pk.error());
  if (!*pk) return std::optional<std::string>{};
  auto bytes = from_hex_prefixed(**pk);
  if (!bytes) return api_fail(ApiErrorCode::kBadRequest, "sessionPk must be 0x04 ‖ X ‖ Y hex");
  auto binding = auth::bind_session(*bytes);
  if (!binding) return api_fail(ApiErrorCode::kBadRequest, "sessionPk: " + binding.error().message);
  return std::optional<std::string>(binding->nonce);
}

ApiResult<OtpRequest> parse_otp_request(std::string_view text, auth::OtpChannel channel, bool verify) {
  auto object = parse_json_object(text);
  if (!object) return tl::unexpected(object.error());
  ObjectReader body(*object, "");
  auto address = body.string(channel == auth::OtpChannel::kEmail ? "email" : "phoneNumber", 256);
  if (!address) return tl::unexpected(address.error());
  OtpRequest out;
  if (verify) {
    auto code = body.string("otp", 16);
    if (!code) return tl::unexpected(code.error());
    out.code = std::move(*code);
    auto nonce = session_nonce_of(body);
    if (!nonce) return tl::unexpected(nonce.error());
    out.session_nonce = std::move(*nonce);
  }
  if (auto f = body.finish(); !f) return tl::unexpected(f.error());
  auto normalized = auth::normalize_otp_address(channel, *address);
  if (!normalized) return tl::unexpected(from_auth_error(normalized.error()));
  out.address = std::move(*normalized);
  return out;
}

}  // namespace okmpc::gateway
