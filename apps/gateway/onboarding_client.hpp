// The client side of onboarding, as an SDK would do it: a session key, an
// identity token bound to it, and the signed authenticate request
// (docs/gateway.md). Header-only: the demo, the throughput mode and the
// end-to-end tests (which link no apps/ sources) build requests with it.
#pragma once

#include <boost/json.hpp>

#include <string>

#include "apps/gateway/demo_client.hpp"
#include "apps/gateway/session_digests.hpp"
#include "mpc/eth.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "session/personal_sign.hpp"
#include "session/session_key.hpp"
#include "session/uint256.hpp"

namespace okmpc::gateway::client {

// A registered client: its SWA and the key that signs sessionPkClientSignature.
struct RegisteredClient {
  eth::Address client_swa{};
  session::PrivateKey signer;
};

// The gateway's built-in demo client (demo_client.hpp).
inline RegisteredClient demo_registered_client() {
  RegisteredClient c;
  c.client_swa = *eth::parse_address(demo_client::kClientSwa);
  c.signer = session::PrivateKey(*from_hex_fixed<32>(demo_client::kSignerPrivateKeyHex));
  return c;
}

// A random UUIDv4 (RFC 9562 §5.4), lowercase.
inline std::string new_uuid_v4(Rng& rng) {
  auto b = rng.bytes<16>();
  b[6] = static_cast<uint8_t>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<uint8_t>((b[8] & 0x3f) | 0x80);
  std::string h = to_hex(b);
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) + "-" + h.substr(20);
}

// The authenticate body for `key` opening a session with `id_token`
// (provider "google" or "okto") and request nonce `nonce` (a UUIDv4),
// signed by the session key and the client's signer.
inline boost::json::object authenticate_body(const session::SessionKey& key, const std::string& id_token,
                                             const std::string& provider, const std::string& nonce,
                                             const RegisteredClient& client) {
  const eth::Address session_address = key.address();
  const Uint256 nonce_word = *Uint256::from_uuid(nonce);
  auto user_sig = session::personal_sign_raw32(key, session_data_digest(session_address, client.client_swa, nonce_word));
  auto client_sig = *session::personal_sign_raw32(client.signer, session_pk_client_digest(session_address));
  boost::json::object auth_data{{"idToken", id_token}, {"provider", provider}};
  boost::json::object session_data{{"nonce", nonce},
                                   {"clientSWA", eth::to_checksum(client.client_swa)},
                                   {"sessionPk", to_hex_prefixed(key.public_key())}};
  return boost::json::object{{"authData", std::move(auth_data)},
                             {"sessionData", std::move(session_data)},
                             {"sessionPkClientSignature", to_hex_prefixed(client_sig)},
                             {"sessionDataUserSignature", to_hex_prefixed(user_sig)}};
}

}  // namespace okmpc::gateway::client
