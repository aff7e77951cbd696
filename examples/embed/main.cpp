// A service embedding okmpc: three parties in one process talk through an
// in-memory queue (a stand-in for the service's own network), generate a
// 2-of-3 Ed25519 key and a 2-of-3 secp256k1 key, sign with parties 1 and 3,
// and check the signatures with libsodium and libsecp256k1 directly.
#include <okmpc/okmpc.hpp>
#include <secp256k1.h>
#include <sodium.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace api = okmpc::api;

[[noreturn]] void die(const std::string& what, const api::Error& e) {
  std::fprintf(stderr, "%s: %s\n", what.c_str(), e.message.c_str());
  std::exit(1);
}

// The service's transport: a FIFO of (receiver, bytes). A broadcast (to == 0)
// goes to every other party of the run.
void run(const std::string& what, const std::vector<api::Party*>& parties) {
  std::map<uint32_t, api::Party*> by_id;
  for (auto* p : parties) by_id[p->id()] = p;
  std::deque<std::pair<uint32_t, std::vector<uint8_t>>> queue;
  auto post = [&](uint32_t from, const std::vector<api::OutgoingMessage>& out) {
    for (const auto& m : out) {
      for (const auto& [id, p] : by_id) {
        if (id != from && (m.to == 0 || m.to == id)) queue.emplace_back(id, m.bytes);
      }
    }
  };
  for (auto* p : parties) {
    auto out = p->start();
    if (!out) die(what, out.error());
    post(p->id(), *out);
  }
  while (!queue.empty()) {
    auto [to, bytes] = std::move(queue.front());
    queue.pop_front();
    auto step = by_id.at(to)->handle(bytes);
    if (!step) die(what, step.error());
    post(to, step->messages);
  }
  for (auto* p : parties) {
    if (!p->finished()) die(what, {api::ErrorCode::kTimeout, "unfinished party", p->waiting_for()});
  }
}

template <class T>
T get(const std::string& what, api::Result<T> r) {
  if (!r) die(what, r.error());
  return std::move(*r);
}

std::vector<api::KeyShare> keygen(api::Curve curve) {
  const api::SessionId session = api::random_session_id();
  std::vector<api::KeygenParty> parties;
  for (uint32_t i = 1; i <= 3; ++i) parties.push_back(get("keygen", api::KeygenParty::create(curve, 2, 3, i, session)));
  run("keygen", {&parties[0], &parties[1], &parties[2]});
  std::vector<api::KeyShare> shares;
  for (auto& p : parties) shares.push_back(get("keygen", p.take_key_share()));
  return shares;
}

int main() {
  // FROST(Ed25519): parties 1 and 3 sign, party 1 coordinates.
  auto ed = keygen(api::Curve::kEd25519);
  const std::string text = "hello from an embedded service";
  const std::span<const uint8_t> msg(reinterpret_cast<const uint8_t*>(text.data()), text.size());
  api::SessionId session = api::random_session_id();
  auto f1 = get("frost", api::FrostSigner::create(ed[0], msg, {1, 3}, 1, session));
  auto f3 = get("frost", api::FrostSigner::create(ed[2], msg, {1, 3}, 1, session));
  run("frost", {&f1, &f3});
  const auto sig = get("frost", f1.signature());
  const auto pk = ed[0].group_public_key();
  if (sodium_init() < 0 || crypto_sign_verify_detached(sig.data(), msg.data(), msg.size(), pk.data()) != 0) return 1;
  std::printf("FROST Ed25519 signature verified by libsodium\n");

  // Threshold ECDSA: keygen, the one-time setup among all three, a sealed
  // share round trip (storage at rest), then parties 1 and 3 sign a digest.
  auto setups = keygen(api::Curve::kSecp256k1);
  session = api::random_session_id();
  std::vector<api::EcdsaSetupParty> setup_parties;
  for (auto& s : setups) setup_parties.push_back(get("setup", api::EcdsaSetupParty::create(std::move(s), session)));
  run("setup", {&setup_parties[0], &setup_parties[1], &setup_parties[2]});
  std::array<uint8_t, 32> vault_key{};
  randombytes_buf(vault_key.data(), vault_key.size());
  std::vector<api::KeyShare> ec;
  for (auto& p : setup_parties) {
    const auto sealed = get("setup", p.take_key_share()).seal(vault_key);
    ec.push_back(get("open", api::KeyShare::open(sealed, vault_key)));
  }
  std::array<uint8_t, 32> digest{};
  crypto_hash_sha256(digest.data(), msg.data(), msg.size());
  session = api::random_session_id();
  auto e1 = get("ecdsa", api::EcdsaSigner::create(ec[0], digest, {1, 3}, session));
  auto e3 = get("ecdsa", api::EcdsaSigner::create(ec[2], digest, {1, 3}, session));
  run("ecdsa", {&e1, &e3});
  const auto esig = get("ecdsa", e1.signature());
  const auto epk = ec[0].group_public_key();
  secp256k1_pubkey key;
  secp256k1_ecdsa_signature s;
  const secp256k1_context* ctx = secp256k1_context_static;
  if (!secp256k1_ec_pubkey_parse(ctx, &key, epk.data(), epk.size()) ||
      !secp256k1_ecdsa_signature_parse_compact(ctx, &s, esig.data()) ||
      !secp256k1_ecdsa_verify(ctx, &s, digest.data(), &key)) {
    return 1;
  }
  std::printf("threshold ECDSA signature verified by libsecp256k1\n");
  return 0;
}
