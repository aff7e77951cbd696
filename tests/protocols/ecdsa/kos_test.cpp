// Tests of protocols/ecdsa/ot: GF(2^128) arithmetic and the KOS extension
// (correlation q_j = t_j ⊕ x_j·Δ, detection of a receiver that deviates).
#include <gtest/gtest.h>

#include <vector>

#include "mpc/rng.hpp"
#include "protocols/ecdsa/ot/kos.hpp"
#include "protocols/ecdsa/ot/transpose.hpp"

namespace okmpc::ecdsa::ot {
namespace {

Block random_block(Rng& rng) {
  auto b = rng.bytes<16>();
  return Block::from_bytes(b);
}

TEST(Gf128, KnownReductionOfXTo128) {
  Block x{{2, 0}};                 // x
  Block x127{{0, 1ull << 63}};     // x^127
  Block want{{0x87, 0}};           // x^7 + x^2 + x + 1
  EXPECT_EQ(gf128_mul(x127, x), want);
  EXPECT_EQ(gf128_mul(x, x127), want);
  Block one{{1, 0}};
  EXPECT_EQ(gf128_mul(x127, one), x127);
}

TEST(Gf128, HardwareAndPortableProductsAgree) {
  DeterministicRng rng(6);
  for (int i = 0; i < 200; ++i) {
    Block a = random_block(rng), b = random_block(rng);
    EXPECT_EQ(gf128_mul(a, b), gf128_mul_portable(a, b));
  }
  Block x127{{0, 1ull << 63}};
  EXPECT_EQ(gf128_mul_portable(x127, Block{{2, 0}}), (Block{{0x87, 0}}));
}

TEST(Gf128, FieldLaws) {
  DeterministicRng rng(1);
  for (int i = 0; i < 50; ++i) {
    Block a = random_block(rng), b = random_block(rng), c = random_block(rng);
    EXPECT_EQ(gf128_mul(a, b), gf128_mul(b, a));
    EXPECT_EQ(gf128_mul(gf128_mul(a, b), c), gf128_mul(a, gf128_mul(b, c)));
    EXPECT_EQ(gf128_mul(a, b ^ c), gf128_mul(a, b) ^ gf128_mul(a, c));
  }
}

struct Keys {
  SenderSeeds sender;
  ReceiverSeeds receiver;
};

// Consistent seeds as the base OTs would leave them (a dealer, for tests).
Keys dealt_keys(Rng& rng) {
  Keys k{};
  k.sender.delta = random_block(rng);
  for (size_t i = 0; i < kKappa; ++i) {
    rng.fill(k.receiver.seeds0[i]);
    rng.fill(k.receiver.seeds1[i]);
    k.sender.seeds[i] = k.sender.delta.bit(i) ? k.receiver.seeds1[i] : k.receiver.seeds0[i];
  }
  return k;
}

// The transposition (ot/transpose.hpp) against its definition, bit by bit,
// for the signing size (624 rows) and the smallest (8), random and with one
// bit set in each corner of the matrix; the SSE2 and portable forms agree.
TEST(KosTranspose, RowsAreTheColumnsBits) {
  DeterministicRng rng(64);
  for (size_t rows : {size_t{8}, padded_rows(416)}) {
    const size_t col_bytes = rows / 8;
    std::vector<Bytes> matrices(1, Bytes(kKappa * col_bytes));
    rng.fill(matrices[0]);
    for (size_t corner : {size_t{0}, col_bytes - 1, (kKappa - 1) * col_bytes, kKappa * col_bytes - 1}) {
      Bytes one_bit(kKappa * col_bytes, 0);
      one_bit[corner] = corner % 2 == 0 ? 0x01 : 0x80;
      matrices.push_back(one_bit);
    }
    for (size_t k = 0; k < matrices.size(); ++k) {
      const Bytes& m = matrices[k];
      const SecretBlocks fast = transpose_columns(m, rows);
      const SecretBlocks portable = transpose_columns_portable(m, rows);
      ASSERT_EQ(fast.size(), rows);
      ASSERT_EQ(portable.size(), rows);
      for (size_t j = 0; j < rows; ++j) {
        ASSERT_EQ(fast[j], portable[j]) << rows << "/" << k << " row " << j;
        for (size_t i = 0; i < kKappa; ++i) {
          const uint64_t want = (m[i * col_bytes + j / 8] >> (j % 8)) & 1u;
          ASSERT_EQ(fast[j].bit(i), want) << rows << "/" << k << " row " << j << " column " << i;
        }
      }
    }
  }
}

TEST(Kos, ExtensionGivesCorrelatedRows) {
  DeterministicRng rng(2);
  Keys k = dealt_keys(rng);
  const Bytes sid = {1, 2, 3};
  const size_t m = 416;
  ReceiverExtension r = kos_extend_receiver(k.receiver, sid, m, rng);
  auto wire = r.message.encode();
  ASSERT_EQ(wire.size(), ExtensionMessage::encoded_size(m));
  auto decoded = ExtensionMessage::decode(wire, m);
  ASSERT_TRUE(decoded);
  auto q = kos_extend_sender(k.sender, sid, *decoded, m);
  ASSERT_TRUE(q) << q.error();
  ASSERT_EQ(q->size(), m);
  size_t ones = 0;
  for (size_t j = 0; j < m; ++j) {
    const uint64_t x = (r.choices.expose()[j / 8] >> (j % 8)) & 1u;
    ones += x;
    EXPECT_EQ((*q)[j], r.rows[j] ^ (k.sender.delta & Block::mask(x))) << "row " << j;
  }
  EXPECT_GT(ones, m / 4);  // the choices are random, not constant
  EXPECT_LT(ones, 3 * m / 4);
}

TEST(Kos, DifferentSessionsGiveIndependentRows) {
  DeterministicRng rng(3);
  Keys k = dealt_keys(rng);
  ReceiverExtension a = kos_extend_receiver(k.receiver, Bytes{1}, 64, rng);
  ReceiverExtension b = kos_extend_receiver(k.receiver, Bytes{2}, 64, rng);
  EXPECT_NE(a.rows[0], b.rows[0]);
}

TEST(Kos, ReceiverUsingInconsistentChoicesIsCaught) {
  DeterministicRng rng(4);
  Keys k = dealt_keys(rng);
  const Bytes sid = {9};
  const size_t m = 416;
  ReceiverExtension r = kos_extend_receiver(k.receiver, sid, m, rng);
  // A receiver that uses a different choice bit in one column (the attack
  // that would probe bits of Δ) without adjusting the check values.
  r.message.u[5 * (padded_rows(m) / 8) + 3] ^= 0x10;
  auto q = kos_extend_sender(k.sender, sid, r.message, m);
  ASSERT_FALSE(q);
  EXPECT_EQ(q.error().code, ErrorCode::kProtocolAbort);
}

TEST(Kos, TamperedCheckValueAndWrongSessionAreCaught) {
  DeterministicRng rng(5);
  Keys k = dealt_keys(rng);
  ReceiverExtension r = kos_extend_receiver(k.receiver, Bytes{1}, 128, rng);
  EXPECT_FALSE(kos_extend_sender(k.sender, Bytes{2}, r.message, 128));
  r.message.check_t.w[0] ^= 1;
  EXPECT_FALSE(kos_extend_sender(k.sender, Bytes{1}, r.message, 128));
}

TEST(Kos, DecodeIsStrict) {
  Bytes wire(ExtensionMessage::encoded_size(416) - 1);
  auto d = ExtensionMessage::decode(wire, 416);
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().code, ErrorCode::kInvalidEncoding);
}

}  // namespace
}  // namespace okmpc::ecdsa::ot
