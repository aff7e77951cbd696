#include "mpc/eth.hpp"

#include <gtest/gtest.h>
#include <secp256k1.h>

#include "mpc/hash.hpp"
#include "mpc/hex.hpp"

namespace okmpc {
namespace {

TEST(Keccak256, EmptyStringKnownAnswer) {
  // Keccak-256 with the original padding, not NIST SHA3-256 (a7ffc6f8...).
  EXPECT_EQ(to_hex(keccak256(ByteView{})),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
}

TEST(Keccak256, MultiPartEqualsConcatenation) {
  Bytes ab = {'a', 'b', 'c'};
  Bytes a = {'a'}, b = {'b', 'c'};
  EXPECT_EQ(keccak256(ab), keccak256({a, b}));
  EXPECT_EQ(to_hex(keccak256(ab)), "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
}

TEST(Sha, KnownAnswers) {
  Bytes abc = {'a', 'b', 'c'};
  EXPECT_EQ(to_hex(sha256(abc)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha512(abc)).substr(0, 32), "ddaf35a193617abacc417349ae204131");
}

TEST(EthAddress, PrivateKeyOneKnownAnswer) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  ByteArray<32> one{};
  one[31] = 1;
  secp256k1_pubkey pk;
  ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &pk, one.data()), 1);
  ByteArray<65> ser{};
  size_t len = ser.size();
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  secp256k1_context_destroy(ctx);
  auto addr = eth::address_from_public_key(ser);
  ASSERT_TRUE(addr.has_value());
  EXPECT_EQ(eth::to_checksum(*addr), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
}

TEST(EthAddress, ParseChecksumRules) {
  EXPECT_TRUE(eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf").has_value());
  EXPECT_TRUE(eth::parse_address("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf").has_value());
  // One character's case flipped: checksum must fail.
  EXPECT_FALSE(eth::parse_address("0x7e5F4552091A69125d5DfCb7b8C2659029395Bdf").has_value());
  EXPECT_FALSE(eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bd").has_value());
  EXPECT_FALSE(eth::parse_address("7E5F4552091A69125d5DfCb7b8C2659029395Bdf00").has_value());
}

TEST(EthAddress, PublicKeyLengthChecked) {
  Bytes wrong(63, 1);
  EXPECT_FALSE(eth::address_from_public_key(wrong).has_value());
  Bytes bad_prefix(65, 1);
  EXPECT_FALSE(eth::address_from_public_key(bad_prefix).has_value());
}

TEST(Create2, Eip1014ExampleZero) {
  eth::Address deployer{};
  Hash32 salt{};
  const uint8_t init_code[] = {0x00};
  auto addr = eth::create2(deployer, salt, keccak256(ByteView(init_code)));
  EXPECT_EQ(eth::to_checksum(addr), "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38");
}

TEST(PersonalMessage, DigestMatchesDefinition) {
  Bytes msg = {'h', 'e', 'l', 'l', 'o'};
  std::string full = std::string("\x19") + "Ethereum Signed Message:\n5hello";
  EXPECT_EQ(eth::personal_message_digest(msg), keccak256(as_bytes(full)));
  // keccak256("\x19Ethereum Signed Message:\n5hello"), as published by ethers/viem hashMessage("hello").
  EXPECT_EQ(to_hex(eth::personal_message_digest(msg)),
            "50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750");
}

}  // namespace
}  // namespace okmpc
