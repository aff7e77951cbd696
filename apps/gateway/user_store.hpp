// The gateway's durable records (SQLite in DATA/gateway.db, WAL,
// synchronous=FULL): users with their key ids and public keys, registered
// sessions, and used sessionData nonces. Thread-safe. Writes are
// group-committed (apps/dwn/sqlite_group_commit.hpp): each insert is its own
// all-or-nothing unit and returns once it is durable, while concurrent
// inserts share one fsync. Reads use a second connection and never wait for
// a commit. After a crash a user either exists completely or not at all;
// `identity` is UNIQUE, so a repeated first login can never create a second
// wallet.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "mpc/error.hpp"

struct sqlite3;

namespace okmpc::dwn {
class SqliteGroupCommit;
class SqliteStatementCache;
}  // namespace okmpc::dwn

namespace okmpc::gateway {

struct UserRecord {
  std::string user_id;           // UUID derived from the identity (user_id_for)
  std::string identity;          // "google:<sub>" / "email:<address>" / "phone:<number>"
  std::string ecdsa_key_id;
  std::string eddsa_key_id;
  std::string ecdsa_public_key;  // 0x + 33-byte compressed secp256k1 point
  std::string eddsa_public_key;  // 0x + 32-byte Ed25519 point
  std::string owner_address;     // EIP-55 address of the ECDSA key
  std::string user_swa;          // EIP-55 Smart Wallet Account address
  int64_t created_at = 0;        // unix seconds
};

struct SessionRecord {
  std::string session_address;  // EIP-55
  std::string user_id;
  std::string client_swa;       // EIP-55
  std::string nonce;            // the UUID of sessionData.nonce, lowercase
  int64_t valid_until = 0;      // unix seconds
  std::string user_op_hash;     // 0x + 32 bytes
  uint64_t block_number = 0;
};

// The userId of an identity: a UUID (version 8 layout) made from
// SHA-256("okmpc-user-id-v1" ‖ identity), so it is stable across restarts.
std::string user_id_for(std::string_view identity);

class UserStore {
 public:
  // Opens or creates the database file; kIo on failure.
  static Result<std::unique_ptr<UserStore>> open(const std::filesystem::path& file);
  ~UserStore();
  UserStore(const UserStore&) = delete;
  UserStore& operator=(const UserStore&) = delete;

  Result<std::optional<UserRecord>> find_user_by_identity(const std::string& identity);
  Result<std::optional<UserRecord>> find_user(const std::string& user_id);
  // kAlreadyExists if the identity or user id exists (nothing written).
  Status insert_user(const UserRecord& user);

  Result<bool> nonce_used(const std::string& nonce);
  // Records the session and its nonce in one transaction; kReplay if the
  // nonce was used before (nothing written). An existing record for the same
  // session address is replaced (a re-registration after expiry).
  Status insert_session(const SessionRecord& session);
  Result<std::optional<SessionRecord>> find_session(const std::string& session_address);

  // Row counts, for tests and the demo: {users, sessions}.
  Result<std::pair<int64_t, int64_t>> counts();

 private:
  UserStore(sqlite3* db, sqlite3* reader);
  std::mutex mutex_;       // the writer connection
  std::mutex read_mutex_;  // the reader connection (and read_stmts_)
  sqlite3* db_;
  sqlite3* reader_;
  std::unique_ptr<dwn::SqliteStatementCache> read_stmts_;   // under read_mutex_
  std::unique_ptr<dwn::SqliteStatementCache> write_stmts_;  // used by write bodies only (serialised)
  std::unique_ptr<dwn::SqliteGroupCommit> writes_;
  // Users by identity, as found or inserted: a user record never changes
  // once written, so a returning login needs no query.
  std::mutex users_mutex_;
  std::unordered_map<std::string, UserRecord> users_;
};

}  // namespace okmpc::gateway
