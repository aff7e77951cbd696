// A prepared SQLite statement that finalizes itself, and the small helpers
// the DWN key pool and the gateway's user store share. Errors of the
// database are reported as kIo with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>
#include <unordered_map>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::dwn {

// The prepared statements of one connection, kept for its lifetime and
// keyed by their SQL text, so a hot query is compiled once rather than on
// every call. Not synchronised: use it only under the lock that serialises
// the connection. Destroy it before closing the connection.
class SqliteStatementCache {
 public:
  explicit SqliteStatementCache(sqlite3* db) : db_(db) {}
  ~SqliteStatementCache() {
    for (auto& entry : stmts_) sqlite3_finalize(entry.second);
  }
  SqliteStatementCache(const SqliteStatementCache&) = delete;
  SqliteStatementCache& operator=(const SqliteStatementCache&) = delete;

  sqlite3* db() const { return db_; }
  // The statement for `sql`, prepared on first use; nullptr if it does not
  // prepare (sqlite3_errmsg(db()) says why; nothing is cached then).
  sqlite3_stmt* get(const std::string& sql) {
    if (auto it = stmts_.find(sql); it != stmts_.end()) return it->second;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) != SQLITE_OK) {
      sqlite3_finalize(stmt);
      return nullptr;
    }
    stmts_.emplace(sql, stmt);
    return stmt;
  }

 private:
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> stmts_;
};

class SqliteStatement {
 public:
  // Prepares `sql` on `db`; ok() tells whether that worked.
  SqliteStatement(sqlite3* db, const char* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  // Borrows `sql`'s statement from `cache` (preparing it on first use); it is
  // reset and its bindings cleared when this object goes, ready for the next.
  SqliteStatement(SqliteStatementCache& cache, const std::string& sql)
      : db_(cache.db()), stmt_(cache.get(sql)), rc_(stmt_ ? SQLITE_OK : SQLITE_ERROR), borrowed_(true) {}
  ~SqliteStatement() {
    if (!borrowed_) {
      sqlite3_finalize(stmt_);
    } else if (stmt_) {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }
  }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  bool ok() const { return rc_ == SQLITE_OK; }
  // Parameters are 1-based; values are copied (SQLITE_TRANSIENT).
  void bind(int i, const std::string& s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind_blob(int i, ByteView b) {
    sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
  }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() { return sqlite3_step(stmt_); }
  // Columns are 0-based; NULL reads as "" / 0 / empty.
  std::string text(int col) const {
    const unsigned char* p = sqlite3_column_text(stmt_, col);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, col)))
             : "";
  }
  int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
  Bytes blob(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, col));
    return p ? Bytes(p, p + sqlite3_column_bytes(stmt_, col)) : Bytes{};
  }
  bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
  bool borrowed_ = false;  // owned by a SqliteStatementCache
};

// kIo "<what>: <sqlite message>".
inline Error sqlite_error(sqlite3* db, const std::string& what) {
  return Error(ErrorCode::kIo, what + ": " + sqlite3_errmsg(db));
}

// Runs one or more statements without results; kIo on failure.
inline Status sqlite_exec(sqlite3* db, const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown";
    sqlite3_free(msg);
    return fail(ErrorCode::kIo, std::string("sqlite: ") + m);
  }
  return ok();
}

// Opens (creating it if needed) the database `file` read-write with
// serialized access and a 5 s busy timeout, then runs each `setup` script
// (pragmas, schema) in order. On any failure the handle is closed again and
// the error (kIo) is returned; on success the caller owns the handle.
inline Result<sqlite3*> sqlite_open(const std::filesystem::path& file, std::initializer_list<const char*> setup) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    Error e = sqlite_error(db, "cannot open " + file.string());
    sqlite3_close(db);
    return tl::unexpected(std::move(e));
  }
  sqlite3_busy_timeout(db, 5000);
  for (const char* sql : setup) {
    if (auto done = sqlite_exec(db, sql); !done) {
      sqlite3_close(db);
      return tl::unexpected(done.error());
    }
  }
  return db;
}

// A second, read-only connection to a WAL database that `sqlite_open` has
// set up: it sees every committed transaction and never waits for the
// writer's commit (or its fsync). kIo on failure.
inline Result<sqlite3*> sqlite_open_reader(const std::filesystem::path& file) {
  return sqlite_open(file, {"PRAGMA query_only=ON;"});
}

}  // namespace okmpc::dwn
