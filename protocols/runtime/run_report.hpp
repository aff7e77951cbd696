// RunReport: what one protocol run cost, as counted by a driver (the
// simulated network fills it; the CLI and the benchmarks print it).
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include "mpc/hash.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::runtime {

struct RunReport {
  // Communication rounds: distinct (protocol, round) pairs among the messages
  // sent, so an echo exchange counts as a round of its own.
  uint32_t rounds = 0;
  // Point-to-point transmissions: a broadcast to k peers counts k times;
  // fault-injected duplicates and retransmissions count too.
  uint64_t messages = 0;
  uint64_t bytes = 0;                          // wire bytes of those transmissions
  std::map<PartyId, uint64_t> bytes_sent;      // per sender
  std::map<PartyId, double> compute_ms;        // per party, steady_clock around start/handle
  double total_compute_ms = 0;                 // sum over parties
  // The same calls measured in thread CPU time: unlike compute_ms not
  // inflated when other processes share the cores.
  std::map<PartyId, double> cpu_ms;
  double total_cpu_ms = 0;
  // Completion time under the link model with zero compute time
  // (deterministic for a seed).
  double network_ms = 0;
  // Completion time under the link model, each party's measured compute
  // (thread CPU) time delaying its own sends: the estimated wall time of a
  // deployment with one machine per party.
  double simulated_ms = 0;
  uint64_t dropped = 0;  // transmissions lost to fault injection
  // SHA-256 over the delivered messages in delivery order (receiver id, wire
  // bytes, length-prefixed): equal digests mean identical transcripts.
  Hash32 transcript_digest{};

  // "rounds=3 messages=24 bytes=5120 compute=1.23ms cpu=1.20ms network=3.00ms wall=4.10ms"
  std::string summary() const;
};

}  // namespace okmpc::runtime
