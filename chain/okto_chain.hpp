// The simulated Okto Chain: an L2 that records onboarding results. It ties
// together the EntryPoint model (chain/entry_point.hpp), the account factory
// (chain/account_factory.hpp), the session-key registry, policy manager,
// paymaster and token balances (chain/world_state.hpp), blocks
// (chain/block.hpp) and durable storage (chain/chain_store.hpp).
//
// This is the library API the gateway calls. Typical use:
//   OKMPC_ASSIGN_OR_RETURN(auto chain, OktoChain::open(dir, ChainConfig{}));
//   chain.deploy_swa(owner);                       // or let a UserOp's initCode do it
//   auto receipt = chain.submit(user_op);          // registration signed by the owner
//   chain.session(session_address);                // -> {swa, validAfter, validUntil, revoked}
//
// Inclusion: accepted entries collect in a pending block that is sealed
// (written and fsynced) once it holds `ops_per_block` entries, or on
// seal_block(). A Receipt with included = true means the block is durably
// committed. Queries read the latest state, pending entries included.
//
// Durability and integrity: see chain/chain_store.hpp. open() re-verifies
// the whole hash chain (numbers, parent hashes, header hashes, ops roots,
// every entry hash recomputed from its stored body) and the stored state
// against the head's state root, and refuses a database that fails with
// kCorrupted. verify_by_replay() additionally re-executes every entry from
// genesis and compares each block's state root.
//
// Not thread-safe: one OktoChain per database, used from one thread at a
// time. Two processes must not open the same data directory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "chain/account_factory.hpp"
#include "chain/block.hpp"
#include "chain/chain_store.hpp"
#include "chain/entry_point.hpp"
#include "chain/registration_authorizer.hpp"
#include "chain/user_operation.hpp"
#include "chain/world_state.hpp"
#include "mpc/error.hpp"

namespace okmpc::chain {

// Okto sandbox chain id and EntryPoint (../shared/DOMAIN.md).
inline constexpr uint64_t kOktoSandboxChainId = 1802466136;
inline constexpr eth::Address kOktoSandboxEntryPoint = {0xCa, 0x5b, 0x1b, 0x0d, 0x38, 0x93, 0xb5, 0x15, 0x20, 0x14,
                                                        0xfD, 0x5B, 0x51, 0x9F, 0xF5, 0x0f, 0x7C, 0x40, 0xf9, 0xda};

struct ChainConfig {
  EntryPointConfig entry_point{kOktoSandboxEntryPoint, Uint256::from_u64(kOktoSandboxChainId), HashMode::kErc4337V07};
  // 1 = every entry is sealed in its own block before submit() returns.
  uint32_t ops_per_block = 1;
  // Unix seconds; empty = the system clock. Block timestamps never go back.
  std::function<uint64_t()> clock;
  // Empty = registrations need no certificate (chain/registration_authorizer.hpp).
  RegistrationAuthorizer registration_authorizer;
};

struct Receipt {
  Hash32 hash{};              // userOpHash or system entry hash
  uint64_t block_number = 0;  // the block it is (or will be) in
  bool included = false;      // true once that block is durably committed
};

struct VerifyReport {
  uint64_t blocks = 0;
  uint64_t entries = 0;
  Hash32 head_hash{};
  Hash32 state_root{};
};

class OktoChain {
 public:
  // Opens or creates the chain in `data_dir` (created if missing; database
  // file data_dir/chain.sqlite). A new chain gets a genesis block. The
  // entry point, chain id and hash mode are bound to the database on
  // creation; reopening with others is kInvalidArgument. So is a database
  // written with another state root format, e.g. by an older okmpc (state
  // root v1; chain/state_format.hpp); it is left unchanged. A database that
  // fails verification is kCorrupted. ops_per_block = 0 is kInvalidArgument.
  static Result<OktoChain> open(const std::filesystem::path& data_dir, ChainConfig config);

  // Opens an existing chain with the configuration bound in its database
  // (entry point, chain id, hash mode). No database in data_dir is
  // kNotFound; verification failures as in open().
  static Result<OktoChain> open_existing(const std::filesystem::path& data_dir, uint32_t ops_per_block = 1);

