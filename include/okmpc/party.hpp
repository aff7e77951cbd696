// Party: the state machine every okmpc protocol exposes to a service, which
// moves the bytes with its own transport (sockets, queues, an HTTP relay...).
//
//   start()          once; returns the first messages to send.
//   handle(bytes)    once per message received from another party of the run,
//                    in any order; returns the messages to send next and
//                    whether the party has finished. Messages for later
//                    rounds are buffered; a bit-identical duplicate is ignored.
//   finished()       true once the protocol output is available (see the
//                    concrete class: KeygenParty, FrostSigner, ...).
//   waiting_for()    the parties whose messages the current round still
//                    needs: the ones to blame when the service times out.
//
// Routing: an OutgoingMessage with `to == 0` is a broadcast; deliver it to
// every OTHER party of the run. Otherwise deliver it to party `to` only.
// Messages are authenticated by nothing but the transport: a service must use
// authenticated channels between parties (okmpc detects inconsistent and
// malicious contents, not spoofed senders).
//
// Errors are final: once start() or handle() returned an Error, the party has
// aborted and every later call returns the same Error. An Error from handle()
// names the misbehaving parties in Error::culprits:
//   kInvalidEncoding  the bytes are not an okmpc message (culprits empty);
//   kReplay           a message of another session (culprits: its sender);
//   kProtocolAbort / kVerificationFailed / kInvalidPoint / kInvalidScalar:
//                     a party sent something invalid (culprits: who);
//   kInvalidArgument  handle() before start(), or start() twice.
// Secret-dependent work (shares, nonces, OT seeds) runs in constant time;
// parsing and checks of received, public data run in variable time.
// Not thread-safe: drive one Party from one thread at a time. A moved-from
// Party must not be used.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "okmpc/export.hpp"
#include "okmpc/status.hpp"

namespace okmpc::api {

// Binds every message to one protocol run. All parties of a run must use the
// same value and it must be fresh (random) per run: the service agrees on it
// before starting the parties.
using SessionId = std::array<uint8_t, 32>;

struct OutgoingMessage {
  uint32_t to = 0;             // receiver identifier, or 0 = broadcast to every other party
  std::vector<uint8_t> bytes;  // the versioned wire message (opaque to the service)
};

struct Step {
  std::vector<OutgoingMessage> messages;  // to send now (possibly none)
  bool finished = false;                  // the output is available
};

struct PartyCore;  // internal

class OKMPC_API Party {
 public:
  Party(Party&&) noexcept;
  Party& operator=(Party&&) noexcept;
  Party(const Party&) = delete;
  Party& operator=(const Party&) = delete;
  ~Party();

  uint32_t id() const;
  Result<std::vector<OutgoingMessage>> start();
  Result<Step> handle(std::span<const uint8_t> message);
  bool finished() const;
  std::vector<uint32_t> waiting_for() const;

  // Internal: parties are made by the concrete classes' create().
  explicit Party(std::unique_ptr<PartyCore> core);

 protected:
  std::unique_ptr<PartyCore> core_;
};

// Fills a SessionId from the OS CSPRNG (libsodium randombytes_buf).
OKMPC_API SessionId random_session_id();

}  // namespace okmpc::api
