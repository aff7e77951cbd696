// secp256k1 Jacobian group law for public points (mpc/secp256k1_group.hpp).
#include "mpc/secp256k1_group.hpp"

#include <array>
#include <cstdint>

#include "mpc/secp256k1.hpp"

namespace okmpc::secp256k1_vartime {

const Affine& generator_affine() {
  static const Affine g = [] {
    // SEC 2 §2.4.1, G in uncompressed form.
    static constexpr std::array<uint8_t, 32> kGx = {
        0x79, 0xBE, 0x66, 0x7E, 0xF9, 0xDC, 0xBB, 0xAC, 0x55, 0xA0, 0x62, 0x95, 0xCE, 0x87, 0x0B, 0x07,
        0x02, 0x9B, 0xFC, 0xDB, 0x2D, 0xCE, 0x28, 0xD9, 0x59, 0xF2, 0x81, 0x5B, 0x16, 0xF8, 0x17, 0x98};
    static constexpr std::array<uint8_t, 32> kGy = {
        0x48, 0x3A, 0xDA, 0x77, 0x26, 0xA3, 0xC4, 0x65, 0x5D, 0xA4, 0xFB, 0xFC, 0x0E, 0x11, 0x08, 0xA8,
        0xFD, 0x17, 0xB4, 0x48, 0xA6, 0x85, 0x54, 0x19, 0x9C, 0x47, 0xD0, 0x8F, 0xFB, 0x10, 0xD4, 0xB8};
    Affine a;
    a.x = *fe_from_bytes(kGx);
    a.y = *fe_from_bytes(kGy);
    a.infinity = false;
    return a;
  }();
  return g;
}

Jacobian to_jacobian(const Affine& a) {
  Jacobian j;
  if (a.infinity) return j;
  j.x = a.x;
  j.y = a.y;
  j.z = fe_from_u64(1);
  j.infinity = false;
  return j;
}

Affine negate(const Affine& a) {
  Affine r = a;
  if (!r.infinity) r.y = fe_negate(r.y);
  return r;
}

Jacobian negate(const Jacobian& a) {
  Jacobian r = a;
  if (!r.infinity) r.y = fe_negate(r.y);
  return r;
}

Jacobian dbl(const Jacobian& a) {
  // dbl-2009-l (curve coefficient a = 0). secp256k1 has no point of order 2,
  // so Y is never zero for a non-identity point.
  if (a.infinity) return a;
  const Fe A = fe_sqr(a.x);
  const Fe B = fe_sqr(a.y);
  const Fe C = fe_sqr(B);
  const Fe D = fe_mul_int(fe_mul(a.x, B), 4);  // = 2((X + B)^2 - A - C)
  const Fe E = fe_mul_int(A, 3);
  const Fe F = fe_sqr(E);
  Jacobian r;
  r.infinity = false;
  r.x = fe_sub(F, fe_double(D));
  r.y = fe_sub(fe_mul(E, fe_sub(D, r.x)), fe_mul_int(C, 8));
  r.z = fe_double(fe_mul(a.y, a.z));
  return r;
}

namespace {

// The common tail of add and add_mixed: given U1, S1 (the first point scaled
// to the common denominator), H = U2 - U1, R = S2 - S1 and Z3 / H.
Jacobian finish_add(const Fe& u1, const Fe& s1, const Fe& h, const Fe& r, const Fe& z_without_h) {
  const Fe hh = fe_sqr(h);
  const Fe hhh = fe_mul(h, hh);
  const Fe v = fe_mul(u1, hh);
  Jacobian out;
  out.infinity = false;
  out.x = fe_sub(fe_sub(fe_sqr(r), hhh), fe_double(v));
  out.y = fe_sub(fe_mul(r, fe_sub(v, out.x)), fe_mul(s1, hhh));
  out.z = fe_mul(z_without_h, h);
  return out;
}

}  // namespace

Jacobian add(const Jacobian& a, const Jacobian& b) {
  if (a.infinity) return b;
  if (b.infinity) return a;
  const Fe z1z1 = fe_sqr(a.z);
  const Fe z2z2 = fe_sqr(b.z);
  const Fe u1 = fe_mul(a.x, z2z2);
  const Fe u2 = fe_mul(b.x, z1z1);
  const Fe s1 = fe_mul(fe_mul(a.y, b.z), z2z2);
  const Fe s2 = fe_mul(fe_mul(b.y, a.z), z1z1);
  const Fe h = fe_sub(u2, u1);
  const Fe r = fe_sub(s2, s1);
  if (h.is_zero()) {
    if (r.is_zero()) return dbl(a);
    return Jacobian{};  // b = -a
  }
  return finish_add(u1, s1, h, r, fe_mul(a.z, b.z));
}

Jacobian add_mixed(const Jacobian& a, const Affine& b) {
  if (b.infinity) return a;
  if (a.infinity) return to_jacobian(b);
  const Fe z1z1 = fe_sqr(a.z);
  const Fe u2 = fe_mul(b.x, z1z1);
  const Fe s2 = fe_mul(fe_mul(b.y, a.z), z1z1);
  const Fe h = fe_sub(u2, a.x);
  const Fe r = fe_sub(s2, a.y);
  if (h.is_zero()) {
    if (r.is_zero()) return dbl(a);
    return Jacobian{};
  }
  return finish_add(a.x, a.y, h, r, a.z);
}

namespace {

Affine scale_to_affine(const Jacobian& a, const Fe& zinv) {
  const Fe zinv2 = fe_sqr(zinv);
  Affine r;
  r.infinity = false;
  r.x = fe_mul(a.x, zinv2);
  r.y = fe_mul(a.y, fe_mul(zinv2, zinv));
  return r;
}

}  // namespace

Affine to_affine(const Jacobian& a) {
  if (a.infinity) return Affine{};
  return scale_to_affine(a, fe_inverse_vartime(a.z));
}

void batch_to_affine(std::span<const Jacobian> in, std::span<Affine> out) {
  std::vector<Fe> zs(in.size());  // identity entries stay zero, and stay zero after inversion
  for (size_t i = 0; i < in.size(); ++i) {
    if (!in[i].infinity) zs[i] = in[i].z;
  }
  fe_batch_inverse_vartime(zs);
  for (size_t i = 0; i < in.size(); ++i) {
    out[i] = in[i].infinity ? Affine{} : scale_to_affine(in[i], zs[i]);
  }
}

bool on_curve(const Affine& a) {
  if (a.infinity) return true;
  const Fe rhs = fe_add(fe_mul(fe_sqr(a.x), a.x), fe_from_u64(7));
  return fe_sqr(a.y) == rhs;
}

Affine from_pubkey(const secp256k1_pubkey& pk) {
  std::array<uint8_t, 65> buf{};
  size_t len = buf.size();
  secp256k1_ec_pubkey_serialize(secp256k1_ctx(), buf.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  Affine a;
  // libsecp256k1 serializes canonical coordinates (< p).
  a.x = *fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 1, 32));
  a.y = *fe_from_bytes(std::span<const uint8_t, 32>(buf.data() + 33, 32));
  a.infinity = false;
  return a;
}

bool to_pubkey(const Affine& a, secp256k1_pubkey& pk) {
  if (a.infinity) return false;
  std::array<uint8_t, 65> buf{};
  buf[0] = 0x04;
  fe_to_bytes(a.x, std::span<uint8_t, 32>(buf.data() + 1, 32));
  fe_to_bytes(a.y, std::span<uint8_t, 32>(buf.data() + 33, 32));
  return secp256k1_ec_pubkey_parse(secp256k1_ctx(), &pk, buf.data(), buf.size()) == 1;
}

}  // namespace okmpc::secp256k1_vartime
