// JSON Web Key Sets (RFC 7517 §5) of RSA signing keys, as Google publishes
// at https://www.googleapis.com/oauth2/v3/certs: {"keys":[{kty,kid,n,e,alg,use}]}.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "auth/rsa_key.hpp"
#include "mpc/error.hpp"

namespace okmpc::auth {

class Jwks {
 public:
  Jwks() = default;

  // Parses a JWKS document (strict JSON). Keys with kty other than "RSA",
  // use other than "sig", or alg other than "RS256" are skipped (they cannot
  // verify an RS256 token). Every remaining key needs a string kid (unique in
  // the set) and strict-base64url n and e meeting RsaPublicKey's contract.
  // kInvalidEncoding / kInvalidArgument name the offending key otherwise.
  static Result<Jwks> parse(std::string_view json);

  // kAlreadyExists if `kid` is taken.
  Status add(std::string kid, RsaPublicKey key);
  // The key with this kid, or nullptr.
  const RsaPublicKey* find(std::string_view kid) const;
  std::vector<std::string> kids() const;
  size_t size() const { return keys_.size(); }

  // {"keys":[{"kty":"RSA","kid":...,"use":"sig","alg":"RS256","n":...,"e":...}]}
  std::string to_json() const;

 private:
  std::map<std::string, RsaPublicKey, std::less<>> keys_;
};

}  // namespace okmpc::auth
