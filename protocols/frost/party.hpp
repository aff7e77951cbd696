// FROST signing as runtime::Party state machines (RFC 9591 §5): the signers
// of one request, one of them also acting as the coordinator (§5, "the
// Coordinator ... may itself be a participant"). Three message rounds, wire
// format in wire.hpp:
//   1. every signer: round1::commit, sends its commitments to the coordinator;
//   2. coordinator: builds the SigningPackage (sorted commitment list +
//      message), broadcasts it; every signer checks it is the request it
//      agreed to (message, signer set, its own commitments) and answers with
//      round2::sign;
//   3. coordinator: aggregate (checks the final signature, on failure every
//      share, naming bad signers) and keeps the Signature; R comes from its
//      own round two (GroupCommitment), not a second multi-scalar product.
// Aborts: an invalid/identity commitment or share → the sender is named; a
// package for another message or signer set, or with substituted commitments
// → the coordinator is named (kProtocolAbort).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocols/frost/aggregate.hpp"
#include "protocols/frost/round1.hpp"
#include "protocols/frost/round2.hpp"
#include "protocols/frost/wire.hpp"
#include "protocols/runtime/round_party.hpp"

namespace okmpc::frost {

// What every signer agreed to sign, and with whom. Known to each signer
// before the run (from the caller, not from the coordinator).
struct SigningRequest {
  Bytes message;
  std::vector<PartyId> signers;  // sorted, unique, >= threshold, includes every party of the run
  PartyId coordinator = 0;       // one of `signers`
};

template <Ciphersuite S>
class FrostParty final : public runtime::RoundParty {
 public:
  static constexpr uint16_t kVersion = 1;

  // Checks the request against the key (signers sorted, unique, in 1..n, at
  // least t of them, including this signer and the coordinator) and returns
  // a party ready to start; kInvalidArgument otherwise.
  static Result<std::unique_ptr<FrostParty>> create(KeyShareOf<S> key, SigningRequest request,
                                                    const runtime::SessionId& session) {
    const auto& ids = request.signers;
    if (ids.size() < key.threshold) {
      return fail(ErrorCode::kInvalidArgument, "signing needs at least " + std::to_string(key.threshold) +
                                                   " signers, got " + std::to_string(ids.size()));
    }
    for (size_t k = 0; k < ids.size(); ++k) {
      if (ids[k] == 0 || ids[k] > key.parties || (k > 0 && ids[k - 1] >= ids[k])) {
        return fail(ErrorCode::kInvalidArgument,
                    "signer list must be sorted, unique identifiers in 1.." + std::to_string(key.parties), {ids[k]});
      }
    }
    const auto has = [&](PartyId p) { return std::binary_search(ids.begin(), ids.end(), p); };
    if (!has(key.index)) {
      return fail(ErrorCode::kInvalidArgument, "signer " + std::to_string(key.index) + " is not in the signer list");
    }
    if (!has(request.coordinator)) {
      return fail(ErrorCode::kInvalidArgument, "the coordinator must be one of the signers");
    }
    runtime::RunConfig config{key.index, ids, session, runtime::ProtocolId::kFrost, kVersion};
    return std::unique_ptr<FrostParty>(new FrostParty(std::move(config), std::move(key), std::move(request)));
  }

  bool is_coordinator() const { return id() == request_.coordinator; }
  // The verified signature, on the coordinator once finished().
  const std::optional<Signature<S>>& signature() const { return signature_; }

 protected:
  uint16_t rounds() const override { return 3; }

  runtime::RoundSpec spec(uint16_t round) const override {
    runtime::RoundSpec s;
    if (is_coordinator()) {
      if (round == 1 || round == 3) {
        s.senders = others();
        s.direct = true;
      }
    } else if (round == 2) {
      s.senders = {request_.coordinator};
      s.broadcast = true;
    }
    return s;
  }

