#include "auth/identity.hpp"

#include "auth/length_prefixed.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {

std::string_view to_string(Provider p) {
  switch (p) {
    case Provider::kGoogle: return "google";
    case Provider::kOkto: return "okto";
  }
  return "unknown";
}

std::optional<Provider> parse_provider(std::string_view text) {
  if (text == "google") return Provider::kGoogle;
  if (text == "okto") return Provider::kOkto;
  return std::nullopt;
}

std::string user_key(const UserIdentity& identity) {
  return std::string(to_string(identity.provider)) + ":" + to_hex(identity.subject_hash);
}

Hash32 subject_hash(Provider provider, std::string_view issuer, std::string_view subject) {
  Bytes enc;
  append_field(enc, as_bytes("okmpc/auth/subject/v1"));
  append_field(enc, as_bytes(to_string(provider)));
  append_field(enc, as_bytes(issuer));
  append_field(enc, as_bytes(subject));
  return sha256(enc);
}

}  // namespace okmpc::auth
