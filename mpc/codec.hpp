// Strict wire codec for protocol payloads: ByteWriter appends fixed-width
// big-endian integers, length-prefixed byte strings and curve elements;
// ByteReader reads them back and fails — with kInvalidEncoding (or the curve
// decoder's kInvalidPoint/kInvalidScalar) naming the payload, the field and
// the offset — on truncation, oversize lengths, invalid elements and (in
// finish()) trailing bytes. A reader never reads past its view.
//
// Format: u8/u16/u32/u64 big-endian; var_bytes = u32be(len) ‖ bytes;
// string = var_bytes of its UTF-8; point/scalar = the curve's fixed-size
// canonical encoding (C::kPointBytes / C::kScalarBytes, no prefix);
// a point list = u32be(count) ‖ points.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mpc/bytes.hpp"
#include "mpc/curve.hpp"
#include "mpc/error.hpp"

namespace okmpc {

class ByteWriter {
 public:
  ByteWriter() = default;

  ByteWriter& write_u8(uint8_t v) { append_u8(out_, v); return *this; }
  ByteWriter& write_u16(uint16_t v) { append_u16_be(out_, v); return *this; }
  ByteWriter& write_u32(uint32_t v) { append_u32_be(out_, v); return *this; }
  ByteWriter& write_u64(uint64_t v) { append_u64_be(out_, v); return *this; }
  // Raw bytes, no length (the reader must know the size).
  ByteWriter& write_bytes(ByteView b) { append(out_, b); return *this; }
  // u32be(len) ‖ bytes. Precondition: len < 2^32.
  ByteWriter& write_var_bytes(ByteView b) {
    write_u32(static_cast<uint32_t>(b.size()));
    return write_bytes(b);
  }
  ByteWriter& write_string(std::string_view s) { return write_var_bytes(as_bytes(s)); }
  template <Curve C>
  ByteWriter& write_point(const typename C::Point& p) { return write_bytes(p.to_bytes()); }
  template <Curve C>
  ByteWriter& write_scalar(const typename C::Scalar& s) { return write_bytes(s.to_bytes()); }
  // u32be(count) ‖ points.
  template <Curve C>
  ByteWriter& write_points(std::span<const typename C::Point> ps) {
    write_u32(static_cast<uint32_t>(ps.size()));
    for (const auto& p : ps) write_point<C>(p);
    return *this;
  }

  size_t size() const { return out_.size(); }
  const Bytes& bytes() const { return out_; }
  // The payload; the writer is left empty.
  Bytes finish() { return std::exchange(out_, Bytes{}); }

 private:
  Bytes out_;
};

class ByteReader {
 public:
  // `what` names the payload in error messages (e.g. "frost round1 package").
  explicit ByteReader(ByteView data, std::string_view what = "payload")
      : data_(data), what_(what) {}

  Result<uint8_t> read_u8(std::string_view field = "u8") { return read_be<uint8_t>(field); }
  Result<uint16_t> read_u16(std::string_view field = "u16") { return read_be<uint16_t>(field); }
  Result<uint32_t> read_u32(std::string_view field = "u32") { return read_be<uint32_t>(field); }
  Result<uint64_t> read_u64(std::string_view field = "u64") { return read_be<uint64_t>(field); }

