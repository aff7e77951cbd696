#include "protocols/ecdsa/sign_core.hpp"

#include <algorithm>

#include <sodium.h>

#include "mpc/codec.hpp"
#include "mpc/ctime.hpp"
#include "mpc/lagrange.hpp"
#include "protocols/dkg/messages.hpp"
#include "protocols/ecdsa/secret_vector.hpp"

namespace okmpc::ecdsa::detail {
namespace {

constexpr std::string_view kPairLabel = "okmpc/ecdsa/sign/pair-sid/v1";
constexpr std::string_view kCommitLabel = "okmpc/ecdsa/sign/commit/v1";

Bytes u32_bytes(uint32_t v) {
  Bytes b;
  append_u32_be(b, v);
  return b;
}

tl::unexpected<Error> blame(PartyId peer, ErrorCode code, std::string what) {
  return fail(code, "ecdsa sign: party " + std::to_string(peer) + ": " + std::move(what), {peer});
}
tl::unexpected<Error> blame(PartyId peer, const Error& e) {
  return blame(peer, e.code == ErrorCode::kInvalidEncoding ? e.code : ErrorCode::kProtocolAbort, e.message);
}

}  // namespace

Bytes signer_set_bytes(std::span<const PartyId> signers) {
  Bytes ids;
  append_u32_be(ids, static_cast<uint32_t>(signers.size()));
  for (PartyId p : signers) append_u32_be(ids, p);
  return ids;
}

Result<std::vector<PartyId>> checked_signers(const dkg::KeyShare<Secp256k1>& share, const EcdsaSetup& setup,
                                             std::vector<PartyId> signers) {
  std::sort(signers.begin(), signers.end());
  for (size_t k = 0; k < signers.size(); ++k) {
    const PartyId p = signers[k];
    if (p == 0 || p > share.parties) {
      return fail(ErrorCode::kInvalidArgument,
                  "signer " + std::to_string(p) + " is not a party of this key (1.." + std::to_string(share.parties) + ")",
                  {p});
    }
    if (k > 0 && signers[k - 1] == p) {
      return fail(ErrorCode::kInvalidArgument, "signer " + std::to_string(p) + " appears twice", {p});
    }
  }
  if (signers.size() < share.threshold) {
    return fail(ErrorCode::kInvalidArgument, "need at least " + std::to_string(share.threshold) +
                                                 " signers, got " + std::to_string(signers.size()));
  }
  if (!std::binary_search(signers.begin(), signers.end(), share.index)) {
    return fail(ErrorCode::kInvalidArgument,
                "party " + std::to_string(share.index) + " is not in the signer set", {share.index});
  }
  if (share.verification_shares.size() != share.parties) {
    return fail(ErrorCode::kInvalidArgument, "key share has the wrong number of verification shares");
  }
  if (setup.self != share.index || !(setup.group_public_key == share.group_public_key)) {
    return fail(ErrorCode::kInvalidArgument, "ecdsa setup belongs to another party or key");
  }
  return signers;
}

Result<std::unique_ptr<SignCore>> SignCore::create(const dkg::KeyShare<Secp256k1>& share, const EcdsaSetup& setup,
                                                   std::vector<PartyId> signers, const Hash32& context) {
  // One inversion for all signers' coefficients; the set was checked by
  // checked_signers.
  OKMPC_ASSIGN_OR_RETURN(const std::vector<Scalar> lambdas, lagrange_coefficients<Secp256k1>(signers));
  std::unique_ptr<SignCore> core(new SignCore(share.index, std::move(signers), share.group_public_key, context));
  core->final_context_ = context;
  const std::vector<PartyId>& set = core->signers_;
  const auto lambda_of = [&](PartyId j) {
    return lambdas[static_cast<size_t>(std::lower_bound(set.begin(), set.end(), j) - set.begin())];
  };
  core->sk_ = Secret<Scalar>(lambda_of(share.index) * share.secret_share.expose());
  for (PartyId j : set) {
    if (j == share.index) continue;
    auto it = setup.pairs.find(j);
    if (it == setup.pairs.end()) {
      return fail(ErrorCode::kInvalidArgument, "ecdsa setup has no OT setup with signer " + std::to_string(j), {j});
    }
    Peer peer;
    peer.setup = it->second.clone();
    peer.gadget = gadget_vector(peer.setup.gadget_seed);  // only for the peers of this signing set
    // pk_j = λ_j·X_j is only needed as a point on the failure path
    // (wrong_shares); the round-3 check multiplies X_j by χ·λ_j instead.
    peer.lambda = lambda_of(j);
    peer.X = share.verification_shares[j - 1];
    core->peers_.emplace(j, std::move(peer));
  }
  return core;
}

std::vector<PartyId> SignCore::others() const {
  std::vector<PartyId> out;
  for (const auto& [j, peer] : peers_) out.push_back(j);
  return out;
}

Bytes SignCore::pair_sid(PartyId alice, PartyId bob) const {
  const Hash32 h = sha256({as_bytes(kPairLabel), context_, u32_bytes(alice), u32_bytes(bob)});
  return Bytes(h.begin(), h.end());
}

Hash32 SignCore::commit(PartyId who, const Point& R, ByteView salt) const {
  return sha256({as_bytes(kCommitLabel), context_, u32_bytes(who), R.to_bytes(), salt});
}

Status SignCore::check_context(PartyId from, ByteView payload, const Hash32& expected) const {
  if (payload.size() < 32 || !std::equal(expected.begin(), expected.end(), payload.begin())) {
    return blame(from, ErrorCode::kProtocolAbort,
                 "signs a different session, digest or signer set (context mismatch)");
  }
  return ok();
}

Result<runtime::Outgoing> SignCore::round1(Rng& rng) {
  r_ = Secret<Scalar>(Scalar::random(rng));
  phi_ = Secret<Scalar>(Scalar::random(rng));
  // One batch (one shared inversion): R_i = r_i·G, published in round 2
  // (opens the commitment); pk_i = sk_i·G (= λ_i·X_i, which every other
  // signer computes from the DKG's verification shares; fixed-base is
  // cheaper than λ_i·X_i, and it is the base whose logarithm the last-round
  // proof uses); Φ_i = φ_i·G, published in round 3.
  {
    std::array<Scalar, 3> logs = {r_.expose(), sk_.expose(), phi_.expose()};
    const std::vector<Point> points = Point::base_mul_batch(logs);
    sodium_memzero(logs.data(), sizeof(logs));
    R_i_ = points[0];
    pk_i_ = points[1];
    Phi_i_ = points[2];
  }
  declassify(R_i_);
  declassify(pk_i_);
  declassify(Phi_i_);
  salt_ = rng.bytes<32>();
  const Hash32 com = commit(self_, R_i_, salt_);
  runtime::Outgoing out;
  for (auto& [j, peer] : peers_) {
    VoleBobStart bob = vole_bob_start(peer.setup.as_bob.expose(), pair_sid(j, self_), peer.gadget, rng);
    peer.chi = bob.state.b.clone();
    peer.bob.emplace(std::move(bob.state));
    ByteWriter w;
    w.write_bytes(context_).write_bytes(com).write_bytes(bob.message);
    out.direct.emplace_back(j, w.finish());
  }
  return out;
}

Result<runtime::Outgoing> SignCore::round2(runtime::Inbox& inbox, Rng& rng) {
  const std::array<const Scalar*, kVoleWidth> inputs = {&r_.expose(), &sk_.expose()};
  std::map<PartyId, Bytes> alice_messages;
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.direct.at(j).payload;
    OKMPC_TRY(check_context(j, payload, context_));
    ByteReader r(payload.subspan(32), "ecdsa sign round 1");
    auto commitment = r.read_array<32>("commitment");
    if (!commitment) return blame(j, commitment.error());
    peer.commitment = *commitment;
    auto bob_msg = r.read_bytes(vole_bob_message_bytes(), "vOLE receiver message");
    if (!bob_msg) return blame(j, bob_msg.error());
    if (auto st = r.finish(); !st) return blame(j, st.error());
    auto alice = vole_alice(peer.setup.as_alice.expose(), pair_sid(self_, j), peer.gadget, *bob_msg, inputs, rng);
    if (!alice) return blame(j, alice.error());
    peer.c = std::move(alice->c);
    peer.psi_out = phi_.expose() - peer.chi.expose();
    declassify(peer.psi_out);  // sent below
    alice_messages.emplace(j, std::move(alice->message));
  }
  // Γ^u = c^u·G and Γ^v = c^v·G toward every peer: one batch, one shared
  // inversion. They are sent below with ψ (DKLs23 Prot. 3.6 round 2).
  SecretVector<Scalar> cs(2 * peers_.size());
  size_t at = 0;
  for (const auto& [j, peer] : peers_) {
    cs[at++] = peer.c[0].expose();
    cs[at++] = peer.c[1].expose();
  }
  const std::vector<Point> gammas = Point::base_mul_batch(cs.span());
  runtime::Outgoing out;
  at = 0;
  for (auto& [j, peer] : peers_) {
    peer.gamma_u_out = gammas[at++];
    peer.gamma_v_out = gammas[at++];
    declassify(peer.gamma_u_out);
    declassify(peer.gamma_v_out);
    // Points go uncompressed ("wide", protocols/dkg/messages.hpp): the
    // receiver checks X‖Y on the curve instead of taking a square root.
    ByteWriter w;
    w.write_bytes(context_);
    dkg::write_wide_point<Secp256k1>(w, R_i_);
    w.write_bytes(salt_);
    dkg::write_wide_point<Secp256k1>(w, peer.gamma_u_out);
    dkg::write_wide_point<Secp256k1>(w, peer.gamma_v_out);
    w.write_scalar<Secp256k1>(peer.psi_out);
    w.write_bytes(alice_messages.at(j));
    out.direct.emplace_back(j, w.finish());
  }
  return out;
}

