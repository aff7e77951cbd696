#include "protocols/ecdsa/vole.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include <cryptopp/aes.h>
#include <cryptopp/modes.h>
#include <sodium.h>

#include "mpc/codec.hpp"
#include "mpc/ctime.hpp"
#include "mpc/hash.hpp"
#include "mpc/transcript.hpp"
#include "protocols/ecdsa/wide_sum.hpp"

namespace okmpc::ecdsa {
namespace {

constexpr size_t kCorr = kVoleWidth + kVoleCheck;  // (a_1, a_2, â) per OT
constexpr std::string_view kGadgetLabel = "okmpc/ecdsa/vole/gadget/v2";
constexpr size_t kGadgetRandomEntries = kVoleBatch - 256;  // 2s
constexpr std::string_view kExtLabel = "okmpc/ecdsa/vole/ext-sid";
constexpr std::string_view kPadSidLabel = "okmpc/ecdsa/vole/pad-sid";
constexpr std::string_view kPadLabel = "okmpc/ecdsa/vole/pad-aes-key/v2";
constexpr std::string_view kCheckLabel = "okmpc/ecdsa/vole/check/sha256";
constexpr std::string_view kDomain = "okmpc/ecdsa/vole/v3";

using Corr = std::array<Scalar, kCorr>;
// One row's pads as raw 256-bit integers (WideSum::Raw), not yet reduced:
// every use of a pad goes through a WideSum, which reduces once at the end.
using RawCorr = std::array<WideSum::Raw, kCorr>;

// 32 big-endian bytes as a raw 256-bit integer (little-endian limbs).
WideSum::Raw raw_be32(const uint8_t* be32) {
  WideSum::Raw l{};
  for (size_t i = 0; i < 4; ++i) {
    for (size_t j = 0; j < 8; ++j) l[i] = (l[i] << 8) | be32[(3 - i) * 8 + j];
  }
  return l;
}

// The OT pads of one extension, as a tweakable correlation-robust hash of
// the KOS rows (Guo, Katz, Wang, Yu, "Efficient and Secure Multiparty
// Computation from Fixed-Key Block Ciphers", IEEE S&P 2020, §7.4: TCCR
// H(x, i) = π(π(x) ⊕ i) ⊕ π(x)) with π = AES-128 under a key derived from
// the pad session id (BLAKE2b(label ‖ pad_sid), so every extension has its
// own permutation). Row j gives 6 blocks with tweaks i = 6j..6j+5, read as
// kCorr = 3 scalars of 32 bytes each, each a big-endian integer mod n (< n,
// so unchanged, but with probability 2^-128). They are handed out as raw
// 256-bit integers and reduced mod n where they are used (WideSum): the
// same values mod n, one reduction fewer per pad.
// The rows go through AES in batched ECB calls of kChunk rows (AES-NI
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

  // out[j] = the pads of row_of(j) for j < out.size(). Rows go through AES
  // in chunks of kChunk (stack buffers, wiped).
  template <class RowOf>
  void hash_rows(RowOf row_of, SecretVector<RawCorr>& out) {
    for (size_t first = 0; first < out.size(); first += kChunk) {
      hash_chunk(row_of, out, first, std::min(kChunk, out.size() - first));
    }
  }

 private:
  static constexpr size_t kBlocks = 2 * kCorr;  // 16-byte blocks per row
  static constexpr size_t kChunk = 32;          // rows per batched AES call

