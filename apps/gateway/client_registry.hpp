// Registered clients: clientSWA → the address of the key that signs
// sessionPkClientSignature. Loaded from the --clients file, a JSON array
// [{"clientSWA":"0x…","signer":"0x…"}] (strict: unknown fields, bad
// addresses and duplicate clientSWA entries are errors naming the entry), or
// the single demo client (demo_client.hpp) when no file is given.
#pragma once

#include <filesystem>
#include <map>
#include <optional>

#include "mpc/error.hpp"
#include "mpc/eth.hpp"

namespace okmpc::gateway {

class ClientRegistry {
 public:
  static Result<ClientRegistry> load(const std::filesystem::path& file);
  static ClientRegistry demo();

  // The signer address of `client_swa`, nullopt if not registered.
  std::optional<eth::Address> signer_of(const eth::Address& client_swa) const;
  size_t size() const { return signers_.size(); }
  // clientSWA → signer, every registered client.
  const std::map<eth::Address, eth::Address>& all() const { return signers_; }

 private:
  std::map<eth::Address, eth::Address> signers_;
};

}  // namespace okmpc::gateway
