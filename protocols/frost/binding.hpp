// RFC 9591 §4 helper functions, over public data (variable time is fine):
//  §4.3 encode_group_commitment_list, compute_binding_factors
//  §4.5 compute_group_commitment
//  §4.6 compute_challenge
// The commitment list is assumed validated (validate.hpp): sorted, unique,
// non-identity elements.
#pragma once

#include <span>
#include <vector>

#include "protocols/frost/types.hpp"

namespace okmpc::frost {

// SerializeScalar(identifier): identifiers are scalars 1..n (RFC 9591 §3.1).
template <Ciphersuite S>
ByteArray<S::Group::kScalarBytes> encode_identifier(PartyId identifier) {
  return ScalarOf<S>::from_u64(identifier).to_bytes();
}

// §4.3 encode_group_commitment_list: for each entry, in list order,
// SerializeScalar(identifier) || SerializeElement(D_i) || SerializeElement(E_i).
template <Ciphersuite S>
Bytes encode_group_commitment_list(std::span<const SigningCommitments<S>> commitments) {
  Bytes out;
  out.reserve(commitments.size() * (S::Group::kScalarBytes + SigningCommitments<S>::kBytes));
  for (const auto& c : commitments) {
    append(out, encode_identifier<S>(c.identifier));
    append(out, c.to_bytes());
  }
  return out;
}

// H4(msg) || H5(encode_group_commitment_list(list)): the part of the
// binding factor prefix (§4.4) that depends on the signing package. Two
// packages with equal digests carry the same message and the same
// commitment list (up to a hash collision).
template <Ciphersuite S>
Bytes package_digest(std::span<const SigningCommitments<S>> commitments, ByteView message) {
  Bytes digest;
  append(digest, S::h4(message));
  append(digest, S::h5(encode_group_commitment_list<S>(commitments)));
  return digest;
}

// The common prefix of every binding factor input (§4.4):
// SerializeElement(PK) || H4(msg) || H5(encode_group_commitment_list(list)),
// from PK's encoding (computed once by the caller: an inversion on Ed25519).
template <Ciphersuite S>
Bytes binding_factor_prefix(ByteView group_public_key_bytes, std::span<const SigningCommitments<S>> commitments,
                            ByteView message) {
  Bytes prefix(group_public_key_bytes.begin(), group_public_key_bytes.end());
  append(prefix, package_digest<S>(commitments, message));
  return prefix;
}

template <Ciphersuite S>
Bytes binding_factor_prefix(const PointOf<S>& group_public_key,
                            std::span<const SigningCommitments<S>> commitments, ByteView message) {
  return binding_factor_prefix<S>(group_public_key.to_bytes(), commitments, message);
}

// §4.4 compute_binding_factors from a prefix as above: rho_i =
// H1(prefix || SerializeScalar(id_i)), in list order.
template <Ciphersuite S>
std::vector<ScalarOf<S>> binding_factors_from_prefix(ByteView prefix,
                                                     std::span<const SigningCommitments<S>> commitments) {
  std::vector<ScalarOf<S>> factors;
  factors.reserve(commitments.size());
  Bytes in(prefix.begin(), prefix.end());
  for (const auto& c : commitments) {
    in.resize(prefix.size());
    append(in, encode_identifier<S>(c.identifier));
    factors.push_back(S::h1(in));
  }
  return factors;
}

// §4.4 rho_input for each signer in list order: prefix || SerializeScalar(id).
// Exposed for known-answer tests ("binding_factor_input" in the RFC vectors).
template <Ciphersuite S>
std::vector<Bytes> binding_factor_inputs(const PointOf<S>& group_public_key,
                                         std::span<const SigningCommitments<S>> commitments,
                                         ByteView message) {
  const Bytes prefix = binding_factor_prefix<S>(group_public_key, commitments, message);
  std::vector<Bytes> inputs;
  inputs.reserve(commitments.size());
  for (const auto& c : commitments) {
    Bytes in = prefix;
    append(in, encode_identifier<S>(c.identifier));
    inputs.push_back(std::move(in));
  }
  return inputs;
}

// §4.4 compute_binding_factors: rho_i = H1(rho_input_i), in list order.
template <Ciphersuite S>
std::vector<ScalarOf<S>> compute_binding_factors(const PointOf<S>& group_public_key,
                                                 std::span<const SigningCommitments<S>> commitments,
                                                 ByteView message) {
  return binding_factors_from_prefix<S>(binding_factor_prefix<S>(group_public_key, commitments, message),
                                        commitments);
}

// c·P for public c and P (variable time).
template <Ciphersuite S>
PointOf<S> mul_vartime(const ScalarOf<S>& c, const PointOf<S>& P) {
  return PointOf<S>::multi_mul_vartime(std::span<const ScalarOf<S>>(&c, 1), std::span<const PointOf<S>>(&P, 1));
}

// Each signer's commitment share D_i + rho_i·E_i (§4.5 summands, also the
// first term of §5.4's share check). `factors[k]` belongs to `commitments[k]`.
// Public inputs only.
template <Ciphersuite S>
std::vector<PointOf<S>> commitment_shares_vartime(std::span<const SigningCommitments<S>> commitments,
                                                  std::span<const ScalarOf<S>> factors) {
  std::vector<PointOf<S>> out;
  out.reserve(commitments.size());
  for (size_t k = 0; k < commitments.size(); ++k) {
    out.push_back(commitments[k].hiding + mul_vartime<S>(factors[k], commitments[k].binding));
  }
  return out;
}

// §4.5 compute_group_commitment: R = Σ D_i + Σ rho_i·E_i, as one sum of
// the hiding commitments plus one multi-scalar multiplication over the
// binding ones (cheaper than one multi-scalar multiplication with scalars
// (1, rho_i): a unit scalar still costs a full term there; papers/rfc9591.md
// §"Measurements"). `factors[k]` belongs to `commitments[k]`. Public inputs
// only.
template <Ciphersuite S>
PointOf<S> compute_group_commitment_vartime(std::span<const SigningCommitments<S>> commitments,
                                            std::span<const ScalarOf<S>> factors) {
  std::vector<PointOf<S>> terms;
  terms.reserve(commitments.size() + 1);
  std::vector<PointOf<S>> binding;
  binding.reserve(commitments.size());
  for (const auto& c : commitments) {
    terms.push_back(c.hiding);
    binding.push_back(c.binding);
  }
  terms.push_back(PointOf<S>::multi_mul_vartime(factors.first(commitments.size()), binding));
  return PointOf<S>::sum(terms);
}

// §4.6 compute_challenge from the encodings SerializeElement(R) and
// SerializeElement(PK): c = H2(R || PK || msg).
template <Ciphersuite S>
ScalarOf<S> compute_challenge(ByteView group_commitment_bytes, ByteView group_public_key_bytes,
                              ByteView message) {
  Bytes input;
  input.reserve(group_commitment_bytes.size() + group_public_key_bytes.size() + message.size());
  append(input, group_commitment_bytes);
  append(input, group_public_key_bytes);
  append(input, message);
  return S::h2(input);
}

// §4.6 compute_challenge: c = H2(SerializeElement(R) || SerializeElement(PK) || msg).
template <Ciphersuite S>
ScalarOf<S> compute_challenge(const PointOf<S>& group_commitment, const PointOf<S>& group_public_key,
                              ByteView message) {
  return compute_challenge<S>(group_commitment.to_bytes(), group_public_key.to_bytes(), message);
}

}  // namespace okmpc::frost
