// Length-prefixed field encoding for everything auth/ hashes or signs:
// u32 big-endian length ‖ bytes, so no two field lists share an encoding
// (STYLE.md rule 9: never concatenate variable-length fields without lengths).
#pragma once

#include "mpc/bytes.hpp"

namespace okmpc::auth {

inline void append_field(Bytes& out, ByteView field) {
  append_u32_be(out, static_cast<uint32_t>(field.size()));
  append(out, field);
}

}  // namespace okmpc::auth
