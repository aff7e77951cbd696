#include "auth/otp_service.hpp"

#include <sodium.h>

#include "auth/length_prefixed.hpp"
#include "auth/otp_address.hpp"

namespace okmpc::auth {
namespace {

constexpr size_t kCodeDigits = 6;
constexpr uint64_t kCodeSpace = 1000000;

std::string format_code(uint64_t value) {
  std::string out(kCodeDigits, '0');
  for (size_t i = kCodeDigits; i-- > 0; value /= 10) out[i] = static_cast<char>('0' + value % 10);
  return out;
}

bool well_formed_code(std::string_view code) {
  if (code.size() != kCodeDigits) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<OtpService>> OtpService::create(OtpConfig config, SecretBytes server_key,
                                                       OktoTokenIssuer issuer, OtpOutbox& outbox, Rng& rng,
                                                       std::unique_ptr<SqliteOtpStateStore> state) {
  if (server_key.size() < 32) return fail(ErrorCode::kInvalidArgument, "otp: server key must be at least 32 bytes");
  if (config.max_attempts == 0 || config.lifetime_seconds == 0 || config.max_sends_per_window == 0) {
    return fail(ErrorCode::kInvalidArgument, "otp: attempts, lifetime and sends per window must be positive");
  }
  std::unique_ptr<OtpService> service(new OtpService(config, std::move(server_key), std::move(issuer), outbox, rng));
  if (state) {
    OKMPC_ASSIGN_OR_RETURN(auto stored, state->load_all());
    for (auto& row : stored) service->entries_[{row.channel, std::move(row.address)}] = std::move(row.entry);
    service->state_ = std::move(state);
  }
  return service;
}

AuthResult<void> OtpService::commit(OtpChannel channel, const std::string& to, Entry entry) {
  if (state_) {
    if (auto saved = state_->save(channel, to, entry); !saved) return auth_fail(AuthErrorCode::kInternal, saved.error());
  }
  entries_[{channel, to}] = std::move(entry);
  return {};
}

Hash32 OtpService::code_mac(OtpChannel channel, std::string_view to, uint64_t issued_at, std::string_view code) const {
  Bytes msg;
  append_field(msg, as_bytes("okmpc/auth/otp/v1"));
  append_field(msg, as_bytes(to_string(channel)));
  append_field(msg, as_bytes(to));
  append_u64_be(msg, issued_at);
  append_field(msg, as_bytes(code));
  Hash32 mac = hmac_sha256(server_key_.expose(), msg);
  sodium_memzero(msg.data(), msg.size());
  return mac;
}

AuthResult<OtpSent> OtpService::send(OtpChannel channel, std::string_view address, uint64_t now) {
  OKMPC_AUTH_ASSIGN(std::string to, normalize_otp_address(channel, address), AuthErrorCode::kBadRequest);
  std::lock_guard<std::mutex> lock(mu_);
  auto found = entries_.find({channel, to});
  Entry current = found == entries_.end() ? Entry{} : found->second;  // a copy; committed only on success
  if (current.locked_until > now) {
    return auth_fail(AuthErrorCode::kOtpLocked, "too many wrong codes; locked until " + std::to_string(current.locked_until));
  }
  if (current.locked_until != 0) {  // lock-out served
    current.locked_until = 0;
    current.failures = 0;
  }
  while (!current.sends.empty() && current.sends.front() + config_.send_window_seconds <= now) current.sends.pop_front();
  if (!current.sends.empty() && now < current.sends.back() + config_.resend_interval_seconds) {
    return auth_fail(AuthErrorCode::kRateLimited, "a code was sent less than " +
                                                      std::to_string(config_.resend_interval_seconds) + " s ago");
  }
  if (current.sends.size() >= config_.max_sends_per_window) {
    return auth_fail(AuthErrorCode::kRateLimited, "at most " + std::to_string(config_.max_sends_per_window) +
                                                      " codes per " + std::to_string(config_.send_window_seconds) + " s");
  }

  OtpMessage message{channel, to, format_code(rng_.uniform(kCodeSpace)), now + config_.lifetime_seconds};
  current.has_code = true;
  current.issued_at = now;
  current.expires_at = message.expires_at;
  current.code_mac = code_mac(channel, to, now, message.code);
  current.sends.push_back(now);
  // Saved before delivery, so a delivered code is always one a restarted
  // node still knows; a failed delivery puts the previous entry back.
  const bool existed = found != entries_.end();
  const Entry previous = existed ? found->second : Entry{};
  if (auto committed = commit(channel, to, std::move(current)); !committed) {
    sodium_memzero(message.code.data(), message.code.size());
    return tl::unexpected(committed.error());
  }
  auto delivered = outbox_.deliver(message);
  sodium_memzero(message.code.data(), message.code.size());
  if (!delivered) {
    if (existed) {
      (void)commit(channel, to, previous);
    } else {
      (void)commit(channel, to, Entry{});  // nothing pending, no send counted
    }
    return auth_fail(AuthErrorCode::kInternal, delivered.error());
  }
  return OtpSent{to, message.expires_at, now + config_.resend_interval_seconds};
}

AuthResult<std::string> OtpService::verify(OtpChannel channel, std::string_view address, std::string_view code,
                                           uint64_t now, std::optional<std::string> session_nonce) {
  OKMPC_AUTH_ASSIGN(std::string to, normalize_otp_address(channel, address), AuthErrorCode::kBadRequest);
  if (!well_formed_code(code)) return auth_fail(AuthErrorCode::kOtpInvalid, "the code must be 6 digits");
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find({channel, to});
  if (it == entries_.end()) return auth_fail(AuthErrorCode::kOtpInvalid, "no code pending for this address");
  Entry e = it->second;  // a copy: committed (saved first) before it counts
  if (e.locked_until > now) {
    return auth_fail(AuthErrorCode::kOtpLocked, "too many wrong codes; locked until " + std::to_string(e.locked_until));
  }
  if (!e.has_code) return auth_fail(AuthErrorCode::kOtpInvalid, "no code pending for this address");
  if (now >= e.expires_at) {
    e.has_code = false;
    const uint64_t expired_at = e.expires_at;
    if (auto c = commit(channel, to, std::move(e)); !c) return tl::unexpected(c.error());
    return auth_fail(AuthErrorCode::kOtpExpired, "the code expired at " + std::to_string(expired_at));
  }
  const Hash32 presented = code_mac(channel, to, e.issued_at, code);
  if (!ct_equal(presented, e.code_mac)) {
    if (++e.failures >= config_.max_attempts) {
      e.has_code = false;
      e.locked_until = now + config_.lockout_seconds;
      const uint64_t locked_until = e.locked_until;
      if (auto c = commit(channel, to, std::move(e)); !c) return tl::unexpected(c.error());
      return auth_fail(AuthErrorCode::kOtpLocked, "wrong code; attempts exhausted, locked until " +
                                                      std::to_string(locked_until));
    }
    const uint32_t left = config_.max_attempts - e.failures;
    if (auto c = commit(channel, to, std::move(e)); !c) return tl::unexpected(c.error());
    return auth_fail(AuthErrorCode::kOtpInvalid, "wrong code (" + std::to_string(left) + " attempts left)");
  }
  // Consumed (and saved) before the token exists: a crash cannot reuse it.
  e.has_code = false;
  e.failures = 0;
  if (auto c = commit(channel, to, std::move(e)); !c) return tl::unexpected(c.error());
  return issuer_.issue(channel, to, now, rng_, std::move(session_nonce));
}

}  // namespace okmpc::auth
