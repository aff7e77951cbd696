// Building and signing UserOperations for the simulated chain (used by
// tests, the benchmark and the gateway).
#pragma once

#include <optional>

#include "chain/account_call.hpp"
#include "chain/entry_point.hpp"
#include "chain/user_operation.hpp"
#include "mpc/error.hpp"
#include "session/personal_sign.hpp"

namespace okmpc::chain {

// Gas fields every built UserOp carries (within the model's 64-bit range).
inline constexpr uint64_t kDefaultCallGasLimit = 100'000;
inline constexpr uint64_t kDefaultVerificationGasLimit = 150'000;
inline constexpr uint64_t kDefaultPreVerificationGas = 50'000;

// A UserOp from `sender` with `nonce` calling `call`, default gas limits and
// the given fees. With `paymaster_client`, the chain's paymaster pays from
// that client's budget (paymasterData = abi.encode(client), paymaster gas
// limits 50,000 / 10,000); otherwise the SWA pays from its native balance.
UserOperation build_account_operation(const eth::Address& sender, const Uint256& nonce, const AccountCall& call,
                                      uint64_t max_fee_per_gas, uint64_t max_priority_fee_per_gas,
                                      const std::optional<eth::Address>& paymaster_client);

// Sets op.factory/op.factoryData so that the UserOp deploys the SWA of
// `owner` (which must be op.sender).
void add_deployment(UserOperation& op, const eth::Address& owner);

// Computes the userOpHash for `config` and sets op.signature to the EIP-191
// personal-sign signature of its 32 bytes by `key` (what the EntryPoint
// model verifies). Returns the hash. Errors of user_operation_hash; an
// invalid key is kInvalidScalar.
Result<Hash32> sign_user_operation(UserOperation& op, const session::PrivateKey& key, const EntryPointConfig& config);

}  // namespace okmpc::chain
