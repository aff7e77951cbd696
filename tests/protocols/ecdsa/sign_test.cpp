// End-to-end DKLs23 signing on the simulated network: t-of-n signatures that
// libsecp256k1 verifies and recovers to the group address, the EIP-191 known
// answer, setup persistence, and cheaters caught and named.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "dealer.hpp"
#include "mpc/codec.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"
#include "protocols/ecdsa/run_simulated.hpp"

namespace okmpc::ecdsa {
namespace {

using testing::dealt_shares;
using Shares = std::vector<dkg::KeyShare<Secp256k1>>;

// Independent check with libsecp256k1 only: verify (r,s) under the group key
// and recover the key from (r, s, v) to its Ethereum address.
void expect_valid_ethereum_signature(const Signature65& sig, const Hash32& digest, const Point& group_key) {
  const secp256k1_context* ctx = secp256k1_ctx();
  secp256k1_ecdsa_signature plain;
  ASSERT_EQ(secp256k1_ecdsa_signature_parse_compact(ctx, &plain, sig.data()), 1);
  EXPECT_EQ(secp256k1_ecdsa_verify(ctx, &plain, digest.data(), &group_key.raw()), 1);
  ASSERT_TRUE(sig[64] == 27 || sig[64] == 28);
  secp256k1_ecdsa_recoverable_signature rsig;
  ASSERT_EQ(secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, sig.data(), sig[64] - 27), 1);
  secp256k1_pubkey pk;
  ASSERT_EQ(secp256k1_ecdsa_recover(ctx, &pk, &rsig, digest.data()), 1);
  ByteArray<65> got{}, want = group_key.to_bytes_uncompressed();
  size_t len = got.size();
  secp256k1_ec_pubkey_serialize(ctx, got.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  EXPECT_EQ(eth::address_from_public_key(got).value(), eth::address_from_public_key(want).value());
  // low s: s <= n/2
  secp256k1_ecdsa_signature normalized;
  EXPECT_EQ(secp256k1_ecdsa_signature_normalize(ctx, &normalized, &plain), 0);
}

Shares pick(const Shares& all, std::initializer_list<PartyId> ids) {
  Shares out;
  for (PartyId i : ids) out.push_back(all[i - 1].clone());
  return out;
}

std::vector<EcdsaSetup> pick_setups(std::vector<EcdsaSetup>& all, std::initializer_list<PartyId> ids) {
  std::vector<EcdsaSetup> out;
  for (PartyId i : ids) {
    auto bytes = all[i - 1].serialize();  // exercises the stored format too
    out.push_back(EcdsaSetup::parse(bytes.expose()).value());
  }
  return out;
}

struct Fixture {
  Shares shares;
  std::vector<EcdsaSetup> setups;
};

// Keys from the real DKG (protocols/dkg) unless `dealer` (faster, for tests
// that are about the signing protocol's checks rather than the keys).
Fixture make(uint32_t t, uint32_t n, uint64_t seed, bool dealer = false) {
  DeterministicRng rng(seed);
  Fixture f;
  if (dealer) {
    f.shares = dealt_shares(t, n, Scalar::random(rng), rng);
  } else {
    auto keys = dkg::generate_keys_simulated<Secp256k1>(t, n, rng);
    EXPECT_TRUE(keys) << keys.error();
    f.shares = std::move(*keys);
  }
  auto setup = setup_simulated(f.shares, rng);
  EXPECT_TRUE(setup) << setup.error();
  EXPECT_EQ(setup->report.rounds, 5u);
  f.setups = std::move(setup->setups);
  return f;
}

// Signs with `signers` out of a DKG t-of-n key. With `setup_all`, the OT
// setup runs among all n parties (as the CLI does); otherwise only among the
// signers (the pairs signing needs; keeps the 5-of-9 test fast).
void sign_and_check(uint32_t t, uint32_t n, std::initializer_list<PartyId> signers, uint64_t seed,
                    bool setup_all = true) {
  DeterministicRng rng(seed + 1);
  Fixture f;
  if (setup_all) {
    f = make(t, n, seed);
  } else {
    DeterministicRng krng(seed);
    f.shares = dkg::generate_keys_simulated<Secp256k1>(t, n, krng).value();
  }
  const Hash32 digest = sha256(as_bytes("okmpc threshold ecdsa"));
  auto s = pick(f.shares, signers);
  std::vector<EcdsaSetup> st;
  if (setup_all) {
    st = pick_setups(f.setups, signers);
  } else {
    auto setup = setup_simulated(s, rng);
    ASSERT_TRUE(setup) << setup.error();
    st = std::move(setup->setups);
  }
  auto out = sign_simulated(s, st, digest, rng);
  ASSERT_TRUE(out) << out.error();
  expect_valid_ethereum_signature(out->signature, digest, f.shares[0].group_public_key);
  EXPECT_EQ(out->report.rounds, 3u);
  const uint64_t k = signers.size();
  EXPECT_EQ(out->report.messages, 3 * k * (k - 1));
}

TEST(EcdsaSign, TwoOfThree) { sign_and_check(2, 3, {1, 3}, 100); }
TEST(EcdsaSign, ThreeOfFive) { sign_and_check(3, 5, {2, 4, 5}, 200, /*setup_all=*/false); }
TEST(EcdsaSign, FiveOfNine) { sign_and_check(5, 9, {1, 2, 4, 7, 9}, 300, /*setup_all=*/false); }
TEST(EcdsaSign, MoreSignersThanThreshold) { sign_and_check(2, 3, {1, 2, 3}, 400); }

TEST(EcdsaSign, Eip191KnownAnswerWithPrivateKeyOne) {
  DeterministicRng rng(7);
  Shares shares = dealt_shares(1, 1, Scalar::one(), rng);
  auto setup = setup_simulated(shares, rng);
  ASSERT_TRUE(setup);
  const Hash32 digest = eth::personal_message_digest(as_bytes("hello okmpc"));
  auto out = sign_simulated(shares, setup->setups, digest, rng);
  ASSERT_TRUE(out) << out.error();
  expect_valid_ethereum_signature(out->signature, digest, shares[0].group_public_key);
  auto addr = eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  ASSERT_TRUE(addr);
  EXPECT_TRUE(verify_signature_address(out->signature, digest, *addr));
  auto other = eth::parse_address("0x0000000000000000000000000000000000000001");
  EXPECT_FALSE(verify_signature_address(out->signature, digest, *other));
}

TEST(EcdsaSign, SetupIsReusedWithFreshSignatures) {
  Fixture f = make(2, 3, 500);
  DeterministicRng rng(501);
  const Hash32 digest = sha256(as_bytes("same digest"));
  auto s = pick(f.shares, {2, 3});
  auto st = pick_setups(f.setups, {2, 3});
  auto a = sign_simulated(s, st, digest, rng);
  auto b = sign_simulated(s, st, digest, rng);
  ASSERT_TRUE(a && b);
  EXPECT_NE(a->signature, b->signature);  // fresh nonces each run
  expect_valid_ethereum_signature(b->signature, digest, f.shares[0].group_public_key);
}

TEST(EcdsaSign, SetupAmongSignersOnlyCoversTheirPairs) {
  DeterministicRng rng(450);
  Shares shares = dealt_shares(2, 4, Scalar::random(rng), rng);
  auto setup = setup_simulated(pick(shares, {1, 3}), rng);
  ASSERT_TRUE(setup) << setup.error();
  EXPECT_EQ(setup->setups[0].pairs.size(), 1u);
  SignRequest req;
  req.signers = {1, 2};
  auto p = SignParty::create(shares[0], setup->setups[0], req);  // no pair with party 2
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().culprits, std::vector<uint32_t>{2});
}

TEST(EcdsaSign, BadSignerSetsAreRejected) {
  // Argument checks come before any OT use: a setup between parties 1 and 2 suffices.
  DeterministicRng rng(601);
  Fixture f;
  f.shares = dealt_shares(3, 5, Scalar::random(rng), rng);
  f.setups = setup_simulated(pick(f.shares, {1, 2}), rng).value().setups;
  const Hash32 digest{};
  auto s = pick(f.shares, {1, 2});
  auto st = pick_setups(f.setups, {1, 2});
  auto few = sign_simulated(s, st, digest, rng);
  ASSERT_FALSE(few);
  EXPECT_EQ(few.error().code, ErrorCode::kInvalidArgument);

  SignRequest req;
  req.signers = {1, 2, 6};
  auto unknown = SignParty::create(f.shares[0], f.setups[0], req);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().culprits, std::vector<uint32_t>{6});
  req.signers = {1, 2, 2};
  EXPECT_FALSE(SignParty::create(f.shares[0], f.setups[0], req));
  req.signers = {2, 3, 4};
  EXPECT_FALSE(SignParty::create(f.shares[0], f.setups[0], req));  // not a signer itself
  req.signers = {1, 2, 3};
  EXPECT_FALSE(SignParty::create(f.shares[0], f.setups[1], req));  // someone else's setup
}

