// Tests of protocols/ecdsa/ot/base_ot: the verified Simplest OT gives
// consistent pads, feeds the KOS extension, and catches a cheating sender or
// receiver.
#include <gtest/gtest.h>

#include "mpc/rng.hpp"
#include "protocols/ecdsa/ot/base_ot.hpp"

namespace okmpc::ecdsa::ot {
namespace {

struct BaseOtRun {
  Step1 s1;
  Step2 s2;
  Bytes m3, m4, m5;
};

BaseOtRun run_to_message5(ByteView sid, Rng& rng) {
  BaseOtRun r{base_ot_sender_hello(sid, rng), {}, {}, {}, {}};
  auto s2 = base_ot_receiver_choose(sid, r.s1.message, rng);
  EXPECT_TRUE(s2) << s2.error();
  r.s2 = std::move(*s2);
  auto m3 = base_ot_sender_challenge(r.s1.state, sid, r.s2.message);
  EXPECT_TRUE(m3) << m3.error();
  r.m3 = *m3;
  auto m4 = base_ot_receiver_respond(r.s2.state, r.m3);
  EXPECT_TRUE(m4) << m4.error();
  r.m4 = *m4;
  auto m5 = base_ot_sender_open(r.s1.state, r.m4);
  EXPECT_TRUE(m5) << m5.error();
  r.m5 = *m5;
  return r;
}

TEST(BaseOt, PadsAreConsistentAndSeedKos) {
  DeterministicRng rng(10);
  const Bytes sid = {'p', 'a', 'i', 'r'};
  BaseOtRun r = run_to_message5(sid, rng);
  auto seeds = base_ot_receiver_finish(r.s2.state, r.m5);
  ASSERT_TRUE(seeds) << seeds.error();
  const SenderSeeds& s = seeds->expose();
  const ReceiverSeeds& pads = r.s1.state.pads.expose();
  for (size_t i = 0; i < kKappa; ++i) {
    EXPECT_EQ(s.seeds[i], s.delta.bit(i) ? pads.seeds1[i] : pads.seeds0[i]);
    EXPECT_NE(pads.seeds0[i], pads.seeds1[i]);
  }
  ReceiverExtension ext = kos_extend_receiver(pads, sid, 64, rng);
  auto q = kos_extend_sender(s, sid, ext.message, 64);
  ASSERT_TRUE(q) << q.error();
  for (size_t j = 0; j < 64; ++j) {
    const uint64_t x = (ext.choices.expose()[j / 8] >> (j % 8)) & 1u;
    EXPECT_EQ((*q)[j], ext.rows[j] ^ (s.delta & Block::mask(x)));
  }
}

TEST(BaseOt, ForgedProofOfKnowledgeIsRejected) {
  DeterministicRng rng(11);
  Step1 s1 = base_ot_sender_hello(Bytes{1}, rng);
  // The proof is bound to the session: replaying it in another one fails.
  auto s2 = base_ot_receiver_choose(Bytes{2}, s1.message, rng);
  ASSERT_FALSE(s2);
  EXPECT_EQ(s2.error().code, ErrorCode::kProtocolAbort);
  s1.message.back() ^= 1;
  EXPECT_FALSE(base_ot_receiver_choose(Bytes{1}, s1.message, rng));
}

TEST(BaseOt, SenderWithInconsistentPadIsCaught) {
  DeterministicRng rng(12);
  const Bytes sid = {3};
  BaseOtRun r = run_to_message5(sid, rng);
  // A sender that opens a pad other than the one its challenge committed to
  // (selective failure on one OT) is caught whatever the receiver's choice.
  r.m5[7 * 64 + 5] ^= 1;
  r.m5[7 * 64 + 32 + 5] ^= 1;
  auto seeds = base_ot_receiver_finish(r.s2.state, r.m5);
  ASSERT_FALSE(seeds);
  EXPECT_EQ(seeds.error().code, ErrorCode::kProtocolAbort);
}

TEST(BaseOt, ReceiverWithWrongResponseIsCaught) {
  DeterministicRng rng(13);
  const Bytes sid = {4};
  BaseOtRun r = run_to_message5(sid, rng);
  Bytes bad = r.m4;
  bad[3] ^= 0x80;
  auto m5 = base_ot_sender_open(r.s1.state, bad);
  ASSERT_FALSE(m5);
  EXPECT_EQ(m5.error().code, ErrorCode::kProtocolAbort);
}

TEST(BaseOt, MalformedMessagesAreEncodingErrors) {
  DeterministicRng rng(14);
  Step1 s1 = base_ot_sender_hello(Bytes{5}, rng);
  Bytes longer = s1.message;
  longer.push_back(0);
  auto s2 = base_ot_receiver_choose(Bytes{5}, longer, rng);
  ASSERT_FALSE(s2);
  EXPECT_EQ(s2.error().code, ErrorCode::kInvalidEncoding);
  Bytes identity(33 * kKappa, 0);  // identity points are rejected by the codec
  EXPECT_FALSE(base_ot_sender_challenge(s1.state, Bytes{5}, identity));
}

}  // namespace
}  // namespace okmpc::ecdsa::ot
