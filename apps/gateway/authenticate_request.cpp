#include "apps/gateway/authenticate_request.hpp"

#include <algorithm>
#include <cctype>

#include "apps/gateway/json_shape.hpp"
#include "mpc/hex.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc::gateway {

namespace {

ApiError bad(const std::string& field, const std::string& why) {
  return ApiError{ApiErrorCode::kBadRequest, field + " " + why};
}

ApiResult<eth::Address> address_field(const std::string& field, const std::string& text) {
  auto a = eth::parse_address(text);
  if (!a) return tl::unexpected(bad(field, "is not an address (0x + 40 hex digits, EIP-55 if mixed case)"));
  return *a;
}

ApiResult<ByteArray<65>> signature_field(const std::string& field, const std::string& text) {
  auto s = from_hex_fixed<65>(text);
  if (!s) return tl::unexpected(bad(field, "must be 0x + 65 bytes hex (r ‖ s ‖ v)"));
  return *s;
}

}  // namespace

bool is_uuid_v4(std::string_view t) {
  if (t.size() != 36) return false;
  for (size_t i = 0; i < t.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? t[i] != '-' : !std::isxdigit(static_cast<unsigned char>(t[i]))) return false;
  }
  char variant = static_cast<char>(std::tolower(static_cast<unsigned char>(t[19])));
  return t[14] == '4' && (variant == '8' || variant == '9' || variant == 'a' || variant == 'b');
}

ApiResult<AuthenticateRequest> parse_authenticate_request(std::string_view body) {
  auto object = parse_json_object(body);
  if (!object) return tl::unexpected(object.error());
  ObjectReader root(*object, "");
  AuthenticateRequest out;

  auto auth_data = root.object("authData");
  if (!auth_data) return tl::unexpected(auth_data.error());
  auto id_token = auth_data->string("idToken", 8192);
  if (!id_token) return tl::unexpected(id_token.error());
  auto provider = auth_data->string("provider", 16);
  if (!provider) return tl::unexpected(provider.error());
  if (auto f = auth_data->finish(); !f) return tl::unexpected(f.error());
  if (*provider != "google" && *provider != "okto") {
    return tl::unexpected(bad("authData.provider", "must be \"google\" or \"okto\""));
  }
  if (id_token->empty()) return tl::unexpected(bad("authData.idToken", "is empty"));
  out.id_token = std::move(*id_token);
  out.provider = std::move(*provider);

  auto session = root.object("sessionData");
  if (!session) return tl::unexpected(session.error());
  auto nonce = session->string("nonce", 64);
  if (!nonce) return tl::unexpected(nonce.error());
  auto client_swa = session->string("clientSWA", 64);
  if (!client_swa) return tl::unexpected(client_swa.error());
  auto session_pk = session->string("sessionPk", 160);
  if (!session_pk) return tl::unexpected(session_pk.error());
  auto paymaster = session->optional_string("paymaster", 64);
  if (!paymaster) return tl::unexpected(paymaster.error());
  auto paymaster_data = session->optional_string("paymasterData", 4096);
  if (!paymaster_data) return tl::unexpected(paymaster_data.error());
  if (auto f = session->finish(); !f) return tl::unexpected(f.error());

  if (!is_uuid_v4(*nonce)) return tl::unexpected(bad("sessionData.nonce", "is not a UUIDv4"));
  auto word = Uint256::from_uuid(*nonce);
  if (!word) return tl::unexpected(bad("sessionData.nonce", "is not a UUIDv4"));
  out.nonce = *nonce;
  std::transform(out.nonce.begin(), out.nonce.end(), out.nonce.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  out.nonce_word = *word;

  auto swa = address_field("sessionData.clientSWA", *client_swa);
  if (!swa) return tl::unexpected(swa.error());
  out.client_swa = *swa;

  auto pk = from_hex_fixed<65>(*session_pk);
  if (!pk || (*pk)[0] != 0x04 || !Secp256k1::Point::from_bytes(*pk)) {
    return tl::unexpected(bad("sessionData.sessionPk", "must be 0x04 ‖ X ‖ Y of a secp256k1 point (65 bytes hex)"));
  }
  out.session_pk = *pk;
  auto session_address = eth::address_from_public_key(out.session_pk);
  if (!session_address) return tl::unexpected(bad("sessionData.sessionPk", "has no address"));
  out.session_address = *session_address;

  if (*paymaster) {
    auto pm = address_field("sessionData.paymaster", **paymaster);
    if (!pm) return tl::unexpected(pm.error());
    out.paymaster = *pm;
  }
  if (*paymaster_data) {
    auto data = from_hex_prefixed(**paymaster_data);
    if (!data) return tl::unexpected(bad("sessionData.paymasterData", "must be 0x-prefixed hex"));
    out.paymaster_data = std::move(*data);
  }

  auto client_sig = root.string("sessionPkClientSignature", 200);
  if (!client_sig) return tl::unexpected(client_sig.error());
  auto user_sig = root.string("sessionDataUserSignature", 200);
  if (!user_sig) return tl::unexpected(user_sig.error());
  if (auto f = root.finish(); !f) return tl::unexpected(f.error());
  auto cs = signature_field("sessionPkClientSignature", *client_sig);
  if (!cs) return tl::unexpected(cs.error());
  out.client_signature = *cs;
  auto us = signature_field("sessionDataUserSignature", *user_sig);
  if (!us) return tl::unexpected(us.error());
  out.user_signature = *us;
  return out;
}

}  // namespace okmpc::gateway
