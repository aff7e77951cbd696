// FROST round one, commit (RFC 9591 §5.1): each signer draws a hiding and a
// binding nonce with nonce_generate (§4.1) and publishes their commitments.
#pragma once

#include <sodium.h>

#include <algorithm>

#include "mpc/rng.hpp"
#include "protocols/frost/types.hpp"

namespace okmpc::frost::round1 {

// §4.1 nonce_generate with the 32 random bytes given:
// H3(random_bytes || SerializeScalar(secret)). Constant time in `secret`.
// Production code calls commit(key, rng); this form exists for the RFC
// known-answer tests.
template <Ciphersuite S>
Secret<ScalarOf<S>> nonce_generate(const ByteArray<32>& random_bytes, const Secret<ScalarOf<S>>& secret) {
  ByteArray<32 + S::Group::kScalarBytes> input{};
  std::copy(random_bytes.begin(), random_bytes.end(), input.begin());
  const auto enc = secret.expose().to_bytes();
  std::copy(enc.begin(), enc.end(), input.begin() + 32);
  Secret<ScalarOf<S>> nonce(S::h3(input));
  sodium_memzero(input.data(), input.size());
  return nonce;
}

template <Ciphersuite S>
struct CommitOutput {
  SigningNonces<S> nonces;          // keep secret; consumed by round2::sign
  SigningCommitments<S> commitments;  // send to the coordinator
};

// §5.1 commit with caller-supplied nonce randomness (known-answer tests only:
// reusing randomness with the same share reuses the nonces).
template <Ciphersuite S>
CommitOutput<S> commit_with_randomness(const KeyShareOf<S>& key, const ByteArray<32>& hiding_randomness,
                                       const ByteArray<32>& binding_randomness) {
  Secret<ScalarOf<S>> hiding = nonce_generate<S>(hiding_randomness, key.secret_share);
  Secret<ScalarOf<S>> binding = nonce_generate<S>(binding_randomness, key.secret_share);
  SigningCommitments<S> commitments{key.index};
  if constexpr (requires { PointOf<S>::base_mul_pair(hiding.expose(), binding.expose()); }) {
    // Ed25519: both encodings from one inversion.
    auto [d, e] = PointOf<S>::base_mul_pair(hiding.expose(), binding.expose());
    commitments.hiding = d;
    commitments.binding = e;
  } else {
    commitments.hiding = PointOf<S>::base_mul(hiding.expose());
    commitments.binding = PointOf<S>::base_mul(binding.expose());
  }
  return CommitOutput<S>{detail::NonceAccess::make<S>(std::move(hiding), std::move(binding), commitments),
                         commitments};
}

// §5.1 commit: fresh 32 random bytes per nonce from `rng`, mixed with the
// secret share so a weak RNG alone does not expose the nonces. Constant time
// in the secret share.
template <Ciphersuite S>
CommitOutput<S> commit(const KeyShareOf<S>& key, Rng& rng) {
  ByteArray<32> hiding_randomness = rng.bytes<32>();
  ByteArray<32> binding_randomness = rng.bytes<32>();
  CommitOutput<S> out = commit_with_randomness<S>(key, hiding_randomness, binding_randomness);
  sodium_memzero(hiding_randomness.data(), hiding_randomness.size());
  sodium_memzero(binding_randomness.data(), binding_randomness.size());
  return out;
}

}  // namespace okmpc::frost::round1
