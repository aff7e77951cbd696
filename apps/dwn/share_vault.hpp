// Encrypted-at-rest storage of one DWN node's key shares.
//
// Layout under the node's directory:
//   node.key              32 random bytes, mode 0600, created on first open
//   shares/<keyId>.share  24-byte nonce ‖ XChaCha20-Poly1305 ciphertext+tag
// The AEAD (libsodium crypto_aead_xchacha20poly1305_ietf) binds the
// associated data "okmpc-dwn-share-v1" ‖ u32 node id ‖ keyId, so a share file
// copied to another node or renamed to another key id fails to decrypt.
// Files are written to a temporary name, fsynced and renamed, so a crash
// leaves either the old state or the complete new file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/secret.hpp"

namespace okmpc::dwn {

class ShareVault {
 public:
  // Opens (creating if needed) the vault of node `node_id` in `dir`. A
  // node.key of the wrong size or with group/other permission bits is
  // refused (kCorrupted / kPermissionDenied); I/O failures are kIo.
  static Result<ShareVault> open(const std::filesystem::path& dir, uint32_t node_id);

  // Stores `plaintext` under `key_id` ([a-z0-9-], 1..64 chars, else
  // kInvalidArgument). An existing entry is never overwritten (kAlreadyExists).
  Status put(std::string_view key_id, const SecretBytes& plaintext);
  // Atomically replaces an existing entry (a fresh nonce; the old file stays
  // intact until the new one is durable). kNotFound if absent.
  Status replace(std::string_view key_id, const SecretBytes& plaintext);
  // Decrypts the entry: kNotFound if absent, kCorrupted if it fails to
  // authenticate.
  Result<SecretBytes> get(std::string_view key_id) const;
  bool contains(std::string_view key_id) const;

  uint32_t node_id() const { return node_id_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  ShareVault(std::filesystem::path dir, uint32_t node_id, Secret<ByteArray<32>> key)
      : dir_(std::move(dir)), node_id_(node_id), key_(std::move(key)) {}
  Bytes associated_data(std::string_view key_id) const;
  // nonce ‖ XChaCha20-Poly1305(plaintext, AD of key_id) under the node key.
  Bytes seal(std::string_view key_id, const SecretBytes& plaintext) const;
  std::filesystem::path share_path(std::string_view key_id) const;

  std::filesystem::path dir_;
  uint32_t node_id_;
  Secret<ByteArray<32>> key_;
};

// True if `key_id` is a valid vault key id.
bool valid_key_id(std::string_view key_id);

}  // namespace okmpc::dwn
