// Operator actions recorded in blocks next to UserOperations, so that every
// state change is on the chain and replayable:
//   kDeploySwa:     body = owner(20)                     deploys swa_address_for_owner(owner)
//   kMint:          body = token(20) ‖ to(20) ‖ amount(32)  credits a token balance
//   kFundPaymaster: body = client(20) ‖ amount(32)       adds to a client's paymaster budget
// Entry hash = keccak256("okmpc.chain.system.v1" ‖ u8(kind) ‖ u64be(block) ‖
// u32be(index in block) ‖ body): unique per position, so two equal mints
// are two entries.
#pragma once

#include "chain/block.hpp"
#include "chain/world_state.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "session/uint256.hpp"

namespace okmpc::chain {

Bytes deploy_swa_body(const eth::Address& owner);
Bytes mint_body(const eth::Address& token, const eth::Address& to, const Uint256& amount);
Bytes fund_paymaster_body(const eth::Address& client, const Uint256& amount);

Hash32 system_entry_hash(EntryKind kind, uint64_t block_number, uint32_t index, ByteView body);

// Applies a system entry to txn. Errors: wrong body size for the kind
// (kInvalidEncoding), an SWA already deployed (kAlreadyExists), a balance
// or budget overflowing 2^256 (kInvalidArgument), kind kUserOp
// (kInvalidArgument). On error txn must be discarded.
Status apply_system_entry(StateTxn& txn, EntryKind kind, ByteView body);

}  // namespace okmpc::chain
