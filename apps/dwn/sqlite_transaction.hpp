// One SQLite write transaction as a scope: BEGIN IMMEDIATE on begin(), and
// ROLLBACK when the scope ends unless commit() succeeded, so an early return
// on any error path leaves nothing half-written and no transaction open on
// the connection. The caller serializes use of the connection.
#pragma once

#include <sqlite3.h>

#include <utility>

#include "apps/dwn/sqlite_statement.hpp"

namespace okmpc::dwn {

class SqliteTransaction {
 public:
  // BEGIN IMMEDIATE (takes the write lock now, waiting up to the busy
  // timeout); kIo if that fails.
  static Result<SqliteTransaction> begin(sqlite3* db) {
    OKMPC_TRY(sqlite_exec(db, "BEGIN IMMEDIATE"));
    return SqliteTransaction(db);
  }
  SqliteTransaction(SqliteTransaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}
  SqliteTransaction& operator=(SqliteTransaction&&) = delete;
  SqliteTransaction(const SqliteTransaction&) = delete;
  SqliteTransaction& operator=(const SqliteTransaction&) = delete;
  ~SqliteTransaction() { rollback(); }

  // COMMIT. On failure the transaction is rolled back and kIo returned;
  // either way the scope no longer owns a transaction.
  Status commit() {
    if (db_ == nullptr) return fail(ErrorCode::kInternal, "sqlite: transaction already finished");
    auto done = sqlite_exec(db_, "COMMIT");
    if (done) {
      db_ = nullptr;
      return ok();
    }
    rollback();
    return done;
  }

  // ROLLBACK now (idempotent).
  void rollback() {
    if (db_ != nullptr) (void)sqlite_exec(std::exchange(db_, nullptr), "ROLLBACK");
  }

 private:
  explicit SqliteTransaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace okmpc::dwn
