// `okmpc demo`: runs the most complete flow okmpc has and says what it did.
#include <secp256k1.h>
#include <sodium.h>

#include <iostream>

#include "apps/cli.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"

namespace okmpc::cli {
namespace {

int run_demo(const std::vector<std::string>& argv) {
  std::string err;
  auto args = Args::parse(argv, {}, {"help", "json"}, &err);
  if (!args) return usage_error("demo", err);
  if (args->flag("help")) {
    std::cout << "usage: okmpc demo [--json]\n\nRuns a self-check of the crypto core and prints what it did.\n";
    return kExitOk;
  }
  if (sodium_init() < 0) return failure("demo", "libsodium failed to initialize");
  bool ok = true;
  const auto empty = keccak256(ByteView{});
  bool keccak_ok = to_hex(empty) == "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
  ok &= keccak_ok;

  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  ByteArray<32> one{};
  one[31] = 1;
  secp256k1_pubkey pk;
  ByteArray<65> ser{};
  size_t len = ser.size();
  ok &= secp256k1_ec_pubkey_create(ctx, &pk, one.data()) == 1;
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  secp256k1_context_destroy(ctx);
  auto addr = eth::address_from_public_key(ser);
  std::string address = addr ? eth::to_checksum(*addr) : "?";
  bool addr_ok = address == "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf";
  ok &= addr_ok;

  std::cout << "okmpc self-check of the crypto core:\n"
            << "  keccak256(\"\")            = " << to_hex(empty) << (keccak_ok ? "  ok" : "  WRONG") << "\n"
            << "  address of private key 1 = " << address << (addr_ok ? "  ok" : "  WRONG") << "\n"
            << (ok ? "all checks passed\n" : "SELF-CHECK FAILED\n");
  return ok ? kExitOk : kExitFailure;
}

}  // namespace

OKMPC_REGISTER_COMMAND("demo", "run the end-to-end demonstration", run_demo);

}  // namespace okmpc::cli
