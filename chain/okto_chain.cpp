#include "chain/okto_chain.hpp"

#include <algorithm>
#include <chrono>
#include <system_error>

#include "chain/account_call.hpp"
#include "chain/state_format.hpp"
#include "chain/system_entry.hpp"
#include "chain/user_operation_json.hpp"
#include "mpc/hex.hpp"

namespace okmpc::chain {

Result<OktoChain> OktoChain::open(const std::filesystem::path& data_dir, ChainConfig config) {
  if (config.ops_per_block == 0) return fail(ErrorCode::kInvalidArgument, "ops_per_block must be at least 1");
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return fail(ErrorCode::kIo, "cannot create chain data directory " + data_dir.string() + ": " + ec.message());
  OKMPC_ASSIGN_OR_RETURN(ChainStore store, ChainStore::open(data_dir / "chain.sqlite"));
  OKMPC_TRY(bind_state_format(store));  // first: a refused database gets no other rows
  OKMPC_TRY(store.bind_meta("entry_point", eth::to_checksum(config.entry_point.entry_point)));
  OKMPC_TRY(store.bind_meta("chain_id", config.entry_point.chain_id.to_decimal_string()));
  OKMPC_TRY(store.bind_meta("hash_mode", std::string(to_string(config.entry_point.hash_mode))));
  OktoChain chain(std::move(store), std::move(config));
  OKMPC_ASSIGN_OR_RETURN(auto head, chain.store_.load_head());
  if (!head) {
    Block genesis;
    genesis.timestamp = chain.now();
    genesis.state_root = chain.state_.root();
    genesis.ops_root = compute_ops_root(genesis.entries);
    genesis.hash = compute_block_hash(genesis);
    OKMPC_TRY(chain.store_.append_block(genesis, {}));
  }
  OKMPC_TRY(chain.verify_stored_chain());
  return chain;
}

Result<OktoChain> OktoChain::open_existing(const std::filesystem::path& data_dir, uint32_t ops_per_block) {
  const auto file = data_dir / "chain.sqlite";
  if (!std::filesystem::exists(file)) return fail(ErrorCode::kNotFound, "no chain database at " + file.string());
  ChainConfig config;
  config.ops_per_block = ops_per_block;
  {
    OKMPC_ASSIGN_OR_RETURN(ChainStore store, ChainStore::open(file));
    OKMPC_ASSIGN_OR_RETURN(auto ep, store.meta("entry_point"));
    OKMPC_ASSIGN_OR_RETURN(auto id, store.meta("chain_id"));
    OKMPC_ASSIGN_OR_RETURN(auto mode, store.meta("hash_mode"));
    if (!ep || !id || !mode) return fail(ErrorCode::kCorrupted, "chain database lacks its configuration (meta table)");
    auto ep_addr = eth::parse_address(*ep);
    auto chain_id = Uint256::parse(*id);
    auto hash_mode = parse_hash_mode(*mode);
    if (!ep_addr || !chain_id || !hash_mode) return fail(ErrorCode::kCorrupted, "chain database has a malformed configuration");
    config.entry_point = EntryPointConfig{*ep_addr, *chain_id, *hash_mode};
  }
  return open(data_dir, std::move(config));
}

uint64_t OktoChain::now() const {
  if (config_.clock) return config_.clock();
  return static_cast<uint64_t>(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count());
}

uint64_t OktoChain::pending_time() {
  if (!pending_timestamp_) pending_timestamp_ = std::max(head_.timestamp, now());
  return *pending_timestamp_;
}

Status OktoChain::reload_state() {
  state_ = WorldState();
  pending_.clear();
  pending_timestamp_.reset();
  OKMPC_TRY(store_.load_state(state_));
  OKMPC_ASSIGN_OR_RETURN(auto head, store_.load_head());
  if (!head) return fail(ErrorCode::kCorrupted, "chain database has no blocks");
  head_ = std::move(*head);
  head_.entries.clear();
  return ok();
}

Result<Receipt> OktoChain::accept(BlockEntry entry) {
  Receipt r{entry.hash, head_.number + 1, false};
  pending_.push_back(std::move(entry));
  if (pending_.size() >= config_.ops_per_block) {
    OKMPC_TRY(seal_block());
    r.included = true;
  }
  return r;
}

Result<std::optional<Block>> OktoChain::seal_block() {
  if (pending_.empty()) return std::optional<Block>();
  Block b;
  b.number = head_.number + 1;
  b.parent_hash = head_.hash;
  b.timestamp = pending_time();
  b.state_root = state_.root();
  b.entries = std::move(pending_);
  b.ops_root = compute_ops_root(b.entries);
  b.hash = compute_block_hash(b);
  pending_.clear();
  pending_timestamp_.reset();
  auto written = store_.append_block(b, state_.take_dirty());
  if (!written) {
    ++pending_drops_;  // the block's entries are gone; their submitters must hear it
    Error err = written.error();
    auto reloaded = reload_state();
    if (!reloaded) err.message += "; reloading the state also failed: " + reloaded.error().message;
    return tl::unexpected(err);
  }
  head_ = header_of(b);
  return std::optional<Block>(std::move(b));
}

Status OktoChain::admit_registration(const UserOperation& op, ByteView certificate) const {
  if (!config_.registration_authorizer) return ok();
  auto call = decode_account_call(op.call_data);
  if (!call) return ok();  // not a registration; execution reports the bad callData
  const auto* reg = std::get_if<RegisterSession>(&*call);
  if (reg == nullptr) return ok();
  if (certificate.empty()) {
    return fail(ErrorCode::kPermissionDenied,
                "AUTH_QUORUM_REQUIRED registerSession without an auth quorum certificate");
  }
  const RegistrationClaim claim{op.sender, reg->session, reg->valid_until};
  if (auto accepted = config_.registration_authorizer(certificate, claim); !accepted) {
    return fail(ErrorCode::kPermissionDenied, "AUTH_QUORUM_INVALID " + accepted.error().message);
  }
  return ok();
}

Result<Receipt> OktoChain::submit(const UserOperation& op, ByteView registration_certificate) {
  OKMPC_TRY(admit_registration(op, registration_certificate));
  StateTxn txn(state_);
  auto done = execute_user_operation(txn, op, pending_time(), config_.entry_point);
  if (!done) {
    if (pending_.empty()) pending_timestamp_.reset();  // the next entry reads the clock afresh
    return tl::unexpected(done.error());
  }
  txn.commit();
  std::string body = user_operation_to_json(op);
  return accept(BlockEntry{EntryKind::kUserOp, done->user_op_hash, Bytes(body.begin(), body.end())});
}

Result<Receipt> OktoChain::accept_system(EntryKind kind, Bytes body) {
  StateTxn txn(state_);
  OKMPC_TRY(apply_system_entry(txn, kind, body));
  txn.commit();
  pending_time();
  Hash32 h = system_entry_hash(kind, head_.number + 1, static_cast<uint32_t>(pending_.size()), body);
  return accept(BlockEntry{kind, h, std::move(body)});
}

Result<Receipt> OktoChain::deploy_swa(const eth::Address& owner) {
  return accept_system(EntryKind::kDeploySwa, deploy_swa_body(owner));
}

Result<Receipt> OktoChain::mint(const eth::Address& token, const eth::Address& to, const Uint256& amount) {
  return accept_system(EntryKind::kMint, mint_body(token, to, amount));
}

Result<Receipt> OktoChain::fund_paymaster(const eth::Address& client, const Uint256& amount) {
  return accept_system(EntryKind::kFundPaymaster, fund_paymaster_body(client, amount));
}

Result<Hash32> OktoChain::user_op_hash(const UserOperation& op) const {
  return user_operation_hash(op, config_.entry_point.entry_point, config_.entry_point.chain_id, config_.entry_point.hash_mode);
}

std::optional<SessionRecord> OktoChain::session(const eth::Address& a) const { return StateTxn::read_only(state_).session(a); }
std::optional<SpendPolicy> OktoChain::policy(const eth::Address& a) const { return StateTxn::read_only(state_).policy(a); }

std::optional<eth::Address> OktoChain::swa_of_owner(const eth::Address& owner) const {
  const eth::Address swa = swa_address_for_owner(owner).address;
  if (!StateTxn::read_only(state_).swa_owner(swa)) return std::nullopt;
  return swa;
}

std::optional<eth::Address> OktoChain::owner_of_swa(const eth::Address& swa) const {
  return StateTxn::read_only(state_).swa_owner(swa);
}

Uint256 OktoChain::balance(const eth::Address& token, const eth::Address& holder) const {
  return StateTxn::read_only(state_).balance(token, holder);
}

Uint256 OktoChain::paymaster_budget(const eth::Address& client) const {
  return StateTxn::read_only(state_).paymaster_budget(client);
}

uint64_t OktoChain::next_nonce_sequence(const eth::Address& sender, const Uint256& key) const {
  NonceKey k;
  std::copy(key.bytes().begin() + 8, key.bytes().end(), k.begin());
  return StateTxn::read_only(state_).next_nonce(sender, k);
}

Result<std::optional<Block>> OktoChain::block(uint64_t number) const { return store_.load_block(number); }
Result<std::optional<uint64_t>> OktoChain::block_of_entry(const Hash32& hash) const { return store_.find_entry(hash); }
Status OktoChain::for_each_block(const std::function<Status(const Block&)>& visit) const {
  return store_.for_each_block(visit);
}

}  // namespace okmpc::chain
