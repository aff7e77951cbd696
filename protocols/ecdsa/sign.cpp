#include "protocols/ecdsa/sign.hpp"

#include <algorithm>
#include <set>

#include "mpc/codec.hpp"
#include "mpc/lagrange.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr std::string_view kContextLabel = "okmpc/ecdsa/sign/context/v1";
constexpr std::string_view kPairLabel = "okmpc/ecdsa/sign/pair-sid/v1";
constexpr std::string_view kCommitLabel = "okmpc/ecdsa/sign/commit/v1";

Bytes u32_bytes(uint32_t v) {
  Bytes b;
  append_u32_be(b, v);
  return b;
}

Hash32 context_hash(const runtime::SessionId& session, const Point& group_key, const Hash32& digest,
                    std::span<const PartyId> signers) {
  Bytes ids;
  append_u32_be(ids, static_cast<uint32_t>(signers.size()));
  for (PartyId p : signers) append_u32_be(ids, p);
  return sha256({as_bytes(kContextLabel), session, group_key.to_bytes(), digest, ids});
}

tl::unexpected<Error> blame(PartyId peer, ErrorCode code, std::string what) {
  return fail(code, "ecdsa sign: party " + std::to_string(peer) + ": " + std::move(what), {peer});
}
tl::unexpected<Error> blame(PartyId peer, const Error& e) {
  return blame(peer, e.code == ErrorCode::kInvalidEncoding ? e.code : ErrorCode::kProtocolAbort, e.message);
}

}  // namespace

Result<std::unique_ptr<SignParty>> SignParty::create(const dkg::KeyShare<Secp256k1>& share,
                                                     const EcdsaSetup& setup, const SignRequest& request) {
  std::vector<PartyId> signers = request.signers;
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
  SignRequest req = request;
  req.signers = signers;
  const Hash32 ctx = context_hash(req.session, share.group_public_key, req.digest, signers);
  runtime::RunConfig config;
  config.self = share.index;
  config.parties = signers;
  config.session = req.session;
  config.protocol = runtime::ProtocolId::kEcdsaSign;
  std::unique_ptr<SignParty> party(new SignParty(std::move(config), share.clone(), std::move(req), ctx));

  OKMPC_ASSIGN_OR_RETURN(const Scalar lambda, lagrange_coefficient<Secp256k1>(share.index, signers));
  party->sk_ = Secret<Scalar>(lambda * share.secret_share.expose());
  for (PartyId j : signers) {
    if (j == share.index) continue;
    auto it = setup.pairs.find(j);
    if (it == setup.pairs.end()) {
      return fail(ErrorCode::kInvalidArgument, "ecdsa setup has no OT setup with signer " + std::to_string(j), {j});
    }
    Peer peer;
    peer.setup = it->second.clone();
    if (peer.setup.gadget.size() != kVoleBatch) peer.setup.gadget = gadget_vector(peer.setup.gadget_seed);
    OKMPC_ASSIGN_OR_RETURN(const Scalar lj, lagrange_coefficient<Secp256k1>(j, signers));
    peer.pk = lj * share.verification_shares[j - 1];
    party->peers_.emplace(j, std::move(peer));
  }
  return party;
}

SignParty::SignParty(runtime::RunConfig config, dkg::KeyShare<Secp256k1> share, SignRequest request, Hash32 context)
    : RoundParty(std::move(config)), share_(std::move(share)), request_(std::move(request)), context_(context) {}

runtime::RoundSpec SignParty::spec(uint16_t round) const {
  runtime::RoundSpec s;
  s.senders = others();
  s.direct = round <= 2;
  s.broadcast = round == 3;
  s.echo = round == 3 && request_.echo_last_round;
  return s;
}

Bytes SignParty::pair_sid(PartyId alice, PartyId bob) const {
  const Hash32 h = sha256({as_bytes(kPairLabel), context_, u32_bytes(alice), u32_bytes(bob)});
  return Bytes(h.begin(), h.end());
}

