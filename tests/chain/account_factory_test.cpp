#include "chain/account_factory.hpp"

#include <gtest/gtest.h>

#include "chain/account_call.hpp"
#include "mpc/hex.hpp"
#include "session/abi.hpp"

namespace okmpc::chain {
namespace {

std::string create2_hex(const char* deployer, const char* salt, const char* init_code) {
  Bytes code = *from_hex_prefixed(init_code);
  return eth::to_checksum(eth::create2(*eth::parse_address(deployer), *from_hex_fixed<32>(salt), keccak256(code)));
}

TEST(Create2, Eip1014Examples) {
  const char* zero32 = "0x0000000000000000000000000000000000000000000000000000000000000000";
  EXPECT_EQ(create2_hex("0x0000000000000000000000000000000000000000", zero32, "0x00"),
            "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38");
  EXPECT_EQ(create2_hex("0xdeadbeef00000000000000000000000000000000", zero32, "0x00"),
            "0xB928f69Bb1D91Cd65274e3c79d8986362984fDA3");
  EXPECT_EQ(create2_hex("0xdeadbeef00000000000000000000000000000000",
                        "0x000000000000000000000000feed000000000000000000000000000000000000", "0x00"),
            "0xD04116cDd17beBE565EB2422F2497E06cC1C9833");
  EXPECT_EQ(create2_hex("0x0000000000000000000000000000000000000000", zero32, "0xdeadbeef"),
            "0x70f2b2914A2a4b783FaEFb75f459A580616Fcb5e");
}

TEST(AccountFactory, SwaAddressFollowsTheDocumentedScheme) {
  const eth::Address owner = *eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  SwaAddress swa = swa_address_for_owner(owner);
  EXPECT_EQ(eth::to_checksum(swa.factory), "0x0000000000000000000000000000000000004337");
  EXPECT_EQ(swa.salt, Hash32{});
  // Rebuild the init code by hand: ASCII tag ‖ 12 zero bytes ‖ owner.
  std::string tag = "okmpc.SmartWalletAccount.v1";
  Bytes init(tag.begin(), tag.end());
  init.resize(init.size() + 12, 0);
  init.insert(init.end(), owner.begin(), owner.end());
  EXPECT_EQ(swa.init_code_hash, keccak256(init));
  EXPECT_EQ(swa.address, eth::create2(swa.factory, Hash32{}, keccak256(init)));
  // Different owners, different SWAs.
  eth::Address other = owner;
  other[0] ^= 1;
  EXPECT_NE(swa_address_for_owner(other).address, swa.address);
}

TEST(AccountFactory, CreateAccountCallRoundTripsAndIsStrict) {
  const eth::Address owner = *eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  Bytes call = create_account_call(owner);
  // SimpleAccountFactory's createAccount(address,uint256) selector.
  EXPECT_EQ(to_hex(ByteView(call).first(4)), "5fbfb9cf");
  EXPECT_EQ(call.size(), 4u + 64);
  EXPECT_EQ(*parse_create_account_call(call), owner);
  Bytes salted = call;
  salted.back() = 1;
  EXPECT_FALSE(parse_create_account_call(salted));
  Bytes short_call(call.begin(), call.end() - 1);
  EXPECT_FALSE(parse_create_account_call(short_call));
  Bytes wrong_sel = call;
  wrong_sel[0] ^= 0xff;
  EXPECT_FALSE(parse_create_account_call(wrong_sel));
}

TEST(AccountCall, RoundTripsAndRejectsGarbage) {
  RegisterSession r{*eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"), 5, 10,
                    *eth::parse_address("0x1234567890123456789012345678901234567890"), Uint256::from_u64(77)};
  auto back = decode_account_call(encode_account_call(r));
  ASSERT_TRUE(back);
  const auto& rr = std::get<RegisterSession>(*back);
  EXPECT_EQ(rr.session, r.session);
  EXPECT_EQ(rr.valid_after, 5u);
  EXPECT_EQ(rr.valid_until, 10u);
  EXPECT_EQ(rr.spend_limit, Uint256::from_u64(77));
  TransferToken t{r.token, r.session, Uint256::from_u64(9)};
  Bytes enc = encode_account_call(t);
  EXPECT_EQ(std::get<TransferToken>(*decode_account_call(enc)).amount, Uint256::from_u64(9));
  EXPECT_FALSE(decode_account_call(Bytes(enc.begin(), enc.end() - 1)));
  Bytes extra = enc;
  extra.push_back(0);
  EXPECT_FALSE(decode_account_call(extra));
  Bytes bad_sel = enc;
  bad_sel[3] ^= 1;
  EXPECT_FALSE(decode_account_call(bad_sel));
  EXPECT_FALSE(decode_account_call(Bytes{1, 2}));
  // validUntil beyond 64 bits.
  Bytes big = encode_account_call(r);
  big[4 + 64] = 1;
  EXPECT_FALSE(decode_account_call(big));
}

}  // namespace
}  // namespace okmpc::chain
