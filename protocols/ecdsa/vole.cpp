#include "protocols/ecdsa/vole.hpp"

#include <sodium.h>

#include "mpc/codec.hpp"
#include "mpc/ctime.hpp"
#include "mpc/hash.hpp"
#include "mpc/transcript.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr size_t kCorr = kVoleWidth + kVoleCheck;  // (a_1, a_2, â) per OT
constexpr std::string_view kGadgetLabel = "okmpc/ecdsa/vole/gadget";
constexpr std::string_view kExtLabel = "okmpc/ecdsa/vole/ext-sid";
constexpr std::string_view kPadSidLabel = "okmpc/ecdsa/vole/pad-sid";
constexpr std::string_view kPadLabel = "okmpc/ecdsa/vole/pad";
constexpr std::string_view kCheckLabel = "okmpc/ecdsa/vole/check";
constexpr std::string_view kDomain = "okmpc/ecdsa/vole/v1";

using Corr = std::array<Scalar, kCorr>;

// The OT pads of one extension: for row j, kCorr scalars from
// BLAKE2b_k(j ‖ row) with k = BLAKE2b(label ‖ pad_sid) (a correlation-robust
// hash of the row, keyed by the session) expanded by ChaCha20.
// Each scalar is 32 stream bytes taken as an integer when < n (always, but
// with probability 2^-128), else reduced: uniform without a wide reduction.
class PadHasher {
 public:
  explicit PadHasher(ByteView pad_sid) {
    // Key = BLAKE2b-256(label ‖ pad_sid): one keyed BLAKE2b call per row.
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, key_.size());
    crypto_generichash_update(&st, reinterpret_cast<const uint8_t*>(kPadLabel.data()), kPadLabel.size());
    crypto_generichash_update(&st, pad_sid.data(), pad_sid.size());
    crypto_generichash_final(&st, key_.data(), key_.size());
  }
  ~PadHasher() { sodium_memzero(key_.data(), key_.size()); }
  PadHasher(const PadHasher&) = delete;
  PadHasher& operator=(const PadHasher&) = delete;

  Corr pad(size_t j, const ot::Block& row) const {
    uint8_t in[4 + 16];
    in[0] = static_cast<uint8_t>(j >> 24);
    in[1] = static_cast<uint8_t>(j >> 16);
    in[2] = static_cast<uint8_t>(j >> 8);
    in[3] = static_cast<uint8_t>(j);
    const auto rb = row.to_bytes();
    std::copy(rb.begin(), rb.end(), in + 4);
    ByteArray<32> seed;
    crypto_generichash(seed.data(), seed.size(), in, sizeof in, key_.data(), key_.size());
    ByteArray<32 * kCorr> stream;
    ByteArray<crypto_stream_chacha20_NONCEBYTES> nonce{};
    crypto_stream_chacha20(stream.data(), stream.size(), nonce.data(), seed.data());
    Corr out;
    for (size_t k = 0; k < kCorr; ++k) {
      const ByteView chunk = ByteView(stream).subspan(32 * k, 32);
      auto s = Scalar::from_bytes(chunk);
      out[k] = s ? *s : Scalar::reduce(chunk);
    }
    sodium_memzero(stream.data(), stream.size());
    sodium_memzero(seed.data(), seed.size());
    sodium_memzero(in, sizeof in);
    return out;
  }

 private:
  ByteArray<32> key_{};
};

Bytes ext_sid_of(ByteView sid, ByteView nonce_b) {
  const Hash32 h = sha256({as_bytes(kExtLabel), sid, nonce_b});
  return Bytes(h.begin(), h.end());
}

Bytes pad_sid_of(ByteView ext_sid, ByteView nonce_a) {
  const Hash32 h = sha256({as_bytes(kPadSidLabel), ext_sid, nonce_a});
  return Bytes(h.begin(), h.end());
}

// θ ∈ Z_q^{ℓ×ρ} (ρ = 1): Fiat–Shamir over the session and ã, after Alice is
// bound to all her correlations (DKLs23 Prot. 5.2 step "θ ← H(sid ‖ ã)").
using Theta = std::array<Scalar, kVoleWidth>;
Theta challenges(ByteView pad_sid, ByteView tau) {
  Transcript t(kDomain, pad_sid);
  ByteArray<64> tau_digest;  // BLAKE2b-512 of ã: binds it at a fraction of SHA-512's cost
  crypto_generichash(tau_digest.data(), tau_digest.size(), tau.data(), tau.size(), nullptr, 0);
  t.append("a-tilde-blake2b", tau_digest);
  Theta theta;
  for (auto& x : theta) x = t.challenge<Secp256k1>("theta");
  return theta;
}

