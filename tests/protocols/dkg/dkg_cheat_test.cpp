// Every cheat class of the DKG is detected and the cheater named: bad share,
// wrong commitment length, bad proof of knowledge, equivocated broadcast,
// bad verification share, crashed party, replay from another session.
#include <gtest/gtest.h>

#include "dkg_fixture.hpp"
#include "mpc/codec.hpp"

namespace okmpc::dkg {
namespace {

using runtime::Message;
using runtime::ProtocolId;
using testing::consistent_broadcast_tamper;
using testing::session_of;

template <class C>
class DkgCheat : public ::testing::Test {
 protected:
  Result<SimulatedDkg<C>> run(runtime::SimConfig net, DkgOptions options = {}, uint32_t t = 3, uint32_t n = 4) {
    return run_dkg_simulated<C>(t, n, session_of(40), options, net);
  }
  static void expect_culprit(const Result<SimulatedDkg<C>>& r, ErrorCode code, uint32_t culprit,
                             const std::string& phrase) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, code) << r.error();
    EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{culprit}) << r.error();
    EXPECT_NE(r.error().message.find(phrase), std::string::npos) << r.error();
  }
};
using Curves = ::testing::Types<Secp256k1, Ed25519>;
TYPED_TEST_SUITE(DkgCheat, Curves);

TYPED_TEST(DkgCheat, BadShareNamesTheDealerInBothCheckModes) {
  for (bool batch : {true, false}) {
    runtime::SimConfig net;
    net.corrupt = {2};
    // Dealer 2 sends party 4 a share off its polynomial (f_2(4) + 1).
    net.tamper_link = [](runtime::PartyId from, runtime::PartyId to, Message m) -> std::optional<Message> {
      if (from == 2 && to == 4 && m.protocol == ProtocolId::kDkg && m.round == 2) {
        auto s = TypeParam::Scalar::from_bytes(m.payload);
        const auto bumped = (*s + TypeParam::Scalar::one()).to_bytes();
        m.payload.assign(bumped.begin(), bumped.end());
      }
      return m;
    };
    auto r = this->run(net, DkgOptions{batch, VerificationShares::kExchange});
    this->expect_culprit(r, ErrorCode::kVerificationFailed, 2, "party 4: dkg round 2");
  }
}

TYPED_TEST(DkgCheat, NonCanonicalShareNamesTheDealer) {
  runtime::SimConfig net;
  net.corrupt = {3};
  net.tamper_link = [](runtime::PartyId from, runtime::PartyId to, Message m) -> std::optional<Message> {
    if (from == 3 && to == 1 && m.protocol == ProtocolId::kDkg && m.round == 2) m.payload.assign(32, 0xff);
    return m;
  };
  auto r = this->run(net);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3}) << r.error();
  EXPECT_NE(r.error().message.find("share from party 3"), std::string::npos) << r.error();
}

TYPED_TEST(DkgCheat, ShortCommitmentVectorNamesTheDealer) {
  runtime::SimConfig net;
  net.corrupt = {3};
  // Dealer 3 commits to a polynomial of degree t-2 (t-1 commitments): it
  // could then not be held to degree t-1. Its echo vouches for it.
  net.rewrite_broadcast = consistent_broadcast_tamper(3, 1, [](Bytes& p) {
    auto pkg = Round1Package<TypeParam>::decode(p, 3, 3);
    ASSERT_TRUE(pkg);
    pkg->commitments.pop_back();
    p = pkg->encode();
  });
  auto r = this->run(net);
  this->expect_culprit(r, ErrorCode::kProtocolAbort, 3, "expected 3 commitments (the threshold), got 2");
}

TYPED_TEST(DkgCheat, LongCommitmentVectorNamesTheDealer) {
  runtime::SimConfig net;
  net.corrupt = {1};
  net.rewrite_broadcast = consistent_broadcast_tamper(1, 1, [](Bytes& p) {
    auto pkg = Round1Package<TypeParam>::decode(p, 3, 1);
    ASSERT_TRUE(pkg);
    pkg->commitments.push_back(pkg->commitments.back());
    p = pkg->encode();
  });
  auto r = this->run(net);
  this->expect_culprit(r, ErrorCode::kProtocolAbort, 1, "expected 3 commitments (the threshold), got 4");
}

// Every check mode: proofs batched in round 1 (kLocal), folded into round 3's
// one check (batched kExchange), one by one (per dealer, both share modes).
const DkgOptions kAllModes[] = {{true, VerificationShares::kLocal},
                                {true, VerificationShares::kExchange},
                                {false, VerificationShares::kLocal},
                                {false, VerificationShares::kExchange}};

