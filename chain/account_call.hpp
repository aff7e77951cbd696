// What a UserOperation's callData asks the Smart Wallet Account to do. The
// chain models the account natively, so callData is one of these ABI calls
// (selector ‖ static argument words, strictly decoded):
//
//   registerSession(address session, uint256 validAfter, uint256 validUntil,
//                   address token, uint256 spendLimit)       owner only
//   revokeSession(address session)                           owner only
//   transferToken(address token, address to, uint256 amount) TOKEN_TRANSFER
//                                                            (owner, or a session
//                                                            key within policy)
//
// validAfter/validUntil are unix seconds (ERC-4337 validity window,
// inclusive). The spend limit applies to `token` and is cumulative over the
// session's lifetime (the policy manager's per-session limit).
// Okto's real callData (executeUserOp 0x8dd7712f wrapping initiateJob
// 0xbf7b90d7) is not modelled; see papers/okto-chain.md.
#pragma once

#include <variant>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "session/uint256.hpp"

namespace okmpc::chain {

struct RegisterSession {
  eth::Address session{};
  uint64_t valid_after = 0;
  uint64_t valid_until = 0;
  eth::Address token{};
  Uint256 spend_limit;
};
struct RevokeSession {
  eth::Address session{};
};
struct TransferToken {
  eth::Address token{};
  eth::Address to{};
  Uint256 amount;
};

using AccountCall = std::variant<RegisterSession, RevokeSession, TransferToken>;

Bytes encode_account_call(const AccountCall& call);
// Strict decode: known selector, exact length, clean address words, times
// that fit in 64 bits. kInvalidArgument naming the problem otherwise.
Result<AccountCall> decode_account_call(ByteView call_data);

}  // namespace okmpc::chain