// μ_j = x_{j,ℓ} + Σ_i θ_i·x_{j,i}: the check combination of one OT's values.
Scalar check_combination(const Theta& theta, const Corr& x) {
  Scalar m = x[kVoleWidth];
  for (size_t i = 0; i < kVoleWidth; ++i) m += theta[i] * x[i];
  return m;
}

// H(μ): μ is ξ scalars, hashed in order with the session (BLAKE2b-256).
class CheckHash {
 public:
  explicit CheckHash(ByteView pad_sid) {
    crypto_generichash_init(&st_, nullptr, 0, 32);
    absorb(as_bytes(kCheckLabel));
    absorb(pad_sid);
  }
  void absorb_scalar(const Scalar& s) { absorb(s.to_bytes()); }
  Hash32 finish() {
    Hash32 out;
    crypto_generichash_final(&st_, out.data(), out.size());
    return out;
  }

 private:
  void absorb(ByteView b) { crypto_generichash_update(&st_, b.data(), b.size()); }
  crypto_generichash_state st_;
};

uint64_t choice_bit(ByteView choices, size_t j) { return (choices[j / 8] >> (j % 8)) & 1u; }

}  // namespace

std::vector<Scalar> gadget_vector(ByteView seed) {
  std::vector<Scalar> g(kVoleBatch);
  Scalar p = Scalar::one();
  const Scalar two = Scalar::from_u64(2);
  for (size_t j = 0; j < 256; ++j) {
    g[j] = p;
    p = p * two;
  }
  for (size_t j = 256; j < kVoleBatch; ++j) {
    Bytes idx;
    append_u32_be(idx, static_cast<uint32_t>(j));
    g[j] = Scalar::reduce(sha512({as_bytes(kGadgetLabel), seed, idx}));
  }
  return g;
}

size_t vole_bob_message_bytes() { return 32 + ot::ExtensionMessage::encoded_size(kVoleBatch); }
size_t vole_alice_message_bytes() { return 32 + kVoleBatch * kCorr * 32 + kVoleCheck * 32 + 32; }

VoleBobStart vole_bob_start(const ot::ReceiverSeeds& seeds, ByteView sid,
                            std::span<const Scalar> gadget, Rng& rng) {
  const ByteArray<32> nonce = rng.bytes<32>();
  VoleBobStart out;
  out.state.ext_sid = ext_sid_of(sid, nonce);
  ot::ReceiverExtension ext = ot::kos_extend_receiver(seeds, out.state.ext_sid, kVoleBatch, rng);
  Scalar b = Scalar::zero();
  for (size_t j = 0; j < kVoleBatch; ++j) {
    b += Scalar::select(choice_bit(ext.choices.expose(), j) != 0, Scalar::zero(), gadget[j]);
  }
  out.state.b = Secret<Scalar>(b);
  b = Scalar::zero();
  out.state.rows = std::move(ext.rows);
  out.state.choices = std::move(ext.choices);
  out.message = Bytes(nonce.begin(), nonce.end());
  append(out.message, ext.message.encode());
  return out;
}

