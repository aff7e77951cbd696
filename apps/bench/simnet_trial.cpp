#include "apps/bench/simnet_trial.hpp"

namespace okmpc::bench {

runtime::SimConfig sim_config(const TrialPoint& point, uint64_t seed, const std::set<runtime::PartyId>& crashed) {
  runtime::SimConfig config;
  config.seed = seed;
  config.link.latency_ms = point.latency_ms;
  config.link.bandwidth_mbps = point.bandwidth_mbit > 0 ? point.bandwidth_mbit : kUnlimitedMbit;
  config.faults.drop = point.drop;
  config.faults.retransmit_ms = 2 * point.latency_ms + 1.0;
  config.crashed = crashed;
  return config;
}

std::set<runtime::PartyId> crashed_parties(const std::vector<runtime::PartyId>& participants, uint32_t count) {
  std::set<runtime::PartyId> out;
  for (size_t i = participants.size(); i > 0 && out.size() < count; --i) out.insert(participants[i - 1]);
  return out;
}

TrialMeasurement measurement_from(const runtime::RunReport& report, uint32_t active_parties) {
  TrialMeasurement m;
  m.rounds = report.rounds;
  m.messages = report.messages;
  m.bytes_total = report.bytes;
  m.active_parties = active_parties;
  m.compute_ms_total = report.total_compute_ms;
  if (active_parties > 0) {
    m.bytes_per_party = static_cast<double>(report.bytes) / active_parties;
    m.compute_ms_per_party = report.total_compute_ms / active_parties;
  }
  m.wall_ms = report.simulated_ms;
  return m;
}

DeterministicRng trial_rng(uint64_t seed, std::string_view purpose) {
  return DeterministicRng(seed).fork(std::string("okmpc bench ") + std::string(purpose));
}

}  // namespace okmpc::bench
