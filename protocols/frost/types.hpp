// FROST data types (RFC 9591 §5), generic over a Ciphersuite:
//  - SigningCommitments: a signer's public round-one output (D_i, E_i).
//  - SigningNonces: the matching secret nonces (d_i, e_i). Move-only, wiped on
//    destruction, consumed by round2::sign, so a nonce pair cannot sign twice.
//  - SigningPackage: the coordinator's round-two request (commitment list
//    sorted by identifier + message).
//  - SignatureShare, Signature, PublicKeyPackage.
// Encodings of fixed-size values live here; variable-length wire payloads are
// in protocols/frost/wire.hpp.
#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/secret.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/frost/ciphersuite.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::frost {

using runtime::PartyId;

template <Ciphersuite S>
using ScalarOf = typename S::Group::Scalar;
template <Ciphersuite S>
using PointOf = typename S::Group::Point;
template <Ciphersuite S>
using KeyShareOf = dkg::KeyShare<typename S::Group>;

// A signer's round-one commitments: hiding D = d·G and binding E = e·G.
template <Ciphersuite S>
struct SigningCommitments {
  static constexpr size_t kBytes = 2 * S::Group::kPointBytes;

  PartyId identifier = 0;
  PointOf<S> hiding = PointOf<S>::identity();
  PointOf<S> binding = PointOf<S>::identity();

  // SerializeElement(hiding) || SerializeElement(binding).
  ByteArray<kBytes> to_bytes() const {
    ByteArray<kBytes> out{};
    const auto h = hiding.to_bytes();
    const auto b = binding.to_bytes();
    std::copy(h.begin(), h.end(), out.begin());
    std::copy(b.begin(), b.end(), out.begin() + static_cast<std::ptrdiff_t>(h.size()));
    return out;
  }
  // Strict inverse of to_bytes for the commitments of signer `identifier`:
  // wrong length → kInvalidEncoding; an off-curve, non-canonical or identity
  // element → kInvalidPoint. Every error names `identifier` as culprit.
  static Result<SigningCommitments> from_bytes(PartyId identifier, ByteView bytes) {
    if (bytes.size() != kBytes) {
      return fail(ErrorCode::kInvalidEncoding,
                  "commitments of signer " + std::to_string(identifier) + " must be " +
                      std::to_string(kBytes) + " bytes",
                  {identifier});
    }
    const size_t half = S::Group::kPointBytes;
    auto h = PointOf<S>::from_bytes(bytes.first(half));
    auto b = PointOf<S>::from_bytes(bytes.subspan(half));
    if (!h || !b) {
      return fail(ErrorCode::kInvalidPoint,
                  "commitments of signer " + std::to_string(identifier) +
                      " contain an invalid or identity element",
                  {identifier});
    }
    return SigningCommitments{identifier, *h, *b};
  }

  friend bool operator==(const SigningCommitments& a, const SigningCommitments& b) {
    return a.identifier == b.identifier && a.hiding == b.hiding && a.binding == b.binding;
  }
};

namespace detail {
struct NonceAccess;
}

// The secret nonces of one signer for one signing session (RFC 9591 §5.1).
// Only round1 creates them and only round2::sign reads them; sign takes them
// by rvalue and empties them, so
//     auto share1 = round2::sign(pkg, std::move(nonces), key);
//     auto share2 = round2::sign(pkg, nonces, key);   // does not compile
// and a moved-from object (used() == true) is rejected at run time.
template <Ciphersuite S>
class SigningNonces {
 public:
  SigningNonces(const SigningNonces&) = delete;
  SigningNonces& operator=(const SigningNonces&) = delete;
  SigningNonces(SigningNonces&& o) noexcept
      : hiding_(std::move(o.hiding_)),
        binding_(std::move(o.binding_)),
        commitments_(o.commitments_),
        live_(std::exchange(o.live_, false)) {}
  SigningNonces& operator=(SigningNonces&& o) noexcept {
    if (this != &o) {
      hiding_ = std::move(o.hiding_);
      binding_ = std::move(o.binding_);
      commitments_ = o.commitments_;
      live_ = std::exchange(o.live_, false);
    }
    return *this;
  }
  ~SigningNonces() = default;  // Secret<> wipes the scalars

  // The public commitments these nonces open.
  const SigningCommitments<S>& commitments() const { return commitments_; }
  // True once the nonces were consumed (moved into round2::sign).
  bool used() const { return !live_; }

  friend std::ostream& operator<<(std::ostream& os, const SigningNonces&) { return os << "<secret>"; }

 private:
  friend struct detail::NonceAccess;
  SigningNonces(Secret<ScalarOf<S>> hiding, Secret<ScalarOf<S>> binding,
                const SigningCommitments<S>& commitments)
      : hiding_(std::move(hiding)), binding_(std::move(binding)), commitments_(commitments), live_(true) {}

