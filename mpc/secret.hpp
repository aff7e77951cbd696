// Secret containers: move-only, zeroized on destruction with sodium_memzero,
// printed as "<secret>". Read access is explicit through expose().
#pragma once

#include <sodium.h>

#include <ostream>
#include <type_traits>
#include <utility>

#include "mpc/bytes.hpp"

namespace okmpc {

// Wraps a trivially copyable value type T (a scalar, a byte array) that holds
// secret material. The moved-from object is wiped.
template <class T>
class Secret {
  static_assert(std::is_trivially_copyable_v<T>, "Secret<T> needs a trivially copyable T to wipe");

 public:
  Secret() : value_{} {}
  explicit Secret(const T& v) : value_(v) {}
  Secret(const Secret&) = delete;
  Secret& operator=(const Secret&) = delete;
  Secret(Secret&& o) noexcept : value_(o.value_) { o.wipe(); }
  Secret& operator=(Secret&& o) noexcept {
    if (this != &o) {
      value_ = o.value_;
      o.wipe();
    }
    return *this;
  }
  ~Secret() { wipe(); }

  const T& expose() const { return value_; }
  T& expose_mut() { return value_; }
  // An explicit copy, for the rare places that must duplicate a secret.
  Secret clone() const { return Secret(value_); }

  friend std::ostream& operator<<(std::ostream& os, const Secret&) { return os << "<secret>"; }

 private:
  void wipe() { sodium_memzero(static_cast<void*>(&value_), sizeof(T)); }
  T value_;
};

// A variable-length secret byte buffer.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(Bytes b) : bytes_(std::move(b)) {}
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;
  SecretBytes(SecretBytes&& o) noexcept : bytes_(std::move(o.bytes_)) { o.bytes_.clear(); }
  SecretBytes& operator=(SecretBytes&& o) noexcept {
    if (this != &o) {
      wipe();
      bytes_ = std::move(o.bytes_);
      o.bytes_.clear();
    }
    return *this;
  }
  ~SecretBytes() { wipe(); }

  ByteView expose() const { return bytes_; }
  size_t size() const { return bytes_.size(); }

  friend std::ostream& operator<<(std::ostream& os, const SecretBytes&) { return os << "<secret>"; }

 private:
  void wipe() {
    if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
  }
  Bytes bytes_;
};

}  // namespace okmpc
