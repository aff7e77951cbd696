// Trusted-dealer key shares (RFC 9591 Appendix C, trusted_dealer_keygen) for
// tests that need keys but not the DKG: Shamir shares of a random secret with
// verification shares s_i·G.
#pragma once

#include <vector>

#include "mpc/polynomial.hpp"
#include "protocols/frost/types.hpp"

namespace okmpc::frost::testing {

template <Ciphersuite S>
std::vector<KeyShareOf<S>> dealer_key_shares(uint32_t t, uint32_t n, Rng& rng) {
  const Secret<ScalarOf<S>> secret(ScalarOf<S>::random(rng));
  auto shares = shamir_split<typename S::Group>(secret, t, n, rng);
  std::vector<PointOf<S>> verification;
  for (const auto& [id, s] : shares) verification.push_back(PointOf<S>::base_mul(s.expose()));
  std::vector<KeyShareOf<S>> keys;
  for (auto& [id, s] : shares) {
    KeyShareOf<S> k;
    k.threshold = t;
    k.parties = n;
    k.index = id;
    k.secret_share = std::move(s);
    k.group_public_key = PointOf<S>::base_mul(secret.expose());
    k.verification_shares = verification;
    keys.push_back(std::move(k));
  }
  return keys;
}

}  // namespace okmpc::frost::testing
