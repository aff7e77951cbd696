// The simulated network: counting, determinism, thread-pool equivalence,
// fault injection, crashed and Byzantine parties, replay across sessions.
#include <gtest/gtest.h>

#include <memory>

#include "protocols/runtime/simnet.hpp"
#include "sum_protocol.hpp"

namespace okmpc::runtime {
namespace {

using testing::SumParty;
using testing::sum_config;
using testing::u64_bytes;

struct Net {
  explicit Net(uint32_t n, uint8_t session_tag = 7) {
    for (PartyId i = 1; i <= n; ++i) {
      owned.push_back(std::make_unique<SumParty>(sum_config(i, n, session_tag)));
      ptrs.push_back(owned.back().get());
    }
  }
  Result<RunReport> run(const SimConfig& cfg, std::vector<Delivery>* t = nullptr) { return simulate(ptrs, cfg, t); }
  uint64_t expected_sum() const {
    uint64_t s = 0;
    for (const auto& p : owned) s += p->value();
    return s;
  }
  void expect_all_agree() const {
    for (const auto& p : owned) {
      ASSERT_TRUE(p->finished());
      ASSERT_TRUE(p->sum());
      EXPECT_EQ(*p->sum(), expected_sum());
    }
  }
  std::vector<std::unique_ptr<SumParty>> owned;
  std::vector<Party*> ptrs;
};

TEST(Simnet, HonestRunCountsRoundsMessagesBytes) {
  Net net(5);
  SimConfig cfg;
  cfg.link.latency_ms = 10;
  cfg.link.bandwidth_mbps = 8;  // 1 byte per microsecond
  auto r = net.run(cfg);
  ASSERT_TRUE(r) << r.error();
  net.expect_all_agree();
  EXPECT_EQ(r->rounds, 3u);            // broadcast, echo, direct
  EXPECT_EQ(r->messages, 3u * 5 * 4);  // every round: each party to each peer
  // Signed broadcast (8-byte value + 64-byte signature), a 34-byte echo
  // whatever n, an 8-byte product.
  const uint64_t h = Message::kHeaderBytes;
  const uint64_t per_party = 4 * (h + 8 + 64) + 4 * (h + 2 + 32) + 4 * (h + 8);
  EXPECT_EQ(r->bytes, 5 * per_party);
  for (PartyId p = 1; p <= 5; ++p) EXPECT_EQ(r->bytes_sent.at(p), per_party);
  // Three latencies plus queuing on each link: between 30 ms and 31 ms.
  EXPECT_GE(r->network_ms, 30.0);
  EXPECT_LT(r->network_ms, 31.0);
  EXPECT_GE(r->simulated_ms, r->network_ms);
  EXPECT_GT(r->total_compute_ms, 0.0);
  EXPECT_EQ(r->dropped, 0u);
  EXPECT_NE(r->summary().find("rounds=3 messages=60"), std::string::npos) << r->summary();
}

SimConfig noisy(uint64_t seed) {
  SimConfig cfg;
  cfg.seed = seed;
  cfg.faults.jitter_ms = 5;
  cfg.faults.duplicate = 0.2;
  cfg.faults.delay = 0.2;
  cfg.faults.delay_ms = 7;
  return cfg;
}

TEST(Simnet, SameSeedSameTranscript) {
  std::vector<Delivery> t1, t2;
  Net a(4), b(4);
  auto r1 = a.run(noisy(99), &t1);
  auto r2 = b.run(noisy(99), &t2);
  ASSERT_TRUE(r1 && r2);
  ASSERT_EQ(t1.size(), t2.size());
  for (size_t i = 0; i < t1.size(); ++i) {
    EXPECT_EQ(t1[i].to, t2[i].to);
    EXPECT_EQ(t1[i].at_ms, t2[i].at_ms);
    EXPECT_EQ(t1[i].wire, t2[i].wire);
  }
  EXPECT_EQ(r1->transcript_digest, r2->transcript_digest);
  EXPECT_EQ(r1->network_ms, r2->network_ms);
  EXPECT_EQ(*a.owned[0]->sum(), *b.owned[0]->sum());
}

TEST(Simnet, OtherSeedOtherTranscript) {
  Net a(4), b(4);
  auto r1 = a.run(noisy(1));
  auto r2 = b.run(noisy(2));
  ASSERT_TRUE(r1 && r2);
  EXPECT_NE(r1->transcript_digest, r2->transcript_digest);
}

TEST(Simnet, ThreadPoolGivesTheSameTranscript) {
  Net a(6), b(6);
  SimConfig one = noisy(5);
  SimConfig four = noisy(5);
  four.threads = 4;
  auto r1 = a.run(one);
  auto r2 = b.run(four);
  ASSERT_TRUE(r1 && r2) << (r1 ? r2.error() : r1.error());
  EXPECT_EQ(r1->transcript_digest, r2->transcript_digest);
  EXPECT_EQ(r1->messages, r2->messages);
  b.expect_all_agree();
}

TEST(Simnet, ReorderDuplicateDelayStillAgree) {
  Net net(5);
  SimConfig cfg = noisy(17);
  cfg.faults.duplicate = 0.5;
  auto r = net.run(cfg);
  ASSERT_TRUE(r) << r.error();
  net.expect_all_agree();
  EXPECT_GT(r->messages, 60u);  // duplicates are transmissions too
}

TEST(Simnet, DropsWithRetransmissionComplete) {
  Net net(4);
  SimConfig cfg;
  cfg.seed = 3;
  cfg.faults.drop = 0.3;
  cfg.faults.retransmit_ms = 20;
  auto r = net.run(cfg);
  ASSERT_TRUE(r) << r.error();
  net.expect_all_agree();
  EXPECT_GT(r->dropped, 0u);
  EXPECT_GT(r->network_ms, 23.0);  // at least one retransmission on the critical path
}

TEST(Simnet, DropsWithoutRetransmissionTimeOut) {
  Net net(4);
  SimConfig cfg;
  cfg.faults.drop = 1.0;
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, (std::vector<uint32_t>{1, 2, 3, 4}));
}

TEST(Simnet, CrashedPartyNamedByTimeout) {
  Net net(4);
  SimConfig cfg;
  cfg.crashed = {3};
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
  EXPECT_NE(r.error().message.find("waiting for parties 3"), std::string::npos) << r.error();
}

TEST(Simnet, CrashedPartyInFiveNamesExactlyIt) {
  Net net(5);
  SimConfig cfg;
  cfg.crashed = {4};
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{4}) << r.error();
}

