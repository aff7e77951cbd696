#include "protocols/ecdsa/vole.hpp"

#include <cryptopp/aes.h>
#include <cryptopp/modes.h>
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
constexpr std::string_view kPadLabel = "okmpc/ecdsa/vole/pad-aes-key/v2";
constexpr std::string_view kCheckLabel = "okmpc/ecdsa/vole/check";
constexpr std::string_view kDomain = "okmpc/ecdsa/vole/v2";

using Corr = std::array<Scalar, kCorr>;

// The OT pads of one extension, as a tweakable correlation-robust hash of
// the KOS rows (Guo, Katz, Wang, Yu, "Efficient and Secure Multiparty
// Computation from Fixed-Key Block Ciphers", IEEE S&P 2020, §7.4: TCCR
// H(x, i) = π(π(x) ⊕ i) ⊕ π(x)) with π = AES-128 under a key derived from
// the pad session id (BLAKE2b(label ‖ pad_sid), so every extension has its
// own permutation). Row j gives 6 blocks with tweaks i = 6j..6j+5, read as
// kCorr = 3 scalars of 32 bytes each, taken as an integer when < n (always
// but with probability 2^-128), else reduced.
// All rows of an extension go through AES in two batched ECB calls (AES-NI
// when the CPU has it; Crypto++'s table-based AES otherwise, which is not
// guaranteed constant time — papers/dkls23.md, "Deviations").
class PadHasher {
 public:
  explicit PadHasher(ByteView pad_sid) {
    ByteArray<16> key;
    crypto_generichash_state st;
    crypto_generichash_init(&st, nullptr, 0, key.size());
    crypto_generichash_update(&st, reinterpret_cast<const uint8_t*>(kPadLabel.data()), kPadLabel.size());
    crypto_generichash_update(&st, pad_sid.data(), pad_sid.size());
    crypto_generichash_final(&st, key.data(), key.size());
    aes_.SetKey(key.data(), key.size());
    sodium_memzero(key.data(), key.size());
  }
  PadHasher(const PadHasher&) = delete;
  PadHasher& operator=(const PadHasher&) = delete;

  // out[j] = the pads of row_of(j) for j < out.size().
  template <class RowOf>
  void hash_rows(RowOf row_of, SecretVector<Corr>& out) {
    const size_t n = out.size();
    Bytes x(16 * n), y(16 * n), t(16 * kBlocks * n), e(16 * kBlocks * n);
    for (size_t j = 0; j < n; ++j) {
      const auto rb = row_of(j).to_bytes();
      std::copy(rb.begin(), rb.end(), x.begin() + static_cast<std::ptrdiff_t>(16 * j));
    }
    aes_.ProcessData(y.data(), x.data(), x.size());  // π(x_j)
    for (size_t j = 0; j < n; ++j) {
      for (size_t c = 0; c < kBlocks; ++c) {
        const uint64_t tweak = kBlocks * j + c;
        uint8_t* tb = t.data() + 16 * (kBlocks * j + c);
        std::copy(y.begin() + static_cast<std::ptrdiff_t>(16 * j), y.begin() + static_cast<std::ptrdiff_t>(16 * j + 16), tb);
        for (size_t b = 0; b < 8; ++b) tb[b] ^= static_cast<uint8_t>(tweak >> (8 * b));
      }
    }
    aes_.ProcessData(e.data(), t.data(), t.size());  // π(π(x_j) ⊕ i)
    for (size_t j = 0; j < n; ++j) {
      uint8_t* eb = e.data() + 16 * kBlocks * j;
      for (size_t k = 0; k < 16 * kBlocks; ++k) eb[k] ^= y[16 * j + k % 16];
      for (size_t k = 0; k < kCorr; ++k) {
        const ByteView chunk(eb + 32 * k, 32);
        auto s = Scalar::from_bytes(chunk);
        out[j][k] = s ? *s : Scalar::reduce(chunk);
      }
    }
    for (Bytes* b : {&x, &y, &t, &e}) sodium_memzero(b->data(), b->size());
  }

 private:
  static constexpr size_t kBlocks = 2 * kCorr;  // 16-byte blocks per row
  CryptoPP::ECB_Mode<CryptoPP::AES>::Encryption aes_;
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

// ⟨g, x⟩ for g = gadget_vector(seed): its first 256 entries are 2^j, so that
// part is summed by Horner's rule (additions instead of multiplications).
template <class At>
Scalar gadget_dot(std::span<const Scalar> g, At x_at) {
  Scalar lo = Scalar::zero();
  for (size_t j = 256; j-- > 0;) lo = lo + lo + x_at(j);
  Scalar hi = Scalar::zero();
  for (size_t j = 256; j < g.size(); ++j) hi += g[j] * x_at(j);
  return lo + hi;
}

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
  SecretVector<Corr> alpha0(kVoleBatch), alpha1(kVoleBatch);
  PadHasher pads(pad_sid);
  pads.hash_rows([&](size_t j) { return q[j]; }, alpha0);
  pads.hash_rows([&](size_t j) { return q[j] ^ seeds.delta; }, alpha1);
  ByteWriter msg;
  msg.write_bytes(nonce_a);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    for (size_t k = 0; k < kCorr; ++k) {
      msg.write_scalar<Secp256k1>(alpha0[j][k] - alpha1[j][k] + corr[k]);
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
    out.c[i] = Secret<Scalar>(-gadget_dot(gadget, [&](size_t j) { return alpha0[j][i]; }));
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
  PadHasher pads(pad_sid);
  pads.hash_rows([&](size_t j) { return bob.rows[j]; }, ddot);
  CheckHash h(pad_sid);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    const bool beta = choice_bit(bob.choices.expose(), j) != 0;
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
    d[i] = Secret<Scalar>(gadget_dot(gadget, [&](size_t j) { return ddot[j][i]; }));
  }
  return d;
}

}  // namespace okmpc::ecdsa
