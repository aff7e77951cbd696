// The "okto" identity token: what a successful e-mail / phone OTP check
// returns, usable as authData.idToken with provider "okto".
//
// Format (documented in papers/auth.md): a JWS compact token, RFC 7515,
// alg "EdDSA" (Ed25519, RFC 8037) signed with libsodium.
//   header  {"alg":"EdDSA","typ":"JWT","kid":<issuer key id>}
//   claims  {"iss":"okmpc-otp","aud":<audience>,"sub":"email:<addr>"|"phone:<E.164>",
//            "iat":<unix s>,"exp":<iat+lifetime>,"jti":<32 hex>,
//            "email"+"email_verified":true | "phone_number"+"phone_number_verified":true,
//            ["nonce":<keccak256(sessionPk) hex> when the client bound it at verify time]}
// Auth nodes verify it with OktoTokenVerifier: alg exactly "EdDSA", kid
// known, signature, then the same claim rules as Google tokens except that
// `nonce` is optional (checked when present). Single use: the nodes' replay
// stores remember its jti.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "auth/credential_verifier.hpp"
#include "auth/ed25519_types.hpp"
#include "auth/token_claims.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc::auth {

struct OktoTokenConfig {
  std::string issuer = "okmpc-otp";
  std::string audience = "okmpc";       // the auth network's client id for OTP tokens
  uint64_t lifetime_seconds = 600;      // short-lived: 10 minutes
  uint64_t clock_skew_seconds = 60;
};

// Who the OTP proved: one e-mail address or one phone number (normalised).
enum class OtpChannel : uint8_t { kEmail = 1, kPhone = 2 };

class OktoTokenIssuer {
 public:
  // A fresh Ed25519 key from a 32-byte seed drawn from `rng`.
  OktoTokenIssuer(Rng& rng, std::string kid, OktoTokenConfig config = {});
  // A key from a stored seed (restart-safe deployments).
  OktoTokenIssuer(Secret<ByteArray<32>> seed, std::string kid, OktoTokenConfig config = {});

  // A token for `address` (already normalised by the OTP service) issued at
  // `now`; `jti_rng` makes its unique id; `session_nonce` (if given) is
  // embedded as the nonce claim.
  std::string issue(OtpChannel channel, std::string_view address, uint64_t now, Rng& jti_rng,
                    std::optional<std::string> session_nonce = std::nullopt) const;

  const Ed25519PublicKey& public_key() const { return public_key_; }
  const std::string& kid() const { return kid_; }
  const OktoTokenConfig& config() const { return config_; }

 private:
  Secret<ByteArray<64>> secret_key_;  // libsodium's seed ‖ public key form
  Ed25519PublicKey public_key_{};
  std::string kid_;
  OktoTokenConfig config_;
};

class OktoTokenVerifier final : public CredentialVerifier {
 public:
  // `keys` maps kid → issuer public key (several during key rotation).
  OktoTokenVerifier(std::map<std::string, Ed25519PublicKey, std::less<>> keys, OktoTokenConfig config = {});

  Provider provider() const override { return Provider::kOkto; }
  AuthResult<VerifiedCredential> verify(std::string_view token, std::string_view session_nonce,
                                        uint64_t now) const override;

 private:
  std::map<std::string, Ed25519PublicKey, std::less<>> keys_;
  ClaimPolicy policy_;
};

}  // namespace okmpc::auth
