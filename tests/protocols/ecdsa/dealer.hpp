// Test fixture: secp256k1 key shares from a trusted dealer (Shamir over
// mpc/polynomial.hpp), for signing tests that need a known secret key (the
// EIP-191 known answer with private key 1) or no DKG run.
#pragma once

#include <vector>

#include "mpc/polynomial.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/key_share.hpp"

namespace okmpc::ecdsa::testing {

inline std::vector<dkg::KeyShare<Secp256k1>> dealt_shares(uint32_t t, uint32_t n, const Secp256k1::Scalar& secret,
                                                          Rng& rng) {
  auto poly = Polynomial<Secp256k1>::random(secret, t - 1, rng);
  std::vector<Secp256k1::Point> verification;
  for (uint32_t i = 1; i <= n; ++i) verification.push_back(Secp256k1::Point::base_mul(poly.evaluate(i).expose()));
  std::vector<dkg::KeyShare<Secp256k1>> out;
  for (uint32_t i = 1; i <= n; ++i) {
    dkg::KeyShare<Secp256k1> k;
    k.threshold = t;
    k.parties = n;
    k.index = i;
    k.secret_share = poly.evaluate(i);
    k.group_public_key = Secp256k1::Point::base_mul(secret);
    k.verification_shares = verification;
    out.push_back(std::move(k));
  }
  return out;
}

}  // namespace okmpc::ecdsa::testing
