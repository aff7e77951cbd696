#include "protocols/runtime/simnet.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <optional>
#include <queue>
#include <string>

#include "mpc/hash.hpp"
#include "protocols/runtime/parallel.hpp"

namespace okmpc::runtime {
namespace {

struct Event {
  double at = 0;          // network clock (link model only)
  uint64_t seq = 0;       // tie-break: order of sending
  double compute_at = 0;  // clock that also counts senders' compute time
  PartyId from = 0;       // the link's sender
  PartyId to = 0;
  Bytes wire;
};

struct Later {
  bool operator()(const Event& a, const Event& b) const {
    return a.at != b.at ? a.at > b.at : a.seq > b.seq;
  }
};

// The outcome of one start/handle call.
struct Step {
  std::vector<Message> out;
  double compute_ms = 0;
  double cpu_ms = 0;
  std::optional<Error> error;
};

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double unit(Rng& rng) { return static_cast<double>(rng.next_u64() >> 11) * 0x1.0p-53; }

std::string join(const std::vector<PartyId>& ids) {
  std::string s;
  for (PartyId p : ids) s += (s.empty() ? "" : ", ") + std::to_string(p);
  return s;
}

Error prefixed(PartyId who, Error e) {
  e.message = "party " + std::to_string(who) + ": " + e.message;
  return e;
}

class Sim {
 public:
  Sim(std::span<Party* const> parties, const SimConfig& cfg, std::vector<Delivery>* transcript)
      : cfg_(cfg), transcript_(transcript), net_rng_(DeterministicRng(cfg.seed).fork("network")) {
    for (Party* p : parties) parties_.emplace(p->id(), p);
    for (const auto& [id, p] : parties_) {
      (void)p;
      rngs_.emplace(id, cfg.party_rng ? cfg.party_rng(id)
                                      : std::make_unique<DeterministicRng>(DeterministicRng(cfg.seed).fork("party", id)));
      compute_clock_[id] = 0;
      report_.compute_ms[id] = 0;
      report_.cpu_ms[id] = 0;
      report_.bytes_sent[id] = 0;
    }
    lookahead_ = cfg.link.latency_ms;
    if (cfg.link_between) {
      lookahead_ = 1e300;
      for (const auto& [a, pa] : parties_) {
        for (const auto& [b, pb] : parties_) {
          if (a != b) lookahead_ = std::min(lookahead_, cfg.link_between(a, b).latency_ms);
        }
      }
    }
    lookahead_ = std::max(lookahead_, 0.0);
  }

  Result<RunReport> run() {
    if (parties_.empty()) return fail(ErrorCode::kInvalidArgument, "simulate: no parties");
    std::vector<PartyId> live, honest;
    for (const auto& [id, p] : parties_) {
      if (cfg_.crashed.count(id)) continue;
      live.push_back(id);
      if (!cfg_.corrupt.count(id)) honest.push_back(id);
    }
    bind_identities();
    // Start every live party (one batch at time 0).
    std::vector<Step> starts(live.size());
    parallel_for(live.size(), cfg_.threads, [&](size_t i) {
      starts[i] = timed(live[i], [&](Party& p, Rng& rng) { return p.start(rng); });
    });
    for (size_t i = 0; i < live.size(); ++i) {
      OKMPC_TRY(after_step(live[i], std::move(starts[i]), 0, 0));
    }
    while (!all_finished(honest)) {
      if (queue_.empty() || queue_.top().at > cfg_.timeout_ms) return timeout(honest);
      OKMPC_TRY(run_batch());
    }
    finish_report();
    return report_;
  }

 private:
  void bind_identities() {
    std::map<PartyId, IdentityKey> keys;
    for (const auto& [id, p] : parties_) {
      keys.emplace(id, cfg_.identity_key ? cfg_.identity_key(id) : simnet_identity(cfg_.seed, id));
    }
    auto directory = std::make_shared<IdentityDirectory>();
    for (const auto& [id, key] : keys) directory->emplace(id, key.public_key());
    for (const auto& [id, p] : parties_) {
      p->bind_identity(Identity{std::move(keys.at(id)), directory});
      if (cfg_.rewrite_broadcast) p->set_broadcast_rewriter(cfg_.rewrite_broadcast);
    }
  }

  template <class F>
  Step timed(PartyId id, F&& f) {
    Step s;
    const double c0 = thread_cpu_ms();
    const auto t0 = std::chrono::steady_clock::now();
    auto r = f(*parties_.at(id), *rngs_.at(id));
    const auto t1 = std::chrono::steady_clock::now();
    s.cpu_ms = thread_cpu_ms() - c0;
    s.compute_ms = std::chrono::duration<double, std::milli>(t1 - t0).count();
    if (r) {
      s.out = std::move(*r);
    } else {
      s.error = prefixed(id, std::move(r).error());
    }
    return s;
  }

  bool all_finished(const std::vector<PartyId>& live) const {
    return std::all_of(live.begin(), live.end(), [&](PartyId id) { return parties_.at(id)->finished(); });
  }

