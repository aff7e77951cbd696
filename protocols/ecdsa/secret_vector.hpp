// SecretVector<T>: a move-only vector of trivially copyable secret values
// (OT rows, vOLE pads, scalar shares), wiped with sodium_memzero when
// destroyed or overwritten. Printed as "<secret>".
#pragma once

#include <sodium.h>

#include <ostream>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace okmpc::ecdsa {

template <class T>
class SecretVector {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  SecretVector() = default;
  explicit SecretVector(size_t n) : v_(n) {}
  SecretVector(const SecretVector&) = delete;
  SecretVector& operator=(const SecretVector&) = delete;
  SecretVector(SecretVector&& o) noexcept : v_(std::move(o.v_)) { o.v_.clear(); }
  SecretVector& operator=(SecretVector&& o) noexcept {
    if (this != &o) {
      wipe();
      v_ = std::move(o.v_);
      o.v_.clear();
    }
    return *this;
  }
  ~SecretVector() { wipe(); }

  size_t size() const { return v_.size(); }
  const T& operator[](size_t i) const { return v_[i]; }
  T& operator[](size_t i) { return v_[i]; }
  // Read-only view of all elements (valid until the vector changes).
  std::span<const T> span() const { return v_; }

  friend std::ostream& operator<<(std::ostream& os, const SecretVector&) { return os << "<secret>"; }

 private:
  void wipe() {
    if (!v_.empty()) sodium_memzero(static_cast<void*>(v_.data()), v_.size() * sizeof(T));
  }
  std::vector<T> v_;
};

}  // namespace okmpc::ecdsa
