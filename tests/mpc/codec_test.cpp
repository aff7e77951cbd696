// ByteWriter/ByteReader: exact wire format, and every failure class with its
// code and location (curve-element reads are covered in typed_curve_test.cpp).
#include <gtest/gtest.h>

#include "mpc/codec.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/hex.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

TEST(Codec, WriterProducesTheSpecifiedBytes) {
  ByteWriter w;
  w.write_u8(0x01).write_u16(0x0203).write_u32(0x04050607).write_u64(0x08090a0b0c0d0e0fULL);
  w.write_var_bytes(Bytes{0xaa, 0xbb}).write_string("hi").write_bytes(Bytes{0xcc});
  EXPECT_EQ(to_hex(w.finish()),
            "01" "0203" "04050607" "08090a0b0c0d0e0f" "00000002aabb" "000000026869" "cc");
  EXPECT_EQ(w.size(), 0u);  // finish() empties the writer
}

TEST(Codec, ReaderRoundTrip) {
  ByteWriter w;
  w.write_u8(9).write_u16(65535).write_u32(1).write_u64(~uint64_t{0}).write_string("okmpc");
  const Bytes wire = w.finish();
  ByteReader r(wire);
  EXPECT_EQ(*r.read_u8(), 9);
  EXPECT_EQ(*r.read_u16(), 65535);
  EXPECT_EQ(*r.read_u32(), 1u);
  EXPECT_EQ(*r.read_u64(), ~uint64_t{0});
  EXPECT_EQ(*r.read_string(16), "okmpc");
  EXPECT_EQ(r.remaining(), 0u);
  EXPECT_TRUE(r.finish());
}

TEST(Codec, TruncationNamesPayloadFieldAndOffset) {
  const Bytes wire = {0, 0, 0};
  ByteReader r(wire, "dkg round2");
  auto v = r.read_u32("share index");
  ASSERT_FALSE(v);
  EXPECT_EQ(v.error().code, ErrorCode::kInvalidEncoding);
  EXPECT_NE(v.error().message.find("dkg round2: share index at offset 0"), std::string::npos)
      << v.error().message;
  EXPECT_EQ(r.offset(), 0u);  // a failed read consumes nothing
  EXPECT_EQ(*r.read_u16(), 0);
  EXPECT_FALSE(r.read_bytes(2));
  EXPECT_TRUE(r.read_bytes(1));
  EXPECT_TRUE(r.finish());
}

TEST(Codec, OversizeAndTruncatedLengthPrefixes) {
  ByteWriter w;
  w.write_var_bytes(Bytes(10, 7));
  const Bytes wire = w.finish();
  {
    ByteReader r(wire);
    auto v = r.read_var_bytes(9);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().code, ErrorCode::kInvalidEncoding);
    EXPECT_NE(v.error().message.find("exceeds the limit 9"), std::string::npos);
  }
  {
    ByteReader r(ByteView(wire).first(8));  // length says 10, only 4 present
    auto v = r.read_var_bytes(100);
    ASSERT_FALSE(v);
    EXPECT_EQ(v.error().code, ErrorCode::kInvalidEncoding);
  }
  {
    const Bytes huge_len = {0xff, 0xff, 0xff, 0xff};
    ByteReader r(huge_len);
    EXPECT_FALSE(r.read_var_bytes(SIZE_MAX));  // never reads past the view
  }
}

TEST(Codec, TrailingBytesFailFinish) {
  const Bytes wire = {1, 2};
  ByteReader r(wire, "payload");
  (void)r.read_u8();
  auto st = r.finish();
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidEncoding);
  EXPECT_NE(st.error().message.find("1 trailing bytes at offset 1"), std::string::npos);
}

TEST(Codec, InvalidCurveElementsKeepTheCurveErrorCode) {
  ByteWriter w;
  w.write_bytes(Bytes(33, 0));  // secp256k1 identity
  w.write_bytes(*from_hex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"));  // n
  const Bytes wire = w.finish();
  ByteReader r(wire);
  auto p = r.read_point<Secp256k1>("R");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, ErrorCode::kInvalidPoint);
  ByteReader r2(ByteView(wire).subspan(33));
  auto s = r2.read_scalar<Secp256k1>("z");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidScalar);
  const Bytes torsion = *from_hex("0000000000000000000000000000000000000000000000000000000000000080");
  ByteReader r3(torsion);
  auto t = r3.read_point<Ed25519>("A");  // a torsion point
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidPoint);
}

TEST(Codec, ReadArrayCopiesExactly) {
  const Bytes wire = {1, 2, 3, 4};
  ByteReader r(wire);
  auto a = r.read_array<3>();
  ASSERT_TRUE(a);
  EXPECT_EQ((*a), (ByteArray<3>{1, 2, 3}));
  EXPECT_FALSE(r.read_array<2>());
}

}  // namespace
}  // namespace okmpc
