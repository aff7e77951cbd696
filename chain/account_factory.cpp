#include "chain/account_factory.hpp"

#include <algorithm>

#include "session/abi.hpp"

namespace okmpc::chain {
namespace {
constexpr std::string_view kInitCodeTag = "okmpc.SmartWalletAccount.v1";
constexpr std::string_view kCreateAccount = "createAccount(address,uint256)";
}  // namespace

SwaAddress swa_address_for_owner(const eth::Address& owner) {
  Bytes init_code(kInitCodeTag.begin(), kInitCodeTag.end());
  append(init_code, abi::encode_address(owner));
  SwaAddress out;
  out.factory = kAccountFactory;
  out.init_code_hash = keccak256(init_code);
  out.address = eth::create2(out.factory, out.salt, out.init_code_hash);
  return out;
}

Bytes create_account_call(const eth::Address& owner) {
  auto sel = abi::selector(kCreateAccount);
  Bytes out(sel.begin(), sel.end());
  append(out, abi::encode({abi::Value::address(owner), abi::Value::uint256(0)}));
  return out;
}

Result<eth::Address> parse_create_account_call(ByteView data) {
  auto sel = abi::selector(kCreateAccount);
  if (data.size() < 4 || !std::equal(sel.begin(), sel.end(), data.begin())) {
    return fail(ErrorCode::kInvalidArgument, "factoryData is not createAccount(address,uint256)");
  }
  OKMPC_ASSIGN_OR_RETURN(auto words, abi::decode_static_words(data.subspan(4), 2, "createAccount arguments"));
  if (!abi::decode_uint256(words[1]).is_zero()) {
    return fail(ErrorCode::kInvalidArgument, "createAccount salt must be 0 (one SWA per owner)");
  }
  return abi::decode_address(words[0]);
}

}  // namespace okmpc::chain
