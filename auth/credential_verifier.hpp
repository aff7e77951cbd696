// The interface an auth node uses to check one kind of credential
// (Google ID token, okto OTP token). Implementations are stateless with
// respect to requests — replay protection is the node's job (replay_store.hpp)
// and happens only after verify() succeeds — and safe to call concurrently.
#pragma once

#include <cstdint>
#include <string_view>

#include "auth/auth_error.hpp"
#include "auth/identity.hpp"

namespace okmpc::auth {

class CredentialVerifier {
 public:
  virtual ~CredentialVerifier() = default;
  virtual Provider provider() const = 0;
  // Verifies signature and claims of `token` at unix time `now`;
  // `session_nonce` is SessionBinding::nonce of the session being opened.
  // Returns the credential or the AuthErrorCode of the first failed check.
  virtual AuthResult<VerifiedCredential> verify(std::string_view token, std::string_view session_nonce,
                                                uint64_t now) const = 0;
};

}  // namespace okmpc::auth
