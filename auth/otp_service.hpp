// E-mail / phone one-time passwords (DOMAIN.md "OTP rules"): 6 digits,
// 5-minute lifetime, single use, 5 wrong attempts then lock-out, resend
// rate-limited, only an HMAC of the code stored, constant-time comparison.
// A correct code yields an okto identity token (okto_token.hpp).
//
// State machine per (channel, normalised address):
//   send   → locked? OTP_LOCKED · resent too soon / too often? RATE_LIMITED ·
//            else a fresh code replaces any pending one (the failure count
//            carries over: resending does not buy more guesses).
//   verify → malformed code: OTP_INVALID (not counted) · nothing pending:
//            OTP_INVALID · locked: OTP_LOCKED · expired: OTP_EXPIRED (code
//            dropped) · wrong: OTP_INVALID, and the max_attempts-th wrong
//            guess drops the code and locks for lockout_seconds (OTP_LOCKED) ·
//            right: the code is consumed, failures reset, token returned.
// A failed delivery changes no state. Thread-safe (one mutex).
// With a state store (otp_state_store.hpp) every change is saved before the
// answer is given, and create() loads the saved entries, so a restart keeps
// pending codes, attempt counters, lock-outs and the resend limit; a failed
// save is kInternal and changes nothing in memory either.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include "auth/auth_error.hpp"
#include "auth/okto_token.hpp"
#include "auth/otp_outbox.hpp"
#include "auth/otp_state_store.hpp"
#include "mpc/hash.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"

namespace okmpc::auth {

struct OtpConfig {
  uint64_t lifetime_seconds = 300;        // 5 minutes
  uint32_t max_attempts = 5;              // wrong guesses before lock-out
  uint64_t lockout_seconds = 900;
  uint64_t resend_interval_seconds = 30;  // minimum gap between two sends
  uint32_t max_sends_per_window = 5;
  uint64_t send_window_seconds = 3600;
};

struct OtpSent {
  std::string to;           // normalised address
  uint64_t expires_at = 0;  // unix seconds
  uint64_t resend_after = 0;
};

class OtpService {
 public:
  // `server_key` keys the code HMAC and must be >= 32 bytes; attempts,
  // lifetime and sends per window must be positive (kInvalidArgument
  // otherwise). `rng` draws codes and token ids; `outbox` delivers codes;
  // both must outlive the service. `state` (optional) persists the entries;
  // its stored entries are loaded (errors from loading are returned).
  static Result<std::unique_ptr<OtpService>> create(OtpConfig config, SecretBytes server_key,
                                                    OktoTokenIssuer issuer, OtpOutbox& outbox, Rng& rng,
                                                    std::unique_ptr<SqliteOtpStateStore> state = nullptr);

  // Sends a fresh code to `address` at unix time `now` (see the state machine
  // above). kBadRequest for a malformed address; kInternal if delivery failed.
  AuthResult<OtpSent> send(OtpChannel channel, std::string_view address, uint64_t now);

  // Checks `code` for `address`; on success returns an okto token (with the
  // nonce claim set to `session_nonce` when given).
  AuthResult<std::string> verify(OtpChannel channel, std::string_view address, std::string_view code,
                                 uint64_t now, std::optional<std::string> session_nonce = std::nullopt);

  const OktoTokenIssuer& issuer() const { return issuer_; }

 private:
  using Entry = OtpEntry;

  OtpService(OtpConfig config, SecretBytes server_key, OktoTokenIssuer issuer, OtpOutbox& outbox, Rng& rng)
      : config_(config), server_key_(std::move(server_key)), issuer_(std::move(issuer)), outbox_(outbox), rng_(rng) {}

  Hash32 code_mac(OtpChannel channel, std::string_view to, uint64_t issued_at, std::string_view code) const;
  // Saves `entry` (if there is a store), then makes it the entry in memory.
  // kInternal and nothing changed if the save fails. Called under mu_.
  AuthResult<void> commit(OtpChannel channel, const std::string& to, Entry entry);

  OtpConfig config_;
  SecretBytes server_key_;
  OktoTokenIssuer issuer_;
  OtpOutbox& outbox_;
  Rng& rng_;
  std::mutex mu_;
  std::map<std::pair<OtpChannel, std::string>, Entry> entries_;
  std::unique_ptr<SqliteOtpStateStore> state_;
};

}  // namespace okmpc::auth
