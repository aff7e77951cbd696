// Attestations and quorum certificates: canonical signing (checked with
// libsodium directly), aggregation with misbehaving nodes, and tampering.
#include "auth/quorum.hpp"

#include <sodium.h>

#include <gtest/gtest.h>

#include "auth/length_prefixed.hpp"
#include "auth/session_binding.hpp"
#include "auth_fixture.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

using testing::kNow;

class QuorumTest : public ::testing::Test {
 protected:
  QuorumTest() {
    for (uint32_t id = 1; id <= 3; ++id) {
      keys_.push_back(NodeSigningKey::generate(rng_));
      policy_.nodes.push_back(NodeInfo{id, keys_.back().public_key()});
    }
    policy_.network_id = "net-test";
    policy_.quorum = 2;
    alice_ = UserIdentity{Provider::kGoogle, subject_hash(Provider::kGoogle, "https://accounts.google.com", "alice")};
    mallory_ = UserIdentity{Provider::kGoogle, subject_hash(Provider::kGoogle, "https://accounts.google.com", "mallory")};
    session_ = bind_session(testing::session_pk(9))->address;
  }

  AttestationClaim claim(const UserIdentity& who) const {
    return AttestationClaim{"net-test", who, session_, "9b2f5f8e-3c1a-4d7e-8f00-1234567890ab", kNow, kNow + 300};
  }
  Attestation attest(uint32_t id, const UserIdentity& who) const { return keys_[id - 1].attest(id, claim(who)); }
  AggregateResult aggregate(std::vector<NodeAnswer> answers) const {
    return aggregate_attestations(policy_, session_, "9b2f5f8e-3c1a-4d7e-8f00-1234567890ab", std::move(answers), kNow);
  }
  // All three nodes' attestations: more than a quorum, which verifiers
  // accept (aggregation itself emits exactly a quorum).
  QuorumCertificate good_certificate() const {
    QuorumCertificate cert;
    for (uint32_t node = 1; node <= 3; ++node) cert.attestations.push_back(attest(node, alice_));
    return cert;
  }
  void expect_tampering_detected(const QuorumCertificate& cert, std::vector<uint32_t> culprits) const {
    auto v = verify_quorum_certificate(cert, policy_, kNow);
    ASSERT_FALSE(v.has_value()) << "tampered certificate accepted";
    EXPECT_EQ(v.error().code, AuthErrorCode::kQuorumNotMet) << v.error();
    EXPECT_EQ(v.error().public_code(), "QUORUM_NOT_MET");
    EXPECT_EQ(v.error().culprits, culprits) << v.error();
  }

  DeterministicRng rng_{99};
  std::vector<NodeSigningKey> keys_;
  QuorumPolicy policy_;
  UserIdentity alice_, mallory_;
  eth::Address session_{};
};

TEST_F(QuorumTest, AttestationMessageIsTheDocumentedLayout) {
  const AttestationClaim c = claim(alice_);
  Bytes expected;
  append_field(expected, as_bytes("okmpc/auth/attestation/v1"));
  append_field(expected, as_bytes("net-test"));
  append_u32_be(expected, 2);
  append_u8(expected, 1);  // google
  append(expected, alice_.subject_hash);
  append(expected, session_);
  append_field(expected, as_bytes(c.request_nonce));
  append_u64_be(expected, kNow);
  append_u64_be(expected, kNow + 300);
  EXPECT_EQ(attestation_message(2, c), expected);
  EXPECT_EQ(to_hex(Bytes(expected.begin(), expected.begin() + 4)), "00000019");  // 25-byte domain label
}

TEST_F(QuorumTest, AttestationsVerifyWithLibsodiumAndBindEveryField) {
  const Attestation a = attest(2, alice_);
  const Bytes msg = attestation_message(2, a.claim);
  EXPECT_EQ(crypto_sign_verify_detached(a.signature.data(), msg.data(), msg.size(), keys_[1].public_key().data()), 0);
  EXPECT_TRUE(verify_attestation_signature_vartime(a, keys_[1].public_key()));
  EXPECT_FALSE(verify_attestation_signature_vartime(a, keys_[0].public_key()));
  std::vector<Attestation> edits(7, a);
  edits[0].node_id = 3;
  edits[1].claim.network_id = "net-other";
  edits[2].claim.identity = mallory_;
  edits[3].claim.session_address[19] ^= 1;
  edits[4].claim.request_nonce += "x";
  edits[5].claim.expires_at += 1;
  edits[6].claim.identity.provider = Provider::kOkto;
  for (size_t i = 0; i < edits.size(); ++i) {
    EXPECT_FALSE(verify_attestation_signature_vartime(edits[i], keys_[1].public_key())) << "edit " << i;
  }
  // A node key survives a seed round trip.
  NodeSigningKey again(keys_[1].seed());
  EXPECT_EQ(again.public_key(), keys_[1].public_key());
}

