// Threshold ECDSA over secp256k1 after Doerner, Kondi, Lee, shelat,
// "Threshold ECDSA in Three Rounds" (DKLs23, IEEE S&P 2024, ePrint 2023/765).
//
//  1. Once per key, after KeygenParty(kSecp256k1): every party of the key
//     (all `parties` of them) runs EcdsaSetupParty, the pairwise OT setup of
//     DKLs23 §3 (five point-to-point rounds). Its output is the same KeyShare
//     with the setup attached (has_ecdsa_setup()); persist that one.
//  2. Per signature: the signers (any `threshold` or more) run EcdsaSigner,
//     Protocol 3.6 (three rounds). Every signer outputs the signature.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "okmpc/key_share.hpp"
#include "okmpc/party.hpp"

namespace okmpc::api {

class OKMPC_API EcdsaSetupParty final : public Party {
 public:
  // `share` must be a secp256k1 key share; it is consumed and comes back from
  // take_key_share() with the setup attached. Errors: kInvalidArgument (an
  // Ed25519 share, or a key of a single party: there is no pair to set up).
  static Result<EcdsaSetupParty> create(KeyShare share, const SessionId& session);

  // The key share with its setup, once finished(); kInvalidArgument before
  // that or when already taken.
  Result<KeyShare> take_key_share();

 private:
  using Party::Party;
};

class OKMPC_API EcdsaSigner final : public Party {
 public:
  // Signs the 32-byte `digest` (e.g. Keccak-256 of an Ethereum message; the
  // caller hashes) with the parties in `signers` (distinct identifiers in
  // 1..parties, at least threshold of them, including share.index()). Every
  // signer must use the same digest, signers and session; a party whose
  // differs is named. The share is copied. Errors: kInvalidArgument for a
  // digest that is not 32 bytes, an Ed25519 share, a share without
  // has_ecdsa_setup(), or a bad signer set (culprits: the offending id).
  static Result<EcdsaSigner> create(const KeyShare& share, std::span<const uint8_t> digest,
                                    std::vector<uint32_t> signers, const SessionId& session);

  // The 65-byte Ethereum-style signature r ‖ s ‖ v (low s, v = 27 + recovery
  // id) once finished(); it has been verified with libsecp256k1 (verify and
  // public-key recovery) before release. kInvalidArgument before finished().
  Result<std::vector<uint8_t>> signature() const;

 private:
  using Party::Party;
};

}  // namespace okmpc::api
