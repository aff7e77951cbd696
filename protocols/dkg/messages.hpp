// Payloads of the DKG rounds (papers/dkg.md §"Messages") and the transcript
// that binds every proof of knowledge to one run.
//
//   round 1, broadcast (echoed):  u32 t ‖ t points C_0..C_{t-1} ‖ proof (R ‖ z)
//   round 2, point-to-point:      scalar f_i(j)
//   round 3, broadcast (only in VerificationShares::kExchange): point Y_i
//
// Decoding is strict (mpc/codec.hpp): wrong commitment count, invalid or
// identity points, non-canonical scalars and trailing bytes are errors; every
// decode error names the sending party as culprit.
#pragma once

#include <string>
#include <vector>

#include "mpc/codec.hpp"
#include "mpc/curve.hpp"
#include "mpc/schnorr_proof.hpp"
#include "mpc/transcript.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::dkg {

inline constexpr std::string_view kTranscriptDomain = "okmpc/dkg/v1";

// The transcript of dealer `dealer`'s proof of knowledge of its constant
// term (Komlo–Goldberg 2020 Fig. 1 round 1 step 2; RFC 9591 Appendix C uses
// the context string and the participant identifier): domain, session id,
// threshold, the party set 1..n, and the dealer.
template <Curve C>
Transcript pok_transcript(const runtime::SessionId& session, uint32_t t, uint32_t n, runtime::PartyId dealer) {
  Transcript tr(kTranscriptDomain, session);
  tr.append("curve", as_bytes(C::kName));
  tr.append_u64("threshold", t);
  tr.append_u64("parties", n);
  for (uint32_t id = 1; id <= n; ++id) tr.append_u64("party", id);
  tr.append_u64("dealer", dealer);
  return tr;
}

template <Curve C>
struct Round1Package {
  std::vector<typename C::Point> commitments;  // C_k = a_k·G, k = 0..t-1
  SchnorrProof<C> proof;                       // knowledge of a_0

  Bytes encode() const {
    ByteWriter w;
    w.write_points<C>(commitments);
    w.write_bytes(proof.to_bytes());
    return w.finish();
  }
  // Exactly `t` commitments, then a proof; errors name `dealer`.
  static Result<Round1Package> decode(ByteView payload, uint32_t t, runtime::PartyId dealer) {
    auto named = [dealer](Error e) {
      e.message = "round-1 package of party " + std::to_string(dealer) + ": " + e.message;
      e.culprits = {dealer};
      return tl::unexpected<Error>(std::move(e));
    };
    ByteReader r(payload, "dkg round 1");
    Round1Package p;
    auto commitments = r.read_points<C>(t, "commitments");
    if (!commitments) return named(std::move(commitments).error());
    p.commitments = std::move(*commitments);
    auto proof_bytes = r.read_bytes(SchnorrProof<C>::kBytes, "proof");
    if (!proof_bytes) return named(std::move(proof_bytes).error());
    auto proof = SchnorrProof<C>::from_bytes(*proof_bytes);
    if (!proof) return named(std::move(proof).error());
    p.proof = *proof;
    if (auto st = r.finish(); !st) return named(std::move(st).error());
    return p;
  }
};

// A single canonical scalar or point payload; errors name `sender`.
template <Curve C>
Result<typename C::Scalar> decode_share(ByteView payload, runtime::PartyId sender) {
  auto s = C::Scalar::from_bytes(payload);
  if (!s) {
    return fail(s.error().code, "share from party " + std::to_string(sender) + ": " + s.error().message, {sender});
  }
  return *s;
}

template <Curve C>
Result<typename C::Point> decode_verification_share(ByteView payload, runtime::PartyId sender) {
  auto p = C::Point::from_bytes(payload);
  if (!p) {
    return fail(p.error().code,
                "verification share of party " + std::to_string(sender) + ": " + p.error().message, {sender});
  }
  return *p;
}

}  // namespace okmpc::dkg
