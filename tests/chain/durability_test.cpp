// Durability and integrity of the stored chain: a writer killed with SIGKILL
// at random moments loses nothing it acknowledged, and a tampered or damaged
// database is refused with kCorrupted.
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <set>

#include "chain/okto_chain.hpp"
#include "chain/state_format.hpp"
#include "chain_test_env.hpp"
#include "mpc/rng.hpp"

namespace okmpc::chain {
namespace {

using ::testing::HasSubstr;
using testing::ChainTestEnv;
using testing::TempDir;

constexpr uint64_t kDay = 24 * 3600;

// The writer: opens the chain, makes sure the user is onboarded, then
// submits session-signed transfers and mints forever, writing each entry
// hash to `fd` once its block is durably committed. Never returns.
[[noreturn]] void run_writer(const std::filesystem::path& dir, uint32_t ops_per_block, int fd) {
  ChainTestEnv env;
  auto opened = OktoChain::open(dir, env.config(ops_per_block));
  if (!opened) _exit(3);
  OktoChain& chain = *opened;
  const EntryPointConfig& ep = chain.config().entry_point;
  std::vector<Hash32> unacked;
  auto record = [&](const Result<Receipt>& r) {
    if (!r) _exit(4);
    unacked.push_back(r->hash);
    if (r->included) {
      for (const Hash32& h : unacked) {
        if (write(fd, h.data(), h.size()) != static_cast<ssize_t>(h.size())) _exit(5);
      }
      unacked.clear();
    }
  };
  if (!chain.swa_of_owner(env.owner)) {
    record(chain.fund_paymaster(env.client, *Uint256::parse("1000000000000000000")));
    record(chain.submit(env.op(env.registration(ChainTestEnv::kStart + 10 * kDay, 1'000'000'000), 0, env.owner_key, ep, true)));
  }
  const eth::Address to = testing::token_address(0x77);
  for (uint64_t i = 0;; ++i) {
    if (i % 2 == 0) {
      record(chain.mint(env.token, env.swa, Uint256::from_u64(5)));
    } else {
      uint64_t seq = chain.next_nonce_sequence(env.swa, Uint256::from_u64(1));
      record(chain.submit(env.op(TransferToken{env.token, to, Uint256::from_u64(1)}, seq, env.session_key, ep, false, 1)));
    }
  }
}

TEST(ChainDurability, AcknowledgedEntriesSurviveSigkill) {
  TempDir dir;
  DeterministicRng rng(0xdead);
  std::set<Hash32> acked;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(4);
  int rounds = 0;
  while (rounds < 12 && (rounds < 4 || std::chrono::steady_clock::now() < deadline)) {
    ++rounds;
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const uint32_t ops_per_block = 1 + static_cast<uint32_t>(rng.uniform(4));
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      run_writer(dir.path(), ops_per_block, fds[1]);
    }
    close(fds[1]);
    // Collect acknowledgements for a random time, then kill without warning.
    const auto kill_at = std::chrono::steady_clock::now() + std::chrono::milliseconds(20 + rng.uniform(250));
    Bytes buf;
    auto drain = [&](int timeout_ms) {
      pollfd p{fds[0], POLLIN, 0};
      if (poll(&p, 1, timeout_ms) <= 0) return false;
      uint8_t tmp[4096];
      ssize_t n = read(fds[0], tmp, sizeof tmp);
      if (n <= 0) return false;
      buf.insert(buf.end(), tmp, tmp + n);
      return true;
    };
    while (std::chrono::steady_clock::now() < kill_at) drain(5);
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "writer exited early with status " << WEXITSTATUS(status);
    while (drain(0)) {
    }
    close(fds[0]);
    ASSERT_EQ(buf.size() % 32, 0u);  // 32-byte writes to a pipe are atomic
    for (size_t off = 0; off < buf.size(); off += 32) {
      Hash32 h;
      std::copy_n(buf.begin() + static_cast<std::ptrdiff_t>(off), 32, h.begin());
      acked.insert(h);
    }
    // Restart: the chain verifies and holds every acknowledged entry.
    ChainTestEnv env;
    auto chain = OktoChain::open(dir.path(), env.config());
    ASSERT_TRUE(chain) << "round " << rounds << ": " << chain.error();
    for (const Hash32& h : acked) {
      auto where = chain->block_of_entry(h);
      ASSERT_TRUE(where && *where) << "round " << rounds << ": acknowledged entry lost";
    }
  }
  ChainTestEnv env;
  auto chain = OktoChain::open(dir.path(), env.config());
  ASSERT_TRUE(chain);
  auto report = chain->verify_by_replay();
  ASSERT_TRUE(report) << report.error();
  EXPECT_GT(acked.size(), 0u) << "the writer acknowledged nothing: the test proved nothing";
  EXPECT_GE(report->entries, acked.size());
  RecordProperty("rounds", rounds);
  RecordProperty("acknowledged", static_cast<int>(acked.size()));
  RecordProperty("entries", static_cast<int>(report->entries));
}

// A block write that fails (here: another writer took the block number)
// drops the pending block with kIo, restores the committed state, and the
// chain writes the next block normally once the obstacle is gone.
TEST(ChainDurability, FailedBlockWriteDropsThePendingBlockAndRecovers) {
  TempDir dir;
  ChainTestEnv env;
  auto chain = OktoChain::open(dir.path(), env.config(2));
  ASSERT_TRUE(chain);
  const Hash32 committed_root = chain->state_root();
  const uint64_t head = chain->head_number();
  auto other_writer = [&](const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "chain.sqlite").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
  };
  const std::string next = std::to_string(head + 1);
  other_writer("INSERT INTO blocks VALUES(" + next + ", x'00', x'00', 0, x'00', x'00', 0)");
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(5)));
  auto sealed = chain->mint(env.token, env.owner, Uint256::from_u64(6));  // fills the block: seals
  ASSERT_FALSE(sealed);
  EXPECT_EQ(sealed.error().code, ErrorCode::kIo) << sealed.error();
  EXPECT_EQ(chain->pending_drops(), 1u);
  EXPECT_EQ(chain->pending_count(), 0u);
  EXPECT_EQ(chain->state_root(), committed_root);
  EXPECT_TRUE(chain->balance(env.token, env.swa).is_zero());

  other_writer("DELETE FROM blocks WHERE number = " + next);
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(5)));
  auto retried = chain->mint(env.token, env.owner, Uint256::from_u64(6));
  ASSERT_TRUE(retried) << retried.error();
  EXPECT_TRUE(retried->included);
  EXPECT_EQ(chain->head_number(), head + 1);
  EXPECT_EQ(chain->balance(env.token, env.swa), Uint256::from_u64(5));
  auto report = chain->verify_by_replay();
  ASSERT_TRUE(report) << report.error();
  EXPECT_EQ(report->state_root, chain->state_root());
  auto reopened = OktoChain::open(dir.path(), env.config());  // verifies what was stored
  ASSERT_TRUE(reopened) << reopened.error();
  EXPECT_EQ(reopened->state_root(), chain->state_root());
}

