// Solidity contract ABI encoding (docs.soliditylang.org, "Contract ABI
// Specification", section "Formal Specification of the Encoding") for the
// types okmpc needs: address, uint256, bytes32, dynamic `bytes`, and tuples
// of these. `encode(values)` is `abi.encode(v1, ..., vn)`: the encoding of
// the tuple (v1, ..., vn) with the head/tail layout (static values inline in
// the head, dynamic values as a 32-byte offset in the head and their data in
// the tail).
//
// Also the strict decoders chain/ uses to read call data words. All data is
// public; nothing here is constant-time.
#pragma once

#include <initializer_list>
#include <span>
#include <string_view>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/eth.hpp"
#include "session/uint256.hpp"

namespace okmpc::abi {

using Word = ByteArray<32>;

// One ABI value. Build with the named constructors.
class Value {
 public:
  enum class Kind { kAddress, kUint256, kBytes32, kBytes, kTuple };

  static Value address(const eth::Address& a);
  static Value uint256(const Uint256& v);
  static Value uint256(uint64_t v) { return uint256(Uint256::from_u64(v)); }
  static Value bytes32(const ByteArray<32>& b);
  static Value bytes(ByteView b);
  static Value tuple(std::vector<Value> elements);

  Kind kind() const { return kind_; }
  // `bytes` and any tuple containing a dynamic element are dynamic.
  bool is_dynamic() const;
  // Appends this value's own encoding (for a dynamic value: the part that
  // the offset in the enclosing head points at).
  void encode_into(Bytes& out) const;

 private:
  Value(Kind k, Bytes data, std::vector<Value> elements)
      : kind_(k), data_(std::move(data)), elements_(std::move(elements)) {}
  Kind kind_;
  Bytes data_;                   // 32-byte word for static kinds, raw bytes for kBytes
  std::vector<Value> elements_;  // kTuple only
};

// abi.encode(values...): the tuple encoding of the values in order.
Bytes encode(std::span<const Value> values);
Bytes encode(std::initializer_list<Value> values);

// abi.encode(address): the address left-padded to one word (Okto signs
// keccak256 of this for the session address).
Bytes encode_address(const eth::Address& a);
// abi.encode(address, address, uint256): three words.
Bytes encode_address_address_uint256(const eth::Address& a, const eth::Address& b, const Uint256& v);

// The 4-byte function selector: keccak256(signature)[0:4], e.g.
// selector("transfer(address,uint256)") = a9059cbb.
ByteArray<4> selector(std::string_view signature);

// Strict view of `count` static words: `data.size()` must be exactly
// 32*count (kInvalidEncoding otherwise, naming `what`).
Result<std::vector<Word>> decode_static_words(ByteView data, size_t count, std::string_view what);
// An address word: the 12 high bytes must be zero (kInvalidEncoding).
Result<eth::Address> decode_address(const Word& w);
Uint256 decode_uint256(const Word& w);

}  // namespace okmpc::abi
