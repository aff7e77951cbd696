// Tests of protocols/ecdsa/vole: c_k + d_k = a_k·b over real base OTs, and
// the consistency checks that catch a deviating Alice or Bob.
#include <gtest/gtest.h>

#include "mpc/rng.hpp"
#include "protocols/ecdsa/ot/base_ot.hpp"
#include "protocols/ecdsa/vole.hpp"

namespace okmpc::ecdsa {
namespace {

struct PairSeeds {
  Secret<ot::SenderSeeds> alice;
  Secret<ot::ReceiverSeeds> bob;
};

// Seeds from a real run of the base OT (no shortcuts).
PairSeeds base_ots(Rng& rng) {
  const Bytes sid = {'v', 'o', 'l', 'e'};
  ot::Step1 s1 = ot::base_ot_sender_hello(sid, rng);
  auto s2 = ot::base_ot_receiver_choose(sid, s1.message, rng);
  auto m3 = ot::base_ot_sender_challenge(s1.state, sid, s2->message);
  auto m4 = ot::base_ot_receiver_respond(s2->state, *m3);
  auto m5 = ot::base_ot_sender_open(s1.state, *m4);
  auto seeds = ot::base_ot_receiver_finish(s2->state, *m5);
  EXPECT_TRUE(seeds);
  return {std::move(*seeds), std::move(s1.state.pads)};
}

class VoleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DeterministicRng rng(20);
    seeds_ = base_ots(rng);
    gadget_ = gadget_vector(Bytes{7});
  }
  PairSeeds seeds_;
  std::vector<Scalar> gadget_;
};

TEST_F(VoleTest, SharesMultiplyToInputsTimesB) {
  DeterministicRng rng(21);
  const Bytes sid = {1};
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), sid, gadget_, rng);
  EXPECT_EQ(bob.message.size(), vole_bob_message_bytes());
  const Scalar b = bob.state.b.expose();
  auto alice = vole_alice(seeds_.alice.expose(), sid, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_TRUE(alice) << alice.error();
  EXPECT_EQ(alice->message.size(), vole_alice_message_bytes());
  auto d = vole_bob_finish(std::move(bob.state), gadget_, alice->message);
  ASSERT_TRUE(d) << d.error();
  EXPECT_TRUE(alice->c[0].expose() + (*d)[0].expose() == a1 * b);
  EXPECT_TRUE(alice->c[1].expose() + (*d)[1].expose() == a2 * b);
  EXPECT_FALSE(b.is_zero());
}

TEST_F(VoleTest, AliceWithInconsistentCheckValueIsCaught) {
  DeterministicRng rng(22);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{2}, gadget_, rng);
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{2}, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_TRUE(alice);
  // η (the check value) no longer matches the correlations in ã.
  const size_t eta_at = 32 + kVoleBatch * (kVoleWidth + kVoleCheck) * 32;
  alice->message[eta_at + 31] ^= 1;
  auto d = vole_bob_finish(std::move(bob.state), gadget_, alice->message);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kProtocolAbort);
}

TEST_F(VoleTest, AliceUsingAnotherPadInEveryOtIsCaught) {
  DeterministicRng rng(23);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{3}, gadget_, rng);
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{3}, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_TRUE(alice);
  // Shift the a_2 correlation of every OT by one: ã_{j,2} += 1 (another input
  // than the one η was computed from).
  Bytes tampered = alice->message;
  for (size_t j = 0; j < kVoleBatch; ++j) {
    const size_t at = 32 + (j * (kVoleWidth + kVoleCheck) + 1) * 32;
    auto s = Scalar::from_bytes(ByteView(tampered).subspan(at, 32));
    ASSERT_TRUE(s);
    const auto nb = (*s + Scalar::one()).to_bytes();
    std::copy(nb.begin(), nb.end(), tampered.begin() + static_cast<std::ptrdiff_t>(at));
  }
  auto d = vole_bob_finish(std::move(bob.state), gadget_, tampered);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kProtocolAbort);
}

TEST_F(VoleTest, AliceCheatingInOneOtIsCaught) {
  // The selective-failure attack: one OT carries another correlation, so
  // Bob's output would depend on whether β_j = 1. We alter an OT with
  // β_j = 1 (for β_j = 0 the altered value is never used): the check fails.
  DeterministicRng rng(27);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{8}, gadget_, rng);
  const SecretBytes& choices = bob.state.choices;
  size_t j = 0;
  while (((choices.expose()[j / 8] >> (j % 8)) & 1u) == 0) ++j;
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{8}, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_TRUE(alice);
  const size_t at = 32 + j * (kVoleWidth + kVoleCheck) * 32;
  Bytes tampered = alice->message;
  const auto nb = (Scalar::from_bytes(ByteView(tampered).subspan(at, 32)).value() + Scalar::one()).to_bytes();
  std::copy(nb.begin(), nb.end(), tampered.begin() + static_cast<std::ptrdiff_t>(at));
  auto d = vole_bob_finish(std::move(bob.state), gadget_, tampered);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kProtocolAbort);
}

TEST_F(VoleTest, BobDeviatingInTheOtExtensionIsCaught) {
  DeterministicRng rng(24);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{4}, gadget_, rng);
  bob.message[32 + 10] ^= 4;  // one choice bit differs in one column of u
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{4}, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_FALSE(alice);
  EXPECT_EQ(alice.error().code, ErrorCode::kProtocolAbort);
}

TEST_F(VoleTest, SessionMismatchIsCaught) {
  DeterministicRng rng(25);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{5}, gadget_, rng);
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{6}, gadget_, bob.message, {&a1, &a2}, rng);
  ASSERT_FALSE(alice);
}

TEST_F(VoleTest, TruncatedMessagesAreEncodingErrors) {
  DeterministicRng rng(26);
  const Scalar a1 = Scalar::random(rng), a2 = Scalar::random(rng);
  VoleBobStart bob = vole_bob_start(seeds_.bob.expose(), Bytes{7}, gadget_, rng);
  Bytes cut(bob.message.begin(), bob.message.end() - 1);
  auto alice = vole_alice(seeds_.alice.expose(), Bytes{7}, gadget_, cut, {&a1, &a2}, rng);
  ASSERT_FALSE(alice);
  EXPECT_EQ(alice.error().code, ErrorCode::kInvalidEncoding);
}

}  // namespace
}  // namespace okmpc::ecdsa