Result<VoleAliceResult> vole_alice(const ot::SenderSeeds& seeds, ByteView sid,
                                   std::span<const Scalar> gadget, ByteView bob_message,
                                   const std::array<const Scalar*, kVoleWidth>& a, Rng& rng) {
  ByteReader r(bob_message, "vOLE receiver message");
  OKMPC_ASSIGN_OR_RETURN(const auto nonce_b, r.read_array<32>("nonce"));
  OKMPC_ASSIGN_OR_RETURN(ByteView ext_bytes, r.read_bytes(ot::ExtensionMessage::encoded_size(kVoleBatch), "OT extension"));
  OKMPC_TRY(r.finish());
  OKMPC_ASSIGN_OR_RETURN(const auto ext, ot::ExtensionMessage::decode(ext_bytes, kVoleBatch));
  const Bytes ext_sid = ext_sid_of(sid, nonce_b);
  OKMPC_ASSIGN_OR_RETURN(ot::SecretBlocks q, ot::kos_extend_sender(seeds, ext_sid, ext, kVoleBatch));

  const ByteArray<32> nonce_a = rng.bytes<32>();
  const Bytes pad_sid = pad_sid_of(ext_sid, nonce_a);

  // DKLs23 Prot. 5.2: Alice's correlation per OT is her inputs a and one
  // random check value â (ρ = 1).
  Secret<Corr> corr_s;
  Corr& corr = corr_s.expose_mut();
  for (size_t i = 0; i < kVoleWidth; ++i) corr[i] = *a[i];
  corr[kVoleWidth] = Scalar::random(rng);

  // The OTs: α0_j = v0_j, ã_j = α0_j − α1_j + corr (sent).
  SecretVector<Corr> alpha0(kVoleBatch);
  ByteWriter msg;
  msg.write_bytes(nonce_a);
  const PadHasher pads(pad_sid);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    alpha0[j] = pads.pad(j, q[j]);
    Secret<Corr> v1(pads.pad(j, q[j] ^ seeds.delta));
    for (size_t k = 0; k < kCorr; ++k) {
      msg.write_scalar<Secp256k1>(alpha0[j][k] - v1.expose()[k] + corr[k]);
    }
  }
  const ByteView tau = ByteView(msg.bytes()).subspan(32);

  // θ ← H(sid ‖ ã); η = â + Σθ_i·a_i; μ = H(sid ‖ (α0_{j,ℓ} + Σθ_i·α0_{j,i})_j).
  const Theta theta = challenges(pad_sid, tau);
  msg.write_scalar<Secp256k1>(check_combination(theta, corr));
  CheckHash h(pad_sid);
  for (size_t j = 0; j < kVoleBatch; ++j) h.absorb_scalar(check_combination(theta, alpha0[j]));
  msg.write_bytes(h.finish());
  // Output c_i = −Σ_j g_j·α0_{j,i}.
  VoleAliceResult out;
  for (size_t i = 0; i < kVoleWidth; ++i) {
    Scalar c = Scalar::zero();
    for (size_t j = 0; j < kVoleBatch; ++j) c -= gadget[j] * alpha0[j][i];
    out.c[i] = Secret<Scalar>(c);
  }
  out.message = msg.finish();
  return out;
}

Result<VoleShares> vole_bob_finish(VoleBob&& bob_in, std::span<const Scalar> gadget, ByteView alice_message) {
  VoleBob bob = std::move(bob_in);
  ByteReader r(alice_message, "vOLE sender message");
  OKMPC_ASSIGN_OR_RETURN(const auto nonce_a, r.read_array<32>("nonce"));
  const size_t tau_at = r.offset();
  std::vector<Corr> tau(kVoleBatch);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    for (size_t k = 0; k < kCorr; ++k) {
      OKMPC_ASSIGN_OR_RETURN(tau[j][k], r.read_scalar<Secp256k1>("a-tilde"));
    }
  }
  const ByteView tau_bytes = alice_message.subspan(tau_at, r.offset() - tau_at);
  OKMPC_ASSIGN_OR_RETURN(const Scalar eta, r.read_scalar<Secp256k1>("eta"));
  OKMPC_ASSIGN_OR_RETURN(const auto mu_hash, r.read_array<32>("check hash"));
  OKMPC_TRY(r.finish());

  const Bytes pad_sid = pad_sid_of(bob.ext_sid, nonce_a);
  // ḋ_j = γ_j + β_j·ã_j (= α0_j + β_j·corr); μ'_j = ḋ_{j,ℓ} + Σθ_i·ḋ_{j,i} − β_j·η.
  const Theta theta = challenges(pad_sid, tau_bytes);
  SecretVector<Corr> ddot(kVoleBatch);
  const PadHasher pads(pad_sid);
  CheckHash h(pad_sid);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    const bool beta = choice_bit(bob.choices.expose(), j) != 0;
    ddot[j] = pads.pad(j, bob.rows[j]);
    for (size_t k = 0; k < kCorr; ++k) ddot[j][k] += Scalar::select(beta, Scalar::zero(), tau[j][k]);
    h.absorb_scalar(check_combination(theta, ddot[j]) - Scalar::select(beta, Scalar::zero(), eta));
  }
  const bool consistent = ct_equal(h.finish(), mu_hash);
  declassify(consistent);  // public: the party aborts or goes on
  if (!consistent) {
    return fail(ErrorCode::kProtocolAbort, "multiplication (vOLE) consistency check failed");
  }
  // d_i = Σ_j g_j·ḋ_{j,i}.
  VoleShares d;
  for (size_t i = 0; i < kVoleWidth; ++i) {
    Scalar acc = Scalar::zero();
    for (size_t j = 0; j < kVoleBatch; ++j) acc += gadget[j] * ddot[j][i];
    d[i] = Secret<Scalar>(acc);
  }
  return d;
}

}  // namespace okmpc::ecdsa
