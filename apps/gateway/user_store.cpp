#include "apps/gateway/user_store.hpp"

#include <sqlite3.h>

#include <ctime>

#include "apps/dwn/sqlite_group_commit.hpp"
#include "apps/dwn/sqlite_statement.hpp"
#include "mpc/hash.hpp"
#include "mpc/hex.hpp"

namespace okmpc::gateway {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
  user_id TEXT PRIMARY KEY,
  identity TEXT NOT NULL UNIQUE,
  ecdsa_key_id TEXT NOT NULL,
  eddsa_key_id TEXT NOT NULL,
  ecdsa_public_key TEXT NOT NULL,
  eddsa_public_key TEXT NOT NULL,
  owner_address TEXT NOT NULL,
  user_swa TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS nonces (
  nonce TEXT PRIMARY KEY,
  session_address TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sessions (
  session_address TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(user_id),
  client_swa TEXT NOT NULL,
  nonce TEXT NOT NULL,
  valid_until INTEGER NOT NULL,
  user_op_hash TEXT NOT NULL,
  block_number INTEGER NOT NULL);
)sql";

using Stmt = dwn::SqliteStatement;

Error db_error(sqlite3* db, const std::string& what) { return dwn::sqlite_error(db, what); }

constexpr const char* kUserColumns =
    "user_id, identity, ecdsa_key_id, eddsa_key_id, ecdsa_public_key, eddsa_public_key, owner_address, user_swa, "
    "created_at";

UserRecord read_user(const Stmt& s) {
  return UserRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7), s.int64(8)};
}

}  // namespace

std::string user_id_for(std::string_view identity) {
  Hash32 h = sha256({as_bytes("okmpc-user-id-v1"), as_bytes(identity)});
  h[6] = static_cast<uint8_t>((h[6] & 0x0f) | 0x80);  // version 8 (custom)
  h[8] = static_cast<uint8_t>((h[8] & 0x3f) | 0x80);  // RFC 9562 variant
  std::string hex = to_hex(ByteView(h.data(), 16));
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
         hex.substr(20, 12);
}

Result<std::unique_ptr<UserStore>> UserStore::open(const std::filesystem::path& file) {
  OKMPC_ASSIGN_OR_RETURN(
      sqlite3* db,
      dwn::sqlite_open(file, {"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", kSchema}));
  auto reader = dwn::sqlite_open_reader(file);
  if (!reader) {
    sqlite3_close(db);
    return tl::unexpected(reader.error());
  }
  return std::unique_ptr<UserStore>(new UserStore(db, *reader));
}

UserStore::UserStore(sqlite3* db, sqlite3* reader)
    : db_(db),
      reader_(reader),
      read_stmts_(std::make_unique<dwn::SqliteStatementCache>(reader)),
      write_stmts_(std::make_unique<dwn::SqliteStatementCache>(db)),
      writes_(std::make_unique<dwn::SqliteGroupCommit>(db, mutex_)) {}

UserStore::~UserStore() {
  writes_.reset();
  write_stmts_.reset();
  read_stmts_.reset();
  sqlite3_close(reader_);
  sqlite3_close(db_);
}

Result<std::optional<UserRecord>> UserStore::find_user_by_identity(const std::string& identity) {
  {
    std::lock_guard lock(users_mutex_);
    if (auto it = users_.find(identity); it != users_.end()) return std::optional<UserRecord>(it->second);
  }
  std::lock_guard lock(read_mutex_);
  Stmt s(*read_stmts_, std::string("SELECT ") + kUserColumns + " FROM users WHERE identity = ?1");
  if (!s.ok()) return tl::unexpected(db_error(reader_, "prepare"));
  s.bind(1, identity);
  int rc = s.step();
  if (rc == SQLITE_ROW) {
    UserRecord user = read_user(s);
    std::lock_guard users_lock(users_mutex_);
    users_.emplace(identity, user);
    return std::optional<UserRecord>(std::move(user));
  }
  if (rc == SQLITE_DONE) return std::optional<UserRecord>{};
  return tl::unexpected(db_error(reader_, "query users"));
}

Result<std::optional<UserRecord>> UserStore::find_user(const std::string& user_id) {
  std::lock_guard lock(read_mutex_);
  Stmt s(*read_stmts_, std::string("SELECT ") + kUserColumns + " FROM users WHERE user_id = ?1");
  if (!s.ok()) return tl::unexpected(db_error(reader_, "prepare"));
  s.bind(1, user_id);
  int rc = s.step();
  if (rc == SQLITE_ROW) return std::optional<UserRecord>(read_user(s));
  if (rc == SQLITE_DONE) return std::optional<UserRecord>{};
  return tl::unexpected(db_error(reader_, "query users"));
}

