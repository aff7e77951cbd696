// Transcript: the framing in mpc/transcript.hpp recomputed independently with
// SHA-512, and the ambiguity classes it must exclude.
#include <gtest/gtest.h>

#include <algorithm>

#include "mpc/hash.hpp"
#include "mpc/hex.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/transcript.hpp"

namespace okmpc {
namespace {

void field(Bytes& out, uint8_t op, std::string_view label) {
  out.push_back(op);
  append_u64_be(out, label.size());
  append(out, as_bytes(label));
}
void framed(Bytes& out, std::string_view label, ByteView data) {
  field(out, 0x01, label);
  append_u64_be(out, data.size());
  append(out, data);
}

TEST(Transcript, ChallengeIsSha512OfTheSpecifiedFraming) {
  Transcript t("okmpc/test", as_bytes("sid-1"));
  t.append("msg", as_bytes("hello"));
  t.append_u64("n", 3);
  const ByteArray<64> c1 = t.challenge_wide("c1");
  const ByteArray<32> c2 = t.challenge_bytes("c2");

  Bytes stream;
  append(stream, as_bytes("okmpc/transcript/v1"));
  framed(stream, "domain", as_bytes("okmpc/test"));
  framed(stream, "session-id", as_bytes("sid-1"));
  framed(stream, "msg", as_bytes("hello"));
  Bytes three;
  append_u64_be(three, 3);
  framed(stream, "n", three);
  field(stream, 0x02, "c1");
  EXPECT_EQ(c1, sha512(stream));
  framed(stream, "challenge", c1);
  field(stream, 0x02, "c2");
  const Hash64 expect2 = sha512(stream);
  EXPECT_TRUE(std::equal(c2.begin(), c2.end(), expect2.begin()));
}

TEST(Transcript, BoundariesBetweenLabelAndDataAreUnambiguous) {
  Transcript a("d"), b("d"), c("d"), e("d");
  a.append("ab", as_bytes("c"));
  b.append("a", as_bytes("bc"));
  c.append("a", as_bytes("b"));
  c.append("", as_bytes("c"));
  e.append("a", as_bytes("b"));
  const auto ca = a.challenge_bytes("x"), cb = b.challenge_bytes("x"), cc = c.challenge_bytes("x"),
             ce = e.challenge_bytes("x");
  EXPECT_NE(ca, cb);
  EXPECT_NE(cb, cc);
  EXPECT_NE(cc, ce);  // an appended empty-label field still changes the state
}

TEST(Transcript, SessionIdAndOrderMatter) {
  Transcript a("d", as_bytes("s1")), b("d", as_bytes("s2"));
  EXPECT_NE(a.challenge_bytes("x"), b.challenge_bytes("x"));
  Transcript c("d"), e("d");
  c.append("p", as_bytes("1"));
  c.append("q", as_bytes("2"));
  e.append("q", as_bytes("2"));
  e.append("p", as_bytes("1"));
  EXPECT_NE(c.challenge_bytes("x"), e.challenge_bytes("x"));
}

TEST(Transcript, CopiesForkIndependently) {
  Transcript a("d");
  a.append("common", as_bytes("prefix"));
  Transcript b = a;
  EXPECT_EQ(a.challenge_bytes("x"), b.challenge_bytes("x"));
  a.append("only-a", as_bytes("1"));
  EXPECT_NE(a.challenge_bytes("y"), b.challenge_bytes("y"));
}

TEST(Transcript, ScalarChallengeIsTheWideChallengeReduced) {
  Transcript a("d"), b("d");
  const auto wide = a.challenge_wide("c");
  EXPECT_EQ(b.challenge<Secp256k1>("c"), Secp256k1::Scalar::reduce(wide));
}

}  // namespace
}  // namespace okmpc
