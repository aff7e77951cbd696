#include "chain/user_op_builder.hpp"

#include "chain/account_factory.hpp"
#include "session/abi.hpp"

namespace okmpc::chain {

UserOperation build_account_operation(const eth::Address& sender, const Uint256& nonce, const AccountCall& call,
                                      uint64_t max_fee_per_gas, uint64_t max_priority_fee_per_gas,
                                      const std::optional<eth::Address>& paymaster_client) {
  UserOperation op;
  op.sender = sender;
  op.nonce = nonce;
  op.call_data = encode_account_call(call);
  op.call_gas_limit = Uint256::from_u64(kDefaultCallGasLimit);
  op.verification_gas_limit = Uint256::from_u64(kDefaultVerificationGasLimit);
  op.pre_verification_gas = Uint256::from_u64(kDefaultPreVerificationGas);
  op.max_fee_per_gas = Uint256::from_u64(max_fee_per_gas);
  op.max_priority_fee_per_gas = Uint256::from_u64(max_priority_fee_per_gas);
  if (paymaster_client) {
    op.paymaster = kPaymaster;
    op.paymaster_verification_gas_limit = Uint256::from_u64(50'000);
    op.paymaster_post_op_gas_limit = Uint256::from_u64(10'000);
    op.paymaster_data = abi::encode_address(*paymaster_client);
  }
  return op;
}

void add_deployment(UserOperation& op, const eth::Address& owner) {
  op.factory = kAccountFactory;
  op.factory_data = create_account_call(owner);
}

Result<Hash32> sign_user_operation(UserOperation& op, const session::PrivateKey& key, const EntryPointConfig& config) {
  OKMPC_ASSIGN_OR_RETURN(Hash32 h, user_operation_hash(op, config.entry_point, config.chain_id, config.hash_mode));
  OKMPC_ASSIGN_OR_RETURN(session::Signature sig, session::personal_sign_raw32(key, h));
  op.signature.assign(sig.begin(), sig.end());
  return h;
}

}  // namespace okmpc::chain