  template <class RowOf>
  void hash_chunk(RowOf row_of, SecretVector<RawCorr>& out, size_t first, size_t n) {
    std::array<uint8_t, 16 * kChunk> x, y;
    std::array<uint8_t, 16 * kBlocks * kChunk> t, e;
    for (size_t j = 0; j < n; ++j) {
      const auto rb = row_of(first + j).to_bytes();
      std::copy(rb.begin(), rb.end(), x.begin() + static_cast<std::ptrdiff_t>(16 * j));
    }
    aes_.ProcessData(y.data(), x.data(), 16 * n);  // π(x_j)
    for (size_t j = 0; j < n; ++j) {
      for (size_t c = 0; c < kBlocks; ++c) {
        const uint64_t tweak = kBlocks * (first + j) + c;
        uint8_t* tb = t.data() + 16 * (kBlocks * j + c);
        std::copy(y.begin() + static_cast<std::ptrdiff_t>(16 * j), y.begin() + static_cast<std::ptrdiff_t>(16 * j + 16), tb);
        for (size_t b = 0; b < 8; ++b) tb[b] ^= static_cast<uint8_t>(tweak >> (8 * b));  // little-endian i
      }
    }
    aes_.ProcessData(e.data(), t.data(), 16 * kBlocks * n);  // π(π(x_j) ⊕ i)
    for (size_t j = 0; j < n; ++j) {
      uint8_t* eb = e.data() + 16 * kBlocks * j;
      uint64_t yw[2];  // π(x_j) as two words, XORed into each of the row's blocks
      std::memcpy(yw, y.data() + 16 * j, 16);
      for (size_t k = 0; k < 2 * kBlocks; ++k) {
        uint64_t ew;
        std::memcpy(&ew, eb + 8 * k, 8);
        ew ^= yw[k % 2];
        std::memcpy(eb + 8 * k, &ew, 8);
      }
      sodium_memzero(yw, sizeof yw);
      for (size_t k = 0; k < kCorr; ++k) out[first + j][k] = raw_be32(eb + 32 * k);
    }
    for (auto* b : {&x, &y}) sodium_memzero(b->data(), b->size());
    for (auto* b : {&t, &e}) sodium_memzero(b->data(), b->size());
  }

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
  // SHA-256 of ã (40 kB): binds it at a fraction of the transcript hash's
  // cost (OpenSSL, SHA extensions where the CPU has them).
  t.append("a-tilde-sha256", sha256(tau));
  Theta theta;
  for (auto& x : theta) x = t.challenge<Secp256k1>("theta");
  return theta;
}

// μ_j = x_{j,ℓ} + Σ_i θ_i·x_{j,i} (+ extra, unreduced): the check
// combination of one OT's values (scalars or raw pads), reduced once.
template <class Values>
Scalar check_combination(const Theta& theta, const Values& x, WideSum extra = {}) {
  WideSum m = extra;
  m.add(x[kVoleWidth]);
  for (size_t i = 0; i < kVoleWidth; ++i) m.add_mul(theta[i], x[i]);
  return m.reduce();
}

// H(μ): μ is ξ scalars, hashed in order with the session (SHA-256). The
// scalars are gathered in blocks so the hash sees few, large updates.
class CheckHash {
 public:
  explicit CheckHash(ByteView pad_sid) {
    h_.update(as_bytes(kCheckLabel));
    h_.update(pad_sid);
  }
  CheckHash(const CheckHash&) = delete;
  CheckHash& operator=(const CheckHash&) = delete;
  ~CheckHash() { sodium_memzero(buf_.data(), buf_.size()); }

  void absorb_scalar(const Scalar& s) {
    const auto b = s.to_bytes();
    std::copy(b.begin(), b.end(), buf_.begin() + static_cast<std::ptrdiff_t>(used_));
    used_ += b.size();
    if (used_ == buf_.size()) flush();
  }
  Hash32 finish() {
    flush();
    return h_.finish();
  }

 private:
  void flush() {
    h_.update(ByteView(buf_.data(), used_));
    used_ = 0;
  }
  Sha256 h_;
  std::array<uint8_t, 32 * 64> buf_{};
  size_t used_ = 0;
};

// ⟨g, x⟩ for g = gadget_vector(seed): its first 256 entries are 2^j, added
// as shifted integers; the 2s pseudo-random entries as products; one
// reduction for the whole sum.
template <class At>
Scalar gadget_dot(std::span<const Scalar> g, At x_at) {
  WideSum sum;
  for (size_t j = 0; j < 256; ++j) sum.add_shifted(x_at(j), static_cast<unsigned>(j));
  for (size_t j = 256; j < g.size(); ++j) sum.add_mul(g[j], x_at(j));
  return sum.reduce();
}

// 2^0 .. 2^255 (each < n), the first 256 gadget entries: computed once per
// process (thread-safe static initialisation).
const std::array<Scalar, 256>& powers_of_two() {
  static const std::array<Scalar, 256> table = [] {
    std::array<Scalar, 256> t;
    Scalar p = Scalar::one();
    for (Scalar& entry : t) {
      entry = p;
      p += p;
    }
    return t;
  }();
  return table;
}

uint64_t choice_bit(ByteView choices, size_t j) { return (choices[j / 8] >> (j % 8)) & 1u; }

}  // namespace

