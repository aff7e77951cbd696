// apps/dwn/key_pool_refiller.hpp: refilling is idle-time work. While the
// busy probe says logins are in flight the background thread starts no new
// key set; once it says idle, the pool fills to its target.
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

}  // namespace
}  // namespace okmpc::dwn
