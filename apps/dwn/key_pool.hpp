// The DWN's persisted pool of pre-generated key sets. A key set is what a
// first login needs: a secp256k1 key (DKG + DKLs23 pairwise OT setup) and an
// Ed25519 key (DKG), shared among all DWN nodes, whose node shares are stored
// with the owner kUnclaimedOwner until a user claims the set.
//
// The index lives in DIR/pool.sqlite (WAL, synchronous=FULL), one row per
// set: key ids, public keys, the generation reports, `claimed_by` (NULL or
// the identity, UNIQUE) and `bound_mask` (bit i-1: node i has re-bound its
// shares to the claimant, dwn_network.hpp bind_owner).
//
// Claiming is one SQL transaction: a set already claimed by the identity
// (an earlier attempt that crashed before the user was recorded) is
// returned again, else the oldest free set is marked claimed_by = identity.
// So a retried first login after a crash gets the same keys, and two
// identities can never claim one set. Thread-safe (one connection, a mutex);
// writes are group-committed (sqlite_group_commit.hpp): each returns once
// durable, and concurrent claims share one fsync.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "apps/dwn/dwn_network.hpp"
#include "mpc/error.hpp"

struct sqlite3;

namespace okmpc::dwn {
class SqliteGroupCommit;
}  // namespace okmpc::dwn

namespace okmpc::dwn {

struct PooledKeySet {
  int64_t set_id = 0;
  UserKeys keys;
  uint32_t bound_mask = 0;
};

class KeyPool {
 public:
  // Opens (creating) the index at `file`. kIo on failure.
  static Result<std::unique_ptr<KeyPool>> open(const std::filesystem::path& file);
  ~KeyPool();
  KeyPool(const KeyPool&) = delete;
  KeyPool& operator=(const KeyPool&) = delete;

  // Records a generated set: free (claimed_by empty) or already claimed by
  // `claimed_by` with the nodes of `bound_mask` bound. Returns its set id.
  // kAlreadyExists if its key ids are indexed already.
  Result<int64_t> add(const UserKeys& keys, const std::string& claimed_by = {}, uint32_t bound_mask = 0);

  // The set claimed by `identity` (see above); nullopt if none is claimed by
  // it and none is free. kInvalidArgument for an empty identity.
  Result<std::optional<PooledKeySet>> claim(const std::string& identity);

  // The set claimed by `identity`, read only (no claim) through a second
  // connection that never waits for a commit; nullopt if none.
  Result<std::optional<PooledKeySet>> find_claimed(const std::string& identity);

  // Sets the bound bits of a set (ORed into the stored mask).
  Status mark_bound(int64_t set_id, uint32_t mask);

  // Number of unclaimed sets.
  Result<int64_t> free_count();

 private:
  KeyPool(sqlite3* db, sqlite3* reader);
  std::mutex mutex_;       // the writer connection
  std::mutex read_mutex_;  // the reader connection
  sqlite3* db_;
  sqlite3* reader_;
  std::unique_ptr<SqliteGroupCommit> writes_;
};

}  // namespace okmpc::dwn
