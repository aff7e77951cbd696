// Drivers name a crashed or corrupt party that was to hold the run's output
// and has none (runtime::missing_output), instead of an unattributed
// internal error.
#include <gtest/gtest.h>

#include "protocols/dkg/simulated.hpp"
#include "protocols/frost/frost.hpp"
#include "protocols/frost/sign_simulated.hpp"
#include "protocols/frost/dealer_keys.hpp"

namespace okmpc {
namespace {

using runtime::Message;
using runtime::PartyId;

TEST(MissingOutput, NamesOnlyAMisbehavingHolder) {
  runtime::SimConfig cfg;
  cfg.crashed = {2};
  cfg.corrupt = {3};
  const Error crashed = runtime::missing_output(cfg, 2, "key share");
  EXPECT_EQ(crashed.code, ErrorCode::kTimeout);
  EXPECT_EQ(crashed.culprits, std::vector<uint32_t>{2});
  const Error corrupt = runtime::missing_output(cfg, 3, "key share");
  EXPECT_EQ(corrupt.code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(corrupt.culprits, std::vector<uint32_t>{3});
  const Error honest = runtime::missing_output(cfg, 1, "key share");
  EXPECT_EQ(honest.code, ErrorCode::kInternal);
  EXPECT_TRUE(honest.culprits.empty());
}

TEST(DriverOutput, DkgNamesACorruptPartyLeftWithoutAShare) {
  // Party 3 is corrupt and ends without a share (it never gets its round-2
  // shares); the honest parties finish. The driver wants every share.
  runtime::SimConfig net;
  net.corrupt = {3};
  net.tamper_link = [](PartyId, PartyId to, Message m) -> std::optional<Message> {
    if (to == 3 && m.protocol == runtime::ProtocolId::kDkg && m.round == 2) return std::nullopt;
    return m;
  };
  runtime::SessionId session{};
  session.fill(0x31);
  auto r = dkg::run_dkg_simulated<Secp256k1>(2, 3, session, dkg::DkgOptions{}, net);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{3}) << r.error();
}

TEST(DriverOutput, FrostNamesACoordinatorThatWithholdsTheSignature) {
  using S = frost::FrostSecp256k1Sha256;
  DeterministicRng rng(77);
  const auto keys = frost::testing::dealer_key_shares<S>(2, 3, rng);
  std::vector<frost::KeyShareOf<S>> signers;
  for (const auto& k : keys) signers.push_back(k.clone());
  // Coordinator 1 (lowest id) is corrupt and never aggregates: its inbox of
  // signature shares is cut, the honest signers finish.
  runtime::SimConfig net;
  net.corrupt = {1};
  net.tamper_link = [](PartyId, PartyId to, Message m) -> std::optional<Message> {
    if (to == 1 && m.round == 3) return std::nullopt;  // round 3: the signature shares
    return m;
  };
  auto r = frost::sign_simulated<S>(signers, as_bytes("withheld"), rng, net);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kProtocolAbort) << r.error();
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{1}) << r.error();
}

}  // namespace
}  // namespace okmpc
