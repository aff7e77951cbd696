// Expected encodings written by hand from the Solidity ABI specification
// ("Formal Specification of the Encoding"), one 32-byte word per line.
#include "session/abi.hpp"

#include <gtest/gtest.h>

#include "mpc/hex.hpp"

namespace okmpc::abi {
namespace {

std::string words(std::initializer_list<const char*> ws) {
  std::string out;
  for (const char* w : ws) {
    EXPECT_EQ(std::string(w).size(), 64u) << w;
    out += w;
  }
  return out;
}

const eth::Address kAddr = *eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");

TEST(Abi, AddressIsLeftPadded) {
  EXPECT_EQ(to_hex(encode_address(kAddr)),
            words({"0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf"}));
}

TEST(Abi, AddressAddressUint256) {
  eth::Address b{};
  b[19] = 0x01;
  EXPECT_EQ(to_hex(encode_address_address_uint256(kAddr, b, *Uint256::parse("1802466136"))),
            words({"0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf",
                   "0000000000000000000000000000000000000000000000000000000000000001",
                   "000000000000000000000000000000000000000000000000000000006b6f7358"}));
}

TEST(Abi, StaticTypesInOrder) {
  ByteArray<32> b32{};
  b32[0] = 0xab;
  b32[31] = 0xcd;
  EXPECT_EQ(to_hex(encode({Value::uint256(0x123), Value::bytes32(b32)})),
            words({"0000000000000000000000000000000000000000000000000000000000000123",
                   "ab000000000000000000000000000000000000000000000000000000000000cd"}));
}

TEST(Abi, DynamicBytesGoToTheTailWithOffsetAndPadding) {
  const std::string hello = "Hello, world!";
  EXPECT_EQ(to_hex(encode({Value::uint256(0x123), Value::bytes(as_bytes(hello))})),
            words({"0000000000000000000000000000000000000000000000000000000000000123",
                   "0000000000000000000000000000000000000000000000000000000000000040",
                   "000000000000000000000000000000000000000000000000000000000000000d",
                   "48656c6c6f2c20776f726c642100000000000000000000000000000000000000"}));
}

TEST(Abi, EmptyAndExactlyOneWordBytes) {
  EXPECT_EQ(to_hex(encode({Value::bytes({})})),
            words({"0000000000000000000000000000000000000000000000000000000000000020",
                   "0000000000000000000000000000000000000000000000000000000000000000"}));
  Bytes full(32, 0x11);
  EXPECT_EQ(to_hex(encode({Value::bytes(full)})),
            words({"0000000000000000000000000000000000000000000000000000000000000020",
                   "0000000000000000000000000000000000000000000000000000000000000020",
                   "1111111111111111111111111111111111111111111111111111111111111111"}));
}

TEST(Abi, TwoDynamicValuesOffsetsCountFromTupleStart) {
  Bytes a = {0xaa}, b = {0xbb, 0xcc};
  EXPECT_EQ(to_hex(encode({Value::bytes(a), Value::bytes(b)})),
            words({"0000000000000000000000000000000000000000000000000000000000000040",
                   "0000000000000000000000000000000000000000000000000000000000000080",
                   "0000000000000000000000000000000000000000000000000000000000000001",
                   "aa00000000000000000000000000000000000000000000000000000000000000",
                   "0000000000000000000000000000000000000000000000000000000000000002",
                   "bbcc000000000000000000000000000000000000000000000000000000000000"}));
}

TEST(Abi, StaticTupleIsInlinedDynamicTupleIsReferenced) {
  EXPECT_EQ(to_hex(encode({Value::tuple({Value::uint256(1), Value::uint256(2)}), Value::uint256(3)})),
            words({"0000000000000000000000000000000000000000000000000000000000000001",
                   "0000000000000000000000000000000000000000000000000000000000000002",
                   "0000000000000000000000000000000000000000000000000000000000000003"}));
  Bytes beef = {0xde, 0xad, 0xbe, 0xef};
  EXPECT_EQ(to_hex(encode({Value::address(kAddr), Value::tuple({Value::uint256(5), Value::bytes(beef)})})),
            words({"0000000000000000000000007e5f4552091a69125d5dfcb7b8c2659029395bdf",
                   "0000000000000000000000000000000000000000000000000000000000000040",
                   "0000000000000000000000000000000000000000000000000000000000000005",
                   "0000000000000000000000000000000000000000000000000000000000000040",
                   "0000000000000000000000000000000000000000000000000000000000000004",
                   "deadbeef00000000000000000000000000000000000000000000000000000000"}));
}

TEST(Abi, SelectorKnownAnswer) {
  EXPECT_EQ(to_hex(selector("transfer(address,uint256)")), "a9059cbb");
  EXPECT_EQ(to_hex(selector("balanceOf(address)")), "70a08231");
}

TEST(Abi, StrictWordDecoding) {
  auto ws = decode_static_words(encode_address(kAddr), 1, "test");
  ASSERT_TRUE(ws);
  EXPECT_EQ(*decode_address((*ws)[0]), kAddr);
  EXPECT_FALSE(decode_static_words(Bytes(33, 0), 1, "test"));
  Word dirty{};
  dirty[0] = 1;
  EXPECT_FALSE(decode_address(dirty));
}

}  // namespace
}  // namespace okmpc::abi
