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
                                                       OktoTokenIssuer issuer, OtpOutbox& outbox, Rng& rng) {
  if (server_key.size() < 32) return fail(ErrorCode::kInvalidArgument, "otp: server key must be at least 32 bytes");
  if (config.max_attempts == 0 || config.lifetime_seconds == 0 || config.max_sends_per_window == 0) {
    return fail(ErrorCode::kInvalidArgument, "otp: attempts, lifetime and sends per window must be positive");
  }
  return std::unique_ptr<OtpService>(new OtpService(config, std::move(server_key), std::move(issuer), outbox, rng));
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
  auto delivered = outbox_.deliver(message);
  sodium_memzero(message.code.data(), message.code.size());
  if (!delivered) return auth_fail(AuthErrorCode::kInternal, delivered.error());
  entries_[{channel, to}] = std::move(current);
  return OtpSent{to, message.expires_at, now + config_.resend_interval_seconds};
}

AuthResult<std::string> OtpService::verify(OtpChannel channel, std::string_view address, std::string_view code,
                                           uint64_t now, std::optional<std::string> session_nonce) {
  OKMPC_AUTH_ASSIGN(std::string to, normalize_otp_address(channel, address), AuthErrorCode::kBadRequest);
  if (!well_formed_code(code)) return auth_fail(AuthErrorCode::kOtpInvalid, "the code must be 6 digits");
  std::lock_guard<std::mutex> lock(mu_);
  auto it = entries_.find({channel, to});
  if (it == entries_.end()) return auth_fail(AuthErrorCode::kOtpInvalid, "no code pending for this address");
  Entry& e = it->second;
  if (e.locked_until > now) {
    return auth_fail(AuthErrorCode::kOtpLocked, "too many wrong codes; locked until " + std::to_string(e.locked_until));
  }
  if (!e.has_code) return auth_fail(AuthErrorCode::kOtpInvalid, "no code pending for this address");
  if (now >= e.expires_at) {
    e.has_code = false;
    return auth_fail(AuthErrorCode::kOtpExpired, "the code expired at " + std::to_string(e.expires_at));
  }
  const Hash32 presented = code_mac(channel, to, e.issued_at, code);
  if (!ct_equal(presented, e.code_mac)) {
    if (++e.failures >= config_.max_attempts) {
      e.has_code = false;
      e.locked_until = now + config_.lockout_seconds;
      return auth_fail(AuthErrorCode::kOtpLocked, "wrong code; attempts exhausted, locked until " +
                                                      std::to_string(e.locked_until));
    }
    return auth_fail(AuthErrorCode::kOtpInvalid, "wrong code (" + std::to_string(config_.max_attempts - e.failures) +
                                                     " attempts left)");
  }
  e.has_code = false;
  e.failures = 0;
  return issuer_.issue(channel, to, now, rng_, std::move(session_nonce));
}

}  // namespace okmpc::auth