Status SignCore::prepare(runtime::Inbox& inbox, Rng& rng) {
  Secret<Scalar> phi_total(phi_.expose());  // φ'_i = φ_i + Σ_j ψ_{j,i}
  Secret<Scalar> cross_u, cross_v;          // Σ_j (c + d)
  std::vector<Point> nonces = {R_i_};       // R_i and every R_j
  SecretVector<Scalar> logs(2 * peers_.size() + 3);  // d^u, d^v per peer, then φ'·r_i, φ'·sk_i, φ'
  size_t at = 0;
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.direct.at(j).payload;
    OKMPC_TRY(check_context(j, payload, context_));
    ByteReader r(payload.subspan(32), "ecdsa sign round 2");
    auto R_j = dkg::read_wide_point<Secp256k1>(r, "R");
    auto salt = r.read_array<32>("salt");
    auto gamma_u = dkg::read_wide_point<Secp256k1>(r, "Gamma^u");
    auto gamma_v = dkg::read_wide_point<Secp256k1>(r, "Gamma^v");
    auto psi = r.read_scalar<Secp256k1>("psi");
    auto alice_msg = r.read_bytes(vole_alice_message_bytes(), "vOLE sender message");
    if (!R_j || !salt || !gamma_u || !gamma_v || !psi || !alice_msg || !r.finish()) {
      return blame(j, ErrorCode::kInvalidEncoding, "malformed round 2 message");
    }
    if (!ct_equal(commit(j, *R_j, *salt), peer.commitment)) {
      return blame(j, ErrorCode::kProtocolAbort, "R_j does not open its round 1 commitment");
    }
    auto d = vole_bob_finish(std::move(*peer.bob), peer.gadget, *alice_msg);
    peer.bob.reset();
    if (!d) return blame(j, d.error());
    peer.R = *R_j;
    peer.gamma_u_in = *gamma_u;
    peer.gamma_v_in = *gamma_v;
    peer.psi_in = *psi;
    nonces.push_back(*R_j);
    phi_total.expose_mut() += *psi;
    cross_u.expose_mut() += peer.c[0].expose() + (*d)[0].expose();
    cross_v.expose_mut() += peer.c[1].expose() + (*d)[1].expose();
    logs[at++] = (*d)[0].expose();
    logs[at++] = (*d)[1].expose();
  }
  // One batch, one shared inversion: D^u = d^u·G and D^v = d^v·G toward
  // every peer (for the checks below and the round-3 pair evidence), and
  // the last-round evidence A_i = φ'_i·R_i = (φ'_i·r_i)·G,
  // B_i = φ'_i·pk_i = (φ'_i·sk_i)·G and φ'_i·G (the DLEQ statement, which
  // every verifier computes from Φ_i and the ψ). The last three are sent
  // only if every check below passes.
  logs[at++] = phi_total.expose() * r_.expose();
  logs[at++] = phi_total.expose() * sk_.expose();
  logs[at++] = phi_total.expose();
  const std::vector<Point> products = Point::base_mul_batch(logs.span());
  at = 0;
  for (auto& [j, peer] : peers_) {
    peer.d_u = products[at++];
    peer.d_v = products[at++];
    declassify(peer.d_u);  // published in the round-3 pair evidence
    declassify(peer.d_v);
    // DKLs23 Prot. 3.6 round 3: the vOLE inputs were r_j and sk_j.
    // χ·R_j and χ·pk_j equal D^u + Γ^u and D^v + Γ^v, all published, unless
    // the peer cheated (then the run aborts here).
    const Scalar& chi = peer.chi.expose();
    const Point chi_R = chi * peer.R;
    const Point chi_pk = Secret<Scalar>(chi * peer.lambda).expose() * peer.X;  // χ·pk_j = (χ·λ_j)·X_j
    declassify(chi_R);
    declassify(chi_pk);
    if (!(peer.d_u + peer.gamma_u_in == chi_R)) {
      return blame(j, ErrorCode::kProtocolAbort, "multiplication input is not the committed nonce (Γ^u check)");
    }
    if (!(peer.d_v + peer.gamma_v_in == chi_pk)) {
      return blame(j, ErrorCode::kProtocolAbort, "multiplication input is not its key share (Γ^v check)");
    }
    // χ, the OT setup copy and the gadget are no longer needed: a
    // presignature kept in memory holds only what the last round uses.
    peer.chi = Secret<Scalar>();
    peer.setup = PairSetup{};
    peer.gadget = std::vector<Scalar>{};
  }
  const Point R = Point::sum(nonces);
  if (R.is_identity()) return fail(ErrorCode::kProtocolAbort, "ecdsa sign: combined nonce is the identity");
  R_ = R;
  const auto rc = R_.to_bytes();
  rx_ = Scalar::reduce(ByteView(rc.data() + 1, 32));
  const Secret<Scalar> u(r_.expose() * phi_total.expose() + cross_u.expose());
  v_ = Secret<Scalar>(sk_.expose() * phi_total.expose() + cross_v.expose());
  declassify(u.expose());  // u_i is broadcast in round 3
  u_ = u.expose();
  if (!peers_.empty()) {
    // The last-round evidence (last_round.hpp): Φ_i, A_i = φ'_i·R_i,
    // B_i = φ'_i·pk_i, the DLEQ proof and the pair values. None of it
    // depends on the message.
    share_.u = u_;
    share_.phi = Phi_i_;
    share_.a = products[at++];
    share_.b = products[at++];
    const Point phi_total_G = products[at++];
    declassify(share_.a);  // broadcast with the share
    declassify(share_.b);
    declassify(phi_total_G);
    const std::array<Point, 2> bases = {R_i_, pk_i_};
    const std::array<Point, 2> images = {share_.a, share_.b};
    const std::array<const Secret<Scalar>*, 2> base_logs = {&r_, &sk_};
    share_.proof = dleq_prove_known_bases(share_proof_transcript(context_, self_), phi_total_G, bases, base_logs,
                                          images, phi_total, rng);
    for (const auto& [j, peer] : peers_) {
      share_.pairs.emplace(j, PairEvidence{peer.psi_in, peer.gamma_u_out, peer.gamma_v_out, peer.d_u, peer.d_v});
    }
  }
  prepared_ = true;
  return ok();
}

