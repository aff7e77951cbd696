#include "chain/user_operation.hpp"

#include "session/abi.hpp"

namespace okmpc::chain {
namespace {

Status check_u128(const Uint256& v, std::string_view field) {
  if (v.bit_length() > 128) {
    return fail(ErrorCode::kInvalidArgument, "UserOperation." + std::string(field) + " exceeds uint128");
  }
  return ok();
}

// hi(16) ‖ lo(16) as one bytes32 word.
ByteArray<32> pack_u128_pair(const Uint256& hi, const Uint256& lo) {
  ByteArray<32> w{};
  std::copy(hi.bytes().begin() + 16, hi.bytes().end(), w.begin());
  std::copy(lo.bytes().begin() + 16, lo.bytes().end(), w.begin() + 16);
  return w;
}

}  // namespace

std::string_view to_string(HashMode mode) {
  switch (mode) {
    case HashMode::kErc4337V07: return "erc4337-v07";
    case HashMode::kOkto: return "okto";
    case HashMode::kErc4337V06: return "erc4337-v06";
  }
  return "?";
}

Result<HashMode> parse_hash_mode(std::string_view text) {
  for (HashMode m : {HashMode::kErc4337V07, HashMode::kOkto, HashMode::kErc4337V06}) {
    if (text == to_string(m)) return m;
  }
  return fail(ErrorCode::kInvalidArgument,
              "unknown UserOperation hash mode '" + std::string(text) + "' (erc4337-v07, okto, erc4337-v06)");
}

Status check_well_formed(const UserOperation& op) {
  OKMPC_TRY(check_u128(op.call_gas_limit, "callGasLimit"));
  OKMPC_TRY(check_u128(op.verification_gas_limit, "verificationGasLimit"));
  OKMPC_TRY(check_u128(op.max_fee_per_gas, "maxFeePerGas"));
  OKMPC_TRY(check_u128(op.max_priority_fee_per_gas, "maxPriorityFeePerGas"));
  OKMPC_TRY(check_u128(op.paymaster_verification_gas_limit, "paymasterVerificationGasLimit"));
  OKMPC_TRY(check_u128(op.paymaster_post_op_gas_limit, "paymasterPostOpGasLimit"));
  if (!op.factory && !op.factory_data.empty()) {
    return fail(ErrorCode::kInvalidArgument, "UserOperation.factoryData given without a factory");
  }
  if (!op.paymaster && (!op.paymaster_data.empty() || !op.paymaster_verification_gas_limit.is_zero() ||
                        !op.paymaster_post_op_gas_limit.is_zero())) {
    return fail(ErrorCode::kInvalidArgument, "UserOperation paymaster fields given without a paymaster");
  }
  return ok();
}

Bytes init_code(const UserOperation& op) {
  Bytes out;
  if (op.factory) {
    append(out, *op.factory);
    append(out, op.factory_data);
  }
  return out;
}

Bytes paymaster_and_data_v07(const UserOperation& op) {
  Bytes out;
  if (op.paymaster) {
    append(out, *op.paymaster);
    append(out, ByteView(op.paymaster_verification_gas_limit.bytes()).last(16));
    append(out, ByteView(op.paymaster_post_op_gas_limit.bytes()).last(16));
    append(out, op.paymaster_data);
  }
  return out;
}

Result<Hash32> user_operation_hash(const UserOperation& op, const eth::Address& entry_point,
                                   const Uint256& chain_id, HashMode mode) {
  OKMPC_TRY(check_well_formed(op));
  using abi::Value;
  Bytes packed;
  if (mode == HashMode::kErc4337V06) {
    if (!op.paymaster_verification_gas_limit.is_zero() || !op.paymaster_post_op_gas_limit.is_zero()) {
      return fail(ErrorCode::kInvalidArgument, "EntryPoint v0.6 UserOperations carry no paymaster gas limits");
    }
    Bytes pm_and_data;
    if (op.paymaster) {
      append(pm_and_data, *op.paymaster);
      append(pm_and_data, op.paymaster_data);
    }
    packed = abi::encode({Value::address(op.sender), Value::uint256(op.nonce),
                          Value::bytes32(keccak256(init_code(op))), Value::bytes32(keccak256(op.call_data)),
                          Value::uint256(op.call_gas_limit), Value::uint256(op.verification_gas_limit),
                          Value::uint256(op.pre_verification_gas), Value::uint256(op.max_fee_per_gas),
                          Value::uint256(op.max_priority_fee_per_gas), Value::bytes32(keccak256(pm_and_data))});
  } else {
    const ByteArray<32> gas_fees = mode == HashMode::kOkto
                                       ? pack_u128_pair(op.max_fee_per_gas, op.max_priority_fee_per_gas)
                                       : pack_u128_pair(op.max_priority_fee_per_gas, op.max_fee_per_gas);
    packed = abi::encode({Value::address(op.sender), Value::uint256(op.nonce),
                          Value::bytes32(keccak256(init_code(op))), Value::bytes32(keccak256(op.call_data)),
                          Value::bytes32(pack_u128_pair(op.verification_gas_limit, op.call_gas_limit)),
                          Value::uint256(op.pre_verification_gas), Value::bytes32(gas_fees),
                          Value::bytes32(keccak256(paymaster_and_data_v07(op)))});
  }
  return keccak256(abi::encode({Value::bytes32(keccak256(packed)), Value::address(entry_point), Value::uint256(chain_id)}));
}

}  // namespace okmpc::chain
