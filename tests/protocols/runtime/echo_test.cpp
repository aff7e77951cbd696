// Reliable broadcast pieces (echo.hpp): signed broadcast statements, the
// echo digest and evidence codecs with strict decoding, and every blame rule
// of the evidence judgment, including the cases where a lying echoer must
// not frame an honest sender.
#include <gtest/gtest.h>

#include "protocols/runtime/echo.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::runtime {
namespace {

EchoContext ctx() {
  EchoContext c;
  c.protocol = ProtocolId::kDkg;
  c.version = 1;
  c.session.fill(0x42);
  c.round = 1;
  return c;
}

IdentityKey key(PartyId p) { return simnet_identity(9, p); }

IdentityDirectory directory() {
  IdentityDirectory d;
  for (PartyId p = 1; p <= 4; ++p) d.emplace(p, key(p).public_key());
  return d;
}

SignedBroadcast signed_by(PartyId p, Bytes payload) {
  SignedBroadcast b;
  b.signature = sign_broadcast(ctx(), p, payload, key(p));
  b.payload = std::move(payload);
  return b;
}

// The honest view: party p broadcast {p, p, p}.
BroadcastView honest_view() {
  BroadcastView v;
  for (PartyId p = 1; p <= 4; ++p) v.emplace(p, signed_by(p, Bytes(3, static_cast<uint8_t>(p))));
  return v;
}

// Echo digests and evidence when every party k in `views` reports views[k].
struct Reports {
  std::map<PartyId, Hash32> echoes;
  std::map<PartyId, BroadcastView> evidence;
  void add(PartyId k, const BroadcastView& v) {
    echoes[k] = echo_digest(ctx(), v);
    evidence[k] = v;
  }
};

Status judge(PartyId self, const BroadcastView& own, const Reports& r) {
  const IdentityDirectory d = directory();
  return judge_evidence(ctx(), self, own, r.echoes, r.evidence, &d);
}

void expect_culprits(const Status& st, std::vector<uint32_t> culprits, const char* needle) {
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(st.error().culprits, culprits) << st.error();
  EXPECT_NE(st.error().message.find(needle), std::string::npos) << st.error();
}

TEST(EchoStatement, SignatureBindsSessionRoundSenderAndPayload) {
  const SignedBroadcast b = signed_by(2, {1, 2, 3});
  const IdentityPublicKey pk = key(2).public_key();
  EXPECT_TRUE(verify_broadcast_vartime(ctx(), 2, b, pk));
  EXPECT_FALSE(verify_broadcast_vartime(ctx(), 3, b, pk));  // another sender
  EchoContext other = ctx();
  other.round = 2;
  EXPECT_FALSE(verify_broadcast_vartime(other, 2, b, pk));
  other = ctx();
  other.session[31] ^= 1;
  EXPECT_FALSE(verify_broadcast_vartime(other, 2, b, pk));
  other = ctx();
  other.protocol = ProtocolId::kFrost;
  EXPECT_FALSE(verify_broadcast_vartime(other, 2, b, pk));
  SignedBroadcast changed = b;
  changed.payload[0] ^= 1;
  EXPECT_FALSE(verify_broadcast_vartime(ctx(), 2, changed, pk));
  EXPECT_FALSE(verify_broadcast_vartime(ctx(), 2, b, key(3).public_key()));
}

TEST(EchoDigest, DependsOnPayloadsNotSignatures) {
  BroadcastView v = honest_view();
  const Hash32 e = echo_digest(ctx(), v);
  v[3].signature[0] ^= 1;
  EXPECT_EQ(echo_digest(ctx(), v), e);
  v[3].payload[0] ^= 1;
  EXPECT_NE(echo_digest(ctx(), v), e);
  EchoContext later = ctx();
  later.round = 2;
  EXPECT_NE(echo_digest(later, honest_view()), e);
}

TEST(EchoCodec, EchoIsOneDigestWithStrictDecode) {
  Hash32 d{};
  d.fill(7);
  const Bytes enc = encode_echo(ProtocolId::kDkg, d);
  ASSERT_EQ(enc.size(), 34u);
  EXPECT_EQ(enc[0], 0);
  EXPECT_EQ(enc[1], 2);  // kDkg
  auto back = decode_echo(enc, ProtocolId::kDkg, 4);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, d);
  for (const Bytes& bad : {Bytes(enc.begin(), enc.end() - 1), Bytes{0}, Bytes{}}) {
    auto r = decode_echo(bad, ProtocolId::kDkg, 4);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
    EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{4});
  }
  Bytes longer = enc;
  longer.push_back(0);
  EXPECT_FALSE(decode_echo(longer, ProtocolId::kDkg, 4));
  EXPECT_FALSE(decode_echo(enc, ProtocolId::kFrost, 4));
}

