// Simulated chain costs: UserOp validation + inclusion throughput with fsync
// on (blocks of 100), validation alone, the state root after a change (v2
// incremental against the v1 full re-hash) and the primitives it is made of
// (Keccak-256, ABI encoding, userOpHash, ecrecover as the single-operation
// baseline).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "chain/okto_chain.hpp"
#include "chain/state_format.hpp"
#include "chain/user_op_builder.hpp"
#include "mpc/hash.hpp"
#include "session/abi.hpp"
#include "session/personal_sign.hpp"

namespace okmpc::chain {
namespace {

session::PrivateKey key_from_u64(uint64_t v) {
  ByteArray<32> k{};
  for (size_t i = 0; i < 8; ++i) k[31 - i] = static_cast<uint8_t>(v >> (8 * i));
  return session::PrivateKey(k);
}

eth::Address address_of(const session::PrivateKey& k) { return *eth::address_from_public_key(*session::public_key_of(k)); }

constexpr uint64_t kNow = 1'800'000'000;

// One onboarded user whose session key sends token transfers.
struct BenchUser {
  session::PrivateKey owner_key = key_from_u64(0xb0b);
  eth::Address owner = address_of(owner_key);
  eth::Address swa = swa_address_for_owner(owner).address;
  session::PrivateKey session_key = key_from_u64(0x5e55);
  eth::Address session_addr = address_of(session_key);
  eth::Address client{0x0c};
  eth::Address token{0x70};
  eth::Address to{0x99};

  UserOperation transfer(uint64_t seq, const EntryPointConfig& ep) const {
    UserOperation op = build_account_operation(swa, Uint256::from_u64(seq), TransferToken{token, to, Uint256::from_u64(1)}, 1, 1, client);
    (void)sign_user_operation(op, session_key, ep);
    return op;
  }
};

struct BenchChain {
  std::filesystem::path dir;
  std::optional<OktoChain> chain;
  BenchUser user;
  uint64_t next_seq = 1;