Hash32 SignParty::commit(PartyId who, const Point& R, ByteView salt) const {
  return sha256({as_bytes(kCommitLabel), context_, u32_bytes(who), R.to_bytes(), salt});
}

Status SignParty::check_context(PartyId from, ByteView payload) const {
  if (payload.size() < 32 || !std::equal(context_.begin(), context_.end(), payload.begin())) {
    return blame(from, ErrorCode::kProtocolAbort,
                 "signs a different session, digest or signer set (context mismatch)");
  }
  return ok();
}

Result<runtime::Outgoing> SignParty::first_round(Rng& rng) {
  r_ = Secret<Scalar>(Scalar::random(rng));
  phi_ = Secret<Scalar>(Scalar::random(rng));
  R_i_ = Point::base_mul(r_.expose());
  salt_ = rng.bytes<32>();
  const Hash32 com = commit(id(), R_i_, salt_);
  runtime::Outgoing out;
  for (auto& [j, peer] : peers_) {
    VoleBobStart bob = vole_bob_start(peer.setup.as_bob.expose(), pair_sid(j, id()), peer.setup.gadget, rng);
    peer.chi = bob.state.b.clone();
    peer.bob.emplace(std::move(bob.state));
    ByteWriter w;
    w.write_bytes(context_).write_bytes(com).write_bytes(bob.message);
    out.direct.emplace_back(j, w.finish());
  }
  return out;
}

Result<runtime::Outgoing> SignParty::complete_round(uint16_t round, runtime::Inbox inbox, Rng& rng) {
  switch (round) {
    case 1:
      return round2(inbox, rng);
    case 2:
      return round3(inbox);
    case 3: {
      OKMPC_TRY(finish(inbox));
      return runtime::Outgoing{};
    }
    default:
      return fail(ErrorCode::kInternal, "ecdsa sign: no round " + std::to_string(round));
  }
}

Result<runtime::Outgoing> SignParty::round2(runtime::Inbox& inbox, Rng& rng) {
  runtime::Outgoing out;
  const std::array<const Scalar*, kVoleWidth> inputs = {&r_.expose(), &sk_.expose()};
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.direct.at(j).payload;
    OKMPC_TRY(check_context(j, payload));
    ByteReader r(payload.subspan(32), "ecdsa sign round 1");
    OKMPC_ASSIGN_OR_RETURN(peer.commitment, r.read_array<32>("commitment"));
    auto bob_msg = r.read_bytes(vole_bob_message_bytes(), "vOLE receiver message");
    if (!bob_msg) return blame(j, bob_msg.error());
    if (auto st = r.finish(); !st) return blame(j, st.error());
    auto alice = vole_alice(peer.setup.as_alice.expose(), pair_sid(id(), j), peer.setup.gadget, *bob_msg, inputs, rng);
    if (!alice) return blame(j, alice.error());
    peer.c = std::move(alice->c);
    ByteWriter w;
    w.write_bytes(context_).write_point<Secp256k1>(R_i_).write_bytes(salt_);
    w.write_point<Secp256k1>(Point::base_mul(peer.c[0].expose()));
    w.write_point<Secp256k1>(Point::base_mul(peer.c[1].expose()));
    w.write_scalar<Secp256k1>(phi_.expose() - peer.chi.expose());
    w.write_bytes(alice->message);
    out.direct.emplace_back(j, w.finish());
  }
  return out;
}

