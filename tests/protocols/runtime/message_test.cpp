// Wire format v1 of runtime::Message: exact layout, round trip, strict decode.
#include <gtest/gtest.h>

#include "mpc/hex.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {
namespace {

Message sample() {
  Message m;
  m.protocol = ProtocolId::kDkg;
  m.version = 3;
  m.session.fill(0xab);
  m.round = 2;
  m.from = 5;
  m.to = 258;
  m.payload = {0xde, 0xad};
  return m;
}

TEST(MessageWire, ExactLayout) {
  const Bytes wire = sample().encode();
  ASSERT_EQ(wire.size(), Message::kHeaderBytes + 2);
  EXPECT_EQ(to_hex(wire),
            "01" "0002" "0003" + to_hex(Bytes(32, 0xab)) +
                "0002" "00000005" "00000102" "00000002" "dead");
}

TEST(MessageWire, SignedFormatCarriesTheSignatureAfterThePayload) {
  Message m = sample();
  m.signature.emplace();
  m.signature->fill(0x5a);
  const Bytes wire = m.encode();
  ASSERT_EQ(wire.size(), Message::kHeaderBytes + 2 + 64);
  EXPECT_EQ(m.wire_size(), wire.size());
  EXPECT_EQ(wire[0], Message::kSignedFormat);
  EXPECT_EQ(to_hex(ByteView(wire).subspan(Message::kHeaderBytes)), "dead" + to_hex(Bytes(64, 0x5a)));
  auto back = Message::decode(wire);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, m);
  Bytes extra = wire;
  extra.push_back(0);
  EXPECT_FALSE(Message::decode(extra));
}

TEST(MessageWire, RoundTrip) {
  const Message m = sample();
  auto back = Message::decode(m.encode());
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, m);
  Message empty = sample();
  empty.payload.clear();
  empty.to = kBroadcast;
  auto back2 = Message::decode(empty.encode());
  ASSERT_TRUE(back2);
  EXPECT_TRUE(back2->is_broadcast());
  EXPECT_EQ(*back2, empty);
}

TEST(MessageWire, StrictDecodeRejections) {
  const Bytes good = sample().encode();
  auto expect_bad = [](const Bytes& wire, const char* what) {
    auto r = Message::decode(wire);
    ASSERT_FALSE(r) << what;
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding) << what;
  };
  expect_bad(Bytes(good.begin(), good.begin() + 10), "short header");
  expect_bad(Bytes{}, "empty");
  Bytes fmt = good;
  fmt[0] = 3;
  expect_bad(fmt, "unknown format");
  Bytes unsigned_as_signed = good;
  unsigned_as_signed[0] = Message::kSignedFormat;
  expect_bad(unsigned_as_signed, "signed format without its 64-byte signature");
  expect_bad(Bytes(good.begin(), good.end() - 1), "truncated payload");
  Bytes trailing = good;
  trailing.push_back(0);
  expect_bad(trailing, "trailing byte");
  Message zero_from = sample();
  zero_from.from = 0;
  expect_bad(zero_from.encode(), "sender 0");
  Message zero_round = sample();
  zero_round.round = 0;
  expect_bad(zero_round.encode(), "round 0");
  Bytes huge = good;
  huge[49] = 0x7f;  // length field's top byte: far above kMaxPayload
  expect_bad(huge, "oversized length");
}

TEST(MessageWire, DecodeErrorNamesSenderOnceHeaderIsKnown) {
  Bytes wire = sample().encode();
  wire.push_back(1);
  auto r = Message::decode(wire);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{5});
}

}  // namespace
}  // namespace okmpc::runtime
