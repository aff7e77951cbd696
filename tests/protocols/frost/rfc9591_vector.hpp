// Loader for the RFC 9591 Appendix E test vectors in tests/data/vectors and
// key-share fixtures built from them.
#pragma once

#include <gtest/gtest.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <map>
#include <string>
#include <vector>

#include "mpc/hex.hpp"
#include "protocols/frost/types.hpp"

namespace okmpc::frost::testing {

struct RfcVector {
  struct RoundOne {
    PartyId identifier = 0;
    Bytes hiding_nonce_randomness, binding_nonce_randomness;
    Bytes hiding_nonce, binding_nonce;
    Bytes hiding_nonce_commitment, binding_nonce_commitment;
    Bytes binding_factor_input, binding_factor;
  };
  std::string context_string;
  uint32_t max_participants = 0, min_participants = 0;
  std::vector<PartyId> participants;
  Bytes group_secret_key, group_public_key, message;
  std::map<PartyId, Bytes> shares;
  std::vector<RoundOne> round_one;
  std::map<PartyId, Bytes> signature_shares;
  Bytes signature;
};

template <Ciphersuite S>
const char* vector_file();
template <>
inline const char* vector_file<FrostEd25519Sha512>() { return OKMPC_SHARED_DIR "/vectors/frost-ed25519-sha512.json"; }
template <>
inline const char* vector_file<FrostSecp256k1Sha256>() { return OKMPC_SHARED_DIR "/vectors/frost-secp256k1-sha256.json"; }

inline Bytes hex_field(const boost::property_tree::ptree& t, const std::string& path) {
  auto b = from_hex(t.get<std::string>(path));
  EXPECT_TRUE(b) << path;
  return b ? *b : Bytes{};
}

inline RfcVector load_vector_file(const char* path) {
  namespace pt = boost::property_tree;
  pt::ptree root;
  pt::read_json(path, root);
  RfcVector v;
  v.context_string = root.get<std::string>("config.context_string");
  v.max_participants = root.get<uint32_t>("config.MAX_PARTICIPANTS");
  v.min_participants = root.get<uint32_t>("config.MIN_PARTICIPANTS");
  for (const auto& [_, id] : root.get_child("inputs.participant_list")) v.participants.push_back(id.get_value<PartyId>());
  v.group_secret_key = hex_field(root, "inputs.group_secret_key");
  v.group_public_key = hex_field(root, "inputs.group_public_key");
  v.message = hex_field(root, "inputs.message");
  for (const auto& [_, s] : root.get_child("inputs.participant_shares")) {
    v.shares[s.get<PartyId>("identifier")] = hex_field(s, "participant_share");
  }
  for (const auto& [_, o] : root.get_child("round_one_outputs.outputs")) {
    RfcVector::RoundOne r;
    r.identifier = o.get<PartyId>("identifier");
    r.hiding_nonce_randomness = hex_field(o, "hiding_nonce_randomness");
    r.binding_nonce_randomness = hex_field(o, "binding_nonce_randomness");
    r.hiding_nonce = hex_field(o, "hiding_nonce");
    r.binding_nonce = hex_field(o, "binding_nonce");
    r.hiding_nonce_commitment = hex_field(o, "hiding_nonce_commitment");
    r.binding_nonce_commitment = hex_field(o, "binding_nonce_commitment");
    r.binding_factor_input = hex_field(o, "binding_factor_input");
    r.binding_factor = hex_field(o, "binding_factor");
    v.round_one.push_back(std::move(r));
  }
  for (const auto& [_, o] : root.get_child("round_two_outputs.outputs")) {
    v.signature_shares[o.get<PartyId>("identifier")] = hex_field(o, "sig_share");
  }
  v.signature = hex_field(root, "final_output.sig");
  return v;
}

template <Ciphersuite S>
RfcVector load_vector() {
  return load_vector_file(vector_file<S>());
}

// The key shares of every participant of the vector (trusted-dealer shares
// from the RFC), with verification shares sk_i·G.
template <Ciphersuite S>
std::vector<KeyShareOf<S>> vector_key_shares(const RfcVector& v) {
  std::vector<ScalarOf<S>> secrets;
  std::vector<PointOf<S>> verification;
  for (uint32_t id = 1; id <= v.max_participants; ++id) {
    auto s = ScalarOf<S>::from_bytes(v.shares.at(id));
    EXPECT_TRUE(s);
    secrets.push_back(*s);
    verification.push_back(PointOf<S>::base_mul(*s));
  }
  auto pk = PointOf<S>::from_bytes(v.group_public_key);
  EXPECT_TRUE(pk);
  std::vector<KeyShareOf<S>> keys;
  for (uint32_t id = 1; id <= v.max_participants; ++id) {
    KeyShareOf<S> k;
    k.threshold = v.min_participants;
    k.parties = v.max_participants;
    k.index = id;
    k.secret_share = Secret<ScalarOf<S>>(secrets[id - 1]);
    k.group_public_key = *pk;
    k.verification_shares = verification;
    keys.push_back(std::move(k));
  }
  return keys;
}

template <size_t N>
ByteArray<N> to_array(const Bytes& b) {
  EXPECT_EQ(b.size(), N);
  ByteArray<N> out{};
  std::copy_n(b.begin(), std::min(N, b.size()), out.begin());
  return out;
}

}  // namespace okmpc::frost::testing
