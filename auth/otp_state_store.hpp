// Durable state of the OTP service (otp_service.hpp): per (channel,
// normalised address) the pending code's HMAC (never the code), its issue and
// expiry times, the wrong-guess count, the lock-out end and the recent send
// times. With a store, a restart of the node keeps pending codes, attempt
// counters, lock-outs and the resend limit.
//
// SqliteOtpStateStore: one row per address in a SQLite file (WAL,
// synchronous=FULL, so a saved state survives kill -9 and power loss); each
// save is one committed statement. Thread-safe (the connection is opened
// in serialized mode); the OTP service also serializes its calls.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "auth/okto_token.hpp"
#include "mpc/error.hpp"
#include "mpc/hash.hpp"

struct sqlite3;

namespace okmpc::auth {

struct OtpEntry {
  bool has_code = false;
  Hash32 code_mac{};  // HMAC(server_key, len-prefixed domain ‖ channel ‖ address ‖ issued_at ‖ code)
  uint64_t issued_at = 0;
  uint64_t expires_at = 0;
  uint32_t failures = 0;
  uint64_t locked_until = 0;
  std::deque<uint64_t> sends;  // send times within the window, oldest first
};

struct StoredOtpEntry {
  OtpChannel channel = OtpChannel::kEmail;
  std::string address;
  OtpEntry entry;
};

class SqliteOtpStateStore {
 public:
  // Opens (creating) the file. kIo on failure.
  static Result<std::unique_ptr<SqliteOtpStateStore>> open(const std::filesystem::path& path);
  ~SqliteOtpStateStore();
  SqliteOtpStateStore(const SqliteOtpStateStore&) = delete;
  SqliteOtpStateStore& operator=(const SqliteOtpStateStore&) = delete;

  // Every stored entry. kCorrupted for a malformed row (unknown channel,
  // MAC of the wrong size, malformed send list).
  Result<std::vector<StoredOtpEntry>> load_all() const;
  // Inserts or replaces the entry of (channel, address). kIo on failure
  // (the stored entry is then unchanged).
  Status save(OtpChannel channel, const std::string& address, const OtpEntry& entry);

 private:
  explicit SqliteOtpStateStore(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace okmpc::auth