  Result<runtime::Outgoing> first_round(Rng& rng) override {
    auto out = round1::commit<S>(key_, rng);
    own_commitments_ = out.commitments;
    nonces_.emplace(std::move(out.nonces));
    runtime::Outgoing msgs;
    if (!is_coordinator()) {
      const auto bytes = out.commitments.to_bytes();
      msgs.direct.emplace_back(request_.coordinator, Bytes(bytes.begin(), bytes.end()));
    }
    return msgs;
  }

  Result<runtime::Outgoing> complete_round(uint16_t round, runtime::Inbox inbox, Rng&) override {
    if (is_coordinator()) {
      if (round == 1) return coordinator_package(inbox);
      if (round == 3) return coordinator_aggregate(inbox);
      return runtime::Outgoing{};
    }
    if (round == 2) return signer_share(inbox);
    return runtime::Outgoing{};
  }

 private:
  FrostParty(runtime::RunConfig config, KeyShareOf<S> key, SigningRequest request)
      : RoundParty(std::move(config)), key_(std::move(key)), request_(std::move(request)) {}

  // Round 1 done at the coordinator: collect commitments, broadcast the
  // package, make its own share.
  Result<runtime::Outgoing> coordinator_package(const runtime::Inbox& inbox) {
    package_.message = request_.message;
    for (PartyId id : request_.signers) {
      if (id == key_.index) {
        package_.commitments.push_back(own_commitments_);
        continue;
      }
      OKMPC_ASSIGN_OR_RETURN(auto c, SigningCommitments<S>::from_bytes(id, inbox.direct.at(id).payload));
      package_.commitments.push_back(c);
    }
    OKMPC_ASSIGN_OR_RETURN(auto own, round2::sign_keep_commitment<S>(package_, std::move(*nonces_), key_));
    shares_.push_back(own.share);
    own_commitment_.emplace(std::move(own.commitment));
    runtime::Outgoing out;
    out.broadcast = encode_signing_package<S>(package_);
    return out;
  }

  // Round 2 at a signer: check the package against the request, then sign.
  Result<runtime::Outgoing> signer_share(const runtime::Inbox& inbox) {
    const PartyId c = request_.coordinator;
    auto blame = [c](const Error& e) {
      return fail(ErrorCode::kProtocolAbort, "coordinator " + std::to_string(c) + ": " + e.message, {c});
    };
    auto package = decode_signing_package<S>(inbox.broadcast.at(c).payload);
    if (!package) return blame(package.error());
    if (auto st = check_package_matches<S>(*package, request_.message, request_.signers); !st) {
      return blame(st.error());
    }
    auto share = round2::sign<S>(*package, std::move(*nonces_), key_);
    if (!share) return blame(share.error());
    const auto bytes = share->to_bytes();
    runtime::Outgoing out;
    out.direct.emplace_back(c, Bytes(bytes.begin(), bytes.end()));
    return out;
  }

  // Round 3 at the coordinator: decode and aggregate (aggregate names every
  // signer whose share fails).
  Result<runtime::Outgoing> coordinator_aggregate(const runtime::Inbox& inbox) {
    for (const auto& [from, message] : inbox.direct) {
      OKMPC_ASSIGN_OR_RETURN(auto share, SignatureShare<S>::from_bytes(from, message.payload));
      shares_.push_back(share);
    }
    OKMPC_ASSIGN_OR_RETURN(auto sig, aggregate<S>(package_, shares_, PublicKeyPackage<S>::from_key_share(key_),
                                                  *own_commitment_));
    signature_ = sig;
    return runtime::Outgoing{};
  }

  KeyShareOf<S> key_;
  SigningRequest request_;
  SigningCommitments<S> own_commitments_;
  std::optional<SigningNonces<S>> nonces_;
  SigningPackage<S> package_;                // coordinator only
  std::vector<SignatureShare<S>> shares_;    // coordinator only
  std::optional<GroupCommitment<S>> own_commitment_;  // coordinator only: R from its own round two
  std::optional<Signature<S>> signature_;    // coordinator only
};

}  // namespace okmpc::frost