TYPED_TEST(DkgCheat, BadProofOfKnowledgeNamesTheDealer) {
  for (const DkgOptions& options : kAllModes) {
    runtime::SimConfig net;
    net.corrupt = {2};
    net.rewrite_broadcast = consistent_broadcast_tamper(2, 1, [](Bytes& p) {
      auto pkg = Round1Package<TypeParam>::decode(p, 3, 2);
      ASSERT_TRUE(pkg);
      pkg->proof.z = pkg->proof.z + TypeParam::Scalar::one();
      p = pkg->encode();
    });
    auto r = this->run(net, options);
    this->expect_culprit(r, ErrorCode::kProtocolAbort, 2, "proof of knowledge of party 2");
  }
}

TYPED_TEST(DkgCheat, RogueKeyWithoutKnowledgeRejected) {
  // Dealer 4 replaces its constant-term commitment (e.g. to cancel someone's
  // key) but cannot prove knowledge of its discrete log.
  for (const DkgOptions& options : kAllModes) {
    runtime::SimConfig net;
    net.corrupt = {4};
    net.rewrite_broadcast = consistent_broadcast_tamper(4, 1, [](Bytes& p) {
      auto pkg = Round1Package<TypeParam>::decode(p, 3, 4);
      ASSERT_TRUE(pkg);
      pkg->commitments[0] = pkg->commitments[0] + TypeParam::Point::generator();
      p = pkg->encode();
    });
    auto r = this->run(net, options);
    if (options.batch_verify && options.verification_shares == VerificationShares::kExchange) {
      // Folded: the proof waits for round 3, but the shares no longer match
      // the altered commitments, which round 2 already catches.
      this->expect_culprit(r, ErrorCode::kVerificationFailed, 4, "inconsistent with the commitments of party 4");
    } else {
      this->expect_culprit(r, ErrorCode::kProtocolAbort, 4, "proof of knowledge of party 4");
    }
  }
}

// The folded check (batched kExchange: proofs checked inside round 3's one
// multi-scalar check) tells the cheats apart: a bad proof names its dealer
// with kProtocolAbort from round 3's fallback; a bad share names its dealer
// with kVerificationFailed from round 2 (its receiver never broadcasts the
// wrong Y it implies); a wrong Y_m names party m.
TYPED_TEST(DkgCheat, FoldedCheckNamesBadProofAndBadShareDealersSeparately) {
  const DkgOptions folded{true, VerificationShares::kExchange};
  {
    runtime::SimConfig net;
    net.corrupt = {2};
    net.rewrite_broadcast = consistent_broadcast_tamper(2, 1, [](Bytes& p) {
      auto pkg = Round1Package<TypeParam>::decode(p, 3, 2);
      ASSERT_TRUE(pkg);
      pkg->proof.R = pkg->proof.R + TypeParam::Point::generator();
      p = pkg->encode();
    });
    auto r = this->run(net, folded);
    this->expect_culprit(r, ErrorCode::kProtocolAbort, 2, "round 1 (checked later)");
  }
  {
    runtime::SimConfig net;
    net.corrupt = {3};
    net.tamper_link = [](runtime::PartyId from, runtime::PartyId to, Message m) -> std::optional<Message> {
      if (from == 3 && to == 1 && m.protocol == ProtocolId::kDkg && m.round == 2) {
        auto s = TypeParam::Scalar::from_bytes(m.payload);
        const auto bumped = (*s + TypeParam::Scalar::one()).to_bytes();
        m.payload.assign(bumped.begin(), bumped.end());
      }
      return m;
    };
    auto r = this->run(net, folded);
    this->expect_culprit(r, ErrorCode::kVerificationFailed, 3, "party 1: dkg round 2");
  }
  {
    // Both at once, by different dealers: the share's receiver stops in
    // round 2 naming the share's dealer, before any round-3 check runs.
    runtime::SimConfig net;
    net.corrupt = {2, 3};
    net.rewrite_broadcast = consistent_broadcast_tamper(2, 1, [](Bytes& p) {
      auto pkg = Round1Package<TypeParam>::decode(p, 3, 2);
      ASSERT_TRUE(pkg);
      pkg->proof.z = pkg->proof.z + TypeParam::Scalar::one();
      p = pkg->encode();
    });
    net.tamper_link = [](runtime::PartyId from, runtime::PartyId to, Message m) -> std::optional<Message> {
      if (from == 3 && to == 4 && m.protocol == ProtocolId::kDkg && m.round == 2) m.payload[31] ^= 1;
      return m;
    };
    auto r = this->run(net, folded);
    this->expect_culprit(r, ErrorCode::kVerificationFailed, 3, "party 4: dkg round 2");
  }
}

