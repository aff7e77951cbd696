#include "apps/gateway/client_registry.hpp"

#include <boost/json.hpp>

#include <fstream>
#include <sstream>

#include "apps/gateway/demo_client.hpp"
#include "apps/gateway/json_shape.hpp"
#include "mpc/hex.hpp"
#include "session/session_key.hpp"

namespace okmpc::gateway {

Result<ClientRegistry> ClientRegistry::load(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return fail(ErrorCode::kIo, "cannot read clients file " + file.string());
  std::stringstream ss;
  ss << in.rdbuf();
  boost::json::error_code ec;
  auto v = boost::json::parse(ss.str(), ec);
  if (ec || !v.is_array()) {
    return fail(ErrorCode::kInvalidEncoding, file.string() + ": expected a JSON array of {clientSWA, signer}");
  }
  ClientRegistry out;
  size_t i = 0;
  for (const auto& entry : v.as_array()) {
    std::string where = file.string() + " entry " + std::to_string(i++);
    if (!entry.is_object()) return fail(ErrorCode::kInvalidEncoding, where + " is not an object");
    ObjectReader r(entry.as_object(), "");
    auto swa = r.string("clientSWA", 64);
    auto signer = r.string("signer", 64);
    if (!swa || !signer || !r.finish()) {
      return fail(ErrorCode::kInvalidEncoding, where + " must be exactly {clientSWA, signer} strings");
    }
    auto swa_addr = eth::parse_address(*swa);
    auto signer_addr = eth::parse_address(*signer);
    if (!swa_addr || !signer_addr) return fail(ErrorCode::kInvalidEncoding, where + " holds an invalid address");
    if (!out.signers_.emplace(*swa_addr, *signer_addr).second) {
      return fail(ErrorCode::kAlreadyExists, where + " repeats clientSWA " + *swa);
    }
  }
  return out;
}

ClientRegistry ClientRegistry::demo() {
  ClientRegistry out;
  auto key = from_hex_fixed<32>(demo_client::kSignerPrivateKeyHex);
  auto pk = session::public_key_of(session::PrivateKey(*key));
  auto signer = eth::address_from_public_key(*pk);
  out.signers_.emplace(*eth::parse_address(demo_client::kClientSwa), *signer);
  return out;
}

std::optional<eth::Address> ClientRegistry::signer_of(const eth::Address& client_swa) const {
  auto it = signers_.find(client_swa);
  if (it == signers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace okmpc::gateway
