// KeyShare: one party's output of the distributed key generation
// (protocols/dkg/dkg.hpp), the input of the threshold signing protocols
// (FROST, threshold ECDSA).
//
// Invariants of a KeyShare produced by the DKG (and checked by
// apps/keyshare_file on load):
//  - 1 <= threshold <= parties <= 255, 1 <= index <= parties;
//  - verification_shares.size() == parties, verification_shares[i-1] =
//    s_i·G is party i's public share;
//  - secret_share·G == verification_shares[index-1];
//  - any `threshold` verification shares interpolate (Lagrange at 0) to
//    group_public_key.
#pragma once

#include <cstdint>
#include <vector>

#include "mpc/curve.hpp"
#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "mpc/secret.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::dkg {

template <Curve C>
struct KeyShare {
  uint32_t threshold = 0;            // t: parties needed to sign
  uint32_t parties = 0;              // n
  runtime::PartyId index = 0;        // this party's identifier, 1..n
  Secret<typename C::Scalar> secret_share;
  typename C::Point group_public_key;
  std::vector<typename C::Point> verification_shares;  // [i-1] belongs to party i

  // An explicit deep copy (the secret share is duplicated).
  KeyShare clone() const {
    KeyShare out;
    out.threshold = threshold;
    out.parties = parties;
    out.index = index;
    out.secret_share = secret_share.clone();
    out.group_public_key = group_public_key;
    out.verification_shares = verification_shares;
    return out;
  }
};

// Dealer-free convenience for tests and benchmarks of signing protocols: runs
// the DKG (protocols/dkg/dkg.hpp) among n parties on the simulated network
// (seeded from `rng`, no faults) and returns the n key shares, [i-1] for
// party i. Errors: kInvalidArgument unless 1 <= t <= n <= 255.
// Instantiated for Secp256k1, Ed25519 and ToyCurve.
template <Curve C>
Result<std::vector<KeyShare<C>>> generate_keys_simulated(uint32_t t, uint32_t n, Rng& rng);

}  // namespace okmpc::dkg