TEST_F(QuorumTest, PolicyNeedsAStrictMajority) {
  EXPECT_TRUE(policy_.validate().has_value());
  QuorumPolicy p = policy_;
  p.quorum = 1;  // 1 of 3 would let two identities both reach "quorum"
  EXPECT_FALSE(p.validate().has_value());
  p.quorum = 4;
  EXPECT_FALSE(p.validate().has_value());
  p = policy_;
  p.nodes[2].node_id = 1;
  EXPECT_FALSE(p.validate().has_value());
  p = policy_;
  p.nodes[2].public_key = p.nodes[1].public_key;
  EXPECT_FALSE(p.validate().has_value());
}

TEST_F(QuorumTest, UnanimousNodesProduceACertificateOfExactlyAQuorum) {
  auto r = aggregate({{3, attest(3, alice_)}, {1, attest(1, alice_)}, {2, attest(2, alice_)}});
  ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
  ASSERT_EQ(r.certificate->attestations.size(), 2u);  // the quorum, lowest node ids
  EXPECT_EQ(r.certificate->attestations[0].node_id, 1u);
  EXPECT_EQ(r.certificate->attestations[1].node_id, 2u);
  for (const NodeOutcome& o : r.nodes) EXPECT_EQ(o.verdict, NodeVerdict::kAttested) << o.node_id;
  EXPECT_TRUE(r.misbehaving.empty());
  auto quorum = verify_quorum_certificate(*r.certificate, policy_, kNow + 10);
  ASSERT_TRUE(quorum.has_value()) << quorum.error();
  EXPECT_EQ(quorum->signers, (std::vector<uint32_t>{1, 2}));
}

TEST_F(QuorumTest, ACertificateOfMoreThanAQuorumVerifies) {
  const QuorumCertificate cert = good_certificate();
  ASSERT_EQ(cert.attestations.size(), 3u);
  auto v = verify_quorum_certificate(cert, policy_, kNow + 10);
  ASSERT_TRUE(v.has_value()) << v.error();
  EXPECT_EQ(v->identity, alice_);
  EXPECT_EQ(v->session_address, session_);
  EXPECT_EQ(v->signers, (std::vector<uint32_t>{1, 2, 3}));
  EXPECT_EQ(v->expires_at, kNow + 300);
  // Expired later on.
  EXPECT_EQ(verify_quorum_certificate(cert, policy_, kNow + 300).error().code, AuthErrorCode::kQuorumNotMet);
}

TEST_F(QuorumTest, AMaliciousNodeSigningAnotherIdentityIsOutvotedAndNamed) {
  auto r = aggregate({{1, attest(1, alice_)}, {2, attest(2, mallory_)}, {3, attest(3, alice_)}});
  ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
  EXPECT_EQ(r.certificate->identity(), alice_);
  EXPECT_EQ(r.certificate->attestations.size(), 2u);
  EXPECT_EQ(r.misbehaving, std::vector<uint32_t>{2});
  EXPECT_EQ(r.nodes[1].verdict, NodeVerdict::kConflicting);
  EXPECT_EQ(r.nodes[0].verdict, NodeVerdict::kAttested);
  EXPECT_TRUE(verify_quorum_certificate(*r.certificate, policy_, kNow).has_value());
}

TEST_F(QuorumTest, InvalidAttestationsAreDiscardedAndNamed) {
  Attestation bad_sig = attest(1, alice_);
  bad_sig.signature[0] ^= 1;
  Attestation other_session = keys_[1].attest(2, [&] { auto c = claim(alice_); c.session_address[0] ^= 1; return c; }());
  Attestation impersonation = keys_[0].attest(3, claim(alice_));  // node 1's key claiming to be node 3
  auto r = aggregate({{1, bad_sig}, {2, other_session}, {3, impersonation}});
  ASSERT_FALSE(r.certificate.has_value());
  EXPECT_EQ(r.certificate.error().code, AuthErrorCode::kConsensusFailed);
  EXPECT_EQ(r.certificate.error().public_code(), "AUTH_CONSENSUS_FAILED");
  EXPECT_EQ(r.certificate.error().culprits, (std::vector<uint32_t>{1, 2, 3}));
  for (const auto& n : r.nodes) EXPECT_EQ(n.verdict, NodeVerdict::kInvalidAttestation);
}

