#include "session/uint256.hpp"

#include <algorithm>

#include "mpc/hex.hpp"

namespace okmpc {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// be = be * mul + add; false on overflow past 2^256.
bool mul_add_small(ByteArray<32>& be, unsigned mul, unsigned add) {
  unsigned carry = add;
  for (size_t i = 32; i-- > 0;) {
    unsigned v = be[i] * mul + carry;
    be[i] = static_cast<uint8_t>(v & 0xff);
    carry = v >> 8;
  }
  return carry == 0;
}

// be = be / div; returns the remainder.
unsigned div_small(ByteArray<32>& be, unsigned div) {
  unsigned rem = 0;
  for (size_t i = 0; i < 32; ++i) {
    unsigned v = (rem << 8) | be[i];
    be[i] = static_cast<uint8_t>(v / div);
    rem = v % div;
  }
  return rem;
}

}  // namespace

Uint256 Uint256::from_u64(uint64_t v) {
  ByteArray<32> be{};
  for (size_t i = 0; i < 8; ++i) be[31 - i] = static_cast<uint8_t>(v >> (8 * i));
  return Uint256(be);
}

Result<Uint256> Uint256::parse(std::string_view text) {
  ByteArray<32> be{};
  if (text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    std::string_view digits = text.substr(2);
    if (digits.empty() || digits.size() > 64) {
      return fail(ErrorCode::kInvalidArgument, "uint256 hex must have 1..64 digits: '" + std::string(text) + "'");
    }
    for (char c : digits) {
      int d = hex_digit(c);
      if (d < 0) return fail(ErrorCode::kInvalidArgument, "uint256 hex has a non-hex character: '" + std::string(text) + "'");
      mul_add_small(be, 16, static_cast<unsigned>(d));  // cannot overflow: <= 64 digits
    }
    return Uint256(be);
  }
  if (text.empty() || text.size() > 78) {
    return fail(ErrorCode::kInvalidArgument, "uint256 decimal must have 1..78 digits: '" + std::string(text) + "'");
  }
  for (char c : text) {
    if (c < '0' || c > '9') {
      return fail(ErrorCode::kInvalidArgument, "uint256 decimal has a non-digit: '" + std::string(text) + "'");
    }
    if (!mul_add_small(be, 10, static_cast<unsigned>(c - '0'))) {
      return fail(ErrorCode::kInvalidArgument, "uint256 value exceeds 2^256-1: '" + std::string(text) + "'");
    }
  }
  return Uint256(be);
}

Result<Uint256> Uint256::from_uuid(std::string_view uuid) {
  static constexpr size_t kDashes[] = {8, 13, 18, 23};
  if (uuid.size() != 36) return fail(ErrorCode::kInvalidArgument, "UUID must be 36 characters: '" + std::string(uuid) + "'");
  ByteArray<32> be{};
  for (size_t i = 0; i < uuid.size(); ++i) {
    bool dash_pos = std::find(std::begin(kDashes), std::end(kDashes), i) != std::end(kDashes);
    if (dash_pos) {
      if (uuid[i] != '-') return fail(ErrorCode::kInvalidArgument, "UUID needs '-' at 8, 13, 18, 23: '" + std::string(uuid) + "'");
      continue;
    }
    int d = hex_digit(uuid[i]);
    if (d < 0) return fail(ErrorCode::kInvalidArgument, "UUID has a non-hex character: '" + std::string(uuid) + "'");
    mul_add_small(be, 16, static_cast<unsigned>(d));
  }
  return Uint256(be);
}

Result<Uint256> Uint256::from_be_bytes(ByteView be) {
  if (be.size() > 32) {
    return fail(ErrorCode::kInvalidEncoding, "uint256 needs at most 32 bytes, got " + std::to_string(be.size()));
  }
  ByteArray<32> out{};
  std::copy(be.begin(), be.end(), out.begin() + static_cast<std::ptrdiff_t>(32 - be.size()));
  return Uint256(out);
}

std::optional<uint64_t> Uint256::to_u64() const {
  if (bit_length() > 64) return std::nullopt;
  return low_u64();
}

unsigned Uint256::bit_length() const {
  for (size_t i = 0; i < 32; ++i) {
    if (be_[i] != 0) {
      unsigned bits = 8;
      while (!(be_[i] & (1u << (bits - 1)))) --bits;
      return static_cast<unsigned>((31 - i) * 8) + bits;
    }
  }
  return 0;
}

Bytes Uint256::low_bytes(size_t n) const {
  n = std::min<size_t>(n, 32);
  return Bytes(be_.end() - static_cast<std::ptrdiff_t>(n), be_.end());
}

Uint256 Uint256::shift_right_64() const {
  ByteArray<32> out{};
  std::copy(be_.begin(), be_.begin() + 24, out.begin() + 8);
  return Uint256(out);
}

uint64_t Uint256::low_u64() const {
  uint64_t v = 0;
  for (size_t i = 24; i < 32; ++i) v = (v << 8) | be_[i];
  return v;
}

Result<Uint256> Uint256::shift_left_64() const {
  if (bit_length() > 192) return fail(ErrorCode::kInvalidArgument, "uint256 << 64 would overflow");
  ByteArray<32> out{};
  std::copy(be_.begin() + 8, be_.end(), out.begin());
  return Uint256(out);
}

Result<Uint256> Uint256::checked_add(const Uint256& b) const {
  ByteArray<32> out{};
  unsigned carry = 0;
  for (size_t i = 32; i-- > 0;) {
    unsigned v = unsigned{be_[i]} + b.be_[i] + carry;
    out[i] = static_cast<uint8_t>(v);
    carry = v >> 8;
  }
  if (carry) return fail(ErrorCode::kInvalidArgument, "uint256 addition overflows");
  return Uint256(out);
}

Result<Uint256> Uint256::checked_sub(const Uint256& b) const {
  if (*this < b) return fail(ErrorCode::kInvalidArgument, "uint256 subtraction underflows");
  ByteArray<32> out{};
  int borrow = 0;
  for (size_t i = 32; i-- > 0;) {
    int v = int{be_[i]} - int{b.be_[i]} - borrow;
    borrow = v < 0 ? 1 : 0;
    out[i] = static_cast<uint8_t>(v + (borrow ? 256 : 0));
  }
  return Uint256(out);
}

Uint256 Uint256::mul_u64(uint64_t a, uint64_t b) {
  // Schoolbook on 32-bit halves: (ah*2^32 + al)(bh*2^32 + bl).
  const uint64_t al = a & 0xffffffffu, ah = a >> 32, bl = b & 0xffffffffu, bh = b >> 32;
  const uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
  const uint64_t mid = (ll >> 32) + (lh & 0xffffffffu) + (hl & 0xffffffffu);
  const uint64_t lo = (mid << 32) | (ll & 0xffffffffu);
  const uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
  ByteArray<32> be{};
  for (size_t i = 0; i < 8; ++i) {
    be[31 - i] = static_cast<uint8_t>(lo >> (8 * i));
    be[23 - i] = static_cast<uint8_t>(hi >> (8 * i));
  }
  return Uint256(be);
}

std::string Uint256::to_hex_string() const {
  std::string h = to_hex(be_);
  size_t first = h.find_first_not_of('0');
  return "0x" + (first == std::string::npos ? std::string("0") : h.substr(first));
}

std::string Uint256::to_decimal_string() const {
  if (is_zero()) return "0";
  ByteArray<32> v = be_;
  std::string out;
  while (std::any_of(v.begin(), v.end(), [](uint8_t b) { return b != 0; })) {
    out.push_back(static_cast<char>('0' + div_small(v, 10)));
  }
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace okmpc