TEST(Simnet, MidRunCrashNamesOnlyTheCrashedNotThoseStuckBehindIt) {
  // Party 3 crashes while broadcasting: only parties 1 and 2 get its
  // round-1 broadcast. They echo and then wait for the echoes of 3, 4 and 5;
  // 4 and 5 cannot echo, they wait for 3's broadcast. Only 3 failed to send
  // what it could have sent.
  Net net(5);
  SimConfig cfg;
  cfg.corrupt = {3};
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from != 3) return m;
    if (m.protocol == ProtocolId::kTest && m.round == 1 && to <= 2) return m;
    return std::nullopt;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3}) << r.error();
}

TEST(Simnet, PartySilentInItsEchoNamedNotTheHonestItBlocks) {
  // Party 5 withholds only its echo to party 1: the others go on to round 2
  // and wait for party 1's product, party 1 waits for 5's echo.
  Net net(5);
  SimConfig cfg;
  cfg.corrupt = {5};
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 5 && to == 1 && m.protocol == ProtocolId::kEcho) return std::nullopt;
    return m;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{5}) << r.error();
}

TEST(Simnet, TamperedBroadcastContradictsTheSendersEcho) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {2};
  cfg.byzantine = [](PartyId from, std::vector<Message> out) {
    for (Message& m : out) {
      if (from == 2 && m.protocol == ProtocolId::kTest && m.round == 1) m.payload = u64_bytes(12345);
    }
    return out;
  };
  auto r = net.run(cfg);
  // Party 2's echo vouches for the broadcast it signed, not the one that
  // travelled: the echoes differ, and the travelled one is not signed.
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
  EXPECT_NE(r.error().message.find("without a valid identity signature from party 2"), std::string::npos)
      << r.error();
}

