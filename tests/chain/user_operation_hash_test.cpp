// userOpHash checks two ways:
//  1. Published values: viem's own test snapshots
//     (wevm/viem src/account-abstraction/utils/userOperation/getUserOperationHash.test.ts,
//     entryPoint 0.7 and 0.6 cases).
//  2. A second, spec-literal encoder written here from ERC-4337 by plain byte
//     concatenation of 32-byte words (no abi:: code), compared on varied ops.
#include "chain/user_operation.hpp"

#include <gtest/gtest.h>

#include "chain/user_operation_json.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"

namespace okmpc::chain {
namespace {

const eth::Address k1234 = *eth::parse_address("0x1234567890123456789012345678901234567890");

UserOperation viem_base() {
  UserOperation op;
  op.sender = k1234;
  op.nonce = Uint256::from_u64(0);
  op.call_gas_limit = Uint256::from_u64(6942069);
  op.verification_gas_limit = Uint256::from_u64(6942069);
  op.pre_verification_gas = Uint256::from_u64(6942069);
  op.max_fee_per_gas = Uint256::from_u64(69420);
  op.max_priority_fee_per_gas = Uint256::from_u64(69);
  return op;
}

std::string hash_hex(const UserOperation& op, HashMode mode, uint64_t chain_id = 1) {
  auto h = user_operation_hash(op, k1234, Uint256::from_u64(chain_id), mode);
  EXPECT_TRUE(h) << h.error();
  return h ? to_hex_prefixed(*h) : "";
}

TEST(UserOperationHash, ViemPublishedV07Vectors) {
  UserOperation op = viem_base();
  EXPECT_EQ(hash_hex(op, HashMode::kErc4337V07), "0x1903d62bb5dc75af6fed866aa46d8e80063d9e288aa7f2caad0ff1fcae22e40d");
  UserOperation f = viem_base();
  f.factory = k1234;
  f.factory_data = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_EQ(hash_hex(f, HashMode::kErc4337V07), "0x46c1d51e831d50c1a93135f026a7d3f1921ed66e9c81da723dd3817a49f01bc1");
  UserOperation p = viem_base();
  p.paymaster = k1234;
  EXPECT_EQ(hash_hex(p, HashMode::kErc4337V07), "0x1f2cf8638ead0fc621c6fb1562b8222c06539efcec09be156191f72418ebb109");
  p.paymaster_verification_gas_limit = Uint256::from_u64(6942069);
  EXPECT_EQ(hash_hex(p, HashMode::kErc4337V07), "0x950763d3ef84eb05b6cd1d95f3b736bb02988d643c6e11a76bf8beddc611cc95");
  p.paymaster_post_op_gas_limit = Uint256::from_u64(6942069);
  EXPECT_EQ(hash_hex(p, HashMode::kErc4337V07), "0xd6efc63c28df53b49dd6fa10cec0a92ac61f8c70e9a45265e39c955f9bf821ed");
  p.paymaster_data = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_EQ(hash_hex(p, HashMode::kErc4337V07), "0x265fc1350b3fc016d493f9533354cf1a758c0fb9ddbbfd8b19c987d4e8935eed");
}

TEST(UserOperationHash, ViemPublishedV06Vectors) {
  UserOperation op = viem_base();
  EXPECT_EQ(hash_hex(op, HashMode::kErc4337V06), "0xe331591ab320e956b5e93f04e1dcf706bc128bc7b510602d2e0553f8be25fcba");
  UserOperation f = viem_base();  // initCode 0x1234...7890deadbeef
  f.factory = k1234;
  f.factory_data = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_EQ(hash_hex(f, HashMode::kErc4337V06), "0xaa4a4fa863b3018e0e23291ca82a8747d06c6a92548eb9198f54f4a63540d06e");
  UserOperation p = viem_base();  // paymasterAndData = 0x1234...7890
  p.paymaster = k1234;
  EXPECT_EQ(hash_hex(p, HashMode::kErc4337V06), "0x72bb2d82af9e9da2079fab165bc219c967c6ca0a63dfa55f382c5914ba2f77c5");
}

// ---- spec-literal second encoder ----
Bytes word_u(const Uint256& v) { return Bytes(v.bytes().begin(), v.bytes().end()); }
Bytes word_a(const eth::Address& a) {
  Bytes w(12, 0);
  w.insert(w.end(), a.begin(), a.end());
  return w;
}
Bytes word_h(ByteView data) {
  Hash32 h = keccak256(data);
  return Bytes(h.begin(), h.end());
}
Bytes u128(const Uint256& v) { return Bytes(v.bytes().begin() + 16, v.bytes().end()); }
Bytes cat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

std::string literal_hash(const UserOperation& op, const eth::Address& ep, uint64_t chain_id, bool okto) {
  Bytes init = op.factory ? cat({Bytes(op.factory->begin(), op.factory->end()), op.factory_data}) : Bytes{};
  Bytes pmd = op.paymaster ? cat({Bytes(op.paymaster->begin(), op.paymaster->end()),
                                  u128(op.paymaster_verification_gas_limit), u128(op.paymaster_post_op_gas_limit),
                                  op.paymaster_data})
                           : Bytes{};
  Bytes account_gas = cat({u128(op.verification_gas_limit), u128(op.call_gas_limit)});
  Bytes fees = okto ? cat({u128(op.max_fee_per_gas), u128(op.max_priority_fee_per_gas)})
                    : cat({u128(op.max_priority_fee_per_gas), u128(op.max_fee_per_gas)});
  Bytes packed = cat({word_a(op.sender), word_u(op.nonce), word_h(init), word_h(op.call_data), account_gas,
                      word_u(op.pre_verification_gas), fees, word_h(pmd)});
  EXPECT_EQ(packed.size(), 8u * 32);
  Bytes outer = cat({word_h(packed), word_a(ep), word_u(Uint256::from_u64(chain_id))});
  return to_hex_prefixed(keccak256(outer));
}

UserOperation random_op(DeterministicRng& rng) {
  auto rnd_bytes = [&](size_t max) {
    Bytes b(rng.uniform(max + 1));
    rng.fill(b);
    return b;
  };
  auto rnd_u128 = [&] { return Uint256::mul_u64(rng.next_u64(), rng.next_u64() | 1); };
  UserOperation op;
  rng.fill(op.sender);
  op.nonce = Uint256(rng.bytes<32>());
  if (rng.uniform(2)) {
    op.factory = rng.bytes<20>();
    op.factory_data = rnd_bytes(100);
  }
  op.call_data = rnd_bytes(300);
  op.call_gas_limit = rnd_u128();
  op.verification_gas_limit = rnd_u128();
  op.pre_verification_gas = Uint256(rng.bytes<32>());
  op.max_fee_per_gas = rnd_u128();
  op.max_priority_fee_per_gas = rnd_u128();
  if (rng.uniform(2)) {
    op.paymaster = rng.bytes<20>();
    op.paymaster_verification_gas_limit = rnd_u128();
    op.paymaster_post_op_gas_limit = rnd_u128();
    op.paymaster_data = rnd_bytes(64);
  }
  op.signature = rnd_bytes(65);
  return op;
}

TEST(UserOperationHash, MatchesSpecLiteralEncoderBothModes) {
  DeterministicRng rng(4337);
  const eth::Address okto_ep = *eth::parse_address("0xCa5b1b0d3893b5152014fD5B519FF50f7C40f9da");
  for (int i = 0; i < 40; ++i) {
    UserOperation op = random_op(rng);
    auto v07 = user_operation_hash(op, okto_ep, Uint256::from_u64(1802466136), HashMode::kErc4337V07);
    auto okto = user_operation_hash(op, okto_ep, Uint256::from_u64(1802466136), HashMode::kOkto);
    ASSERT_TRUE(v07 && okto);
    EXPECT_EQ(to_hex_prefixed(*v07), literal_hash(op, okto_ep, 1802466136, false)) << i;
    EXPECT_EQ(to_hex_prefixed(*okto), literal_hash(op, okto_ep, 1802466136, true)) << i;
    // The modes differ exactly when the two fee fields differ.
    EXPECT_NE(*v07, *okto);
    // The signature is not hashed.
    op.signature.push_back(1);
    EXPECT_EQ(*user_operation_hash(op, okto_ep, Uint256::from_u64(1802466136), HashMode::kErc4337V07), *v07);
  }
}

TEST(UserOperationHash, OktoEqualsStandardWhenFeesAreEqual) {
  UserOperation op = viem_base();
  op.max_priority_fee_per_gas = op.max_fee_per_gas;
  EXPECT_EQ(hash_hex(op, HashMode::kOkto), hash_hex(op, HashMode::kErc4337V07));
}

TEST(UserOperationHash, RejectsOversizedUint128Fields) {
  UserOperation op = viem_base();
  op.call_gas_limit = *Uint256::parse("0x100000000000000000000000000000000");
  auto h = user_operation_hash(op, k1234, Uint256::from_u64(1), HashMode::kErc4337V07);
  ASSERT_FALSE(h);
  EXPECT_NE(h.error().message.find("callGasLimit"), std::string::npos);
  UserOperation p = viem_base();
  p.paymaster_data = {1};  // without a paymaster
  EXPECT_FALSE(user_operation_hash(p, k1234, Uint256::from_u64(1), HashMode::kErc4337V07));
}

TEST(UserOperationJson, ParsesViemFieldsAndRoundTrips) {
  const std::string text = R"({"sender":"0x1234567890123456789012345678901234567890","nonce":"0",
    "callData":"0x","callGasLimit":"6942069","verificationGasLimit":"0x69ed75","preVerificationGas":"6942069",
    "maxFeePerGas":"69420","maxPriorityFeePerGas":"0x45","signature":"0x","factory":null,
    "paymaster":"0x1234567890123456789012345678901234567890","paymasterVerificationGasLimit":"6942069",
    "paymasterPostOpGasLimit":"6942069","paymasterData":"0xdeadbeef"})";
  auto op = user_operation_from_json(text);
  ASSERT_TRUE(op) << op.error();
  EXPECT_EQ(hash_hex(*op, HashMode::kErc4337V07), "0x265fc1350b3fc016d493f9533354cf1a758c0fb9ddbbfd8b19c987d4e8935eed");
  auto again = user_operation_from_json(user_operation_to_json(*op));
  ASSERT_TRUE(again) << again.error();
  EXPECT_EQ(*again, *op);
}

