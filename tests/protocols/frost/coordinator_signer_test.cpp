// A coordinator that is also a signer (RFC 9591 §5) aggregates with the group
// commitment R its own round two computed (round2::sign_keep_commitment +
// aggregate(..., own)): the signature equals the external coordinator's and
// verifies independently (libsodium / libsecp256k1); a cheating signer is
// still named; an R computed for another package (message, commitment list)
// or another group key is refused before anything is aggregated; and a
// GroupCommitment cannot be built outside round two / aggregate.
#include <gtest/gtest.h>

#include <type_traits>

#include "dealer_keys.hpp"
#include "independent_verify.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::frost {
namespace {

template <class S>
class FrostCoordinatorSigner : public ::testing::Test {
 protected:
  // 3-of-5 keys; signers {2, 4, 5}; signer 2 is the coordinator.
  void SetUp() override { keys_ = testing::dealer_key_shares<S>(3, 5, rng_); }

  struct Run {
    SigningPackage<S> package;
    std::vector<SignatureShare<S>> shares;
    std::optional<GroupCommitment<S>> own;  // signer 2's
  };

  Run sign(const Bytes& message) {
    Run run;
    run.package.message = message;
    std::vector<SigningNonces<S>> nonces;
    for (PartyId id : signers_) {
      auto out = round1::commit<S>(keys_[id - 1], rng_);
      run.package.commitments.push_back(out.commitments);
      nonces.push_back(std::move(out.nonces));
    }
    for (size_t k = 0; k < signers_.size(); ++k) {
      auto out = round2::sign_keep_commitment<S>(run.package, std::move(nonces[k]), keys_[signers_[k] - 1]);
      EXPECT_TRUE(out) << out.error();
      run.shares.push_back(out->share);
      if (k == 0) run.own.emplace(std::move(out->commitment));
    }
    return run;
  }

  PublicKeyPackage<S> public_keys() const { return PublicKeyPackage<S>::from_key_share(keys_[0]); }

  DeterministicRng rng_{0xc005};
  std::vector<KeyShareOf<S>> keys_;
  std::vector<PartyId> signers_{2, 4, 5};
};

using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(FrostCoordinatorSigner, Suites);

TYPED_TEST(FrostCoordinatorSigner, ReusedCommitmentGivesTheExternalCoordinatorsSignature) {
  using S = TypeParam;
  auto run = this->sign(Bytes{0x01, 0x02});
  auto own = aggregate<S>(run.package, run.shares, this->public_keys(), *run.own);
  auto external = aggregate<S>(run.package, run.shares, this->public_keys());
  ASSERT_TRUE(own) << own.error();
  ASSERT_TRUE(external) << external.error();
  EXPECT_EQ(own->to_bytes(), external->to_bytes());
  EXPECT_TRUE(testing::independently_verifies<S>(this->keys_[0].group_public_key, run.package.message, *own));
  // The kept R is the package's group commitment, c its challenge.
  EXPECT_EQ(run.own->point(), own->R);
  EXPECT_EQ(run.own->challenge(),
            compute_challenge<S>(own->R, this->keys_[0].group_public_key, run.package.message));
  const auto r_bytes = own->R.to_bytes();
  EXPECT_TRUE(std::equal(r_bytes.begin(), r_bytes.end(), run.own->point_bytes().begin(),
                         run.own->point_bytes().end()));
}

TYPED_TEST(FrostCoordinatorSigner, CheatingSignerStillNamed) {
  using S = TypeParam;
  auto run = this->sign(Bytes{0x03});
  run.shares[2].share = run.shares[2].share + ScalarOf<S>::one();  // signer 5
  auto sig = aggregate<S>(run.package, run.shares, this->public_keys(), *run.own);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(sig.error().culprits, std::vector<uint32_t>{5});

  run.shares[2].share = run.shares[2].share - ScalarOf<S>::one();
  run.shares[1].share = ScalarOf<S>::zero();  // signer 4
  sig = aggregate<S>(run.package, run.shares, this->public_keys(), *run.own);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().culprits, std::vector<uint32_t>{4});
}

TYPED_TEST(FrostCoordinatorSigner, CommitmentFromAnotherPackageRejected) {
  using S = TypeParam;
  auto first = this->sign(Bytes{0x04});
  auto second = this->sign(Bytes{0x04});  // same message, fresh commitments
  // Another commitment list.
  auto sig = aggregate<S>(second.package, second.shares, this->public_keys(), *first.own);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kInvalidArgument);
  // Same commitments, another message.
  auto other_message = first.package;
  other_message.message = Bytes{0x05};
  sig = aggregate<S>(other_message, first.shares, this->public_keys(), *first.own);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kInvalidArgument);
  // The matching pairs still aggregate.
  EXPECT_TRUE(aggregate<S>(first.package, first.shares, this->public_keys(), *first.own));
  EXPECT_TRUE(aggregate<S>(second.package, second.shares, this->public_keys(), *second.own));
}

TYPED_TEST(FrostCoordinatorSigner, CommitmentUnderAnotherKeyRejected) {
  using S = TypeParam;
  auto run = this->sign(Bytes{0x06});
  auto other_keys = testing::dealer_key_shares<S>(3, 5, this->rng_);
  auto keys = PublicKeyPackage<S>::from_key_share(other_keys[0]);
  auto sig = aggregate<S>(run.package, run.shares, keys, *run.own);
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kInvalidArgument);
}

// Only round two (and aggregate) make a GroupCommitment: no public
// constructor to forge one with an arbitrary R.
static_assert(!std::is_default_constructible_v<GroupCommitment<FrostEd25519Sha512>>);
static_assert(!std::is_constructible_v<GroupCommitment<FrostSecp256k1Sha256>, PointOf<FrostSecp256k1Sha256>>);

}  // namespace
}  // namespace okmpc::frost
