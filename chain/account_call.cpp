#include "chain/account_call.hpp"

#include <algorithm>

#include "mpc/hex.hpp"
#include "session/abi.hpp"

namespace okmpc::chain {
namespace {

constexpr std::string_view kRegisterSig = "registerSession(address,uint256,uint256,address,uint256)";
constexpr std::string_view kRevokeSig = "revokeSession(address)";
constexpr std::string_view kTransferSig = "transferToken(address,address,uint256)";

Bytes with_selector(std::string_view signature, std::initializer_list<abi::Value> args) {
  auto sel = abi::selector(signature);
  Bytes out(sel.begin(), sel.end());
  append(out, abi::encode(args));
  return out;
}

Result<uint64_t> time_word(const abi::Word& w, std::string_view name) {
  auto v = abi::decode_uint256(w).to_u64();
  if (!v) return fail(ErrorCode::kInvalidArgument, std::string(name) + " does not fit in 64 bits");
  return *v;
}

}  // namespace

Bytes encode_account_call(const AccountCall& call) {
  using abi::Value;
  if (const auto* r = std::get_if<RegisterSession>(&call)) {
    return with_selector(kRegisterSig, {Value::address(r->session), Value::uint256(r->valid_after),
                                        Value::uint256(r->valid_until), Value::address(r->token),
                                        Value::uint256(r->spend_limit)});
  }
  if (const auto* v = std::get_if<RevokeSession>(&call)) return with_selector(kRevokeSig, {Value::address(v->session)});
  const auto& t = std::get<TransferToken>(call);
  return with_selector(kTransferSig, {Value::address(t.token), Value::address(t.to), Value::uint256(t.amount)});
}

Result<AccountCall> decode_account_call(ByteView data) {
  if (data.size() < 4) return fail(ErrorCode::kInvalidArgument, "callData shorter than a selector");
  ByteArray<4> sel;
  std::copy_n(data.begin(), 4, sel.begin());
  ByteView args = data.subspan(4);
  static const ByteArray<4> kRegister = abi::selector(kRegisterSig);
  static const ByteArray<4> kRevoke = abi::selector(kRevokeSig);
  static const ByteArray<4> kTransfer = abi::selector(kTransferSig);
  if (sel == kRegister) {
    OKMPC_ASSIGN_OR_RETURN(auto w, abi::decode_static_words(args, 5, "registerSession"));
    RegisterSession r;
    OKMPC_ASSIGN_OR_RETURN(r.session, abi::decode_address(w[0]));
    OKMPC_ASSIGN_OR_RETURN(r.valid_after, time_word(w[1], "validAfter"));
    OKMPC_ASSIGN_OR_RETURN(r.valid_until, time_word(w[2], "validUntil"));
    OKMPC_ASSIGN_OR_RETURN(r.token, abi::decode_address(w[3]));
    r.spend_limit = abi::decode_uint256(w[4]);
    return AccountCall(r);
  }
  if (sel == kRevoke) {
    OKMPC_ASSIGN_OR_RETURN(auto w, abi::decode_static_words(args, 1, "revokeSession"));
    RevokeSession r;
    OKMPC_ASSIGN_OR_RETURN(r.session, abi::decode_address(w[0]));
    return AccountCall(r);
  }
  if (sel == kTransfer) {
    OKMPC_ASSIGN_OR_RETURN(auto w, abi::decode_static_words(args, 3, "transferToken"));
    TransferToken t;
    OKMPC_ASSIGN_OR_RETURN(t.token, abi::decode_address(w[0]));
    OKMPC_ASSIGN_OR_RETURN(t.to, abi::decode_address(w[1]));
    t.amount = abi::decode_uint256(w[2]);
    return AccountCall(t);
  }
  return fail(ErrorCode::kInvalidArgument, "callData selector 0x" + to_hex(sel) + " is not an account call");
}

}  // namespace okmpc::chain