TEST(EchoCodec, EvidenceRoundTripAndStrictDecode) {
  const BroadcastView v = honest_view();
  const Bytes enc = encode_evidence(ProtocolId::kDkg, v);
  ASSERT_EQ(enc.size(), 4u + 4 * (8 + 3 + 64));
  auto back = decode_evidence(enc, ProtocolId::kDkg, 2);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(*back, v);
  auto bad = [](const Bytes& b, ProtocolId p) {
    auto r = decode_evidence(b, p, 2);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::kInvalidEncoding);
    EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
  };
  bad(enc, ProtocolId::kFrost);
  bad(Bytes(enc.begin(), enc.end() - 1), ProtocolId::kDkg);
  Bytes longer = enc;
  longer.push_back(0);
  bad(longer, ProtocolId::kDkg);
  Bytes unsorted = enc;
  std::swap(unsorted[4 + 3], unsorted[4 + 75 + 3]);  // senders 2, 1, ...
  bad(unsorted, ProtocolId::kDkg);
  Bytes huge_length = enc;
  huge_length[4 + 4] = 0xff;
  bad(huge_length, ProtocolId::kDkg);
  bad(Bytes{0, 2, 0}, ProtocolId::kDkg);
}

TEST(EchoJudge, AgreementBlamesNobody) {
  Reports r;
  for (PartyId k : {2, 3, 4}) r.add(k, honest_view());
  EXPECT_TRUE(judge(1, honest_view(), r));
}

TEST(EchoJudge, OwnViewWithAForgedBroadcastNamesItsSender) {
  BroadcastView v = honest_view();
  v[3].payload[1] ^= 1;  // what arrived from 3 is not what 3 signed
  auto st = check_own_view(ctx(), 1, v, directory());
  expect_culprits(st, {3}, "without a valid identity signature from party 3");
  EXPECT_TRUE(check_own_view(ctx(), 1, honest_view(), directory()));
}

TEST(EchoJudge, SignedEquivocationNamesTheSender) {
  // Sender 3 signed two payloads: party 2 got the other one.
  Reports r;
  BroadcastView seen_by_2 = honest_view();
  seen_by_2[3] = signed_by(3, {9, 9, 9});
  r.add(2, seen_by_2);
  r.add(3, honest_view());
  r.add(4, honest_view());
  expect_culprits(judge(1, honest_view(), r), {3}, "party 3 signed two different broadcasts");
}

TEST(EchoJudge, LyingEchoerCannotFrameAnHonestSender) {
  // Echoer 2 claims sender 3 said something else, but cannot sign as 3.
  Reports r;
  BroadcastView lie = honest_view();
  lie[3].payload = {9, 9, 9};
  r.add(2, lie);
  r.add(3, honest_view());
  r.add(4, honest_view());
  expect_culprits(judge(1, honest_view(), r), {2}, "party 3 never signed");
}

TEST(EchoJudge, EvidenceThatDoesNotBackTheEchoNamesTheEchoer) {
  Reports r;
  for (PartyId k : {2, 3, 4}) r.add(k, honest_view());
  r.echoes[4][0] ^= 1;  // 4 echoed something its evidence does not support
  expect_culprits(judge(1, honest_view(), r), {4}, "evidence does not match its echo");
}

TEST(EchoJudge, MisreportingTheJudgesOwnBroadcastNamesTheEchoer) {
  Reports r;
  BroadcastView lie = honest_view();
  lie[1] = signed_by(1, {0});  // even a signature of party 1 (a replayed one) does not help
  r.add(2, lie);
  r.add(3, honest_view());
  r.add(4, honest_view());
  expect_culprits(judge(1, honest_view(), r), {2}, "misreports party 1's own broadcast");
}

TEST(EchoJudge, WrongSenderSetNamesTheEchoer) {
  Reports r;
  BroadcastView missing = honest_view();
  missing.erase(4);
  r.add(2, missing);
  r.add(3, honest_view());
  r.add(4, honest_view());
  expect_culprits(judge(1, honest_view(), r), {2}, "wrong set of senders");
}

TEST(EchoJudge, EquivocatingSenderAndLyingEchoerBothNamedNobodyElse) {
  // Sender 3 equivocates towards party 2 (validly signed), and echoer 4
  // lies about sender 2 (unsigned): each provable, nobody honest named.
  Reports r;
  BroadcastView seen_by_2 = honest_view();
  seen_by_2[3] = signed_by(3, {8});
  r.add(2, seen_by_2);
  r.add(3, honest_view());
  BroadcastView lie = honest_view();
  lie[2].payload = {7};
  r.add(4, lie);
  expect_culprits(judge(1, honest_view(), r), {3, 4}, "equivocated broadcast in round 1 by party 3, 4");
}

TEST(EchoJudge, WithoutIdentitiesAThirdPartyMismatchNamesNobody) {
  // Unsigned mode: "sender 3 or echoer 2" cannot be decided, so nobody is
  // named (an honest party must never be); provable lies still are.
  Reports r;
  BroadcastView other = honest_view();
  other[3].payload = {9, 9, 9};
  r.add(2, other);
  r.add(3, honest_view());
  r.add(4, honest_view());
  auto st = judge_evidence(ctx(), 1, honest_view(), r.echoes, r.evidence, nullptr);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kProtocolAbort);
  EXPECT_TRUE(st.error().culprits.empty()) << st.error();
  r.echoes[4][0] ^= 1;
  auto named = judge_evidence(ctx(), 1, honest_view(), r.echoes, r.evidence, nullptr);
  ASSERT_FALSE(named);
  EXPECT_EQ(named.error().culprits, std::vector<uint32_t>{4}) << named.error();
}

}  // namespace
}  // namespace okmpc::runtime
