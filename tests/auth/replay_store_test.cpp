#include "auth/replay_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>

namespace okmpc::auth {
namespace {

Hash32 key(uint8_t b) {
  Hash32 k{};
  k.fill(b);
  return k;
}

std::filesystem::path fresh_dir(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("okmpc-auth-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

void exercise(ReplayStore& store) {
  EXPECT_TRUE(*store.insert_if_absent(key(1), 100));
  EXPECT_FALSE(*store.insert_if_absent(key(1), 100));
  EXPECT_FALSE(*store.insert_if_absent(key(1), 999));  // a later expiry does not reopen it
  EXPECT_TRUE(*store.insert_if_absent(key(2), 200));
  EXPECT_EQ(*store.prune(150), 1u);                    // key 1 (kept until 100) is gone
  EXPECT_FALSE(*store.insert_if_absent(key(2), 200));
}

TEST(ReplayStore, MemoryAcceptsOnce) {
  MemoryReplayStore store;
  exercise(store);
}

TEST(ReplayStore, SqliteAcceptsOnce) {
  auto dir = fresh_dir("replay-once");
  auto store = SqliteReplayStore::open(dir / "r.sqlite");
  ASSERT_TRUE(store.has_value()) << store.error();
  exercise(**store);
  std::filesystem::remove_all(dir);
}

TEST(ReplayStore, SqliteSurvivesARestart) {
  auto dir = fresh_dir("replay-restart");
  {
    auto store = *SqliteReplayStore::open(dir / "r.sqlite");
    EXPECT_TRUE(*store->insert_if_absent(key(7), 5000));
  }  // closed: the process "restarts"
  auto reopened = *SqliteReplayStore::open(dir / "r.sqlite");
  EXPECT_FALSE(*reopened->insert_if_absent(key(7), 5000));
  EXPECT_TRUE(*reopened->insert_if_absent(key(8), 5000));
  std::filesystem::remove_all(dir);
}

TEST(ReplayStore, SqliteReportsUnusablePaths) {
  auto r = SqliteReplayStore::open("/nonexistent-dir-okmpc/r.sqlite");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, ErrorCode::kIo);
}

}  // namespace
}  // namespace okmpc::auth
