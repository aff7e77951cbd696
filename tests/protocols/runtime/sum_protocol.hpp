// A small protocol for testing the runtime: every party broadcasts a random
// 64-bit value (reliable broadcast, echo), then sends each peer j the product
// value·j point-to-point; each party checks the products against the
// broadcasts (naming a sender whose product is wrong) and outputs the sum of
// all values. Three communication rounds: broadcast, echo, direct.
#pragma once

#include <optional>
#include <string>

#include "protocols/runtime/round_party.hpp"
#include "protocols/runtime/simnet.hpp"

namespace okmpc::runtime::testing {

inline uint64_t read_u64(ByteView b) {
  uint64_t v = 0;
  for (uint8_t x : b) v = v << 8 | x;
  return v;
}

inline Bytes u64_bytes(uint64_t v) {
  Bytes b;
  append_u64_be(b, v);
  return b;
}

class SumParty final : public RoundParty {
 public:
  explicit SumParty(RunConfig config) : RoundParty(std::move(config)) {}

  uint64_t value() const { return value_; }
  std::optional<uint64_t> sum() const { return sum_; }

 protected:
  uint16_t rounds() const override { return 2; }
  RoundSpec spec(uint16_t round) const override {
    RoundSpec s;
    s.senders = others();
    s.broadcast = round == 1;
    s.echo = round == 1;
    s.direct = round == 2;
    return s;
  }
  Result<Outgoing> first_round(Rng& rng) override {
    value_ = rng.next_u64();
    Outgoing out;
    out.broadcast = u64_bytes(value_);
    return out;
  }
  Result<Outgoing> complete_round(uint16_t round, Inbox inbox, Rng&) override {
    if (round == 1) {
      values_[id()] = value_;
      for (const auto& [from, m] : inbox.broadcast) {
        if (m.payload.size() != 8) return fail(ErrorCode::kInvalidEncoding, "bad value length", {from});
        values_[from] = read_u64(m.payload);
      }
      Outgoing out;
      for (PartyId p : others()) out.direct.emplace_back(p, u64_bytes(value_ * p));
      return out;
    }
    for (const auto& [from, m] : inbox.direct) {
      if (m.payload.size() != 8 || read_u64(m.payload) != values_.at(from) * id()) {
        return fail(ErrorCode::kVerificationFailed, "party " + std::to_string(from) + " sent a wrong product",
                    {from});
      }
    }
    uint64_t s = 0;
    for (const auto& [p, v] : values_) s += v;
    sum_ = s;
    return Outgoing{};
  }

 private:
  uint64_t value_ = 0;
  std::map<PartyId, uint64_t> values_;
  std::optional<uint64_t> sum_;
};

inline RunConfig sum_config(PartyId self, uint32_t n, uint8_t session_tag = 7) {
  RunConfig c;
  c.self = self;
  for (PartyId p = 1; p <= n; ++p) c.parties.push_back(p);
  c.session.fill(session_tag);
  c.protocol = ProtocolId::kTest;
  return c;
}

// The identity simulate() would give `party` in a run with `seed` among
// parties 1..n: for tests that drive a party by hand.
inline void bind_sim_identity(Party& party, uint32_t n, uint64_t seed = 1) {
  auto directory = std::make_shared<IdentityDirectory>();
  for (PartyId p = 1; p <= n; ++p) directory->emplace(p, simnet_identity(seed, p).public_key());
  party.bind_identity(Identity{simnet_identity(seed, party.id()), directory});
}

}  // namespace okmpc::runtime::testing
