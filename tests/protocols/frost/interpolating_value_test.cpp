// RFC 9591 §4.2 interpolating values from the table of small inverses agree
// with mpc's lagrange_coefficient (one inversion per call) on every signer of
// many sets, including the extremes 1 and 255/256; sets the table does not
// cover fall back with the same results and errors.
#include <gtest/gtest.h>

#include "protocols/frost/interpolating_value.hpp"

namespace okmpc::frost {
namespace {

template <class S>
class InterpolatingValue : public ::testing::Test {
 protected:
  static void expect_matches(const std::vector<PartyId>& ids) {
    for (PartyId id : ids) {
      auto fast = interpolating_value<S>(id, ids);
      auto plain = lagrange_coefficient<typename S::Group>(id, ids);
      ASSERT_TRUE(fast) << fast.error();
      ASSERT_TRUE(plain) << plain.error();
      EXPECT_TRUE(*fast == *plain) << "id " << id << " of " << ids.size();
    }
  }
};
using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(InterpolatingValue, Suites);

TYPED_TEST(InterpolatingValue, TableOfInversesIsCorrect) {
  using Scalar = ScalarOf<TypeParam>;
  const auto& inverse = small_inverses<typename TypeParam::Group>();
  for (uint64_t k = 1; k < 256; ++k) EXPECT_TRUE(inverse[k] * Scalar::from_u64(k) == Scalar::one()) << k;
}

TYPED_TEST(InterpolatingValue, MatchesLagrangeCoefficientOnManySets) {
  this->expect_matches({1});
  this->expect_matches({1, 2});
  this->expect_matches({2, 3, 5});
  this->expect_matches({1, 255});
  this->expect_matches({1, 128, 256});
  DeterministicRng rng(0x1a9);
  for (int round = 0; round < 20; ++round) {
    std::vector<PartyId> ids;
    for (PartyId id = 1; id <= 255; ++id) {
      if (rng.uniform(8) == 0) ids.push_back(id);
    }
    if (!ids.empty()) this->expect_matches(ids);
  }
}

TYPED_TEST(InterpolatingValue, LargeIdentifiersFallBackToTheInversion) {
  this->expect_matches({3, 300});
  this->expect_matches({257, 1000, 65535});
}

TYPED_TEST(InterpolatingValue, IdentifierOutsideTheSetIsRefused) {
  const std::vector<PartyId> ids = {1, 2, 4};
  auto r = interpolating_value<TypeParam>(3, ids);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
  const std::vector<PartyId> duplicate = {1, 2, 2};
  EXPECT_FALSE(interpolating_value<TypeParam>(1, duplicate));
}

}  // namespace
}  // namespace okmpc::frost
