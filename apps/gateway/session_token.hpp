// The Bearer token of session-authenticated routes (GET /api/oc/v1/user-keys):
//
//   token   = base64url(payload) "." base64url(signature)      (no padding)
//   payload = the exact UTF-8 bytes of a JSON object with exactly the fields
//             {"typ":"okmpc-session-v1","sessionAddress":"0x…","iat":N,"exp":N}
//             (unix seconds; exp - iat <= 3600)
//   signature = personal_sign_raw32(session key, keccak256(payload)), 65 bytes
//
// The gateway accepts it when the signature recovers to sessionAddress, iat
// is not in the future (60 s skew), exp is in the future, and that session
// address is registered on the chain for a user and not expired.
// Header-only: the client side (demo, tests) makes tokens with make(), the
// gateway checks them with parse().
#pragma once

#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/base64url.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/personal_sign.hpp"
#include "session/session_key.hpp"

namespace okmpc::gateway::session_token {

inline constexpr std::string_view kType = "okmpc-session-v1";
inline constexpr int64_t kMaxLifetimeSeconds = 3600;
inline constexpr int64_t kClockSkewSeconds = 60;

// A token for `key`, valid from `iat` for `lifetime` seconds.
inline std::string make(const session::SessionKey& key, int64_t iat, int64_t lifetime = 300) {
  boost::json::object p;
  p["typ"] = kType;
  p["sessionAddress"] = eth::to_checksum(key.address());
  p["iat"] = iat;
  p["exp"] = iat + lifetime;
  std::string payload = boost::json::serialize(p);
  auto sig = session::personal_sign_raw32(key, keccak256(as_bytes(payload)));
  return auth::base64url_encode(payload) + "." + auth::base64url_encode(ByteView(sig));
}

struct Claims {
  eth::Address session_address{};
  int64_t iat = 0;
  int64_t exp = 0;
};

// Verifies format, signature and times at `now`. kInvalidEncoding for a
// malformed token, kVerificationFailed for a bad signature, kExpired for a
// token outside its validity window. Does not consult the session registry.
inline Result<Claims> parse(std::string_view token, int64_t now) {
  auto dot = token.find('.');
  if (dot == std::string_view::npos || token.find('.', dot + 1) != std::string_view::npos) {
    return fail(ErrorCode::kInvalidEncoding, "token must be <payload>.<signature>");
  }
  OKMPC_ASSIGN_OR_RETURN(Bytes payload, auth::base64url_decode(token.substr(0, dot)));
  OKMPC_ASSIGN_OR_RETURN(Bytes sig, auth::base64url_decode(token.substr(dot + 1)));
  boost::json::error_code ec;
  auto v = boost::json::parse(std::string_view(reinterpret_cast<const char*>(payload.data()), payload.size()), ec);
  if (ec || !v.is_object()) return fail(ErrorCode::kInvalidEncoding, "token payload is not a JSON object");
  const auto& o = v.as_object();
  const auto* typ = o.if_contains("typ");
  const auto* addr = o.if_contains("sessionAddress");
  const auto* iat = o.if_contains("iat");
  const auto* exp = o.if_contains("exp");
  if (o.size() != 4 || !typ || !typ->is_string() || typ->as_string() != kType || !addr || !addr->is_string() ||
      !iat || !iat->is_int64() || !exp || !exp->is_int64()) {
    return fail(ErrorCode::kInvalidEncoding, "token payload must be {typ, sessionAddress, iat, exp}");
  }
  Claims c;
  OKMPC_ASSIGN_OR_RETURN(c.session_address, eth::parse_address(std::string_view(addr->as_string())));
  c.iat = iat->as_int64();
  c.exp = exp->as_int64();
  OKMPC_ASSIGN_OR_RETURN(eth::Address signer, session::recover_personal_raw32(keccak256(payload), sig));
  if (signer != c.session_address) return fail(ErrorCode::kVerificationFailed, "token not signed by its session key");
  if (c.exp <= c.iat || c.exp - c.iat > kMaxLifetimeSeconds) {
    return fail(ErrorCode::kInvalidEncoding, "token lifetime must be 1..3600 seconds");
  }
  if (c.iat > now + kClockSkewSeconds || c.exp <= now) return fail(ErrorCode::kExpired, "token is not valid now");
  return c;
}

}  // namespace okmpc::gateway::session_token
