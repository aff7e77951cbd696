#include "protocols/ecdsa/ot/base_ot.hpp"

#include <cstring>

#include "mpc/codec.hpp"
#include "mpc/hash.hpp"
#include "mpc/schnorr_proof.hpp"
#include "mpc/transcript.hpp"

namespace okmpc::ecdsa::ot {
namespace {

using Scalar = Secp256k1::Scalar;
using Point = Secp256k1::Point;

constexpr std::string_view kDomain = "okmpc/ecdsa/base-ot/v1";
constexpr std::string_view kPadLabel = "okmpc/ecdsa/base-ot/pad";
constexpr std::string_view kOpenLabel = "okmpc/ecdsa/base-ot/open";

Bytes index_bytes(size_t i) {
  Bytes b;
  append_u32_be(b, static_cast<uint32_t>(i));
  return b;
}

Seed pad(ByteView sid, size_t i, const Point& p) {
  return sha256({as_bytes(kPadLabel), sid, index_bytes(i), p.to_bytes()});
}
// Ĥ
Seed open_hash(const Seed& s) { return sha256({as_bytes(kOpenLabel), s}); }

// Constant-time `bit ? b : a` over the object bytes of a trivially copyable T.
template <class T>
T ct_select(uint64_t bit, const T& a, const T& b) {
  static_assert(std::is_trivially_copyable_v<T>);
  unsigned char ra[sizeof(T)], rb[sizeof(T)];
  std::memcpy(ra, &a, sizeof(T));
  std::memcpy(rb, &b, sizeof(T));
  const unsigned char m = static_cast<unsigned char>(0 - bit);
  for (size_t k = 0; k < sizeof(T); ++k) ra[k] = static_cast<unsigned char>(ra[k] ^ ((ra[k] ^ rb[k]) & m));
  T out;
  std::memcpy(&out, ra, sizeof(T));
  sodium_memzero(ra, sizeof ra);
  sodium_memzero(rb, sizeof rb);
  return out;
}

tl::unexpected<Error> abort_with(std::string what) {
  return fail(ErrorCode::kProtocolAbort, "base OT: " + std::move(what));
}

}  // namespace

Step1 base_ot_sender_hello(ByteView sid, Rng& rng) {
  Step1 out;
  out.state.b = Secret<Scalar>(Scalar::random(rng));
  out.state.B = Point::base_mul(out.state.b.expose());
  Transcript t(kDomain, sid);
  const SchnorrProof<Secp256k1> proof = prove<Secp256k1>(t, out.state.b, out.state.B, rng);
  ByteWriter w;
  w.write_point<Secp256k1>(out.state.B).write_bytes(proof.to_bytes());
  out.message = w.finish();
  return out;
}

Result<Step2> base_ot_receiver_choose(ByteView sid, ByteView message1, Rng& rng) {
  ByteReader r(message1, "base OT message 1");
  OKMPC_ASSIGN_OR_RETURN(const Point B, r.read_point<Secp256k1>("B"));
  OKMPC_ASSIGN_OR_RETURN(ByteView proof_bytes, r.read_bytes(SchnorrProof<Secp256k1>::kBytes, "proof"));
  OKMPC_TRY(r.finish());
  OKMPC_ASSIGN_OR_RETURN(const auto proof, SchnorrProof<Secp256k1>::from_bytes(proof_bytes));
  Transcript t(kDomain, sid);
  if (auto st = verify<Secp256k1>(t, B, proof); !st) return abort_with(st.error().message);

  Step2 out;
  out.state.choices = Secret<Block>(Block::from_bytes(rng.bytes<16>()));
  const Block& w = out.state.choices.expose();
  ByteWriter msg;
  for (size_t i = 0; i < kKappa; ++i) {
    Secret<Scalar> a(Scalar::random(rng));
    // A = a·G + ω_i·B without a·G or ω_i reaching variable-time code: A is
    // published, a·G is not (for ω_i = 1 it would reveal the choice).
    msg.write_point<Secp256k1>(Point::base_mul_add_if(a.expose(), B, w.bit(i) != 0));
    out.state.pads.expose_mut()[i] = pad(sid, i, a.expose() * B);
  }
  out.message = msg.finish();
  return out;
}

Result<Bytes> base_ot_sender_challenge(BaseOtSender& state, ByteView sid, ByteView message2) {
  ByteReader r(message2, "base OT message 2");
  ByteWriter out;
  ReceiverSeeds& pads = state.pads.expose_mut();
  for (size_t i = 0; i < kKappa; ++i) {
    OKMPC_ASSIGN_OR_RETURN(const Point A, r.read_point<Secp256k1>("A"));
    pads.seeds0[i] = pad(sid, i, state.b.expose() * A);
    pads.seeds1[i] = pad(sid, i, state.b.expose() * (A - state.B));
    const Seed h0 = open_hash(open_hash(pads.seeds0[i]));
    const Seed h1 = open_hash(open_hash(pads.seeds1[i]));
    Seed xi;
    for (size_t k = 0; k < xi.size(); ++k) xi[k] = h0[k] ^ h1[k];
    out.write_bytes(xi);
  }
  OKMPC_TRY(r.finish());
  return out.finish();
}

Result<Bytes> base_ot_receiver_respond(BaseOtReceiver& state, ByteView message3) {
  ByteReader r(message3, "base OT message 3");
  ByteWriter out;
  for (size_t i = 0; i < kKappa; ++i) {
    OKMPC_ASSIGN_OR_RETURN(state.xi[i], r.read_array<32>("xi"));
    const Seed h = open_hash(open_hash(state.pads.expose()[i]));
    const uint8_t m = static_cast<uint8_t>(0 - state.choices.expose().bit(i));
    Seed resp;
    for (size_t k = 0; k < resp.size(); ++k) resp[k] = h[k] ^ (state.xi[i][k] & m);
    out.write_bytes(resp);
  }
  OKMPC_TRY(r.finish());
  return out.finish();
}

Result<Bytes> base_ot_sender_open(const BaseOtSender& state, ByteView message4) {
  ByteReader r(message4, "base OT message 4");
  ByteWriter out;
  const ReceiverSeeds& pads = state.pads.expose();
  bool good = true;
  for (size_t i = 0; i < kKappa; ++i) {
    OKMPC_ASSIGN_OR_RETURN(const Seed resp, r.read_array<32>("response"));
    const Seed want = open_hash(open_hash(pads.seeds0[i]));
    good &= ct_equal(resp, want);
    out.write_bytes(open_hash(pads.seeds0[i])).write_bytes(open_hash(pads.seeds1[i]));
  }
  OKMPC_TRY(r.finish());
  if (!good) return abort_with("receiver's response does not match (DKLs18 verified Simplest OT)");
  return out.finish();
}

Result<Secret<SenderSeeds>> base_ot_receiver_finish(const BaseOtReceiver& state, ByteView message5) {
  ByteReader r(message5, "base OT message 5");
  Secret<SenderSeeds> out;
  SenderSeeds& seeds = out.expose_mut();
  seeds.delta = state.choices.expose();
  bool good = true;
  for (size_t i = 0; i < kKappa; ++i) {
    OKMPC_ASSIGN_OR_RETURN(const Seed o0, r.read_array<32>("opening 0"));
    OKMPC_ASSIGN_OR_RETURN(const Seed o1, r.read_array<32>("opening 1"));
    const Seed mine = open_hash(state.pads.expose()[i]);
    const Seed chosen = ct_select(seeds.delta.bit(i), o0, o1);
    good &= ct_equal(mine, chosen);
    const Seed h0 = open_hash(o0), h1 = open_hash(o1);
    Seed xi;
    for (size_t k = 0; k < xi.size(); ++k) xi[k] = h0[k] ^ h1[k];
    good &= ct_equal(xi, state.xi[i]);
    seeds.seeds[i] = state.pads.expose()[i];
  }
  OKMPC_TRY(r.finish());
  if (!good) {
    return abort_with("sender's openings are inconsistent with its challenge (DKLs18 verified Simplest OT)");
  }
  return out;
}

}  // namespace okmpc::ecdsa::ot
