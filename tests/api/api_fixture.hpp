// Key material shared by the public-API tests: 2-of-3 keys on both curves
// generated through KeygenParty, and the secp256k1 shares after
// EcdsaSetupParty. Generated once per test binary (the ECDSA setup is the
// slow part under the sanitizers).
#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "in_memory_network.hpp"
#include "okmpc/okmpc.hpp"

namespace okmpc::api::testing {

// Runs `parties` over an InMemoryNetwork until it is quiet; fails the test
// if the network reports an error.
template <class P>
void run_to_completion(std::vector<P>& parties) {
  std::vector<Party*> handles;
  for (auto& p : parties) handles.push_back(&p);
  InMemoryNetwork net(handles);
  const Status st = net.run();
  EXPECT_TRUE(st.ok()) << st.error().message;
}

// Runs KeygenParty for parties 1..n; fails the test on any error.
inline std::vector<KeyShare> run_keygen(Curve curve, uint32_t t, uint32_t n) {
  const SessionId session = random_session_id();
  std::vector<KeygenParty> parties;
  for (uint32_t i = 1; i <= n; ++i) {
    auto p = KeygenParty::create(curve, t, n, i, session);
    EXPECT_TRUE(p.ok()) << p.error().message;
    parties.push_back(std::move(*p));
  }
  run_to_completion(parties);
  std::vector<KeyShare> shares;
  for (auto& p : parties) {
    EXPECT_TRUE(p.finished());
    auto share = p.take_key_share();
    EXPECT_TRUE(share.ok()) << share.error().message;
    shares.push_back(std::move(*share));
  }
  return shares;
}

// Runs EcdsaSetupParty for every share (consumed); returns the shares with
// their setup attached.
inline std::vector<KeyShare> run_ecdsa_setup(std::vector<KeyShare> shares) {
  const SessionId session = random_session_id();
  std::vector<EcdsaSetupParty> parties;
  for (auto& s : shares) {
    auto p = EcdsaSetupParty::create(std::move(s), session);
    EXPECT_TRUE(p.ok()) << p.error().message;
    parties.push_back(std::move(*p));
  }
  run_to_completion(parties);
  std::vector<KeyShare> out;
  for (auto& p : parties) {
    auto share = p.take_key_share();
    EXPECT_TRUE(share.ok()) << share.error().message;
    out.push_back(std::move(*share));
  }
  return out;
}

// 2-of-3 keys, generated once per binary.
struct Keys {
  std::vector<KeyShare> ed25519;
  std::vector<KeyShare> secp256k1;        // with the ECDSA setup attached
};

inline const Keys& keys_2_of_3() {
  static const Keys keys = [] {
    Keys k;
    k.ed25519 = run_keygen(Curve::kEd25519, 2, 3);
    k.secp256k1 = run_ecdsa_setup(run_keygen(Curve::kSecp256k1, 2, 3));
    return k;
  }();
  return keys;
}

}  // namespace okmpc::api::testing
