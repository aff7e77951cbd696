// A prepared SQLite statement that finalizes itself, and the small helpers
// the DWN key pool and the gateway's user store share. Errors of the
// database are reported as kIo with SQLite's message.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <initializer_list>
#include <string>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::dwn {

class SqliteStatement {
 public:
  // Prepares `sql` on `db`; ok() tells whether that worked.
  SqliteStatement(sqlite3* db, const char* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~SqliteStatement() { sqlite3_finalize(stmt_); }
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