TEST(Simnet, TamperedDirectMessageCaughtByTheProtocol) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {2};
  cfg.byzantine = [](PartyId from, std::vector<Message> out) {
    for (Message& m : out) {
      if (from == 2 && m.protocol == ProtocolId::kTest && m.round == 2 && m.to == 4) m.payload = u64_bytes(1);
    }
    return out;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kVerificationFailed);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
  EXPECT_NE(r.error().message.find("party 4: party 2 sent a wrong product"), std::string::npos) << r.error();
}

TEST(Simnet, UnsignedEquivocationNamedByItsReceiver) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {3};
  // Party 3 gives party 4 a different round-1 payload, without a signature
  // for it: party 4 names 3 (its link is authenticated).
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 3 && to == 4 && m.protocol == ProtocolId::kTest && m.round == 1) m.payload = u64_bytes(777);
    return m;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
  for (const auto& p : net.owned) EXPECT_FALSE(p->sum());  // nobody went on with a wrong view
}

TEST(Simnet, EquivocationDetectedAndCulpritNamed) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {3};
  // Party 3 signs two round-1 payloads (it holds its key) and gives party 4
  // the second: a provable equivocation.
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 3 && to == 4 && m.protocol == ProtocolId::kTest && m.round == 1) {
      m.payload = u64_bytes(777);
      m.signature = sign_broadcast(EchoContext{m.protocol, m.version, m.session, m.round}, 3, m.payload,
                                   simnet_identity(1, 3));
    }
    return m;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
  EXPECT_NE(r.error().message.find("equivocated broadcast in round 1 by party 3"), std::string::npos) << r.error();
  for (const auto& p : net.owned) EXPECT_FALSE(p->sum());  // nobody went on with a wrong view
}

TEST(Simnet, LyingEchoerNamedByTheSenderItLiedAbout) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {2};
  // Party 2 sends party 1 a wrong echo digest; parties 3 and 4 see agreeing
  // echoes, go on, and answer party 1's evidence request from round 2.
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 2 && to == 1 && m.protocol == ProtocolId::kEcho) m.payload[2 + 5] ^= 1;
    return m;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2}) << r.error();
  EXPECT_NE(r.error().message.find("party 2's evidence does not match its echo"), std::string::npos) << r.error();
}

TEST(Simnet, EchoerWithheldEvidenceNamedByTimeout) {
  Net net(4);
  SimConfig cfg;
  cfg.corrupt = {2};
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 2 && to == 1 && m.protocol == ProtocolId::kEcho) m.payload[2] ^= 1;
    if (from == 2 && m.protocol == ProtocolId::kEchoEvidence) return std::nullopt;
    return m;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2}) << r.error();
}

TEST(Simnet, IdentitiesAreThePartiesOwnAndDistinct) {
  EXPECT_EQ(simnet_identity(1, 2).public_key(), simnet_identity(1, 2).public_key());
  EXPECT_NE(simnet_identity(1, 2).public_key(), simnet_identity(1, 3).public_key());
  EXPECT_NE(simnet_identity(1, 2).public_key(), simnet_identity(2, 2).public_key());
}

TEST(Simnet, SuppliedIdentityKeysReplaceTheSeedDerivedOnes) {
  // Keys from SimConfig::identity_key (the DWN draws them from the OS): the
  // run signs and checks with them, and a signature under the key the seed
  // would have given party 3 no longer makes a provable equivocation.
  Net net(4);
  SimConfig cfg;
  int calls = 0;
  cfg.identity_key = [&calls](PartyId id) {
    ++calls;
    ByteArray<32> seed;
    seed.fill(static_cast<uint8_t>(0xA0 + id));
    return IdentityKey::from_seed(seed);
  };
  auto honest = net.run(cfg);
  ASSERT_TRUE(honest) << honest.error();
  net.expect_all_agree();
  EXPECT_EQ(calls, 4);

  Net forged(4);
  cfg.corrupt = {3};
  cfg.tamper_link = [](PartyId from, PartyId to, Message m) -> std::optional<Message> {
    if (from == 3 && to == 4 && m.protocol == ProtocolId::kTest && m.round == 1) {
      m.payload = u64_bytes(777);
      m.signature = sign_broadcast(EchoContext{m.protocol, m.version, m.session, m.round}, 3, m.payload,
                                   simnet_identity(SimConfig{}.seed, 3));
    }
    return m;
  };
  auto r = forged.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
  EXPECT_EQ(r.error().message.find("equivocated broadcast"), std::string::npos) << r.error();
}

