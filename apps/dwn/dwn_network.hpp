// The decentralized wallet network (DWN): n nodes, each holding one share of
// every user key in its own encrypted vault (share_vault.hpp), running the
// protocols on the simulated network (protocols/runtime/simnet.hpp):
//  - generate_user_keys: DKG for secp256k1 and Ed25519 (protocols/dkg,
//    FROST KeyGen) among all n nodes, then the DKLs23 pairwise OT setup for
//    the ECDSA key (protocols/ecdsa/setup.hpp); each node stores its share
//    (and its setup) bound to the owner identity.
//  - sign_ecdsa: t live nodes each load their share, check that the key
//    belongs to the requesting identity and that the request carries a valid
//    auth-quorum authorization (each node checks on its own), then run
//    DKLs23 signing (protocols/ecdsa/sign.hpp). The signature is verified by
//    the protocol before release.
//  - bind_owner: the nodes re-bind the shares of a pooled key set
//    (key_pool.hpp), generated with owner kUnclaimedOwner, to the identity
//    that claimed it — each node only after checking the auth quorum
//    certificate for that identity itself.
//  - presign_next / sign_ecdsa: DKLs23 presignatures (protocols/ecdsa/
//    presign.hpp) for keys that signed before, made in idle moments by the
//    background worker (key_pool_refiller.hpp) and kept in each node's
//    memory only. sign_ecdsa uses one when every node of its signer set
//    still holds it (one online round), else signs all three rounds online.
//  - sign_eddsa: FROST (RFC 9591, Ed25519-SHA512) by t live nodes with the
//    same per-node checks as sign_ecdsa.
// Nodes can be marked down (fault injection): keygen needs all n nodes,
// signing and binding any t of them. A node whose share is still unclaimed
// (it was down when the set was bound) does not sign for anyone.
#pragma once

#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "apps/dwn/share_vault.hpp"
#include "mpc/curve.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "mpc/hash.hpp"
#include "protocols/ecdsa/presign.hpp"
#include "protocols/runtime/identity.hpp"
#include "protocols/runtime/run_report.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::dwn {

// Owner recorded in the shares of a pooled, not yet claimed key set. No
// gateway identity has this form ("provider:hex").
inline constexpr std::string_view kUnclaimedOwner = "dwn-pool-unclaimed";

struct UserKeys {
  std::string ecdsa_key_id;
  std::string eddsa_key_id;
  ByteArray<33> ecdsa_public_key{};  // compressed secp256k1
  ByteArray<32> eddsa_public_key{};  // Ed25519
  eth::Address owner_address{};      // Ethereum address of the ECDSA key
  runtime::RunReport ecdsa_dkg;
  runtime::RunReport ecdsa_setup;
  runtime::RunReport eddsa_dkg;
};

// What a signing node is asked to do and on whose authority.
struct SignRequest {
  std::string key_id;
  Hash32 digest{};
  std::string identity;         // who asks (must own the key)
  eth::Address session_address{};  // the session being registered
  Bytes authorization;          // the auth network's quorum certificate (encoded)
};

// What a signing node is asked to sign with the EdDSA key (FROST).
struct EddsaSignRequest {
  std::string key_id;
  Bytes message;
  std::string identity;
  eth::Address session_address{};
  Bytes authorization;
};

struct EddsaSignResult {
  ByteArray<64> signature{};  // RFC 8032 R ‖ S, verified by the coordinator
  std::vector<uint32_t> signers;
  runtime::RunReport report;
};

// Checks an authorization for (identity, session address); run by every
// signing node independently. ok or an Error saying why not.
using AuthorizationCheck =
    std::function<Status(ByteView authorization, const std::string& identity, const eth::Address& session_address)>;

struct EcdsaSignResult {
  ByteArray<65> signature{};  // r ‖ s ‖ v, low s, v in {27, 28}
  std::vector<uint32_t> signers;
  runtime::RunReport report;  // the online rounds only when presigned
  bool presigned = false;     // one online round with a presignature made earlier
};

struct PresignStats {
  uint64_t made = 0;          // presigning runs finished by this process
  uint64_t used = 0;          // signatures that used one
  uint64_t fallbacks = 0;     // signatures that found none and ran all rounds online
  size_t pending = 0;         // keys waiting for one (queued or being made)
  size_t stocked = 0;         // keys holding one (at node 1 of their signer set)
  double seconds = 0;         // wall time spent presigning
};

class DwnNetwork {
 public:
  // Opens node vaults DIR/node-<i> for i = 1..n. `down_mask` bit i-1 marks
  // node i as down. Errors: kInvalidArgument for t/n out of range, vault errors.
  static Result<std::unique_ptr<DwnNetwork>> open(const std::filesystem::path& dir, uint32_t nodes,
                                                  uint32_t threshold, uint32_t down_mask, AuthorizationCheck check);

