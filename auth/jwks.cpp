#include "auth/jwks.hpp"

#include <boost/json.hpp>

#include "auth/base64url.hpp"
#include "auth/strict_json.hpp"

namespace okmpc::auth {

Result<Jwks> Jwks::parse(std::string_view json) {
  OKMPC_ASSIGN_OR_RETURN(auto doc, parse_strict_object(json));
  const boost::json::value* keys = doc.if_contains("keys");
  if (!keys || !keys->is_array()) return fail(ErrorCode::kInvalidEncoding, "jwks: \"keys\" must be an array");
  Jwks out;
  size_t index = 0;
  for (const boost::json::value& entry : keys->as_array()) {
    const std::string where = "jwks key #" + std::to_string(index++);
    if (!entry.is_object()) return fail(ErrorCode::kInvalidEncoding, where + ": not an object");
    const boost::json::object& jwk = entry.as_object();
    OKMPC_ASSIGN_OR_RETURN(auto kty, required_string(jwk, "kty"));
    OKMPC_ASSIGN_OR_RETURN(auto use, optional_string(jwk, "use"));
    OKMPC_ASSIGN_OR_RETURN(auto alg, optional_string(jwk, "alg"));
    if (kty != "RSA" || (use && *use != "sig") || (alg && *alg != "RS256")) continue;
    OKMPC_ASSIGN_OR_RETURN(auto kid, required_string(jwk, "kid"));
    OKMPC_ASSIGN_OR_RETURN(auto n_text, required_string(jwk, "n"));
    OKMPC_ASSIGN_OR_RETURN(auto e_text, required_string(jwk, "e"));
    auto n = base64url_decode(n_text);
    auto e = base64url_decode(e_text);
    if (!n || !e) return fail(ErrorCode::kInvalidEncoding, where + " (kid " + kid + "): n/e not base64url");
    auto key = RsaPublicKey::from_components(*n, *e);
    if (!key) return fail(key.error().code, where + " (kid " + kid + "): " + key.error().message);
    OKMPC_TRY(out.add(kid, std::move(*key)));
  }
  return out;
}

Status Jwks::add(std::string kid, RsaPublicKey key) {
  if (kid.empty()) return fail(ErrorCode::kInvalidArgument, "jwks: empty kid");
  if (keys_.count(kid)) return fail(ErrorCode::kAlreadyExists, "jwks: duplicate kid \"" + kid + "\"");
  keys_.emplace(std::move(kid), std::move(key));
  return ok();
}

const RsaPublicKey* Jwks::find(std::string_view kid) const {
  auto it = keys_.find(kid);
  return it == keys_.end() ? nullptr : &it->second;
}

std::vector<std::string> Jwks::kids() const {
  std::vector<std::string> out;
  for (const auto& [kid, key] : keys_) out.push_back(kid);
  return out;
}

std::string Jwks::to_json() const {
  boost::json::array keys;
  for (const auto& [kid, key] : keys_) {
    keys.push_back(boost::json::object{{"kty", "RSA"},
                                       {"kid", kid},
                                       {"use", "sig"},
                                       {"alg", "RS256"},
                                       {"n", base64url_encode(key.modulus())},
                                       {"e", base64url_encode(key.exponent())}});
  }
  return boost::json::serialize(boost::json::object{{"keys", std::move(keys)}});
}

}  // namespace okmpc::auth