TEST(EcdsaSetup, StoredFormatIsStrict) {
  Fixture f = make(2, 3, 700, /*dealer=*/true);
  SecretBytes bytes = f.setups[1].serialize();
  auto back = EcdsaSetup::parse(bytes.expose());
  ASSERT_TRUE(back);
  EXPECT_EQ(back->self, 2u);
  EXPECT_EQ(back->pairs.size(), 2u);
  EXPECT_EQ(back->pairs.at(3).as_bob.expose().seeds1[5], f.setups[1].pairs.at(3).as_bob.expose().seeds1[5]);
  Bytes damaged(bytes.expose().begin(), bytes.expose().end());
  damaged[100] ^= 1;
  auto bad = EcdsaSetup::parse(damaged);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kCorrupted);
  Bytes cut(bytes.expose().begin(), bytes.expose().end() - 40);
  EXPECT_FALSE(EcdsaSetup::parse(cut));
}

// ---- adversarial runs: party 2 deviates; the honest party names it ----

using Hook = std::function<void(Bytes& payload, uint16_t round, PartyId to)>;

Result<SimulatedEcdsaSignature> run_with_cheater(const Fixture& f, std::initializer_list<PartyId> signers, PartyId cheater,
                                                 Hook hook, bool echo = false) {
  DeterministicRng rng(900);
  runtime::SimConfig config;
  config.byzantine = [cheater, hook](PartyId from, std::vector<runtime::Message> out) {
    if (from == cheater) {
      for (auto& m : out) {
        if (m.protocol == runtime::ProtocolId::kEcdsaSign) hook(m.payload, m.round, m.to);
      }
    }
    return out;
  };
  auto s = pick(f.shares, signers);
  std::vector<EcdsaSetup> st;
  for (PartyId i : signers) st.push_back(EcdsaSetup::parse(f.setups[i - 1].serialize().expose()).value());
  return sign_simulated(s, st, sha256(as_bytes("adversarial")), rng, config, echo);
}

