// Group commit for a SQLite database opened with synchronous=FULL, where
// every COMMIT waits for an fsync (several milliseconds on a virtual disk).
// Concurrent writers hand in their transaction bodies; whoever finds no
// commit in progress becomes the leader and runs every body queued so far
// inside one BEGIN IMMEDIATE … COMMIT, each body under its own SAVEPOINT.
// Bodies that queue while the leader's fsync runs form the next batch, so
// one fsync covers many writers and nobody waits on a timer.
//
// Bodies of a batch run one after another in one transaction, so a body
// sees the writes of the bodies before it (they commit or fail together).
// A body that returns an error (or throws: kInternal) is rolled back to its
// savepoint alone and that error is what its caller gets. A failed BEGIN or
// COMMIT, a failed savepoint step, or a transaction the database rolled back
// by itself fails every body of the batch, and then none of them is written.
// run() returns only after its batch is durable (or failed).
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <functional>
#include <mutex>
#include <vector>

#include "apps/dwn/sqlite_statement.hpp"
#include "mpc/error.hpp"

namespace okmpc::dwn {

class SqliteGroupCommit {
 public:
  // A transaction body: statements on the connection, no BEGIN/COMMIT.
  using Body = std::function<Status(sqlite3*)>;

  // `db` and `db_mutex` (held while the connection is used) must outlive
  // this object; every other writer of `db` must also hold `db_mutex`.
  // Destroy it before closing `db` (it keeps prepared statements on it).
  SqliteGroupCommit(sqlite3* db, std::mutex& db_mutex) : db_(db), db_mutex_(db_mutex), savepoints_(db) {}
  SqliteGroupCommit(const SqliteGroupCommit&) = delete;
  SqliteGroupCommit& operator=(const SqliteGroupCommit&) = delete;

  // Runs `body` in the next batch and returns once the batch is committed:
  // body's error, the batch's BEGIN/COMMIT error (kIo), or ok.
  Status run(const Body& body);

  // Batches committed so far and bodies run in them (for tests and stats).
  uint64_t batches() const;
  uint64_t bodies() const;

 private:
  struct Job {
    const Body* body;
    Status result = ok();
    bool done = false;
  };
  void commit_batch(const std::vector<Job*>& batch);
  // Runs one of the savepoint statements (prepared once); kIo on failure.
  Status savepoint_step(const char* sql);

  sqlite3* db_;
  std::mutex& db_mutex_;
  SqliteStatementCache savepoints_;  // under db_mutex_
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::vector<Job*> queue_;
  bool committing_ = false;
  uint64_t batches_ = 0;
  uint64_t bodies_ = 0;
};

}  // namespace okmpc::dwn
