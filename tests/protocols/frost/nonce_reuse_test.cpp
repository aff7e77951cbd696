// Nonce reuse is impossible by type: SigningNonces cannot be copied and
// round2::sign only takes them as an rvalue. The concepts below are the
// compile-fail test: each static_assert states that the misuse does not
// compile. A moved-from object is also refused at run time.
#include <gtest/gtest.h>

#include <sstream>
#include <type_traits>

#include "protocols/frost/frost.hpp"
#include "rfc9591_vector.hpp"

namespace okmpc::frost {
namespace {

template <class S>
concept SignsWithLvalueNonces = requires(const SigningPackage<S>& p, SigningNonces<S>& n, const KeyShareOf<S>& k) {
  round2::sign<S>(p, n, k);
};
template <class S>
concept SignsWithConstNonces =
    requires(const SigningPackage<S>& p, const SigningNonces<S>& n, const KeyShareOf<S>& k) {
      round2::sign<S>(p, std::move(n), k);
    };
template <class S>
concept SignsWithMovedNonces = requires(const SigningPackage<S>& p, SigningNonces<S>& n, const KeyShareOf<S>& k) {
  round2::sign<S>(p, std::move(n), k);
};

static_assert(!std::is_copy_constructible_v<SigningNonces<FrostEd25519Sha512>>);
static_assert(!std::is_copy_assignable_v<SigningNonces<FrostEd25519Sha512>>);
static_assert(!std::is_copy_constructible_v<SigningNonces<FrostSecp256k1Sha256>>);
static_assert(!SignsWithLvalueNonces<FrostEd25519Sha512>);
static_assert(!SignsWithLvalueNonces<FrostSecp256k1Sha256>);
static_assert(!SignsWithConstNonces<FrostEd25519Sha512>);
static_assert(SignsWithMovedNonces<FrostEd25519Sha512>);  // the one way that compiles
static_assert(SignsWithMovedNonces<FrostSecp256k1Sha256>);

TEST(FrostNonces, MovedFromNoncesAreRefused) {
  using S = FrostEd25519Sha512;
  const auto v = testing::load_vector<S>();
  const auto keys = testing::vector_key_shares<S>(v);
  DeterministicRng rng(1);
  auto a = round1::commit<S>(keys[0], rng);
  auto b = round1::commit<S>(keys[2], rng);
  SigningPackage<S> package{{a.commitments, b.commitments}, v.message};
  EXPECT_FALSE(a.nonces.used());
  auto first = round2::sign<S>(package, std::move(a.nonces), keys[0]);
  ASSERT_TRUE(first) << first.error();
  EXPECT_TRUE(a.nonces.used());
  auto second = round2::sign<S>(package, std::move(a.nonces), keys[0]);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kInvalidArgument);
}

TEST(FrostNonces, NoncesFromAnotherKeyRefused) {
  using S = FrostSecp256k1Sha256;
  const auto v = testing::load_vector<S>();
  const auto keys = testing::vector_key_shares<S>(v);
  DeterministicRng rng(2);
  auto a = round1::commit<S>(keys[0], rng);
  auto b = round1::commit<S>(keys[2], rng);
  SigningPackage<S> package{{a.commitments, b.commitments}, v.message};
  auto share = round2::sign<S>(package, std::move(a.nonces), keys[2]);
  ASSERT_FALSE(share);
  EXPECT_EQ(share.error().code, ErrorCode::kInvalidArgument);
}

TEST(FrostNonces, FreshNoncesEachCommitAndPrintedAsSecret) {
  using S = FrostEd25519Sha512;
  const auto v = testing::load_vector<S>();
  const auto keys = testing::vector_key_shares<S>(v);
  DeterministicRng rng(3);
  auto a = round1::commit<S>(keys[0], rng);
  auto b = round1::commit<S>(keys[0], rng);
  EXPECT_FALSE(a.commitments.hiding == b.commitments.hiding);
  EXPECT_FALSE(a.commitments.binding == b.commitments.binding);
  EXPECT_FALSE(a.commitments.hiding == a.commitments.binding);
  std::ostringstream os;
  os << a.nonces;
  EXPECT_EQ(os.str(), "<secret>");
}

}  // namespace
}  // namespace okmpc::frost
