// OTP state across a restart (auth/otp_state_store.hpp): a node that is
// restarted on the same state file still accepts a pending code, keeps the
// wrong-guess count (resending or restarting buys no guesses), keeps a
// lock-out and the resend limit, and never stores the code itself.
#include "auth/otp_state_store.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "auth/otp_service.hpp"
#include "auth/strict_json.hpp"
#include "auth_fixture.hpp"

namespace okmpc::auth {
namespace {

using testing::kNow;

class OtpRestartTest : public ::testing::Test {
 protected:
  OtpRestartTest() {
    const std::string tag = std::to_string(::getpid()) + "-" +
                            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    outbox_path_ = std::filesystem::temp_directory_path() / ("okmpc-otp-outbox-" + tag + ".jsonl");
    state_path_ = std::filesystem::temp_directory_path() / ("okmpc-otp-state-" + tag + ".sqlite");
    cleanup();
    outbox_ = std::make_unique<FileOutbox>(outbox_path_);
  }
  ~OtpRestartTest() override { cleanup(); }

  void cleanup() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(state_path_.string() + suffix);
    std::filesystem::remove(outbox_path_);
  }

  // A fresh service (as after a restart) on the same state file and key.
  std::unique_ptr<OtpService> start() {
    auto store = SqliteOtpStateStore::open(state_path_);
    EXPECT_TRUE(store.has_value()) << store.error();
    auto s = OtpService::create(OtpConfig{}, SecretBytes(Bytes(32, 0x5a)), OktoTokenIssuer(rng_, "otp-1"), *outbox_,
                                rng_, std::move(*store));
    EXPECT_TRUE(s.has_value()) << s.error();
    return std::move(*s);
  }

  std::string last_code() const {
    std::ifstream in(outbox_path_);
    std::string line, last;
    while (std::getline(in, line)) last = line;
    auto obj = parse_strict_object(last);
    EXPECT_TRUE(obj.has_value());
    return *required_string(*obj, "code");
  }
  static std::string wrong(const std::string& code) {
    std::string w = code;
    w[0] = w[0] == '9' ? '0' : static_cast<char>(w[0] + 1);
    return w;
  }

  DeterministicRng rng_{11};
  std::filesystem::path outbox_path_, state_path_;
  std::unique_ptr<FileOutbox> outbox_;
};

TEST_F(OtpRestartTest, PendingCodeSurvivesARestartAndIsSingleUse) {
  std::string code;
  {
    auto s = start();
    ASSERT_TRUE(s->send(OtpChannel::kEmail, "bob@example.com", kNow));
    code = last_code();
  }
  auto s = start();
  auto token = s->verify(OtpChannel::kEmail, "bob@example.com", code, kNow + 10);
  ASSERT_TRUE(token.has_value()) << token.error();
  {
    auto again = start();  // consumed before the token was issued, also on disk
    auto reused = again->verify(OtpChannel::kEmail, "bob@example.com", code, kNow + 11);
    ASSERT_FALSE(reused.has_value());
    EXPECT_EQ(reused.error().code, AuthErrorCode::kOtpInvalid);
  }
}

TEST_F(OtpRestartTest, AttemptCountAndLockOutSurviveRestarts) {
  std::string code;
  {
    auto s = start();
    ASSERT_TRUE(s->send(OtpChannel::kPhone, "+14155550100", kNow));
    code = last_code();
    for (int i = 0; i < 3; ++i) {
      auto r = s->verify(OtpChannel::kPhone, "+14155550100", wrong(code), kNow + 1);
      ASSERT_FALSE(r.has_value());
      EXPECT_EQ(r.error().code, AuthErrorCode::kOtpInvalid);
    }
  }
  {
    auto s = start();
    // Two guesses were left, not five.
    auto fourth = s->verify(OtpChannel::kPhone, "+14155550100", wrong(code), kNow + 2);
    ASSERT_FALSE(fourth.has_value());
    EXPECT_EQ(fourth.error().code, AuthErrorCode::kOtpInvalid);
    EXPECT_NE(fourth.error().message.find("1 attempts left"), std::string::npos) << fourth.error().message;
    auto fifth = s->verify(OtpChannel::kPhone, "+14155550100", wrong(code), kNow + 3);
    ASSERT_FALSE(fifth.has_value());
    EXPECT_EQ(fifth.error().code, AuthErrorCode::kOtpLocked);
  }
  auto s = start();
  auto locked = s->verify(OtpChannel::kPhone, "+14155550100", code, kNow + 4);
  ASSERT_FALSE(locked.has_value());
  EXPECT_EQ(locked.error().code, AuthErrorCode::kOtpLocked);
  auto resend = s->send(OtpChannel::kPhone, "+14155550100", kNow + 5);
  ASSERT_FALSE(resend.has_value());
  EXPECT_EQ(resend.error().code, AuthErrorCode::kOtpLocked);
}

TEST_F(OtpRestartTest, ResendLimitSurvivesARestart) {
  {
    auto s = start();
    ASSERT_TRUE(s->send(OtpChannel::kEmail, "carol@example.com", kNow));
  }
  auto s = start();
  auto soon = s->send(OtpChannel::kEmail, "carol@example.com", kNow + 5);
  ASSERT_FALSE(soon.has_value());
  EXPECT_EQ(soon.error().code, AuthErrorCode::kRateLimited);
}

TEST_F(OtpRestartTest, TheStateFileHoldsNoCode) {
  std::string code;
  {
    auto s = start();
    ASSERT_TRUE(s->send(OtpChannel::kEmail, "dave@example.com", kNow));
    code = last_code();
  }
  std::string bytes;
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream in(state_path_.string() + suffix, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_FALSE(bytes.empty());
  EXPECT_NE(bytes.find("dave@example.com"), std::string::npos);  // the file is the right one
  EXPECT_EQ(bytes.find(code), std::string::npos);
}

TEST_F(OtpRestartTest, MalformedRowIsCorrupted) {
  {
    auto store = SqliteOtpStateStore::open(state_path_);
    ASSERT_TRUE(store.has_value());
    OtpEntry e;
    ASSERT_TRUE((*store)->save(OtpChannel::kEmail, "eve@example.com", e));
  }
  // Unknown channel 9 written behind the store's back.
  {
    auto store = SqliteOtpStateStore::open(state_path_);
    ASSERT_TRUE((*store)->save(static_cast<OtpChannel>(9), "x", OtpEntry{}));
    auto loaded = (*store)->load_all();
    ASSERT_FALSE(loaded.has_value());
    EXPECT_EQ(loaded.error().code, ErrorCode::kCorrupted);
  }
}

}  // namespace
}  // namespace okmpc::auth
