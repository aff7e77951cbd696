// GF(2^255 - 19): exponentiations and the canonical encoding. The
// exponentiation chains are the ones of the ref10 implementation described in
// Bernstein et al., "High-speed high-security signatures" (2011), §5.
#include "mpc/ed25519_field.hpp"

namespace okmpc::ed25519 {
namespace {

// Returns a^(2^250 - 1) and sets a11 = a^11, the common prefix of fe_invert
// and fe_pow22523.
Fe pow_2_250_minus_1(const Fe& a, Fe& a11) {
  const Fe a2 = fe_sq(a);
  const Fe a9 = fe_mul(fe_sq_n(a2, 2), a);
  a11 = fe_mul(a9, a2);
  const Fe e5 = fe_mul(fe_sq(a11), a9);                // 2^5 - 1
  const Fe e10 = fe_mul(fe_sq_n(e5, 5), e5);           // 2^10 - 1
  const Fe e20 = fe_mul(fe_sq_n(e10, 10), e10);        // 2^20 - 1
  const Fe e40 = fe_mul(fe_sq_n(e20, 20), e20);        // 2^40 - 1
  const Fe e50 = fe_mul(fe_sq_n(e40, 10), e10);        // 2^50 - 1
  const Fe e100 = fe_mul(fe_sq_n(e50, 50), e50);       // 2^100 - 1
  const Fe e200 = fe_mul(fe_sq_n(e100, 100), e100);    // 2^200 - 1
  return fe_mul(fe_sq_n(e200, 50), e50);               // 2^250 - 1
}

// Fully reduces a to its canonical value in [0, p), limbs < 2^51.
Fe fe_canonical(const Fe& a) {
  Fe h = fe_carry(fe_carry(a));  // value < 2^255 + 2^13·19, limbs < 2^51 (+ a tiny limb 1)
  // q = 1 iff h ≥ p, i.e. iff h + 19 ≥ 2^255.
  uint64_t q = (h.v[0] + 19) >> 51;
  q = (h.v[1] + q) >> 51;
  q = (h.v[2] + q) >> 51;
  q = (h.v[3] + q) >> 51;
  q = (h.v[4] + q) >> 51;
  // h - q·p = h + 19q - q·2^255: add 19q, carry, drop bit 255.
  h.v[0] += 19 * q;
  h.v[1] += h.v[0] >> 51;
  h.v[0] &= kLimbMask;
  h.v[2] += h.v[1] >> 51;
  h.v[1] &= kLimbMask;
  h.v[3] += h.v[2] >> 51;
  h.v[2] &= kLimbMask;
  h.v[4] += h.v[3] >> 51;
  h.v[3] &= kLimbMask;
  h.v[4] &= kLimbMask;
  return h;
}

uint64_t load_le64(const uint8_t* p) {
  uint64_t r = 0;
  for (int i = 7; i >= 0; --i) r = (r << 8) | p[i];
  return r;
}

}  // namespace

Fe fe_sq_n(Fe a, int n) {
  for (int i = 0; i < n; ++i) a = fe_sq(a);
  return a;
}

Fe fe_invert(const Fe& a) {
  Fe a11;
  const Fe e250 = pow_2_250_minus_1(a, a11);
  return fe_mul(fe_sq_n(e250, 5), a11);  // 2^255 - 32 + 11 = p - 2
}

Fe fe_pow22523(const Fe& a) {
  Fe a11;
  const Fe e250 = pow_2_250_minus_1(a, a11);
  return fe_mul(fe_sq_n(e250, 2), a);  // 2^252 - 4 + 1
}

Fe fe_from_bytes(const ByteArray<32>& s) {
  const uint64_t w0 = load_le64(s.data()), w1 = load_le64(s.data() + 8);
  const uint64_t w2 = load_le64(s.data() + 16), w3 = load_le64(s.data() + 24);
  return Fe{{w0 & kLimbMask, ((w0 >> 51) | (w1 << 13)) & kLimbMask, ((w1 >> 38) | (w2 << 26)) & kLimbMask,
             ((w2 >> 25) | (w3 << 39)) & kLimbMask, (w3 >> 12) & kLimbMask}};
}

uint64_t fe_is_canonical(const ByteArray<32>& s) {
  // The low 255 bits are ≥ p = 2^255 - 19 iff bytes 1..30 are 0xff, byte 31
  // is 0x7f (ignoring bit 255) and byte 0 is ≥ 0xed.
  uint64_t high = static_cast<uint64_t>((s[31] & 0x7f) ^ 0x7f);
  for (size_t i = 1; i < 31; ++i) high |= static_cast<uint64_t>(s[i] ^ 0xff);
  const uint64_t all_ones = (high - 1) >> 63;                         // 1 iff high == 0
  const uint64_t low_big = ((0xecu - static_cast<uint64_t>(s[0])) >> 63);  // 1 iff s[0] > 0xec
  return 1 ^ (all_ones & low_big);
}

ByteArray<32> fe_to_bytes(const Fe& a) {
  const Fe h = fe_canonical(a);
  const uint64_t w[4] = {h.v[0] | (h.v[1] << 51), (h.v[1] >> 13) | (h.v[2] << 38),
                         (h.v[2] >> 26) | (h.v[3] << 25), (h.v[3] >> 39) | (h.v[4] << 12)};
  ByteArray<32> out{};
  for (size_t i = 0; i < 32; ++i) out[i] = static_cast<uint8_t>(w[i / 8] >> (8 * (i % 8)));
  return out;
}

uint64_t fe_is_zero(const Fe& a) {
  const Fe h = fe_canonical(a);
  const uint64_t any = h.v[0] | h.v[1] | h.v[2] | h.v[3] | h.v[4];
  return ((any | (0 - any)) >> 63) ^ 1;
}

uint64_t fe_equal(const Fe& a, const Fe& b) { return fe_is_zero(fe_sub(a, b)); }

uint64_t fe_is_negative(const Fe& a) { return fe_canonical(a).v[0] & 1; }

Fe fe_select(const Fe& a, const Fe& b, uint64_t flag) {
  const uint64_t mask = 0 - flag;
  Fe r;
  for (size_t i = 0; i < 5; ++i) r.v[i] = a.v[i] ^ (mask & (a.v[i] ^ b.v[i]));
  return r;
}

}  // namespace okmpc::ed25519