  explicit BenchChain(uint32_t ops_per_block) {
    dir = std::filesystem::temp_directory_path() / ("okmpc-chain-bench-" + std::to_string(::getpid()) + "-" + std::to_string(ops_per_block));
    std::filesystem::remove_all(dir);
    ChainConfig cfg;
    cfg.ops_per_block = ops_per_block;
    cfg.clock = [] { return kNow; };
    chain.emplace(std::move(*OktoChain::open(dir, cfg)));
    (void)chain->fund_paymaster(user.client, *Uint256::parse("1000000000000000000000"));
    (void)chain->mint(user.token, user.swa, *Uint256::parse("1000000000000"));
    UserOperation reg = build_account_operation(
        user.swa, Uint256(), RegisterSession{user.session_addr, 0, kNow + 864000, user.token, *Uint256::parse("1000000000000")}, 1, 1, user.client);
    add_deployment(reg, user.owner);
    (void)sign_user_operation(reg, user.owner_key, chain->config().entry_point);
    if (!chain->submit(reg)) std::abort();
    (void)chain->seal_block();
  }
  ~BenchChain() {
    chain.reset();
    std::filesystem::remove_all(dir);
  }
};

// Session-signed TOKEN_TRANSFER UserOps validated, executed and included in
// blocks of `ops`, each block one fsynced SQLite transaction.
void submit_in_blocks(benchmark::State& state, uint32_t ops) {
  BenchChain bc(ops);
  const EntryPointConfig ep = bc.chain->config().entry_point;
  std::vector<UserOperation> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (uint32_t i = 0; i < ops; ++i) batch.push_back(bc.user.transfer(bc.next_seq++, ep));
    state.ResumeTiming();
    for (const UserOperation& op : batch) {
      auto r = bc.chain->submit(op);
      if (!r) state.SkipWithError(r.error().message.c_str());
    }
  }
  state.SetItemsProcessed(state.iterations() * ops);
  state.counters["blocks"] = benchmark::Counter(static_cast<double>(state.iterations()));
  state.counters["ops_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * ops), benchmark::Counter::kIsRate);
}

void BM_ChainSubmitBlocksOf100(benchmark::State& state) { submit_in_blocks(state, 100); }
BENCHMARK(BM_ChainSubmitBlocksOf100)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

// Small blocks, as the gateway's group commit seals them under light load:
// the per-block costs (header, SQLite transaction, state root) dominate.
void BM_ChainSubmitBlocksOf4(benchmark::State& state) { submit_in_blocks(state, 4); }
BENCHMARK(BM_ChainSubmitBlocksOf4)->Unit(benchmark::kMillisecond)->UseRealTime();

// Validation + execution only (no storage): execute_user_operation on a
// transaction that is dropped.
void BM_ChainValidateUserOp(benchmark::State& state) {
  BenchChain bc(1);
  const EntryPointConfig ep = bc.chain->config().entry_point;
  UserOperation op = bc.user.transfer(bc.next_seq, ep);
  WorldState ws = bc.chain->state();  // a private copy to validate against
  for (auto _ : state) {
    StateTxn txn(ws);
    auto r = execute_user_operation(txn, op, kNow, ep);
    if (!r) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ChainValidateUserOp);

// The per-block cost without signatures: blocks of 4 operator mints on a
// chain whose state already holds `entries` balances (2,400 is about what
// the gateway's demo leaves after 400 users). Each block: execute, header,
// state root, one fsynced SQLite transaction.
void BM_ChainMintBlocksOf4(benchmark::State& state) {
  BenchChain bc(256);
  const Uint256 one = Uint256::from_u64(1);
  for (int64_t i = 0; i < state.range(0); ++i) {
    eth::Address holder{};
    for (size_t b = 0; b < 8; ++b) holder[b + 1] = static_cast<uint8_t>(i >> (8 * b));
    if (!bc.chain->mint(bc.user.token, holder, one)) std::abort();
  }
  if (!bc.chain->seal_block()) std::abort();
  for (auto _ : state) {
    for (int i = 0; i < 4; ++i) (void)bc.chain->mint(bc.user.token, bc.user.to, one);
    auto sealed = bc.chain->seal_block();
    if (!sealed || !*sealed) state.SkipWithError("seal failed");
  }
  state.counters["entries"] = static_cast<double>(bc.chain->state().entries().size());
}
BENCHMARK(BM_ChainMintBlocksOf4)->Arg(2'400)->Arg(20'000)->Unit(benchmark::kMicrosecond);

// A state of `n` token balances (key 0x05 ‖ token ‖ holder), as a chain
// with n/2 users holding two tokens each would have.
WorldState state_with_balances(int64_t n) {
  WorldState ws;
  StateTxn txn(ws);
  for (int64_t i = 0; i < n; ++i) {
    eth::Address holder{};
    for (size_t b = 0; b < 8; ++b) holder[b] = static_cast<uint8_t>((i / 2) >> (8 * b));
    txn.set_balance(eth::Address{static_cast<uint8_t>(0x70 + i % 2)}, holder, Uint256::from_u64(1 + static_cast<uint64_t>(i)));
  }
  txn.commit();
  (void)ws.take_dirty();
  (void)ws.root();
  return ws;
}

// One balance changes, then `root_of(ws)` is computed: what sealing a block
// pays for its state root.
template <class RootOf>
void state_root_after_one_change(benchmark::State& state, RootOf root_of) {
  WorldState ws = state_with_balances(state.range(0));
  const eth::Address token{0x70}, holder{};
  uint64_t v = 1;
  for (auto _ : state) {
    StateTxn txn(ws);
    txn.set_balance(token, holder, Uint256::from_u64(++v));
    txn.commit();
    benchmark::DoNotOptimize(root_of(ws));
  }
  state.counters["entries"] = static_cast<double>(ws.entries().size());
}

// v2: only the changed bucket, its group and the top are re-hashed. Should
// be flat in the number of entries.
void BM_StateRootAfterOneChange(benchmark::State& state) {
  state_root_after_one_change(state, [](const WorldState& ws) { return ws.root(); });
}
BENCHMARK(BM_StateRootAfterOneChange)->Arg(1'000)->Arg(100'000)->Unit(benchmark::kMicrosecond);

// The retired v1 root (one Keccak-256 over the whole sorted state, what
// every sealed block paid before v2): linear in the entries.
void BM_StateRootV1AfterOneChange(benchmark::State& state) {
  state_root_after_one_change(state, [](const WorldState& ws) { return state_root_v1(ws.entries()); });
}
BENCHMARK(BM_StateRootV1AfterOneChange)->Arg(1'000)->Arg(100'000)->Unit(benchmark::kMicrosecond);

// Baseline: one libsecp256k1 public-key recovery (the signature check).
void BM_ChainBaselineEcrecover(benchmark::State& state) {
  BenchUser u;
  Hash32 h = keccak256(as_bytes("baseline"));
  auto sig = *session::personal_sign_raw32(u.session_key, h);
  for (auto _ : state) benchmark::DoNotOptimize(session::recover_personal_raw32(h, sig));
}
BENCHMARK(BM_ChainBaselineEcrecover);

void BM_ChainUserOpHashV07(benchmark::State& state) {
  BenchUser u;
  UserOperation op = u.transfer(1, EntryPointConfig{});
  for (auto _ : state) benchmark::DoNotOptimize(user_operation_hash(op, kOktoSandboxEntryPoint, Uint256::from_u64(1), HashMode::kErc4337V07));
}
BENCHMARK(BM_ChainUserOpHashV07);

void BM_ChainKeccak256(benchmark::State& state) {
  Bytes data(static_cast<size_t>(state.range(0)), 0xab);
  for (auto _ : state) benchmark::DoNotOptimize(keccak256(data));
  state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ChainKeccak256)->Arg(32)->Arg(256)->Arg(4096);

void BM_ChainAbiEncodeAddressAddressUint256(benchmark::State& state) {
  eth::Address a{1}, b{2};
  Uint256 v = Uint256::from_u64(12345);
  for (auto _ : state) benchmark::DoNotOptimize(abi::encode_address_address_uint256(a, b, v));
}
BENCHMARK(BM_ChainAbiEncodeAddressAddressUint256);

void BM_ChainAbiEncodeDynamicTuple(benchmark::State& state) {
  Bytes payload(200, 0x42);
  for (auto _ : state) {
    benchmark::DoNotOptimize(abi::encode({abi::Value::address(eth::Address{}), abi::Value::uint256(7),
                                          abi::Value::tuple({abi::Value::bytes(payload), abi::Value::bytes32(Hash32{})})}));
  }
}
BENCHMARK(BM_ChainAbiEncodeDynamicTuple);

}  // namespace
}  // namespace okmpc::chain
