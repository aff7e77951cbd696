// Onboarding on the simulated chain: registration by the owner, session-key
// intents within policy, and every rejection leaving the state unchanged.
#include "chain/okto_chain.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "chain_test_env.hpp"
#include "mpc/hex.hpp"
#include "session/personal_sign.hpp"

namespace okmpc::chain {
namespace {

using ::testing::HasSubstr;
using testing::ChainTestEnv;
using testing::TempDir;

constexpr uint64_t kDay = 24 * 3600;

class OktoChainTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = OktoChain::open(dir.path(), env.config());
    ASSERT_TRUE(c) << c.error();
    chain.emplace(std::move(*c));
    ASSERT_TRUE(chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000)));
  }

  const EntryPointConfig& ep() const { return chain->config().entry_point; }

  // Registers env's session key through a deploying, owner-signed UserOp.
  void register_session(uint64_t limit = 1000) {
    auto r = chain->submit(env.op(env.registration(ChainTestEnv::kStart + 10 * kDay, limit), 0, env.owner_key, ep(), true));
    ASSERT_TRUE(r) << r.error();
    ASSERT_TRUE(r->included);
  }

  struct Snapshot {
    Hash32 root;
    uint64_t head;
    size_t pending;
  };
  Snapshot snap() const { return {chain->state_root(), chain->head_number(), chain->pending_count()}; }
  void expect_rejected_unchanged(const UserOperation& op, const std::string& reason, ErrorCode code) {
    const Snapshot before = snap();
    auto r = chain->submit(op);
    ASSERT_FALSE(r) << "accepted, expected " << reason;
    EXPECT_THAT(r.error().message, HasSubstr(reason));
    EXPECT_EQ(r.error().code, code) << r.error();
    const Snapshot after = snap();
    EXPECT_EQ(after.root, before.root);
    EXPECT_EQ(after.head, before.head);
    EXPECT_EQ(after.pending, before.pending);
  }

  TempDir dir;
  ChainTestEnv env;
  std::optional<OktoChain> chain;
};

TEST_F(OktoChainTest, OwnerSignedRegistrationDeploysAndRegisters) {
  EXPECT_FALSE(chain->swa_of_owner(env.owner));
  UserOperation op = env.op(env.registration(ChainTestEnv::kStart + 10 * kDay, 500), 0, env.owner_key, ep(), true);
  auto r = chain->submit(op);
  ASSERT_TRUE(r) << r.error();
  EXPECT_TRUE(r->included);
  EXPECT_EQ(r->hash, *chain->user_op_hash(op));
  EXPECT_EQ(*chain->swa_of_owner(env.owner), env.swa);
  auto rec = chain->session(env.session_addr);
  ASSERT_TRUE(rec);
  EXPECT_EQ(rec->swa, env.swa);
  EXPECT_EQ(rec->valid_until, ChainTestEnv::kStart + 10 * kDay);
  EXPECT_FALSE(rec->revoked);
  EXPECT_EQ(chain->policy(env.session_addr)->limit, Uint256::from_u64(500));
  // The block holds the UserOp hash and links to its parent.
  auto block = chain->block(r->block_number);
  ASSERT_TRUE(block && *block);
  ASSERT_EQ((*block)->entries.size(), 1u);
  EXPECT_EQ((*block)->entries[0].hash, r->hash);
  EXPECT_EQ((*block)->state_root, chain->state_root());
  EXPECT_EQ((*block)->parent_hash, (*chain->block(r->block_number - 1))->hash);
  EXPECT_EQ(*chain->block_of_entry(r->hash), r->block_number);
  // Gas paid by the client's paymaster budget: (150k+100k+50k+50k+10k) * 10.
  EXPECT_EQ(chain->paymaster_budget(env.client), Uint256::from_u64(1'000'000'000 - 3'600'000));
}

TEST_F(OktoChainTest, WrongOwnerSignatureIsAA24AndChangesNothing) {
  auto stranger = testing::key_from_u64(0xbad);
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, stranger, ep(), true),
                            "AA24 signature error", ErrorCode::kVerificationFailed);
  // A signature over another chain's hash is just as wrong.
  EntryPointConfig other = ep();
  other.chain_id = Uint256::from_u64(1);
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, other, true),
                            "AA24", ErrorCode::kVerificationFailed);
  // A malformed signature (64 bytes) too.
  UserOperation op = env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, ep(), true);
  op.signature.pop_back();
  expect_rejected_unchanged(op, "AA24", ErrorCode::kVerificationFailed);
  EXPECT_FALSE(chain->swa_of_owner(env.owner));
  EXPECT_FALSE(chain->session(env.session_addr));
}

