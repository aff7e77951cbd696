#include "mpc/eth.hpp"

#include <cctype>

#include "mpc/hex.hpp"

namespace okmpc::eth {

Result<Address> address_from_public_key(ByteView pk) {
  if (pk.size() == 65) {
    if (pk[0] != 0x04) return fail(ErrorCode::kInvalidEncoding, "uncompressed public key must start with 0x04");
    pk = pk.subspan(1);
  }
  if (pk.size() != 64) {
    return fail(ErrorCode::kInvalidEncoding, "public key must be 64 or 65 bytes, got " + std::to_string(pk.size()));
  }
  Hash32 h = keccak256(pk);
  Address a;
  std::copy(h.begin() + 12, h.end(), a.begin());
  return a;
}

std::string to_checksum(const Address& a) {
  std::string lower = to_hex(a);
  Hash32 h = keccak256(as_bytes(lower));
  std::string out = "0x";
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = lower[i];
    int nibble = (i % 2 == 0) ? (h[i / 2] >> 4) : (h[i / 2] & 15);
    out.push_back((c >= 'a' && nibble >= 8) ? static_cast<char>(std::toupper(c)) : c);
  }
  return out;
}

Result<Address> parse_address(std::string_view text) {
  if (text.size() != 42 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) {
    return fail(ErrorCode::kInvalidEncoding, "address must be 0x followed by 40 hex digits");
  }
  OKMPC_ASSIGN_OR_RETURN(auto a, from_hex_fixed<20>(text));
  std::string_view digits = text.substr(2);
  bool has_lower = false, has_upper = false;
  for (char c : digits) {
    has_lower |= (c >= 'a' && c <= 'f');
    has_upper |= (c >= 'A' && c <= 'F');
  }
  if (has_lower && has_upper && to_checksum(a).substr(2) != digits) {
    return fail(ErrorCode::kInvalidEncoding, "address has an invalid EIP-55 checksum");
  }
  return a;
}

Address create2(const Address& deployer, const Hash32& salt, const Hash32& init_code_hash) {
  const uint8_t ff = 0xff;
  Hash32 h = keccak256({ByteView(&ff, 1), deployer, salt, init_code_hash});
  Address a;
  std::copy(h.begin() + 12, h.end(), a.begin());
  return a;
}

Hash32 personal_message_digest(ByteView message) {
  std::string prefix = "\x19" "Ethereum Signed Message:\n" + std::to_string(message.size());
  return keccak256({as_bytes(prefix), message});
}

}  // namespace okmpc::eth