// A chain with a few blocks, closed (WAL checkpointed into the main file).
class CorruptionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto chain = OktoChain::open(dir.path(), env.config());
    ASSERT_TRUE(chain);
    states.push_back(chain->state().entries());
    ASSERT_TRUE(chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000)));
    states.push_back(chain->state().entries());
    ASSERT_TRUE(chain->submit(env.op(env.registration(ChainTestEnv::kStart + kDay, 100), 0, env.owner_key, chain->config().entry_point, true)));
    states.push_back(chain->state().entries());
    ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
    states.push_back(chain->state().entries());
    ASSERT_TRUE(chain->mint(env.token, env.owner, Uint256::from_u64(7)));
    states.push_back(chain->state().entries());
    block2_hash = (*chain->block(2))->hash;
    // One entry per block: the state after block n is the n-th state seen.
    ASSERT_EQ(chain->head_number(), 4u);
  }

  void sql(const std::string& statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "chain.sqlite").c_str(), &db), SQLITE_OK);
    char* err = nullptr;
    EXPECT_EQ(sqlite3_exec(db, statement.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
    sqlite3_free(err);
    sqlite3_close(db);
  }

  void expect_refused(const std::string& needle) {
    auto chain = OktoChain::open(dir.path(), env.config());
    ASSERT_FALSE(chain) << "a damaged database was accepted";
    EXPECT_EQ(chain.error().code, ErrorCode::kCorrupted) << chain.error();
    EXPECT_THAT(chain.error().message, HasSubstr(needle));
  }

  // The database as the v1 format wrote it: the same blocks and entries,
  // each block's state root the v1 root of its state, header hashes and
  // parent links recomputed, no state format row.
  void rewrite_as_v1() {
    std::vector<Block> blocks;
    {
      auto store = ChainStore::open(dir.path() / "chain.sqlite");
      ASSERT_TRUE(store);
      ASSERT_TRUE(store->for_each_block([&](const Block& b) -> Status {
        blocks.push_back(b);
        return ok();
      }));
    }
    ASSERT_EQ(blocks.size(), states.size());
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((dir.path() / "chain.sqlite").c_str(), &db), SQLITE_OK);
    sqlite3_stmt* update = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "UPDATE blocks SET parent_hash = ?, state_root = ?, hash = ? WHERE number = ?", -1, &update, nullptr),
              SQLITE_OK);
    for (size_t n = 0; n < blocks.size(); ++n) {
      Block& b = blocks[n];
      if (n > 0) b.parent_hash = blocks[n - 1].hash;
      b.state_root = state_root_v1(states[n]);
      b.hash = compute_block_hash(b);
      sqlite3_reset(update);
      sqlite3_bind_blob(update, 1, b.parent_hash.data(), 32, SQLITE_TRANSIENT);
      sqlite3_bind_blob(update, 2, b.state_root.data(), 32, SQLITE_TRANSIENT);
      sqlite3_bind_blob(update, 3, b.hash.data(), 32, SQLITE_TRANSIENT);
      sqlite3_bind_int64(update, 4, static_cast<sqlite3_int64>(n));
      EXPECT_EQ(sqlite3_step(update), SQLITE_DONE);
    }
    sqlite3_finalize(update);
    sqlite3_close(db);
    sql("DELETE FROM meta WHERE key = 'state_root'");
  }

  std::optional<std::string> stored_format() {
    auto store = ChainStore::open(dir.path() / "chain.sqlite");
    EXPECT_TRUE(store);
    auto format = store->meta("state_root");
    EXPECT_TRUE(format);
    return *format;
  }

  TempDir dir;
  ChainTestEnv env;
  Hash32 block2_hash{};
  std::vector<WorldState::Entries> states;  // after block 0, 1, ...
};