Result<Bytes> SignCore::last_round(const Hash32& digest, const Hash32& final_context) {
  if (!prepared_ || used_) {
    return fail(ErrorCode::kInternal, "ecdsa sign: a signing state signs one digest, once, after its rounds 1-2");
  }
  used_ = true;
  digest_ = digest;
  final_context_ = final_context;
  h_ = Scalar::reduce(digest);
  const Secret<Scalar> w(h_ * phi_.expose() + rx_ * v_.expose());
  declassify(w.expose());  // broadcast below
  // φ_i and v_i are no longer needed; r_i and sk_i stay until finish() for
  // the pair checks.
  phi_ = Secret<Scalar>();
  v_ = Secret<Scalar>();
  u_sum_ = u_;
  w_sum_ = w.expose();
  share_.w = w.expose();
  return peers_.empty() ? Bytes{} : share_.encode(final_context_);
}

Result<Signature65> SignCore::finish(runtime::Inbox& inbox) {
  if (!used_) return fail(ErrorCode::kInternal, "ecdsa sign: finish before the last round");
  std::map<PartyId, LastRoundShare> shares;
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.broadcast.at(j).payload;
    OKMPC_TRY(check_context(j, payload, final_context_));
    std::vector<PartyId> others;
    for (PartyId p : signers_) {
      if (p != j) others.push_back(p);
    }
    auto share = LastRoundShare::decode(payload.subspan(32), others);
    if (!share) return blame(j, share.error());
    u_sum_ += share->u;
    w_sum_ += share->w;
    shares.emplace(j, std::move(*share));
  }
  // Σu and Σw are sums of broadcast shares: public, so Σu is inverted in
  // variable time.
  Result<Signature65> result = fail(ErrorCode::kProtocolAbort, "ecdsa sign: Σu is zero");
  if (!u_sum_.is_zero()) {
    if (auto sig = finalize_signature(R_, w_sum_ * u_sum_.invert_vartime(), digest_, group_key_)) {
      result = *sig;
    } else {
      result = fail(ErrorCode::kProtocolAbort, "ecdsa sign: final check failed, the combined signature does not verify (" +
                                                   sig.error().message + ")");
    }
  }
  if (!result) {
    std::vector<PartyId> culprits;
    std::string why;
    for (const Error& e : wrong_shares(shares)) {
      culprits.insert(culprits.end(), e.culprits.begin(), e.culprits.end());
      why += "; " + e.message;
    }
    result = culprits.empty()
                 ? fail(ErrorCode::kProtocolAbort,
                        result.error().message + "; every share matches its evidence in this party's view (a signer "
                                                 "equivocated or colluding signers cheated on their common pair)")
                 : fail(ErrorCode::kProtocolAbort, result.error().message + why, culprits);
  }
  // The secrets of this run are no longer needed.
  r_ = Secret<Scalar>();
  sk_ = Secret<Scalar>();
  return result;
}

