// ERC-4337 UserOperation (EntryPoint v0.7 "unpacked" form, field names as in
// viem) and its hash in three named modes:
//
//  - kErc4337V07 ("erc4337-v07"): EntryPoint v0.7 `getUserOpHash`, identical
//    to viem's getUserOperationHash({entryPointVersion: '0.7'}):
//      packed = abi.encode(sender, nonce, keccak256(initCode),
//                          keccak256(callData), accountGasLimits,
//                          preVerificationGas, gasFees,
//                          keccak256(paymasterAndData))
//      accountGasLimits = verificationGasLimit(16) ‖ callGasLimit(16)
//      gasFees          = maxPriorityFeePerGas(16) ‖ maxFeePerGas(16)
//      userOpHash = keccak256(abi.encode(keccak256(packed), entryPoint, chainId))
//    (ERC-4337, "UserOperation" and EntryPoint v0.7 UserOperationLib.encode)
//  - kOkto ("okto"): the same with the gasFees pair swapped,
//      gasFees = maxFeePerGas(16) ‖ maxPriorityFeePerGas(16)
//    as Okto's SDK packs it.
//  - kErc4337V06 ("erc4337-v06"): EntryPoint v0.6, unpacked gas fields:
//      packed = abi.encode(sender, nonce, keccak256(initCode),
//        keccak256(callData), callGasLimit, verificationGasLimit,
//        preVerificationGas, maxFeePerGas, maxPriorityFeePerGas,
//        keccak256(paymasterAndData))
//    with paymasterAndData = paymaster ‖ paymasterData (v0.6 has no separate
//    paymaster gas limits; they must be zero in this mode).
//
// initCode = factory ‖ factoryData (empty without a factory);
// v0.7 paymasterAndData = paymaster ‖ pmVerificationGasLimit(16) ‖
// pmPostOpGasLimit(16) ‖ paymasterData (empty without a paymaster).
// All data is public; nothing here is constant-time.
#pragma once

#include <optional>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/uint256.hpp"

namespace okmpc::chain {

struct UserOperation {
  eth::Address sender{};
  Uint256 nonce;
  std::optional<eth::Address> factory;
  Bytes factory_data;
  Bytes call_data;
  Uint256 call_gas_limit;                    // uint128 in v0.7
  Uint256 verification_gas_limit;            // uint128 in v0.7
  Uint256 pre_verification_gas;              // uint256
  Uint256 max_fee_per_gas;                   // uint128 in v0.7
  Uint256 max_priority_fee_per_gas;          // uint128 in v0.7
  std::optional<eth::Address> paymaster;
  Uint256 paymaster_verification_gas_limit;  // uint128
  Uint256 paymaster_post_op_gas_limit;       // uint128
  Bytes paymaster_data;
  Bytes signature;

  friend bool operator==(const UserOperation&, const UserOperation&) = default;
};

enum class HashMode { kErc4337V07, kOkto, kErc4337V06 };

// "erc4337-v07", "okto", "erc4337-v06".
std::string_view to_string(HashMode mode);
// Inverse of to_string; anything else is kInvalidArgument.
Result<HashMode> parse_hash_mode(std::string_view text);

// Structural checks every hash mode needs: the uint128 fields fit in 16
// bytes, factoryData only with a factory, paymaster fields only with a
// paymaster. kInvalidArgument naming the field otherwise.
Status check_well_formed(const UserOperation& op);

// factory ‖ factoryData, or empty.
Bytes init_code(const UserOperation& op);
// v0.7 packing (see above), or empty. Requires check_well_formed(op).
Bytes paymaster_and_data_v07(const UserOperation& op);

// The userOpHash of `op` for `entry_point` on `chain_id`. Errors: those of
// check_well_formed; in kErc4337V06 mode nonzero paymaster gas limits are
// kInvalidArgument (v0.6 cannot carry them).
Result<Hash32> user_operation_hash(const UserOperation& op, const eth::Address& entry_point,
                                   const Uint256& chain_id, HashMode mode);

}  // namespace okmpc::chain
