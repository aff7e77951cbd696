// A test driver for okmpc::api::Party state machines: one FIFO queue, every
// broadcast delivered to every other party of the run, every direct message
// to its receiver. A tamper hook may rewrite or drop messages in flight.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <vector>

#include "okmpc/party.hpp"

namespace okmpc::api::testing {

struct Envelope {
  uint32_t from = 0;
  uint32_t to = 0;
  std::vector<uint8_t> bytes;
};

class InMemoryNetwork {
 public:
  // Returns false to drop the envelope; may modify it.
  using Tamper = std::function<bool(Envelope&)>;

  explicit InMemoryNetwork(std::vector<Party*> parties, Tamper tamper = nullptr) : tamper_(std::move(tamper)) {
    for (Party* p : parties) parties_[p->id()] = p;
  }

  // Starts every party, then delivers until the queue is empty. Stops at the
  // first Error any party returns (that party's id in *failed_party).
  Status run(uint32_t* failed_party = nullptr) {
    for (auto& [id, party] : parties_) {
      auto out = party->start();
      if (!out) return fail(id, out.error(), failed_party);
      post(id, *out);
    }
    while (!queue_.empty()) {
      Envelope e = std::move(queue_.front());
      queue_.pop_front();
      ++delivered_;
      if (tamper_ && !tamper_(e)) continue;
      auto step = parties_.at(e.to)->handle(e.bytes);
      if (!step) return fail(e.to, step.error(), failed_party);
      post(e.to, step->messages);
    }
    return {};
  }

  size_t delivered() const { return delivered_; }

 private:
  static Status fail(uint32_t id, const Error& error, uint32_t* failed_party) {
    if (failed_party != nullptr) *failed_party = id;
    return error;
  }

  void post(uint32_t from, const std::vector<OutgoingMessage>& messages) {
    for (const auto& m : messages) {
      for (const auto& [id, party] : parties_) {
        if (id == from || (m.to != 0 && m.to != id)) continue;
        queue_.push_back(Envelope{from, id, m.bytes});
      }
    }
  }

  std::map<uint32_t, Party*> parties_;
  std::deque<Envelope> queue_;
  Tamper tamper_;
  size_t delivered_ = 0;
};

}  // namespace okmpc::api::testing
