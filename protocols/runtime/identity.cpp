#include "protocols/runtime/identity.hpp"

#include <sodium.h>

namespace okmpc::runtime {

IdentityKey IdentityKey::from_seed(const ByteArray<32>& seed) {
  IdentityKey k;
  crypto_sign_seed_keypair(k.public_key_.data(), k.secret_.expose_mut().data(), seed.data());
  return k;
}

IdentityKey IdentityKey::clone() const {
  IdentityKey k;
  k.secret_ = secret_.clone();
  k.public_key_ = public_key_;
  return k;
}

IdentitySignature IdentityKey::sign(ByteView message) const {
  IdentitySignature sig{};
  crypto_sign_detached(sig.data(), nullptr, message.data(), message.size(), secret_.expose().data());
  return sig;
}

bool identity_verify_vartime(const IdentityPublicKey& key, ByteView message, const IdentitySignature& signature) {
  return crypto_sign_verify_detached(signature.data(), message.data(), message.size(), key.data()) == 0;
}

}  // namespace okmpc::runtime