  // Accounts a step's compute time, sends its messages, notes finishing.
  Status after_step(PartyId id, Step step, double now, double compute_at) {
    report_.compute_ms[id] += step.compute_ms;
    report_.total_compute_ms += step.compute_ms;
    report_.cpu_ms[id] += step.cpu_ms;
    report_.total_cpu_ms += step.cpu_ms;
    double& clock = compute_clock_[id];
    clock = std::max(clock, compute_at) + step.cpu_ms;  // CPU time: not inflated by other processes
    if (step.error) {
      if (!cfg_.corrupt.count(id)) return tl::unexpected<Error>(std::move(*step.error));
      aborted_.insert(id);
      return ok();
    }
    if (!finish_time_.count(id) && parties_.at(id)->finished()) finish_time_[id] = {now, clock};
    std::vector<Message> out = std::move(step.out);
    if (cfg_.byzantine) out = cfg_.byzantine(id, std::move(out));
    for (const Message& m : out) OKMPC_TRY(send(id, m, now, clock));
    return ok();
  }

  Status send(PartyId from, const Message& m, double now, double compute_now) {
    rounds_.emplace(static_cast<uint16_t>(m.protocol), m.round);
    if (!m.is_broadcast() && (!parties_.count(m.to) || m.to == from)) {
      return fail(ErrorCode::kProtocolAbort,
                  "party " + std::to_string(from) + " addressed a message to unknown party " + std::to_string(m.to),
                  {from});
    }
    const Bytes wire = m.encode();
    for (const auto& [to, p] : parties_) {
      (void)p;
      if (to == from || (!m.is_broadcast() && to != m.to)) continue;
      if (!cfg_.tamper_link) {
        transmit(from, to, wire, now, compute_now);
        continue;
      }
      std::optional<Message> copy = cfg_.tamper_link(from, to, m);
      if (copy) transmit(from, to, copy->encode(), now, compute_now);
    }
    return ok();
  }

  void count(PartyId from, size_t bytes) {
    report_.messages += 1;
    report_.bytes += bytes;
    report_.bytes_sent[from] += bytes;
  }

  void transmit(PartyId from, PartyId to, Bytes wire, double now, double compute_now) {
    const FaultModel& f = cfg_.faults;
    double t = now;
    count(from, wire.size());
    while (f.drop > 0 && unit(net_rng_) < f.drop) {
      report_.dropped += 1;
      if (f.retransmit_ms <= 0 || t + f.retransmit_ms > cfg_.timeout_ms) return;
      t += f.retransmit_ms;
      count(from, wire.size());
    }
    const LinkModel link = cfg_.link_between ? cfg_.link_between(from, to) : cfg_.link;
    double& free_at = link_free_[{from, to}];
    const double depart = std::max(t, free_at);
    const double tx = static_cast<double>(wire.size()) * 8.0 / (link.bandwidth_mbps * 1000.0);
    free_at = depart + tx;
    double arrive = depart + tx + link.latency_ms;
    if (f.jitter_ms > 0) arrive += unit(net_rng_) * f.jitter_ms;
    if (f.delay > 0 && unit(net_rng_) < f.delay) arrive += f.delay_ms;
    const double compute_arrive = compute_now + (arrive - now);
    if (f.duplicate > 0 && unit(net_rng_) < f.duplicate) {
      count(from, wire.size());
      const double extra = f.jitter_ms > 0 ? unit(net_rng_) * f.jitter_ms : 0;
      queue_.push(Event{arrive + extra, seq_++, compute_arrive + extra, from, to, wire});
    }
    queue_.push(Event{arrive, seq_++, compute_arrive, from, to, std::move(wire)});
  }

  Status run_batch() {
    const double start = queue_.top().at;
    std::vector<Event> batch;
    while (!queue_.empty() &&
           (queue_.top().at == start || (lookahead_ > 0 && queue_.top().at < start + lookahead_)) &&
           queue_.top().at <= cfg_.timeout_ms) {
      batch.push_back(queue_.top());
      queue_.pop();
    }
    // Group by receiver, keeping event order within each.
    std::map<PartyId, std::vector<size_t>> by_receiver;
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!cfg_.crashed.count(batch[i].to) && !aborted_.count(batch[i].to)) by_receiver[batch[i].to].push_back(i);
    }
    std::vector<std::vector<size_t>*> groups;
    for (auto& [to, idx] : by_receiver) groups.push_back(&idx);
    std::vector<std::optional<Step>> steps(batch.size());
    parallel_for(groups.size(), cfg_.threads, [&](size_t g) {
      for (size_t i : *groups[g]) {
        steps[i] = deliver(batch[i]);
        if (steps[i]->error) break;  // the receiver aborted: it handles nothing more
      }
    });
    for (size_t i = 0; i < batch.size(); ++i) {
      if (!steps[i] || aborted_.count(batch[i].to)) continue;
      record(batch[i]);
      OKMPC_TRY(after_step(batch[i].to, std::move(*steps[i]), batch[i].at, batch[i].compute_at));
    }
    return ok();
  }