  Secret<ScalarOf<S>> hiding_;
  Secret<ScalarOf<S>> binding_;
  SigningCommitments<S> commitments_;
  bool live_ = false;
};

namespace detail {
// The only door to SigningNonces' secrets: used by round1 (create) and
// round2 (consume).
struct NonceAccess {
  template <Ciphersuite S>
  static SigningNonces<S> make(Secret<ScalarOf<S>> hiding, Secret<ScalarOf<S>> binding,
                               const SigningCommitments<S>& commitments) {
    return SigningNonces<S>(std::move(hiding), std::move(binding), commitments);
  }
  template <Ciphersuite S>
  static const Secret<ScalarOf<S>>& hiding(const SigningNonces<S>& n) { return n.hiding_; }
  template <Ciphersuite S>
  static const Secret<ScalarOf<S>>& binding(const SigningNonces<S>& n) { return n.binding_; }
};
}  // namespace detail

// Nonce reuse is impossible by type: the nonces cannot be copied, only moved
// into round2::sign (see tests/protocols/frost/nonce_reuse_test.cpp).
static_assert(!std::is_copy_constructible_v<SigningNonces<FrostEd25519Sha512>>);
static_assert(!std::is_copy_assignable_v<SigningNonces<FrostSecp256k1Sha256>>);

// The coordinator's request for round two: commitment_list sorted by
// identifier (RFC 9591 §5.2) and the message to sign.
template <Ciphersuite S>
struct SigningPackage {
  std::vector<SigningCommitments<S>> commitments;
  Bytes message;

  std::vector<PartyId> signers() const {
    std::vector<PartyId> ids;
    ids.reserve(commitments.size());
    for (const auto& c : commitments) ids.push_back(c.identifier);
    return ids;
  }
};

// A signer's round-two output z_i (public).
template <Ciphersuite S>
struct SignatureShare {
  PartyId identifier = 0;
  ScalarOf<S> share = ScalarOf<S>::zero();

  ByteArray<S::Group::kScalarBytes> to_bytes() const { return share.to_bytes(); }
  // Strict: exactly kScalarBytes, canonical; errors name `identifier`.
  static Result<SignatureShare> from_bytes(PartyId identifier, ByteView bytes) {
    auto z = ScalarOf<S>::from_bytes(bytes);
    if (!z) {
      return fail(ErrorCode::kInvalidScalar,
                  "signature share of signer " + std::to_string(identifier) + " is not a canonical scalar",
                  {identifier});
    }
    return SignatureShare{identifier, *z};
  }
};

// A Schnorr signature (R, z). Encoding SerializeElement(R) || SerializeScalar(z):
// Ed25519: the 64-byte RFC 8032 signature; secp256k1: 33 + 32 = 65 bytes.
template <Ciphersuite S>
struct Signature {
  static constexpr size_t kBytes = S::Group::kPointBytes + S::Group::kScalarBytes;

  PointOf<S> R = PointOf<S>::identity();
  ScalarOf<S> z = ScalarOf<S>::zero();

  ByteArray<kBytes> to_bytes() const {
    ByteArray<kBytes> out{};
    const auto r = R.to_bytes();
    const auto s = z.to_bytes();
    std::copy(r.begin(), r.end(), out.begin());
    std::copy(s.begin(), s.end(), out.begin() + static_cast<std::ptrdiff_t>(r.size()));
    return out;
  }
  // Strict: exactly kBytes; R a valid non-identity element (kInvalidPoint),
  // z canonical (kInvalidScalar); other lengths kInvalidEncoding.
  static Result<Signature> from_bytes(ByteView bytes) {
    if (bytes.size() != kBytes) {
      return fail(ErrorCode::kInvalidEncoding, "signature must be " + std::to_string(kBytes) + " bytes, got " +
                                                   std::to_string(bytes.size()));
    }
    OKMPC_ASSIGN_OR_RETURN(auto r, PointOf<S>::from_bytes(bytes.first(S::Group::kPointBytes)));
    OKMPC_ASSIGN_OR_RETURN(auto z, ScalarOf<S>::from_bytes(bytes.subspan(S::Group::kPointBytes)));
    return Signature{r, z};
  }
};

// What the coordinator needs to check shares: the group key PK, the threshold
// and every participant's verification share PK_i = sk_i·G.
template <Ciphersuite S>
struct PublicKeyPackage {
  uint32_t threshold = 0;
  PointOf<S> group_public_key = PointOf<S>::identity();
  std::vector<PointOf<S>> verification_shares;  // [i-1] belongs to participant i

  static PublicKeyPackage from_key_share(const KeyShareOf<S>& key) {
    return PublicKeyPackage{key.threshold, key.group_public_key, key.verification_shares};
  }
  uint32_t parties() const { return static_cast<uint32_t>(verification_shares.size()); }
};

}  // namespace okmpc::frost