TEST_F(CorruptionTest, IntactDatabaseOpens) {
  EXPECT_TRUE(OktoChain::open(dir.path(), env.config()));
  EXPECT_EQ(stored_format(), "okmpc.chain.state.v2");
}

// A database written with the v1 state root is an older format, not damage:
// kInvalidArgument saying so, and the database is left as it was.
TEST_F(CorruptionTest, V1DatabaseIsRefusedAsAnOlderFormat) {
  rewrite_as_v1();
  for (bool existing : {false, true}) {
    auto chain = existing ? OktoChain::open_existing(dir.path()) : OktoChain::open(dir.path(), env.config());
    ASSERT_FALSE(chain) << "a v1 database was accepted";
    EXPECT_EQ(chain.error().code, ErrorCode::kInvalidArgument) << chain.error();
    EXPECT_THAT(chain.error().message, HasSubstr("older chain format (state root v1"));
    EXPECT_EQ(stored_format(), std::nullopt);
  }
  // The rewritten blocks are a consistent v1 chain: only the state root
  // format keeps v2 from reading it (with the row restored, the v1 roots
  // fail as tampering).
  sql("INSERT INTO meta(key, value) VALUES('state_root', 'okmpc.chain.state.v2')");
  expect_refused("the stored state does not match the state root of head block 4");
}

TEST_F(CorruptionTest, UnknownStateFormatIsRefused) {
  sql("UPDATE meta SET value = 'okmpc.chain.state.v9' WHERE key = 'state_root'");
  auto chain = OktoChain::open(dir.path(), env.config());
  ASSERT_FALSE(chain);
  EXPECT_EQ(chain.error().code, ErrorCode::kInvalidArgument) << chain.error();
  EXPECT_THAT(chain.error().message, HasSubstr("state root format okmpc.chain.state.v9"));
}

TEST_F(CorruptionTest, RemovedStateFormatRowIsRefused) {
  sql("DELETE FROM meta WHERE key = 'state_root'");
  expect_refused("records no state root format");
  EXPECT_EQ(stored_format(), std::nullopt);
}

TEST_F(CorruptionTest, EditedBlockHeaderIsRefused) {
  sql("UPDATE blocks SET timestamp = timestamp + 1 WHERE number = 2");
  expect_refused("block 2");
}

TEST_F(CorruptionTest, DeletedBlockBreaksTheChain) {
  sql("DELETE FROM blocks WHERE number = 2");
  expect_refused("block 3");
}

TEST_F(CorruptionTest, EditedEntryIsRefused) {
  sql("UPDATE entries SET body = replace(body, '0x', '0X') WHERE block = 2");
  expect_refused("block 2 entry 0");
}

TEST_F(CorruptionTest, EditedStateIsRefused) {
  sql("UPDATE state SET value = randomblob(32) WHERE key = (SELECT key FROM state WHERE length(value) = 32 LIMIT 1)");
  expect_refused("state root");
}

TEST_F(CorruptionTest, FlippedByteInTheFileIsRefused) {
  const auto file = dir.path() / "chain.sqlite";
  ASSERT_FALSE(std::filesystem::exists(dir.path() / "chain.sqlite-wal") &&
               std::filesystem::file_size(dir.path() / "chain.sqlite-wal") > 0);
  std::string bytes;
  {
    std::ifstream in(file, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string needle(block2_hash.begin(), block2_hash.end());
  size_t pos = bytes.find(needle);
  ASSERT_NE(pos, std::string::npos) << "block hash not found in the file";
  bytes[pos + 5] = static_cast<char>(bytes[pos + 5] ^ 0x01);
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  }
  expect_refused("block");
}

TEST_F(CorruptionTest, GarbageFileHeaderIsRefused) {
  const auto file = dir.path() / "chain.sqlite";
  std::fstream f(file, std::ios::binary | std::ios::in | std::ios::out);
  std::string junk(100, 'x');
  f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  f.close();
  expect_refused("corrupted");
}

}  // namespace
}  // namespace okmpc::chain
