#include "apps/gateway/demo_story.hpp"

#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <sodium.h>

#include "apps/gateway/http_client.hpp"
#include "apps/gateway/in_process_gateway.hpp"
#include "apps/gateway/onboarding_client.hpp"
#include "apps/gateway/session_token.hpp"
#include "apps/gateway/unix_time.hpp"
#include "auth/attestation.hpp"
#include "auth/quorum.hpp"
#include "chain/account_factory.hpp"
#include "chain/user_op_builder.hpp"
#include "chain/user_operation_json.hpp"

namespace okmpc::gateway::demo {

namespace json = boost::json;

namespace {

// GET/POST returning the `data` object of a success response.
Result<json::object> call(HttpClient& http, const std::string& method, const std::string& target,
                          const std::string& body = "", const std::string& authorization = "") {
  OKMPC_ASSIGN_OR_RETURN(auto r, http.request(method, target, body, authorization));
  json::error_code ec;
  auto v = json::parse(r.body, ec);
  if (ec || !v.is_object()) return fail(ErrorCode::kInvalidEncoding, target + ": not JSON: " + r.body);
  if (r.status != 200 || !v.as_object().contains("data") || !v.at("data").is_object()) {
    return fail(ErrorCode::kVerificationFailed, method + " " + target + " -> " + std::to_string(r.status) + " " + r.body);
  }
  return v.at("data").as_object();
}

std::string str(const json::value& v) { return v.is_string() ? std::string(v.as_string()) : json::serialize(v); }

// libsecp256k1 alone: the compressed public key that signed `digest`.
std::optional<ByteArray<33>> recover_compressed(const Hash32& digest, ByteView sig) {
  if (sig.size() != 65 || (sig[64] != 27 && sig[64] != 28)) return std::nullopt;
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_ecdsa_recoverable_signature rs;
  secp256k1_pubkey pk;
  std::optional<ByteArray<33>> out;
  if (secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rs, sig.data(), sig[64] - 27) &&
      secp256k1_ecdsa_recover(ctx, &pk, &rs, digest.data())) {
    ByteArray<33> ser{};
    size_t len = ser.size();
    secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_COMPRESSED);
    out = ser;
  }
  secp256k1_context_destroy(ctx);
  return out;
}

}  // namespace

