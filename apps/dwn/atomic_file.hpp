// Small durable-file primitives for the services' own state (DWN share
// vaults, node keys, the gateway's persisted provider keys).
#pragma once

#include <sys/types.h>

#include <filesystem>

#include "mpc/bytes.hpp"
#include "mpc/error.hpp"
#include "mpc/secret.hpp"

namespace okmpc::dwn {

// Writes `data` to `path` atomically: a temporary file created with `mode`,
// fsync, rename over `path`, fsync of the directory. A crash leaves either
// the old file or the complete new one. kIo on failure.
Status write_file_atomic(const std::filesystem::path& path, ByteView data, mode_t mode);

// The whole file; kNotFound if it does not exist, kIo otherwise.
Result<Bytes> read_file(const std::filesystem::path& path);

// A secret of exactly `size` bytes kept in `path` (mode 0600): read if the
// file exists, else drawn from the OS CSPRNG and written. A file of another
// size is kCorrupted; one readable by group/other is kPermissionDenied.
Result<SecretBytes> load_or_create_secret(const std::filesystem::path& path, size_t size);

}  // namespace okmpc::dwn
