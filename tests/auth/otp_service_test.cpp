// OTP flows per DOMAIN.md: happy path, 5 wrong codes → locked, expired,
// reused, resend rate limit, the outbox line format, and the okto token.
#include "auth/otp_service.hpp"

#include <sodium.h>

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "auth/jws.hpp"
#include "auth/otp_address.hpp"
#include "auth/strict_json.hpp"
#include "auth_fixture.hpp"

namespace okmpc::auth {
namespace {

using testing::kNow;

class OtpServiceTest : public ::testing::Test {
 protected:
  OtpServiceTest()
      : path_(std::filesystem::temp_directory_path() /
              ("okmpc-outbox-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".jsonl")),
        outbox_(path_) {
    std::filesystem::remove(path_);
    service_ = make(outbox_);
  }
  ~OtpServiceTest() override { std::filesystem::remove(path_); }

  std::unique_ptr<OtpService> make(OtpOutbox& outbox) {
    OktoTokenIssuer issuer(rng_, "otp-1");
    auto s = OtpService::create(OtpConfig{}, SecretBytes(Bytes(32, 0x5a)), std::move(issuer), outbox, rng_);
    EXPECT_TRUE(s.has_value());
    return std::move(*s);
  }

  std::vector<std::string> lines() const {
    std::ifstream in(path_);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }
  // The code of the last outbox line (checking the line's exact shape).
  std::string last_code() const {
    auto all = lines();
    EXPECT_FALSE(all.empty());
    auto obj = parse_strict_object(all.back());
    EXPECT_TRUE(obj.has_value());
    EXPECT_EQ(obj->size(), 4u);
    return *required_string(*obj, "code");
  }
  static std::string wrong(const std::string& code) {
    std::string w = code;
    w[0] = w[0] == '9' ? '0' : static_cast<char>(w[0] + 1);
    return w;
  }

  DeterministicRng rng_{7};
  std::filesystem::path path_;
  FileOutbox outbox_;
  std::unique_ptr<OtpService> service_;
};

TEST_F(OtpServiceTest, HappyPathWritesTheOutboxLineAndReturnsAVerifiableToken) {
  auto sent = service_->send(OtpChannel::kEmail, "Alice@Example.com", kNow);
  ASSERT_TRUE(sent.has_value()) << sent.error();
  EXPECT_EQ(sent->to, "alice@example.com");
  EXPECT_EQ(sent->expires_at, kNow + 300);
  auto all = lines();
  ASSERT_EQ(all.size(), 1u);
  const std::string code = last_code();
  ASSERT_EQ(code.size(), 6u);
  EXPECT_TRUE(std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }));
  EXPECT_EQ(all[0], R"({"channel":"email","to":"alice@example.com","code":")" + code +
                        R"(","expiresAt":)" + std::to_string(kNow + 300) + "}");

  const std::string nonce = session_nonce(testing::session_pk(3));
  auto token = service_->verify(OtpChannel::kEmail, "alice@example.com", code, kNow + 100, nonce);
  ASSERT_TRUE(token.has_value()) << token.error();

  // The token verifies with libsodium directly, and with the auth-node verifier.
  auto jws = parse_compact_jws(*token);
  ASSERT_TRUE(jws.has_value());
  EXPECT_EQ(jws->alg, "EdDSA");
  EXPECT_EQ(crypto_sign_verify_detached(jws->signature.data(), reinterpret_cast<const uint8_t*>(jws->signing_input.data()),
                                        jws->signing_input.size(), service_->issuer().public_key().data()),
            0);
  EXPECT_EQ(*required_string(jws->claims, "sub"), "email:alice@example.com");
  OktoTokenVerifier verifier({{"otp-1", service_->issuer().public_key()}});
  auto cred = verifier.verify(*token, nonce, kNow + 100);
  ASSERT_TRUE(cred.has_value()) << cred.error();
  EXPECT_EQ(cred->identity, (UserIdentity{Provider::kOkto, subject_hash(Provider::kOkto, "okmpc-otp", "email:alice@example.com")}));
  // Bound to session 3: useless for another session key.
  EXPECT_EQ(verifier.verify(*token, session_nonce(testing::session_pk(4)), kNow + 100).error().code,
            AuthErrorCode::kNonceMismatch);
}

TEST_F(OtpServiceTest, PhoneCodesGoToWhatsApp) {
  ASSERT_TRUE(service_->send(OtpChannel::kPhone, "+14155550123", kNow).has_value());
  auto obj = *parse_strict_object(lines().back());
  EXPECT_EQ(*required_string(obj, "channel"), "whatsapp");
  EXPECT_EQ(*required_string(obj, "to"), "+14155550123");
  auto token = service_->verify(OtpChannel::kPhone, "+14155550123", last_code(), kNow + 1);
  ASSERT_TRUE(token.has_value());
  OktoTokenVerifier verifier({{"otp-1", service_->issuer().public_key()}});
  EXPECT_TRUE(verifier.verify(*token, session_nonce(testing::session_pk(3)), kNow + 1).has_value());  // unbound token
}