  Step deliver(const Event& e) {
    auto decoded = Message::decode(e.wire);
    if (!decoded) {
      Step s;
      s.error = prefixed(e.to, Error(ErrorCode::kInvalidEncoding,
                                     "undecodable message from party " + std::to_string(e.from) + ": " +
                                         decoded.error().message,
                                     {e.from}));
      return s;
    }
    if (decoded->from != e.from) {
      Step s;
      s.error = prefixed(e.to, Error(ErrorCode::kProtocolAbort,
                                     "party " + std::to_string(e.from) + " sent a message claiming to be from party " +
                                         std::to_string(decoded->from),
                                     {e.from}));
      return s;
    }
    return timed(e.to, [&](Party& p, Rng& rng) { return p.handle(*decoded, rng); });
  }

  void record(const Event& e) {
    Bytes head;
    append_u32_be(head, e.to);
    append_u32_be(head, static_cast<uint32_t>(e.wire.size()));
    digest_.update(head);
    digest_.update(e.wire);
    if (transcript_) transcript_->push_back(Delivery{e.to, e.at, e.wire});
  }

  // Names the parties awaited at the earliest stage an honest unfinished
  // party is stuck in (simnet.hpp, Time).
  tl::unexpected<Error> timeout(const std::vector<PartyId>& honest) {
    std::optional<uint32_t> earliest;
    for (PartyId id : honest) {
      const Party& p = *parties_.at(id);
      if (p.finished() || p.waiting_for().empty()) continue;
      if (!earliest || p.waiting_stage() < *earliest) earliest = p.waiting_stage();
    }
    std::set<PartyId> awaited;
    std::string detail;
    for (PartyId id : honest) {
      const Party& p = *parties_.at(id);
      if (p.finished()) continue;
      auto w = p.waiting_for();
      if (earliest && !w.empty() && p.waiting_stage() == *earliest) awaited.insert(w.begin(), w.end());
      detail += "; party " + std::to_string(id) + " in round " + std::to_string(p.current_round()) +
                " waits for " + (w.empty() ? std::string("nobody") : join(w));
    }
    std::vector<PartyId> culprits(awaited.begin(), awaited.end());
    return fail(ErrorCode::kTimeout,
                "timed out after " + std::to_string(static_cast<long long>(cfg_.timeout_ms)) +
                    " simulated ms waiting for parties " + join(culprits) + detail,
                culprits);
  }

  void finish_report() {
    report_.rounds = static_cast<uint32_t>(rounds_.size());
    for (const auto& [id, t] : finish_time_) {
      report_.network_ms = std::max(report_.network_ms, t.first);
      report_.simulated_ms = std::max(report_.simulated_ms, t.second);
    }
    report_.transcript_digest = digest_.finish();
  }

  const SimConfig& cfg_;
  std::vector<Delivery>* transcript_;
  DeterministicRng net_rng_;
  std::map<PartyId, Party*> parties_;
  std::map<PartyId, std::unique_ptr<Rng>> rngs_;
  std::map<PartyId, double> compute_clock_;
  std::map<PartyId, std::pair<double, double>> finish_time_;
  std::map<std::pair<PartyId, PartyId>, double> link_free_;
  std::set<std::pair<uint16_t, uint16_t>> rounds_;
  std::set<PartyId> aborted_;  // corrupt parties that aborted
  std::priority_queue<Event, std::vector<Event>, Later> queue_;
  uint64_t seq_ = 0;
  double lookahead_ = 0;
  Sha256 digest_;  // of every delivery: (to, length, wire)
  RunReport report_;
};

}  // namespace

IdentityKey simnet_identity(uint64_t seed, PartyId id) {
  return IdentityKey::from_seed(DeterministicRng(seed).fork("identity", id).bytes<32>());
}

Error missing_output(const SimConfig& config, PartyId holder, std::string_view output) {
  const std::string who = "party " + std::to_string(holder);
  if (config.crashed.count(holder)) {
    return Error(ErrorCode::kTimeout, who + " crashed and never produced its " + std::string(output), {holder});
  }
  if (config.corrupt.count(holder)) {
    return Error(ErrorCode::kProtocolAbort, who + " misbehaved and withheld its " + std::string(output), {holder});
  }
  return Error(ErrorCode::kInternal, who + " finished without its " + std::string(output));
}

Result<RunReport> simulate(std::span<Party* const> parties, const SimConfig& config,
                           std::vector<Delivery>* transcript) {
  std::set<PartyId> ids;
  for (Party* p : parties) {
    if (p == nullptr) return fail(ErrorCode::kInvalidArgument, "simulate: null party");
    if (!ids.insert(p->id()).second) {
      return fail(ErrorCode::kInvalidArgument, "simulate: party id " + std::to_string(p->id()) + " given twice");
    }
  }
  if (config.link.bandwidth_mbps <= 0) return fail(ErrorCode::kInvalidArgument, "simulate: bandwidth must be > 0");
  Sim sim(parties, config, transcript);
  return sim.run();
}

}  // namespace okmpc::runtime
