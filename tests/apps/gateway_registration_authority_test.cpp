// The auth quorum certificate checked again where it is acted on
// (apps/gateway/registration_authority.hpp), with real certificates of a
// 2-of-3 auth network: the chain admits a registration only with a valid
// quorum certificate for that session whose identity owns the SWA; a forged,
// under-quorum, tampered or misdirected certificate is refused and the
// chain's state is unchanged.
#include "apps/gateway/registration_authority.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "auth/attestation.hpp"
#include "auth/identity.hpp"
#include "auth/quorum.hpp"
#include "chain/okto_chain.hpp"
#include "mpc/rng.hpp"
#include "tests/chain/chain_test_env.hpp"

namespace okmpc::gateway {
namespace {

using ::testing::HasSubstr;
using chain::testing::ChainTestEnv;

constexpr uint64_t kDay = 24 * 3600;
constexpr const char* kNonce = "9b2f5f8e-3c1a-4d7e-8f00-1234567890ab";

class RegistrationAuthorityTest : public ::testing::Test {
 protected:
  RegistrationAuthorityTest() {
    for (uint32_t id = 1; id <= 3; ++id) {
      keys_.push_back(auth::NodeSigningKey::generate(rng_));
      policy_.nodes.push_back(auth::NodeInfo{id, keys_.back().public_key()});
    }
    policy_.network_id = "net-gw-test";
    policy_.quorum = 2;
    alice_ = auth::UserIdentity{auth::Provider::kGoogle,
                                auth::subject_hash(auth::Provider::kGoogle, "https://accounts.google.com", "alice")};
    mallory_ = auth::UserIdentity{
        auth::Provider::kGoogle, auth::subject_hash(auth::Provider::kGoogle, "https://accounts.google.com", "mallory")};
  }

  void SetUp() override {
    chain::ChainConfig config = env_.config();
    const std::string alice_key = auth::user_key(alice_);
    const eth::Address swa = env_.swa;
    config.registration_authorizer = make_registration_authorizer(
        policy_,
        [alice_key, swa](const std::string& identity) -> std::optional<eth::Address> {
          if (identity == alice_key) return swa;
          return std::nullopt;
        },
        [] { return ChainTestEnv::kStart; });
    auto c = chain::OktoChain::open(dir_.path(), std::move(config));
    ASSERT_TRUE(c) << c.error();
    chain_.emplace(std::move(*c));
    ASSERT_TRUE(chain_->fund_paymaster(env_.client, Uint256::from_u64(1'000'000'000)));
  }

  auth::Attestation attest(uint32_t id, const auth::UserIdentity& who, const eth::Address& session) const {
    return keys_[id - 1].attest(id, auth::AttestationClaim{policy_.network_id, who, session, kNonce,
                                                           ChainTestEnv::kStart, ChainTestEnv::kStart + 300});
  }
  std::string certificate(std::vector<uint32_t> nodes, const auth::UserIdentity& who,
                          const eth::Address& session) const {
    auth::QuorumCertificate cert;
    for (uint32_t id : nodes) cert.attestations.push_back(attest(id, who, session));
    return auth::to_json(cert);
  }
  chain::UserOperation registration() const {
    return env_.op(env_.registration(ChainTestEnv::kStart + 10 * kDay, 500), 0, env_.owner_key,
                   chain_->config().entry_point, true);
  }
  void expect_refused_unchanged(const std::string& cert, const std::string& reason) {
    const Hash32 root = chain_->state_root();
    const uint64_t head = chain_->head_number();
    auto r = chain_->submit(registration(), ByteView(reinterpret_cast<const uint8_t*>(cert.data()), cert.size()));
    ASSERT_FALSE(r) << "registration admitted";
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
    EXPECT_THAT(r.error().message, HasSubstr("AUTH_QUORUM_INVALID"));
    EXPECT_THAT(r.error().message, HasSubstr(reason));
    EXPECT_EQ(chain_->state_root(), root);
    EXPECT_EQ(chain_->head_number(), head);
    EXPECT_FALSE(chain_->session(env_.session_addr));
    EXPECT_FALSE(chain_->swa_of_owner(env_.owner));
  }

  DeterministicRng rng_{4242};
  std::vector<auth::NodeSigningKey> keys_;
  auth::QuorumPolicy policy_;
  auth::UserIdentity alice_, mallory_;
  chain::testing::TempDir dir_;
  ChainTestEnv env_;
  std::optional<chain::OktoChain> chain_;
};

TEST_F(RegistrationAuthorityTest, QuorumCertificateForTheSessionAndOwnerRegisters) {
  const std::string cert = certificate({1, 3}, alice_, env_.session_addr);
  auto subject = verify_authorization(ByteView(reinterpret_cast<const uint8_t*>(cert.data()), cert.size()), policy_,
                                      ChainTestEnv::kStart);
  ASSERT_TRUE(subject) << subject.error();
  EXPECT_EQ(subject->identity, auth::user_key(alice_));
  EXPECT_EQ(subject->session_address, env_.session_addr);
  auto r = chain_->submit(registration(), ByteView(reinterpret_cast<const uint8_t*>(cert.data()), cert.size()));
  ASSERT_TRUE(r) << r.error();
  ASSERT_TRUE(chain_->session(env_.session_addr));
}

TEST_F(RegistrationAuthorityTest, UnderQuorumCertificateIsRefused) {
  expect_refused_unchanged(certificate({2}, alice_, env_.session_addr), "authorization");
}

TEST_F(RegistrationAuthorityTest, ForgedAttestationIsRefused) {
  // Node 3's attestation signed by a key outside the policy.
  auth::QuorumCertificate cert;
  cert.attestations.push_back(attest(1, alice_, env_.session_addr));
  auto outsider = auth::NodeSigningKey::generate(rng_);
  cert.attestations.push_back(outsider.attest(3, auth::AttestationClaim{policy_.network_id, alice_, env_.session_addr,
                                                                         kNonce, ChainTestEnv::kStart,
                                                                         ChainTestEnv::kStart + 300}));
  expect_refused_unchanged(auth::to_json(cert), "authorization");
}

TEST_F(RegistrationAuthorityTest, TamperedCertificateIsRefused) {
  std::string cert = certificate({1, 2}, alice_, env_.session_addr);
  // Swap the identity of both attestations to mallory's without re-signing.
  auth::QuorumCertificate parsed = *auth::quorum_certificate_from_json(cert);
  for (auto& a : parsed.attestations) a.claim.identity = mallory_;
  expect_refused_unchanged(auth::to_json(parsed), "authorization");
  expect_refused_unchanged("{not json", "authorization");
}

TEST_F(RegistrationAuthorityTest, CertificateForAnotherSessionOrIdentityIsRefused) {
  expect_refused_unchanged(certificate({1, 2}, alice_, env_.client), "is for session");
  // A valid quorum for mallory, who does not own the SWA.
  expect_refused_unchanged(certificate({1, 2}, mallory_, env_.session_addr), "does not own SWA");
}

}  // namespace
}  // namespace okmpc::gateway
