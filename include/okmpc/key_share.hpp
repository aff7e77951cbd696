// KeyShare: one party's share of a threshold key, the output of KeygenParty
// (keygen.hpp) and the input of FrostSigner (frost.hpp) and, once the ECDSA
// setup ran, EcdsaSigner (ecdsa.hpp). Move-only; the secret share is wiped
// when the object is destroyed.
//
// Serialized form, version 1 (integers big-endian):
//   "OKMPC-KS" ‖ u8 version=1 ‖ u8 curve ‖ u32 threshold ‖ u32 parties ‖
//   u32 index ‖ scalar secret share (32) ‖ point group key ‖
//   parties × point verification share ‖ u32 setup length ‖ ECDSA setup bytes
// Points are 33-byte compressed (secp256k1) or 32-byte (Ed25519); the secret
// scalar is 32 bytes (secp256k1 big-endian, Ed25519 little-endian).
//
// Sealed form, version 1 (authenticated encryption at rest, libsodium
// XChaCha20-Poly1305-IETF under a caller-supplied 32-byte key):
//   "OKMPC-SK" ‖ u8 version=1 ‖ nonce (24) ‖ ciphertext of the serialized
//   form ‖ tag (16); the 9-byte header is the associated data.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "okmpc/export.hpp"
#include "okmpc/status.hpp"

namespace okmpc::api {

enum class Curve : uint8_t {
  kSecp256k1 = 1,  // ECDSA (threshold, DKLs23) and FROST(secp256k1, SHA-256)
  kEd25519 = 2,    // FROST(Ed25519, SHA-512): RFC 8032 signatures
};

// A 32-byte key for seal()/open(). Keep it secret; okmpc never stores it.
using SealingKey = std::span<const uint8_t, 32>;

struct KeyShareData;    // internal
struct KeyShareAccess;  // internal

class OKMPC_API KeyShare {
 public:
  KeyShare(KeyShare&&) noexcept;
  KeyShare& operator=(KeyShare&&) noexcept;
  KeyShare(const KeyShare&) = delete;
  KeyShare& operator=(const KeyShare&) = delete;
  ~KeyShare();  // wipes the secret share (and the ECDSA setup)

  // Accessors of public data. A moved-from KeyShare must not be used.
  Curve curve() const;
  uint32_t index() const;      // this party's identifier, 1..parties
  uint32_t threshold() const;  // t: parties needed to sign
  uint32_t parties() const;    // n
  // The group public key: 33-byte compressed secp256k1 or 32-byte Ed25519
  // (an RFC 8032 public key).
  std::vector<uint8_t> group_public_key() const;
  // The public share of party `party` (1..parties); an empty vector outside.
  std::vector<uint8_t> verification_share(uint32_t party) const;
  // True once EcdsaSetupParty has attached the pairwise OT setup that
  // threshold ECDSA signing needs (secp256k1 only).
  bool has_ecdsa_setup() const;

  // An explicit deep copy (the secret share is duplicated).
  KeyShare clone() const;

  // The serialized form (header comment). It CONTAINS THE SECRET SHARE in the
  // clear: wipe it with wipe() when done, or use seal(). Never fails.
  std::vector<uint8_t> serialize() const;

  // Strict inverse of serialize(): kInvalidEncoding for a wrong magic,
  // unknown version or curve, wrong lengths, trailing bytes, a non-canonical
  // scalar or an invalid point; kCorrupted when the contents are inconsistent
  // (secret share · G differs from this party's verification share, the
  // verification shares do not interpolate to the group key, or the ECDSA
  // setup belongs to another key or party). Variable time in public data,
  // constant time in the secret share.
  static Result<KeyShare> deserialize(std::span<const uint8_t> bytes);

  // serialize() encrypted and authenticated with `key` (fresh random nonce
  // from the OS CSPRNG each call). The plaintext is wiped. Never fails for a
  // valid KeyShare.
  std::vector<uint8_t> seal(SealingKey key) const;

  // Decrypts and deserializes a seal() output. kInvalidEncoding for a wrong
  // header or a blob too short to hold nonce and tag; kCorrupted when
  // authentication fails (wrong key, or the bytes were modified); otherwise
  // deserialize()'s errors. The decrypted plaintext is wiped.
  static Result<KeyShare> open(std::span<const uint8_t> sealed, SealingKey key);

  // KeyShares come from KeygenParty, EcdsaSetupParty, deserialize() and open().
 private:
  friend struct KeyShareAccess;
  explicit KeyShare(std::unique_ptr<KeyShareData> data);
  std::unique_ptr<KeyShareData> data_;
};

// Overwrites `bytes` with zeros in a way the compiler cannot elide
// (sodium_memzero), then clears it. For serialize() outputs.
OKMPC_API void wipe(std::vector<uint8_t>& bytes);

}  // namespace okmpc::api
