// FROST ciphersuites (RFC 9591 §6): a prime-order group (an okmpc Curve) plus
// the hash functions H1..H5 and the context string. The protocol code in
// protocols/frost/ is written once against the Ciphersuite concept.
//
// Serialization is the curve's own: SerializeElement = Point::to_bytes(),
// SerializeScalar = Scalar::to_bytes() (Ed25519: 32-byte little-endian scalar,
// 32-byte RFC 8032 point; secp256k1: 32-byte big-endian scalar, 33-byte
// compressed SEC1 point). Scalar::reduce interprets bytes in the same order,
// which is exactly RFC 9591's "interpreted as an integer mod the order".
//
// Every H* is constant time in its input (H3 hashes the secret share).
#pragma once

#include <sodium.h>

#include <algorithm>
#include <array>
#include <concepts>
#include <span>
#include <string_view>

#include "mpc/bytes.hpp"
#include "mpc/curve.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/hash.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/frost/expand_message_xmd.hpp"

namespace okmpc::frost {

template <class S>
concept Ciphersuite = Curve<typename S::Group> &&
                      requires(ByteView m, std::span<const typename S::Group::Scalar> scalars,
                               std::span<const typename S::Group::Point> points) {
  // Public-data fast paths of the group (variable time).
  { S::Group::Point::multi_mul_vartime(scalars, points) } -> std::same_as<typename S::Group::Point>;
  { S::Group::Point::sum(points) } -> std::same_as<typename S::Group::Point>;
  { S::kName } -> std::convertible_to<std::string_view>;
  { S::kContextString } -> std::convertible_to<std::string_view>;
  { S::h1(m) } -> std::same_as<typename S::Group::Scalar>;  // binding factor ("rho")
  { S::h2(m) } -> std::same_as<typename S::Group::Scalar>;  // challenge ("chal")
  { S::h3(m) } -> std::same_as<typename S::Group::Scalar>;  // nonce ("nonce")
  { S::h4(m) } -> std::same_as<typename S::Digest>;         // message ("msg")
  { S::h5(m) } -> std::same_as<typename S::Digest>;         // commitment list ("com")
};

// FROST(Ed25519, SHA-512), RFC 9591 §6.1. Signatures are RFC 8032 Ed25519
// signatures: H2 is SHA-512(m) with no context string, as in RFC 8032 §5.1.7.
struct FrostEd25519Sha512 {
  using Group = Ed25519;
  using Digest = Hash64;
  static constexpr std::string_view kName = "FROST(Ed25519, SHA-512)";
  static constexpr std::string_view kContextString = "FROST-ED25519-SHA512-v1";

  // H1: SHA-512(contextString || "rho" || m) mod L (little-endian).
  static Group::Scalar h1(ByteView m) { return tagged_scalar("rho", m); }
  // H2: SHA-512(m) mod L.
  static Group::Scalar h2(ByteView m) { return Group::Scalar::reduce(sha512(m)); }
  // H3: SHA-512(contextString || "nonce" || m) mod L.
  static Group::Scalar h3(ByteView m) { return tagged_scalar("nonce", m); }
  // H4: SHA-512(contextString || "msg" || m).
  static Digest h4(ByteView m) { return sha512({as_bytes(kContextString), as_bytes("msg"), m}); }
  // H5: SHA-512(contextString || "com" || m).
  static Digest h5(ByteView m) { return sha512({as_bytes(kContextString), as_bytes("com"), m}); }

 private:
  static Group::Scalar tagged_scalar(std::string_view tag, ByteView m) {
    Digest d = sha512({as_bytes(kContextString), as_bytes(tag), m});
    Group::Scalar s = Group::Scalar::reduce(d);
    sodium_memzero(d.data(), d.size());
    return s;
  }
};

// FROST(secp256k1, SHA-256), RFC 9591 §6.5. H1..H3 are hash_to_field
// (RFC 9380 §5.2) with expand_message_xmd(SHA-256), L = 48 bytes, one element
// mod the group order, DST = contextString || tag.
struct FrostSecp256k1Sha256 {
  using Group = Secp256k1;
  using Digest = Hash32;
  static constexpr std::string_view kName = "FROST(secp256k1, SHA-256)";
  static constexpr std::string_view kContextString = "FROST-secp256k1-SHA256-v1";

  static Group::Scalar h1(ByteView m) { return hash_to_scalar("rho", m); }
  static Group::Scalar h2(ByteView m) { return hash_to_scalar("chal", m); }
  static Group::Scalar h3(ByteView m) { return hash_to_scalar("nonce", m); }
  // H4: SHA-256(contextString || "msg" || m).
  static Digest h4(ByteView m) { return sha256({as_bytes(kContextString), as_bytes("msg"), m}); }
  // H5: SHA-256(contextString || "com" || m).
  static Digest h5(ByteView m) { return sha256({as_bytes(kContextString), as_bytes("com"), m}); }

 private:
  static constexpr size_t kFieldBytes = 48;  // L = ceil((ceil(log2(n)) + 128) / 8)

  static Group::Scalar hash_to_scalar(std::string_view tag, ByteView m) {
    std::array<uint8_t, 64> dst{};  // contextString (25) + tag (<= 5)
    const size_t dst_len = kContextString.size() + tag.size();
    std::copy(kContextString.begin(), kContextString.end(), dst.begin());
    std::copy(tag.begin(), tag.end(), dst.begin() + static_cast<std::ptrdiff_t>(kContextString.size()));
    std::array<uint8_t, kFieldBytes> uniform{};
    // Cannot fail: the DST and output lengths are fixed and within limits.
    (void)expand_message_xmd_sha256({m}, ByteView(dst.data(), dst_len), uniform);
    Group::Scalar s = Group::Scalar::reduce(uniform);  // OS2IP (big-endian) mod n
    sodium_memzero(uniform.data(), uniform.size());
    return s;
  }
};

static_assert(Ciphersuite<FrostEd25519Sha512>);
static_assert(Ciphersuite<FrostSecp256k1Sha256>);

}  // namespace okmpc::frost
