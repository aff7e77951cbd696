#include "auth/simulated_google.hpp"

#include "auth/jws.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {

Result<SimulatedGoogle> SimulatedGoogle::create() {
  SimulatedGoogle g;
  OKMPC_TRY(g.rotate());
  return g;
}

Result<SimulatedGoogle> SimulatedGoogle::from_pem_keys(const std::vector<std::string>& pems) {
  if (pems.empty() || pems.size() > 2) return fail(ErrorCode::kInvalidArgument, "simulated google: give one or two keys");
  SimulatedGoogle g;
  for (const std::string& pem : pems) {
    OKMPC_ASSIGN_OR_RETURN(RsaPrivateKey key, RsaPrivateKey::from_pem(pem));
    g.keys_.emplace_back("sim-google-" + std::to_string(g.next_index_++), std::move(key));
  }
  return g;
}

std::vector<std::string> SimulatedGoogle::private_keys_pem() const {
  std::vector<std::string> out;
  for (const auto& [kid, key] : keys_) out.push_back(key.to_pem());
  return out;
}

Status SimulatedGoogle::rotate() {
  OKMPC_ASSIGN_OR_RETURN(RsaPrivateKey key, RsaPrivateKey::generate(2048));
  keys_.emplace_back("sim-google-" + std::to_string(next_index_++), std::move(key));
  if (keys_.size() > 2) keys_.pop_front();
  return ok();
}

Jwks SimulatedGoogle::jwks() const {
  Jwks out;
  for (const auto& [kid, key] : keys_) (void)out.add(kid, key.public_key());  // kids are unique by construction
  return out;
}

boost::json::object SimulatedGoogle::claims_for(const GoogleLogin& login, Rng& rng) {
  boost::json::object c{{"iss", std::string(kIssuer)},
                        {"azp", login.audience},
                        {"aud", login.audience},
                        {"sub", login.subject}};
  if (!login.email.empty()) {
    c["email"] = login.email;
    c["email_verified"] = true;
  }
  if (!login.nonce.empty()) c["nonce"] = login.nonce;
  c["iat"] = login.issued_at;
  c["exp"] = login.issued_at + login.lifetime_seconds;
  c["jti"] = to_hex(rng.bytes<16>());
  return c;
}

Result<std::string> SimulatedGoogle::sign(const boost::json::object& claims) const {
  return sign_with_header(boost::json::object{{"alg", "RS256"}, {"kid", current_kid()}, {"typ", "JWT"}}, claims);
}

Result<std::string> SimulatedGoogle::sign_with_header(const boost::json::object& header,
                                                      const boost::json::object& claims) const {
  const std::string input = jws_signing_input(header, claims);
  OKMPC_ASSIGN_OR_RETURN(Bytes sig, keys_.back().second.sign_rs256(as_bytes(input)));
  return jws_assemble(input, sig);
}

}  // namespace okmpc::auth
