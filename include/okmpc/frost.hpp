// FROST threshold Schnorr signing, RFC 9591 §5, with the ciphersuites
// FROST(Ed25519, SHA-512) (§6.1: standard RFC 8032 Ed25519 signatures) and
// FROST(secp256k1, SHA-256) (§6.5). Three message rounds; one signer is also
// the coordinator, aggregates the shares, checks each one (naming a bad
// signer) and outputs the verified signature.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "okmpc/key_share.hpp"
#include "okmpc/party.hpp"

namespace okmpc::api {

class OKMPC_API FrostSigner final : public Party {
 public:
  // The signer holding `share` in a run that signs `message` with exactly the
  // parties in `signers` (sorted ascending, unique, in 1..parties, at least
  // threshold of them, including share.index() and `coordinator`). Every
  // signer must be created with the same message, signers, coordinator and
  // session: a signer rejects a signing package for anything else, naming the
  // coordinator. The share is copied. Errors: kInvalidArgument (culprits: an
  // offending identifier when there is one).
  static Result<FrostSigner> create(const KeyShare& share, std::span<const uint8_t> message,
                                    std::vector<uint32_t> signers, uint32_t coordinator,
                                    const SessionId& session);

  bool is_coordinator() const;

  // The signature once finished(), on the coordinator only: 64 bytes R ‖ z
  // for Ed25519 (RFC 8032), 65 bytes (33-byte compressed R ‖ 32-byte z) for
  // secp256k1. It has been verified under the group key before release.
  // kNotFound on a signer that is not the coordinator; kInvalidArgument
  // before finished().
  Result<std::vector<uint8_t>> signature() const;

 private:
  using Party::Party;
};

}  // namespace okmpc::api
