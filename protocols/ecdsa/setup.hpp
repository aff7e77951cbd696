// Pairwise OT setup for DKLs23 threshold ECDSA, run once per key after the
// DKG (DKLs23, ePrint 2023/765, setup phase: every pair of parties holds the
// F_RVOLE/OT setup in both directions). For every ordered pair (Alice, Bob)
// the parties run κ = 128 verified Simplest base OTs (ot/base_ot.hpp) with
// Bob as base-OT sender and Alice (choice bits Δ) as base-OT receiver; the
// result seeds the KOS extension (ot/kos.hpp) used by every later signing.
//
// Rounds (all point-to-point, one message per peer per round; each round
// carries one base-OT step for each of the two directions of the pair):
//   1 msg1 (B + PoK)   2 msg2 (A_i)   3 msg3 (ξ)   4 msg4 (ρ')   5 msg5 (openings)
// Any failed check aborts naming the peer (kProtocolAbort).
//
// The resulting EcdsaSetup is secret (seeds) and long-lived: it is stored
// next to the key share (apps: DIR/ecdsa-setup-<i>.bin) and reused by every
// signing session; signing binds fresh nonces into each extension
// (vole.hpp), which is what makes the reuse safe.
#pragma once

#include <map>
#include <memory>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/ot/base_ot.hpp"
#include "protocols/ecdsa/ot/kos.hpp"
#include "protocols/ecdsa/vole.hpp"
#include "protocols/runtime/round_party.hpp"

namespace okmpc::ecdsa {

using runtime::PartyId;

// My OT state toward one peer.
struct PairSetup {
  Secret<ot::SenderSeeds> as_alice;   // I am the vOLE sender (extension sender) toward the peer
  Secret<ot::ReceiverSeeds> as_bob;   // I am the vOLE receiver toward the peer
  // Public; equal on both sides of the pair. The gadget vector
  // gadget_vector(gadget_seed) is derived by the signing party, only for the
  // peers it signs with (sign.hpp), never at parse time.
  ByteArray<32> gadget_seed{};

  PairSetup clone() const { return {as_alice.clone(), as_bob.clone(), gadget_seed}; }
};

// One party's setup toward all other parties of the key.
struct EcdsaSetup {
  PartyId self = 0;
  Secp256k1::Point group_public_key;  // the key this setup belongs to
  std::map<PartyId, PairSetup> pairs;

  // Binary file format v1 (big-endian):
  //   "OKMPC-ES" ‖ u8 version=1 ‖ u32 self ‖ point(33) group key ‖ u32 count ‖
  //   count × (u32 peer ‖ seed(32) gadget ‖ Δ(16) ‖ 128×32 k^Δ ‖ 128×32 k^0 ‖ 128×32 k^1)
  //   ‖ SHA-256 of everything before.
  // The result holds secrets: callers wipe it (SecretBytes).
  SecretBytes serialize() const;
  // Strict: magic, version, lengths, points, peer ids distinct and != self,
  // and the checksum (kCorrupted on mismatch); kInvalidEncoding otherwise.
  static Result<EcdsaSetup> parse(ByteView bytes);
};

// The setup state machine for one party. `parties` are the parties that pair
// up (empty = the key's full party set 1..n, the normal case; a subset sets up
// only the pairs inside it, enough for signer sets inside it). Errors at
// construction: kInvalidArgument (fewer than 2 parties, ids outside 1..n or
// repeated, self not included).
class SetupParty final : public runtime::RoundParty {
 public:
  static Result<std::unique_ptr<SetupParty>> create(const dkg::KeyShare<Secp256k1>& share,
                                                    const runtime::SessionId& session,
                                                    std::vector<PartyId> parties = {});

  // The setup; valid once finished(). Moves it out (call once).
  Result<EcdsaSetup> take_setup();

 protected:
  uint16_t rounds() const override { return 5; }
  runtime::RoundSpec spec(uint16_t round) const override;
  Result<runtime::Outgoing> first_round(Rng& rng) override;
  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) override;

 private:
  SetupParty(runtime::RunConfig config, Secp256k1::Point group_key);
  Bytes sid(PartyId alice, PartyId bob) const;

  Secp256k1::Point group_key_;
  std::map<PartyId, ot::BaseOtSender> as_sender_;    // direction (alice = peer, bob = me)
  std::map<PartyId, ot::BaseOtReceiver> as_receiver_;  // direction (alice = me, bob = peer)
  std::optional<EcdsaSetup> result_;
};

}  // namespace okmpc::ecdsa