TEST(Simnet, ClonedIdentityKeySignsAsTheOriginal) {
  ByteArray<32> seed;
  seed.fill(0x5C);
  const IdentityKey key = IdentityKey::from_seed(seed);
  const IdentityKey twin = key.clone();
  EXPECT_EQ(twin.public_key(), key.public_key());
  const Bytes message = u64_bytes(42);
  const IdentitySignature sig = twin.sign(message);
  EXPECT_EQ(sig, key.sign(message));  // Ed25519 is deterministic
  EXPECT_TRUE(identity_verify_vartime(key.public_key(), message, sig));
  ByteArray<32> other = seed;
  other[0] ^= 1;
  EXPECT_FALSE(identity_verify_vartime(IdentityKey::from_seed(other).public_key(), message, sig));
}

TEST(Simnet, ConflictingDuplicateNamed) {
  Net net(3);
  SimConfig cfg;
  cfg.corrupt = {1};
  cfg.byzantine = [](PartyId from, std::vector<Message> out) {
    if (from == 1 && !out.empty() && out[0].round == 1 && out[0].protocol == ProtocolId::kTest) {
      Message twin = out[0];
      twin.payload = u64_bytes(1);
      out.push_back(twin);
    }
    return out;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{1});
  EXPECT_NE(r.error().message.find("conflicting duplicate"), std::string::npos) << r.error();
}

TEST(Simnet, ReplayFromAnotherSessionRejected) {
  // Record party 2's messages in session 7, replay its round-1 broadcast in session 8.
  Net old_run(3, 7);
  std::vector<Delivery> old_transcript;
  ASSERT_TRUE(old_run.run(SimConfig{}, &old_transcript));
  std::optional<Message> old_broadcast;
  for (const Delivery& d : old_transcript) {
    auto m = Message::decode(d.wire);
    ASSERT_TRUE(m);
    if (m->from == 2 && m->round == 1 && m->protocol == ProtocolId::kTest) old_broadcast = *m;
  }
  ASSERT_TRUE(old_broadcast);
  Net net(3, 8);
  SimConfig cfg;
  cfg.corrupt = {2};
  cfg.byzantine = [&](PartyId from, std::vector<Message> out) {
    for (Message& m : out) {
      if (from == 2 && m.round == 1 && m.protocol == ProtocolId::kTest) m = *old_broadcast;
    }
    return out;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kReplay);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
}

TEST(Simnet, ImpersonationNamesTheLinkSender) {
  Net net(3);
  SimConfig cfg;
  cfg.corrupt = {3};
  cfg.byzantine = [](PartyId from, std::vector<Message> out) {
    for (Message& m : out) {
      if (from == 3) m.from = 1;
    }
    return out;
  };
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3});
}

TEST(Simnet, PerLinkLatency) {
  Net net(3);
  SimConfig cfg;
  cfg.link_between = [](PartyId from, PartyId to) {
    LinkModel l;
    l.latency_ms = (from == 3 || to == 3) ? 50 : 1;
    return l;
  };
  auto r = net.run(cfg);
  ASSERT_TRUE(r) << r.error();
  EXPECT_GE(r->network_ms, 150.0);  // three rounds through the slow party
  EXPECT_LT(r->network_ms, 151.0);
}

TEST(Simnet, SimulatedTimeoutLimit) {
  Net net(3);
  SimConfig cfg;
  cfg.link.latency_ms = 100;
  cfg.timeout_ms = 150;  // the second round cannot arrive in time
  auto r = net.run(cfg);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kTimeout);
  EXPECT_EQ(r.error().culprits, (std::vector<uint32_t>{1, 2, 3}));
}

}  // namespace
}  // namespace okmpc::runtime
