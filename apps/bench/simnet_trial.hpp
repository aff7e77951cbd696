// How a bench TrialPoint becomes a simulated network (protocols/runtime/
// simnet.hpp) and how the run's RunReport becomes a TrialMeasurement. Shared
// by every protocol adapter so all protocols are measured the same way.
#pragma once

#include <cstdint>
#include <set>
#include <string_view>

#include "apps/bench/protocol_adapter.hpp"
#include "mpc/rng.hpp"
#include "protocols/runtime/run_report.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::bench {

// Bandwidth used for "unlimited" links (the simulator needs a finite rate):
// 10^9 Mbit/s, i.e. a 1 KiB message takes 8 ps on the wire.
inline constexpr double kUnlimitedMbit = 1e9;

// The network of `point`: every link has point.latency_ms and the point's
// bandwidth; each transmission is dropped with probability point.drop and
// sent again after 2 × latency + 1 ms (as a reliable transport would), so
// drops cost time rather than aborting the run; `crashed` never send.
// Scheduling and the parties' randomness derive from `seed`.
runtime::SimConfig sim_config(const TrialPoint& point, uint64_t seed, const std::set<runtime::PartyId>& crashed);

// The `count` highest identifiers of `participants` (sorted ascending): the
// parties a trial with point.crash = count crashes.
std::set<runtime::PartyId> crashed_parties(const std::vector<runtime::PartyId>& participants, uint32_t count);

// Figures of a finished run; `active_parties` is how many parties took part
// (per-party averages divide by it). Wall time is RunReport::simulated_ms:
// the link model plus each party's measured compute time.
TrialMeasurement measurement_from(const runtime::RunReport& report, uint32_t active_parties);

// A random stream for what a trial needs besides the network (session ids,
// keys for signing benchmarks), independent of the network's streams.
DeterministicRng trial_rng(uint64_t seed, std::string_view purpose);

}  // namespace okmpc::bench
