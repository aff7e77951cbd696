// The party state machine every protocol exposes. Drivers (the simulated
// network in protocols/runtime/simnet.hpp, a service's own transport, the
// public API in include/okmpc) move messages between parties; protocol code
// never touches sockets, threads or clocks.
//
// Contract:
//  - start(rng) is called once and returns the first round's messages.
//  - handle(msg, rng) is called once per delivered message, in any order and
//    possibly with duplicates; the party buffers until a round is complete,
//    then runs the round function and returns the next messages. A message for
//    another session, protocol, or receiver, a duplicate with different
//    content, or a message from a party outside the set is rejected with an
//    Error naming its sender; a bit-identical duplicate is ignored.
//  - Once finished() is true the party has its output (protocol-specific
//    accessor) and sends nothing more. An Error returned by start/handle is
//    final: the party aborted and the Error's culprits name who cheated.
//  - waiting_for() lists the parties whose messages the current round still
//    needs, waiting_stage() says how far the party got (round and step
//    within it); a driver that times out names the parties awaited at the
//    earliest stage any honest party is stuck in (later stages may only be
//    waiting on those).
//  - bind_identity() (before start) gives the party its identity key and
//    everybody's public keys (identity.hpp); protocols with a reliable
//    broadcast need it.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "protocols/runtime/identity.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

// Rewrites a party's own broadcast payload of `round` before it is signed
// and echoed: a test seam modelling a corrupt party that broadcasts a
// message of its own making consistently (it holds its own identity key).
using BroadcastRewriter = std::function<void(PartyId from, uint16_t round, Bytes& payload)>;

class Party {
 public:
  virtual ~Party() = default;

  virtual PartyId id() const = 0;
  virtual Result<std::vector<Message>> start(Rng& rng) = 0;
  virtual Result<std::vector<Message>> handle(const Message& message, Rng& rng) = 0;
  virtual bool finished() const = 0;
  virtual std::vector<PartyId> waiting_for() const = 0;
  // Number of the round the party is in (1-based; rounds completed + 1).
  virtual uint16_t current_round() const = 0;
  // Progress for timeout attribution: larger means further. The default is
  // 4 · current_round(); parties with steps inside a round add 0..3.
  virtual uint32_t waiting_stage() const { return 4u * current_round(); }
  // Called by the driver before start(); the default ignores it.
  virtual void bind_identity(Identity identity) { (void)identity; }
  // Test seam (see BroadcastRewriter); the default ignores it.
  virtual void set_broadcast_rewriter(BroadcastRewriter rewriter) { (void)rewriter; }
};

}  // namespace okmpc::runtime