TEST_F(OtpServiceTest, FiveWrongCodesLockTheAddress) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "bob@example.com", kNow).has_value());
  const std::string code = last_code();
  for (int i = 1; i <= 4; ++i) {
    auto r = service_->verify(OtpChannel::kEmail, "bob@example.com", wrong(code), kNow + i);
    ASSERT_FALSE(r.has_value());
    EXPECT_EQ(r.error().code, AuthErrorCode::kOtpInvalid) << i;
    EXPECT_EQ(r.error().public_code(), "OTP_INVALID");
  }
  auto fifth = service_->verify(OtpChannel::kEmail, "bob@example.com", wrong(code), kNow + 5);
  EXPECT_EQ(fifth.error().code, AuthErrorCode::kOtpLocked);
  EXPECT_EQ(fifth.error().public_code(), "OTP_LOCKED");
  // Even the right code is refused now, and no new code can be requested.
  EXPECT_EQ(service_->verify(OtpChannel::kEmail, "bob@example.com", code, kNow + 6).error().code, AuthErrorCode::kOtpLocked);
  EXPECT_EQ(service_->send(OtpChannel::kEmail, "bob@example.com", kNow + 60).error().code, AuthErrorCode::kOtpLocked);
  // After the lock-out a fresh code works again.
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "bob@example.com", kNow + 5 + 900).has_value());
  EXPECT_TRUE(service_->verify(OtpChannel::kEmail, "bob@example.com", last_code(), kNow + 5 + 901).has_value());
}

TEST_F(OtpServiceTest, ResendingDoesNotResetTheAttemptCount) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "carol@example.com", kNow).has_value());
  for (int i = 0; i < 4; ++i) (void)service_->verify(OtpChannel::kEmail, "carol@example.com", wrong(last_code()), kNow + 1);
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "carol@example.com", kNow + 31).has_value());
  EXPECT_EQ(service_->verify(OtpChannel::kEmail, "carol@example.com", wrong(last_code()), kNow + 32).error().code,
            AuthErrorCode::kOtpLocked);
}

TEST_F(OtpServiceTest, ExpiredCodesAreRefused) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "dave@example.com", kNow).has_value());
  const std::string code = last_code();
  auto late = service_->verify(OtpChannel::kEmail, "dave@example.com", code, kNow + 300);
  ASSERT_FALSE(late.has_value());
  EXPECT_EQ(late.error().code, AuthErrorCode::kOtpExpired);
  EXPECT_EQ(late.error().public_code(), "OTP_EXPIRED");
  // Dropped: asking again is "nothing pending".
  EXPECT_EQ(service_->verify(OtpChannel::kEmail, "dave@example.com", code, kNow + 301).error().code, AuthErrorCode::kOtpInvalid);
}

TEST_F(OtpServiceTest, CodesAreSingleUse) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "erin@example.com", kNow).has_value());
  const std::string code = last_code();
  ASSERT_TRUE(service_->verify(OtpChannel::kEmail, "erin@example.com", code, kNow + 10).has_value());
  auto again = service_->verify(OtpChannel::kEmail, "erin@example.com", code, kNow + 11);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, AuthErrorCode::kOtpInvalid);
}

TEST_F(OtpServiceTest, ResendIsRateLimited) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "frank@example.com", kNow).has_value());
  const std::string first = last_code();
  auto soon = service_->send(OtpChannel::kEmail, "frank@example.com", kNow + 29);
  ASSERT_FALSE(soon.has_value());
  EXPECT_EQ(soon.error().code, AuthErrorCode::kRateLimited);
  EXPECT_EQ(soon.error().public_code(), "RATE_LIMITED");
  EXPECT_EQ(lines().size(), 1u);  // nothing delivered
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "frank@example.com", kNow + 30).has_value());
  const std::string second = last_code();
  if (first != second) {  // the resend replaced the first code
    EXPECT_EQ(service_->verify(OtpChannel::kEmail, "frank@example.com", first, kNow + 31).error().code,
              AuthErrorCode::kOtpInvalid);
  }
  // Five sends per hour, then RATE_LIMITED until the window moves on.
  for (uint64_t t = kNow + 60; t <= kNow + 120; t += 30) ASSERT_TRUE(service_->send(OtpChannel::kEmail, "frank@example.com", t).has_value());
  EXPECT_EQ(service_->send(OtpChannel::kEmail, "frank@example.com", kNow + 600).error().code, AuthErrorCode::kRateLimited);
  EXPECT_TRUE(service_->send(OtpChannel::kEmail, "frank@example.com", kNow + 3600).has_value());
  EXPECT_TRUE(service_->verify(OtpChannel::kEmail, "frank@example.com", last_code(), kNow + 3601).has_value());
}