TEST(UserOperationJson, StrictParsing) {
  const std::string good_head = R"("sender":"0x1234567890123456789012345678901234567890","callData":"0x",
    "callGasLimit":"1","verificationGasLimit":"1","preVerificationGas":"1","maxFeePerGas":"1","maxPriorityFeePerGas":"1")";
  EXPECT_TRUE(user_operation_from_json("{" + good_head + R"(,"nonce":"0"})"));
  auto expect_bad = [&](const std::string& text, const std::string& needle) {
    auto r = user_operation_from_json(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
    EXPECT_NE(r.error().message.find(needle), std::string::npos) << r.error().message;
  };
  expect_bad("{" + good_head + "}", "nonce");                                     // missing
  expect_bad("{" + good_head + R"(,"nonce":"0","initCode":"0x"})", "initCode");   // unknown (v0.6 name)
  expect_bad("{" + good_head + R"(,"nonce":0})", "nonce");                        // JSON number
  expect_bad("{" + good_head + R"(,"nonce":"-1"})", "nonce");
  expect_bad("{" + good_head + R"(,"nonce":"0","factoryData":"0xab"})", "factory");
  expect_bad("{" + good_head + R"(,"nonce":"0","signature":"abcd"})", "signature");  // no 0x
  expect_bad("{" + good_head + R"(,"nonce":"0","paymaster":"0x123"})", "paymaster");
  expect_bad("[1]", "object");
  expect_bad("{" + good_head + R"(,"nonce":"0",})", "parse");
}

}  // namespace
}  // namespace okmpc::chain
