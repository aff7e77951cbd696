// The state and the steps of one DKLs23 signing run (sign.hpp), shared by
// the three-round SignParty and the split PresignParty / OnlineSignParty
// (presign.hpp). Internal to protocols/ecdsa: the RoundParty wrappers decide
// which step runs in which round; the core holds the secrets.
//
// Two context hashes: `context` prefixes the round-1 and round-2 messages
// and binds the pair session ids, the R_i commitments and the last-round
// proof; `final_context` prefixes the round-3 broadcast. For the
// three-round SignParty both are the one context of sign.cpp (session,
// group key, digest, signer set). A presignature's `context` has no digest
// (it is not known yet); its final context is H(context ‖ digest), so a
// signer that signs another digest with the same presignature is named.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <vector>

#include "mpc/hash.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/last_round.hpp"
#include "protocols/ecdsa/setup.hpp"
#include "protocols/ecdsa/signature.hpp"
#include "protocols/ecdsa/vole.hpp"
#include "protocols/runtime/round_party.hpp"

namespace okmpc::ecdsa::detail {

using runtime::PartyId;
using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

// The signer set as the context hashes absorb it: count, then each id
// (u32 big-endian).
Bytes signer_set_bytes(std::span<const PartyId> signers);

// Sorts `signers` and checks them against the share and the setup:
// kInvalidArgument (culprits = the offending id) for a set smaller than t,
// an unknown or repeated signer, a set without the share's party, a setup of
// another key or party.
Result<std::vector<PartyId>> checked_signers(const dkg::KeyShare<Secp256k1>& share, const EcdsaSetup& setup,
                                             std::vector<PartyId> signers);

class SignCore {
 public:
  // `signers` as returned by checked_signers. kInvalidArgument (culprit j)
  // when the setup has no pair with signer j.
  static Result<std::unique_ptr<SignCore>> create(const dkg::KeyShare<Secp256k1>& share, const EcdsaSetup& setup,
                                                  std::vector<PartyId> signers, const Hash32& context);

  // Round 1: r_i, φ_i, the commitment to R_i, the vOLE receiver messages.
  Result<runtime::Outgoing> round1(Rng& rng);
  // Round 2: the vOLE sender answers, R_i opened, Γ^u, Γ^v, ψ.
  Result<runtime::Outgoing> round2(runtime::Inbox& inbox, Rng& rng);
  // Round 3 up to the message: opens the commitments, finishes the vOLEs,
  // runs the Γ checks (naming a cheating peer), sets R, r_x, u_i, v_i and
  // the last-round evidence (Φ_i, A_i, B_i, proof, pair values).
  Status prepare(runtime::Inbox& inbox, Rng& rng);
  // The round-3 broadcast for `digest`: w_i = H(m)·φ_i + r_x·v_i with the
  // evidence, prefixed by `final_context`. φ_i and v_i are erased: a core
  // signs one digest, once (kInternal on a second call).
  Result<Bytes> last_round(const Hash32& digest, const Hash32& final_context);
  // Combines everybody's (u, w), verifies the signature with libsecp256k1
  // and returns it; on failure names the signers whose shares are wrong.
  Result<Signature65> finish(runtime::Inbox& inbox);

  PartyId self() const { return self_; }
  const std::vector<PartyId>& signers() const { return signers_; }
  const Hash32& context() const { return context_; }
  const Point& group_key() const { return group_key_; }
  std::vector<PartyId> others() const;

 private:
  struct Peer {
    PairSetup setup;
    std::vector<Scalar> gadget;     // gadget_vector(setup.gadget_seed), derived at create()
    Scalar lambda;                  // λ_j (public)
    Point X;                        // X_j, the DKG verification share; pk_j = λ_j·X_j
    std::optional<VoleBob> bob;     // my receiver state toward the peer (round 1 -> 3)
    Secret<Scalar> chi;             // χ_{i,j}: my random vOLE input toward the peer
    Hash32 commitment{};            // the peer's commitment to R_j
    VoleShares c;                   // my sender outputs toward the peer (c^u, c^v)
    // Public values of the pair, kept for the last-round evidence and checks.
    Scalar psi_out, psi_in;         // ψ_{i,j} sent, ψ_{j,i} received
    Point gamma_u_out, gamma_v_out; // Γ_{i,j} = c·G sent
    Point gamma_u_in, gamma_v_in;   // Γ_{j,i} received
    Point d_u, d_v;                 // d_{i,j}·G (my vOLE receiver outputs)
    Point R;                        // R_j (opened in round 2)
  };

  SignCore(PartyId self, std::vector<PartyId> signers, const Point& group_key, const Hash32& context)
      : self_(self), signers_(std::move(signers)), group_key_(group_key), context_(context) {}
  Bytes pair_sid(PartyId alice, PartyId bob) const;
  Hash32 commit(PartyId who, const Point& R, ByteView salt) const;
  Status check_context(PartyId from, ByteView payload, const Hash32& expected) const;
  // On a failed final check: one error per signer whose last-round share is
  // wrong (public checks, then the pair checks only this party can run),
  // each naming that signer.
  std::vector<Error> wrong_shares(const std::map<PartyId, LastRoundShare>& shares) const;
  Status check_pair_evidence(PartyId m, const Peer& peer, const LastRoundShare& share) const;

  PartyId self_;
  std::vector<PartyId> signers_;  // sorted
  Point group_key_;
  Hash32 context_{};
  Hash32 final_context_{};
  Hash32 digest_{};
  std::map<PartyId, Peer> peers_;
  Secret<Scalar> sk_;   // λ_i·x_i
  Point pk_i_;          // sk_i·G = λ_i·X_i (round 1)
  Point Phi_i_;         // Φ_i = φ_i·G (round 1, published in round 3)
  Secret<Scalar> r_;    // instance key r_i
  Secret<Scalar> phi_;  // inversion mask φ_i (until last_round)
  Secret<Scalar> v_;    // v_i = sk_i·φ'_i + Σ(c^v + d^v) (prepare -> last_round)
  bool prepared_ = false;
  bool used_ = false;   // last_round ran
  Point R_i_;
  ByteArray<32> salt_{};
  Point R_;             // Σ R_j (after prepare)
  Scalar h_, rx_;       // H(m) (last_round), r_x (prepare)
  Scalar u_;            // my u_i (prepare)
  Scalar u_sum_, w_sum_;
  LastRoundShare share_;  // my round-3 evidence (prepare), w filled by last_round
};

}  // namespace okmpc::ecdsa::detail
