#include "protocols/ecdsa/last_round.hpp"

#include <vector>

#include "mpc/codec.hpp"
#include "protocols/dkg/messages.hpp"

namespace okmpc::ecdsa {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

constexpr std::string_view kProofDomain = "okmpc/ecdsa/sign/share-proof/v1";

tl::unexpected<Error> wrong_share(runtime::PartyId who, const std::string& what) {
  return fail(ErrorCode::kProtocolAbort,
              "ecdsa sign: party " + std::to_string(who) + ": last-round share " + what, {who});
}

}  // namespace

Bytes LastRoundShare::encode(const Hash32& context) const {
  ByteWriter w;
  w.write_bytes(context).write_scalar<Secp256k1>(u).write_scalar<Secp256k1>(this->w);
  dkg::write_wide_point<Secp256k1>(w, phi);
  dkg::write_wide_point<Secp256k1>(w, a);
  dkg::write_wide_point<Secp256k1>(w, b);
  w.write_bytes(proof.to_bytes());
  for (const auto& [j, e] : pairs) {
    w.write_scalar<Secp256k1>(e.psi_in);
    dkg::write_wide_point<Secp256k1>(w, e.gamma_u);
    dkg::write_wide_point<Secp256k1>(w, e.gamma_v);
    dkg::write_wide_point<Secp256k1>(w, e.d_u);
    dkg::write_wide_point<Secp256k1>(w, e.d_v);
  }
  return w.finish();
}

Result<LastRoundShare> LastRoundShare::decode(ByteView body, std::span<const runtime::PartyId> others) {
  ByteReader r(body, "ecdsa sign round 3");
  LastRoundShare s;
  OKMPC_ASSIGN_OR_RETURN(s.u, r.read_scalar<Secp256k1>("u"));
  OKMPC_ASSIGN_OR_RETURN(s.w, r.read_scalar<Secp256k1>("w"));
  OKMPC_ASSIGN_OR_RETURN(s.phi, dkg::read_wide_point<Secp256k1>(r, "Phi"));
  OKMPC_ASSIGN_OR_RETURN(s.a, dkg::read_wide_point<Secp256k1>(r, "A"));
  OKMPC_ASSIGN_OR_RETURN(s.b, dkg::read_wide_point<Secp256k1>(r, "B"));
  OKMPC_ASSIGN_OR_RETURN(const ByteView proof, r.read_bytes(DleqProof::kBytes, "proof"));
  OKMPC_ASSIGN_OR_RETURN(s.proof, DleqProof::from_bytes(proof));
  for (runtime::PartyId j : others) {
    PairEvidence e;
    OKMPC_ASSIGN_OR_RETURN(e.psi_in, r.read_scalar<Secp256k1>("psi"));
    OKMPC_ASSIGN_OR_RETURN(e.gamma_u, dkg::read_wide_point<Secp256k1>(r, "Gamma^u"));
    OKMPC_ASSIGN_OR_RETURN(e.gamma_v, dkg::read_wide_point<Secp256k1>(r, "Gamma^v"));
    OKMPC_ASSIGN_OR_RETURN(e.d_u, dkg::read_wide_point<Secp256k1>(r, "D^u"));
    OKMPC_ASSIGN_OR_RETURN(e.d_v, dkg::read_wide_point<Secp256k1>(r, "D^v"));
    s.pairs.emplace(j, e);
  }
  OKMPC_TRY(r.finish());
  return s;
}

Point LastRoundShare::phi_prime_vartime() const {
  Scalar psi_sum = Scalar::zero();
  for (const auto& [j, e] : pairs) psi_sum += e.psi_in;
  return phi + Point::base_mul(psi_sum);
}

Transcript share_proof_transcript(const Hash32& context, runtime::PartyId who) {
  Transcript t(kProofDomain, context);
  t.append_u64("party", who);
  return t;
}

Status check_share_vartime(const Hash32& context, runtime::PartyId who, const LastRoundShare& share,
                           const Point& R_who, const Point& pk_who, const Scalar& h, const Scalar& rx) {
  const std::array<Point, 2> bases = {R_who, pk_who};
  const std::array<Point, 2> images = {share.a, share.b};
  if (!dleq_verify_vartime(share_proof_transcript(context, who), share.phi_prime_vartime(), bases, images,
                           share.proof)) {
    return wrong_share(who, "proof does not verify (A, B not formed with its inversion mask)");
  }
  std::vector<Point> u_terms = {share.a}, v_terms = {share.b};
  for (const auto& [j, e] : share.pairs) {
    u_terms.insert(u_terms.end(), {e.gamma_u, e.d_u});
    v_terms.insert(v_terms.end(), {e.gamma_v, e.d_v});
  }
  if (!(Point::base_mul(share.u) == Point::sum(u_terms))) {
    return wrong_share(who, "u does not match its public evidence");
  }
  const std::array<Scalar, 2> coeffs = {h, rx};
  const std::array<Point, 2> points = {share.phi, Point::sum(v_terms)};
  if (!(Point::base_mul(share.w) == Point::multi_mul_vartime(coeffs, points))) {
    return wrong_share(who, "w does not match its public evidence");
  }
  return ok();
}

}  // namespace okmpc::ecdsa
