#include "auth/jws.hpp"

#include "auth/base64url.hpp"
#include "auth/strict_json.hpp"

namespace okmpc::auth {
namespace {

AuthResult<boost::json::object> decode_json_part(std::string_view part, std::string_view what) {
  auto raw = base64url_decode(part);
  if (!raw) return auth_fail(AuthErrorCode::kMalformedToken, std::string(what) + ": " + raw.error().message);
  std::string_view text(reinterpret_cast<const char*>(raw->data()), raw->size());
  auto obj = parse_strict_object(text);
  if (!obj) return auth_fail(AuthErrorCode::kMalformedToken, std::string(what) + ": " + obj.error().message);
  return std::move(*obj);
}

}  // namespace

AuthResult<CompactJws> parse_compact_jws(std::string_view token) {
  if (token.size() > kMaxTokenBytes) {
    return auth_fail(AuthErrorCode::kMalformedToken, "token longer than " + std::to_string(kMaxTokenBytes) + " bytes");
  }
  const size_t dot1 = token.find('.');
  const size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos) {
    return auth_fail(AuthErrorCode::kMalformedToken, "token is not three dot-separated parts");
  }
  CompactJws jws;
  OKMPC_AUTH_ASSIGN(jws.header, decode_json_part(token.substr(0, dot1), "header"), AuthErrorCode::kMalformedToken);
  OKMPC_AUTH_ASSIGN(jws.claims, decode_json_part(token.substr(dot1 + 1, dot2 - dot1 - 1), "payload"),
                    AuthErrorCode::kMalformedToken);
  OKMPC_AUTH_ASSIGN(jws.signature, base64url_decode(token.substr(dot2 + 1)), AuthErrorCode::kMalformedToken);
  jws.signing_input = std::string(token.substr(0, dot2));

  OKMPC_AUTH_ASSIGN(jws.alg, required_string(jws.header, "alg"), AuthErrorCode::kMalformedToken);
  OKMPC_AUTH_ASSIGN(jws.kid, optional_string(jws.header, "kid"), AuthErrorCode::kMalformedToken);
  if (jws.header.contains("crit")) {
    return auth_fail(AuthErrorCode::kMalformedToken, "header \"crit\" names extensions we do not implement");
  }
  return jws;
}

std::string jws_signing_input(const boost::json::object& header, const boost::json::object& claims) {
  return base64url_encode(std::string_view(boost::json::serialize(header))) + "." +
         base64url_encode(std::string_view(boost::json::serialize(claims)));
}

std::string jws_assemble(std::string_view signing_input, ByteView signature) {
  return std::string(signing_input) + "." + base64url_encode(signature);
}

}  // namespace okmpc::auth