TEST_F(OktoChainTest, ReplayedNonceIsAA25AndChangesNothing) {
  register_session();
  UserOperation again = env.op(env.registration(ChainTestEnv::kStart + 5 * kDay, 1), 0, env.owner_key, ep());
  expect_rejected_unchanged(again, "AA25 invalid account nonce", ErrorCode::kReplay);
  // Skipping ahead is refused as well; the next sequence works.
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + 5 * kDay, 1), 2, env.owner_key, ep()),
                            "AA25", ErrorCode::kReplay);
  EXPECT_TRUE(chain->submit(env.op(env.registration(ChainTestEnv::kStart + 5 * kDay, 1), 1, env.owner_key, ep())));
  EXPECT_EQ(chain->next_nonce_sequence(env.swa, Uint256()), 2u);
}

TEST_F(OktoChainTest, ExpiredSessionRegistrationIsAA22AndChangesNothing) {
  ASSERT_TRUE(chain->deploy_swa(env.owner));
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart - 1, 10), 0, env.owner_key, ep()),
                            "AA22 expired or not due", ErrorCode::kExpired);
  EXPECT_FALSE(chain->session(env.session_addr));
}

TEST_F(OktoChainTest, UndeployedAccountAndBadFactoryAreRejected) {
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, ep()),
                            "AA20 account not deployed", ErrorCode::kNotFound);
  UserOperation op = env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, ep(), true);
  op.factory_data = create_account_call(env.session_addr);  // would create someone else's SWA
  ASSERT_TRUE(sign_user_operation(op, env.owner_key, ep()));
  expect_rejected_unchanged(op, "AA14", ErrorCode::kInvalidArgument);
  register_session();
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 1, env.owner_key, ep(), true),
                            "AA10 sender already constructed", ErrorCode::kAlreadyExists);
}

