// OTP routes (email / WhatsApp phone) and the simulated Google provider's
// development endpoints.
#include "apps/gateway/gateway.hpp"
#include "apps/gateway/json_shape.hpp"
#include "apps/gateway/otp_request.hpp"
#include "apps/gateway/unix_time.hpp"

namespace okmpc::gateway {

namespace json = boost::json;

ApiResult<json::value> Gateway::send_otp(const RouteContext& ctx, auth::OtpChannel channel) {
  auto req = parse_otp_request(ctx.request.body, channel, false);
  if (!req) return tl::unexpected(req.error());
  if (!identity_limiter_.allow(std::string(auth::to_string(channel)) + ":" + req->address)) {
    return api_fail(ApiErrorCode::kRateLimited, "too many OTP requests for this address");
  }
  auto sent = auth_->otp->send(channel, req->address, static_cast<uint64_t>(unix_now()));
  if (!sent) return tl::unexpected(from_auth_error(sent.error()));
  json::object out;
  out["to"] = sent->to;
  out["expiresAt"] = sent->expires_at;
  out["resendAfter"] = sent->resend_after;
  return out;
}

ApiResult<json::value> Gateway::verify_otp(const RouteContext& ctx, auth::OtpChannel channel) {
  auto req = parse_otp_request(ctx.request.body, channel, true);
  if (!req) return tl::unexpected(req.error());
  auto token = auth_->otp->verify(channel, req->address, req->code, static_cast<uint64_t>(unix_now()),
                                  req->session_nonce);
  if (!token) return tl::unexpected(from_auth_error(token.error()));
  json::object out;
  out["token"] = *token;
  out["provider"] = "okto";
  return out;
}

ApiResult<json::value> Gateway::dev_jwks(const RouteContext&) {
  return json::parse(auth_->google->jwks_json());
}

ApiResult<json::value> Gateway::dev_token(const RouteContext& ctx) {
  auto object = parse_json_object(ctx.request.body);
  if (!object) return tl::unexpected(object.error());
  ObjectReader body(*object, "");
  auto sub = body.string("sub", 255);
  if (!sub) return tl::unexpected(sub.error());
  auto email = body.optional_string("email", 254);
  if (!email) return tl::unexpected(email.error());
  auto nonce = session_nonce_of(body);
  if (!nonce) return tl::unexpected(nonce.error());
  auto audience = body.optional_string("aud", 255);
  if (!audience) return tl::unexpected(audience.error());
  auto issued_at = body.optional_int("iat", 0, int64_t{1} << 40);
  if (!issued_at) return tl::unexpected(issued_at.error());
  auto lifetime = body.optional_int("lifetime", 1, 86400);
  if (!lifetime) return tl::unexpected(lifetime.error());
  if (auto f = body.finish(); !f) return tl::unexpected(f.error());
  if (sub->empty()) return api_fail(ApiErrorCode::kBadRequest, "sub is empty");
  auth::GoogleLogin login;
  login.audience = audience->value_or(config_.oidc_audience);
  login.subject = *sub;
  login.email = email->value_or("");
  login.nonce = nonce->value_or("");
  login.issued_at = static_cast<uint64_t>(issued_at->value_or(unix_now()));
  login.lifetime_seconds = static_cast<uint64_t>(lifetime->value_or(3600));
  auto token = auth_->google->issue(login, *auth_->rng);
  if (!token) return api_fail(ApiErrorCode::kInternal, "token issuance: " + token.error().message);
  json::object out;
  out["idToken"] = *token;
  return out;
}

}  // namespace okmpc::gateway
