#include "apps/dwn/sqlite_group_commit.hpp"

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
  for (Job* j : batch) {
    if (auto s = sqlite_exec(db_, "SAVEPOINT group_commit_body"); !s) {
      j->result = std::move(s);
      continue;
    }
    j->result = (*j->body)(db_);
    if (!j->result) (void)sqlite_exec(db_, "ROLLBACK TO group_commit_body");
    (void)sqlite_exec(db_, "RELEASE group_commit_body");
  }
  if (auto committed = tx->commit(); !committed) {
    for (Job* j : batch) {
      if (j->result) j->result = committed;
    }
  }
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