std::vector<Scalar> gadget_vector(ByteView seed) {
  std::vector<Scalar> g(kVoleBatch);
  const std::array<Scalar, 256>& powers = powers_of_two();
  std::copy(powers.begin(), powers.end(), g.begin());
  // One hash of the seed keys a ChaCha20 stream of 64 bytes per entry
  // (public values: nothing to wipe).
  const Hash32 key = sha256({as_bytes(kGadgetLabel), seed});
  Bytes stream(64 * kGadgetRandomEntries);
  const std::array<uint8_t, crypto_stream_chacha20_ietf_NONCEBYTES> nonce{};
  crypto_stream_chacha20_ietf(stream.data(), stream.size(), nonce.data(), key.data());
  for (size_t k = 0; k < kGadgetRandomEntries; ++k) {
    WideSum entry;  // the 64 bytes as an integer mod n, one reduction
    entry.add_be64(ByteView(stream).subspan(64 * k, 64));
    g[256 + k] = entry.reduce();
  }
  return g;
}

size_t vole_bob_message_bytes() { return 32 + ot::ExtensionMessage::encoded_size(kVoleBatch); }
size_t vole_alice_message_bytes() { return 32 + kVoleBatch * kCorr * 32 + kVoleCheck * 32 + 32; }

VoleBobStart vole_bob_start(const ot::ReceiverSeeds& seeds, ByteView sid,
                            std::span<const Scalar> gadget, Rng& rng) {
  const ByteArray<32> nonce = rng.bytes<32>();
  declassify(nonce);  // sent in the message; the KOS PRG's nonce and counter derive from it
  VoleBobStart out;
  out.state.ext_sid = ext_sid_of(sid, nonce);
  ot::ReceiverExtension ext = ot::kos_extend_receiver(seeds, out.state.ext_sid, kVoleBatch, rng);
  WideSum b;  // b = ⟨g, β⟩ (β secret: masked adds)
  for (size_t j = 0; j < kVoleBatch; ++j) b.add_masked(gadget[j], choice_bit(ext.choices.expose(), j));
  out.state.b = Secret<Scalar>(b.reduce());
  b = WideSum();
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
  SecretVector<RawCorr> alpha0(kVoleBatch), alpha1(kVoleBatch);
  PadHasher pads(pad_sid);
  pads.hash_rows([&](size_t j) { return q[j]; }, alpha0);
  pads.hash_rows([&](size_t j) { return q[j] ^ seeds.delta; }, alpha1);
  Bytes msg;
  msg.reserve(vole_alice_message_bytes());
  append(msg, nonce_a);
  for (size_t j = 0; j < kVoleBatch; ++j) {
    for (size_t k = 0; k < kCorr; ++k) {
      WideSum t;
      t.add(alpha0[j][k]);
      t.add_neg(alpha1[j][k]);
      t.add(corr[k]);
      append(msg, t.reduce().to_bytes());
    }
  }
  const ByteView tau = ByteView(msg).subspan(32);

  // θ ← H(sid ‖ ã); η = â + Σθ_i·a_i; μ = H(sid ‖ (α0_{j,ℓ} + Σθ_i·α0_{j,i})_j).
  const Theta theta = challenges(pad_sid, tau);
  append(msg, check_combination(theta, corr).to_bytes());
  CheckHash h(pad_sid);
  for (size_t j = 0; j < kVoleBatch; ++j) h.absorb_scalar(check_combination(theta, alpha0[j]));
  append(msg, h.finish());
  // Output c_i = −Σ_j g_j·α0_{j,i}.
  VoleAliceResult out;
  for (size_t i = 0; i < kVoleWidth; ++i) {
    out.c[i] = Secret<Scalar>(-gadget_dot(gadget, [&](size_t j) { return alpha0[j][i]; }));
  }
  out.message = std::move(msg);
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
  SecretVector<RawCorr> gamma(kVoleBatch);  // γ_j = α_{β_j, j}, raw
  PadHasher pads(pad_sid);
  pads.hash_rows([&](size_t j) { return bob.rows[j]; }, gamma);
  SecretVector<Corr> ddot(kVoleBatch);
  CheckHash h(pad_sid);
  const Scalar neg_eta = -eta;
  for (size_t j = 0; j < kVoleBatch; ++j) {
    const uint64_t beta = choice_bit(bob.choices.expose(), j);
    for (size_t k = 0; k < kCorr; ++k) {
      WideSum t;
      t.add(gamma[j][k]);
      t.add_masked(tau[j][k], beta);
      ddot[j][k] = t.reduce();
    }
    WideSum minus_beta_eta;
    minus_beta_eta.add_masked(neg_eta, beta);
    h.absorb_scalar(check_combination(theta, ddot[j], minus_beta_eta));
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
