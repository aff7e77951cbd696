// RoundParty: the reusable base that turns a protocol's round functions into
// a runtime::Party (party.hpp). A protocol subclass describes each round
// (who sends, broadcast and/or point-to-point, whether the broadcast is made
// reliable by an echo exchange) and implements two round functions; the base
// does the message bookkeeping every protocol needs:
//
//  - header checks on every delivered message: protocol, version, session,
//    receiver, sender in the round's sender set, a message kind the round
//    expects, a round the protocol has. Each failure is a typed Error naming
//    the sender (wrong session: kReplay; anything else: kProtocolAbort).
//  - buffering per (round, kind, sender); messages for later rounds wait;
//    a bit-identical duplicate is ignored, a conflicting one aborts naming the
//    sender.
//  - reliable broadcast with identifiable abort (echo.hpp): a reliable
//    round's broadcast is signed with the party's identity key; when all of
//    the round's broadcasts are in, the party sends one kEcho message with
//    the digest of its whole view; the round function runs only after every
//    echo equals the party's own digest. On a mismatch (or when a peer sends
//    evidence) the party verifies the signatures it received, sends its view
//    as kEchoEvidence, and judges everybody's evidence, naming only parties
//    that provably lied or equivocated. A party that finished or moved on
//    still answers evidence requests for its earlier rounds.
//  - waiting_for() / waiting_stage(): the senders whose messages, echoes or
//    evidence the current round still needs, and which of those steps it is.
//  - an Error from a round function or a check is final: later calls return
//    the same Error.
//
// Protocol code never builds message headers itself: round functions return
// an Outgoing (one optional broadcast payload and point-to-point payloads) and
// the base stamps protocol, version, session, round, sender and receiver.
#pragma once

#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "mpc/hash.hpp"
#include "protocols/runtime/echo.hpp"
#include "protocols/runtime/identity.hpp"
#include "protocols/runtime/party.hpp"

namespace okmpc::runtime {

// What a round needs from its senders.
struct RoundSpec {
  std::vector<PartyId> senders;  // parties whose messages the round waits for (never self)
  bool broadcast = false;        // each sender sends one broadcast message
  bool direct = false;           // each sender sends one message addressed to this party
  bool echo = false;             // the broadcast is reliable: signed (when the party has an identity,
                                 // see echo.hpp), echo exchange before the round function (then every
                                 // party of the run broadcasts in this round)
};

// The messages of one completed round, one per sender, keyed by sender.
struct Inbox {
  std::map<PartyId, Message> broadcast;
  std::map<PartyId, Message> direct;
};

// A round function's messages, without headers.
struct Outgoing {
  std::optional<Bytes> broadcast;
  std::vector<std::pair<PartyId, Bytes>> direct;  // (receiver, payload)
};

// Identity of a protocol run, shared by all its parties.
struct RunConfig {
  PartyId self = 0;
  std::vector<PartyId> parties;  // all participants, self included; distinct, nonzero
  SessionId session{};
  ProtocolId protocol = ProtocolId::kTest;
  uint16_t version = 1;
};

class RoundParty : public Party {
 public:
  PartyId id() const final { return config_.self; }
  // Runs round 1 (first_round); if a round needs no messages (e.g. a single
  // party) the following rounds run immediately too.
  Result<std::vector<Message>> start(Rng& rng) final;
  // Checks, buffers, and runs every round that becomes complete.
  Result<std::vector<Message>> handle(const Message& message, Rng& rng) final;
  bool finished() const final { return finished_; }
  std::vector<PartyId> waiting_for() const final;
  uint16_t current_round() const final { return round_; }
  uint32_t waiting_stage() const final;
  void bind_identity(Identity identity) final { identity_ = std::move(identity); }
  void set_broadcast_rewriter(BroadcastRewriter rewriter) final { rewriter_ = std::move(rewriter); }

  const RunConfig& run_config() const { return config_; }
  // The Error the party aborted with, if any.
  const std::optional<Error>& abort_error() const { return error_; }

 protected:
  // `config.parties` must contain `config.self`; it is sorted here.
  explicit RoundParty(RunConfig config);

  // Number of rounds the protocol has (>= 1).
  virtual uint16_t rounds() const = 0;
  // The spec of `round` (1..rounds()); must not change during the run.
  virtual RoundSpec spec(uint16_t round) const = 0;
  // Round 1's messages.
  virtual Result<Outgoing> first_round(Rng& rng) = 0;
  // Called once when `round` is complete (and its echoes agree); returns the
  // messages of round + 1. After the last round the returned Outgoing must be
  // empty and the party is finished (the subclass keeps its output).
  virtual Result<Outgoing> complete_round(uint16_t round, Inbox inbox, Rng& rng) = 0;

  // All parties except self, sorted: the usual sender set.
  std::vector<PartyId> others() const;

 private:
  enum class Kind : uint8_t { kBroadcast, kDirect, kEcho, kEvidence };
  // Steps of a round, in order (waiting_stage adds them to 4 · round).
  enum class Step : uint8_t { kMessages = 0, kEchoes = 1, kEvidence = 2 };
  struct RoundBuffer {
    std::map<PartyId, Message> broadcast, direct, echo, evidence;
    std::optional<SignedBroadcast> own;   // own signed broadcast (reliable rounds)
    std::optional<Hash32> own_payload_digest;  // payload_digest(own->payload), hashed once when signing
    std::map<PartyId, Hash32> echo_digests;  // decoded echoes, once all are in
    std::optional<Hash32> own_digest;     // echo_digest of the view, once the echo is sent
    bool mismatch = false;                // an echo differed from own_digest
    bool evidence_wanted = false;         // mismatch, or a peer sent evidence
    bool evidence_sent = false;
  };

  Result<std::vector<Message>> advance(Rng& rng);
  Status accept(const Message& message);
  // Compares the round's echoes with the own digest (once); sets mismatch.
  Status check_echoes(uint16_t round);
  // Sends evidence for every reliable round that wants it and has its view.
  Status answer_evidence(std::vector<Message>& out);
  std::vector<Message> stamp(uint16_t round, Outgoing out);
  Message runtime_message(ProtocolId protocol, uint16_t version, uint16_t round, Bytes payload) const;
  EchoContext echo_context(uint16_t round) const;
  BroadcastView view(const RoundBuffer& buf) const;
  // echo_digest of the view, hashing each received payload once and reusing
  // the own payload's digest from signing; no payload is copied.
  Hash32 view_digest(uint16_t round, const RoundBuffer& buf) const;
  bool broadcasts_in(const RoundSpec& spec, const RoundBuffer& buf) const;
  bool round_complete(const RoundSpec& spec, const RoundBuffer& buf) const;
  Step step(const RoundSpec& spec, const RoundBuffer& buf) const;
  tl::unexpected<Error> abort(Error e);
  RoundBuffer& buffer(uint16_t round) { return buffers_[round]; }

  RunConfig config_;
  uint16_t round_ = 1;
  bool started_ = false;
  bool finished_ = false;
  std::optional<Error> error_;
  std::optional<Identity> identity_;
  BroadcastRewriter rewriter_;
  std::map<uint16_t, RoundBuffer> buffers_;
  std::map<uint16_t, RoundSpec> specs_;  // cache of spec(round)
  const RoundSpec& cached_spec(uint16_t round);
};

}  // namespace okmpc::runtime