TEST_F(OtpServiceTest, BadInputChangesNothing) {
  for (const char* bad : {"no-at-sign", "a@b", "two@@example.com", "sp ace@example.com", "a@.example.com", ""}) {
    auto r = service_->send(OtpChannel::kEmail, bad, kNow);
    ASSERT_FALSE(r.has_value()) << bad;
    EXPECT_EQ(r.error().code, AuthErrorCode::kBadRequest) << bad;
  }
  for (const char* bad : {"4155550123", "+0155550123", "+1415", "+1415555012345678", "+1-415-555-0123"}) {
    EXPECT_EQ(service_->send(OtpChannel::kPhone, bad, kNow).error().code, AuthErrorCode::kBadRequest) << bad;
  }
  EXPECT_TRUE(lines().empty());
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "gina@example.com", kNow).has_value());
  const std::string code = last_code();
  // Malformed codes are refused without costing an attempt.
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(service_->verify(OtpChannel::kEmail, "gina@example.com", "12a456", kNow + 1).error().code, AuthErrorCode::kOtpInvalid);
  }
  EXPECT_EQ(service_->verify(OtpChannel::kEmail, "gina@example.com", "", kNow + 1).error().code, AuthErrorCode::kOtpInvalid);
  EXPECT_TRUE(service_->verify(OtpChannel::kEmail, "gina@example.com", code, kNow + 2).has_value());
  // Nothing pending for a never-seen address.
  EXPECT_EQ(service_->verify(OtpChannel::kEmail, "nobody@example.com", "123456", kNow).error().code, AuthErrorCode::kOtpInvalid);
}

TEST_F(OtpServiceTest, ConcurrentVerificationsOfOneCodeYieldOneToken) {
  ASSERT_TRUE(service_->send(OtpChannel::kEmail, "kim@example.com", kNow).has_value());
  const std::string code = last_code();
  std::atomic<int> tokens{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      auto r = service_->verify(OtpChannel::kEmail, "kim@example.com", code, kNow + 1);
      if (r) {
        ++tokens;
      } else if (r.error().code == AuthErrorCode::kOtpInvalid) {
        ++refused;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(tokens.load(), 1);
  EXPECT_EQ(refused.load(), 7);
}

class BrokenOutbox final : public OtpOutbox {
 public:
  Status deliver(const OtpMessage&) override { return fail(ErrorCode::kIo, "mail server down"); }
};

TEST_F(OtpServiceTest, FailedDeliveryChangesNoState) {
  BrokenOutbox broken;
  auto service = make(broken);
  auto r = service->send(OtpChannel::kEmail, "hank@example.com", kNow);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, AuthErrorCode::kInternal);
  // Not rate limited afterwards: the failed send was not recorded.
  auto again = service->send(OtpChannel::kEmail, "hank@example.com", kNow + 1);
  EXPECT_EQ(again.error().code, AuthErrorCode::kInternal);
  EXPECT_EQ(service->verify(OtpChannel::kEmail, "hank@example.com", "000000", kNow + 2).error().code, AuthErrorCode::kOtpInvalid);
}

TEST_F(OtpServiceTest, RefusesAShortServerKey) {
  OktoTokenIssuer issuer(rng_, "otp-1");
  auto s = OtpService::create(OtpConfig{}, SecretBytes(Bytes(16, 1)), std::move(issuer), outbox_, rng_);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
}

TEST(OktoToken, VerifierRejectsEachBadClass) {
  DeterministicRng rng(11);
  OktoTokenIssuer issuer(rng, "otp-1");
  OktoTokenIssuer stranger(rng, "otp-1");  // another key under the same kid
  OktoTokenVerifier verifier({{"otp-1", issuer.public_key()}});
  const std::string nonce = session_nonce(testing::session_pk(5));
  const std::string good = issuer.issue(OtpChannel::kEmail, "ivy@example.com", kNow, rng, nonce);
  ASSERT_TRUE(verifier.verify(good, nonce, kNow + 1).has_value());
  EXPECT_EQ(verifier.verify(stranger.issue(OtpChannel::kEmail, "ivy@example.com", kNow, rng), nonce, kNow).error().code,
            AuthErrorCode::kBadSignature);
  OktoTokenIssuer other_kid(rng, "otp-9");
  EXPECT_EQ(verifier.verify(other_kid.issue(OtpChannel::kEmail, "ivy@example.com", kNow, rng), nonce, kNow).error().code,
            AuthErrorCode::kUnknownKey);
  EXPECT_EQ(verifier.verify(good, nonce, kNow + 600 + 60).error().code, AuthErrorCode::kTokenExpired);
  EXPECT_EQ(verifier.verify(good, session_nonce(testing::session_pk(6)), kNow).error().code, AuthErrorCode::kNonceMismatch);
  // A Google-style RS256 token is not an okto token.
  auto rs = testing::google().sign(boost::json::object{{"iss", "okmpc-otp"}});
  EXPECT_EQ(verifier.verify(*rs, nonce, kNow).error().code, AuthErrorCode::kUnsupportedAlgorithm);
  OktoTokenConfig other_aud;
  other_aud.audience = "another-network";
  OktoTokenVerifier picky({{"otp-1", issuer.public_key()}}, other_aud);
  EXPECT_EQ(picky.verify(good, nonce, kNow).error().code, AuthErrorCode::kWrongAudience);
}

}  // namespace
}  // namespace okmpc::auth
