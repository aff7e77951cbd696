// JWS compact serialization (RFC 7515 §7.1): BASE64URL(header) "."
// BASE64URL(payload) "." BASE64URL(signature). Parsing is strict and checks
// no signature; the verifiers (oidc_verifier.hpp, okto_token.hpp) do that
// with the algorithm they expect, never the one the token asks for.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "auth/auth_error.hpp"
#include "mpc/bytes.hpp"

namespace okmpc::auth {

// Tokens longer than this are rejected before any decoding.
inline constexpr size_t kMaxTokenBytes = 16 * 1024;

struct CompactJws {
  boost::json::object header;   // strict JSON object
  boost::json::object claims;   // strict JSON object (the payload)
  std::string signing_input;    // ASCII(BASE64URL(header) "." BASE64URL(payload))
  Bytes signature;
  std::string alg;              // header "alg" (always present)
  std::optional<std::string> kid;  // header "kid" if present
};

// Splits and decodes `token`. kMalformedToken when: over kMaxTokenBytes, not
// exactly three parts, any part not strict base64url, header or payload not
// a strict JSON object, "alg" missing or not a string, "kid" not a string,
// or a "crit" header is present (we implement no extensions, RFC 7515 §4.1.11).
AuthResult<CompactJws> parse_compact_jws(std::string_view token);

// BASE64URL(serialize(header)) "." BASE64URL(serialize(claims)).
std::string jws_signing_input(const boost::json::object& header, const boost::json::object& claims);
// signing_input "." BASE64URL(signature).
std::string jws_assemble(std::string_view signing_input, ByteView signature);

}  // namespace okmpc::auth