TEST_F(OktoChainTest, SessionKeyTransfersWithinPolicyOnly) {
  register_session(/*limit=*/100);
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
  const eth::Address to = testing::token_address(0x99);
  auto ok1 = chain->submit(env.op(TransferToken{env.token, to, Uint256::from_u64(60)}, 1, env.session_key, ep()));
  ASSERT_TRUE(ok1) << ok1.error();
  EXPECT_EQ(chain->balance(env.token, to), Uint256::from_u64(60));
  EXPECT_EQ(chain->balance(env.token, env.swa), Uint256::from_u64(940));
  EXPECT_EQ(chain->policy(env.session_addr)->spent, Uint256::from_u64(60));
  // 60 + 41 > 100.
  expect_rejected_unchanged(env.op(TransferToken{env.token, to, Uint256::from_u64(41)}, 2, env.session_key, ep()),
                            "POLICY_LIMIT_EXCEEDED", ErrorCode::kPolicyViolation);
  // Another token is outside the policy.
  expect_rejected_unchanged(env.op(TransferToken{testing::token_address(2), to, Uint256::from_u64(1)}, 2, env.session_key, ep()),
                            "POLICY_LIMIT_EXCEEDED", ErrorCode::kPolicyViolation);
  // Session keys cannot manage sessions.
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 2, env.session_key, ep()),
                            "NOT_OWNER", ErrorCode::kPermissionDenied);
  // Exactly up to the limit is fine; the owner is not limited by the policy.
  EXPECT_TRUE(chain->submit(env.op(TransferToken{env.token, to, Uint256::from_u64(40)}, 2, env.session_key, ep())));
  EXPECT_TRUE(chain->submit(env.op(TransferToken{env.token, to, Uint256::from_u64(500)}, 3, env.owner_key, ep())));
  expect_rejected_unchanged(env.op(TransferToken{env.token, to, Uint256::from_u64(10'000)}, 4, env.owner_key, ep()),
                            "INSUFFICIENT_BALANCE", ErrorCode::kInvalidArgument);
}

TEST_F(OktoChainTest, ExpiredAndRevokedSessionKeysAreRefused) {
  register_session();
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
  const eth::Address to = testing::token_address(0x99);
  *env.clock = ChainTestEnv::kStart + 10 * kDay + 1;  // one second past validUntil
  expect_rejected_unchanged(env.op(TransferToken{env.token, to, Uint256::from_u64(1)}, 1, env.session_key, ep()),
                            "AA22 expired or not due", ErrorCode::kExpired);
  *env.clock = ChainTestEnv::kStart + kDay;
  ASSERT_TRUE(chain->submit(env.op(RevokeSession{env.session_addr}, 1, env.owner_key, ep())));
  EXPECT_TRUE(chain->session(env.session_addr)->revoked);
  expect_rejected_unchanged(env.op(TransferToken{env.token, to, Uint256::from_u64(1)}, 2, env.session_key, ep()),
                            "AA24", ErrorCode::kVerificationFailed);
  // A revoked session cannot be registered again.
  expect_rejected_unchanged(env.op(env.registration(ChainTestEnv::kStart + 3 * kDay, 1), 2, env.owner_key, ep()),
                            "SESSION_REVOKED", ErrorCode::kPermissionDenied);
}

TEST_F(OktoChainTest, GasMustBePaid) {
  register_session();
  TempDir other_dir;
  ChainTestEnv poor;  // a chain where the client has no budget
  auto c = OktoChain::open(other_dir.path(), poor.config());
  ASSERT_TRUE(c);
  auto r = c->submit(poor.op(poor.registration(ChainTestEnv::kStart + kDay, 1), 0, poor.owner_key, c->config().entry_point, true));
  ASSERT_FALSE(r);
  EXPECT_THAT(r.error().message, HasSubstr("AA31 paymaster deposit too low"));
  // Without a paymaster the SWA's native balance pays.
  UserOperation own = build_account_operation(env.swa, *compose_nonce(Uint256(), 1), RevokeSession{env.session_addr}, 10, 1, std::nullopt);
  ASSERT_TRUE(sign_user_operation(own, env.owner_key, ep()));
  expect_rejected_unchanged(own, "AA21 didn't pay prefund", ErrorCode::kPolicyViolation);
  ASSERT_TRUE(chain->mint(kNativeToken, env.swa, Uint256::from_u64(3'000'000)));
  EXPECT_TRUE(chain->submit(own));
  EXPECT_EQ(chain->balance(kNativeToken, env.swa), Uint256::from_u64(3'000'000 - 3'000'000));
}

TEST_F(OktoChainTest, IndependentNonceKeysAndUuidJobIds) {
  register_session();
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
  const eth::Address to = testing::token_address(0x99);
  // Okto job ids: nonce = uuid << 64 | 0, each job its own key.
  auto job = *Uint256::from_uuid("123e4567-e89b-12d3-a456-426614174000");
  UserOperation op = build_account_operation(env.swa, *compose_nonce(job, 0), TransferToken{env.token, to, Uint256::from_u64(1)}, 10, 1, env.client);
  ASSERT_TRUE(sign_user_operation(op, env.session_key, ep()));
  ASSERT_TRUE(chain->submit(op));
  expect_rejected_unchanged(op, "AA25", ErrorCode::kReplay);
  EXPECT_EQ(chain->next_nonce_sequence(env.swa, job), 1u);
  EXPECT_EQ(chain->next_nonce_sequence(env.swa, Uint256()), 1u);
  EXPECT_TRUE(chain->submit(env.op(TransferToken{env.token, to, Uint256::from_u64(1)}, 0, env.session_key, ep(), false, 7)));
}

TEST(OktoChainModes, OktoModeChainWantsOktoHashes) {
  TempDir dir;
  ChainTestEnv env;
  auto chain = OktoChain::open(dir.path(), env.config(1, HashMode::kOkto));
  ASSERT_TRUE(chain);
  ASSERT_TRUE(chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000)));
  EntryPointConfig standard = chain->config().entry_point;
  standard.hash_mode = HashMode::kErc4337V07;
  auto wrong = chain->submit(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, standard, true));
  ASSERT_FALSE(wrong);
  EXPECT_THAT(wrong.error().message, HasSubstr("AA24"));
  auto right = chain->submit(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, chain->config().entry_point, true));
  EXPECT_TRUE(right) << right.error();
}

