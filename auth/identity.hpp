// Who a verified credential says the user is. Auth nodes attest to a
// UserIdentity; it carries a hash of the subject, never the subject itself,
// so attestations and quorum certificates (which travel to the chain) do not
// publish e-mail addresses or phone numbers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/hash.hpp"

namespace okmpc::auth {

// The credential kinds the auth network accepts (the gateway's
// authData.provider).
enum class Provider : uint8_t { kGoogle = 1, kOkto = 2 };

std::string_view to_string(Provider p);  // "google" / "okto"
std::optional<Provider> parse_provider(std::string_view text);

struct UserIdentity {
  Provider provider = Provider::kGoogle;
  // sha256 over the length-prefixed fields "okmpc/auth/subject/v1", provider
  // name, issuer and subject (see subject_hash()).
  Hash32 subject_hash{};

  friend bool operator==(const UserIdentity&, const UserIdentity&) = default;
};

// The canonical hash of (provider, issuer, subject). `subject` is Google's
// `sub`, or "email:<address>" / "phone:<E.164>" for OTP identities.
Hash32 subject_hash(Provider provider, std::string_view issuer, std::string_view subject);

// A stable text key for the user, e.g. for databases and the gateway's
// userId: "<provider>:<64 lowercase hex of subject_hash>".
std::string user_key(const UserIdentity& identity);

// What a credential verifier established (kept by the node that verified it;
// only the UserIdentity leaves the node).
struct VerifiedCredential {
  UserIdentity identity;
  std::string issuer;
  std::string subject;
  std::optional<std::string> email;  // verified e-mail, when the token carries one
  uint64_t expires_at = 0;           // the credential's own `exp`
  Hash32 replay_key{};               // what the replay store remembers (jti or token hash)
};

}  // namespace okmpc::auth
