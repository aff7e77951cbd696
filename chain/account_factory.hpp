// The simulated account factory: Smart Wallet Accounts (SWAs) live at CREATE2
// addresses (EIP-1014) derived from their owner, so anyone can compute a
// user's SWA before it is deployed (counterfactual address).
//
// Scheme (okmpc's own, fixed and documented in papers/okto-chain.md):
//   factory      = kAccountFactory = 0x0000000000000000000000000000000000004337
//   initCode     = "okmpc.SmartWalletAccount.v1" (27 ASCII bytes) ‖ abi.encode(owner)
//   salt         = bytes32(0)  (one SWA per owner)
//   SWA address  = keccak256(0xff ‖ factory ‖ salt ‖ keccak256(initCode))[12:]
// A UserOp deploys its sender with factory = kAccountFactory and
// factoryData = createAccount(address owner, uint256 salt) (the
// SimpleAccountFactory signature, selector 0x5fbfb9cf) with salt 0.
#pragma once

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"

namespace okmpc::chain {

inline constexpr eth::Address kAccountFactory = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x43, 0x37};

struct SwaAddress {
  eth::Address address{};
  eth::Address factory{};
  Hash32 salt{};
  Hash32 init_code_hash{};
};

// The SWA of `owner` under the scheme above.
SwaAddress swa_address_for_owner(const eth::Address& owner);

// createAccount(owner, 0) call data for UserOperation.factoryData.
Bytes create_account_call(const eth::Address& owner);
// Inverse: the owner from factoryData. kInvalidArgument unless the data is
// exactly the createAccount selector, an address word and a zero salt word.
Result<eth::Address> parse_create_account_call(ByteView factory_data);

}  // namespace okmpc::chain
