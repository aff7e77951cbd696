// SQLite persistence of the simulated chain: one database file, WAL journal,
// synchronous=FULL. A block, its entries and the state rows it changed are
// written in one transaction, so after COMMIT returns the block survives a
// crash of the process (or the machine) at any later moment, and a crash
// before COMMIT leaves no trace of it (SQLite atomic commit, WAL mode).
//
// Tables:
//   meta(key TEXT PRIMARY KEY, value TEXT)          chain id, entry point, hash mode, state root format
//   blocks(number INTEGER PRIMARY KEY, hash, parent_hash, timestamp, state_root, ops_root, op_count)
//   entries(block, idx, kind, hash, body, PRIMARY KEY(block, idx))
//   state(key BLOB PRIMARY KEY, value BLOB)          the WorldState entries
//
// SQLite's own corruption reports (SQLITE_CORRUPT, SQLITE_NOTADB, a failing
// quick_check) are kCorrupted; every other SQLite failure is kIo.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "chain/block.hpp"
#include "chain/world_state.hpp"
#include "mpc/error.hpp"

struct sqlite3;

namespace okmpc::chain {

class ChainStore {
 public:
  // Opens (creating if needed) the database at `file`, sets WAL and
  // synchronous=FULL, creates the tables and runs PRAGMA quick_check.
  static Result<ChainStore> open(const std::filesystem::path& file);

  ChainStore(ChainStore&&) noexcept;
  ChainStore& operator=(ChainStore&&) noexcept;
  ~ChainStore();

  // Stores `value` under `key` if absent; if present it must be equal
  // (kInvalidArgument naming the key otherwise: the database belongs to
  // another chain configuration).
  Status bind_meta(const std::string& key, const std::string& value);
  Result<std::optional<std::string>> meta(const std::string& key) const;

  // Calls `visit` on every block in number order, with entries. Stops at
  // the first error and returns it.
  Status for_each_block(const std::function<Status(const Block&)>& visit) const;
  Result<std::optional<Block>> load_block(uint64_t number) const;
  Result<std::optional<Block>> load_head() const;
  // The block number holding an entry with this hash, if any.
  Result<std::optional<uint64_t>> find_entry(const Hash32& hash) const;
  // Loads every state row into `state` (kCorrupted on a malformed row).
  Status load_state(WorldState& state) const;

  // One transaction: the block, its entries and the state writes.
  Status append_block(const Block& block, const std::vector<std::pair<Bytes, std::optional<Bytes>>>& writes);

 private:
  struct Impl;
  explicit ChainStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace okmpc::chain
