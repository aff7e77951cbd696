#include "apps/dwn/dwn_network.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>
#include <utility>

#include "apps/dwn/stored_share.hpp"
#include "mpc/ed25519.hpp"
#include "mpc/hex.hpp"
#include "mpc/rng.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/simulated.hpp"
#include "protocols/ecdsa/run_simulated.hpp"
#include "protocols/frost/sign_simulated.hpp"

namespace okmpc::dwn {

namespace {

// Network configuration for one run: OS randomness for every party (never a
// 64-bit seed for real keys), no injected faults.
// A fresh identity key from the OS.
runtime::IdentityKey os_identity_key() {
  OsRng rng;
  ByteArray<32> seed = rng.bytes<32>();
  auto key = runtime::IdentityKey::from_seed(seed);
  sodium_memzero(seed.data(), seed.size());
  return key;
}

std::string new_key_id(std::string_view prefix) {
  OsRng os;
  return std::string(prefix) + "-" + to_hex(os.bytes<10>());
}

std::string node_list(const std::vector<uint32_t>& ids) {
  std::string out;
  for (uint32_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

}  // namespace

Result<std::unique_ptr<DwnNetwork>> DwnNetwork::open(const std::filesystem::path& dir, uint32_t nodes,
                                                     uint32_t threshold, uint32_t down_mask,
                                                     AuthorizationCheck check) {
  if (nodes < 1 || nodes > 255 || threshold < 1 || threshold > nodes) {
    return fail(ErrorCode::kInvalidArgument, "dwn: need 1 <= threshold <= nodes <= 255");
  }
  std::vector<ShareVault> vaults;
  for (uint32_t i = 1; i <= nodes; ++i) {
    OKMPC_ASSIGN_OR_RETURN(auto vault, ShareVault::open(dir / ("node-" + std::to_string(i)), i));
    vaults.push_back(std::move(vault));
  }
  std::vector<runtime::IdentityKey> identities;
  for (uint32_t i = 1; i <= nodes; ++i) identities.push_back(os_identity_key());
  return std::unique_ptr<DwnNetwork>(
      new DwnNetwork(std::move(vaults), std::move(identities), threshold, down_mask, std::move(check)));
}

runtime::SimConfig DwnNetwork::live_network() const {
  runtime::SimConfig net;
  OsRng os;
  net.seed = os.next_u64();
  net.party_rng = [](runtime::PartyId) -> std::unique_ptr<Rng> { return std::make_unique<OsRng>(); };
  // Each node's long-term identity key (drawn from the OS at open), never
  // one derived from the 64-bit network seed.
  net.identity_key = [this](runtime::PartyId id) {
    return id >= 1 && id <= identities_.size() ? identities_[id - 1].clone() : os_identity_key();
  };
  return net;
}

std::vector<uint32_t> DwnNetwork::down_nodes() const {
  std::vector<uint32_t> out;
  for (uint32_t i = 1; i <= nodes(); ++i) {
    if (is_down(i)) out.push_back(i);
  }
  return out;
}

Result<UserKeys> DwnNetwork::generate_user_keys(const std::string& identity) {
  if (auto down = down_nodes(); !down.empty()) {
    return fail(ErrorCode::kTimeout, "dwn: key generation needs all " + std::to_string(nodes()) +
                                         " nodes; down: " + node_list(down), down);
  }
  OsRng os;
  const uint32_t n = nodes();
  UserKeys out;

  OKMPC_ASSIGN_OR_RETURN(auto ecdsa, (dkg::run_dkg_simulated<Secp256k1>(threshold_, n, os.bytes<32>(), {},
                                                                         live_network())));
  OKMPC_ASSIGN_OR_RETURN(auto setup, ecdsa::setup_simulated(ecdsa.shares, os, live_network()));
  OKMPC_ASSIGN_OR_RETURN(auto eddsa, (dkg::run_dkg_simulated<Ed25519>(threshold_, n, os.bytes<32>(), {},
                                                                       live_network())));
  out.ecdsa_dkg = ecdsa.report;
  out.ecdsa_setup = setup.report;
  out.eddsa_dkg = eddsa.report;
  out.ecdsa_public_key = ecdsa.shares[0].group_public_key.to_bytes();
  out.eddsa_public_key = eddsa.shares[0].group_public_key.to_bytes();
  OKMPC_ASSIGN_OR_RETURN(out.owner_address,
                         eth::address_from_public_key(ecdsa.shares[0].group_public_key.to_bytes_uncompressed()));
  out.ecdsa_key_id = new_key_id("ecdsa");
  out.eddsa_key_id = new_key_id("eddsa");
  for (uint32_t i = 0; i < n; ++i) {
    SecretBytes setup_bytes = setup.setups[i].serialize();
    OKMPC_TRY(vaults_[i].put(out.ecdsa_key_id, encode_stored_share<Secp256k1>(identity, ecdsa.shares[i],
                                                                               setup_bytes.expose())));
    OKMPC_TRY(vaults_[i].put(out.eddsa_key_id, encode_stored_share<Ed25519>(identity, eddsa.shares[i], {})));
  }
  return out;
}

template <Curve C>
struct DwnNetwork::Signers {
  std::vector<dkg::KeyShare<C>> shares;
  std::vector<SecretBytes> extras;  // the stored setups (ECDSA), empty for Ed25519
  std::vector<uint32_t> ids;
  std::string owner;                // the shares' owner
};

template <Curve C>
Result<DwnNetwork::Signers<C>> DwnNetwork::collect_signers(const std::string& key_id,
                                                           const Requester* requester) const {
  Signers<C> out;
  std::vector<uint32_t> refused, unbound;
  Error refusal;
  for (uint32_t node = 1; node <= nodes() && out.shares.size() < threshold_; ++node) {
    if (is_down(node)) continue;
    OKMPC_ASSIGN_OR_RETURN(SecretBytes blob, vaults_[node - 1].get(key_id));
    OKMPC_ASSIGN_OR_RETURN(auto stored, decode_stored_share<C>(blob.expose()));
    // Each node decides on its own whether to take part. A share that was
    // never bound (the node was down at the claim) signs for nobody.
    if (stored.owner == kUnclaimedOwner || stored.owner.empty()) {
      unbound.push_back(node);
      continue;
    }
    // With a requester: exactly its identity (an empty one matches no
    // owner). Presigning: every node's owner must be the first node's.
    const bool owner_ok = requester != nullptr ? stored.owner == requester->identity
                                               : out.owner.empty() || stored.owner == out.owner;
    if (!owner_ok) {
      refused.push_back(node);
      refusal = Error(ErrorCode::kPermissionDenied, "key " + key_id + " does not belong to the requester");
      continue;
    }
    if (requester != nullptr) {
      if (auto ok = check_(requester->authorization, requester->identity, requester->session_address); !ok) {
        refused.push_back(node);
        refusal = ok.error();
        continue;
      }
    }
    out.owner = stored.owner;
    out.shares.push_back(std::move(stored.share));
    out.extras.push_back(std::move(stored.extra));
    out.ids.push_back(node);
  }
  if (!refused.empty()) {
    return fail(ErrorCode::kPermissionDenied, "dwn: node(s) " + node_list(refused) + " refused: " + refusal.message,
                refused);
  }
  if (out.shares.size() < threshold_) {
    std::vector<uint32_t> missing = down_nodes();
    missing.insert(missing.end(), unbound.begin(), unbound.end());
    return fail(ErrorCode::kTimeout, "dwn: only " + std::to_string(out.shares.size()) + " of the " +
                                         std::to_string(threshold_) + " needed signers are available; down: " +
                                         node_list(down_nodes()) + "; not yet bound: " + node_list(unbound),
                missing);
  }
  return out;
}

namespace {

Result<std::vector<ecdsa::EcdsaSetup>> parse_setups(const std::vector<SecretBytes>& extras) {
  std::vector<ecdsa::EcdsaSetup> setups;
  for (const SecretBytes& extra : extras) {
    OKMPC_ASSIGN_OR_RETURN(auto setup, ecdsa::EcdsaSetup::parse(extra.expose()));
    setups.push_back(std::move(setup));
  }
  return setups;
}

}  // namespace

Result<EcdsaSignResult> DwnNetwork::sign_ecdsa(const SignRequest& request) {
  if (auto presigned = sign_presigned(request)) return std::move(*presigned);
  {
    std::lock_guard lock(presign_mu_);
    ++presign_stats_.fallbacks;
  }
  const Requester requester{request.identity, request.session_address, request.authorization};
  OKMPC_ASSIGN_OR_RETURN(auto signers, collect_signers<Secp256k1>(request.key_id, &requester));
  OKMPC_ASSIGN_OR_RETURN(auto setups, parse_setups(signers.extras));
  OsRng os;
  OKMPC_ASSIGN_OR_RETURN(auto signed_,
                         ecdsa::sign_simulated(signers.shares, setups, request.digest, os, live_network()));
  EcdsaSignResult out;
  out.signature = signed_.signature;
  out.report = signed_.report;
  out.signers = std::move(signers.ids);
  return out;
}

std::optional<Result<EcdsaSignResult>> DwnNetwork::sign_presigned(const SignRequest& request) {
  // The signer set and run of the stocked presignature, as the first
  // holding node knows them (public: the presigning run's id and set).
  std::vector<uint32_t> set;
  Hash32 run{};
  {
    std::lock_guard lock(presign_mu_);
    for (const auto& node : held_) {
      if (auto it = node.find(request.key_id); it != node.end()) {
        set = it->second.presignature.signers();
        run = it->second.presignature.id();
        break;
      }
    }
    if (set.empty()) return std::nullopt;
  }
  for (uint32_t node : set) {
    if (is_down(node)) return std::nullopt;  // kept: usable again once the node is back
  }
  // Each node of the set checks on its own, as for a full signature: the
  // key's owner (recorded from its bound share, which never changes) and
  // the auth quorum's authorization.
  std::vector<uint32_t> refused;
  Error refusal;
  for (uint32_t node : set) {
    std::string owner;
    {
      std::lock_guard lock(presign_mu_);
      auto it = held_[node - 1].find(request.key_id);
      if (it == held_[node - 1].end() || it->second.presignature.id() != run) {
        return std::nullopt;  // this node has none of the run: sign all rounds (with the full checks)
      }
      owner = it->second.owner;
    }
    if (owner != request.identity) {
      refused.push_back(node);
      refusal = Error(ErrorCode::kPermissionDenied, "key " + request.key_id + " does not belong to the requester");
    } else if (auto ok = check_(request.authorization, request.identity, request.session_address); !ok) {
      refused.push_back(node);
      refusal = ok.error();
    }
  }
  if (!refused.empty()) {
    return fail(ErrorCode::kPermissionDenied, "dwn: node(s) " + node_list(refused) + " refused: " + refusal.message,
                refused);
  }
  // Every node takes its presignature out of its memory before the online
  // round: a presignature is used once or destroyed, never put back.
  std::vector<ecdsa::Presignature> taken;
  {
    std::lock_guard lock(presign_mu_);
    for (uint32_t node : set) {
      auto it = held_[node - 1].find(request.key_id);
      if (it == held_[node - 1].end() || it->second.presignature.id() != run) break;  // a concurrent login took it
      taken.push_back(std::move(it->second.presignature));
      held_[node - 1].erase(it);
    }
    if (taken.size() != set.size()) return std::nullopt;  // the ones taken are destroyed with `taken`
  }
  OsRng os;
  auto signed_ = ecdsa::sign_presigned_simulated(taken, request.digest, os, live_network());
  if (!signed_) return tl::unexpected(signed_.error());
  {
    std::lock_guard lock(presign_mu_);
    ++presign_stats_.used;
  }
  EcdsaSignResult out;
  out.signature = signed_->signature;
  out.report = signed_->report;
  out.signers = std::move(set);
  out.presigned = true;
  return out;
}

void DwnNetwork::want_presignature(const std::string& key_id) {
  std::lock_guard lock(presign_mu_);
  if (presign_queued_.count(key_id) > 0) return;
  for (const auto& node : held_) {
    if (node.count(key_id) > 0) return;
  }
  if (stocked_keys() + presign_queue_.size() >= kMaxPresignedKeys) return;
  presign_queue_.push_back(key_id);
  presign_queued_.insert(key_id);
}

Result<bool> DwnNetwork::presign_next() {
  std::string key_id;
  {
    std::lock_guard lock(presign_mu_);
    if (presign_queue_.empty()) return false;
    key_id = std::move(presign_queue_.front());
    presign_queue_.pop_front();
    presign_queued_.erase(key_id);
    ++presign_running_;
  }
  // Counted as pending until it is stored (or has failed).
  struct Done {
    DwnNetwork& dwn;
    ~Done() {
      std::lock_guard lock(dwn.presign_mu_);
      --dwn.presign_running_;
    }
  } done{*this};
  const auto start = std::chrono::steady_clock::now();
  OKMPC_ASSIGN_OR_RETURN(auto signers, collect_signers<Secp256k1>(key_id, nullptr));
  OKMPC_ASSIGN_OR_RETURN(auto setups, parse_setups(signers.extras));
  OsRng os;
  OKMPC_ASSIGN_OR_RETURN(auto made, ecdsa::presign_simulated(signers.shares, setups, os, live_network()));
  std::lock_guard lock(presign_mu_);
  for (size_t k = 0; k < signers.ids.size(); ++k) {
    // Replaces nothing that could still be used with this one: a node's
    // older presignature of the key (its peers' were taken) is destroyed.
    held_[signers.ids[k] - 1].insert_or_assign(key_id,
                                               HeldPresignature{signers.owner, std::move(made.presignatures[k])});
  }
  ++presign_stats_.made;
  presign_stats_.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return true;
}

PresignStats DwnNetwork::presign_stats() const {
  std::lock_guard lock(presign_mu_);
  PresignStats out = presign_stats_;
  out.pending = presign_queue_.size() + presign_running_;
  out.stocked = stocked_keys();
  return out;
}

size_t DwnNetwork::stocked_keys() const {
  size_t out = 0;
  for (const auto& node : held_) out = std::max(out, node.size());
  return out;
}

Result<EddsaSignResult> DwnNetwork::sign_eddsa(const EddsaSignRequest& request) {
  const Requester requester{request.identity, request.session_address, request.authorization};
  OKMPC_ASSIGN_OR_RETURN(auto signers, collect_signers<Ed25519>(request.key_id, &requester));
  OsRng os;
  OKMPC_ASSIGN_OR_RETURN(auto signed_, frost::sign_simulated<frost::FrostEd25519Sha512>(
                                           std::span<const dkg::KeyShare<Ed25519>>(signers.shares),
                                           request.message, os, live_network()));
  EddsaSignResult out;
  out.signature = signed_.signature.to_bytes();
  out.report = signed_.report;
  out.signers = std::move(signers.ids);
  return out;
}

template <Curve C>
Status DwnNetwork::bind_share(uint32_t node, const std::string& key_id, const std::string& identity) {
  ShareVault& vault = vaults_[node - 1];
  OKMPC_ASSIGN_OR_RETURN(SecretBytes blob, vault.get(key_id));
  OKMPC_ASSIGN_OR_RETURN(auto stored, decode_stored_share<C>(blob.expose()));
  if (stored.owner == identity) return ok();
  if (stored.owner != kUnclaimedOwner) {
    return fail(ErrorCode::kPermissionDenied, "key " + key_id + " already belongs to another identity", {node});
  }
  return vault.replace(key_id, encode_stored_share<C>(identity, stored.share, stored.extra.expose()));
}

Result<uint32_t> DwnNetwork::bind_owner(const UserKeys& keys, const std::string& identity,
                                        const eth::Address& session_address, ByteView authorization) {
  // The nodes are independent machines in the model: each checks and
  // rewrites its own shares, concurrently. Within a node the two share files
  // (each written, fsynced and renamed) are rewritten in parallel too, so a
  // first login waits for one file's fsyncs, not two in a row.
  std::vector<std::pair<uint32_t, std::future<Status>>> work;
  for (uint32_t node = 1; node <= nodes(); ++node) {
    if (is_down(node)) continue;
    work.emplace_back(node, std::async(std::launch::async, [&, node]() -> Status {
                        OKMPC_TRY(check_(authorization, identity, session_address));
                        auto eddsa = std::async(std::launch::async, [&, node] {
                          return bind_share<Ed25519>(node, keys.eddsa_key_id, identity);
                        });
                        Status ecdsa = bind_share<Secp256k1>(node, keys.ecdsa_key_id, identity);
                        Status ed = eddsa.get();
                        return ecdsa ? ed : ecdsa;
                      }));
  }
  uint32_t mask = 0;
  std::vector<uint32_t> refused;
  Error refusal;
  std::optional<Error> failure;
  for (auto& [node, result] : work) {
    Status bound = result.get();
    if (bound) {
      mask |= 1u << (node - 1);
    } else if (bound.error().code == ErrorCode::kPermissionDenied) {
      refused.push_back(node);
      refusal = bound.error();
    } else if (!failure) {
      failure = bound.error();
    }
  }
  if (failure) return tl::unexpected(*failure);
  if (!refused.empty()) {
    return fail(ErrorCode::kPermissionDenied, "dwn: node(s) " + node_list(refused) + " refused: " + refusal.message,
                refused);
  }
  if (work.size() < threshold_) {
    return fail(ErrorCode::kTimeout, "dwn: binding needs " + std::to_string(threshold_) + " live nodes; down: " +
                                         node_list(down_nodes()), down_nodes());
  }
  return mask;
}

}  // namespace okmpc::dwn
