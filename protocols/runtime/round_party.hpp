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
//  - reliable broadcast by echo (echo.hpp): when a round's broadcasts are all
//    in, the party sends one kEcho message with the digest of every broadcast
//    of that round (its own included); the round function runs only after the
//    echoes of all the round's senders agree with the party's own view, so
//    every honest party acts on the same broadcast values or aborts naming
//    the equivocator.
//  - waiting_for(): the senders of the current round whose messages (or
//    echoes) are still missing.
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
#include "protocols/runtime/party.hpp"

namespace okmpc::runtime {

// What a round needs from its senders.
struct RoundSpec {
  std::vector<PartyId> senders;  // parties whose messages the round waits for (never self)
  bool broadcast = false;        // each sender sends one broadcast message
  bool direct = false;           // each sender sends one message addressed to this party
  bool echo = false;             // the broadcast is reliable: echo exchange before the round function
                                 // (then every party of the run broadcasts in this round)
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
  enum class Kind : uint8_t { kBroadcast, kDirect, kEcho };
  struct RoundBuffer {
    std::map<PartyId, Message> broadcast, direct, echo;
    EchoTable digests;  // broadcast_digest of each broadcast (own included), for echo rounds
    bool echo_sent = false;
  };

  Result<std::vector<Message>> advance(Rng& rng);
  Status accept(const Message& message);
  Status check_echoes(uint16_t round, const RoundSpec& spec);
  std::vector<Message> stamp(uint16_t round, Outgoing out);
  Message echo_message(uint16_t round, const RoundSpec& spec);
  bool round_complete(const RoundSpec& spec, const RoundBuffer& buf) const;
  tl::unexpected<Error> abort(Error e);
  RoundBuffer& buffer(uint16_t round) { return buffers_[round]; }

  RunConfig config_;
  uint16_t round_ = 1;
  bool started_ = false;
  bool finished_ = false;
  std::optional<Error> error_;
  std::map<uint16_t, RoundBuffer> buffers_;
  std::map<uint16_t, RoundSpec> specs_;  // cache of spec(round)
  const RoundSpec& cached_spec(uint16_t round);
};

}  // namespace okmpc::runtime
