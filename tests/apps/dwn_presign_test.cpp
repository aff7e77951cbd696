// apps/dwn/dwn_network.hpp presignatures: a signature after presign_next
// takes one online round and uses the nodes' presignature exactly once; the
// next signature without one runs all rounds; each node still checks the
// owner and the authorization before using one, and a refusal consumes
// nothing. Every signature is checked with libsecp256k1.
#include <gtest/gtest.h>
#include <secp256k1.h>

#include <atomic>

#include "apps/dwn/dwn_network.hpp"
#include "gateway_fixture.hpp"
#include "mpc/hash.hpp"

namespace okmpc::dwn {
namespace {

void expect_verifies(const ByteArray<65>& sig, const Hash32& digest, const ByteArray<33>& public_key) {
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey pk;
  secp256k1_ecdsa_signature s;
  ASSERT_EQ(secp256k1_ec_pubkey_parse(ctx, &pk, public_key.data(), public_key.size()), 1);
  ASSERT_EQ(secp256k1_ecdsa_signature_parse_compact(ctx, &s, sig.data()), 1);
  EXPECT_EQ(secp256k1_ecdsa_verify(ctx, &s, digest.data(), &pk), 1);
  secp256k1_context_destroy(ctx);
}

struct PresignFixture {
  gateway::testing::TempDir dir;
  std::atomic<bool> authorize{true};
  std::unique_ptr<DwnNetwork> dwn;
  UserKeys keys;

  PresignFixture() {
    auto opened = DwnNetwork::open(dir.path() / "dwn", 3, 2, 0,
                                   [this](ByteView, const std::string&, const eth::Address&) -> Status {
                                     if (authorize) return ok();
                                     return fail(ErrorCode::kPermissionDenied, "no quorum certificate");
                                   });
    EXPECT_TRUE(opened) << opened.error();
    dwn = std::move(*opened);
    auto generated = dwn->generate_user_keys("google:alice");
    EXPECT_TRUE(generated) << generated.error();
    keys = std::move(*generated);
  }

  SignRequest request(std::string_view message, std::string identity = "google:alice") const {
    SignRequest r;
    r.key_id = keys.ecdsa_key_id;
    r.digest = sha256(as_bytes(message));
    r.identity = std::move(identity);
    return r;
  }
};

TEST(DwnPresign, APresignatureServesOneSignatureInOneRound) {
  PresignFixture f;
  EXPECT_FALSE(*f.dwn->presign_next());  // nothing asked for yet
  f.dwn->want_presignature(f.keys.ecdsa_key_id);
  f.dwn->want_presignature(f.keys.ecdsa_key_id);  // asked twice, queued once
  EXPECT_EQ(f.dwn->presign_stats().pending, 1u);
  ASSERT_TRUE(*f.dwn->presign_next());
  EXPECT_FALSE(*f.dwn->presign_next());
  EXPECT_EQ(f.dwn->presign_stats().stocked, 1u);
  f.dwn->want_presignature(f.keys.ecdsa_key_id);  // already held: nothing to do
  EXPECT_EQ(f.dwn->presign_stats().pending, 0u);

  const SignRequest first = f.request("first");
  auto a = f.dwn->sign_ecdsa(first);
  ASSERT_TRUE(a) << a.error();
  EXPECT_TRUE(a->presigned);
  EXPECT_EQ(a->report.rounds, 1u);
  expect_verifies(a->signature, first.digest, f.keys.ecdsa_public_key);

  // Used up: the next signature runs all three rounds.
  const SignRequest second = f.request("second");
  auto b = f.dwn->sign_ecdsa(second);
  ASSERT_TRUE(b) << b.error();
  EXPECT_FALSE(b->presigned);
  EXPECT_EQ(b->report.rounds, 3u);
  expect_verifies(b->signature, second.digest, f.keys.ecdsa_public_key);
  const PresignStats st = f.dwn->presign_stats();
  EXPECT_EQ(st.made, 1u);
  EXPECT_EQ(st.used, 1u);
  EXPECT_EQ(st.fallbacks, 1u);
  EXPECT_EQ(st.stocked, 0u);
}

TEST(DwnPresign, EveryNodeStillChecksAndARefusalConsumesNothing) {
  PresignFixture f;
  f.dwn->want_presignature(f.keys.ecdsa_key_id);
  ASSERT_TRUE(*f.dwn->presign_next());

  f.authorize = false;
  auto refused = f.dwn->sign_ecdsa(f.request("no certificate"));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied) << refused.error();
  EXPECT_EQ(refused.error().culprits, (std::vector<uint32_t>{1, 2})) << refused.error();
  f.authorize = true;

  auto stranger = f.dwn->sign_ecdsa(f.request("not my key", "google:mallory"));
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::kPermissionDenied) << stranger.error();
  EXPECT_EQ(f.dwn->presign_stats().stocked, 1u);  // both refusals left it in place

  const SignRequest owner = f.request("owner");
  auto signed_ = f.dwn->sign_ecdsa(owner);
  ASSERT_TRUE(signed_) << signed_.error();
  EXPECT_TRUE(signed_->presigned);
  expect_verifies(signed_->signature, owner.digest, f.keys.ecdsa_public_key);
}

TEST(DwnPresign, AnUnknownKeyIsDroppedFromTheQueueWithItsError) {
  PresignFixture f;
  f.dwn->want_presignature("ecdsa-unknown");
  auto made = f.dwn->presign_next();
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().code, ErrorCode::kNotFound) << made.error();
  EXPECT_EQ(f.dwn->presign_stats().pending, 0u);
}

}  // namespace
}  // namespace okmpc::dwn
