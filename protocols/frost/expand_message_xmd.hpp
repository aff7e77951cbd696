// expand_message_xmd with SHA-256 (RFC 9380 §5.3.1), the uniform-bytes step of
// hash_to_field (RFC 9380 §5.2) that FROST(secp256k1, SHA-256) uses for its
// H1, H2 and H3 (RFC 9591 §6.5).
#pragma once

#include <initializer_list>
#include <span>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"

namespace okmpc::frost {

// Writes expand_message_xmd(msg, dst, out.size()) into `out`, where msg is the
// concatenation of `msg_parts` (hashed in a stream, never copied).
// Contract: 1 <= dst.size() <= 255 and 1 <= out.size() <= 255 * 32 (RFC 9380
// limits; oversize DSTs must be pre-hashed by the caller), else
// kInvalidArgument and `out` is untouched. Runs in time independent of the
// message contents (it may hold secrets: FROST's H3 hashes the secret share);
// intermediate buffers are wiped.
Status expand_message_xmd_sha256(std::initializer_list<ByteView> msg_parts, ByteView dst,
                                 std::span<uint8_t> out);

}  // namespace okmpc::frost