  // Runs both DKGs (and the ECDSA setup) for a new key pair owned by
  // `identity` and stores every node's shares. kTimeout naming the down
  // nodes if not all n are up; protocol aborts name the culprit nodes.
  Result<UserKeys> generate_user_keys(const std::string& identity);

  // Signs request.digest with the ECDSA key; kTimeout naming the down nodes
  // if fewer than t are up, kPermissionDenied if a node refuses the
  // authorization (naming it), kNotFound for an unknown key.
  Result<EcdsaSignResult> sign_ecdsa(const SignRequest& request);

  // Asks for a presignature of key_id to be made in the next idle moment
  // (no-op when one is held or queued, or the stock is at its limit).
  void want_presignature(const std::string& key_id);
  // Makes one queued presignature on the calling thread: false when the
  // queue is empty. A key that cannot presign now (nodes down, unbound)
  // is dropped from the queue with the error.
  Result<bool> presign_next();
  PresignStats presign_stats() const;
  // Presignatures kept at most (keys); beyond it want_presignature is a no-op.
  static constexpr size_t kMaxPresignedKeys = 4096;

  // FROST signature of request.message with the Ed25519 key; errors as sign_ecdsa.
  Result<EddsaSignResult> sign_eddsa(const EddsaSignRequest& request);

  // Every live node checks `authorization` for (identity, session_address)
  // and re-binds its shares of `keys` (both key ids) from kUnclaimedOwner to
  // `identity` (already bound to identity: nothing to do). Returns the mask
  // of nodes that hold the keys bound to identity (bit i-1 = node i).
  // kPermissionDenied naming the nodes that refused (bad authorization, or a
  // share owned by someone else); kTimeout if fewer than t nodes are up.
  // Nodes that are down keep the unclaimed owner.
  Result<uint32_t> bind_owner(const UserKeys& keys, const std::string& identity, const eth::Address& session_address,
                              ByteView authorization);

  uint32_t nodes() const { return static_cast<uint32_t>(vaults_.size()); }
  uint32_t threshold() const { return threshold_; }
  // True iff node (1..n) is down in this process.
  bool is_down(uint32_t node) const { return (down_mask_ >> (node - 1)) & 1u; }

 private:
  DwnNetwork(std::vector<ShareVault> vaults, std::vector<runtime::IdentityKey> identities, uint32_t threshold,
             uint32_t down_mask, AuthorizationCheck check)
      : vaults_(std::move(vaults)),
        identities_(std::move(identities)),
        threshold_(threshold),
        down_mask_(down_mask),
        check_(std::move(check)),
        held_(vaults_.size()) {}
  // The network of one protocol run: OS randomness for every party and the
  // nodes' identity keys for the signed echo broadcast.
  runtime::SimConfig live_network() const;
  std::vector<uint32_t> down_nodes() const;
  // Who asks for a signature, and on whose authority.
  struct Requester {
    const std::string& identity;
    const eth::Address& session_address;
    ByteView authorization;
  };
  // The first t live nodes willing to sign with key_id for the requester,
  // with their decoded shares (sign_ecdsa / sign_eddsa). Without a
  // requester (presigning: no message, nothing is released) every node with
  // a bound share takes part; the owner is reported in Signers::owner.
  template <Curve C>
  struct Signers;
  template <Curve C>
  Result<Signers<C>> collect_signers(const std::string& key_id, const Requester* requester) const;
  template <Curve C>
  Status bind_share(uint32_t node, const std::string& key_id, const std::string& identity);
  // The presigned path of sign_ecdsa: every node of the stocked signer set
  // takes its presignature (each after its own checks) and they run the
  // online round. nullopt when the set cannot use one (then nothing is
  // left behind: a presignature taken by some nodes only is destroyed).
  std::optional<Result<EcdsaSignResult>> sign_presigned(const SignRequest& request);
  // Keys holding a presignature at some node (the fullest node's count).
  // Caller holds presign_mu_.
  size_t stocked_keys() const;

  // One node's presignature of a key, in that node's memory only.
  struct HeldPresignature {
    std::string owner;          // the bound share's owner at presigning (never changes once bound)
    ecdsa::Presignature presignature;
  };

  std::vector<ShareVault> vaults_;  // [i-1] = node i
  std::vector<runtime::IdentityKey> identities_;  // [i-1] = node i's identity key (from the OS, per process)
  uint32_t threshold_;
  uint32_t down_mask_;
  AuthorizationCheck check_;

  mutable std::mutex presign_mu_;
  std::vector<std::map<std::string, HeldPresignature>> held_;  // [i-1] = node i's presignatures by key id
  std::deque<std::string> presign_queue_;
  std::set<std::string> presign_queued_;
  size_t presign_running_ = 0;  // taken from the queue, not yet stored
  PresignStats presign_stats_;
};

}  // namespace okmpc::dwn
