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
//    needs; a driver that times out names them.
#pragma once

#include <vector>

#include "mpc/error.hpp"
#include "mpc/rng.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

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
};

}  // namespace okmpc::runtime
