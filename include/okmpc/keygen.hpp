// Distributed key generation: Pedersen/Feldman DKG with proofs of knowledge
// (Komlo–Goldberg, FROST, SAC 2020, Fig. 1; RFC 9591 Appendix C). No party
// ever holds the whole key. Two or three message rounds; round 1 is a
// reliable (echoed) broadcast, round 2 point-to-point.
#pragma once

#include <cstdint>

#include "okmpc/key_share.hpp"
#include "okmpc/party.hpp"

namespace okmpc::api {

class OKMPC_API KeygenParty final : public Party {
 public:
  // Party `self` of parties 1..`parties`, any `threshold` of whom can later
  // sign. Rejects with kInvalidArgument unless 1 <= threshold <= parties <=
  // 255 and 1 <= self <= parties.
  static Result<KeygenParty> create(Curve curve, uint32_t threshold, uint32_t parties, uint32_t self,
                                    const SessionId& session);

  // The key share once finished(); kInvalidArgument before that or when it
  // was already taken (it is moved out, not copied).
  Result<KeyShare> take_key_share();

 private:
  using Party::Party;
};

}  // namespace okmpc::api
