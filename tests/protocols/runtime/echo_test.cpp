// Echo tables of the reliable broadcast: encoding, strict decoding, blame.
#include <gtest/gtest.h>

#include "protocols/runtime/echo.hpp"

namespace okmpc::runtime {
namespace {

Hash32 digest(uint8_t b) {
  Hash32 h;
  h.fill(b);
  return h;
}

EchoTable table3() { return {{1, digest(1)}, {2, digest(2)}, {3, digest(3)}}; }

TEST(Echo, RoundTripAndLayout) {
  const Bytes enc = encode_echo(ProtocolId::kDkg, table3());
  ASSERT_EQ(enc.size(), 4u + 3 * 36);
  EXPECT_EQ(enc[0], 0);
  EXPECT_EQ(enc[1], 2);  // kDkg
  EXPECT_EQ(enc[3], 3);  // count
  auto back = decode_echo(enc, ProtocolId::kDkg, 9);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, table3());
}

TEST(Echo, StrictDecode) {
  const Bytes enc = encode_echo(ProtocolId::kDkg, table3());
  auto bad = [](const Bytes& b, ProtocolId p) {
    auto r = decode_echo(b, p, 4);
    EXPECT_FALSE(r);
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
      EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{4});
    }
  };
  bad(enc, ProtocolId::kFrost);
  bad(Bytes(enc.begin(), enc.end() - 1), ProtocolId::kDkg);
  Bytes longer = enc;
  longer.push_back(0);
  bad(longer, ProtocolId::kDkg);
  Bytes unsorted = enc;
  std::swap(unsorted[4 + 3], unsorted[4 + 36 + 3]);  // senders 2,1,3
  bad(unsorted, ProtocolId::kDkg);
  bad(Bytes{0, 2}, ProtocolId::kDkg);
}

TEST(Echo, AgreementPasses) {
  std::map<PartyId, EchoTable> echoes{{2, table3()}, {3, table3()}};
  EXPECT_TRUE(judge_echoes(1, 1, table3(), echoes));
}

TEST(Echo, ThirdPartyMismatchBlamesTheSender) {
  EchoTable other = table3();
  other[3] = digest(0x33);
  auto st = judge_echoes(1, 1, table3(), {{2, other}, {3, table3()}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{3});
}

TEST(Echo, LieAboutJudgesOwnMessageBlamesTheEchoer) {
  EchoTable lie = table3();
  lie[1] = digest(0x11);
  auto st = judge_echoes(1, 1, table3(), {{2, lie}, {3, table3()}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{2});
}

TEST(Echo, WrongSenderSetBlamesTheEchoer) {
  EchoTable missing = table3();
  missing.erase(3);
  auto st = judge_echoes(1, 1, table3(), {{2, missing}, {3, table3()}});
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{2});
}

}  // namespace
}  // namespace okmpc::runtime
