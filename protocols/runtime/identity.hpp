// Long-term party identities: the PKI that makes equivocation provable.
//
// Every party of a run holds an Ed25519 signing key (libsodium crypto_sign,
// RFC 8032) whose public key every other party knows beforehand. This is an
// assumption of the deployment, not something a protocol run establishes:
// the simulated network (simnet.hpp) creates one key per party when it sets
// up a run; a real deployment provisions them with its node configuration.
// Reliable broadcasts are signed with it (echo.hpp), so two different signed
// messages from one sender for one (session, round) prove that sender
// equivocated, and a message nobody signed proves the party showing it lied.
#pragma once

#include <map>
#include <memory>

#include "mpc/bytes.hpp"
#include "mpc/secret.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

using IdentityPublicKey = ByteArray<32>;
using IdentitySignature = ByteArray<Message::kSignatureBytes>;
// Public identity key of every party of a run, by party id.
using IdentityDirectory = std::map<PartyId, IdentityPublicKey>;

// A party's secret identity key: move-only, zeroized on destruction.
class IdentityKey {
 public:
  // Deterministic key from a 32-byte seed (crypto_sign_seed_keypair).
  static IdentityKey from_seed(const ByteArray<32>& seed);

  // A second holder of the same key (a node's long-term key handed to each
  // protocol run it joins).
  IdentityKey clone() const;

  const IdentityPublicKey& public_key() const { return public_key_; }
  // Ed25519 signature of `message` (deterministic, RFC 8032 §5.1.6).
  // Constant time in the secret key.
  IdentitySignature sign(ByteView message) const;

 private:
  IdentityKey() = default;
  Secret<ByteArray<64>> secret_;  // libsodium's seed ‖ public key form
  IdentityPublicKey public_key_{};
};

// True iff `signature` is a valid Ed25519 signature of `message` under `key`
// (libsodium crypto_sign_verify_detached: canonical encodings only). Public
// data only: variable time.
bool identity_verify_vartime(const IdentityPublicKey& key, ByteView message, const IdentitySignature& signature);

// What a driver hands a party before start(): its own key and the directory
// of everybody's public keys (its own included). The directory is shared.
struct Identity {
  IdentityKey key;
  std::shared_ptr<const IdentityDirectory> directory;
};

}  // namespace okmpc::runtime
