// apps/dwn/sqlite_statement.hpp SqliteStatementCache: a statement is prepared
// once per connection and reused, each borrower starts from a reset
// statement with no bindings left over, and SQL that does not prepare is
// reported and never cached.
#include "apps/dwn/sqlite_statement.hpp"

#include <gtest/gtest.h>

namespace okmpc::dwn {
namespace {

class StatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(sqlite_exec(db_, "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER);"
                                 "INSERT INTO kv VALUES ('a', 1), ('b', 2);"));
    cache_ = std::make_unique<SqliteStatementCache>(db_);
  }
  void TearDown() override {
    cache_.reset();  // before the connection closes
    EXPECT_EQ(sqlite3_close(db_), SQLITE_OK);  // SQLITE_BUSY if a statement were left unfinalised
  }

  // v of key k, or -1 if absent.
  int64_t lookup(const std::string& k) {
    SqliteStatement s(*cache_, "SELECT v FROM kv WHERE k = ?1");
    EXPECT_TRUE(s.ok());
    s.bind(1, k);
    return s.step() == SQLITE_ROW ? s.int64(0) : -1;
  }

  sqlite3* db_ = nullptr;
  std::unique_ptr<SqliteStatementCache> cache_;
};

TEST_F(StatementCacheTest, OneStatementIsReusedAndResetBetweenBorrowers) {
  sqlite3_stmt* first = cache_->get("SELECT v FROM kv WHERE k = ?1");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(cache_->get("SELECT v FROM kv WHERE k = ?1"), first);  // prepared once
  EXPECT_EQ(lookup("a"), 1);
  EXPECT_EQ(lookup("b"), 2);  // a fresh run, not the rest of the previous one
  EXPECT_EQ(lookup("zz"), -1);
  {
    // A borrower that binds nothing sees NULL, not the previous binding.
    SqliteStatement s(*cache_, "SELECT v FROM kv WHERE k = ?1");
    EXPECT_EQ(s.step(), SQLITE_DONE);
  }
  {
    // Left mid-iteration: the next borrower still starts from the top.
    SqliteStatement s(*cache_, "SELECT v FROM kv ORDER BY k");
    ASSERT_EQ(s.step(), SQLITE_ROW);
    EXPECT_EQ(s.int64(0), 1);
  }
  SqliteStatement again(*cache_, "SELECT v FROM kv ORDER BY k");
  ASSERT_EQ(again.step(), SQLITE_ROW);
  EXPECT_EQ(again.int64(0), 1);
}

TEST_F(StatementCacheTest, WritesThroughACachedStatementAreSeen) {
  for (int i = 0; i < 3; ++i) {
    SqliteStatement s(*cache_, "INSERT INTO kv (k, v) VALUES (?1, ?2)");
    s.bind(1, "n" + std::to_string(i));
    s.bind(2, static_cast<int64_t>(10 + i));
    EXPECT_EQ(s.step(), SQLITE_DONE);
  }
  EXPECT_EQ(lookup("n2"), 12);
  SqliteStatement dup(*cache_, "INSERT INTO kv (k, v) VALUES (?1, ?2)");
  dup.bind(1, std::string("a"));
  dup.bind(2, static_cast<int64_t>(5));
  EXPECT_EQ(dup.step(), SQLITE_CONSTRAINT);
}

TEST_F(StatementCacheTest, SqlThatDoesNotPrepareIsReportedAndNotCached) {
  SqliteStatement bad(*cache_, "SELECT nope FROM missing_table");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(cache_->get("SELECT nope FROM missing_table"), nullptr);
  EXPECT_NE(std::string(sqlite3_errmsg(db_)).find("missing_table"), std::string::npos);
}

}  // namespace
}  // namespace okmpc::dwn
