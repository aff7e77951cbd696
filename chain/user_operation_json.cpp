#include "chain/user_operation_json.hpp"

#include <boost/json.hpp>

#include <functional>
#include <map>

#include "mpc/hex.hpp"

namespace okmpc::chain {
namespace {

namespace json = boost::json;

Error field_error(std::string_view field, const std::string& what) {
  return Error(ErrorCode::kInvalidArgument, "UserOperation." + std::string(field) + ": " + what);
}

Result<std::string_view> as_string(const json::value& v, std::string_view field) {
  if (!v.is_string()) return tl::unexpected(field_error(field, "must be a JSON string"));
  const json::string& s = v.get_string();
  return std::string_view(s.data(), s.size());
}

Result<Uint256> read_number(const json::value& v, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(std::string_view s, as_string(v, field));
  auto n = Uint256::parse(s);
  if (!n) return tl::unexpected(field_error(field, n.error().message));
  return *n;
}

Result<Bytes> read_bytes(const json::value& v, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(std::string_view s, as_string(v, field));
  if (s.size() < 2 || s[0] != '0' || s[1] != 'x') return tl::unexpected(field_error(field, "must be 0x-prefixed hex"));
  auto b = from_hex_prefixed(s);
  if (!b) return tl::unexpected(field_error(field, b.error().message));
  return *b;
}

Result<eth::Address> read_address(const json::value& v, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(std::string_view s, as_string(v, field));
  auto a = eth::parse_address(s);
  if (!a) return tl::unexpected(field_error(field, a.error().message));
  return *a;
}

using FieldReader = std::function<Status(const json::value&, UserOperation&)>;

struct FieldSpec {
  bool required;
  FieldReader read;
};

Status set_number(const json::value& v, Uint256& out, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(out, read_number(v, field));
  return ok();
}
Status set_bytes(const json::value& v, Bytes& out, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(out, read_bytes(v, field));
  return ok();
}
Status set_optional_address(const json::value& v, std::optional<eth::Address>& out, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(out, read_address(v, field));
  return ok();
}

const std::map<std::string, FieldSpec, std::less<>>& field_table() {
  using UO = UserOperation;
  auto number = [](Uint256 UO::*m, const char* f) {
    return [m, f](const json::value& v, UO& op) { return set_number(v, op.*m, f); };
  };
  auto bytes = [](Bytes UO::*m, const char* f) {
    return [m, f](const json::value& v, UO& op) { return set_bytes(v, op.*m, f); };
  };
  auto opt_address = [](std::optional<eth::Address> UO::*m, const char* f) {
    return [m, f](const json::value& v, UO& op) { return set_optional_address(v, op.*m, f); };
  };
  static const std::map<std::string, FieldSpec, std::less<>> table = {
      {"sender", {true, [](const json::value& v, UO& op) -> Status {
                    OKMPC_ASSIGN_OR_RETURN(op.sender, read_address(v, "sender"));
                    return ok();
                  }}},
      {"nonce", {true, number(&UO::nonce, "nonce")}},
      {"factory", {false, opt_address(&UO::factory, "factory")}},
      {"factoryData", {false, bytes(&UO::factory_data, "factoryData")}},
      {"callData", {true, bytes(&UO::call_data, "callData")}},
      {"callGasLimit", {true, number(&UO::call_gas_limit, "callGasLimit")}},
      {"verificationGasLimit", {true, number(&UO::verification_gas_limit, "verificationGasLimit")}},
      {"preVerificationGas", {true, number(&UO::pre_verification_gas, "preVerificationGas")}},
      {"maxFeePerGas", {true, number(&UO::max_fee_per_gas, "maxFeePerGas")}},
      {"maxPriorityFeePerGas", {true, number(&UO::max_priority_fee_per_gas, "maxPriorityFeePerGas")}},
      {"paymaster", {false, opt_address(&UO::paymaster, "paymaster")}},
      {"paymasterVerificationGasLimit",
       {false, number(&UO::paymaster_verification_gas_limit, "paymasterVerificationGasLimit")}},
      {"paymasterPostOpGasLimit", {false, number(&UO::paymaster_post_op_gas_limit, "paymasterPostOpGasLimit")}},
      {"paymasterData", {false, bytes(&UO::paymaster_data, "paymasterData")}},
      {"signature", {false, bytes(&UO::signature, "signature")}},
  };
  return table;
}

}  // namespace

Result<UserOperation> user_operation_from_json(std::string_view json_text) {
  boost::system::error_code ec;
  json::parse_options opts;  // strict RFC 8259: no comments, no trailing commas
  json::value root = json::parse(json::string_view(json_text.data(), json_text.size()), ec, {}, opts);
  if (ec) return fail(ErrorCode::kInvalidArgument, "UserOperation JSON does not parse: " + ec.message());
  if (!root.is_object()) return fail(ErrorCode::kInvalidArgument, "UserOperation JSON must be an object");
  const json::object& obj = root.get_object();
  const auto& table = field_table();
  UserOperation op;
  std::map<std::string, bool, std::less<>> seen;  // for the required-field check
  for (const auto& kv : obj) {
    std::string_view key(kv.key().data(), kv.key().size());
    auto it = table.find(key);
    if (it == table.end()) return fail(ErrorCode::kInvalidArgument, "UserOperation JSON has an unknown field '" + std::string(key) + "'");
    seen[std::string(key)] = true;
    if (kv.value().is_null()) {
      if (it->second.required) return fail(ErrorCode::kInvalidArgument, "UserOperation." + std::string(key) + " must not be null");
      continue;
    }
    OKMPC_TRY(it->second.read(kv.value(), op));
  }
  for (const auto& [name, spec] : table) {
    if (spec.required && !seen.count(name)) {
      return fail(ErrorCode::kInvalidArgument, "UserOperation JSON lacks required field '" + name + "'");
    }
  }
  OKMPC_TRY(check_well_formed(op));
  return op;
}

std::string user_operation_to_json(const UserOperation& op) {
  auto address_or_null = [](const std::optional<eth::Address>& a) -> json::value {
    if (!a) return nullptr;
    return json::value(eth::to_checksum(*a));
  };
  json::object o;
  o["sender"] = eth::to_checksum(op.sender);
  o["nonce"] = op.nonce.to_hex_string();
  o["factory"] = address_or_null(op.factory);
  o["factoryData"] = to_hex_prefixed(op.factory_data);
  o["callData"] = to_hex_prefixed(op.call_data);
  o["callGasLimit"] = op.call_gas_limit.to_hex_string();
  o["verificationGasLimit"] = op.verification_gas_limit.to_hex_string();
  o["preVerificationGas"] = op.pre_verification_gas.to_hex_string();
  o["maxFeePerGas"] = op.max_fee_per_gas.to_hex_string();
  o["maxPriorityFeePerGas"] = op.max_priority_fee_per_gas.to_hex_string();
  o["paymaster"] = address_or_null(op.paymaster);
  o["paymasterVerificationGasLimit"] = op.paymaster_verification_gas_limit.to_hex_string();
  o["paymasterPostOpGasLimit"] = op.paymaster_post_op_gas_limit.to_hex_string();
  o["paymasterData"] = to_hex_prefixed(op.paymaster_data);
  o["signature"] = to_hex_prefixed(op.signature);
  return json::serialize(o);
}

}  // namespace okmpc::chain
