// Strict point decoding: one test per bad-input class, each checking the
// ErrorCode (STYLE.md §8).
#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

#include "mpc/ed25519.hpp"
#include "mpc/hex.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

Bytes hex(std::string_view h) {
  auto b = from_hex(h);
  EXPECT_TRUE(b) << h;
  return b ? *b : Bytes{};
}

template <class P>
ErrorCode decode_error(ByteView b) {
  auto r = P::from_bytes(b);
  EXPECT_FALSE(r) << to_hex(b);
  return r ? ErrorCode::kInternal : r.error().code;
}

// ---- secp256k1 ----------------------------------------------------------------

constexpr std::string_view kGx = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
constexpr std::string_view kGy = "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8";
using SP = Secp256k1::Point;

TEST(Secp256k1PointDecode, AcceptsCompressedAndUncompressedGenerator) {
  auto c = SP::from_bytes(hex("02" + std::string(kGx)));
  auto u = SP::from_bytes(hex("04" + std::string(kGx) + std::string(kGy)));
  ASSERT_TRUE(c);
  ASSERT_TRUE(u);
  EXPECT_EQ(*c, SP::generator());
  EXPECT_EQ(*u, SP::generator());
  EXPECT_EQ(to_hex(u->to_bytes_uncompressed()), "04" + std::string(kGx) + std::string(kGy));
  auto neg = SP::from_bytes(hex("03" + std::string(kGx)));
  ASSERT_TRUE(neg);
  EXPECT_EQ(*neg, -SP::generator());
}

TEST(Secp256k1PointDecode, RejectsHybridPrefixes) {
  // 06/07 ‖ X ‖ Y is a valid SEC 1 "hybrid" encoding libsecp256k1 would parse.
  EXPECT_EQ(decode_error<SP>(hex("06" + std::string(kGx) + std::string(kGy))), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(hex("07" + std::string(kGx) + std::string(kGy))), ErrorCode::kInvalidEncoding);
}

TEST(Secp256k1PointDecode, RejectsBadPrefixForLength) {
  EXPECT_EQ(decode_error<SP>(hex("04" + std::string(kGx))), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(hex("05" + std::string(kGx))), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(hex("02" + std::string(kGx) + std::string(kGy))), ErrorCode::kInvalidEncoding);
}

TEST(Secp256k1PointDecode, RejectsIdentity) {
  EXPECT_EQ(decode_error<SP>(Bytes(33, 0)), ErrorCode::kInvalidPoint);
  EXPECT_EQ(decode_error<SP>(Bytes(1, 0)), ErrorCode::kInvalidEncoding);  // SEC 1 infinity octet
  EXPECT_EQ(decode_error<SP>(Bytes(65, 0)), ErrorCode::kInvalidEncoding);
}

TEST(Secp256k1PointDecode, RejectsOffCurve) {
  // x = 5: 5^3 + 7 = 132 is not a square mod p.
  EXPECT_EQ(decode_error<SP>(hex("02" + std::string(63, '0') + "5")), ErrorCode::kInvalidPoint);
  // G with y + 1.
  std::string y1(kGy);
  y1.back() = '9';
  EXPECT_EQ(decode_error<SP>(hex("04" + std::string(kGx) + y1)), ErrorCode::kInvalidPoint);
  // x >= p.
  EXPECT_EQ(decode_error<SP>(hex("02" + std::string(64, 'f'))), ErrorCode::kInvalidPoint);
}

TEST(Secp256k1PointDecode, RejectsWrongLengthsAndTrailingBytes) {
  Bytes g = hex("02" + std::string(kGx));
  Bytes longer = g;
  longer.push_back(0);
  EXPECT_EQ(decode_error<SP>(longer), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(ByteView(g).first(32)), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(ByteView{}), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<SP>(ByteView(g).subspan(1)), ErrorCode::kInvalidEncoding);  // bare X
}

// ---- Ed25519 ------------------------------------------------------------------

using EP = Ed25519::Point;

// The eight points of the torsion subgroup E[8] (orders 1, 2, 4, 4, 8, 8, 8, 8).
constexpr std::string_view kTorsion[8] = {
    "0100000000000000000000000000000000000000000000000000000000000000",
    "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
    "0000000000000000000000000000000000000000000000000000000000000000",
    "0000000000000000000000000000000000000000000000000000000000000080",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
    "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
};

TEST(Ed25519PointDecode, AcceptsBasePoint) {
  auto b = EP::from_bytes(hex("5866666666666666666666666666666666666666666666666666666666666666"));
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, EP::generator());
}

TEST(Ed25519PointDecode, RejectsAllEightTorsionPointsIncludingIdentity) {
  for (auto t : kTorsion) EXPECT_EQ(decode_error<EP>(hex(t)), ErrorCode::kInvalidPoint) << t;
  EXPECT_EQ(to_hex(EP::identity().to_bytes()), kTorsion[0]);
}

TEST(Ed25519PointDecode, RejectsMixedOrderPoints) {
  // B + T for each nontrivial torsion point T: on the curve, not in the
  // prime-order subgroup.
  const ByteArray<32> b = EP::generator().to_bytes();
  for (size_t i = 1; i < 8; ++i) {
    Bytes t = hex(kTorsion[i]);
    ByteArray<32> mixed;
    ASSERT_EQ(crypto_core_ed25519_add(mixed.data(), b.data(), t.data()), 0);
    EXPECT_EQ(decode_error<EP>(mixed), ErrorCode::kInvalidPoint) << to_hex(mixed);
  }
}

TEST(Ed25519PointDecode, RejectsNonCanonicalY) {
  // y = p + 1 (the identity's y, non-canonically), y = p + 3, y = 2^255 - 1.
  EXPECT_EQ(decode_error<EP>(hex("eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
            ErrorCode::kInvalidPoint);
  EXPECT_EQ(decode_error<EP>(hex("f0ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
            ErrorCode::kInvalidPoint);
  EXPECT_EQ(decode_error<EP>(hex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f")),
            ErrorCode::kInvalidPoint);
  EXPECT_EQ(decode_error<EP>(hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")),
            ErrorCode::kInvalidPoint);
}

TEST(Ed25519PointDecode, RejectsOffCurve) {
  // y = 2 has no x on the curve.
  EXPECT_EQ(decode_error<EP>(hex("0200000000000000000000000000000000000000000000000000000000000000")),
            ErrorCode::kInvalidPoint);
}

TEST(Ed25519PointDecode, RejectsWrongLengthsAndTrailingBytes) {
  Bytes b = hex("5866666666666666666666666666666666666666666666666666666666666666");
  Bytes longer = b;
  longer.push_back(0);
  EXPECT_EQ(decode_error<EP>(longer), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<EP>(ByteView(b).first(31)), ErrorCode::kInvalidEncoding);
  EXPECT_EQ(decode_error<EP>(ByteView{}), ErrorCode::kInvalidEncoding);
}

}  // namespace
}  // namespace okmpc
