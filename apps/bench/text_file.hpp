// Writing a whole text file at once, with an error that names the file.
#pragma once

#include <string>
#include <string_view>

#include "mpc/error.hpp"

namespace okmpc::bench {

// Replaces `path` with `content`. kIo naming the path if it cannot be written.
Status write_text_file(const std::string& path, std::string_view content);

}  // namespace okmpc::bench