  OktoChain(OktoChain&&) noexcept = default;
  OktoChain& operator=(OktoChain&&) noexcept = default;

  // Validates and executes a UserOperation (chain/entry_point.hpp lists the
  // checks and reasons). Rejected: the error, no state change, nothing
  // pending. Accepted: its receipt (included once its block is sealed). A
  // failure to write the block is kIo; the pending block is then dropped
  // and the state reloaded from the database.
  //
  // With config.registration_authorizer set, a UserOp whose call is
  // registerSession must come with `registration_certificate` (the auth
  // quorum certificate) the authorizer accepts: missing →
  // kPermissionDenied "AUTH_QUORUM_REQUIRED", refused → kPermissionDenied
  // "AUTH_QUORUM_INVALID: <why>"; checked before execution, nothing changes.
  Result<Receipt> submit(const UserOperation& op, ByteView registration_certificate = {});

  // Operator entries (chain/system_entry.hpp), pending/sealed like submit.
  // deploy_swa: kAlreadyExists if the owner's SWA exists. mint /
  // fund_paymaster: kInvalidArgument if the total would exceed 2^256-1.
  Result<Receipt> deploy_swa(const eth::Address& owner);
  Result<Receipt> mint(const eth::Address& token, const eth::Address& to, const Uint256& amount);
  Result<Receipt> fund_paymaster(const eth::Address& client, const Uint256& amount);

  // Seals the pending entries into a block now; nullopt if none pending.
  Result<std::optional<Block>> seal_block();

  // The userOpHash this chain uses for `op` (its entry point, chain id, mode).
  // Reads only the configuration fixed at open: safe without the lock that
  // guards the chain's state.
  Result<Hash32> user_op_hash(const UserOperation& op) const;

  // Queries (latest state, pending entries included).
  std::optional<SessionRecord> session(const eth::Address& session_address) const;
  std::optional<SpendPolicy> policy(const eth::Address& session_address) const;
  // The owner's SWA if deployed.
  std::optional<eth::Address> swa_of_owner(const eth::Address& owner) const;
  std::optional<eth::Address> owner_of_swa(const eth::Address& swa) const;
  Uint256 balance(const eth::Address& token, const eth::Address& holder) const;
  Uint256 paymaster_budget(const eth::Address& client) const;
  // Next expected sequence for (sender, nonce key), key < 2^192.
  uint64_t next_nonce_sequence(const eth::Address& sender, const Uint256& key) const;
  const WorldState& state() const { return state_; }
  Hash32 state_root() const { return state_.root(); }

  // Committed blocks only.
  Result<std::optional<Block>> block(uint64_t number) const;
  Result<std::optional<uint64_t>> block_of_entry(const Hash32& hash) const;
  uint64_t head_number() const { return head_.number; }
  const Hash32& head_hash() const { return head_.hash; }
  size_t pending_count() const { return pending_.size(); }
  // How many times a failed seal has dropped the pending block (every
  // entry submitted but not yet sealed was lost and must be reported as
  // failed by whoever submitted it; see apps/gateway/chain_batcher).
  uint64_t pending_drops() const { return pending_drops_; }
  const ChainConfig& config() const { return config_; }

  // Visits every committed block in order (for inspection tools).
  Status for_each_block(const std::function<Status(const Block&)>& visit) const;
  // Re-executes all entries from genesis; kCorrupted naming the first block
  // whose recorded state root or entries disagree.
  Result<VerifyReport> verify_by_replay() const;

 private:
  OktoChain(ChainStore store, ChainConfig config) : store_(std::move(store)), config_(std::move(config)) {}
  uint64_t now() const;
  uint64_t pending_time();
  Result<Receipt> accept(BlockEntry entry);
  // The registration admission check described at submit().
  Status admit_registration(const UserOperation& op, ByteView certificate) const;
  Result<Receipt> accept_system(EntryKind kind, Bytes body);
  Status reload_state();
  Status verify_stored_chain();

  ChainStore store_;
  ChainConfig config_;
  WorldState state_;
  Block head_;                        // last committed block (header; entries not kept)
  std::vector<BlockEntry> pending_;
  std::optional<uint64_t> pending_timestamp_;
  uint64_t pending_drops_ = 0;
};

}  // namespace okmpc::chain
