// The auth network end to end: N nodes verify independently, a quorum
// certificate comes out (and verifies again on its own), replays are refused
// even across a restart, and compromised nodes are outvoted and named.
#include "auth/auth_network.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "auth/otp_service.hpp"
#include "auth_fixture.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

using testing::google;
using testing::kAudience;
using testing::kNow;
using testing::login_for;
using testing::session_pk;

const std::string kUuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

AuthNetworkConfig google_config() {
  AuthNetworkConfig cfg;
  cfg.google_jwks = google().jwks();
  cfg.oidc.audience = kAudience;
  return cfg;
}

class AuthNetworkTest : public ::testing::Test {
 protected:
  std::unique_ptr<AuthNetwork> make(AuthNetworkConfig cfg = google_config()) {
    auto net = AuthNetwork::create(std::move(cfg), rng_);
    EXPECT_TRUE(net.has_value()) << net.error();
    return std::move(*net);
  }
  std::string token(const std::string& subject, uint8_t session) { return *google().issue(login_for(subject, session), rng_); }
  AuthRequest request(const std::string& tok, uint8_t session) {
    return AuthRequest{Provider::kGoogle, tok, session_pk(session), kUuid};
  }

  DeterministicRng rng_{2026};
};

TEST_F(AuthNetworkTest, AValidLoginYieldsAQuorumCertificateThatVerifiesAgain) {
  auto net = make();
  AuthReport r = net->authenticate(request(token("alice", 1), 1), kNow);
  ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
  ASSERT_EQ(r.nodes.size(), 3u);
  for (const auto& n : r.nodes) EXPECT_EQ(n.verdict, NodeVerdict::kAttested);
  EXPECT_TRUE(r.misbehaving.empty());
  EXPECT_EQ(r.certificate->identity(), (UserIdentity{Provider::kGoogle, subject_hash(Provider::kGoogle, "https://accounts.google.com", "alice")}));
  EXPECT_EQ(eth::to_checksum(r.certificate->session_address()), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  EXPECT_EQ(r.certificate->request_nonce(), kUuid);
  // The chain / DWN side: only the JSON and the policy.
  auto parsed = quorum_certificate_from_json(to_json(*r.certificate));
  ASSERT_TRUE(parsed.has_value());
  auto v = verify_quorum_certificate(*parsed, net->policy(), kNow + 5);
  ASSERT_TRUE(v.has_value()) << v.error();
  EXPECT_EQ(v->signers, (std::vector<uint32_t>{1, 2}));  // all attested; the certificate carries the quorum
  // Nodes have distinct keys.
  EXPECT_NE(net->policy().nodes[0].public_key, net->policy().nodes[1].public_key);
}

TEST_F(AuthNetworkTest, EveryNodeRefusesAReplay) {
  auto net = make();
  const std::string tok = token("bob", 2);
  ASSERT_TRUE(net->authenticate(request(tok, 2), kNow).certificate.has_value());
  AuthReport again = net->authenticate(request(tok, 2), kNow + 1);
  ASSERT_FALSE(again.certificate.has_value());
  EXPECT_EQ(again.certificate.error().code, AuthErrorCode::kTokenReplayed);
  EXPECT_EQ(again.certificate.error().public_code(), "TOKEN_REPLAYED");
  for (const auto& n : again.nodes) EXPECT_EQ(n.error->code, AuthErrorCode::kTokenReplayed);
  // A different request nonce does not make it fresh either.
  AuthRequest other = request(tok, 2);
  other.request_nonce = "another-uuid";
  EXPECT_EQ(net->authenticate(other, kNow + 2).certificate.error().code, AuthErrorCode::kTokenReplayed);
}

TEST_F(AuthNetworkTest, RejectionsCarryTheExactCode) {
  auto net = make();
  auto r1 = net->authenticate(request(token("carol", 3), 3), kNow + 3600 + 60);
  EXPECT_EQ(r1.certificate.error().code, AuthErrorCode::kTokenExpired);
  auto r2 = net->authenticate(request(token("carol", 3), /*session=*/4), kNow);  // token bound to session 3
  EXPECT_EQ(r2.certificate.error().code, AuthErrorCode::kNonceMismatch);
  auto r3 = net->authenticate(request(*testing::impostor().issue(login_for("carol", 3), rng_), 3), kNow);
  EXPECT_EQ(r3.certificate.error().code, AuthErrorCode::kBadSignature);
  AuthRequest bad_pk = request(token("carol", 3), 3);
  bad_pk.session_pk[0] = 0x02;
  EXPECT_EQ(net->authenticate(bad_pk, kNow).certificate.error().code, AuthErrorCode::kBadRequest);
  AuthRequest bad_nonce = request(token("carol", 3), 3);
  bad_nonce.request_nonce = "";
  EXPECT_EQ(net->authenticate(bad_nonce, kNow).certificate.error().code, AuthErrorCode::kBadRequest);
  AuthRequest okto = request(token("carol", 3), 3);
  okto.provider = Provider::kOkto;  // not enabled in this network
  EXPECT_EQ(net->authenticate(okto, kNow).certificate.error().code, AuthErrorCode::kBadRequest);
  // None of these used up the token.
  EXPECT_TRUE(net->authenticate(request(token("carol", 3), 3), kNow).certificate.has_value());
}

TEST_F(AuthNetworkTest, ReplayProtectionAndNodeKeysSurviveARestart) {
  const auto dir = std::filesystem::temp_directory_path() / ("okmpc-authnet-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  AuthNetworkConfig cfg = google_config();
  cfg.data_dir = dir;
  const std::string tok = token("dave", 5);
  QuorumCertificate cert;
  QuorumPolicy before;
  {
    auto net = make(cfg);
    AuthReport r = net->authenticate(request(tok, 5), kNow);
    ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
    cert = *r.certificate;
    before = net->policy();
  }
  for (uint32_t id = 1; id <= 3; ++id) {
    auto seed = dir / ("auth-node-" + std::to_string(id) + ".seed");
    ASSERT_TRUE(std::filesystem::exists(seed));
    EXPECT_EQ(std::filesystem::file_size(seed), 32u);
    EXPECT_EQ(std::filesystem::status(seed).permissions() & std::filesystem::perms::group_all, std::filesystem::perms::none);
  }
  auto restarted = make(cfg);
  for (size_t i = 0; i < 3; ++i) EXPECT_EQ(restarted->policy().nodes[i].public_key, before.nodes[i].public_key);
  EXPECT_TRUE(verify_quorum_certificate(cert, restarted->policy(), kNow + 1).has_value());
  AuthReport replay = restarted->authenticate(request(tok, 5), kNow + 2);
  ASSERT_FALSE(replay.certificate.has_value());
  EXPECT_EQ(replay.certificate.error().code, AuthErrorCode::kTokenReplayed);
  EXPECT_TRUE(restarted->authenticate(request(token("dave", 5), 5), kNow + 3).certificate.has_value());
  restarted.reset();
  // A corrupted seed is reported, not silently replaced.
  std::filesystem::resize_file(dir / "auth-node-2.seed", 31);
  auto broken = AuthNetwork::create(cfg, rng_);
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, ErrorCode::kCorrupted);
  std::filesystem::remove_all(dir);
}

TEST_F(AuthNetworkTest, ACompromisedNodeForgingAnIdentityIsOutvotedAndNamed) {
  auto net = make();
  const UserIdentity mallory{Provider::kGoogle, subject_hash(Provider::kGoogle, "https://accounts.google.com", "mallory")};
  ASSERT_TRUE(net->compromise_node(2, Misbehavior::kForgeIdentity, mallory).has_value());
  AuthReport r = net->authenticate(request(token("erin", 6), 6), kNow);
  ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
  EXPECT_NE(r.certificate->identity(), mallory);
  EXPECT_EQ(r.misbehaving, std::vector<uint32_t>{2});
  EXPECT_EQ(r.nodes[1].verdict, NodeVerdict::kConflicting);
  auto v = verify_quorum_certificate(*r.certificate, net->policy(), kNow);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->signers, (std::vector<uint32_t>{1, 3}));
  // With an invalid token the forger is alone against a quorum of refusals.
  AuthReport bad = net->authenticate(request(*testing::impostor().issue(login_for("erin", 6), rng_), 6), kNow);
  ASSERT_FALSE(bad.certificate.has_value());
  EXPECT_EQ(bad.certificate.error().code, AuthErrorCode::kBadSignature);
  EXPECT_EQ(bad.certificate.error().culprits, std::vector<uint32_t>{2});
  EXPECT_EQ(bad.nodes[1].verdict, NodeVerdict::kOutvoted);
  const boost::json::array outcomes = to_json(bad.nodes);
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_EQ(outcomes[1].as_object().at("nodeId").to_number<int64_t>(), 2);
  EXPECT_EQ(outcomes[1].as_object().at("verdict").as_string(), "outvoted");
  EXPECT_EQ(outcomes[1].as_object().at("errorCode").as_string(), "AUTH_CONSENSUS_FAILED");
  EXPECT_EQ(outcomes[0].as_object().at("errorCode").as_string(), "INVALID_TOKEN");
  EXPECT_EQ(outcomes[0].as_object().at("reason").as_string(), "bad_signature");
  EXPECT_EQ(user_key(r.certificate->identity()),
            "google:" + to_hex(subject_hash(Provider::kGoogle, "https://accounts.google.com", "erin")));
  EXPECT_EQ(net->compromise_node(2, Misbehavior::kRefuse).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(net->compromise_node(4, Misbehavior::kRefuse).error().code, ErrorCode::kNotFound);
}

TEST_F(AuthNetworkTest, TwoCompromisedNodesCannotForgeButFailConsensus) {
  auto net = make();
  const UserIdentity mallory{Provider::kGoogle, subject_hash(Provider::kGoogle, "https://accounts.google.com", "mallory")};
  ASSERT_TRUE(net->compromise_node(1, Misbehavior::kCorruptSignature, mallory).has_value());
  ASSERT_TRUE(net->compromise_node(3, Misbehavior::kWrongSession, mallory).has_value());
  AuthReport r = net->authenticate(request(token("frank", 7), 7), kNow);
  ASSERT_FALSE(r.certificate.has_value());
  EXPECT_EQ(r.certificate.error().code, AuthErrorCode::kConsensusFailed);
  EXPECT_EQ(r.certificate.error().public_code(), "AUTH_CONSENSUS_FAILED");
  EXPECT_EQ(r.certificate.error().culprits, (std::vector<uint32_t>{1, 3}));
  EXPECT_EQ(r.nodes[0].verdict, NodeVerdict::kInvalidAttestation);
  EXPECT_EQ(r.nodes[1].verdict, NodeVerdict::kAttested);
  EXPECT_EQ(r.nodes[2].verdict, NodeVerdict::kInvalidAttestation);
}

TEST_F(AuthNetworkTest, OneNodeDownStillReachesTwoOfThree) {
  auto net = make();
  ASSERT_TRUE(net->compromise_node(3, Misbehavior::kRefuse).has_value());
  AuthReport r = net->authenticate(request(token("gina", 8), 8), kNow);
  ASSERT_TRUE(r.certificate.has_value());
  EXPECT_EQ(r.certificate->attestations.size(), 2u);
  EXPECT_EQ(r.nodes[2].verdict, NodeVerdict::kRejected);
  EXPECT_TRUE(r.misbehaving.empty());
}

TEST_F(AuthNetworkTest, OtpTokensAuthenticateThroughTheNetwork) {
  const auto outbox_path = std::filesystem::temp_directory_path() / ("okmpc-authnet-outbox-" + std::to_string(::getpid()));
  std::filesystem::remove(outbox_path);
  FileOutbox outbox(outbox_path);
  auto otp = *OtpService::create(OtpConfig{}, SecretBytes(Bytes(32, 9)), OktoTokenIssuer(rng_, "otp-1"), outbox, rng_);
  AuthNetworkConfig cfg = google_config();
  cfg.okto_issuer_keys = {{"otp-1", otp->issuer().public_key()}};
  auto net = make(cfg);

  ASSERT_TRUE(otp->send(OtpChannel::kEmail, "hank@example.com", kNow).has_value());
  std::ifstream in(outbox_path);
  std::string line;
  std::getline(in, line);
  const std::string code = line.substr(line.find("\"code\":\"") + 8, 6);
  auto tok = otp->verify(OtpChannel::kEmail, "hank@example.com", code, kNow + 5, session_nonce(session_pk(9)));
  ASSERT_TRUE(tok.has_value()) << tok.error();
  AuthReport r = net->authenticate(AuthRequest{Provider::kOkto, *tok, session_pk(9), kUuid}, kNow + 6);
  ASSERT_TRUE(r.certificate.has_value()) << r.certificate.error();
  EXPECT_EQ(r.certificate->identity().provider, Provider::kOkto);
  EXPECT_EQ(r.certificate->identity().subject_hash, subject_hash(Provider::kOkto, "okmpc-otp", "email:hank@example.com"));
  // Single use at the nodes too.
  EXPECT_EQ(net->authenticate(AuthRequest{Provider::kOkto, *tok, session_pk(9), kUuid}, kNow + 7).certificate.error().code,
            AuthErrorCode::kTokenReplayed);
  // An okto token is not accepted as a Google token.
  EXPECT_EQ(net->authenticate(AuthRequest{Provider::kGoogle, *tok, session_pk(9), kUuid}, kNow + 7).certificate.error().code,
            AuthErrorCode::kUnsupportedAlgorithm);
  std::filesystem::remove(outbox_path);
}

TEST_F(AuthNetworkTest, ConcurrentReplaysYieldAtMostOneCertificate) {
  auto net = make();
  const AuthRequest req = request(token("judy", 11), 11);
  std::atomic<int> successes{0}, replays{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      AuthReport r = net->authenticate(req, kNow);
      if (r.certificate) {
        ++successes;
      } else if (r.certificate.error().code == AuthErrorCode::kTokenReplayed ||
                 r.certificate.error().code == AuthErrorCode::kConsensusFailed) {
        ++replays;
      }
    });
  }
  for (auto& t : threads) t.join();
  // Each node attests a token once and a certificate needs 2 of 3 nodes.
  EXPECT_LE(successes.load(), 1);
  EXPECT_EQ(successes.load() + replays.load(), 6);
}

TEST_F(AuthNetworkTest, ConfigurationIsValidated) {
  AuthNetworkConfig none;
  EXPECT_EQ(AuthNetwork::create(none, rng_).error().code, ErrorCode::kInvalidArgument);
  AuthNetworkConfig no_aud = google_config();
  no_aud.oidc.audience.clear();
  EXPECT_EQ(AuthNetwork::create(no_aud, rng_).error().code, ErrorCode::kInvalidArgument);
  AuthNetworkConfig weak = google_config();
  weak.quorum = 1;
  EXPECT_EQ(AuthNetwork::create(weak, rng_).error().code, ErrorCode::kInvalidArgument);
  AuthNetworkConfig five = google_config();
  five.nodes = 5;
  five.quorum = 3;
  auto net = make(five);
  EXPECT_EQ(net->policy().nodes.size(), 5u);
  EXPECT_TRUE(net->authenticate(request(token("ivy", 10), 10), kNow).certificate.has_value());
}

}  // namespace
}  // namespace okmpc::auth
