#include "chain/entry_point.hpp"

#include <algorithm>

#include "chain/account_call.hpp"
#include "chain/account_factory.hpp"
#include "session/abi.hpp"
#include "session/personal_sign.hpp"

namespace okmpc::chain {
namespace {

tl::unexpected<Error> reject(ErrorCode code, std::string_view reason, const std::string& detail) {
  return tl::unexpected<Error>(Error(code, std::string(reason) + ": " + detail));
}

constexpr std::string_view kAA10 = "AA10 sender already constructed";
constexpr std::string_view kAA13 = "AA13 initCode failed or OOG";
constexpr std::string_view kAA14 = "AA14 initCode must return sender";
constexpr std::string_view kAA20 = "AA20 account not deployed";
constexpr std::string_view kAA21 = "AA21 didn't pay prefund";
constexpr std::string_view kAA22 = "AA22 expired or not due";
constexpr std::string_view kAA24 = "AA24 signature error";
constexpr std::string_view kAA25 = "AA25 invalid account nonce";
constexpr std::string_view kAA30 = "AA30 paymaster not deployed";
constexpr std::string_view kAA31 = "AA31 paymaster deposit too low";
constexpr std::string_view kAA33 = "AA33 reverted";
constexpr std::string_view kAA94 = "AA94 gas values overflow";

// Step 1 and the cost of step 6.
Result<Uint256> max_cost(const UserOperation& op) {
  uint64_t total = 0;
  for (const Uint256* g : {&op.verification_gas_limit, &op.call_gas_limit, &op.pre_verification_gas,
                           &op.paymaster_verification_gas_limit, &op.paymaster_post_op_gas_limit}) {
    auto v = g->to_u64();
    if (!v || __builtin_add_overflow(total, *v, &total)) {
      return reject(ErrorCode::kInvalidArgument, kAA94, "total gas exceeds 2^64-1 in this model");
    }
  }
  auto fee = op.max_fee_per_gas.to_u64();
  if (!fee) return reject(ErrorCode::kInvalidArgument, kAA94, "maxFeePerGas exceeds 2^64-1 in this model");
  return Uint256::mul_u64(total, *fee);
}

// Step 2: returns the SWA's owner (deploying it in txn if asked to).
Result<eth::Address> ensure_deployed(StateTxn& txn, const UserOperation& op) {
  auto owner = txn.swa_owner(op.sender);
  if (!op.factory) {
    if (!owner) return reject(ErrorCode::kNotFound, kAA20, eth::to_checksum(op.sender));
    return *owner;
  }
  if (owner) return reject(ErrorCode::kAlreadyExists, kAA10, eth::to_checksum(op.sender));
  if (*op.factory != kAccountFactory) {
    return reject(ErrorCode::kInvalidArgument, kAA13, "unknown factory " + eth::to_checksum(*op.factory));
  }
  auto new_owner = parse_create_account_call(op.factory_data);
  if (!new_owner) return reject(ErrorCode::kInvalidArgument, kAA13, new_owner.error().message);
  if (swa_address_for_owner(*new_owner).address != op.sender) {
    return reject(ErrorCode::kInvalidArgument, kAA14, "factory would create another address than sender");
  }
  txn.set_swa_owner(op.sender, *new_owner);
  return *new_owner;
}

// Step 6.
Status pay_prefund(StateTxn& txn, const UserOperation& op, const Uint256& cost) {
  if (!op.paymaster) {
    auto left = txn.balance(kNativeToken, op.sender).checked_sub(cost);
    if (!left) return reject(ErrorCode::kPolicyViolation, kAA21, "native balance below " + cost.to_decimal_string());
    txn.set_balance(kNativeToken, op.sender, *left);
    return ok();
  }
  if (*op.paymaster != kPaymaster) {
    return reject(ErrorCode::kNotFound, kAA30, eth::to_checksum(*op.paymaster));
  }
  auto words = abi::decode_static_words(op.paymaster_data, 1, "paymasterData");
  auto client = words ? abi::decode_address((*words)[0]) : tl::unexpected(words.error());
  if (!client) return reject(ErrorCode::kInvalidArgument, kAA33, "paymasterData must be abi.encode(address client)");
  auto left = txn.paymaster_budget(*client).checked_sub(cost);
  if (!left) {
    return reject(ErrorCode::kPolicyViolation, kAA31,
                  "budget of client " + eth::to_checksum(*client) + " below " + cost.to_decimal_string());
  }
  txn.set_paymaster_budget(*client, *left);
  return ok();
}

Status register_session(StateTxn& txn, const UserOperation& op, const RegisterSession& r, uint64_t now) {
  if (r.valid_until < now) {
    return reject(ErrorCode::kExpired, kAA22, "session validUntil " + std::to_string(r.valid_until) + " is in the past");
  }
  if (r.valid_after > r.valid_until) {
    return reject(ErrorCode::kInvalidArgument, "INVALID_SESSION_WINDOW", "validAfter is after validUntil");
  }
  if (auto existing = txn.session(r.session)) {
    if (existing->swa != op.sender) {
      return reject(ErrorCode::kAlreadyExists, "SESSION_ALREADY_REGISTERED",
                    eth::to_checksum(r.session) + " belongs to another account");
    }
    if (existing->revoked) return reject(ErrorCode::kPermissionDenied, "SESSION_REVOKED", eth::to_checksum(r.session));
  }
  txn.set_session(r.session, SessionRecord{op.sender, r.valid_after, r.valid_until, false});
  txn.set_policy(r.session, SpendPolicy{r.token, r.spend_limit, Uint256()});
  return ok();
}

Status revoke_session(StateTxn& txn, const UserOperation& op, const RevokeSession& r) {
  auto existing = txn.session(r.session);
  if (!existing || existing->swa != op.sender) {
    return reject(ErrorCode::kNotFound, "SESSION_NOT_FOUND", eth::to_checksum(r.session) + " is not a session of the sender");
  }
  existing->revoked = true;
  txn.set_session(r.session, *existing);
  return ok();
}

Status transfer_token(StateTxn& txn, const UserOperation& op, const TransferToken& t, const ExecutedUserOp& who) {
  if (who.signer == Signer::kSession) {
    auto policy = txn.policy(who.signer_address);
    if (!policy || policy->token != t.token) {
      return reject(ErrorCode::kPolicyViolation, "POLICY_LIMIT_EXCEEDED", "session may not spend token " + eth::to_checksum(t.token));
    }
    auto spent = policy->spent.checked_add(t.amount);
    if (!spent || *spent > policy->limit) {
      return reject(ErrorCode::kPolicyViolation, "POLICY_LIMIT_EXCEEDED",
                    "spent " + policy->spent.to_decimal_string() + " + " + t.amount.to_decimal_string() + " > limit " +
                        policy->limit.to_decimal_string());
    }
    policy->spent = *spent;
    txn.set_policy(who.signer_address, *policy);
  }
  auto from_left = txn.balance(t.token, op.sender).checked_sub(t.amount);
  if (!from_left) return reject(ErrorCode::kInvalidArgument, "INSUFFICIENT_BALANCE", eth::to_checksum(op.sender));
  txn.set_balance(t.token, op.sender, *from_left);
  auto to_new = txn.balance(t.token, t.to).checked_add(t.amount);
  if (!to_new) return reject(ErrorCode::kInvalidArgument, "EXECUTION_REVERTED", "recipient balance overflows");
  txn.set_balance(t.token, t.to, *to_new);
  return ok();
}

Status execute_call(StateTxn& txn, const UserOperation& op, const ExecutedUserOp& who, uint64_t now) {
  auto call = decode_account_call(op.call_data);
  if (!call) return reject(ErrorCode::kInvalidArgument, "EXECUTION_REVERTED", call.error().message);
  if (const auto* t = std::get_if<TransferToken>(&*call)) return transfer_token(txn, op, *t, who);
  if (who.signer != Signer::kOwner) {
    return reject(ErrorCode::kPermissionDenied, "NOT_OWNER", "only the account owner may manage session keys");
  }
  if (const auto* r = std::get_if<RegisterSession>(&*call)) return register_session(txn, op, *r, now);
  return revoke_session(txn, op, std::get<RevokeSession>(*call));
}

}  // namespace

Result<Uint256> compose_nonce(const Uint256& key, uint64_t sequence) {
  OKMPC_ASSIGN_OR_RETURN(Uint256 shifted, key.shift_left_64());
  return shifted.checked_add(Uint256::from_u64(sequence));
}

Result<ExecutedUserOp> execute_user_operation(StateTxn& txn, const UserOperation& op, uint64_t now,
                                               const EntryPointConfig& config) {
  ExecutedUserOp out;
  OKMPC_ASSIGN_OR_RETURN(out.user_op_hash, user_operation_hash(op, config.entry_point, config.chain_id, config.hash_mode));
  OKMPC_ASSIGN_OR_RETURN(Uint256 cost, max_cost(op));
  OKMPC_ASSIGN_OR_RETURN(eth::Address owner, ensure_deployed(txn, op));

  auto signer = session::recover_personal_raw32(out.user_op_hash, op.signature);
  if (!signer) return reject(ErrorCode::kVerificationFailed, kAA24, signer.error().message);
  out.signer_address = *signer;
  std::optional<SessionRecord> session;
  if (*signer == owner) {
    out.signer = Signer::kOwner;
  } else {
    session = txn.session(*signer);
    if (!session || session->swa != op.sender || session->revoked) {
      return reject(ErrorCode::kVerificationFailed, kAA24,
                    "signer " + eth::to_checksum(*signer) + " is neither the owner nor a live session key of the sender");
    }
    out.signer = Signer::kSession;
  }

  NonceKey key;
  const Uint256 key_word = op.nonce.shift_right_64();
  std::copy(key_word.bytes().begin() + 8, key_word.bytes().end(), key.begin());
  const uint64_t seq = op.nonce.low_u64();
  const uint64_t expected = txn.next_nonce(op.sender, key);
  if (seq != expected) {
    return reject(ErrorCode::kReplay, kAA25,
                  "sequence " + std::to_string(seq) + " for this key, expected " + std::to_string(expected));
  }
  if (seq == UINT64_MAX) return reject(ErrorCode::kReplay, kAA25, "nonce sequence exhausted");
  txn.set_next_nonce(op.sender, key, seq + 1);

  if (session && (now < session->valid_after || now > session->valid_until)) {
    return reject(ErrorCode::kExpired, kAA22,
                  "session valid [" + std::to_string(session->valid_after) + ", " + std::to_string(session->valid_until) +
                      "], block time " + std::to_string(now));
  }
  OKMPC_TRY(pay_prefund(txn, op, cost));
  OKMPC_TRY(execute_call(txn, op, out, now));
  return out;
}

}  // namespace okmpc::chain
