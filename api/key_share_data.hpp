// What a public KeyShare holds: the DKG output for one curve and, for
// secp256k1 after EcdsaSetupParty, the DKLs23 pairwise OT setup.
#pragma once

#include <optional>
#include <variant>

#include "mpc/ed25519.hpp"
#include "mpc/secp256k1.hpp"
#include "okmpc/key_share.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/setup.hpp"

namespace okmpc::api {

struct KeyShareData {
  std::variant<dkg::KeyShare<Secp256k1>, dkg::KeyShare<Ed25519>> share;
  std::optional<ecdsa::EcdsaSetup> ecdsa_setup;  // secp256k1 only
};

// The implementation's access to a public KeyShare's contents.
struct KeyShareAccess {
  static KeyShare make(std::unique_ptr<KeyShareData> data) { return KeyShare(std::move(data)); }
  static const KeyShareData& data(const KeyShare& share) { return *share.data_; }
  static KeyShareData& data(KeyShare& share) { return *share.data_; }
};

// A public KeyShare around `share` (no ECDSA setup).
template <okmpc::Curve C>
KeyShare make_key_share(dkg::KeyShare<C> share) {
  auto data = std::make_unique<KeyShareData>();
  data->share = std::move(share);
  return KeyShareAccess::make(std::move(data));
}

// A deep copy of `setup` (secret seeds duplicated).
ecdsa::EcdsaSetup clone_setup(const ecdsa::EcdsaSetup& setup);

}  // namespace okmpc::api
