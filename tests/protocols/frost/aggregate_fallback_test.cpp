// Aggregation verifies the signature once and checks each share (RFC 9591
// §5.4) only when it fails: among many signers, every bad share is still
// named; shares whose errors cancel give a signature that verifies under the
// group key (checked by libsodium / libsecp256k1, not by our code); nothing
// unverified is ever released.
#include <gtest/gtest.h>

#include "dealer_keys.hpp"
#include "independent_verify.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::frost {
namespace {

template <class S>
class FrostAggregateFallback : public ::testing::Test {
 protected:
  // 11-of-15 keys, signers 2..12, rounds one and two done honestly.
  void SetUp() override {
    keys_ = testing::dealer_key_shares<S>(11, 15, rng_);
    package_.message = Bytes{0x61, 0x67, 0x67};
    std::vector<SigningNonces<S>> nonces;
    for (PartyId id = 2; id <= 12; ++id) {
      auto out = round1::commit<S>(keys_[id - 1], rng_);
      package_.commitments.push_back(out.commitments);
      nonces.push_back(std::move(out.nonces));
    }
    for (size_t k = 0; k < nonces.size(); ++k) {
      auto share = round2::sign<S>(package_, std::move(nonces[k]), keys_[k + 1]);
      ASSERT_TRUE(share) << share.error();
      shares_.push_back(*share);
    }
  }

  SignatureShare<S>& share_of(PartyId id) { return shares_[id - 2]; }
  Result<Signature<S>> aggregate_shares() {
    return aggregate<S>(package_, shares_, PublicKeyPackage<S>::from_key_share(keys_[0]));
  }
  bool verifies_independently(const Signature<S>& sig) const {
    return testing::independently_verifies<S>(keys_[0].group_public_key, package_.message, sig);
  }

  DeterministicRng rng_{0xa66};
  std::vector<KeyShareOf<S>> keys_;
  SigningPackage<S> package_;
  std::vector<SignatureShare<S>> shares_;
};

using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(FrostAggregateFallback, Suites);

TYPED_TEST(FrostAggregateFallback, HonestSharesGiveAnIndependentlyVerifiedSignature) {
  auto sig = this->aggregate_shares();
  ASSERT_TRUE(sig) << sig.error();
  EXPECT_TRUE(this->verifies_independently(*sig));
}

TYPED_TEST(FrostAggregateFallback, OneBadShareAmongElevenIsNamed) {
  this->share_of(7).share = this->share_of(7).share + ScalarOf<TypeParam>::one();
  auto sig = this->aggregate_shares();
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kProtocolAbort) << sig.error();
  EXPECT_EQ(sig.error().culprits, std::vector<uint32_t>{7}) << sig.error();
}

TYPED_TEST(FrostAggregateFallback, SeveralBadSharesAreAllNamed) {
  using S = TypeParam;
  this->share_of(2).share = ScalarOf<S>::zero();
  this->share_of(9).share = -this->share_of(9).share;
  // A share valid for another signer (12's) sent as signer 11's.
  this->share_of(11).share = this->share_of(12).share;
  auto sig = this->aggregate_shares();
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kProtocolAbort) << sig.error();
  EXPECT_EQ(sig.error().culprits, (std::vector<uint32_t>{2, 9, 11})) << sig.error();
  EXPECT_NE(sig.error().message.find("2, 9, 11"), std::string::npos) << sig.error();
}

TYPED_TEST(FrostAggregateFallback, EveryShareBadNamesEverySigner) {
  using S = TypeParam;
  for (auto& share : this->shares_) share.share = share.share + ScalarOf<S>::from_u64(share.identifier);
  auto sig = this->aggregate_shares();
  ASSERT_FALSE(sig);
  std::vector<uint32_t> all;
  for (PartyId id = 2; id <= 12; ++id) all.push_back(id);
  EXPECT_EQ(sig.error().culprits, all) << sig.error();
}

TYPED_TEST(FrostAggregateFallback, CancellingErrorsStillYieldAVerifyingSignature) {
  // Signers 3 and 8 shift their shares by +d and -d: each share fails §5.4,
  // but the sum is the honest z, so the signature is valid and released (the
  // RFC's aggregate-then-verify order); it verifies under the group key.
  using S = TypeParam;
  const ScalarOf<S> d = ScalarOf<S>::from_u64(0x5eed);
  this->share_of(3).share = this->share_of(3).share + d;
  this->share_of(8).share = this->share_of(8).share - d;
  auto sig = this->aggregate_shares();
  ASSERT_TRUE(sig) << sig.error();
  EXPECT_TRUE(this->verifies_independently(*sig));
}

TYPED_TEST(FrostAggregateFallback, IdentityGroupKeyRefused) {
  auto keys = PublicKeyPackage<TypeParam>::from_key_share(this->keys_[0]);
  keys.group_public_key = PointOf<TypeParam>::identity();
  auto sig = aggregate<TypeParam>(this->package_, this->shares_, keys);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kInvalidPoint) << sig.error();
}

TYPED_TEST(FrostAggregateFallback, WrongVerificationShareBlamesThatSignerOnlyOnFailure) {
  // A coordinator with a wrong verification share for signer 5 still
  // releases a valid signature from honest shares (the share checks do not
  // run), and names signer 5 when the signature fails for another reason.
  using S = TypeParam;
  auto keys = PublicKeyPackage<S>::from_key_share(this->keys_[0]);
  keys.verification_shares[4] = keys.verification_shares[4] + PointOf<S>::generator();
  auto good = aggregate<S>(this->package_, this->shares_, keys);
  ASSERT_TRUE(good) << good.error();
  EXPECT_TRUE(this->verifies_independently(*good));

  this->share_of(10).share = this->share_of(10).share + ScalarOf<S>::one();
  auto bad = aggregate<S>(this->package_, this->shares_, keys);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().culprits, (std::vector<uint32_t>{5, 10})) << bad.error();
}

}  // namespace
}  // namespace okmpc::frost