constexpr size_t kRound2Vole = 32 + 65 + 32 + 65 + 65 + 32;  // ctx R salt Γu Γv ψ (points uncompressed)

class EcdsaAdversarial : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { fixture_ = new Fixture(make(2, 3, 800, /*dealer=*/true)); }
  static void TearDownTestSuite() { delete fixture_; }
  static Fixture* fixture_;
};
Fixture* EcdsaAdversarial::fixture_ = nullptr;

void expect_named(const Result<SimulatedEcdsaSignature>& r, PartyId who, ErrorCode code = ErrorCode::kProtocolAbort) {
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, code) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{who}) << r.error();
}

TEST_F(EcdsaAdversarial, DeviationInTheOtExtensionIsNamed) {
  auto r = run_with_cheater(*fixture_, {1, 2}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round == 1) p[32 + 32 + 32 + 10] ^= 0x04;  // one choice bit inconsistent in one column
  });
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("OT extension"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, DeviationInTheMultiplicationIsNamed) {
  auto r = run_with_cheater(*fixture_, {1, 2}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round == 2) p[kRound2Vole + 32 + kVoleBatch * (kVoleWidth + kVoleCheck) * 32 + 31] ^= 1;  // check value η
  });
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("consistency check"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, WrongMultiplicationInputIsNamed) {
  // Γ^u shifted by G: Alice's vOLE input no longer matches her committed R_j.
  auto r = run_with_cheater(*fixture_, {1, 2}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round != 2) return;
    const size_t at = 32 + 65 + 32;
    auto g = Point::from_bytes(ByteView(p).subspan(at, 65)).value() + Point::generator();
    const auto enc = g.to_bytes_uncompressed();
    std::copy(enc.begin(), enc.end(), p.begin() + static_cast<std::ptrdiff_t>(at));
  });
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("Γ^u"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, NonceNotMatchingCommitmentIsNamed) {
  auto r = run_with_cheater(*fixture_, {1, 2}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round != 2) return;
    auto R = Point::from_bytes(ByteView(p).subspan(32, 65)).value() + Point::generator();
    const auto enc = R.to_bytes_uncompressed();
    std::copy(enc.begin(), enc.end(), p.begin() + 32);
  });
  expect_named(r, 2);
}

