// Shared pieces of the DKG tests: running a DKG on the simulated network and
// checking a set of key shares against the KeyShare invariants.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "mpc/polynomial.hpp"
#include "protocols/dkg/simulated.hpp"
#include "protocols/runtime/echo.hpp"

namespace okmpc::dkg::testing {

inline runtime::SessionId session_of(uint8_t tag) {
  runtime::SessionId s;
  s.fill(tag);
  return s;
}

// Calls fn on every t-subset of 1..n (as 0-based indices).
inline void for_each_subset(uint32_t n, uint32_t t, const std::function<void(const std::vector<uint32_t>&)>& fn) {
  std::vector<uint32_t> pick;
  std::function<void(uint32_t)> rec = [&](uint32_t from) {
    if (pick.size() == t) {
      fn(pick);
      return;
    }
    for (uint32_t i = from; i < n; ++i) {
      pick.push_back(i);
      rec(i + 1);
      pick.pop_back();
    }
  };
  rec(0);
}

// Every KeyShare invariant (key_share.hpp) on an honest run's output, plus:
// every t-subset reconstructs a secret whose public key is the group key.
template <Curve C>
void expect_valid_shares(const std::vector<KeyShare<C>>& shares, uint32_t t, uint32_t n) {
  ASSERT_EQ(shares.size(), n);
  for (uint32_t i = 0; i < n; ++i) {
    const KeyShare<C>& k = shares[i];
    EXPECT_EQ(k.threshold, t);
    EXPECT_EQ(k.parties, n);
    EXPECT_EQ(k.index, i + 1);
    EXPECT_TRUE(k.group_public_key == shares[0].group_public_key);
    ASSERT_EQ(k.verification_shares.size(), n);
    for (uint32_t m = 0; m < n; ++m) EXPECT_TRUE(k.verification_shares[m] == shares[0].verification_shares[m]);
    EXPECT_TRUE(C::Point::base_mul(k.secret_share.expose()) == k.verification_shares[i]) << "party " << i + 1;
  }
  for_each_subset(n, t, [&](const std::vector<uint32_t>& subset) {
    std::vector<std::pair<uint32_t, typename C::Scalar>> pts;
    for (uint32_t i : subset) pts.emplace_back(i + 1, shares[i].secret_share.expose());
    auto secret = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, typename C::Scalar>>(pts));
    ASSERT_TRUE(secret);
    EXPECT_TRUE(C::Point::base_mul(*secret) == shares[0].group_public_key);
  });
}

// A corrupt dealer that broadcasts a payload of its own making in `round`:
// it signs and echoes that payload (it holds its own identity key), so the
// broadcast is consistent and receivers' protocol checks (not the echo) must
// catch the bad content. Set as SimConfig::rewrite_broadcast.
inline runtime::BroadcastRewriter consistent_broadcast_tamper(runtime::PartyId cheater, uint16_t round,
                                                              std::function<void(Bytes&)> tamper) {
  return [=](runtime::PartyId from, uint16_t r, Bytes& payload) {
    if (from == cheater && r == round) tamper(payload);
  };
}

}  // namespace okmpc::dkg::testing