Result<StoryResult> run_story(const std::filesystem::path& data_dir) {
  StoryResult out;
  auto check = [&](std::string what, bool ok, std::string detail = "") {
    out.checks.push_back(Check{std::move(what), ok, std::move(detail)});
  };
  GatewayConfig config;
  config.data_dir = data_dir;
  config.eddsa_receipts = true;  // the DWN FROST-signs the registration record
  OKMPC_ASSIGN_OR_RETURN(auto gw, InProcessGateway::start(config));
  out.facts["gateway"] = "http://127.0.0.1:" + std::to_string(gw->port());
  HttpClient http("127.0.0.1", gw->port());
  OsRng rng;

  // 1. The client: a session key and a Google ID token bound to it.
  auto key = session::SessionKey::generate(rng, static_cast<uint64_t>(unix_now()));
  out.facts["sessionAddress"] = eth::to_checksum(key.address());
  const std::string sub = "demo-" + to_hex(rng.bytes<6>());
  json::object token_req{{"sub", sub}, {"email", sub + "@example.com"}, {"sessionPk", to_hex_prefixed(key.public_key())}};
  OKMPC_ASSIGN_OR_RETURN(auto token, call(http, "POST", "/dev/oidc/token", json::serialize(token_req)));
  const std::string id_token = str(token["idToken"]);
  out.facts["googleSubject"] = sub;

  // 2. Authenticate.
  auto registered = client::demo_registered_client();
  const std::string nonce = client::new_uuid_v4(rng);
  auto body = client::authenticate_body(key, id_token, "google", nonce, registered);
  OKMPC_ASSIGN_OR_RETURN(auto auth, call(http, "POST", "/api/oc/v1/authenticate", json::serialize(body)));
  out.facts["authenticate"] = auth;
  const json::object details = auth["okmpc"].as_object();
  check("authenticate answered for our nonce and client",
        str(auth["nonce"]) == nonce && str(auth["clientSWA"]) == eth::to_checksum(registered.client_swa));

  // 3. The auth quorum: every attestation verified with libsodium against the
  //    node keys the gateway publishes.
  OKMPC_ASSIGN_OR_RETURN(auto nodes, call(http, "GET", "/api/oc/v1/auth/nodes"));
  out.facts["authNodes"] = nodes;
  auto cert = auth::quorum_certificate_from_json(
      json::serialize(details.at("authQuorum").as_object().at("certificate")));
  size_t valid = 0;
  if (cert) {
    for (const auto& a : cert->attestations) {
      for (const auto& n : nodes["nodes"].as_array()) {
        if (n.at("nodeId").to_number<uint32_t>() != a.node_id) continue;
        auto pk = from_hex_fixed<32>(str(n.at("publicKey")));
        Bytes msg = auth::attestation_message(a.node_id, a.claim);
        if (pk && crypto_sign_verify_detached(a.signature.data(), msg.data(), msg.size(), pk->data()) == 0 &&
            a.claim.session_address == key.address() && a.claim.request_nonce == nonce) {
          ++valid;
        }
      }
    }
  }
  const uint32_t quorum = nodes["quorum"].to_number<uint32_t>();
  check("auth quorum: attestations verify with libsodium (" + std::to_string(valid) + " >= " + std::to_string(quorum) + ")",
        cert.has_value() && valid >= quorum);

  // 4. The registration UserOp: owner signature recovered with libsecp256k1,
  //    SWA recomputed from the owner address by CREATE2.
  auto op_hash = from_hex_fixed<32>(str(details.at("userOpHash")));
  auto op_sig = from_hex_prefixed(str(details.at("userOpSignature")));
  auto ecdsa_pk = from_hex_fixed<33>(str(details.at("ecdsaPublicKey")));
  std::optional<ByteArray<33>> recovered;
  if (op_hash && op_sig) recovered = recover_compressed(eth::personal_message_digest(*op_hash), *op_sig);
  check("registration UserOp signature recovers (libsecp256k1) to the MPC ECDSA key",
        recovered && ecdsa_pk && *recovered == *ecdsa_pk);
  auto owner = eth::parse_address(str(details.at("ownerAddress")));
  check("userSWA = CREATE2(factory, owner)", owner && eth::to_checksum(chain::swa_address_for_owner(*owner).address) ==
                                                          str(auth["userSWA"]));

  // 5. The block that includes it, and the session record.
  const std::string block_no = std::to_string(details.at("blockNumber").to_number<uint64_t>());
  OKMPC_ASSIGN_OR_RETURN(auto block, call(http, "GET", "/api/oc/v1/chain/blocks/" + block_no));
  out.facts["registrationBlock"] = block;
  Result<Hash32> recomputed = fail(ErrorCode::kNotFound, "no UserOp in block");
  for (const auto& e : block["entries"].as_array()) {
    if (e.at("hash") != details.at("userOpHash") || !e.as_object().contains("userOp")) continue;
    auto op = chain::user_operation_from_json(json::serialize(e.at("userOp")));
    if (op) {
      chain::ChainConfig cc;
      recomputed = chain::user_operation_hash(*op, cc.entry_point.entry_point, cc.entry_point.chain_id,
                                              cc.entry_point.hash_mode);
    }
  }
  check("the block's UserOp re-hashes (ERC-4337 v0.7) to the userOpHash",
        recomputed && op_hash && *recomputed == *op_hash);
  OKMPC_ASSIGN_OR_RETURN(auto record,
                         call(http, "GET", "/api/oc/v1/chain/sessions/" + eth::to_checksum(key.address())));
  out.facts["sessionRecord"] = record;
  check("the chain's session record names our SWA and expiry",
        record["userSWA"] == auth["userSWA"] && record["validUntil"].to_number<uint64_t>() ==
                                                    auth["sessionExpiry"].to_number<uint64_t>());

  // 6. user-keys with a session-signed Bearer token.
  OKMPC_ASSIGN_OR_RETURN(auto keys, call(http, "GET", "/api/oc/v1/user-keys", "",
                                         "Bearer " + session_token::make(key, unix_now())));
  out.facts["userKeys"] = keys;
  auto eddsa_pk = from_hex_fixed<32>(str(keys["eddsaPublicKey"]));
  check("user-keys: ECDSA key matches, EdDSA key is a valid Ed25519 point (libsodium)",
        keys["ecdsaPublicKey"] == details.at("ecdsaPublicKey") && eddsa_pk &&
            crypto_core_ed25519_is_valid_point(eddsa_pk->data()) == 1);

  // 6b. The EdDSA key: the DWN's FROST signature (RFC 9591, Ed25519) over the
  //     registration record, verified with libsodium against the user's
  //     EdDSA key from user-keys; the record must name this registration.
  bool frost_ok = false;
  std::string frost_detail = "no registrationReceipt";
  if (details.contains("registrationReceipt") && details.at("registrationReceipt").as_object().contains("signature")) {
    const json::object& receipt = details.at("registrationReceipt").as_object();
    out.facts["frostReceipt"] = receipt;
    const std::string message = str(receipt.at("message"));
    auto signature = from_hex_fixed<64>(str(receipt.at("signature")));
    boost::system::error_code ec;
    json::value record = json::parse(message, ec);
    const bool names_registration = !ec && record.is_object() &&
                                    record.as_object().if_contains("userOpHash") != nullptr &&
                                    record.at("userOpHash") == details.at("userOpHash") &&
                                    record.at("sessionAddress") == json::value(eth::to_checksum(key.address()));
    frost_ok = signature && eddsa_pk && names_registration &&
               crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                           message.size(), eddsa_pk->data()) == 0;
    frost_detail = frost_ok ? "" : "signature or record mismatch";
  } else if (details.contains("registrationReceipt")) {
    frost_detail = json::serialize(details.at("registrationReceipt"));
  }
  check("FROST signature of the registration record by the EdDSA key verifies (libsodium)", frost_ok, frost_detail);

  // 7. A TOKEN_TRANSFER intent signed by the session key.
  auto swa = eth::parse_address(str(auth["userSWA"]));
  const eth::Address recipient = eth::create2(*swa, keccak256(as_bytes("recipient")), keccak256(ByteView{}));
  auto nonce_key = Uint256::from_uuid(client::new_uuid_v4(rng))->shift_left_64();
  chain::TransferToken transfer{kDemoToken, recipient, Uint256::from_u64(250)};
  chain::UserOperation op = chain::build_account_operation(*swa, *nonce_key, transfer, 1, 1, registered.client_swa);
  chain::ChainConfig cc;
  OKMPC_ASSIGN_OR_RETURN(Hash32 transfer_hash, chain::sign_user_operation(op, key.private_key(), cc.entry_point));
  OKMPC_ASSIGN_OR_RETURN(auto executed, call(http, "POST", "/api/oc/v1/execute", chain::user_operation_to_json(op)));
  out.facts["tokenTransfer"] = json::object{{"to", eth::to_checksum(recipient)},
                                            {"amount", 250},
                                            {"userOpHash", executed["userOpHash"]},
                                            {"blockNumber", executed["blockNumber"]}};
  check("TOKEN_TRANSFER signed by the session key was included",
        str(executed["userOpHash"]) == to_hex_prefixed(transfer_hash) && executed["included"].as_bool());

  // 8. Shut the gateway down and replay the whole chain from genesis.
  gw->stop();
  auto chain = chain::OktoChain::open_existing(data_dir / "chain");
  if (!chain) {
    check("chain re-verification", false, chain.error().describe());
  } else {
    auto replay = chain->verify_by_replay();
    check("chain re-verified by replaying every block from genesis", replay.has_value(),
          replay ? "" : replay.error().describe());
    if (replay) {
      out.facts["chain"] = json::object{{"blocks", replay->blocks},
                                        {"entries", replay->entries},
                                        {"headHash", to_hex_prefixed(replay->head_hash)},
                                        {"stateRoot", to_hex_prefixed(replay->state_root)}};
      check("recipient holds 250 tokens", chain->balance(kDemoToken, recipient) == Uint256::from_u64(250));
    }
  }
  return out;
}

}  // namespace okmpc::gateway::demo
