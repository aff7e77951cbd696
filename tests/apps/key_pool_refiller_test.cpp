// apps/dwn/key_pool_refiller.hpp: refilling and presigning are idle-time
// work. While the busy probe says logins are in flight the background thread
// starts no new key set and no presignature; once it says idle, the pool
// fills to its target and the queued presignatures are made.
#include "apps/dwn/key_pool_refiller.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "gateway_fixture.hpp"

namespace okmpc::dwn {
namespace {

using Clock = std::chrono::steady_clock;

TEST(KeyPoolRefiller, StartsNoSetWhileBusyAndFillsOnceIdle) {
  gateway::testing::TempDir dir;
  auto dwn = DwnNetwork::open(dir.path() / "dwn", 3, 2, 0,
                              [](ByteView, const std::string&, const eth::Address&) -> Status { return ok(); });
  ASSERT_TRUE(dwn) << dwn.error();
  auto pool = KeyPool::open(dir.path() / "pool.sqlite");
  ASSERT_TRUE(pool) << pool.error();
  KeyPoolRefiller refiller(**dwn, **pool, 2);

  // One set on this thread, timed: the yardstick for "long enough to have
  // started and finished another one".
  const auto t0 = Clock::now();
  ASSERT_TRUE(refiller.generate_one());
  const auto one_set = Clock::now() - t0;
  ASSERT_EQ(*(*pool)->free_count(), 1);

  std::atomic<bool> busy{true};
  std::atomic<int> probes{0};
  refiller.set_busy_probe([&] {
    ++probes;
    return busy.load();
  });
  refiller.start();
  std::this_thread::sleep_for(3 * one_set + std::chrono::milliseconds(300));
  EXPECT_EQ(*(*pool)->free_count(), 1) << "a set was generated while logins were in flight";
  EXPECT_GT(probes.load(), 1);  // it kept asking rather than sleeping on the claim signal

  busy = false;
  const auto deadline = Clock::now() + 20 * one_set + std::chrono::seconds(10);
  while (*(*pool)->free_count() < 2 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(*(*pool)->free_count(), 2);
  refiller.stop();
  EXPECT_EQ(refiller.stats().generated, 2u);
}

// Presignatures are idle-time work on the same thread: none is made while
// the probe says busy, the queued one is made once it says idle, and the
// thread runs for them even with a pool target of 0.
TEST(KeyPoolRefiller, MakesQueuedPresignaturesOnlyWhenIdle) {
  gateway::testing::TempDir dir;
  auto dwn = DwnNetwork::open(dir.path() / "dwn", 3, 2, 0,
                              [](ByteView, const std::string&, const eth::Address&) -> Status { return ok(); });
  ASSERT_TRUE(dwn) << dwn.error();
  auto keys = (*dwn)->generate_user_keys("google:alice");
  ASSERT_TRUE(keys) << keys.error();
  auto pool = KeyPool::open(dir.path() / "pool.sqlite");
  ASSERT_TRUE(pool) << pool.error();
  KeyPoolRefiller refiller(**dwn, **pool, 0);
  std::atomic<bool> busy{true};
  refiller.set_busy_probe([&] { return busy.load(); });
  refiller.set_presigning(true);
  refiller.start();
  (*dwn)->want_presignature(keys->ecdsa_key_id);
  refiller.notify();
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_EQ((*dwn)->presign_stats().made, 0u) << "a presignature was made while logins were in flight";
  EXPECT_EQ((*dwn)->presign_stats().pending, 1u);

  busy = false;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while ((*dwn)->presign_stats().made == 0 && Clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  refiller.stop();
  const PresignStats st = (*dwn)->presign_stats();
  EXPECT_EQ(st.made, 1u);
  EXPECT_EQ(st.pending, 0u);
  EXPECT_EQ(st.stocked, 1u);
  EXPECT_EQ(*(*pool)->free_count(), 0);  // target 0: no key set was generated
}

}  // namespace
}  // namespace okmpc::dwn
