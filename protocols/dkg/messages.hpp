// Payloads of the DKG rounds (papers/dkg.md §"Messages") and the transcript
// that binds every proof of knowledge to one run.
//
// Protocol version 2 (kDkgVersion; version 1 sent the proof's R compressed):
//   round 1, broadcast (echoed):  u32 t ‖ t wide points C_0..C_{t-1} ‖ wide point R ‖ scalar z
//   round 2, point-to-point:      scalar f_i(j)
//   round 3, broadcast (only in VerificationShares::kExchange): wide point Y_i
//
// "Wide" points use the curve's uncompressed encoding when it has one
// (secp256k1: 65 bytes 04‖X‖Y) and its canonical one otherwise: each party
// decodes ~n·t commitment points and n−1 proof nonces, and decompressing (a
// square root, ~6 µs on secp256k1) cost more than all the rest of a
// 67-of-100 run; checking that X‖Y is on the curve is a few field
// multiplications. The proof (R, z) is the mpc SchnorrProof; only its
// encoding differs from SchnorrProof::to_bytes (R wide instead of canonical).
//
// Decoding is strict (mpc/codec.hpp): wrong commitment count, invalid or
// identity points, non-canonical scalars and trailing bytes are errors; every
// decode error names the sending party as culprit.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mpc/codec.hpp"
#include "mpc/curve.hpp"
#include "mpc/schnorr_proof.hpp"
#include "mpc/transcript.hpp"
#include "protocols/runtime/message.hpp"

namespace okmpc::dkg {

inline constexpr std::string_view kTranscriptDomain = "okmpc/dkg/v1";
// The DKG's protocol version in every message header (runtime/message.hpp).
inline constexpr uint16_t kDkgVersion = 2;

// The transcript prefix every proof of knowledge in one run shares
// (Komlo–Goldberg 2020 Fig. 1 round 1 step 2 hashes the context string and
// the participant identifier; RFC 9591 Appendix C likewise): domain, session
// id, curve, threshold and the party set 1..n. Built once per party; each
// dealer's transcript is a copy plus the dealer (pok_transcript).
template <Curve C>
Transcript pok_base_transcript(const runtime::SessionId& session, uint32_t t, uint32_t n) {
  Transcript tr(kTranscriptDomain, session);
  tr.append("curve", as_bytes(C::kName));
  tr.append_u64("threshold", t);
  Bytes ids;
  for (uint32_t id = 1; id <= n; ++id) append_u32_be(ids, id);
  tr.append("parties", ids);
  return tr;
}

// The transcript of dealer `dealer`'s proof: the shared prefix, then the dealer.
inline Transcript pok_transcript(const Transcript& base, runtime::PartyId dealer) {
  Transcript tr = base;
  tr.append_u64("dealer", dealer);
  return tr;
}

template <Curve C>
void write_wide_point(ByteWriter& w, const typename C::Point& p) {
  if constexpr (requires { p.to_bytes_uncompressed(); }) {
    w.write_bytes(p.to_bytes_uncompressed());
  } else {
    w.write_point<C>(p);
  }
}

template <Curve C>
constexpr size_t wide_point_bytes() {
  if constexpr (requires(const typename C::Point& p) { p.to_bytes_uncompressed(); }) {
    return sizeof(decltype(std::declval<typename C::Point>().to_bytes_uncompressed()));
  } else {
    return C::kPointBytes;
  }
}

// Strict (C::Point::from_bytes, or its equivalent from_bytes_vartime where
// the curve has one: these points are public): invalid, identity and, for
// the wide encoding, other prefixes or compressed forms are rejected.
template <Curve C>
Result<typename C::Point> read_wide_point(ByteReader& r, std::string_view field) {
  OKMPC_ASSIGN_OR_RETURN(ByteView b, r.read_bytes(wide_point_bytes<C>(), field));
  auto p = [&] {
    if constexpr (requires { C::Point::from_bytes_vartime(b); }) {
      return C::Point::from_bytes_vartime(b);  // public points: the curve's faster strict decode
    } else {
      return C::Point::from_bytes(b);
    }
  }();
  if (!p) return fail(p.error().code, std::string(field) + ": " + p.error().message);
  return *p;
}

template <Curve C>
Bytes encode_verification_share(const typename C::Point& y) {
  ByteWriter w;
  write_wide_point<C>(w, y);
  return w.finish();
}

template <Curve C>
struct Round1Package {
  std::vector<typename C::Point> commitments;  // C_k = a_k·G, k = 0..t-1
  SchnorrProof<C> proof;                       // knowledge of a_0

  Bytes encode() const {
    ByteWriter w;
    w.write_u32(static_cast<uint32_t>(commitments.size()));
    for (const auto& c : commitments) write_wide_point<C>(w, c);
    write_wide_point<C>(w, proof.R);
    w.write_scalar<C>(proof.z);
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
    auto count = r.read_u32("commitment count");
    if (!count) return named(std::move(count).error());
    if (*count != t) {
      return named(Error(ErrorCode::kInvalidEncoding, "expected " + std::to_string(t) + " commitments (the threshold), got " +
                                                          std::to_string(*count)));
    }
    p.commitments.reserve(t);
    for (uint32_t k = 0; k < t; ++k) {
      auto c = read_wide_point<C>(r, "commitment");  // the index is added on failure only (no string per point)
      if (!c) {
        Error e = std::move(c).error();
        e.message = "commitment " + std::to_string(k) + ": " + e.message;
        return named(std::move(e));
      }
      p.commitments.push_back(*c);
    }
    auto nonce = read_wide_point<C>(r, "proof R");
    if (!nonce) return named(std::move(nonce).error());
    p.proof.R = *nonce;
    auto z = r.read_scalar<C>("proof z");
    if (!z) return named(std::move(z).error());
    p.proof.z = *z;
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
  ByteReader r(payload, "dkg round 3");
  auto p = read_wide_point<C>(r, "verification share");
  Status end = p ? r.finish() : Status{};
  if (!p || !end) {
    const Error& e = p ? end.error() : p.error();
    return fail(e.code, "verification share of party " + std::to_string(sender) + ": " + e.message, {sender});
  }
  return *p;
}

}  // namespace okmpc::dkg
