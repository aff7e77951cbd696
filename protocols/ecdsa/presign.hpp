// DKLs23 signing split at the message (ePrint 2023/765, Protocol 3.6): the
// message enters only in round 3 (w_i = H(m)·φ_i + r_x·v_i), so rounds 1-2
// and the message-independent part of round 3 — the vOLEs and their Γ
// checks, R, r_x, u_i, v_i and the last-round evidence — run ahead of time
// as a presigning run (PresignParty, 2 rounds), and a signature needs one
// online round (OnlineSignParty: broadcast (u_i, w_i) with the evidence,
// combine, verify with libsecp256k1). Same messages, checks and culprits as
// the three-round SignParty (sign.hpp); only the contexts differ (see
// sign_core.hpp). Why this is the protocol and not a shortcut, and the rules
// for storing presignatures: papers/dkls23.md, "Presignatures".
//
// A Presignature is secret, single-use state (r_i, φ_i, v_i, sk_i, the vOLE
// outputs). Reusing one for two digests would give two equations in the
// same nonce and reveal the key, so the type enforces one use: it is
// move-only, and OnlineSignParty::create consumes it (an already consumed
// one is refused). It cannot be serialized: a presignature lives in the
// memory of the process that made it and dies with it, so a crash or a
// restart can never bring one back for a second use.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "protocols/ecdsa/sign.hpp"

namespace okmpc::ecdsa {

class Presignature {
 public:
  Presignature() = default;
  Presignature(Presignature&&) noexcept;
  Presignature& operator=(Presignature&&) noexcept;
  Presignature(const Presignature&) = delete;
  Presignature& operator=(const Presignature&) = delete;
  ~Presignature();

  // False once consumed (moved from, or given to OnlineSignParty::create).
  bool usable() const { return core_ != nullptr; }
  // The presigning run's context hash (session, group key, signer set):
  // equal at every signer of one run, distinct across runs. Public.
  // Precondition: usable().
  const Hash32& id() const;
  PartyId self() const;
  const std::vector<PartyId>& signers() const;  // sorted
  const Secp256k1::Point& group_public_key() const;

 private:
  friend class PresignParty;
  friend class OnlineSignParty;
  explicit Presignature(std::unique_ptr<detail::SignCore> core);
  std::unique_ptr<detail::SignCore> core_;
};

struct PresignRequest {
  std::vector<PartyId> signers;  // the signing set of the later signature (any order; ≥ t)
  runtime::SessionId session{};  // fresh per presigning run
};

class PresignParty final : public runtime::RoundParty {
 public:
  // Errors as SignParty::create.
  static Result<std::unique_ptr<PresignParty>> create(const dkg::KeyShare<Secp256k1>& share, const EcdsaSetup& setup,
                                                      const PresignRequest& request);
  ~PresignParty() override;

  // The presignature once finished() (taken once; nullopt before or after).
  std::optional<Presignature> take_presignature();

 protected:
  uint16_t rounds() const override { return 2; }
  runtime::RoundSpec spec(uint16_t round) const override;
  Result<runtime::Outgoing> first_round(Rng& rng) override;
  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) override;

 private:
  PresignParty(runtime::RunConfig config, std::unique_ptr<detail::SignCore> core);
  std::unique_ptr<detail::SignCore> core_;
  bool done_ = false;
};

struct OnlineSignRequest {
  Hash32 digest{};               // the 32-byte message digest to sign
  runtime::SessionId session{};  // fresh per online run
  bool echo_last_round = false;  // as SignRequest::echo_last_round
};

class OnlineSignParty final : public runtime::RoundParty {
 public:
  // Consumes `presignature` whatever the outcome: it is never usable again.
  // kInvalidArgument for one already consumed.
  static Result<std::unique_ptr<OnlineSignParty>> create(Presignature&& presignature,
                                                         const OnlineSignRequest& request);
  ~OnlineSignParty() override;

  // The verified 65-byte signature, once finished().
  const std::optional<Signature65>& signature() const { return signature_; }

 protected:
  uint16_t rounds() const override { return 1; }
  runtime::RoundSpec spec(uint16_t round) const override;
  Result<runtime::Outgoing> first_round(Rng& rng) override;
  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) override;

 private:
  OnlineSignParty(runtime::RunConfig config, OnlineSignRequest request, std::unique_ptr<detail::SignCore> core);
  OnlineSignRequest request_;
  std::unique_ptr<detail::SignCore> core_;
  std::optional<Signature65> signature_;
};

}  // namespace okmpc::ecdsa
