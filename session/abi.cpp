#include "session/abi.hpp"

#include <algorithm>

#include "mpc/hash.hpp"

namespace okmpc::abi {
namespace {

Bytes word_from(ByteView right_aligned) {
  Bytes w(32, 0);
  std::copy(right_aligned.begin(), right_aligned.end(), w.end() - static_cast<std::ptrdiff_t>(right_aligned.size()));
  return w;
}

void append_u256_word(Bytes& out, uint64_t v) { append(out, Uint256::from_u64(v).bytes()); }

// Tuple encoding (T1, ..., Tk): heads then tails; a dynamic element's head
// is the offset of its tail from the start of this tuple's encoding.
void encode_tuple(std::span<const Value> elements, Bytes& out) {
  size_t head_size = 0;
  for (const Value& v : elements) {
    if (v.is_dynamic()) {
      head_size += 32;
    } else {
      Bytes tmp;
      v.encode_into(tmp);
      head_size += tmp.size();
    }
  }
  Bytes head, tail;
  for (const Value& v : elements) {
    if (v.is_dynamic()) {
      append_u256_word(head, head_size + tail.size());
      v.encode_into(tail);
    } else {
      v.encode_into(head);
    }
  }
  append(out, head);
  append(out, tail);
}

}  // namespace

Value Value::address(const eth::Address& a) { return Value(Kind::kAddress, word_from(a), {}); }
Value Value::uint256(const Uint256& v) { return Value(Kind::kUint256, Bytes(v.bytes().begin(), v.bytes().end()), {}); }
Value Value::bytes32(const ByteArray<32>& b) { return Value(Kind::kBytes32, Bytes(b.begin(), b.end()), {}); }
Value Value::bytes(ByteView b) { return Value(Kind::kBytes, Bytes(b.begin(), b.end()), {}); }
Value Value::tuple(std::vector<Value> elements) { return Value(Kind::kTuple, {}, std::move(elements)); }

bool Value::is_dynamic() const {
  if (kind_ == Kind::kBytes) return true;
  if (kind_ == Kind::kTuple) {
    return std::any_of(elements_.begin(), elements_.end(), [](const Value& v) { return v.is_dynamic(); });
  }
  return false;
}

void Value::encode_into(Bytes& out) const {
  switch (kind_) {
    case Kind::kAddress:
    case Kind::kUint256:
    case Kind::kBytes32:
      append(out, data_);
      return;
    case Kind::kBytes: {
      // enc(bytes) = enc(len) ‖ data right-padded with zeros to a multiple of 32.
      append_u256_word(out, data_.size());
      append(out, data_);
      out.resize(out.size() + (32 - data_.size() % 32) % 32, 0);
      return;
    }
    case Kind::kTuple:
      encode_tuple(elements_, out);
      return;
  }
}

Bytes encode(std::span<const Value> values) {
  Bytes out;
  encode_tuple(values, out);
  return out;
}

Bytes encode(std::initializer_list<Value> values) {
  return encode(std::span<const Value>(values.begin(), values.size()));
}

Bytes encode_address(const eth::Address& a) { return encode({Value::address(a)}); }

Bytes encode_address_address_uint256(const eth::Address& a, const eth::Address& b, const Uint256& v) {
  return encode({Value::address(a), Value::address(b), Value::uint256(v)});
}

ByteArray<4> selector(std::string_view signature) {
  Hash32 h = keccak256(as_bytes(signature));
  return {h[0], h[1], h[2], h[3]};
}

Result<std::vector<Word>> decode_static_words(ByteView data, size_t count, std::string_view what) {
  if (data.size() != 32 * count) {
    return fail(ErrorCode::kInvalidEncoding, std::string(what) + ": expected " + std::to_string(32 * count) +
                                                 " bytes of ABI words, got " + std::to_string(data.size()));
  }
  std::vector<Word> words(count);
  for (size_t i = 0; i < count; ++i) std::copy_n(data.begin() + static_cast<std::ptrdiff_t>(32 * i), 32, words[i].begin());
  return words;
}

Result<eth::Address> decode_address(const Word& w) {
  if (std::any_of(w.begin(), w.begin() + 12, [](uint8_t b) { return b != 0; })) {
    return fail(ErrorCode::kInvalidEncoding, "ABI address word has nonzero high bytes");
  }
  eth::Address a;
  std::copy(w.begin() + 12, w.end(), a.begin());
  return a;
}

Uint256 decode_uint256(const Word& w) { return Uint256(w); }

}  // namespace okmpc::abi