TEST(OktoChainBatching, EntriesWaitForAFullBlockOrSeal) {
  TempDir dir;
  ChainTestEnv env;
  auto chain = OktoChain::open(dir.path(), env.config(3));
  ASSERT_TRUE(chain);
  auto a = chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000));
  auto b = chain->submit(env.op(env.registration(ChainTestEnv::kStart + kDay, 1), 0, env.owner_key, chain->config().entry_point, true));
  ASSERT_TRUE(a && b) << (b ? Error() : b.error());
  EXPECT_FALSE(a->included);
  EXPECT_FALSE(b->included);
  EXPECT_EQ(chain->head_number(), 0u);
  EXPECT_TRUE(chain->session(env.session_addr));  // pending state is visible
  auto c = chain->mint(env.token, env.swa, Uint256::from_u64(5));
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->included);
  EXPECT_EQ(chain->head_number(), 1u);
  EXPECT_EQ((*chain->block(1))->entries.size(), 3u);
  ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(5)));
  auto sealed = chain->seal_block();
  ASSERT_TRUE(sealed && *sealed);
  EXPECT_EQ((*sealed)->number, 2u);
  EXPECT_FALSE(*chain->seal_block());  // nothing pending
}

TEST(OktoChainPersistence, ReopenKeepsStateAndReplayVerifies) {
  TempDir dir;
  ChainTestEnv env;
  Hash32 root, head;
  {
    auto chain = OktoChain::open(dir.path(), env.config());
    ASSERT_TRUE(chain);
    ASSERT_TRUE(chain->fund_paymaster(env.client, Uint256::from_u64(1'000'000'000)));
    ASSERT_TRUE(chain->submit(env.op(env.registration(ChainTestEnv::kStart + kDay, 100), 0, env.owner_key, chain->config().entry_point, true)));
    ASSERT_TRUE(chain->mint(env.token, env.swa, Uint256::from_u64(1000)));
    ASSERT_TRUE(chain->submit(env.op(TransferToken{env.token, env.owner, Uint256::from_u64(10)}, 1, env.session_key, chain->config().entry_point)));
    root = chain->state_root();
    head = chain->head_hash();
  }
  auto chain = OktoChain::open(dir.path(), env.config());
  ASSERT_TRUE(chain) << chain.error();
  EXPECT_EQ(chain->state_root(), root);
  EXPECT_EQ(chain->head_hash(), head);
  EXPECT_EQ(chain->head_number(), 4u);
  EXPECT_EQ(chain->session(env.session_addr)->swa, env.swa);
  EXPECT_EQ(chain->balance(env.token, env.owner), Uint256::from_u64(10));
  auto report = chain->verify_by_replay();
  ASSERT_TRUE(report) << report.error();
  EXPECT_EQ(report->blocks, 5u);
  EXPECT_EQ(report->entries, 4u);
  EXPECT_EQ(report->state_root, root);
  // Bound configuration.
  ChainConfig other = env.config();
  other.entry_point.chain_id = Uint256::from_u64(1);
  auto refused = OktoChain::open(dir.path(), other);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_THAT(refused.error().message, HasSubstr("chain_id"));
}

}  // namespace
}  // namespace okmpc::chain
