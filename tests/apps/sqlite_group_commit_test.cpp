// apps/dwn/sqlite_group_commit.hpp: concurrent writers share commits, each
// body is all-or-nothing on its own, and a failed COMMIT fails (and drops)
// its whole batch without leaving a transaction open.
#include "apps/dwn/sqlite_group_commit.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "apps/dwn/sqlite_statement.hpp"

namespace okmpc::dwn {
namespace {

class GroupCommitTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("okmpc-group-commit-" + std::to_string(::getpid()) + "-" +
                                                     ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto db = sqlite_open(dir_ / "t.sqlite",
                          {"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                           "CREATE TABLE parent (id INTEGER PRIMARY KEY);"
                           "CREATE TABLE rows (k TEXT PRIMARY KEY, parent INTEGER REFERENCES parent(id) "
                           "DEFERRABLE INITIALLY DEFERRED);"});
    ASSERT_TRUE(db) << db.error().describe();
    db_ = *db;
    group_ = std::make_unique<SqliteGroupCommit>(db_, mutex_);
  }
  void TearDown() override {
    group_.reset();
    sqlite3_close(db_);
    std::filesystem::remove_all(dir_);
  }

  static Status insert(sqlite3* db, const std::string& k) {
    SqliteStatement s(db, "INSERT INTO rows (k) VALUES (?1)");
    if (!s.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
    s.bind(1, k);
    const int rc = s.step();
    if (rc == SQLITE_CONSTRAINT) return fail(ErrorCode::kAlreadyExists, "row " + k + " exists");
    if (rc != SQLITE_DONE) return tl::unexpected(sqlite_error(db, "insert"));
    return ok();
  }

  bool has(const std::string& k) {
    std::lock_guard lock(mutex_);
    SqliteStatement s(db_, "SELECT 1 FROM rows WHERE k = ?1");
    s.bind(1, k);
    return s.step() == SQLITE_ROW;
  }

  int64_t count() {
    std::lock_guard lock(mutex_);
    SqliteStatement s(db_, "SELECT COUNT(*) FROM rows");
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
  }

  std::filesystem::path dir_;
  std::mutex mutex_;
  sqlite3* db_ = nullptr;
  std::unique_ptr<SqliteGroupCommit> group_;
};

TEST_F(GroupCommitTest, FailingBodyIsRolledBackAloneAndReportsItsError) {
  ASSERT_TRUE(group_->run([](sqlite3* db) { return insert(db, "a"); }));
  // Writes "b", then fails on the duplicate "a": "b" must not survive.
  auto r = group_->run([](sqlite3* db) -> Status {
    OKMPC_TRY(insert(db, "b"));
    return insert(db, "a");
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kAlreadyExists);
  EXPECT_TRUE(has("a"));
  EXPECT_FALSE(has("b"));
  EXPECT_TRUE(group_->run([](sqlite3* db) { return insert(db, "c"); }));
  EXPECT_EQ(count(), 2);
}

TEST_F(GroupCommitTest, ConcurrentWritersAllLandAndFailuresStayIsolated) {
  constexpr int kThreads = 12, kEach = 15;
  std::atomic<int> ok_count{0}, refused{0}, other{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const std::string k = std::to_string(t) + "-" + std::to_string(i);
        // Every third body writes a scratch row, then collides with its own
        // first row: it must fail alone and leave no scratch row behind.
        const bool collide = i > 0 && i % 3 == 0;
        auto r = group_->run([&](sqlite3* db) -> Status {
          if (!collide) return insert(db, k);
          OKMPC_TRY(insert(db, "scratch-" + k));
          return insert(db, std::to_string(t) + "-0");
        });
        if (r) {
          ++ok_count;
        } else if (r.error().code == ErrorCode::kAlreadyExists) {
          ++refused;
        } else {
          ++other;
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  const int collisions = kThreads * ((kEach - 1) / 3);
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(refused.load(), collisions);
  EXPECT_EQ(ok_count.load(), kThreads * kEach - collisions);
  EXPECT_EQ(count(), kThreads * kEach - collisions);
  for (int t = 0; t < kThreads; ++t) EXPECT_FALSE(has("scratch-" + std::to_string(t) + "-3"));
  EXPECT_EQ(group_->bodies(), static_cast<uint64_t>(kThreads * kEach));
  EXPECT_LE(group_->batches(), group_->bodies());
  EXPECT_GE(group_->batches(), 1u);
}

TEST_F(GroupCommitTest, FailedCommitFailsTheBatchWritesNothingAndLeavesNoTransactionOpen) {
  // A deferred foreign key is checked at COMMIT: the body succeeds, the
  // COMMIT fails, so the caller must get an error and the row must be gone.
  auto r = group_->run([](sqlite3* db) -> Status {
    SqliteStatement s(db, "INSERT INTO rows (k, parent) VALUES ('orphan', 42)");
    if (!s.ok() || s.step() != SQLITE_DONE) return tl::unexpected(sqlite_error(db, "insert"));
    return ok();
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
  EXPECT_FALSE(has("orphan"));
  // The connection is usable again (no transaction left open).
  EXPECT_TRUE(sqlite3_get_autocommit(db_) != 0);
  EXPECT_TRUE(group_->run([](sqlite3* db) { return insert(db, "after"); }));
  EXPECT_TRUE(has("after"));
}

TEST_F(GroupCommitTest, TransactionLostInsideABodyFailsTheBatchWithoutAutocommitting) {
  // A body that ends the outer transaction (as SQLite does by itself on
  // SQLITE_FULL or an I/O error): its write and everything after it must
  // not be committed piecemeal; the caller gets an error.
  auto r = group_->run([](sqlite3* db) -> Status {
    OKMPC_TRY(insert(db, "lost"));
    return sqlite_exec(db, "ROLLBACK");
  });
  ASSERT_FALSE(r);
  EXPECT_FALSE(has("lost"));
  EXPECT_TRUE(sqlite3_get_autocommit(db_) != 0);
  EXPECT_TRUE(group_->run([](sqlite3* db) { return insert(db, "next"); }));
  EXPECT_TRUE(has("next"));
}

TEST_F(GroupCommitTest, BodiesAfterALostTransactionAreNotWrittenOneByOne) {
  // Batch 1 = {hold}: it waits until B and C have queued, so they form
  // batch 2 = {B, C} in that order. B ends the outer transaction; C must
  // then fail without its row being autocommitted behind the batch's back.
  std::atomic<bool> release{false};
  std::thread holder([&] {
    (void)group_->run([&](sqlite3* db) -> Status {
      while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      return insert(db, "hold");
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  Status b_result = ok(), c_result = ok();
  std::thread b([&] {
    b_result = group_->run([](sqlite3* db) -> Status {
      OKMPC_TRY(insert(db, "b"));
      return sqlite_exec(db, "ROLLBACK");
    });
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::thread c([&] { c_result = group_->run([](sqlite3* db) { return insert(db, "c"); }); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  release = true;
  holder.join();
  b.join();
  c.join();
  ASSERT_EQ(group_->batches(), 2u) << "B and C were meant to share one batch";
  EXPECT_TRUE(has("hold"));
  EXPECT_FALSE(b_result);
  EXPECT_FALSE(c_result);
  EXPECT_FALSE(has("b"));
  EXPECT_FALSE(has("c"));
  EXPECT_TRUE(sqlite3_get_autocommit(db_) != 0);
}

TEST_F(GroupCommitTest, ThrowingBodyFailsAloneAndDoesNotWedgeLaterWriters) {
  auto r = group_->run([](sqlite3* db) -> Status {
    OKMPC_TRY(insert(db, "half"));
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInternal);
  EXPECT_NE(r.error().message.find("boom"), std::string::npos);
  EXPECT_FALSE(has("half"));
  EXPECT_TRUE(group_->run([](sqlite3* db) { return insert(db, "after-throw"); }));
  EXPECT_TRUE(has("after-throw"));
}

}  // namespace
}  // namespace okmpc::dwn
