#include "auth/okto_token.hpp"

#include <sodium.h>

#include <boost/json.hpp>

#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

void keypair_from_seed(const ByteArray<32>& seed, ByteArray<64>& sk, Ed25519PublicKey& pk) {
  crypto_sign_seed_keypair(pk.data(), sk.data(), seed.data());
}

}  // namespace

namespace {
Secret<ByteArray<32>> draw_seed(Rng& rng) {
  Secret<ByteArray<32>> seed;
  rng.fill(seed.expose_mut());
  return seed;
}
}  // namespace

OktoTokenIssuer::OktoTokenIssuer(Rng& rng, std::string kid, OktoTokenConfig config)
    : OktoTokenIssuer(draw_seed(rng), std::move(kid), std::move(config)) {}

OktoTokenIssuer::OktoTokenIssuer(Secret<ByteArray<32>> seed, std::string kid, OktoTokenConfig config)
    : kid_(std::move(kid)), config_(std::move(config)) {
  keypair_from_seed(seed.expose(), secret_key_.expose_mut(), public_key_);
}

std::string OktoTokenIssuer::issue(OtpChannel channel, std::string_view address, uint64_t now, Rng& jti_rng,
                                   std::optional<std::string> session_nonce) const {
  boost::json::object header{{"alg", "EdDSA"}, {"typ", "JWT"}, {"kid", kid_}};
  const bool email = channel == OtpChannel::kEmail;
  boost::json::object claims{{"iss", config_.issuer},
                             {"aud", config_.audience},
                             {"sub", std::string(email ? "email:" : "phone:") + std::string(address)},
                             {"iat", now},
                             {"exp", now + config_.lifetime_seconds},
                             {"jti", to_hex(jti_rng.bytes<16>())}};
  if (email) {
    claims["email"] = std::string(address);
    claims["email_verified"] = true;
  } else {
    claims["phone_number"] = std::string(address);
    claims["phone_number_verified"] = true;
  }
  if (session_nonce) claims["nonce"] = *session_nonce;
  const std::string input = jws_signing_input(header, claims);
  ByteArray<64> sig{};
  crypto_sign_detached(sig.data(), nullptr, reinterpret_cast<const uint8_t*>(input.data()), input.size(),
                       secret_key_.expose().data());
  return jws_assemble(input, sig);
}

OktoTokenVerifier::OktoTokenVerifier(std::map<std::string, Ed25519PublicKey, std::less<>> keys,
                                     OktoTokenConfig config)
    : keys_(std::move(keys)),
      policy_{{config.issuer}, config.audience, config.clock_skew_seconds, /*require_nonce=*/false} {}

AuthResult<VerifiedCredential> OktoTokenVerifier::verify(std::string_view token, std::string_view session_nonce,
                                                         uint64_t now) const {
  OKMPC_AUTH_ASSIGN(CompactJws jws, parse_compact_jws(token), AuthErrorCode::kMalformedToken);
  if (jws.alg != "EdDSA") {
    return auth_fail(AuthErrorCode::kUnsupportedAlgorithm, "alg \"" + jws.alg + "\" refused; okto tokens use EdDSA");
  }
  if (!jws.kid) return auth_fail(AuthErrorCode::kUnknownKey, "token header has no kid");
  auto it = keys_.find(*jws.kid);
  if (it == keys_.end()) return auth_fail(AuthErrorCode::kUnknownKey, "kid \"" + *jws.kid + "\" is not an OTP issuer key");
  if (jws.signature.size() != crypto_sign_BYTES ||
      crypto_sign_verify_detached(jws.signature.data(), reinterpret_cast<const uint8_t*>(jws.signing_input.data()),
                                  jws.signing_input.size(), it->second.data()) != 0) {
    return auth_fail(AuthErrorCode::kBadSignature, "EdDSA signature does not verify under kid \"" + *jws.kid + "\"");
  }
  return accept_verified_token(Provider::kOkto, jws, policy_, now, session_nonce);
}

}  // namespace okmpc::auth
