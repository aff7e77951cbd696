// Shared setup for the chain tests: a temporary data directory, a settable
// clock, an owner key, a session key and signed-UserOp helpers.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include "chain/okto_chain.hpp"
#include "chain/user_op_builder.hpp"
#include "session/session_key.hpp"

namespace okmpc::chain::testing {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("okmpc-chain-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
             std::to_string(std::random_device{}()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline session::PrivateKey key_from_u64(uint64_t v) {
  ByteArray<32> k{};
  for (size_t i = 0; i < 8; ++i) k[31 - i] = static_cast<uint8_t>(v >> (8 * i));
  return session::PrivateKey(k);
}

inline eth::Address address_of(const session::PrivateKey& k) {
  return *eth::address_from_public_key(*session::public_key_of(k));
}

inline eth::Address token_address(uint8_t tag) {
  eth::Address a{};
  a[0] = 0x70;
  a[19] = tag;
  return a;
}

// One user with an owner key (standing in for the MPC ECDSA key), the SWA it
// owns, a session key and a client whose paymaster budget pays.
struct ChainTestEnv {
  static constexpr uint64_t kStart = 1'800'000'000;
  std::shared_ptr<uint64_t> clock = std::make_shared<uint64_t>(kStart);
  session::PrivateKey owner_key = key_from_u64(0x0a11ce);
  eth::Address owner = address_of(owner_key);
  eth::Address swa = swa_address_for_owner(owner).address;
  session::PrivateKey session_key = key_from_u64(0x5e55);
  eth::Address session_addr = address_of(session_key);
  eth::Address client = token_address(0xc1);
  eth::Address token = token_address(1);

  ChainConfig config(uint32_t ops_per_block = 1, HashMode mode = HashMode::kErc4337V07) const {
    ChainConfig c;
    c.entry_point.hash_mode = mode;
    c.ops_per_block = ops_per_block;
    auto clk = clock;
    c.clock = [clk] { return *clk; };
    return c;
  }

  // A signed UserOp from the SWA paying through the client's paymaster budget.
  UserOperation op(const AccountCall& call, uint64_t seq, const session::PrivateKey& signer,
                   const EntryPointConfig& cfg, bool deploy = false, uint64_t key = 0) const {
    UserOperation u = build_account_operation(swa, *compose_nonce(Uint256::from_u64(key), seq), call, 10, 1, client);
    if (deploy) add_deployment(u, owner);
    EXPECT_TRUE(sign_user_operation(u, signer, cfg));
    return u;
  }

  RegisterSession registration(uint64_t valid_until, uint64_t limit) const {
    return RegisterSession{session_addr, kStart, valid_until, token, Uint256::from_u64(limit)};
  }
};

}  // namespace okmpc::chain::testing