// Adds `delta` to the scalar at `offset` of a round-3 payload (u at 32, w at 64).
void shift_scalar(Bytes& p, size_t offset, const Scalar& delta) {
  auto x = Scalar::from_bytes(ByteView(p).subspan(offset, 32)).value() + delta;
  const auto enc = x.to_bytes();
  std::copy(enc.begin(), enc.end(), p.begin() + static_cast<std::ptrdiff_t>(offset));
}

TEST_F(EcdsaAdversarial, WrongLastRoundWIsNamedByDefault) {
  auto r = run_with_cheater(*fixture_, {1, 2, 3}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round == 3) shift_scalar(p, 64, Scalar::one());
  });
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("final check"), std::string::npos) << r.error();
  EXPECT_NE(r.error().message.find("w does not match"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, WrongLastRoundUIsNamedByDefaultWithTwoSigners) {
  auto r = run_with_cheater(*fixture_, {1, 2}, 2, [](Bytes& p, uint16_t round, PartyId) {
    if (round == 3) shift_scalar(p, 32, Scalar::from_u64(7));
  });
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("u does not match"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, ScaledLastRoundPairIsNamed) {
  // u and w both scaled by 2: s = Σw/Σu changes unless every share is scaled,
  // and the evidence pins each share on its own.
  auto r = run_with_cheater(*fixture_, {1, 3, 2}, 3, [](Bytes& p, uint16_t round, PartyId) {
    if (round != 3) return;
    const Scalar two = Scalar::from_u64(2);
    for (size_t off : {size_t{32}, size_t{64}}) {
      const Scalar x = Scalar::from_bytes(ByteView(p).subspan(off, 32)).value();
      shift_scalar(p, off, x * two - x);
    }
  });
  expect_named(r, 3);
}

// Builds the signers' parties by hand (request per party) and runs them, so a
// test can look at each party's own abort.
struct ManualRun {
  std::vector<std::unique_ptr<SignParty>> parties;
  Result<runtime::RunReport> result;
};

ManualRun run_parties(const Fixture& f, std::initializer_list<PartyId> ids,
                      const std::function<SignRequest(PartyId)>& request_of, runtime::SimConfig config = {}) {
  ManualRun run{{}, fail(ErrorCode::kInternal, "not run")};
  std::vector<runtime::Party*> handles;
  for (PartyId i : ids) {
    run.parties.push_back(SignParty::create(f.shares[i - 1], f.setups[i - 1], request_of(i)).value());
    handles.push_back(run.parties.back().get());
  }
  run.result = runtime::simulate(handles, config);
  return run;
}

TEST_F(EcdsaAdversarial, LastRoundEquivocationIsNamedWithEcho) {
  runtime::SimConfig config;
  // Party 2 signs the altered broadcast with its own identity key: a
  // provable equivocation.
  config.tamper_link = [seed = config.seed](PartyId from, PartyId to,
                                            runtime::Message m) -> std::optional<runtime::Message> {
    if (from == 2 && to == 3 && m.protocol == runtime::ProtocolId::kEcdsaSign && m.round == 3) {
      auto u = Scalar::from_bytes(ByteView(m.payload).subspan(32, 32)).value() + Scalar::one();
      const auto enc = u.to_bytes();
      std::copy(enc.begin(), enc.end(), m.payload.begin() + 32);
      m.signature = runtime::sign_broadcast(runtime::EchoContext{m.protocol, m.version, m.session, m.round}, from,
                                            m.payload, runtime::simnet_identity(seed, from));
    }
    return m;
  };
  SignRequest req;
  req.digest = sha256(as_bytes("equivocate"));
  req.signers = {1, 2, 3};
  req.session = ByteArray<32>{5};
  req.echo_last_round = true;
  ManualRun run = run_parties(*fixture_, {1, 2, 3}, [&](PartyId) { return req; }, config);
  ASSERT_FALSE(run.result);
  // Party 1 saw party 2's true broadcast and party 3's echo of the altered
  // one; party 3's evidence shows 2's second signed broadcast: party 1 names
  // the equivocating sender. Nobody releases a signature.
  ASSERT_TRUE(run.parties[0]->abort_error().has_value());
  EXPECT_EQ(run.parties[0]->abort_error()->culprits, std::vector<uint32_t>{2}) << *run.parties[0]->abort_error();
  for (auto& p : run.parties) EXPECT_FALSE(p->signature());
}

TEST_F(EcdsaAdversarial, LastRoundEquivocationIsNamedWithoutEcho) {
  // Party 2 sends a wrong u to party 3 only: party 3's signature fails and
  // its check of party 2's share names party 2; party 1 is not blamed.
  runtime::SimConfig config;
  config.corrupt = {2};
  config.tamper_link = [](PartyId from, PartyId to, runtime::Message m) -> std::optional<runtime::Message> {
    if (from == 2 && to == 3 && m.protocol == runtime::ProtocolId::kEcdsaSign && m.round == 3) {
      shift_scalar(m.payload, 32, Scalar::one());
    }
    return m;
  };
  SignRequest req;
  req.digest = sha256(as_bytes("equivocate, no echo"));
  req.signers = {1, 2, 3};
  req.session = ByteArray<32>{6};
  ManualRun run = run_parties(*fixture_, {1, 2, 3}, [&](PartyId) { return req; }, config);
  ASSERT_FALSE(run.result);
  EXPECT_EQ(run.result.error().culprits, std::vector<uint32_t>{2}) << run.result.error();
  ASSERT_TRUE(run.parties[2]->abort_error().has_value());
  EXPECT_EQ(run.parties[2]->abort_error()->culprits, std::vector<uint32_t>{2}) << *run.parties[2]->abort_error();
  EXPECT_FALSE(run.parties[2]->signature());
}

TEST_F(EcdsaAdversarial, SwappedDigestIsNamed) {
  SignRequest honest;
  honest.digest = sha256(as_bytes("pay 1 ETH"));
  honest.signers = {1, 2, 3};
  honest.session = ByteArray<32>{9};
  ManualRun run = run_parties(*fixture_, {1, 2, 3}, [&](PartyId i) {
    SignRequest r = honest;
    if (i == 3) r.digest = sha256(as_bytes("pay 100 ETH"));
    return r;
  });
  ASSERT_FALSE(run.result);
  for (size_t k : {0, 1}) {  // the two honest parties both name party 3
    ASSERT_TRUE(run.parties[k]->abort_error().has_value());
    EXPECT_EQ(run.parties[k]->abort_error()->culprits, std::vector<uint32_t>{3}) << *run.parties[k]->abort_error();
  }
  for (auto& p : run.parties) EXPECT_FALSE(p->signature());
}

TEST_F(EcdsaAdversarial, SwappedSignerSetIsNamed) {
  SignRequest honest;
  honest.digest = sha256(as_bytes("pay 1 ETH"));
  honest.signers = {1, 2, 3};
  honest.session = ByteArray<32>{10};
  // Party 2 runs with the set {1, 2} (valid for a 2-of-3 key) instead.
  ManualRun run = run_parties(*fixture_, {1, 2, 3}, [&](PartyId i) {
    SignRequest r = honest;
    if (i == 2) r.signers = {1, 2};
    return r;
  });
  ASSERT_FALSE(run.result);
  ASSERT_TRUE(run.parties[0]->abort_error().has_value());
  EXPECT_EQ(run.parties[0]->abort_error()->culprits, std::vector<uint32_t>{2}) << *run.parties[0]->abort_error();
  for (auto& p : run.parties) EXPECT_FALSE(p->signature());
}

// ---- presigning (presign.hpp): rounds 1-2 ahead of time, one online round ----

struct Presigned {
  Fixture fixture;
  std::vector<Presignature> presignatures;
};

Presigned presign(uint32_t t, uint32_t n, std::initializer_list<PartyId> signers, uint64_t seed) {
  Presigned out;
  out.fixture = make(t, n, seed, /*dealer=*/true);
  DeterministicRng rng(seed + 1);
  auto s = pick(out.fixture.shares, signers);
  auto st = pick_setups(out.fixture.setups, signers);
  auto pre = presign_simulated(s, st, rng);
  EXPECT_TRUE(pre) << pre.error();
  EXPECT_EQ(pre->report.rounds, 2u);
  const uint64_t k = signers.size();
  EXPECT_EQ(pre->report.messages, 2 * k * (k - 1));
  out.presignatures = std::move(pre->presignatures);
  return out;
}

void presign_and_check(uint32_t t, uint32_t n, std::initializer_list<PartyId> signers, uint64_t seed) {
  Presigned p = presign(t, n, signers, seed);
  ASSERT_EQ(p.presignatures.size(), signers.size());
  for (const Presignature& pre : p.presignatures) {
    ASSERT_TRUE(pre.usable());
    EXPECT_EQ(pre.id(), p.presignatures[0].id());  // one run, one id
    EXPECT_EQ(pre.signers(), std::vector<PartyId>(signers));
  }
  DeterministicRng rng(seed + 2);
  const Hash32 digest = sha256(as_bytes("signed with a presignature"));
  auto out = sign_presigned_simulated(p.presignatures, digest, rng);
  ASSERT_TRUE(out) << out.error();
  expect_valid_ethereum_signature(out->signature, digest, p.fixture.shares[0].group_public_key);
  EXPECT_EQ(out->report.rounds, 1u);
  const uint64_t k = signers.size();
  EXPECT_EQ(out->report.messages, k * (k - 1));
  for (const Presignature& pre : p.presignatures) EXPECT_FALSE(pre.usable());
}

TEST(EcdsaPresign, TwoOfThreeSignsInOneOnlineRound) { presign_and_check(2, 3, {1, 3}, 1100); }
TEST(EcdsaPresign, ThreeOfFiveSignsInOneOnlineRound) { presign_and_check(3, 5, {2, 4, 5}, 1200); }

TEST(EcdsaPresign, APresignatureSignsOnce) {
  Presigned p = presign(2, 3, {1, 2}, 1300);
  DeterministicRng rng(1301);
  const Hash32 first = sha256(as_bytes("first"));
  ASSERT_TRUE(sign_presigned_simulated(p.presignatures, first, rng));
  // A second digest with the same (consumed) presignatures is refused before
  // any message is sent.
  auto again = sign_presigned_simulated(p.presignatures, sha256(as_bytes("second")), rng);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kInvalidArgument) << again.error();
  // Moving a presignature away leaves an unusable one behind.
  Presigned q = presign(2, 3, {1, 2}, 1310);
  Presignature moved = std::move(q.presignatures[0]);
  EXPECT_TRUE(moved.usable());
  EXPECT_FALSE(q.presignatures[0].usable());
  auto party = OnlineSignParty::create(std::move(q.presignatures[0]), OnlineSignRequest{});
  ASSERT_FALSE(party);
  EXPECT_EQ(party.error().code, ErrorCode::kInvalidArgument);
  // A set with one consumed presignature is refused, and the refusal
  // consumes the rest too: none is left usable for another attempt.
  ASSERT_TRUE(q.presignatures[1].usable());
  auto partial = sign_presigned_simulated(q.presignatures, sha256(as_bytes("partial")), rng);
  ASSERT_FALSE(partial);
  EXPECT_EQ(partial.error().code, ErrorCode::kInvalidArgument) << partial.error();
  EXPECT_FALSE(q.presignatures[1].usable());
}

TEST(EcdsaPresign, RunsGiveDistinctPresignaturesAndNonces) {
  Presigned a = presign(2, 3, {1, 2}, 1400);
  DeterministicRng rng(1450);  // not presign()'s seed + 1: another run
  auto s = pick(a.fixture.shares, {1, 2});
  auto st = pick_setups(a.fixture.setups, {1, 2});
  auto b = presign_simulated(s, st, rng);
  ASSERT_TRUE(b) << b.error();
  EXPECT_NE(a.presignatures[0].id(), b->presignatures[0].id());
  const Hash32 digest = sha256(as_bytes("same digest"));
  auto sa = sign_presigned_simulated(a.presignatures, digest, rng);
  auto sb = sign_presigned_simulated(b->presignatures, digest, rng);
  ASSERT_TRUE(sa && sb);
  // Different r: the two presignatures carry independent nonces.
  EXPECT_FALSE(std::equal(sa->signature.begin(), sa->signature.begin() + 32, sb->signature.begin()));
  expect_valid_ethereum_signature(sb->signature, digest, a.fixture.shares[0].group_public_key);
}

TEST(EcdsaPresign, PresignaturesOfDifferentRunsDoNotCombine) {
  Presigned a = presign(2, 3, {1, 2}, 1500);
  DeterministicRng rng(1550);
  auto b = presign_simulated(pick(a.fixture.shares, {1, 2}), pick_setups(a.fixture.setups, {1, 2}), rng);
  ASSERT_TRUE(b) << b.error();
  std::vector<Presignature> mixed;
  mixed.push_back(std::move(a.presignatures[0]));
  mixed.push_back(std::move(b->presignatures[1]));
  auto out = sign_presigned_simulated(mixed, sha256(as_bytes("mixed")), rng);
  ASSERT_FALSE(out);
  EXPECT_EQ(out.error().code, ErrorCode::kProtocolAbort) << out.error();
  EXPECT_NE(out.error().message.find("context mismatch"), std::string::npos) << out.error();
}

// A party that cheats in the presigning rounds is named there, before any
// message exists.
TEST_F(EcdsaAdversarial, WrongMultiplicationInputInPresigningIsNamed) {
  DeterministicRng rng(1600);
  runtime::SimConfig config;
  config.byzantine = [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from != 2 || m.protocol != runtime::ProtocolId::kEcdsaPresign || m.round != 2) continue;
      const size_t at = 32 + 65 + 32;  // Γ^u
      auto g = Point::from_bytes(ByteView(m.payload).subspan(at, 65)).value() + Point::generator();
      const auto enc = g.to_bytes_uncompressed();
      std::copy(enc.begin(), enc.end(), m.payload.begin() + static_cast<std::ptrdiff_t>(at));
    }
    return out;
  };
  auto r = presign_simulated(pick(fixture_->shares, {1, 2}), pick_setups(fixture_->setups, {1, 2}), rng, config);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2}) << r.error();
  EXPECT_NE(r.error().message.find("Γ^u"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, WrongOnlineWIsNamed) {
  DeterministicRng rng(1700);
  auto pre = presign_simulated(pick(fixture_->shares, {1, 2, 3}), pick_setups(fixture_->setups, {1, 2, 3}), rng);
  ASSERT_TRUE(pre) << pre.error();
  runtime::SimConfig config;
  config.byzantine = [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from == 2 && m.protocol == runtime::ProtocolId::kEcdsaOnline) shift_scalar(m.payload, 64, Scalar::one());
    }
    return out;
  };
  auto r = sign_presigned_simulated(pre->presignatures, sha256(as_bytes("online")), rng, config);
  expect_named(r, 2);
  EXPECT_NE(r.error().message.find("w does not match"), std::string::npos) << r.error();
}