TYPED_TEST(DkgCheat, EquivocatedCommitmentsNamed) {
  runtime::SimConfig net;
  net.corrupt = {2};
  // Dealer 2 shows party 3 other (valid-looking) commitments than the rest,
  // signed with its own identity key: a provable equivocation.
  net.tamper_link = [seed = net.seed](runtime::PartyId from, runtime::PartyId to, Message m) -> std::optional<Message> {
    if (from == 2 && to == 3 && m.protocol == ProtocolId::kDkg && m.round == 1) {
      auto pkg = Round1Package<TypeParam>::decode(m.payload, 3, 2);
      pkg->commitments[2] = pkg->commitments[2] + TypeParam::Point::generator();
      m.payload = pkg->encode();
      m.signature = runtime::sign_broadcast(runtime::EchoContext{m.protocol, m.version, m.session, m.round}, from,
                                            m.payload, runtime::simnet_identity(seed, from));
    }
    return m;
  };
  auto r = this->run(net);
  this->expect_culprit(r, ErrorCode::kProtocolAbort, 2, "equivocated broadcast in round 1 by party 2");
}

TYPED_TEST(DkgCheat, BadVerificationShareNamed) {
  runtime::SimConfig net;
  net.corrupt = {3};
  net.byzantine = [](runtime::PartyId from, std::vector<Message> out) {
    for (Message& m : out) {
      if (from == 3 && m.protocol == ProtocolId::kDkg && m.round == 3) {
        m.payload = encode_verification_share<TypeParam>(TypeParam::Point::generator());
      }
    }
    return out;
  };
  auto r = this->run(net, DkgOptions{true, VerificationShares::kExchange});
  this->expect_culprit(r, ErrorCode::kVerificationFailed, 3, "verification share of party 3");
}

TYPED_TEST(DkgCheat, CrashedPartyNamedByTimeout) {
  runtime::SimConfig net;
  net.crashed = {4};
  auto r = this->run(net);
  this->expect_culprit(r, ErrorCode::kTimeout, 4, "waiting for parties 4");
}

TYPED_TEST(DkgCheat, PartyGoingSilentAfterRoundOneNamed) {
  runtime::SimConfig net;
  net.corrupt = {1};
  net.byzantine = [](runtime::PartyId from, std::vector<Message> out) {
    if (from == 1 && !out.empty() && out[0].round == 2 && out[0].protocol == ProtocolId::kDkg) return std::vector<Message>{};
    return out;
  };
  auto r = this->run(net);
  this->expect_culprit(r, ErrorCode::kTimeout, 1, "in round 2 waits for 1");
}

TYPED_TEST(DkgCheat, ReplayedMessageFromAnotherSessionRejected) {
  // Run session A, keep party 2's round-1 broadcast, replay it in session B.
  std::vector<runtime::Delivery> old;
  ASSERT_TRUE(run_dkg_simulated<TypeParam>(3, 4, session_of(41), DkgOptions{}, runtime::SimConfig{}, &old));
  std::optional<Message> replayed;
  for (const auto& d : old) {
    auto m = Message::decode(d.wire);
    if (m && m->from == 2 && m->round == 1 && m->protocol == ProtocolId::kDkg) replayed = *m;
  }
  ASSERT_TRUE(replayed);
  {
    runtime::SimConfig net;
    net.corrupt = {2};
    net.byzantine = [&](runtime::PartyId from, std::vector<Message> out) {
      for (Message& m : out) {
        if (from == 2 && m.round == 1 && m.protocol == ProtocolId::kDkg) m = *replayed;
      }
      return out;
    };
    auto r = this->run(net);
    this->expect_culprit(r, ErrorCode::kReplay, 2, "another session");
  }
  {
    // Re-stamped with session B's header: the proof of knowledge is bound to
    // session A's transcript and fails.
    runtime::SimConfig net;
    net.corrupt = {2};
    net.rewrite_broadcast = consistent_broadcast_tamper(2, 1, [&](Bytes& p) { p = replayed->payload; });
    auto r = this->run(net);
    this->expect_culprit(r, ErrorCode::kProtocolAbort, 2, "proof of knowledge of party 2");
  }
}

}  // namespace
}  // namespace okmpc::dkg
