// Simulated chain costs: UserOp validation + inclusion throughput with fsync
// on (blocks of 100), validation alone, and the primitives it is made of
// (Keccak-256, ABI encoding, userOpHash, ecrecover as the single-operation
// baseline).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "chain/okto_chain.hpp"
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
// blocks of 100, each block one fsynced SQLite transaction.
void BM_ChainSubmitBlocksOf100(benchmark::State& state) {
  BenchChain bc(100);
  const EntryPointConfig ep = bc.chain->config().entry_point;
  std::vector<UserOperation> batch;
  for (auto _ : state) {
    state.PauseTiming();
    batch.clear();
    for (int i = 0; i < 100; ++i) batch.push_back(bc.user.transfer(bc.next_seq++, ep));
    state.ResumeTiming();
    for (const UserOperation& op : batch) {
      auto r = bc.chain->submit(op);
      if (!r) state.SkipWithError(r.error().message.c_str());
    }
  }
  state.SetItemsProcessed(state.iterations() * 100);
  state.counters["blocks"] = benchmark::Counter(static_cast<double>(state.iterations()));
  state.counters["ops_per_s"] = benchmark::Counter(static_cast<double>(state.iterations() * 100), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ChainSubmitBlocksOf100)->Unit(benchmark::kMillisecond)->MinTime(2.0)->UseRealTime();

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
