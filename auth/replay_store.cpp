#include "auth/replay_store.hpp"

#include <sqlite3.h>

#include <cstring>

namespace okmpc::auth {

size_t MemoryReplayStore::KeyHash::operator()(const Hash32& h) const {
  size_t out;
  std::memcpy(&out, h.data(), sizeof(out));  // keys are hash outputs: any 8 bytes are uniform
  return out;
}

Result<bool> MemoryReplayStore::insert_if_absent(const Hash32& key, uint64_t keep_until) {
  std::lock_guard<std::mutex> lock(mu_);
  return seen_.emplace(key, keep_until).second;
}

Result<size_t> MemoryReplayStore::prune(uint64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<size_t>(std::erase_if(seen_, [now](const auto& kv) { return kv.second < now; }));
}

namespace {

struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

Error sqlite_error(sqlite3* db, std::string_view what) {
  return Error(ErrorCode::kIo, "replay store: " + std::string(what) + ": " + sqlite3_errmsg(db));
}

Result<Stmt> prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return tl::unexpected(sqlite_error(db, "prepare"));
  return Stmt(raw);
}

}  // namespace

Result<std::unique_ptr<SqliteReplayStore>> SqliteReplayStore::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = sqlite_error(db, "open " + path.string());
    sqlite3_close(db);
    return tl::unexpected(e);
  }
  std::unique_ptr<SqliteReplayStore> store(new SqliteReplayStore(db));
  // WAL + synchronous=NORMAL: a committed insert survives a process kill
  // (the WAL is written before sqlite3_step returns); only an OS crash or
  // power loss can lose the last transactions.
  const char* setup =
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=NORMAL;"
      "PRAGMA busy_timeout=5000;"
      "CREATE TABLE IF NOT EXISTS seen (key BLOB PRIMARY KEY, keep_until INTEGER NOT NULL) WITHOUT ROWID;";
  if (sqlite3_exec(db, setup, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return tl::unexpected(sqlite_error(db, "initialise " + path.string()));
  }
  if (sqlite3_prepare_v3(db, "INSERT OR IGNORE INTO seen (key, keep_until) VALUES (?1, ?2)", -1,
                         SQLITE_PREPARE_PERSISTENT, &store->insert_, nullptr) != SQLITE_OK) {
    return tl::unexpected(sqlite_error(db, "prepare"));
  }
  return store;
}

SqliteReplayStore::~SqliteReplayStore() {
  sqlite3_finalize(insert_);
  sqlite3_close(db_);
}

Result<bool> SqliteReplayStore::insert_if_absent(const Hash32& key, uint64_t keep_until) {
  std::lock_guard<std::mutex> lock(mu_);
  sqlite3_bind_blob(insert_, 1, key.data(), static_cast<int>(key.size()), SQLITE_STATIC);
  sqlite3_bind_int64(insert_, 2, static_cast<sqlite3_int64>(keep_until > INT64_MAX ? INT64_MAX : keep_until));
  const int rc = sqlite3_step(insert_);
  sqlite3_reset(insert_);
  sqlite3_clear_bindings(insert_);  // the key was bound without a copy
  if (rc != SQLITE_DONE) return tl::unexpected(sqlite_error(db_, "insert"));
  return sqlite3_changes(db_) == 1;
}

Result<size_t> SqliteReplayStore::prune(uint64_t now) {
  std::lock_guard<std::mutex> lock(mu_);
  OKMPC_ASSIGN_OR_RETURN(Stmt stmt, prepare(db_, "DELETE FROM seen WHERE keep_until < ?1"));
  sqlite3_bind_int64(stmt.get(), 1, static_cast<sqlite3_int64>(now > INT64_MAX ? INT64_MAX : now));
  if (sqlite3_step(stmt.get()) != SQLITE_DONE) return tl::unexpected(sqlite_error(db_, "prune"));
  return static_cast<size_t>(sqlite3_changes(db_));
}

}  // namespace okmpc::auth