Result<runtime::Outgoing> SignParty::round3(runtime::Inbox& inbox) {
  Point R = R_i_;
  Secret<Scalar> phi_total(phi_.expose());  // φ_i + Σ_j ψ_{j,i}
  Secret<Scalar> cross_u, cross_v;          // Σ_j (c + d)
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.direct.at(j).payload;
    OKMPC_TRY(check_context(j, payload));
    ByteReader r(payload.subspan(32), "ecdsa sign round 2");
    auto R_j = r.read_point<Secp256k1>("R");
    auto salt = r.read_array<32>("salt");
    auto gamma_u = r.read_point<Secp256k1>("Gamma^u");
    auto gamma_v = r.read_point<Secp256k1>("Gamma^v");
    auto psi = r.read_scalar<Secp256k1>("psi");
    auto alice_msg = r.read_bytes(vole_alice_message_bytes(), "vOLE sender message");
    if (!R_j || !salt || !gamma_u || !gamma_v || !psi || !alice_msg || !r.finish()) {
      return blame(j, ErrorCode::kInvalidEncoding, "malformed round 2 message");
    }
    if (!ct_equal(commit(j, *R_j, *salt), peer.commitment)) {
      return blame(j, ErrorCode::kProtocolAbort, "R_j does not open its round 1 commitment");
    }
    auto d = vole_bob_finish(std::move(*peer.bob), peer.setup.gadget, *alice_msg);
    peer.bob.reset();
    if (!d) return blame(j, d.error());
    // DKLs23 Prot. 3.6 round 3: the vOLE inputs were r_j and sk_j.
    const Scalar& chi = peer.chi.expose();
    if (!(Point::base_mul((*d)[0].expose()) + *gamma_u == chi * *R_j)) {
      return blame(j, ErrorCode::kProtocolAbort, "multiplication input is not the committed nonce (Γ^u check)");
    }
    if (!(Point::base_mul((*d)[1].expose()) + *gamma_v == chi * peer.pk)) {
      return blame(j, ErrorCode::kProtocolAbort, "multiplication input is not its key share (Γ^v check)");
    }
    R += *R_j;
    phi_total.expose_mut() += *psi;
    cross_u.expose_mut() += peer.c[0].expose() + (*d)[0].expose();
    cross_v.expose_mut() += peer.c[1].expose() + (*d)[1].expose();
  }
  if (R.is_identity()) return fail(ErrorCode::kProtocolAbort, "ecdsa sign: combined nonce is the identity");
  R_ = R;
  const auto rc = R_.to_bytes();
  const Scalar rx = Scalar::reduce(ByteView(rc.data() + 1, 32));
  const Scalar h = Scalar::reduce(request_.digest);
  const Secret<Scalar> u(r_.expose() * phi_total.expose() + cross_u.expose());
  const Secret<Scalar> v(sk_.expose() * phi_total.expose() + cross_v.expose());
  const Secret<Scalar> w(h * phi_.expose() + rx * v.expose());
  u_sum_ = u.expose();
  w_sum_ = w.expose();
  // The secrets of this run are no longer needed.
  r_ = Secret<Scalar>();
  phi_ = Secret<Scalar>();
  runtime::Outgoing out;
  if (!peers_.empty()) {
    ByteWriter wr;
    wr.write_bytes(context_).write_scalar<Secp256k1>(u.expose()).write_scalar<Secp256k1>(w.expose());
    out.broadcast = wr.finish();
  }
  return out;
}

Status SignParty::finish(runtime::Inbox& inbox) {
  for (auto& [j, peer] : peers_) {
    const ByteView payload = inbox.broadcast.at(j).payload;
    OKMPC_TRY(check_context(j, payload));
    ByteReader r(payload.subspan(32), "ecdsa sign round 3");
    auto u = r.read_scalar<Secp256k1>("u");
    auto w = r.read_scalar<Secp256k1>("w");
    if (!u || !w || !r.finish()) return blame(j, ErrorCode::kInvalidEncoding, "malformed round 3 message");
    u_sum_ += *u;
    w_sum_ += *w;
  }
  if (u_sum_.is_zero()) return fail(ErrorCode::kProtocolAbort, "ecdsa sign: Σu is zero");
  const Scalar s = w_sum_ * u_sum_.invert();
  auto sig = finalize_signature(R_, s, request_.digest, share_.group_public_key);
  if (!sig) {
    return fail(ErrorCode::kProtocolAbort,
                "ecdsa sign: final check failed, the combined signature does not verify (" + sig.error().message +
                    "); a signer sent an inconsistent u or w in round 3 (DKLs23 cannot attribute it)");
  }
  signature_ = *sig;
  return ok();
}

}  // namespace okmpc::ecdsa
