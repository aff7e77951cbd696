// Tests of protocols/ecdsa/vole: c_k + d_k = a_k·b over real base OTs, and
// the consistency checks that catch a deviating Alice or Bob.
#include <gtest/gtest.h>

#include <sodium.h>

#include <array>
#include <string>
#include <vector>

#include "mpc/hex.hpp"
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

// The gadget derivation v2 (vole.hpp), written out here on its own: the
// key is libsodium's SHA-256 of label ‖ seed, the stream libsodium's
// ChaCha20-IETF with the zero nonce, and each 64-byte chunk is reduced by
// Horner's rule over its bytes with scalar multiplications and additions
// (not Scalar::reduce, which the library uses).
std::vector<Scalar> expected_gadget(ByteView seed) {
  std::vector<Scalar> g;
  Scalar power = Scalar::one();
  for (int j = 0; j < 256; ++j) {
    g.push_back(power);
    power = power * Scalar::from_u64(2);
  }
  const std::string label = "okmpc/ecdsa/vole/gadget/v2";
  Bytes input(label.begin(), label.end());
  input.insert(input.end(), seed.begin(), seed.end());
  std::array<uint8_t, crypto_hash_sha256_BYTES> key;
  crypto_hash_sha256(key.data(), input.data(), input.size());
  Bytes stream(64 * 160);
  const std::array<uint8_t, crypto_stream_chacha20_ietf_NONCEBYTES> nonce{};
  crypto_stream_chacha20_ietf(stream.data(), stream.size(), nonce.data(), key.data());
  const Scalar radix = Scalar::from_u64(256);
  for (size_t k = 0; k < 160; ++k) {
    Scalar v;
    for (size_t b = 0; b < 64; ++b) v = v * radix + Scalar::from_u64(stream[64 * k + b]);
    g.push_back(v);
  }
  return g;
}

TEST(VoleGadget, MatchesItsDefinitionEntryByEntry) {
  for (const Bytes& seed : {Bytes{7}, Bytes(32, 0xA5), Bytes{}}) {
    const std::vector<Scalar> g = gadget_vector(seed);
    const std::vector<Scalar> expected = expected_gadget(seed);
    ASSERT_EQ(g.size(), kVoleBatch);
    ASSERT_EQ(expected.size(), kVoleBatch);
    for (size_t j = 0; j < kVoleBatch; ++j) {
      EXPECT_EQ(to_hex(g[j].to_bytes()), to_hex(expected[j].to_bytes())) << "entry " << j;
    }
  }
  // Known answers for seed 07, computed outside okmpc (Python: hashlib
  // SHA-256, the `cryptography` package's ChaCha20, integers mod n): the top
  // power of two (2^255 < n) and the first and last pseudo-random entries.
  const std::vector<Scalar> g = gadget_vector(Bytes{7});
  EXPECT_EQ(to_hex(g[255].to_bytes()), "8000000000000000000000000000000000000000000000000000000000000000");
  EXPECT_EQ(to_hex(g[256].to_bytes()), "3d85a9ccbc9aa40315f17e2e8aa2c4cbb705e8e8be21b557454a0a326f37e7c7");
  EXPECT_EQ(to_hex(g[257].to_bytes()), "87bbd4bc90d2a74ee81b801046edbc0a9993d4cfe60f2b897cdf789177fdc47f");
  EXPECT_EQ(to_hex(g[415].to_bytes()), "58918ac213bd35ba4747e7566ebb1b12d9f474aa618c783d68e2015f4fe9ae7f");
}

TEST(VoleGadget, SeedsGiveDifferentVectorsAndTheSameSeedTheSame) {
  const std::vector<Scalar> a = gadget_vector(Bytes{1}), b = gadget_vector(Bytes{2}), a2 = gadget_vector(Bytes{1});
  for (size_t j = 256; j < kVoleBatch; ++j) {
    EXPECT_FALSE(a[j] == b[j]) << j;
    EXPECT_TRUE(a[j] == a2[j]) << j;
  }
}

}  // namespace
}  // namespace okmpc::ecdsa