TEST_F(QuorumTest, AQuorumOfEqualRefusalsIsReturnedAsSuch) {
  auto r = aggregate({{1, auth_fail(AuthErrorCode::kTokenExpired, "old")},
                      {2, attest(2, mallory_)},
                      {3, auth_fail(AuthErrorCode::kTokenExpired, "old")}});
  ASSERT_FALSE(r.certificate.has_value());
  EXPECT_EQ(r.certificate.error().code, AuthErrorCode::kTokenExpired);
  EXPECT_EQ(r.certificate.error().culprits, std::vector<uint32_t>{2});
  EXPECT_EQ(r.nodes[1].verdict, NodeVerdict::kOutvoted);
}

TEST_F(QuorumTest, SplitAnswersFailConsensus) {
  auto r = aggregate({{1, attest(1, alice_)},
                      {2, auth_fail(AuthErrorCode::kBadSignature, "x")},
                      {3, auth_fail(AuthErrorCode::kTokenReplayed, "y")}});
  ASSERT_FALSE(r.certificate.has_value());
  EXPECT_EQ(r.certificate.error().code, AuthErrorCode::kConsensusFailed);
  EXPECT_NE(r.certificate.error().message.find("node 3 rejected (TOKEN_REPLAYED)"), std::string::npos) << r.certificate.error();
  // One node down, two agree: still a quorum.
  auto down = aggregate({{1, attest(1, alice_)}, {2, auth_fail(AuthErrorCode::kInternal, "down")}, {3, attest(3, alice_)}});
  EXPECT_TRUE(down.certificate.has_value());
  EXPECT_TRUE(down.misbehaving.empty());
}

TEST_F(QuorumTest, CertificateTamperingIsDetected) {
  const QuorumCertificate good = good_certificate();
  QuorumCertificate t = good;
  t.attestations[1].claim.identity = mallory_;  // swap the user
  expect_tampering_detected(t, {2});
  t = good;
  for (auto& a : t.attestations) a.claim.identity = mallory_;  // swap it everywhere
  expect_tampering_detected(t, {1});
  t = good;
  t.attestations[0].claim.session_address[3] ^= 0x10;
  expect_tampering_detected(t, {1});
  t = good;
  t.attestations[2].claim.expires_at += 3600;  // extend the lifetime
  expect_tampering_detected(t, {3});
  t = good;
  t.attestations[1].signature[63] ^= 0x01;
  expect_tampering_detected(t, {2});
  t = good;
  t.attestations[1] = t.attestations[0];  // count one node twice
  expect_tampering_detected(t, {1});
  t = good;
  t.attestations.resize(1);  // below quorum
  expect_tampering_detected(t, {});
  t = good;
  t.attestations[0].node_id = 7;  // unknown node
  expect_tampering_detected(t, {7});
  // An honest attestation for another subject mixed in.
  t = good;
  t.attestations[2] = attest(3, mallory_);
  expect_tampering_detected(t, {3});
  // Another deployment's policy does not accept it.
  QuorumPolicy other = policy_;
  other.network_id = "net-other";
  EXPECT_EQ(verify_quorum_certificate(good, other, kNow).error().code, AuthErrorCode::kQuorumNotMet);
}

TEST_F(QuorumTest, JsonRoundTripIsExactAndStrict) {
  const QuorumCertificate good = good_certificate();
  const std::string json = to_json(good);
  auto back = quorum_certificate_from_json(json);
  ASSERT_TRUE(back.has_value()) << back.error();
  EXPECT_EQ(to_json(*back), json);
  EXPECT_TRUE(verify_quorum_certificate(*back, policy_, kNow).has_value());
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string s = json;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  for (const std::string& bad :
       {std::string("{}"), std::string(R"({"attestations":[]})"), json + " x", replace("\"nodeId\":1", "\"nodeId\":\"1\""),
        replace("\"nodeId\":1", "\"nodeId\":0"), replace("\"provider\":\"google\"", "\"provider\":\"github\""),
        replace("\"sessionAddress\":\"0x", "\"sessionAddress\":\""), replace("\"nodeId\":1", "\"nodeId\":1,\"extra\":1"),
        replace("\"signature\":\"", "\"signature\":\"0x"), replace("\"issuedAt\"", "\"issuedAt\":1,\"issuedAt\"")}) {
    auto r = quorum_certificate_from_json(bad);
    ASSERT_FALSE(r.has_value()) << bad.substr(0, 120);
    EXPECT_EQ(r.error().code, AuthErrorCode::kBadRequest);
  }
}

}  // namespace
}  // namespace okmpc::auth
