// simnet: a deterministic simulated network that drives N runtime::Party
// objects in one process.
//
// Model. Every pair of parties has a directed link with a latency and a
// bandwidth; a link sends one message at a time (later messages queue behind
// it). A transmission takes wire_bytes·8/bandwidth, then arrives after the
// latency plus fault-model jitter/delay. Broadcasts fan out as one
// transmission per peer. Every message is encode()d when sent and decode()d
// on delivery, so the wire format is exercised for real; links are
// authenticated: a delivered message whose `from` is not the link's sender
// aborts the run naming the sender.
//
// Determinism. Scheduling, fault decisions (network Rng) and each party's Rng
// derive from `seed`, never from the clock. Events are processed in batches
// of all deliveries within one minimal link latency of the earliest pending
// one (no message sent in a batch can arrive inside it); within a batch each
// receiver handles its deliveries in (time, sequence) order, receivers
// optionally in parallel on `threads` threads, and the outputs are sent in
// event order. So the transcript is identical for any `threads`.
//
// Time. network_ms counts the link model only (deterministic);
// simulated_ms also delays each party's sends by its measured compute time
// (thread CPU time, so other processes on the machine do not inflate it).
// The run fails with kTimeout when nothing is left to deliver (or the next
// delivery is after `timeout_ms`) while an honest live party has not
// finished. It names only the parties awaited at the earliest stage
// (Party::waiting_stage) any honest unfinished party is stuck in: those
// failed to send a message they could have sent, while honest parties in
// later stages may only be blocked by them. Corrupt parties' own claims of
// whom they wait for are not consulted.
//
// Identities. The simulation is the PKI of the run (identity.hpp): before
// starting, every party (crashed ones too) gets an Ed25519 identity key
// (SimConfig::identity_key, by default derived from `seed`: simnet_identity)
// and the directory of all public keys. Protocols sign their reliable broadcasts with it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string_view>
#include <vector>

#include "protocols/runtime/party.hpp"
#include "protocols/runtime/run_report.hpp"

namespace okmpc::runtime {

struct LinkModel {
  double latency_ms = 1.0;
  double bandwidth_mbps = 1000.0;  // megabits per second; must be > 0
};

struct FaultModel {
  double drop = 0;           // probability a transmission is lost
  double retransmit_ms = 0;  // > 0: a lost transmission is sent again after this long; 0: lost for good
  double duplicate = 0;      // probability a transmission is delivered twice
  double delay = 0;          // probability a transmission gets `delay_ms` extra
  double delay_ms = 0;
  double jitter_ms = 0;      // uniform extra latency in [0, jitter_ms): reorders messages
};

// Replaces or tampers with the messages party `from` is about to send (after
// its start/handle returned them, before encoding). Returning an empty vector
// silences the party for that step.
using ByzantineHook = std::function<std::vector<Message>(PartyId from, std::vector<Message> outgoing)>;

// Per-transmission tampering: sees each copy of a message on the link
// from -> to (a broadcast once per receiver) and returns what travels, or
// nullopt to drop it. This is how a test makes a sender equivocate: give
// different receivers different payloads for the same broadcast.
using LinkTamperHook = std::function<std::optional<Message>(PartyId from, PartyId to, Message message)>;

struct SimConfig {
  uint64_t seed = 1;
  LinkModel link;
  // When set, overrides `link` per directed link.
  std::function<LinkModel(PartyId from, PartyId to)> link_between;
  FaultModel faults;
  std::set<PartyId> crashed;  // never started, never send; messages to them vanish
  ByzantineHook byzantine;    // applied to every party's outgoing messages
  LinkTamperHook tamper_link; // applied to every transmission after `byzantine`
  // Parties under the adversary's control (the ones the hooks tamper with).
  // Their own aborts do not end the run (a cheater's view proves nothing);
  // an aborted corrupt party just gets no more deliveries. The run ends when
  // every honest live party has finished, or at the first honest abort.
  std::set<PartyId> corrupt;
  // A corrupt party's consistent broadcast of its own making (party.hpp):
  // handed to every party, which applies it to its own broadcasts before
  // signing and echoing them.
  BroadcastRewriter rewrite_broadcast;
  double timeout_ms = 60'000;
  unsigned threads = 1;       // > 1: a batch's receivers run on a thread pool
  // Each party's randomness. Default: DeterministicRng(seed).fork("party", id).
  std::function<std::unique_ptr<Rng>(PartyId)> party_rng;
  // Each party's identity key, called once per party before the run.
  // Default: simnet_identity(seed, id), derived from the 64-bit seed so runs
  // reproduce and tests can sign as a party. A deployment (the DWN) supplies
  // keys from a real source of randomness instead.
  std::function<IdentityKey(PartyId)> identity_key;
};

// One delivered message, in delivery order.
struct Delivery {
  PartyId to = 0;
  double at_ms = 0;
  Bytes wire;
};

// The identity key simulate() gives party `id` for a run with `seed`: so a
// test can sign as a corrupt party (e.g. a real equivocation).
IdentityKey simnet_identity(uint64_t seed, PartyId id);

// For drivers: the Error to return when party `holder`, which should hold
// the run's `output` (e.g. "key share"), has none after simulate() returned
// success. It names the holder when it misbehaved: kTimeout if it is in
// config.crashed, kProtocolAbort if in config.corrupt; for an honest holder
// it is kInternal naming nobody (a bug, not an attack).
Error missing_output(const SimConfig& config, PartyId holder, std::string_view output);

// Runs `parties` (distinct ids, no nulls) until every honest live party
// (neither crashed nor corrupt) is finished. Returns the report, or the first Error in event order: a
// party's abort (prefixed "party i: ", code and culprits kept), a network
// failure (bad encoding, impersonation, unknown receiver; kProtocolAbort or
// kInvalidEncoding naming the sender), or kTimeout naming the parties that
// failed to send (see Time above).
// `transcript`, when given, receives every delivery (also on failure).
Result<RunReport> simulate(std::span<Party* const> parties, const SimConfig& config,
                           std::vector<Delivery>* transcript = nullptr);

}  // namespace okmpc::runtime
