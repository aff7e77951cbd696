#include "chain/system_entry.hpp"

#include <algorithm>

#include "chain/account_factory.hpp"

namespace okmpc::chain {
namespace {

template <size_t N>
ByteArray<N> take(ByteView b, size_t offset) {
  ByteArray<N> out;
  std::copy_n(b.begin() + static_cast<std::ptrdiff_t>(offset), N, out.begin());
  return out;
}

Status expect_size(ByteView body, size_t n, EntryKind kind) {
  if (body.size() != n) {
    return fail(ErrorCode::kInvalidEncoding, std::string(to_string(kind)) + " entry body must be " + std::to_string(n) +
                                                 " bytes, got " + std::to_string(body.size()));
  }
  return ok();
}

}  // namespace

Bytes deploy_swa_body(const eth::Address& owner) { return Bytes(owner.begin(), owner.end()); }

Bytes mint_body(const eth::Address& token, const eth::Address& to, const Uint256& amount) {
  Bytes b(token.begin(), token.end());
  append(b, to);
  append(b, amount.bytes());
  return b;
}

Bytes fund_paymaster_body(const eth::Address& client, const Uint256& amount) {
  Bytes b(client.begin(), client.end());
  append(b, amount.bytes());
  return b;
}

Hash32 system_entry_hash(EntryKind kind, uint64_t block_number, uint32_t index, ByteView body) {
  static constexpr std::string_view kTag = "okmpc.chain.system.v1";
  Bytes buf(kTag.begin(), kTag.end());
  append_u8(buf, static_cast<uint8_t>(kind));
  append_u64_be(buf, block_number);
  append_u32_be(buf, index);
  append(buf, body);
  return keccak256(buf);
}

Status apply_system_entry(StateTxn& txn, EntryKind kind, ByteView body) {
  switch (kind) {
    case EntryKind::kDeploySwa: {
      OKMPC_TRY(expect_size(body, 20, kind));
      const eth::Address owner = take<20>(body, 0);
      const eth::Address swa = swa_address_for_owner(owner).address;
      if (txn.swa_owner(swa)) {
        return fail(ErrorCode::kAlreadyExists, "SWA " + eth::to_checksum(swa) + " of owner " + eth::to_checksum(owner) +
                                                   " is already deployed");
      }
      txn.set_swa_owner(swa, owner);
      return ok();
    }
    case EntryKind::kMint: {
      OKMPC_TRY(expect_size(body, 72, kind));
      const eth::Address token = take<20>(body, 0), to = take<20>(body, 20);
      OKMPC_ASSIGN_OR_RETURN(Uint256 next, txn.balance(token, to).checked_add(Uint256(take<32>(body, 40))));
      txn.set_balance(token, to, next);
      return ok();
    }
    case EntryKind::kFundPaymaster: {
      OKMPC_TRY(expect_size(body, 52, kind));
      const eth::Address client = take<20>(body, 0);
      OKMPC_ASSIGN_OR_RETURN(Uint256 next, txn.paymaster_budget(client).checked_add(Uint256(take<32>(body, 20))));
      txn.set_paymaster_budget(client, next);
      return ok();
    }
    case EntryKind::kUserOp:
      break;
  }
  return fail(ErrorCode::kInvalidArgument, "not a system entry kind");
}

}  // namespace okmpc::chain
