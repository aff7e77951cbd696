// A move-only, zeroizing vector of Blocks: rows of the OT-extension matrix and
// other per-OT secrets. Printed as "<secret>".
#pragma once

#include <sodium.h>

#include <ostream>
#include <utility>
#include <vector>

#include "protocols/ecdsa/ot/block.hpp"

namespace okmpc::ecdsa::ot {

class SecretBlocks {
 public:
  SecretBlocks() = default;
  explicit SecretBlocks(size_t n) : blocks_(n) {}
  SecretBlocks(const SecretBlocks&) = delete;
  SecretBlocks& operator=(const SecretBlocks&) = delete;
  SecretBlocks(SecretBlocks&& o) noexcept : blocks_(std::move(o.blocks_)) { o.blocks_.clear(); }
  SecretBlocks& operator=(SecretBlocks&& o) noexcept {
    if (this != &o) {
      wipe();
      blocks_ = std::move(o.blocks_);
      o.blocks_.clear();
    }
    return *this;
  }
  ~SecretBlocks() { wipe(); }

  size_t size() const { return blocks_.size(); }
  const Block& operator[](size_t i) const { return blocks_[i]; }
  Block& operator[](size_t i) { return blocks_[i]; }

  friend std::ostream& operator<<(std::ostream& os, const SecretBlocks&) { return os << "<secret>"; }

 private:
  void wipe() {
    if (!blocks_.empty()) sodium_memzero(blocks_.data(), blocks_.size() * sizeof(Block));
  }
  std::vector<Block> blocks_;
};

}  // namespace okmpc::ecdsa::ot
