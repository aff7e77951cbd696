// The chain's registration admission check (chain/registration_authorizer.hpp):
// with an authorizer configured, registerSession needs a certificate the
// authorizer accepts; a missing or refused one changes nothing. Other calls
// are not affected. (tests/apps/gateway_registration_authority_test.cpp runs
// the same check with real auth quorum certificates.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "chain/okto_chain.hpp"
#include "chain_test_env.hpp"
#include "mpc/hex.hpp"

namespace okmpc::chain {
namespace {

using ::testing::HasSubstr;
using testing::ChainTestEnv;
using testing::TempDir;

constexpr uint64_t kDay = 24 * 3600;

ByteView bytes_of(const std::string& s) { return ByteView(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }

class RegistrationAdmissionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ChainConfig config = env.config();
    // Stands in for the auth quorum check: accepts exactly "ok:<session hex>"
    // for the env's SWA, and records what it was asked.
    config.registration_authorizer = [this](ByteView cert, const RegistrationClaim& claim) -> Status {
      ++calls;
      last = claim;
      const std::string expected = "ok:" + to_hex(claim.session);
      if (std::string(cert.begin(), cert.end()) != expected || claim.swa != env.swa) {
        return fail(ErrorCode::kPermissionDenied, "test authorizer refuses");
      }
      return ok();
    };
    auto c = OktoChain::open(dir.path(), std::move(config));
    ASSERT_TRUE(c) << c.error();
    chain.emplace(std::move(*c));
    ASSERT_TRUE(chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000)));
  }

  UserOperation registration() const {
    return env.op(env.registration(ChainTestEnv::kStart + 10 * kDay, 500), 0, env.owner_key,
                  chain->config().entry_point, true);
  }

  void expect_refused_unchanged(const UserOperation& op, const std::string& cert, const std::string& reason) {
    const Hash32 root = chain->state_root();
    const uint64_t head = chain->head_number();
    auto r = chain->submit(op, bytes_of(cert));
    ASSERT_FALSE(r) << "registration admitted with certificate '" << cert << "'";
    EXPECT_EQ(r.error().code, ErrorCode::kPermissionDenied);
    EXPECT_THAT(r.error().message, HasSubstr(reason));
    EXPECT_EQ(chain->state_root(), root);
    EXPECT_EQ(chain->head_number(), head);
    EXPECT_EQ(chain->pending_count(), 0u);
    EXPECT_FALSE(chain->session(env.session_addr));
    EXPECT_FALSE(chain->swa_of_owner(env.owner));
  }

  TempDir dir;
  ChainTestEnv env;
  std::optional<OktoChain> chain;
  int calls = 0;
  RegistrationClaim last;
};

TEST_F(RegistrationAdmissionTest, RegistrationWithoutCertificateIsRefusedAndChangesNothing) {
  expect_refused_unchanged(registration(), "", "AUTH_QUORUM_REQUIRED");
  EXPECT_EQ(calls, 0);
}

TEST_F(RegistrationAdmissionTest, RefusedCertificateIsRejectedAndChangesNothing) {
  expect_refused_unchanged(registration(), "ok:" + to_hex(env.client), "AUTH_QUORUM_INVALID test authorizer refuses");
  EXPECT_EQ(calls, 1);
  // The authorizer saw what the UserOp asks for.
  EXPECT_EQ(last.swa, env.swa);
  EXPECT_EQ(last.session, env.session_addr);
  EXPECT_EQ(last.valid_until, ChainTestEnv::kStart + 10 * kDay);
}

TEST_F(RegistrationAdmissionTest, AcceptedCertificateRegisters) {
  auto r = chain->submit(registration(), bytes_of("ok:" + to_hex(env.session_addr)));
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->included);
  auto rec = chain->session(env.session_addr);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->swa, env.swa);
}

TEST_F(RegistrationAdmissionTest, OtherCallsNeedNoCertificate) {
  ASSERT_TRUE(chain->submit(registration(), bytes_of("ok:" + to_hex(env.session_addr))));
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
  const int before = calls;
  TransferToken t{env.token, testing::token_address(0x99), Uint256::from_u64(10)};
  auto r = chain->submit(env.op(t, 0, env.session_key, chain->config().entry_point, false, 1));
  ASSERT_TRUE(r) << r.error();
  EXPECT_EQ(calls, before);
}

}  // namespace
}  // namespace okmpc::chain
