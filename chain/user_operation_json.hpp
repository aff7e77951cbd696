// UserOperation <-> JSON with viem's EntryPoint v0.7 field names:
//   sender, nonce, factory, factoryData, callData, callGasLimit,
//   verificationGasLimit, preVerificationGas, maxFeePerGas,
//   maxPriorityFeePerGas, paymaster, paymasterVerificationGasLimit,
//   paymasterPostOpGasLimit, paymasterData, signature
// Strict parsing: the top level must be an object; unknown fields, wrong JSON
// types and malformed values are kInvalidArgument naming the field (a key
// given twice: Boost.JSON keeps the last one). Required: sender, nonce, callData, callGasLimit,
// verificationGasLimit, preVerificationGas, maxFeePerGas,
// maxPriorityFeePerGas. Optional (absent or null): factory, factoryData,
// paymaster, paymaster gas limits, paymasterData, signature (default empty).
// Numbers are strings, "0x" hex or decimal (Uint256::parse); byte fields are
// "0x"-prefixed hex; addresses are checked with EIP-55 rules.
#pragma once

#include <string>
#include <string_view>

#include "chain/user_operation.hpp"
#include "mpc/error.hpp"

namespace okmpc::chain {

Result<UserOperation> user_operation_from_json(std::string_view json_text);

// The canonical JSON form: every field present, numbers as minimal "0x" hex,
// bytes as "0x" hex, addresses in EIP-55 case, absent factory/paymaster as
// null. user_operation_from_json(user_operation_to_json(op)) == op.
std::string user_operation_to_json(const UserOperation& op);

}  // namespace okmpc::chain