  // The next n bytes (a view into the input).
  Result<ByteView> read_bytes(size_t n, std::string_view field = "bytes") {
    if (remaining() < n) return truncated(field, n);
    ByteView v = data_.subspan(pos_, n);
    pos_ += n;
    return v;
  }
  template <size_t N>
  Result<ByteArray<N>> read_array(std::string_view field = "bytes") {
    OKMPC_ASSIGN_OR_RETURN(ByteView v, read_bytes(N, field));
    ByteArray<N> out;
    std::copy(v.begin(), v.end(), out.begin());
    return out;
  }
  // u32be(len) ‖ bytes with len <= max_len (else kInvalidEncoding).
  Result<ByteView> read_var_bytes(size_t max_len, std::string_view field = "var bytes") {
    const size_t at = pos_;
    OKMPC_ASSIGN_OR_RETURN(uint32_t len, read_u32(field));
    if (len > max_len) {
      return fail(ErrorCode::kInvalidEncoding,
                  where(field, at) + ": length " + std::to_string(len) + " exceeds the limit " +
                      std::to_string(max_len));
    }
    return read_bytes(len, field);
  }
  Result<std::string> read_string(size_t max_len, std::string_view field = "string") {
    OKMPC_ASSIGN_OR_RETURN(ByteView v, read_var_bytes(max_len, field));
    return std::string(v.begin(), v.end());
  }
  // A strictly decoded point (C::Point::from_bytes: identity, off-curve and
  // small-order encodings rejected); its error message gains the location.
  template <Curve C>
  Result<typename C::Point> read_point(std::string_view field = "point") {
    const size_t at = pos_;
    OKMPC_ASSIGN_OR_RETURN(ByteView v, read_bytes(C::kPointBytes, field));
    auto p = C::Point::from_bytes(v);
    if (!p) return fail(p.error().code, where(field, at) + ": " + p.error().message);
    return *p;
  }
  template <Curve C>
  Result<typename C::Scalar> read_scalar(std::string_view field = "scalar") {
    const size_t at = pos_;
    OKMPC_ASSIGN_OR_RETURN(ByteView v, read_bytes(C::kScalarBytes, field));
    auto s = C::Scalar::from_bytes(v);
    if (!s) return fail(s.error().code, where(field, at) + ": " + s.error().message);
    return *s;
  }
  // u32be(count) ‖ points with count == expected (commitment vectors have a
  // length fixed by the threshold; a wrong length is an encoding error).
  template <Curve C>
  Result<std::vector<typename C::Point>> read_points(size_t expected, std::string_view field = "points") {
    const size_t at = pos_;
    OKMPC_ASSIGN_OR_RETURN(uint32_t count, read_u32(field));
    if (count != expected) {
      return fail(ErrorCode::kInvalidEncoding, where(field, at) + ": expected " +
                                                   std::to_string(expected) + " points, got " +
                                                   std::to_string(count));
    }
    std::vector<typename C::Point> out;
    out.reserve(count);
    for (uint32_t i = 0; i < count; ++i) {
      OKMPC_ASSIGN_OR_RETURN(auto p, read_point<C>(field));
      out.push_back(p);
    }
    return out;
  }

  size_t remaining() const { return data_.size() - pos_; }
  size_t offset() const { return pos_; }
  // ok() iff every byte was consumed; else kInvalidEncoding (trailing bytes).
  Status finish() const {
    if (remaining() != 0) {
      return fail(ErrorCode::kInvalidEncoding, what_ + ": " +
                                                   std::to_string(remaining()) +
                                                   " trailing bytes at offset " +
                                                   std::to_string(pos_));
    }
    return ok();
  }

 private:
  template <class T>
  Result<T> read_be(std::string_view field) {
    OKMPC_ASSIGN_OR_RETURN(ByteView v, read_bytes(sizeof(T), field));
    T out = 0;
    for (uint8_t b : v) out = static_cast<T>((static_cast<uint64_t>(out) << 8) | b);
    return out;
  }
  std::string where(std::string_view field, size_t at) const {
    return what_ + ": " + std::string(field) + " at offset " + std::to_string(at);
  }
  tl::unexpected<Error> truncated(std::string_view field, size_t n) const {
    return fail(ErrorCode::kInvalidEncoding, where(field, pos_) + ": truncated (need " +
                                                 std::to_string(n) + " bytes, have " +
                                                 std::to_string(remaining()) + ")");
  }

  ByteView data_;
  size_t pos_ = 0;
  std::string what_;
};

}  // namespace okmpc
