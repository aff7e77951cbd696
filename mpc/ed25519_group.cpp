// Ed25519 point comparison, encoding, decoding (RFC 8032 §5.1.2-5.1.3) and
// the prime-order subgroup test.
#include "mpc/ed25519_group.hpp"

#include "mpc/ed25519_msm.hpp"

namespace okmpc::ed25519 {
namespace {

// L = 2^252 + 27742317777372353535851937790883648493, little-endian.
constexpr ByteArray<32> kOrderL = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                   0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                   0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

}  // namespace

uint64_t ge_equal(const GeP3& p, const GeP3& q) {
  return fe_equal(fe_mul(p.X, q.Z), fe_mul(q.X, p.Z)) & fe_equal(fe_mul(p.Y, q.Z), fe_mul(q.Y, p.Z));
}

uint64_t ge_is_identity(const GeP3& p) { return fe_is_zero(p.X) & fe_equal(p.Y, p.Z); }

ByteArray<32> ge_encode(const GeP3& p) { return ge_encode_with_inverse(p, fe_invert(p.Z)); }

ByteArray<32> ge_encode_with_inverse(const GeP3& p, const Fe& z_inv) {
  const Fe x = fe_mul(p.X, z_inv);
  ByteArray<32> s = fe_to_bytes(fe_mul(p.Y, z_inv));
  s[31] = static_cast<uint8_t>(s[31] | (fe_is_negative(x) << 7));
  return s;
}

uint64_t ge_decode(const ByteArray<32>& s, GeP3* out) {
  // RFC 8032 §5.1.3. Step 1: y, and the sign bit x_0.
  const uint64_t canonical = fe_is_canonical(s);
  const uint64_t sign = static_cast<uint64_t>(s[31] >> 7);
  const Fe y = fe_from_bytes(s);
  // Step 2: x² = u/v with u = y² - 1, v = d·y² + 1; candidate
  // x = u·v³·(u·v⁷)^((p-5)/8).
  const Fe yy = fe_sq(y);
  const Fe u = fe_sub(yy, kFeOne);
  const Fe v = fe_add(fe_mul(yy, kFeD), kFeOne);
  const Fe v3 = fe_mul(fe_sq(v), v);
  const Fe v7 = fe_mul(fe_sq(v3), v);
  Fe x = fe_mul(fe_mul(u, v3), fe_pow22523(fe_mul(u, v7)));
  // Step 3: v·x² = u keeps x; v·x² = -u takes x·sqrt(-1); else no square root.
  const Fe vxx = fe_mul(v, fe_sq(x));
  const uint64_t root = fe_equal(vxx, u);
  const uint64_t flipped = fe_equal(vxx, fe_neg(u));
  x = fe_select(x, fe_mul(x, kFeSqrtM1), flipped & (root ^ 1));
  // Step 4: x = 0 with x_0 = 1 is invalid; otherwise pick the root whose low
  // bit is x_0.
  const uint64_t bad_zero = fe_is_zero(x) & sign;
  x = fe_select(x, fe_neg(x), fe_is_negative(x) ^ sign);
  const uint64_t ok = canonical & (root | flipped) & (bad_zero ^ 1);
  const GeP3 decoded{x, y, kFeOne, fe_mul(x, y)};
  const GeP3 id = ge_identity();
  out->X = fe_select(id.X, decoded.X, ok);
  out->Y = fe_select(id.Y, decoded.Y, ok);
  out->Z = id.Z;
  out->T = fe_select(id.T, decoded.T, ok);
  return ok;
}

bool ge_is_torsion_free_vartime(const GeP3& p) {
  return ge_is_identity(ge_mul_vartime(kOrderL, p)) == 1;
}

}  // namespace okmpc::ed25519
