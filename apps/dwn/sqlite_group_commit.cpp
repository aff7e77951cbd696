#include "apps/dwn/sqlite_group_commit.hpp"

#include <exception>
#include <optional>
#include <string>

#include "apps/dwn/sqlite_statement.hpp"
#include "apps/dwn/sqlite_transaction.hpp"

namespace okmpc::dwn {

Status SqliteGroupCommit::run(const Body& body) {
  Job job{&body};
  std::unique_lock lock(mu_);
  queue_.push_back(&job);
  while (!job.done) {
    if (committing_) {
      cv_.wait(lock);
      continue;
    }
    // Leader: take everything queued so far (this job included).
    committing_ = true;
    std::vector<Job*> batch;
    batch.swap(queue_);
    lock.unlock();
    commit_batch(batch);
    lock.lock();
    for (Job* j : batch) j->done = true;
    ++batches_;
    bodies_ += batch.size();
    committing_ = false;
    cv_.notify_all();
  }
  return std::move(job.result);
}

void SqliteGroupCommit::commit_batch(const std::vector<Job*>& batch) {
  std::lock_guard db_lock(db_mutex_);
  auto tx = SqliteTransaction::begin(db_);
  if (!tx) {
    for (Job* j : batch) j->result = tl::unexpected(tx.error());
    return;
  }
  // Every body must leave the outer transaction open and its savepoint
  // handled; if SQLite rolled the transaction back itself (SQLITE_FULL,
  // IOERR, …) or a savepoint step fails, later bodies would run in
  // autocommit mode and be written one by one, so the batch stops and fails
  // as a whole instead.
  std::optional<Error> broken;
  for (Job* j : batch) {
    if (broken) {
      j->result = tl::unexpected(*broken);
      continue;
    }
    if (auto s = savepoint_step("SAVEPOINT group_commit_body"); !s) {
      broken = s.error();
      j->result = std::move(s);
      continue;
    }
    try {
      j->result = (*j->body)(db_);
    } catch (const std::exception& e) {
      j->result = fail(ErrorCode::kInternal, std::string("sqlite group commit: transaction body threw: ") + e.what());
    }
    if (!j->result) {
      if (auto undone = savepoint_step("ROLLBACK TO group_commit_body"); !undone) broken = undone.error();
    }
    if (!broken) {
      if (auto released = savepoint_step("RELEASE group_commit_body"); !released) broken = released.error();
    }
    if (!broken && sqlite3_get_autocommit(db_) != 0) {
      broken = Error(ErrorCode::kIo, "sqlite: the transaction was rolled back by the database");
    }
  }
  if (broken) {
    tx->rollback();
    for (Job* j : batch) {
      if (j->result) j->result = tl::unexpected(*broken);
    }
    return;
  }
  if (auto committed = tx->commit(); !committed) {
    for (Job* j : batch) {
      if (j->result) j->result = committed;
    }
  }
}

Status SqliteGroupCommit::savepoint_step(const char* sql) {
  SqliteStatement s(savepoints_, sql);
  if (!s.ok() || s.step() != SQLITE_DONE) return tl::unexpected(sqlite_error(db_, std::string("sqlite: ") + sql));
  return ok();
}

uint64_t SqliteGroupCommit::batches() const {
  std::lock_guard lock(mu_);
  return batches_;
}

uint64_t SqliteGroupCommit::bodies() const {
  std::lock_guard lock(mu_);
  return bodies_;
}

}  // namespace okmpc::dwn