TEST_F(EcdsaAdversarial, OtherDigestInTheOnlineRoundIsNamed) {
  DeterministicRng rng(1800);
  auto pre = presign_simulated(pick(fixture_->shares, {1, 2, 3}), pick_setups(fixture_->setups, {1, 2, 3}), rng);
  ASSERT_TRUE(pre) << pre.error();
  std::vector<std::unique_ptr<OnlineSignParty>> parties;
  std::vector<runtime::Party*> handles;
  for (PartyId i : {1u, 2u, 3u}) {
    OnlineSignRequest req;
    req.digest = sha256(as_bytes(i == 3 ? "pay 100 ETH" : "pay 1 ETH"));
    req.session = ByteArray<32>{11};
    parties.push_back(OnlineSignParty::create(std::move(pre->presignatures[i - 1]), req).value());
    handles.push_back(parties.back().get());
  }
  ASSERT_FALSE(runtime::simulate(handles, {}));
  for (size_t k : {0, 1}) {  // both honest parties name party 3
    ASSERT_TRUE(parties[k]->abort_error().has_value());
    EXPECT_EQ(parties[k]->abort_error()->culprits, std::vector<uint32_t>{3}) << *parties[k]->abort_error();
  }
  for (auto& p : parties) EXPECT_FALSE(p->signature());
}

}  // namespace
}  // namespace okmpc::ecdsa
