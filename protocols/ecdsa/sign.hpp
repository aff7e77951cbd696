// Three-round threshold ECDSA signing after Doerner, Kondi, Lee, shelat,
// "Threshold ECDSA in Three Rounds" (DKLs23, IEEE S&P 2024, ePrint 2023/765),
// Protocol 3.6 (π_ECDSA, signing) with F_RVOLE realised by vole.hpp.
// Step-by-step mapping and deviations: papers/dkls23.md.
//
// Signing set P (|P| ≥ t, from the DKG's Shamir shares); party i converts its
// share to an additive one sk_i = λ_i·x_i (Lagrange coefficient over P) and
// uses pk_j = λ_j·X_j computed from the DKG verification shares X_j.
//   Round 1  i samples r_i, φ_i; R_i = r_i·G; sends each j a commitment to R_i
//            and, as vOLE receiver ("Bob") with random input χ_{i,j}, its
//            OT-extension message.
//   Round 2  i answers each j as vOLE sender ("Alice") with inputs (r_i, sk_i),
//            getting c^u_{i,j}, c^v_{i,j}; sends R_i and the commitment
//            opening, Γ^u = c^u·G, Γ^v = c^v·G and ψ_{i,j} = φ_i − χ_{i,j}
//            (points in messages are uncompressed: cheaper to check on receipt).
//   Round 3  i opens each j's commitment, finishes the vOLE (d^u_{i,j},
//            d^v_{i,j}), checks d^u·G + Γ^u_{j,i} = χ_{i,j}·R_j and
//            d^v·G + Γ^v_{j,i} = χ_{i,j}·pk_j (DKLs23 Prot. 3.6 round 3
//            consistency checks), sets R = Σ R_j, r = R.x mod n and
//            broadcasts u_i = r_i(φ_i + Σψ_{j,i}) + Σ(c^u + d^u),
//            w_i = H(m)·φ_i + r·(sk_i(φ_i + Σψ_{j,i}) + Σ(c^v + d^v)).
//   Output   s = Σw / Σu; the signature is released only after
//            libsecp256k1 verification and recovery (signature.hpp).
//
// Every message carries the signing context hash (session, group key,
// digest, signer set); a party whose context differs — a swapped digest or
// signer set — is named and the run aborts. Every failed pairwise check names
// the peer. The round-3 broadcast also carries public evidence for (u_i, w_i)
// (last_round.hpp, okmpc's addition: DKLs23 has no identifiable abort): when
// the combined signature does not verify, every signer checks every other
// signer's share and names those whose share is wrong. The evidence is only
// checked on that failure path. Mapping: papers/dkls23.md.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "mpc/hash.hpp"
#include "mpc/secp256k1.hpp"
#include "mpc/secret.hpp"
#include "protocols/dkg/key_share.hpp"
#include "protocols/ecdsa/setup.hpp"
#include "protocols/ecdsa/last_round.hpp"
#include "protocols/ecdsa/signature.hpp"
#include "protocols/ecdsa/vole.hpp"
#include "protocols/runtime/round_party.hpp"

namespace okmpc::ecdsa::detail {
class SignCore;
}  // namespace okmpc::ecdsa::detail

namespace okmpc::ecdsa {

struct SignRequest {
  Hash32 digest{};               // the 32-byte message digest to sign
  std::vector<PartyId> signers;  // the signing set (any order; distinct; ≥ t)
  runtime::SessionId session{};  // fresh per signing run
  // false (the paper): round 3 is a plain broadcast, 3 rounds. true: round 3
  // goes through the runtime's echo exchange (one more round), so a signer
  // that sends different u/w to different parties is named.
  bool echo_last_round = false;
};

class SignParty final : public runtime::RoundParty {
 public:
  // Validates the request against the key share and the setup:
  // kInvalidArgument (culprits = the offending id) for a signer set smaller
  // than t, an unknown or repeated signer, a set without this party, a setup
  // of another key or party, or a setup missing a pair for a signer.
  // Copies what it needs (the share is cloned), so the arguments may go.
  static Result<std::unique_ptr<SignParty>> create(const dkg::KeyShare<Secp256k1>& share,
                                                   const EcdsaSetup& setup, const SignRequest& request);

  // The verified 65-byte signature, once finished().
  const std::optional<Signature65>& signature() const { return signature_; }
  ~SignParty() override;

 protected:
  uint16_t rounds() const override { return 3; }
  runtime::RoundSpec spec(uint16_t round) const override;
  Result<runtime::Outgoing> first_round(Rng& rng) override;
  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) override;

 private:
  SignParty(runtime::RunConfig config, SignRequest request, std::unique_ptr<detail::SignCore> core);

  SignRequest request_;
  std::unique_ptr<detail::SignCore> core_;
  std::optional<Signature65> signature_;
};

}  // namespace okmpc::ecdsa
