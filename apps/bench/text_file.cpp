#include "apps/bench/text_file.hpp"

#include <fstream>

namespace okmpc::bench {

Status write_text_file(const std::string& path, std::string_view content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return fail(ErrorCode::kIo, "cannot write " + path);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) return fail(ErrorCode::kIo, "error while writing " + path);
  return ok();
}

}  // namespace okmpc::bench
