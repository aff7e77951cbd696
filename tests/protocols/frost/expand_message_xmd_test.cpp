// expand_message_xmd(SHA-256) against RFC 9380 Appendix K.1.
#include "protocols/frost/expand_message_xmd.hpp"

#include <gtest/gtest.h>

#include <array>
#include <string>

#include "mpc/hex.hpp"

namespace okmpc::frost {
namespace {

constexpr std::string_view kDst = "QUUX-V01-CS02-with-expander-SHA256-128";

std::string expand_hex(std::string_view msg, size_t len) {
  Bytes out(len);
  EXPECT_TRUE(expand_message_xmd_sha256({as_bytes(msg)}, as_bytes(kDst), out));
  return to_hex(out);
}

TEST(ExpandMessageXmd, Rfc9380AppendixK1EmptyMessage) {
  EXPECT_EQ(expand_hex("", 0x20), "68a985b87eb6b46952128911f2a4412bbc302a9d759667f87f7a21d803f07235");
}

TEST(ExpandMessageXmd, Rfc9380AppendixK1Abc) {
  EXPECT_EQ(expand_hex("abc", 0x20), "d8ccab23b5985ccea865c6c97b6e5b8350e794e603b4b97902f53a8a0d605615");
}

TEST(ExpandMessageXmd, SplitMessageEqualsWholeMessage) {
  Bytes whole(48), split(48);
  ASSERT_TRUE(expand_message_xmd_sha256({as_bytes("abcdef0123456789")}, as_bytes(kDst), whole));
  ASSERT_TRUE(expand_message_xmd_sha256({as_bytes("abcdef"), as_bytes(""), as_bytes("0123456789")},
                                        as_bytes(kDst), split));
  EXPECT_EQ(whole, split);
  Bytes shorter(32);
  ASSERT_TRUE(expand_message_xmd_sha256({as_bytes("abcdef0123456789")}, as_bytes(kDst), shorter));
  // The length is an input of b_0: a 32-byte output is not a prefix of the 48-byte one.
  EXPECT_NE(Bytes(whole.begin(), whole.begin() + 32), shorter);
}

TEST(ExpandMessageXmd, RejectsOutOfContractLengths) {
  std::array<uint8_t, 32> out{};
  EXPECT_EQ(expand_message_xmd_sha256({}, ByteView{}, out).error().code, ErrorCode::kInvalidArgument);
  const Bytes long_dst(256, 'x');
  EXPECT_EQ(expand_message_xmd_sha256({}, long_dst, out).error().code, ErrorCode::kInvalidArgument);
  Bytes too_long(255 * 32 + 1);
  EXPECT_EQ(expand_message_xmd_sha256({}, as_bytes(kDst), too_long).error().code,
            ErrorCode::kInvalidArgument);
  std::span<uint8_t> empty;
  EXPECT_EQ(expand_message_xmd_sha256({}, as_bytes(kDst), empty).error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::frost
