// Replay protection: each accepted credential (identified by a 32-byte
// replay key, see token_claims.hpp) is accepted once per auth node.
// MemoryReplayStore forgets on restart; SqliteReplayStore survives restarts
// and kill -9 (SQLite WAL; each insert is its own committed transaction).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <unordered_map>

#include "mpc/error.hpp"
#include "mpc/hash.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace okmpc::auth {

class ReplayStore {
 public:
  virtual ~ReplayStore() = default;
  // Atomically records `key`, to be remembered at least until `keep_until`
  // (unix seconds), unless it is already recorded. true: newly recorded;
  // false: seen before (a replay). kIo on storage failure (nothing recorded).
  // Safe to call from several threads.
  virtual Result<bool> insert_if_absent(const Hash32& key, uint64_t keep_until) = 0;
  // Forgets keys with keep_until < now; returns how many.
  virtual Result<size_t> prune(uint64_t now) = 0;
};

class MemoryReplayStore final : public ReplayStore {
 public:
  Result<bool> insert_if_absent(const Hash32& key, uint64_t keep_until) override;
  Result<size_t> prune(uint64_t now) override;

 private:
  struct KeyHash {
    size_t operator()(const Hash32& h) const;
  };
  std::mutex mu_;
  std::unordered_map<Hash32, uint64_t, KeyHash> seen_;
};

class SqliteReplayStore final : public ReplayStore {
 public:
  // Opens or creates the database at `path` (its directory must exist).
  // kIo if SQLite cannot open or initialise it.
  static Result<std::unique_ptr<SqliteReplayStore>> open(const std::filesystem::path& path);
  ~SqliteReplayStore() override;
  SqliteReplayStore(const SqliteReplayStore&) = delete;
  SqliteReplayStore& operator=(const SqliteReplayStore&) = delete;

  Result<bool> insert_if_absent(const Hash32& key, uint64_t keep_until) override;
  Result<size_t> prune(uint64_t now) override;

 private:
  explicit SqliteReplayStore(sqlite3* db) : db_(db) {}
  std::mutex mu_;
  sqlite3* db_;
  sqlite3_stmt* insert_ = nullptr;  // prepared once at open (every check of a token runs it)
};

}  // namespace okmpc::auth
