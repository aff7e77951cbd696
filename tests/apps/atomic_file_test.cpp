// apps/dwn/atomic_file.hpp: concurrent writers of one path each leave a
// complete file behind them and never fail each other's rename.
#include "apps/dwn/atomic_file.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace okmpc::dwn {
namespace {

TEST(AtomicFile, ConcurrentWritersOfOnePathNeverTearOrFailEachOther) {
  const auto dir = std::filesystem::temp_directory_path() / ("okmpc-atomic-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const auto path = dir / "share";
  // Two writers, each with its own content of a different length.
  const Bytes a(3000, 0xAA), b(5000, 0xBB);
  constexpr int kRounds = 60;
  int failures = 0;
  std::mutex mu;
  auto writer = [&](const Bytes& content) {
    for (int i = 0; i < kRounds; ++i) {
      auto written = write_file_atomic(path, content, 0600);
      if (!written) {
        std::lock_guard lock(mu);
        ++failures;
      }
      auto read = read_file(path);
      ASSERT_TRUE(read.has_value());
      // Whatever is there is one writer's complete content.
      EXPECT_TRUE(*read == a || *read == b) << "torn file of " << read->size() << " bytes";
    }
  };
  std::thread t1(writer, std::cref(a)), t2(writer, std::cref(b));
  t1.join();
  t2.join();
  EXPECT_EQ(failures, 0);
  // No temporary file is left behind.
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1u);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace okmpc::dwn
