// `okmpc chain <sub>`: tools for the simulated Okto Chain (chain/):
//   userop-hash  the ERC-4337 userOpHash of a UserOp JSON file (or stdin)
//   create2      an EIP-1014 CREATE2 address
//   swa-address  the Smart Wallet Account address of an owner
//   inspect      blocks, SWAs and session registrations of a chain data dir,
//                re-verified by replay
#include <boost/json.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "apps/cli.hpp"
#include "chain/account_factory.hpp"
#include "chain/okto_chain.hpp"
#include "chain/user_operation_json.hpp"
#include "mpc/hex.hpp"

namespace okmpc::cli {
namespace {

namespace json = boost::json;
using chain::HashMode;

constexpr const char* kChainUsage =
    "usage: okmpc chain <command> [options]\n\n"
    "commands:\n"
    "  userop-hash --userop FILE|- --entry-point 0x... --chain-id N [--mode erc4337-v07|okto|erc4337-v06] [--json]\n"
    "  create2 --deployer 0x... --salt 0x... --init-code-hash 0x... [--json]\n"
    "  swa-address --owner 0x... [--json]\n"
    "  inspect --data DIR [--json]\n\n"
    "Run `okmpc chain <command> --help` for details.\n";

std::string str(const json::value& v) { return std::string(v.get_string()); }

void print(bool as_json, const json::object& o, const std::vector<std::string>& order) {
  if (as_json) {
    std::cout << json::serialize(o) << "\n";
    return;
  }
  for (const std::string& k : order) {
    const json::value& v = o.at(k);
    std::cout << k << ": " << (v.is_string() ? std::string(v.get_string()) : json::serialize(v)) << "\n";
  }
}

int userop_hash(const std::vector<std::string>& argv) {
  const char* cmd = "chain userop-hash";
  std::string err;
  auto args = Args::parse(argv, {"userop", "entry-point", "chain-id", "mode"}, {"help", "json"}, &err);
  if (!args) return usage_error(cmd, err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc chain userop-hash --userop FILE|- --entry-point 0x... --chain-id N\n"
                 "                              [--mode erc4337-v07|okto|erc4337-v06] [--json]\n\n"
                 "Prints the userOpHash of a UserOperation given as JSON with viem's EntryPoint v0.7 field names\n"
                 "(sender, nonce, factory, factoryData, callData, callGasLimit, verificationGasLimit,\n"
                 "preVerificationGas, maxFeePerGas, maxPriorityFeePerGas, paymaster,\n"
                 "paymasterVerificationGasLimit, paymasterPostOpGasLimit, paymasterData, signature;\n"
                 "numbers as hex or decimal strings). Modes: erc4337-v07 (default; viem getUserOperationHash\n"
                 "for EntryPoint 0.7), okto (gas-fee pair swapped, as Okto's SDK packs it), erc4337-v06.\n"
                 "Exit: 0 ok, 1 unreadable or invalid UserOp, 2 usage error.\n";
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(cmd, "unexpected argument " + args->positional()[0]);
  auto file = args->get("userop");
  auto ep_text = args->get("entry-point");
  auto id_text = args->get("chain-id");
  if (!file || !ep_text || !id_text) return usage_error(cmd, "--userop, --entry-point and --chain-id are required");
  auto ep = eth::parse_address(*ep_text);
  if (!ep) return usage_error(cmd, "--entry-point: " + ep.error().message);
  auto chain_id = Uint256::parse(*id_text);
  if (!chain_id) return usage_error(cmd, "--chain-id: " + chain_id.error().message);
  auto mode = chain::parse_hash_mode(args->get_or("mode", "erc4337-v07"));
  if (!mode) return usage_error(cmd, "--mode: " + mode.error().message);

  std::string text;
  if (*file == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), {});
  } else {
    std::ifstream in(*file, std::ios::binary);
    if (!in) return failure(cmd, "cannot read " + *file);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto op = chain::user_operation_from_json(text);
  if (!op) return failure(cmd, op.error().message);
  auto hash = chain::user_operation_hash(*op, *ep, *chain_id, *mode);
  if (!hash) return failure(cmd, hash.error().message);
  if (args->flag("json")) {
    json::object o;
    o["userOpHash"] = to_hex_prefixed(*hash);
    o["mode"] = std::string(chain::to_string(*mode));
    o["entryPoint"] = eth::to_checksum(*ep);
    o["chainId"] = chain_id->to_decimal_string();
    std::cout << json::serialize(o) << "\n";
  } else {
    std::cout << to_hex_prefixed(*hash) << "\n";
  }
  return kExitOk;
}

int create2(const std::vector<std::string>& argv) {
  const char* cmd = "chain create2";
  std::string err;
  auto args = Args::parse(argv, {"deployer", "salt", "init-code-hash"}, {"help", "json"}, &err);
  if (!args) return usage_error(cmd, err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc chain create2 --deployer 0x... --salt 0x... --init-code-hash 0x... [--json]\n\n"
                 "Prints the EIP-1014 address keccak256(0xff ++ deployer ++ salt ++ initCodeHash)[12:]\n"
                 "(salt and initCodeHash: 32 bytes of hex each).\n";
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(cmd, "unexpected argument " + args->positional()[0]);
  auto d = args->get("deployer"), s = args->get("salt"), h = args->get("init-code-hash");
  if (!d || !s || !h) return usage_error(cmd, "--deployer, --salt and --init-code-hash are required");
  auto deployer = eth::parse_address(*d);
  if (!deployer) return usage_error(cmd, "--deployer: " + deployer.error().message);
  auto salt = from_hex_fixed<32>(*s);
  if (!salt) return usage_error(cmd, "--salt: " + salt.error().message);
  auto code_hash = from_hex_fixed<32>(*h);
  if (!code_hash) return usage_error(cmd, "--init-code-hash: " + code_hash.error().message);
  json::object o;
  o["address"] = eth::to_checksum(eth::create2(*deployer, *salt, *code_hash));
  if (args->flag("json")) {
    print(true, o, {});
  } else {
    std::cout << str(o["address"]) << "\n";
  }
  return kExitOk;
}

int swa_address(const std::vector<std::string>& argv) {
  const char* cmd = "chain swa-address";
  std::string err;
  auto args = Args::parse(argv, {"owner"}, {"help", "json"}, &err);
  if (!args) return usage_error(cmd, err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc chain swa-address --owner 0x... [--json]\n\n"
                 "Prints the Smart Wallet Account address of an owner on the simulated chain and how it is\n"
                 "derived: CREATE2 by the account factory 0x0000000000000000000000000000000000004337 with salt 0\n"
                 "and initCode = \"okmpc.SmartWalletAccount.v1\" ++ abi.encode(owner).\n";
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(cmd, "unexpected argument " + args->positional()[0]);
  auto o_text = args->get("owner");
  if (!o_text) return usage_error(cmd, "--owner is required");
  auto owner = eth::parse_address(*o_text);
  if (!owner) return usage_error(cmd, "--owner: " + owner.error().message);
  chain::SwaAddress swa = chain::swa_address_for_owner(*owner);
  json::object o;
  o["address"] = eth::to_checksum(swa.address);
  o["factory"] = eth::to_checksum(swa.factory);
  o["salt"] = to_hex_prefixed(swa.salt);
  o["initCodeHash"] = to_hex_prefixed(swa.init_code_hash);
  print(args->flag("json"), o, {"address", "factory", "salt", "initCodeHash"});
  return kExitOk;
}

json::object block_json(const chain::Block& b) {
  json::object o;
  o["number"] = b.number;
  o["hash"] = to_hex_prefixed(b.hash);
  o["parentHash"] = to_hex_prefixed(b.parent_hash);
  o["timestamp"] = b.timestamp;
  o["stateRoot"] = to_hex_prefixed(b.state_root);
  json::array entries;
  for (const chain::BlockEntry& e : b.entries) {
    entries.push_back(json::object{{"kind", std::string(chain::to_string(e.kind))}, {"hash", to_hex_prefixed(e.hash)}});
  }
  o["entries"] = std::move(entries);
  return o;
}

int inspect(const std::vector<std::string>& argv) {
  const char* cmd = "chain inspect";
  std::string err;
  auto args = Args::parse(argv, {"data"}, {"help", "json"}, &err);
  if (!args) return usage_error(cmd, err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc chain inspect --data DIR [--json]\n\n"
                 "Opens the chain in DIR (verifying its hash chain and state root), replays every block from\n"
                 "genesis, and prints the blocks, deployed Smart Wallet Accounts and session registrations.\n"
                 "Exit: 0 verified, 1 missing or corrupted database, 2 usage error.\n";
    return kExitOk;
  }
  if (!args->positional().empty()) return usage_error(cmd, "unexpected argument " + args->positional()[0]);
  auto dir = args->get("data");
  if (!dir) return usage_error(cmd, "--data is required");
  auto opened = chain::OktoChain::open_existing(*dir);
  if (!opened) return failure(cmd, opened.error().describe());
  auto report = opened->verify_by_replay();
  if (!report) return failure(cmd, report.error().describe());

  json::array blocks;
  auto listed = opened->for_each_block([&](const chain::Block& b) -> Status {
    blocks.push_back(block_json(b));
    return ok();
  });
  if (!listed) return failure(cmd, listed.error().describe());
  json::array swas, sessions;
  for (const auto& [swa, owner] : opened->state().all_swas()) {
    swas.push_back(json::object{{"address", eth::to_checksum(swa)}, {"owner", eth::to_checksum(owner)}});
  }
  for (const auto& [addr, rec] : opened->state().all_sessions()) {
    json::object s{{"sessionAddress", eth::to_checksum(addr)}, {"swa", eth::to_checksum(rec.swa)},
                   {"validAfter", rec.valid_after}, {"validUntil", rec.valid_until}, {"revoked", rec.revoked}};
    if (auto p = opened->policy(addr)) {
      s["policy"] = json::object{{"token", eth::to_checksum(p->token)}, {"limit", p->limit.to_decimal_string()},
                                 {"spent", p->spent.to_decimal_string()}};
    }
    sessions.push_back(std::move(s));
  }
  const auto& cfg = opened->config().entry_point;
  if (args->flag("json")) {
    json::object o;
    o["verified"] = true;
    o["entryPoint"] = eth::to_checksum(cfg.entry_point);
    o["chainId"] = cfg.chain_id.to_decimal_string();
    o["hashMode"] = std::string(chain::to_string(cfg.hash_mode));
    o["headHash"] = to_hex_prefixed(report->head_hash);
    o["stateRoot"] = to_hex_prefixed(report->state_root);
    o["blocks"] = std::move(blocks);
    o["swas"] = std::move(swas);
    o["sessions"] = std::move(sessions);
    std::cout << json::serialize(o) << "\n";
    return kExitOk;
  }
  std::cout << "chain " << cfg.chain_id.to_decimal_string() << ", entry point " << eth::to_checksum(cfg.entry_point)
            << ", hash mode " << chain::to_string(cfg.hash_mode) << "\n"
            << "verified by replay: " << report->blocks << " blocks, " << report->entries << " entries, head "
            << to_hex_prefixed(report->head_hash) << ", state root " << to_hex_prefixed(report->state_root) << "\n\nblocks:\n";
  for (const auto& bv : blocks) {
    const auto& b = bv.get_object();
    std::cout << "  #" << json::serialize(b.at("number")) << " " << str(b.at("hash")) << " t=" << json::serialize(b.at("timestamp"))
              << " entries=" << b.at("entries").get_array().size() << "\n";
    for (const auto& e : b.at("entries").get_array()) {
      std::cout << "      " << str(e.at("kind")) << " " << str(e.at("hash")) << "\n";
    }
  }
  std::cout << "smart wallet accounts:\n";
  for (const auto& s : swas) std::cout << "  " << str(s.at("address")) << " owner " << str(s.at("owner")) << "\n";
  std::cout << "sessions:\n";
  for (const auto& s : sessions) {
    std::cout << "  " << str(s.at("sessionAddress")) << " -> " << str(s.at("swa")) << " valid ["
              << json::serialize(s.at("validAfter")) << ", " << json::serialize(s.at("validUntil")) << "]"
              << (s.at("revoked").as_bool() ? " REVOKED" : "") << "\n";
  }
  return kExitOk;
}

int run_chain(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0] == "--help" || argv[0] == "-h") {
    std::cout << kChainUsage;
    return argv.empty() ? kExitUsage : kExitOk;
  }
  const std::vector<std::string> rest(argv.begin() + 1, argv.end());
  if (argv[0] == "userop-hash") return userop_hash(rest);
  if (argv[0] == "create2") return create2(rest);
  if (argv[0] == "swa-address") return swa_address(rest);
  if (argv[0] == "inspect") return inspect(rest);
  return usage_error("chain", "unknown command '" + argv[0] + "'");
}

}  // namespace

OKMPC_REGISTER_COMMAND("chain", "simulated Okto Chain: userop-hash, create2, swa-address, inspect", run_chain);

}  // namespace okmpc::cli
