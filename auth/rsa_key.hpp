// RSA keys for RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3) through
// OpenSSL 3's EVP interface; no RSA arithmetic of our own. Everything here
// handles public data except RsaPrivateKey, which only the simulated identity
// provider uses.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/types.h>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::auth {

// An immutable RSA public key; cheap to copy (shared, reference counted) and
// safe to use from several threads at once.
class RsaPublicKey {
 public:
  // Builds the key from big-endian modulus and exponent (EVP_PKEY_fromdata).
  // Contract (kInvalidArgument otherwise): minimal encodings (no leading
  // zero byte), 2048 <= bits(n) <= 8192, n odd, e odd with 3 <= e < 2^32.
  static Result<RsaPublicKey> from_components(ByteView modulus, ByteView exponent);

  // True iff `signature` is a valid RS256 signature of `message`. The
  // signature must be exactly modulus-length bytes. Public data only.
  bool verify_rs256(ByteView message, ByteView signature) const;

  size_t modulus_bits() const;
  Bytes modulus() const;   // big-endian, minimal
  Bytes exponent() const;  // big-endian, minimal

 private:
  explicit RsaPublicKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  friend class RsaPrivateKey;
  std::shared_ptr<EVP_PKEY> key_;
};

// An RSA private key (move-only; OpenSSL clears it on free).
class RsaPrivateKey {
 public:
  // A fresh key from OpenSSL's CSPRNG (EVP_PKEY_Q_keygen), e = 65537.
  // kInvalidArgument unless 2048 <= bits <= 8192.
  static Result<RsaPrivateKey> generate(unsigned bits = 2048);

  // Loads a PKCS#8 / PKCS#1 PEM RSA private key (unencrypted); kInvalidEncoding
  // if it is not one, kInvalidArgument outside 2048..8192 bits.
  static Result<RsaPrivateKey> from_pem(std::string_view pem);
  // PKCS#8 PEM, for persisting the key (callers store it 0600).
  std::string to_pem() const;

  RsaPrivateKey(RsaPrivateKey&&) noexcept = default;
  RsaPrivateKey& operator=(RsaPrivateKey&&) noexcept = default;
  RsaPrivateKey(const RsaPrivateKey&) = delete;
  RsaPrivateKey& operator=(const RsaPrivateKey&) = delete;

  // RS256 signature (modulus-length bytes) of `message`.
  Result<Bytes> sign_rs256(ByteView message) const;
  RsaPublicKey public_key() const;

 private:
  explicit RsaPrivateKey(std::shared_ptr<EVP_PKEY> key) : key_(std::move(key)) {}
  std::shared_ptr<EVP_PKEY> key_;
};

}  // namespace okmpc::auth
