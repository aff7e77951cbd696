#include "protocols/ecdsa/ot/kos.hpp"

#include <sodium.h>

#include "mpc/ctime.hpp"
#include "mpc/hash.hpp"
#include "mpc/secret.hpp"
#include "protocols/ecdsa/ot/transpose.hpp"

namespace okmpc::ecdsa::ot {
namespace {

constexpr std::string_view kPrgLabel = "okmpc/ecdsa/kos/prg-nonce/v3";
constexpr std::string_view kChiLabel = "okmpc/ecdsa/kos/chi/v2";

// G(k_i, sid) = ChaCha20-IETF (RFC 8439) keyed by the seed k_i (32 uniform
// bytes from a base OT; every column has its own) with the 96-bit nonce N
// and the 32-bit initial block counter c, where N ‖ c' are the first
// 16 bytes of SHA-256(label ‖ sid) and c = c' with its low `slot_bits` bits
// cleared, slot_bits = ⌈log2(blocks per column)⌉: one hash per extension,
// no per-column key derivation (the earlier XChaCha20 spent one HChaCha20
// per column on it).
//
// Why no keystream block is ever used twice under one seed: extension A
// uses blocks c_A .. c_A + blocks − 1 of the stream (N_A), extension B those
// of (N_B). If N_A ≠ N_B the streams are independent. If N_A = N_B, c_A and
// c_B are both multiples of 2^slot_bits ≥ blocks, so the two runs are
// either equal (c_A = c_B: all 128 − slot_bits hashed bits collide) or
// disjoint. sid holds a fresh 32-byte receiver nonce (vole.hpp), so over Q
// extensions under the same seeds a repeat has probability
// ≤ Q²/2^(129 − slot_bits) — Q²/2^128 for the 78-byte (2-block) columns of
// a signing; a repeat would reveal the XOR of two choice vectors (kos.hpp).
struct PrgNonce {
  std::array<uint8_t, crypto_stream_chacha20_ietf_NONCEBYTES> nonce{};
  uint32_t counter = 0;  // first block; a multiple of the column's block slot
};

PrgNonce prg_nonce(ByteView sid, size_t column_bytes) {
  static_assert(crypto_stream_chacha20_ietf_NONCEBYTES == 12);
  const Hash32 h = sha256({as_bytes(kPrgLabel), sid});
  PrgNonce n;
  std::copy(h.begin(), h.begin() + 12, n.nonce.begin());
  const size_t blocks = (column_bytes + 63) / 64;
  uint32_t slot = 1;
  while (slot < blocks) slot <<= 1;  // public: the column size
  n.counter = (uint32_t{h[12]} << 24 | uint32_t{h[13]} << 16 | uint32_t{h[14]} << 8 | h[15]) & ~(slot - 1);
  return n;
}

// out = G(seed, sid), filled up to out.size() (the column's length, which
// prg_nonce was given): blocks counter .. counter + blocks − 1, never past
// the 32-bit counter's end (the slot is aligned).
void prg(const Seed& seed, const PrgNonce& n, std::span<uint8_t> out) {
  std::fill(out.begin(), out.end(), uint8_t{0});
  crypto_stream_chacha20_ietf_xor_ic(out.data(), out.data(), out.size(), n.nonce.data(), n.counter, seed.data());
}

// χ_1..χ_m' from SHA-256(label ‖ len(sid) ‖ sid ‖ u) expanded by ChaCha20:
// the Fiat–Shamir replacement for the sender's random challenge (public
// values; u has the fixed size the caller checked).
std::vector<Block> challenges(ByteView sid, ByteView u, size_t rows) {
  Bytes sid_len;
  append_u32_be(sid_len, static_cast<uint32_t>(sid.size()));
  const Hash32 key = sha256({as_bytes(kChiLabel), sid_len, sid, u});
  Bytes stream(rows * 16);
  ByteArray<crypto_stream_chacha20_NONCEBYTES> nonce{};
  crypto_stream_chacha20(stream.data(), stream.size(), nonce.data(), key.data());
  std::vector<Block> chi(rows);
  for (size_t j = 0; j < rows; ++j) chi[j] = Block::from_bytes(ByteView(stream).subspan(16 * j, 16));
  return chi;
}

}  // namespace

Bytes ExtensionMessage::encode() const {
  Bytes out = u;
  append(out, check_x.to_bytes());
  append(out, check_t.to_bytes());
  return out;
}

Result<ExtensionMessage> ExtensionMessage::decode(ByteView bytes, size_t m) {
  if (bytes.size() != encoded_size(m)) {
    return fail(ErrorCode::kInvalidEncoding, "OT extension message: expected " +
                                                 std::to_string(encoded_size(m)) + " bytes, got " +
                                                 std::to_string(bytes.size()));
  }
  ExtensionMessage msg;
  const size_t ulen = bytes.size() - 32;
  msg.u.assign(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(ulen));
  msg.check_x = Block::from_bytes(bytes.subspan(ulen, 16));
  msg.check_t = Block::from_bytes(bytes.subspan(ulen + 16, 16));
  return msg;
}

ReceiverExtension kos_extend_receiver(const ReceiverSeeds& seeds, ByteView sid, size_t m, Rng& rng) {
  const size_t rows = padded_rows(m);
  const size_t col_bytes = rows / 8;
  SecretBytes choice_bits([&] {
    Bytes x(col_bytes);
    rng.fill(x);
    return x;
  }());
  const ByteView x = choice_bits.expose();

  ReceiverExtension out;
  Bytes t0(kKappa * col_bytes);  // columns G(k_i^0) (secret, wiped below)
  Bytes t1(col_bytes);
  out.message.u.resize(kKappa * col_bytes);
  const PrgNonce nonce = prg_nonce(sid, col_bytes);
  for (size_t i = 0; i < kKappa; ++i) {
    std::span<uint8_t> c0(t0.data() + i * col_bytes, col_bytes);
    prg(seeds.seeds0[i], nonce, c0);
    prg(seeds.seeds1[i], nonce, t1);
    for (size_t b = 0; b < col_bytes; ++b) out.message.u[i * col_bytes + b] = c0[b] ^ t1[b] ^ x[b];
  }
  SecretBlocks t = transpose_columns(t0, rows);
  sodium_memzero(t0.data(), t0.size());
  sodium_memzero(t1.data(), t1.size());

  const std::vector<Block> chi = challenges(sid, out.message.u, rows);
  Block cx, ct;
  for (size_t j = 0; j < rows; ++j) {
    cx ^= chi[j] & Block::mask((x[j / 8] >> (j % 8)) & 1u);
    ct ^= gf128_mul(chi[j], t[j]);
  }
  out.message.check_x = cx;
  out.message.check_t = ct;

  out.rows = SecretBlocks(m);
  for (size_t j = 0; j < m; ++j) out.rows[j] = t[j];
  Bytes kept(x.begin(), x.begin() + static_cast<std::ptrdiff_t>((m + 7) / 8));
  if (m % 8 != 0) kept.back() &= static_cast<uint8_t>((1u << (m % 8)) - 1);
  out.choices = SecretBytes(std::move(kept));
  return out;
}

Result<SecretBlocks> kos_extend_sender(const SenderSeeds& seeds, ByteView sid,
                                       const ExtensionMessage& message, size_t m) {
  const size_t rows = padded_rows(m);
  const size_t col_bytes = rows / 8;
  if (message.u.size() != kKappa * col_bytes) {
    return fail(ErrorCode::kInvalidEncoding, "OT extension message has a matrix of the wrong size");
  }
  Bytes q(kKappa * col_bytes);
  const PrgNonce nonce = prg_nonce(sid, col_bytes);
  for (size_t i = 0; i < kKappa; ++i) {
    std::span<uint8_t> col(q.data() + i * col_bytes, col_bytes);
    prg(seeds.seeds[i], nonce, col);
    const uint8_t d = static_cast<uint8_t>(0 - seeds.delta.bit(i));
    for (size_t b = 0; b < col_bytes; ++b) col[b] ^= message.u[i * col_bytes + b] & d;
  }
  SecretBlocks qrows = transpose_columns(q, rows);
  sodium_memzero(q.data(), q.size());

  const std::vector<Block> chi = challenges(sid, message.u, rows);
  Block cq;
  for (size_t j = 0; j < rows; ++j) cq ^= gf128_mul(chi[j], qrows[j]);
  const Block expect = message.check_t ^ gf128_mul(message.check_x, seeds.delta);
  const ByteArray<16> a = cq.to_bytes(), b = expect.to_bytes();
  const bool consistent = ct_equal(a, b);
  declassify(consistent);  // public: the sender aborts or goes on
  if (!consistent) {
    return fail(ErrorCode::kProtocolAbort, "OT extension consistency check failed");
  }
  SecretBlocks out(m);
  for (size_t j = 0; j < m; ++j) out[j] = qrows[j];
  return out;
}

}  // namespace okmpc::ecdsa::ot