Status UserStore::insert_user(const UserRecord& u) {
  Status written = writes_->run([this, &u](sqlite3* db) -> Status {
    Stmt s(*write_stmts_, std::string("INSERT INTO users (") + kUserColumns + ") VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
    if (!s.ok()) return tl::unexpected(db_error(db, "prepare"));
    s.bind(1, u.user_id);
    s.bind(2, u.identity);
    s.bind(3, u.ecdsa_key_id);
    s.bind(4, u.eddsa_key_id);
    s.bind(5, u.ecdsa_public_key);
    s.bind(6, u.eddsa_public_key);
    s.bind(7, u.owner_address);
    s.bind(8, u.user_swa);
    s.bind(9, u.created_at);
    int rc = s.step();
    if (rc == SQLITE_CONSTRAINT) return fail(ErrorCode::kAlreadyExists, "user " + u.identity + " already exists");
    if (rc != SQLITE_DONE) return tl::unexpected(db_error(db, "insert user"));
    return ok();
  });
  if (written) {  // durable now
    std::lock_guard lock(users_mutex_);
    users_.emplace(u.identity, u);
  }
  return written;
}

Result<bool> UserStore::nonce_used(const std::string& nonce) {
  std::lock_guard lock(read_mutex_);
  Stmt s(*read_stmts_, "SELECT 1 FROM nonces WHERE nonce = ?1");
  if (!s.ok()) return tl::unexpected(db_error(reader_, "prepare"));
  s.bind(1, nonce);
  int rc = s.step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return tl::unexpected(db_error(reader_, "query nonces"));
}

Status UserStore::insert_session(const SessionRecord& r) {
  return writes_->run([this, &r](sqlite3* db) -> Status {
    Stmt n(*write_stmts_, "INSERT INTO nonces (nonce, session_address) VALUES (?1, ?2)");
    if (!n.ok()) return tl::unexpected(db_error(db, "prepare"));
    n.bind(1, r.nonce);
    n.bind(2, r.session_address);
    int rc = n.step();
    if (rc == SQLITE_CONSTRAINT) return fail(ErrorCode::kReplay, "nonce " + r.nonce + " was used before");
    if (rc != SQLITE_DONE) return tl::unexpected(db_error(db, "insert nonce"));
    Stmt s(*write_stmts_,
           "INSERT OR REPLACE INTO sessions (session_address, user_id, client_swa, nonce, valid_until, user_op_hash, "
           "block_number) VALUES (?1,?2,?3,?4,?5,?6,?7)");
    if (!s.ok()) return tl::unexpected(db_error(db, "prepare"));
    s.bind(1, r.session_address);
    s.bind(2, r.user_id);
    s.bind(3, r.client_swa);
    s.bind(4, r.nonce);
    s.bind(5, r.valid_until);
    s.bind(6, r.user_op_hash);
    s.bind(7, static_cast<int64_t>(r.block_number));
    if (s.step() != SQLITE_DONE) return tl::unexpected(db_error(db, "insert session"));
    return ok();
  });
}

Result<std::optional<SessionRecord>> UserStore::find_session(const std::string& session_address) {
  std::lock_guard lock(read_mutex_);
  Stmt s(*read_stmts_,
         "SELECT session_address, user_id, client_swa, nonce, valid_until, user_op_hash, block_number FROM sessions "
         "WHERE session_address = ?1");
  if (!s.ok()) return tl::unexpected(db_error(reader_, "prepare"));
  s.bind(1, session_address);
  int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<SessionRecord>{};
  if (rc != SQLITE_ROW) return tl::unexpected(db_error(reader_, "query sessions"));
  return std::optional<SessionRecord>(SessionRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.text(5),
                                                    static_cast<uint64_t>(s.int64(6))});
}

Result<std::pair<int64_t, int64_t>> UserStore::counts() {
  std::lock_guard lock(read_mutex_);
  Stmt s(reader_, "SELECT (SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM sessions)");
  if (!s.ok() || s.step() != SQLITE_ROW) return tl::unexpected(db_error(reader_, "count"));
  return std::pair<int64_t, int64_t>{s.int64(0), s.int64(1)};
}

}  // namespace okmpc::gateway
