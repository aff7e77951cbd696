// The EntryPoint model: ERC-4337 v0.7 validation and execution of one
// UserOperation against the world state, natively (no EVM). Order of checks
// (ERC-4337 "EntryPoint definition" / EntryPoint v0.7 _validatePrepayment,
// _validateAccountAndPaymasterValidationData), each with the reason string
// the real EntryPoint uses where one exists:
//
//  1. gas fields fit the model's 64-bit gas/fee arithmetic  AA94 gas values overflow
//  2. deployment: factory given -> the sender must not exist (AA10 sender
//     already constructed), the factory must be ours and the data
//     createAccount(owner, 0) (AA13 initCode failed or OOG), the created
//     address must equal sender (AA14 initCode must return sender); no
//     factory -> the sender must exist (AA20 account not deployed)
//  3. signature: 65-byte r‖s‖v over the EIP-191 personal-sign digest of the
//     32-byte userOpHash (viem smart accounts' signMessage({raw: userOpHash}));
//     the recovered address must be the SWA's owner, or a session key
//     registered to this SWA and not revoked            AA24 signature error
//  4. nonce: key = nonce >> 64, sequence = low 64 bits; the sequence must be
//     the next one for (sender, key)                    AA25 invalid account nonce
//  5. time window of a session signer: validAfter <= now <= validUntil
//                                                        AA22 expired or not due
//  6. prefund: cost = (verificationGasLimit + callGasLimit +
//     preVerificationGas + paymasterVerificationGasLimit +
//     paymasterPostOpGasLimit) * maxFeePerGas, charged in full (no refund),
//     from the paymaster's budget for the client named in paymasterData =
//     abi.encode(address client) (AA30 paymaster not deployed, AA33 reverted,
//     AA31 paymaster deposit too low), or without a paymaster from the
//     SWA's native balance (token address 0)             AA21 didn't pay prefund
//  7. execution of the account call (chain/account_call.hpp):
//     registerSession / revokeSession need the owner     NOT_OWNER
//     registerSession: validUntil >= now                 AA22 expired or not due
//                      validAfter <= validUntil          INVALID_SESSION_WINDOW
//                      not registered to another SWA     SESSION_ALREADY_REGISTERED
//                      not revoked before                SESSION_REVOKED
//     revokeSession: a session of this SWA               SESSION_NOT_FOUND
//     transferToken: by a session key, token = the policy's token and
//                    spent + amount <= limit             POLICY_LIMIT_EXCEEDED
//                    balance >= amount                   INSUFFICIENT_BALANCE
//     undecodable callData                               EXECUTION_REVERTED
// Deviation from ERC-4337: a failing execution (7) rejects the whole
// UserOp (no nonce increment, no gas charged) instead of including it with
// success = false, so every rejection leaves the state unchanged.
#pragma once

#include <string_view>

#include "chain/user_operation.hpp"
#include "chain/world_state.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "session/uint256.hpp"

namespace okmpc::chain {

// The address the paymaster model lives at (one paymaster, budget per client).
inline constexpr eth::Address kPaymaster = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0x38};
// Token address of the chain's native currency (gas prefund without paymaster).
inline constexpr eth::Address kNativeToken = {};

struct EntryPointConfig {
  eth::Address entry_point{};
  Uint256 chain_id;
  HashMode hash_mode = HashMode::kErc4337V07;
};

// Who signed a UserOp, once validated.
enum class Signer { kOwner, kSession };

struct ExecutedUserOp {
  Hash32 user_op_hash{};
  Signer signer = Signer::kOwner;
  eth::Address signer_address{};
};

// Validates `op` at block time `now` against the state seen through `txn`
// and records its effects in `txn`. On success the caller commits txn; on
// failure it must discard txn (the base state was never touched). Errors
// carry the reason above as the start of their message, with codes:
// AA24 kVerificationFailed, AA25 kReplay, AA22 kExpired, AA20/AA30/
// SESSION_NOT_FOUND kNotFound, AA10/SESSION_ALREADY_REGISTERED kAlreadyExists,
// NOT_OWNER/SESSION_REVOKED kPermissionDenied, AA21/AA31/POLICY_LIMIT_EXCEEDED/
// INSUFFICIENT_BALANCE kPolicyViolation, the rest kInvalidArgument.
Result<ExecutedUserOp> execute_user_operation(StateTxn& txn, const UserOperation& op, uint64_t now,
                                               const EntryPointConfig& config);

// The nonce of (key, sequence) as ERC-4337 v0.7 composes it: key << 64 | seq.
// kInvalidArgument if key needs more than 192 bits.
Result<Uint256> compose_nonce(const Uint256& key, uint64_t sequence);

}  // namespace okmpc::chain
