// FROST signatures from DKG keys, for several t-of-n and random signer
// subsets and messages, verified by libsodium (Ed25519, RFC 8032) and by
// libsecp256k1 point arithmetic (secp256k1), both through the direct round
// API and through the simulated network.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "independent_verify.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::frost {
namespace {

using testing::independently_verifies;

template <class S>
class FrostSigning : public ::testing::Test {};
using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(FrostSigning, Suites);

// A uniformly random subset of {1..n} of size k, sorted.
constexpr std::pair<uint32_t, uint32_t> kSizes[] = {{2, 3}, {3, 5}, {11, 15}};

std::vector<PartyId> random_subset(uint32_t n, uint32_t k, Rng& rng) {
  std::vector<PartyId> ids(n);
  std::iota(ids.begin(), ids.end(), 1);
  for (uint32_t i = 0; i < k; ++i) std::swap(ids[i], ids[i + rng.uniform(n - i)]);
  ids.resize(k);
  std::sort(ids.begin(), ids.end());
  return ids;
}

Bytes random_message(Rng& rng) {
  Bytes m(rng.uniform(100));
  rng.fill(m);
  return m;
}

template <Ciphersuite S>
std::vector<KeyShareOf<S>> dkg_keys(uint32_t t, uint32_t n, Rng& rng) {
  auto keys = dkg::generate_keys_simulated<typename S::Group>(t, n, rng);
  EXPECT_TRUE(keys) << keys.error();
  return keys ? std::move(*keys) : std::vector<KeyShareOf<S>>{};
}

// round1 → round2 → aggregate without a network.
template <Ciphersuite S>
Result<Signature<S>> sign_direct(const std::vector<KeyShareOf<S>>& keys, const std::vector<PartyId>& signers,
                                 ByteView message, Rng& rng) {
  SigningPackage<S> package;
  package.message.assign(message.begin(), message.end());
  std::vector<SigningNonces<S>> nonces;
  for (PartyId id : signers) {
    auto out = round1::commit<S>(keys[id - 1], rng);
    package.commitments.push_back(out.commitments);
    nonces.push_back(std::move(out.nonces));
  }
  std::vector<SignatureShare<S>> shares;
  for (size_t k = 0; k < signers.size(); ++k) {
    OKMPC_ASSIGN_OR_RETURN(auto share, round2::sign<S>(package, std::move(nonces[k]), keys[signers[k] - 1]));
    shares.push_back(share);
  }
  return aggregate<S>(package, shares, PublicKeyPackage<S>::from_key_share(keys[0]));
}

TYPED_TEST(FrostSigning, DkgKeysRandomSubsetsDirectRounds) {
  using S = TypeParam;
  DeterministicRng rng(0xf5051);
  for (auto [t, n] : kSizes) {
    const auto keys = dkg_keys<S>(t, n, rng);
    ASSERT_EQ(keys.size(), n);
    for (uint32_t size : {t, std::min(t + 1, n), n}) {
      const auto signers = random_subset(n, size, rng);
      const Bytes message = random_message(rng);
      SCOPED_TRACE(std::to_string(t) + "-of-" + std::to_string(n) + ", " + std::to_string(size) + " signers");
      auto sig = sign_direct<S>(keys, signers, message, rng);
      ASSERT_TRUE(sig) << sig.error();
      EXPECT_TRUE(independently_verifies<S>(keys[0].group_public_key, message, *sig));
      Bytes other = message;
      other.push_back(0);
      EXPECT_FALSE(independently_verifies<S>(keys[0].group_public_key, other, *sig));
    }
  }
}

TYPED_TEST(FrostSigning, DkgKeysOnSimulatedNetwork) {
  using S = TypeParam;
  DeterministicRng rng(0xf5052);
  for (auto [t, n] : kSizes) {
    const auto keys = dkg_keys<S>(t, n, rng);
    const auto signers = random_subset(n, t, rng);
    std::vector<KeyShareOf<S>> chosen;
    for (PartyId id : signers) chosen.push_back(keys[id - 1].clone());
    const Bytes message = random_message(rng);
    SCOPED_TRACE(std::to_string(t) + "-of-" + std::to_string(n));
    auto run = sign_simulated<S>(chosen, message, rng);
    ASSERT_TRUE(run) << run.error();
    EXPECT_TRUE(independently_verifies<S>(keys[0].group_public_key, message, run->signature));

    // Exact message accounting: t-1 commitments in, one package out to t-1
    // peers, t-1 shares in; each transmission carries a 53-byte header.
    const uint64_t peers = t - 1;
    const uint64_t header = runtime::Message::kHeaderBytes;
    const uint64_t commitments = 2 * S::Group::kPointBytes;
    const uint64_t package = 4 + t * (4 + commitments) + 4 + message.size();
    const uint64_t share = S::Group::kScalarBytes;
    EXPECT_EQ(run->report.rounds, 3u);
    EXPECT_EQ(run->report.messages, 3 * peers);
    EXPECT_EQ(run->report.bytes, peers * (3 * header + commitments + package + share));
  }
}

TYPED_TEST(FrostSigning, SameSeedSameSignatureOtherSeedOtherNonce) {
  using S = TypeParam;
  DeterministicRng key_rng(7);
  const auto keys = dkg_keys<S>(2, 3, key_rng);
  std::vector<KeyShareOf<S>> chosen;
  chosen.push_back(keys[0].clone());
  chosen.push_back(keys[2].clone());
  const Bytes message = {1, 2, 3};
  DeterministicRng a(42), b(42), c(43);
  auto sa = sign_simulated<S>(chosen, message, a);
  auto sb = sign_simulated<S>(chosen, message, b);
  auto sc = sign_simulated<S>(chosen, message, c);
  ASSERT_TRUE(sa && sb && sc);
  EXPECT_EQ(sa->signature.to_bytes(), sb->signature.to_bytes());
  EXPECT_FALSE(sa->signature.R == sc->signature.R);  // fresh nonces per run
  EXPECT_TRUE(independently_verifies<S>(keys[0].group_public_key, message, sc->signature));
}

TYPED_TEST(FrostSigning, SimulatedRunRejectsTooFewOrUnsortedSigners) {
  using S = TypeParam;
  DeterministicRng rng(9);
  const auto keys = dkg_keys<S>(3, 5, rng);
  std::vector<KeyShareOf<S>> two;
  two.push_back(keys[0].clone());
  two.push_back(keys[1].clone());
  auto run = sign_simulated<S>(two, Bytes{1}, rng);
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kInvalidArgument);

  std::vector<KeyShareOf<S>> dup;
  for (int i : {0, 1, 1}) dup.push_back(keys[i].clone());
  run = sign_simulated<S>(dup, Bytes{1}, rng);
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kInvalidArgument);
}

}  // namespace
}  // namespace okmpc::frost