std::vector<Error> SignCore::wrong_shares(const std::map<PartyId, LastRoundShare>& shares) const {
  std::vector<Error> wrong;
  for (const auto& [m, share] : shares) {
    const Peer& peer = peers_.at(m);
    const Point pk = Point::mul_vartime(peer.lambda, peer.X);  // public values
    Status st = check_share_vartime(context_, m, share, peer.R, pk, h_, rx_);
    if (st) st = check_pair_evidence(m, peer, share);
    if (!st) wrong.push_back(st.error());
  }
  return wrong;
}

// P_m's report on its pair with me: ψ_{k,m} and Γ_{m,k} as I sent / received
// them, and D_{m,k} = d_{m,k}·G with c_{k,m} + d_{m,k} = a_k·χ_{m,k},
// χ_{m,k} = φ_m − ψ_{m,k}: D^u = r_k·Φ_m − (r_k·ψ_{m,k} + c^u_{k,m})·G and
// D^v = sk_k·Φ_m − (sk_k·ψ_{m,k} + c^v_{k,m})·G.
Status SignCore::check_pair_evidence(PartyId m, const Peer& peer, const LastRoundShare& share) const {
  const PairEvidence& e = share.pairs.at(self_);
  if (!(e.psi_in == peer.psi_out) || !(e.gamma_u == peer.gamma_u_in) || !(e.gamma_v == peer.gamma_v_in)) {
    return blame(m, ErrorCode::kProtocolAbort, "last-round report of ψ/Γ differs from what our pair exchanged");
  }
  const Scalar& r = r_.expose();
  const Scalar& sk = sk_.expose();
  const Point d_u = r * share.phi - Point::base_mul(r * peer.psi_in + peer.c[0].expose());
  const Point d_v = sk * share.phi - Point::base_mul(sk * peer.psi_in + peer.c[1].expose());
  if (!(e.d_u == d_u) || !(e.d_v == d_v)) {
    return blame(m, ErrorCode::kProtocolAbort, "last-round report of its vOLE outputs with us (D) is wrong");
  }
  return ok();
}

}  // namespace okmpc::ecdsa::detail
